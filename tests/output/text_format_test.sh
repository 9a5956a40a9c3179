#!/usr/bin/env bash
# --format text end to end: the article text of every sample equals the
# lead and body zones of the XML standoff; -o DIR/ writes DIR/NAME.txt per
# document (the XML files' naming); a combined output of several documents
# has one "==> SOURCE <==" line per document, one alone none; a failed
# document is counted and reported and writes no text.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

seed=samples/thanhkhe-2018-10-09.txt

check "help lists the text format" bash -c "'$FACTPIPE' --help | grep -qE '^ +text +'"

# The article text of each sample is exactly its lead and body lines.
check "samples as text" status_is 0 "$FACTPIPE" --format text samples/
cp "$tmp/stdout" "$tmp/samples.txt"
check "samples as XML with text" status_is 0 "$FACTPIPE" --include-text samples/
"$PYTHON" tests/output/article_from_xml.py "$tmp/stdout" > "$tmp/expected.txt"
check "text is the lead and body zones" same "$tmp/samples.txt" "$tmp/expected.txt"
check "one header per document" test "$(grep -c '^==> samples/.* <==$' "$tmp/samples.txt")" -eq 6
# No title, dateline or byline: the seed's title line and byline are not
# lines of its article text.
check "seed alone" status_is 0 "$FACTPIPE" --format text "$seed"
cp "$tmp/stdout" "$tmp/seed.txt"
check "one document: no header" bash -c "! grep -q '^==> ' '$tmp/seed.txt'"
check "seed has its article" grep -q 'chiếm 21,1%' "$tmp/seed.txt"
check "seed has no title line" bash -c "! grep -qx 'Sơ kết 05 năm.*' '$tmp/seed.txt'"
check "seed has no byline line" bash -c "! grep -qx 'Thu Lan' '$tmp/seed.txt'"
check "blank line between blocks, text ends with one newline" \
  "$PYTHON" -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); \
assert t.endswith('\n') and not t.endswith('\n\n') and '\n\n\n' not in t and t.count('\n\n') > 2" \
  "$tmp/seed.txt"

# -o DIR/: DIR/NAME.txt per document, the article text alone.
check "folder" status_is 0 "$FACTPIPE" --format text -o "$tmp/out/" samples/
check "one .txt per document" test "$(find "$tmp/out" -name '*.txt' | wc -l)" -eq 6
check "named like the XML files" test -f "$tmp/out/thanhkhe-2018-10-09.txt.txt"
check "file is the article alone" same "$tmp/out/thanhkhe-2018-10-09.txt.txt" "$tmp/seed.txt"
check "no temporaries left" bash -c "! find '$tmp/out' -name '*tmp*' | grep -q ."
check "resume skips the done documents" status_is 0 "$FACTPIPE" --format text --resume -o "$tmp/out/" samples/
check "resumed file unchanged" same "$tmp/out/thanhkhe-2018-10-09.txt.txt" "$tmp/seed.txt"
# -o FILE: one combined file, as on standard output.
check "combined file" status_is 0 "$FACTPIPE" --format text -o "$tmp/all.txt" samples/
check "combined file is the stream" same "$tmp/all.txt" "$tmp/samples.txt"
# Workers do not change the bytes.
check "one worker" status_is 0 "$FACTPIPE" -j1 --format text samples/
check "same with -j1" same "$tmp/stdout" "$tmp/samples.txt"

# A failed document: counted, named, reported; no text of its own.
mkdir -p "$tmp/in"
cp "$seed" "$tmp/in/good.txt"
check "failure: exit 1" status_is 1 "$FACTPIPE" --format text "$tmp/in/good.txt" "$tmp/in/missing.html"
check "failure named on stderr" stderr_has "missing.html"
check "failure counted" stderr_has "1 of 2 documents failed (see the warnings above)"
check "failed document has its header and no text" \
  bash -c "tail -1 '$tmp/stdout' | grep -qx '==> $tmp/in/missing.html <=='"
check "good document still written" grep -q 'chiếm 21,1%' "$tmp/stdout"
check "failure in a folder: exit 1" status_is 1 "$FACTPIPE" --format text -o "$tmp/fail/" "$tmp/in/good.txt" "$tmp/in/missing.html"
check "failed document's file is empty" test -f "$tmp/fail/missing.html.txt" -a ! -s "$tmp/fail/missing.html.txt"
check "failed document in the report" grep -q "missing.html	failed	" "$tmp/fail/factpipe-report.tsv"
check "failure counted, with the report" stderr_has "(see the warnings above or the folder's factpipe-report.tsv)"

finish
