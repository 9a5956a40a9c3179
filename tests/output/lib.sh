# Shared by the output format tests: the batch tests' scratch folder and
# checks that count (check, status_is, stderr_has, finish), and same.
# shellcheck shell=bash
: "${FACTPIPE:?}" "${PYTHON:?}" "${SOURCE_DIR:?}"
# shellcheck source=../batch/lib.sh
. "$SOURCE_DIR/tests/batch/lib.sh"

same() { cmp -s "$1" "$2" || { echo "$1 and $2 differ:"; diff "$1" "$2" | head -10; return 1; }; }
