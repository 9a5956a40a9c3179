#!/usr/bin/env bash
# Hostile inputs through the CLI: each must end with a clear per-document
# error or a correct result — exit 0 or 1, never a signal (>128) or a hang
# (timeout's 124) — and the output must be schema-valid XML.  Small inputs
# live in inputs/, big ones are written by generate.py at test time; FIFOs,
# directories and links named as files are made here.
set -uo pipefail
: "${FACTPIPE:?}" "${XMLLINT:?}" "${PYTHON:?}" "${SOURCE_DIR:?}"
here="$SOURCE_DIR/tests/hostile"
schema="$SOURCE_DIR/schema/factpipe.rng"
per_input_timeout=${HOSTILE_TIMEOUT:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

"$PYTHON" "$here/generate.py" "$tmp/gen" || { echo "generate.py failed"; exit 1; }
mkfifo "$tmp/gen/fifo.html"
mkdir "$tmp/gen/folder.html"
ln -s folder.html "$tmp/gen/link-to-folder.html"
ln -s no-such-file.html "$tmp/gen/dangling.html"
ln -s fifo.html "$tmp/gen/link-to-fifo.txt"
ln -s /dev/null "$tmp/gen/devnull.html"

# run NAME [FACTPIPE OPTIONS...] INPUT: runs one input into $tmp/NAME.xml,
# checks the exit status and the XML, and leaves status/stderr for expect.
run() {
  local name=$1; shift
  out="$tmp/$name.xml" err="$tmp/$name.err"
  timeout -k 5 "$per_input_timeout" "$FACTPIPE" -o "$out" "$@" 2> "$err"
  status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    fail "$name: hung (killed after ${per_input_timeout}s)"; return 1
  elif [ "$status" -gt 128 ]; then
    fail "$name: died of signal $((status - 128))"; cat "$err"; return 1
  elif [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    fail "$name: exit $status, expected 0 or 1"; cat "$err"; return 1
  fi
  if ! "$XMLLINT" --noout --relaxng "$schema" "$out" 2> "$tmp/xmllint.err"; then
    fail "$name: output is not schema-valid"; head -5 "$tmp/xmllint.err"; return 1
  fi
  # A failed document must say so on stderr and in an <error>; a document
  # that succeeded must not carry one.
  if [ "$status" -eq 1 ] && ! grep -q '<error>' "$out"; then
    fail "$name: exit 1 without an <error> element"; return 1
  fi
  if [ "$status" -eq 0 ] && grep -q '<error>' "$out"; then
    fail "$name: exit 0 with an <error> element"; return 1
  fi
  passed=$((passed + 1))
}

# expect NAME STATUS [PATTERN...]: the last run's status, and patterns
# (grep -E) that its XML output must contain.
expect() {
  local name=$1 want=$2; shift 2
  [ "$status" -eq "$want" ] || { fail "$name: exit $status, expected $want"; head -3 "$err"; return; }
  local pattern
  for pattern in "$@"; do
    grep -qE -- "$pattern" "$out" || { fail "$name: output lacks /$pattern/"; return; }
  done
  passed=$((passed + 1))
}

# Every input: no crash, no hang, valid XML.
for input in "$here"/inputs/* "$tmp"/gen/*; do
  name=$(basename "$input")
  run "$name" "$input"
done

fact() { printf 'kind="percentage" value="%s"' "$1"; }
in="$here/inputs" gen="$tmp/gen"

# What each must give: the fact after the hostile part is there, or the
# error says what happened.
run empty "$in/empty.html" && expect empty 0 '<document source="[^"]*" format="html"'
run bom-only "$in/bom-only.txt" && expect bom-only 0 'format="text"'
run invalid-utf8 "$in/invalid-utf8.html" && expect invalid-utf8 0 "$(fact 7)"
run truncated-utf8 "$in/truncated-utf8-at-eof.txt" && expect truncated-utf8 0 "$(fact 9)"
run nul-html --keep-chrome "$in/nul-control.html" && expect nul-html 0 "$(fact 3)" "$(fact 4)"
run nul-text --keep-chrome --include-text "$in/nul-control.txt" &&
  expect nul-text 0 "$(fact 3)" "$(fact 4)" '<text>Tỷ lệ đạt 3%'
run lying-meta-utf8 "$in/lying-meta-utf8.html" &&
  expect lying-meta-utf8 0 'encoding="windows-1258"' "$(fact 2.5)"
run lying-meta-cp1258 "$in/lying-meta-cp1258.html" &&
  expect lying-meta-cp1258 0 'encoding="utf-8"' "$(fact 2.5)"
run lying-meta-unknown "$in/lying-meta-unknown.html" && expect lying-meta-unknown 0 "$(fact 6)"
for bom in le be; do
  run "utf16$bom" --include-text "$in/utf16$bom-bom.html" &&
    expect "utf16$bom" 0 "encoding=\"utf-16$bom\"" "$(fact 2.5)" 'Tỷ lệ hộ nghèo'
done
run utf16-odd "$in/utf16le-bom-odd-length.txt" && expect utf16-odd 0 "$(fact 8)"
run utf16-surrogate "$in/utf16le-lone-surrogate.txt" && expect utf16-surrogate 0 "$(fact 8)"
run unclosed-comment "$in/unclosed-comment.html" && expect unclosed-comment 0 "$(fact 2)"
run entities "$in/entities.html" && expect entities 0 "$(fact 5)"

run nest-div --keep-chrome "$gen/nest-100k-div.html" &&
  expect nest-div 0 "$(fact 1)" 'partial="true"'
run nest-unclosed --keep-chrome "$gen/nest-100k-unclosed.html" &&
  expect nest-unclosed 0 "$(fact 1)" 'partial="true"'
run attrs-200k "$gen/attrs-200k.html" &&
  expect attrs-200k 1 '<error>[^<]*too many attributes[^<]*has 200000'
run attrs-crowded "$gen/attrs-crowded.html" && expect attrs-crowded 1 'too many attributes'
for ext in txt html; do
  run "line-$ext" "$gen/line-20mb.$ext" &&
    expect "line-$ext" 1 '<error>[^<]*over the limit of 16777216 bytes; raise it with --max-input-size'
  run "line-$ext-raised" --keep-chrome --max-input-size 33554432 "$gen/line-20mb.$ext" &&
    expect "line-$ext-raised" 0 "$(fact 5)" "$(fact 9)"
done
for ext in txt html; do
  run "bait-$ext" --keep-chrome "$gen/regex-bait.$ext" &&
    expect "bait-$ext" 0 "$(fact 42)"
done
run soup --keep-chrome "$gen/markup-soup.html" && expect soup 0 "$(fact 21.1)"
run pubdate-bait --keep-chrome "$gen/pubdate-bait.html" &&
  expect pubdate-bait 0 '<date>2019-10-21</date>' "$(fact 5)"
run pubdate-years --keep-chrome "$gen/pubdate-years.txt" && expect pubdate-years 0 "$(fact 7)"

# Special files named as inputs: refused with the reason, the good input
# next to them still processed.  (A folder named like a file is a folder
# input: walked, and empty here.)
good="$SOURCE_DIR/samples/thanhkhe-2018-10-09.txt"
run folder-named-html "$good" "$gen/folder.html" && expect folder-named-html 0 "$(fact 21.1)"
for special in fifo.html:'named pipe' dangling.html:'No such file' link-to-fifo.txt:'named pipe' \
               devnull.html:'character device'; do
  file=${special%%:*} why=${special#*:} name=special-$file
  run "$name" "$good" "$gen/$file" &&
    expect "$name" 1 "<error>[^<]*$why" "$(fact 21.1)"
done
# The same files met while walking a folder.
run folder-walk "$gen" && expect folder-walk 1 "$(fact 42)"

echo "hostile inputs: $passed checks passed, $failed failed"
[ "$failed" -eq 0 ]
