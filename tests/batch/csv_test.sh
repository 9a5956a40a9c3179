#!/usr/bin/env bash
# contrib/factpipe-to-csv.xsl: one CSV row per fact, checked with xsltproc
# against an expected file, then on real output (one row per <fact>).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
: "${XSLTPROC:?}"
xsl=contrib/factpipe-to-csv.xsl
data=tests/batch/data

check "fixture is valid factpipe XML" valid "$data/facts.xml"
check "xsltproc" status_is 0 "$XSLTPROC" "$xsl" "$data/facts.xml"
check "CSV as expected" diff -u "$data/facts.csv" "$tmp/stdout"

fp samples/ > "$tmp/samples.xml"
check "xsltproc on real output" status_is 0 "$XSLTPROC" "$xsl" "$tmp/samples.xml"
check "one row per fact, plus the header" \
  test "$(wc -l < "$tmp/stdout")" -eq $(($(grep -c '<fact ' "$tmp/samples.xml") + 1))

finish
