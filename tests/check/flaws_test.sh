#!/usr/bin/env bash
# Each flawed plugin fails `factpipe check-plugin` with exit status 1 and
# the reason that names its flaw; the control plugin passes.
set -uo pipefail
failures=0

expect() { # flaw, expected exit status, extended regex the report must match
  local flaw=$1 status=$2 pattern=$3 out rc
  out=$("$FACTPIPE" check-plugin --timeout 2 "$FLAWED_DIR/flawed_$flaw.so" 2>&1)
  rc=$?
  if [ "$rc" -ne "$status" ] || ! grep -Eq -- "$pattern" <<<"$out"; then
    echo "flawed_$flaw: exit $rc (expected $status), report:" >&2
    echo "$out" >&2
    echo "expected it to match: $pattern" >&2
    failures=$((failures + 1))
  fi
}

expect none 0 '^PASS flawed_none$'
expect span 1 'cuts a UTF-8 character'
expect value 1 'empty or NULL value'
expect kind 1 "kind 'something-else' is not the declared kind 'flawed'"
expect racy 1 'gave other results than the single run'
expect crash 1 'the plugin crashed: signal 6'
expect loop 1 'still running after 2 s|more CPU time than the limit'
expect silent 1 'returned FP_ERROR without saying why'
expect exits 1 'ended with status 7 before its verdict'
expect early_analysis 1 'host->analysis\(\): the text analysis is there only during extract\(\)'

# Usage errors.
"$FACTPIPE" check-plugin >/dev/null 2>&1
[ $? -eq 2 ] || { echo "check-plugin without a plugin must exit 2" >&2; failures=$((failures + 1)); }
"$FACTPIPE" check-plugin --timeout 0 x.so >/dev/null 2>&1
[ $? -eq 2 ] || { echo "--timeout 0 must exit 2" >&2; failures=$((failures + 1)); }
# A file that is not a plugin is refused by the loader, exit 1.
expect_missing=$("$FACTPIPE" check-plugin /nonexistent/nothing.so 2>&1)
[ $? -eq 1 ] && grep -q "No such file" <<<"$expect_missing" ||
  { echo "a missing plugin must fail: $expect_missing" >&2; failures=$((failures + 1)); }

# A plugin named without a path is found as factpipe finds it: along
# FACTPIPE_PLUGIN_PATH, then in factpipe's own plugin folder.
by_name=$(FACTPIPE_PLUGIN_PATH=$FLAWED_DIR "$FACTPIPE" check-plugin --timeout 5 flawed_none 2>&1)
[ $? -eq 0 ] && grep -q "^PASS flawed_none$" <<<"$by_name" && grep -qF "$FLAWED_DIR/flawed_none.so" <<<"$by_name" ||
  { echo "check-plugin flawed_none (by name) must pass: $by_name" >&2; failures=$((failures + 1)); }
by_name=$(env -u FACTPIPE_PLUGIN_PATH "$FACTPIPE" check-plugin --timeout 5 percentage 2>&1)
[ $? -eq 0 ] && grep -q "^PASS percentage$" <<<"$by_name" ||
  { echo "check-plugin percentage (factpipe's own folder) must pass: $by_name" >&2; failures=$((failures + 1)); }
by_name=$(FACTPIPE_PLUGIN_PATH=/nonexistent/folder "$FACTPIPE" check-plugin no_such_plugin 2>&1)
[ $? -eq 1 ] && grep -q "^FAIL no_such_plugin: no plugin named 'no_such_plugin'.*missing folders: /nonexistent/folder" <<<"$by_name" ||
  { echo "an unknown plugin name must fail naming the folders: $by_name" >&2; failures=$((failures + 1)); }

[ $failures -eq 0 ] && echo "all flawed plugins caught"
exit $((failures > 0))
