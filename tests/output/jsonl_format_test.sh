#!/usr/bin/env bash
# --format jsonl end to end: every output line of the samples, a WARC
# (url, record-date), the hostile inputs (tests/hostile) and a page made
# of the characters JSON must escape is valid under
# schema/factpipe.schema.json and carries exactly the facts of the XML of
# the same run (check_jsonl.py); one line per document; -o DIR/ writes
# DIR/NAME.json per document; failures are counted and carried.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

# same_as_xml NAME [FACTPIPE ARGS...]: jsonl and XML of the same inputs agree.
same_as_xml() {
  local name=$1; shift
  "$FACTPIPE" --format jsonl "$@" > "$tmp/$name.jsonl" 2> /dev/null
  local json_status=$?
  "$FACTPIPE" "$@" > "$tmp/$name.xml" 2> /dev/null
  local xml_status=$?
  [ "$json_status" -eq "$xml_status" ] && [ "$json_status" -le 1 ] ||
    { echo "$name: exit $json_status (jsonl) and $xml_status (xml)"; return 1; }
  "$PYTHON" tests/output/check_jsonl.py schema/factpipe.schema.json "$tmp/$name.jsonl" "$tmp/$name.xml"
}

check "help lists the jsonl format" bash -c "'$FACTPIPE' --help | grep -qE '^ +jsonl +\.json +'"

check "samples" same_as_xml samples samples/
check "samples, chrome and text" same_as_xml samples-all --keep-chrome --include-text samples/
"$PYTHON" tests/batch/make_warc.py samples/lechan-2017-01-21.html "$tmp/s.warc" "$tmp/s.warc.gz"
check "WARC records: url and record-date" same_as_xml warc "$tmp/s.warc.gz"
check "WARC meta carried" grep -q '"url":"http://ubnd.example.vn/a.html","record-date":"2024-03-01T08:15:00Z"' "$tmp/warc.jsonl"

# What JSON must escape or clean, in the title, the text and a fact.
mkdir -p "$tmp/in"
printf '<html><head><title>T\xe2\x80\xa8"quoted" \\ back\x01</title></head><body>\n<p>Tỷ lệ "đạt" 21,1%% \\ \xe2\x80\xa9 và \x7f \x02 \xff.</p>\n<p>Có 12 hộ nghèo.</p></body></html>\n' > "$tmp/in/escape.html"
check "escapes" same_as_xml escape --include-text "$tmp/in/escape.html"
check "one line" test "$(wc -l < "$tmp/escape.jsonl")" -eq 1
check "U+2028 escaped" grep -qF 'T\u2028\"quoted\" \\ back' "$tmp/escape.jsonl"

# A plugin that fails its document (a regex over its match limit): the
# line carries the error, as the XML's <error>.
"$PYTHON" -c "print('tỷ lệ 1' + '.111' * 3000 + '%')" > "$tmp/in/longnum.txt"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\nmatch-limit = 1000\n' > "$tmp/limit.pipeline"
check "a plugin's failure" same_as_xml plugin-failure -c "$tmp/limit.pipeline" "$tmp/in/longnum.txt" samples/thanhkhe-2018-10-09.txt
check "its error carried" grep -q '"error":"plugin .percentage. failed' "$tmp/plugin-failure.jsonl"

# The hostile inputs: binary noise, invalid UTF-8, NUL bytes, 20 MB lines
# (one line each even with --include-text), deep nesting, failures.
"$PYTHON" tests/hostile/generate.py "$tmp/hostile" > /dev/null
# A long budget: a document that runs over it in one run and not in the
# other (a slow sanitizer build) would make the two differ.
check "hostile inputs" same_as_xml hostile --timeout 600 --include-text --keep-chrome \
  tests/hostile/inputs "$tmp/hostile"

# -o DIR/: one .json per document, the stream's line; -j1 gives the same.
check "folder" status_is 0 "$FACTPIPE" --format jsonl -o "$tmp/out/" samples/
check "one .json per document" test "$(find "$tmp/out" -name '*.json' | wc -l)" -eq 6
check "named like the XML files" test -f "$tmp/out/thanhkhe-2018-10-09.txt.json"
check "file is the stream's line" bash -c "grep -F '\"source\":\"samples/thanhkhe-2018-10-09.txt\"' '$tmp/samples.jsonl' | cmp -s - '$tmp/out/thanhkhe-2018-10-09.txt.json'"
check "no temporaries left" bash -c "! find '$tmp/out' -name '*tmp*' | grep -q ."
check "one worker" status_is 0 "$FACTPIPE" -j1 --format jsonl samples/
check "same with -j1" same "$tmp/stdout" "$tmp/samples.jsonl"

# A failed document is a line with its error, counted in the exit status.
check "failure: exit 1" status_is 1 "$FACTPIPE" --format jsonl samples/thanhkhe-2018-10-09.txt "$tmp/in/missing.html"
check "failure counted" stderr_has '1 of 2 documents failed (see their "error" members)'
check "failure carried" bash -c "tail -1 '$tmp/stdout' | grep -q '\"error\":\"$tmp/in/missing.html: cannot open'"

finish
