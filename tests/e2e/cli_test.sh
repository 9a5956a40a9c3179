#!/usr/bin/env bash
# The CLI's promises: exit codes, output modes, errors that say file:line,
# --help/--version/--list-plugins, chrome facts only under --keep-chrome.
set -uo pipefail
: "${FACTPIPE:?}" "${XMLLINT:?}" "${SOURCE_DIR:?}" "${ABI_PLUGIN_DIR:?}"
cd "$SOURCE_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
status_is() { # status_is WANT COMMAND...
  local want=$1; shift
  "$@" > "$tmp/stdout" 2> "$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want: $*"; cat "$tmp/stderr"; return 1; }
}
stderr_has() { grep -qF -- "$1" "$tmp/stderr" || { echo "stderr lacks '$1':"; cat "$tmp/stderr"; return 1; }; }
stdout_has() { grep -qF -- "$1" "$tmp/stdout" || { echo "stdout lacks '$1'"; return 1; }; }
valid() { "$XMLLINT" --noout --relaxng schema/factpipe.rng "$1" 2>/dev/null; }

seed=samples/thanhkhe-2018-10-09.txt

check "help exits 0 and lists every option" status_is 0 "$FACTPIPE" --help
for opt in --output --format --pipeline --plugin-dir --list-plugins --keep-chrome --include-text \
           --max-input-size --version "Exit status"; do
  check "help mentions $opt" stdout_has "$opt"
done
check "version" status_is 0 "$FACTPIPE" --version
check "version names ABI" stdout_has "plugin ABI"
check "no input is a usage error" status_is 2 "$FACTPIPE"
check "unknown option is a usage error" status_is 2 "$FACTPIPE" --no-such-option "$seed"
check "bad --max-input-size" status_is 2 "$FACTPIPE" --max-input-size 12abc "$seed"
# Exit status 3 is the batch's own error, as --help says: an unreadable
# --files-from list stops it, named.
check "unreadable --files-from list" status_is 3 "$FACTPIPE" --files-from "$tmp/no-such-list"
check "unreadable --files-from list named" stderr_has "no-such-list: cannot read the list of inputs"
check "help says exit 3 covers the list" bash -c "'$FACTPIPE' --help | tr '\n' ' ' | grep -q -- '3 the batch stopped.*--files-from list'"

# --format: xml is the default; an unknown name is a usage error that
# lists the formats (tests/output has each format's own tests).
check "help lists the xml format" bash -c "'$FACTPIPE' --help | grep -qE '^ +xml +'"
check "format xml" status_is 0 "$FACTPIPE" --format xml "$seed"
cp "$tmp/stdout" "$tmp/format-xml.xml"
check "format xml is the default" bash -c "'$FACTPIPE' '$seed' | cmp -s - '$tmp/format-xml.xml'"
check "unknown format" status_is 2 "$FACTPIPE" -f json "$seed"
check "unknown format lists the formats" stderr_has "unknown output format 'json': the formats are xml, jsonl, html, text"
check "unknown format writes nothing" test ! -s "$tmp/stdout"

check "list-plugins" status_is 0 "$FACTPIPE" --list-plugins
check "list-plugins shows percentage" stdout_has "percentage 1."
check "list-plugins shows options" stdout_has "ranges"

# One file to stdout: valid XML, the seed's article percentages, no widget.
check "seed to stdout" status_is 0 "$FACTPIPE" "$seed"
cp "$tmp/stdout" "$tmp/seed.xml"
check "seed output valid" valid "$tmp/seed.xml"
check "seed has 21.1" grep -q 'value="21.1"' "$tmp/seed.xml"
check "seed drops widget 56.6" bash -c "! grep -q 'value=\"56.6\"' '$tmp/seed.xml'"
check "seed meta date" grep -q '<date>2018-10-09</date>' "$tmp/seed.xml"

# --keep-chrome keeps the widget figures, marked as chrome.
check "keep-chrome" status_is 0 "$FACTPIPE" --keep-chrome "$seed"
check "widget kept as chrome" grep -q 'value="56.6".*zone="chrome"' "$tmp/stdout"

