#!/usr/bin/env bash
# check-plugin --sample FILE [--expect N]: the plugin runs on the author's
# text (once and from two threads); no fact fails unless --expect 0, and
# --expect N wants exactly N.  A plugin's relative file options are looked
# up in its own data folder (NAME/ next to NAME.so) before factpipe's.
set -uo pipefail
: "${FACTPIPE:?}" "${PLUGIN_DIR:?}" "${FLAWED_DIR:?}" "${SOURCE_DIR:?}"
. "$SOURCE_DIR/tests/support/check.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factpipe-check-sample.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

run() { "$FACTPIPE" check-plugin --timeout 20 "$@" >"$tmp/out" 2>&1; status=$?; }
status_is() { local want=$1; shift; run "$@"; [ "$status" -eq "$want" ] || { echo "exit $status, expected $want:"; cat "$tmp/out"; return 1; }; }
has() { grep -qF -- "$1" "$tmp/out" || { echo "'$1' not in:"; cat "$tmp/out"; return 1; }; }

printf 'Tỷ lệ đạt 21,1%%, tăng 5 phần trăm.\r\n\nKhông có số nào ở đây.\n' >"$tmp/sample.txt"
printf 'Không có số nào ở đây.\n' >"$tmp/none.txt"
pct=$PLUGIN_DIR/percentage.so

check "a sample with facts passes" status_is 0 --sample "$tmp/sample.txt" "$pct"
check "its facts are listed" has 'percentage "21.1" bytes'
check "its line count (CRLF and a blank line)" has "sample $tmp/sample.txt: 2 lines"
check "its two threads" has "threads ($tmp/sample.txt): two at once on one instance: same facts"
check "the built-in checks still run" has "long:    one "
check "exactly as expected" status_is 0 --sample "$tmp/sample.txt" --expect 2 "$pct"
check "more than expected fails" status_is 1 --sample "$tmp/sample.txt" --expect 1 "$pct"
check "and says so" has "$tmp/sample.txt: 2 facts found, --expect says 1"
check "a sample without facts fails" status_is 1 --sample "$tmp/none.txt" "$pct"
check "and says why" has "no fact found in your sample, so the plugin's matching never ran"
check "unless --expect 0" status_is 0 --sample "$tmp/none.txt" --expect 0 "$pct"
# The flawed plugins emit over "Chỉ thị": a racy one is caught in the
# sample's threads too.
printf 'Thực hiện Chỉ thị 05-CT/TW.\n' >"$tmp/directive.txt"
check "the control plugin passes on it" status_is 0 --sample "$tmp/directive.txt" --expect 1 "$FLAWED_DIR/flawed_none.so"
check "racy plugins are caught on the sample too" status_is 1 --sample "$tmp/directive.txt" "$FLAWED_DIR/flawed_racy.so"
check "in the sample's threads" has "($tmp/directive.txt) gave other results than the single run"

printf '<!DOCTYPE html><html><body><p>21%%</p></body></html>\n' >"$tmp/page.html"
check "an HTML page is refused" status_is 1 --sample "$tmp/page.html" "$pct"
check "with the way to its text" has "looks like an HTML page; give a text file"
check "--expect needs --sample" status_is 2 --expect 1 "$pct"
check "a missing sample is a usage error" status_is 2 --sample "$tmp/missing.txt" "$pct"
check "--expect takes a count" status_is 2 --sample "$tmp/sample.txt" --expect -1 "$pct"
check "--expect takes a number" status_is 2 --sample "$tmp/sample.txt" --expect two "$pct"

# The plugin's own data folder wins over factpipe's: a copy of docref
# whose types lexicon (next to it, in docref/) knows only "Quyết định".
mkdir -p "$tmp/plugins/docref/lexicons"
cp "$PLUGIN_DIR/docref.so" "$tmp/plugins/"
printf 'Quyết định\n' >"$tmp/plugins/docref/lexicons/docref-types.txt"
printf 'Theo Kế hoạch số 112/KH-UBND và Quyết định số 217-QĐ/TW.\n' >"$tmp/refs.txt"
check "factpipe's lexicon: two references" status_is 0 --sample "$tmp/refs.txt" --expect 2 "$PLUGIN_DIR/docref.so"
check "the plugin's own lexicon: one" status_is 0 --sample "$tmp/refs.txt" --expect 1 "$tmp/plugins/docref.so"
finish
