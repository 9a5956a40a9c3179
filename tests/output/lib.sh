# Shared by the output format tests: a scratch folder and checks that count.
# shellcheck shell=bash
: "${FACTPIPE:?}" "${PYTHON:?}" "${SOURCE_DIR:?}"
cd "$SOURCE_DIR" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
status_is() { # status_is WANT COMMAND...: stdout/stderr kept in $tmp/stdout, $tmp/stderr
  local want=$1; shift
  "$@" > "$tmp/stdout" 2> "$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want: $*"; head -5 "$tmp/stderr"; return 1; }
}
stderr_has() { grep -qF -- "$1" "$tmp/stderr" || { echo "stderr lacks '$1':"; head -5 "$tmp/stderr"; return 1; }; }
same() { cmp -s "$1" "$2" || { echo "$1 and $2 differ:"; diff "$1" "$2" | head -10; return 1; }; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