# -o with an existing folder: one file per document, mirroring the tree.
mkdir -p "$tmp/out"
check "folder output" status_is 0 "$FACTPIPE" -o "$tmp/out" samples/
check "per-document file" test -f "$tmp/out/thanhkhe-2018-10-09.txt.xml"
check "per-document file valid" valid "$tmp/out/lechan-2017-01-21.html.xml"
check "no temporary files left" bash -c "! ls -a '$tmp/out' | grep -q tmp"
# -o PATH/ that does not exist yet is a folder too; any other path one file.
check "new folder output" status_is 0 "$FACTPIPE" -o "$tmp/new/" "$seed"
check "new folder file" test -f "$tmp/new/thanhkhe-2018-10-09.txt.xml"
check "combined file output" status_is 0 "$FACTPIPE" -o "$tmp/all.xml" samples/
check "combined file valid" valid "$tmp/all.xml"
check "combined has 6 documents" test "$(grep -c '<document ' "$tmp/all.xml")" -eq 6

# A failing document costs itself only: exit 1, the rest still written.
mkdir -p "$tmp/in"
cp "$seed" "$tmp/in/good.txt"
check "missing input: exit 1" status_is 1 "$FACTPIPE" "$tmp/in/good.txt" "$tmp/in/missing.html"
check "missing input named" stderr_has "missing.html"
check "good document still written" grep -q 'value="21.1"' "$tmp/stdout"
check "failed document has error" grep -q '<error>' "$tmp/stdout"
cp "$tmp/stdout" "$tmp/partial.xml"
check "output with failure valid" valid "$tmp/partial.xml"
check "directory named as a file fails cleanly" status_is 1 "$FACTPIPE" "$tmp/in/good.txt" "$tmp/in/good.txt/"
# --max-nesting: a page nested deeper is cut and marked partial, not lost.
{ printf '<html><body><p>21,1%%</p>'; for i in $(seq 40); do printf '<div>'; done
  printf '<p>36,9%%</p></body></html>'; } > "$tmp/in/deep.html"
check "nesting within the default" status_is 0 "$FACTPIPE" "$tmp/in/deep.html"
check "deep text kept by default" grep -q 'value="36.9"' "$tmp/stdout"
check "nesting over --max-nesting" status_is 0 "$FACTPIPE" --max-nesting 20 "$tmp/in/deep.html"
check "cut page marked partial" grep -q 'partial="true"' "$tmp/stdout"
check "text before the cut kept" grep -q 'value="21.1"' "$tmp/stdout"
check "partial page named on stderr" stderr_has "stopped early"
check "bad --max-nesting" status_is 2 "$FACTPIPE" --max-nesting 3 "$seed"
check "help mentions --max-nesting" bash -c "'$FACTPIPE' --help | grep -q -- --max-nesting"
# Regex limits are plugin options: a low match-limit fails the document
# that needs more steps; the default lets it through.
python3 -c "print('tỷ lệ 1' + '.111' * 3000 + '%')" > "$tmp/in/longnum.txt"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\nmatch-limit = 1000\n' > "$tmp/limit.pipeline"
check "match-limit reached: document fails" status_is 1 "$FACTPIPE" -c "$tmp/limit.pipeline" "$tmp/in/longnum.txt"
check "match-limit message" stderr_has "match limit exceeded"
check "default match-limit suffices" status_is 0 "$FACTPIPE" "$tmp/in/longnum.txt"
check "over max size fails that document" status_is 1 "$FACTPIPE" --max-input-size 100 "$seed"
check "max size message" stderr_has "100"

# Pipeline errors: exit 2 and file:line with what was expected.
printf '[pipeline]\nplugins = listed\n\n[plugin percentage]\npriority = 20\nbogus = 1\n' > "$tmp/bad-option.pipeline"
check "unknown option" status_is 2 "$FACTPIPE" -c "$tmp/bad-option.pipeline" "$seed"
check "unknown option file:line" stderr_has "bad-option.pipeline:6:"
check "unknown option names it" stderr_has "bogus"
printf '[pipeline]\nplugins = listed\n[plugin nosuchplugin]\n' > "$tmp/bad-plugin.pipeline"
check "unknown plugin" status_is 2 "$FACTPIPE" -c "$tmp/bad-plugin.pipeline" "$seed"
check "unknown plugin file:line" stderr_has "bad-plugin.pipeline:3:"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\nranges = maybe\n' > "$tmp/bad-value.pipeline"
check "bad value" status_is 2 "$FACTPIPE" -c "$tmp/bad-value.pipeline" "$seed"
check "bad value file:line" stderr_has "bad-value.pipeline:4:"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\n[plugin percentage]\n' > "$tmp/twice.pipeline"
check "duplicate plugin" status_is 2 "$FACTPIPE" -c "$tmp/twice.pipeline" "$seed"
check "duplicate plugin file:line" stderr_has "twice.pipeline:4:"
check "missing pipeline file" status_is 2 "$FACTPIPE" -c "$tmp/none.pipeline" "$seed"

