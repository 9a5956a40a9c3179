#!/usr/bin/env bash
# Run the cmocka unit tests and the fuzz-corpus replays of a (non-ASan)
# build under valgrind's memcheck: it sees inside libxml2, PCRE2's JIT
# code and libutf8proc, which the sanitizer build does not instrument.
#
#   tests/valgrind/run_valgrind.sh BUILD_DIR
#
# The test commands come from ctest itself (--show-only=json-v1), so a new
# unit test is covered without editing this file.  Exit 1 on any error or
# definite leak.
set -uo pipefail
build=${1:?usage: run_valgrind.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
list=$(ctest --test-dir "$build" --show-only=json-v1 | "$python" -c '
import json, shlex, sys
for test in json.load(sys.stdin)["tests"]:
    name = test["name"]
    if name.startswith("test_") or name.startswith("fuzz_corpus_"):
        print(name + "\t" + " ".join(shlex.quote(a) for a in test["command"]))
') || { echo "cannot list the tests of $build"; exit 1; }
passed=0 failed=0
while IFS=$'\t' read -r name command; do
  log="$build/valgrind-$name.log"
  eval "valgrind --quiet --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite --show-leak-kinds=definite \
        --suppressions=$here/factpipe.supp --log-file=$log $command" > /dev/null 2>&1
  rc=$?
  if [ "$rc" -eq 99 ] || [ -s "$log" ]; then
    failed=$((failed + 1)); echo "FAIL: $name (valgrind, see $log)"; head -30 "$log"
  elif [ "$rc" -ne 0 ]; then
    failed=$((failed + 1)); echo "FAIL: $name exited $rc under valgrind"
  else
    passed=$((passed + 1))
  fi
done <<< "$list"
echo "valgrind: $passed test programs clean, $failed failed"
[ "$failed" -eq 0 ]
