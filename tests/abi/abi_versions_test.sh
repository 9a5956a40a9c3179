#!/usr/bin/env bash
# A plugin built against the frozen ABI 1.0 header and one reading the
# shared text analysis (ABI 1.1) in one pipeline of today's factpipe:
# check-plugin passes both and says their ABI, the CLI runs both on one
# document and writes the facts of each.
set -uo pipefail
: "${FACTPIPE:?}" "${ABI_PLUGIN_DIR:?}" "${SUPPORT_DIR:?}"
# shellcheck source=../support/check.sh
. "$SUPPORT_DIR/check.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factpipe-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

contains() { grep -q -- "$2" "$1" || { echo "  expected '$2' in $1:"; sed 's/^/    /' "$1"; return 1; }; }

"$FACTPIPE" check-plugin "$ABI_PLUGIN_DIR/oldabi.so" > "$tmp/old.check" 2>&1
check "check-plugin passes the 1.0 plugin" contains "$tmp/old.check" "^PASS oldabi"
check "check-plugin names its ABI 1.0" contains "$tmp/old.check" "(ABI 1.0)"
"$FACTPIPE" check-plugin "$ABI_PLUGIN_DIR/analysisuse.so" > "$tmp/new.check" 2>&1
check "check-plugin passes the analysis plugin" contains "$tmp/new.check" "^PASS analysisuse"
check "check-plugin names its ABI 1.1" contains "$tmp/new.check" "(ABI 1.1)"
check "check-plugin reports the analysis it made" contains "$tmp/new.check" "^analysis: asked"

printf '[pipeline]\nplugins = listed\n[plugin oldabi]\n[plugin analysisuse]\n' > "$tmp/abi.pipeline"
printf 'Có 1.250 hộ, chiếm 21,1%%. Năm 2019 có 03 đoàn.\n' > "$tmp/page.txt"
"$FACTPIPE" -c "$tmp/abi.pipeline" --plugin-dir "$ABI_PLUGIN_DIR" "$tmp/page.txt" > "$tmp/out.xml" 2> "$tmp/err"
check "the pipeline runs" test -s "$tmp/out.xml"
check "the 1.0 plugin's facts are written" contains "$tmp/out.xml" 'kind="digits" value="250"'
check "the 1.1 plugin's facts are written" contains "$tmp/out.xml" 'kind="number" value="21.1"'
check "with the sentence the analysis found" contains "$tmp/out.xml" 'value="2019"[^>]*sentence="1"'
check "no error" test "$(grep -c '<error' "$tmp/out.xml")" -eq 0
finish