# A WARC response of plain text is a page (--help: "response records of
# HTML or plain text"), an image is not.
"${PYTHON:?}" - "$tmp/plain.warc" <<'EOF_WARC'
import sys
def record(uri, content_type, body):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type + b"\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-03-01T08:15:00Z\r\nWARC-Record-ID: <urn:uuid:{uri[-5:]}>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"
text = "Năm 2019, phường có 203 đảng viên.\n".encode()
with open(sys.argv[1], "wb") as f:
    f.write(record("http://ubnd.example.vn/a.txt", b"text/plain; charset=utf-8", text))
    f.write(record("http://ubnd.example.vn/b.png", b"image/png", b"\x89PNG"))
EOF_WARC
check "WARC of a text/plain response" status_is 0 "$FACTPIPE" "$tmp/plain.warc"
check "the text/plain response is a document" stdout_has 'source="http://ubnd.example.vn/a.txt" format="text"'
check "its facts are found" stdout_has 'text="203 đảng viên"'
check "the image is not" bash -c "! grep -q 'b.png' '$tmp/stdout'"

# Plugin folders: a refused plugin stops the run with its one-line reason.
printf '[pipeline]\nplugins = listed\n[plugin major]\n' > "$tmp/abi.pipeline"
check "refused plugin" status_is 2 "$FACTPIPE" -c "$tmp/abi.pipeline" --plugin-dir "$ABI_PLUGIN_DIR" "$seed"
check "refusal names versions" stderr_has "rebuild the plugin"
printf '[pipeline]\nplugins = listed\n[plugin good]\n[plugin percentage]\n' > "$tmp/good.pipeline"
check "extra plugin via FACTPIPE_PLUGIN_PATH" status_is 0 env FACTPIPE_PLUGIN_PATH="$ABI_PLUGIN_DIR" "$FACTPIPE" -c "$tmp/good.pipeline" "$seed"
# The search order --help and factpipe(1) give: the pipeline file's
# plugin-dir lines, then --plugin-dir, then FACTPIPE_PLUGIN_PATH.
percentage_so=$(dirname "$FACTPIPE")/plugins/percentage.so
mkdir -p "$tmp/order/in-pipeline" "$tmp/order/option" "$tmp/order/env"
for d in in-pipeline option env; do cp "$percentage_so" "$tmp/order/$d/"; done
printf '[pipeline]\nplugins = listed\nplugin-dir = order/in-pipeline\n[plugin percentage]\n' > "$tmp/order.pipeline"
check "plugin-dir line before --plugin-dir" status_is 0 env FACTPIPE_PLUGIN_PATH="$tmp/order/env" \
  "$FACTPIPE" -c "$tmp/order.pipeline" --plugin-dir "$tmp/order/option" --list-plugins
check "plugin-dir line's plugin loaded" stdout_has "$tmp/order/in-pipeline/percentage.so"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\n' > "$tmp/order2.pipeline"
check "--plugin-dir before FACTPIPE_PLUGIN_PATH" status_is 0 env FACTPIPE_PLUGIN_PATH="$tmp/order/env" \
  "$FACTPIPE" -c "$tmp/order2.pipeline" --plugin-dir "$tmp/order/option" --list-plugins
check "--plugin-dir's plugin loaded" stdout_has "$tmp/order/option/percentage.so"
check "help gives the order" bash -c "'$FACTPIPE' --help | tr -s ' \n' ' ' | grep -q -- \"DIR, after the pipeline file's plugin-dir lines\""

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
