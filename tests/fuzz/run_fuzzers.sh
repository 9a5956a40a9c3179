#!/usr/bin/env bash
# Run every libFuzzer harness of an FP_FUZZ=ON build for a bounded time and
# report executions and findings per harness.
#
#   tests/fuzz/run_fuzzers.sh BUILD_DIR [SECONDS_EACH] [WORKERS]
#
# FUZZERS="ingest pipeline" runs only those harnesses.
# Each harness starts from its seed corpus (tests/fuzz/corpus/NAME, copied:
# the repository is not written) with its dictionary; new inputs go to
# BUILD_DIR/fuzz-corpus/NAME, crashers to BUILD_DIR/fuzz-findings/.  A
# crasher worth keeping is copied into tests/fuzz/corpus/NAME/ after the
# fix, so that every later test run replays it.  Exit 1 when any harness
# found something.
set -uo pipefail
build=${1:?usage: run_fuzzers.sh BUILD_DIR [SECONDS_EACH] [WORKERS]}
seconds=${2:-60}
workers=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
findings="$build/fuzz-findings"
mkdir -p "$findings"
status=0
for fuzzer in "$build"/tests/fuzz/fuzz_*; do
  name=$(basename "$fuzzer"); name=${name#fuzz_}
  case $name in *_replay) continue ;; esac
  if [ -n "${FUZZERS:-}" ] && [[ " $FUZZERS " != *" $name "* ]]; then
    continue
  fi
  [ -x "$fuzzer" ] || continue
  corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  log="$build/fuzz-$name.log"
  # -max_len 4096: small inputs keep the rate up (the seeds hold whole
  # pages); -rss_limit_mb and -timeout are OSS-Fuzz's limits.
  args=(-max_total_time="$seconds" -max_len=4096 -timeout=25 -rss_limit_mb=2560
        -artifact_prefix="$findings/$name-" -print_final_stats=1)
  [ -f "$here/$name.dict" ] && args+=(-dict="$here/$name.dict")
  if [ "$workers" -gt 1 ]; then
    args+=(-fork="$workers" -ignore_crashes=0)
  fi
  "$fuzzer" "${args[@]}" "$corpus" "$here/corpus/$name" > "$log" 2>&1
  rc=$?
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')
  if [ "$execs" -eq 0 ]; then
    # -fork mode prints no final stats: take the last status line.
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  fi
  crashes=$(find "$findings" -name "$name-*" | wc -l)
  printf '%-22s %10s executions in %ss, exit %d, %d finding(s)\n' \
         "$name" "${execs:-?}" "$seconds" "$rc" "$crashes"
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    grep -E 'ERROR|runtime error|invariant broken|SUMMARY' "$log" | head -5
  fi
done
exit $status
