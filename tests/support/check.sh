# Counting checks for the shell tests; source it.
#   check NAME COMMAND...   runs COMMAND; counts it passed, or failed with
#                           "FAIL: NAME" (COMMAND prints the details)
#   finish                  "N passed, N failed"; status 0 only when none failed
# shellcheck shell=bash
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
