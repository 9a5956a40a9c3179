#!/usr/bin/env bash
# factpipe samples/ gives the expected XML, valid against the schema, and
# the percentage facts of the gold files (and none from page chrome).
set -euo pipefail
: "${FACTPIPE:?}" "${XMLLINT:?}" "${PYTHON:?}" "${SOURCE_DIR:?}"
cd "$SOURCE_DIR"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$FACTPIPE" samples/ > "$out/samples.xml"
"$XMLLINT" --noout --relaxng schema/factpipe.rng "$out/samples.xml"

if ! diff -u tests/e2e/expected/samples.xml "$out/samples.xml" > "$out/diff"; then
  head -60 "$out/diff"
  echo "FAIL: output differs from tests/e2e/expected/samples.xml" \
       "(if the change is intended: build/factpipe samples/ > tests/e2e/expected/samples.xml)"
  exit 1
fi

"$PYTHON" tests/e2e/check_gold.py samples/gold.jsonl "$out/samples.xml" --kind percentage \
  --min-f1 1.0

# With --include-text, every fact's start/end (characters) cut its text out
# of the extracted text.
"$FACTPIPE" --include-text --keep-chrome samples/ > "$out/with-text.xml"
"$XMLLINT" --noout --relaxng schema/factpipe.rng "$out/with-text.xml"
"$PYTHON" tests/e2e/check_offsets.py "$out/with-text.xml"
echo "1 passed, 0 failed"
