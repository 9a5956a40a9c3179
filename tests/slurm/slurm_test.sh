#!/usr/bin/env bash
# factpipe under a real Slurm (issue 12): a one-node cluster on localhost
# (cluster.sh) runs the README's job array over 300 pages, and the union of
# its shards must be one plain run; one array task is cancelled while it
# works and the same array submitted again must complete it with nothing
# lost or done twice; then the README's GNU parallel line, the same way.
# The commands run are the README's own: its blocks are read from
# README.md (the job script must also equal contrib/slurm/factpipe.sbatch)
# with only the input folder /data/crawl/ replaced.
# Exit status 77 (skipped) only where the daemons cannot be started: not
# root, or Slurm and munge not installed.
set -uo pipefail
: "${FACTPIPE:?}" "${SOURCE_DIR:?}" "${PYTHON:?}" "${SLOW_PLUGIN_DIR:?}"

# A child subreaper (prctl PR_SET_CHILD_SUBREAPER): slurmd detaches the
# slurmstepd it starts; with this shell as their subreaper they and the
# jobs stay its descendants — reaped here, and ended with it by ctest.
if [ -z "${FP_SLURM_TEST_SUBREAPER:-}" ]; then
  export FP_SLURM_TEST_SUBREAPER=1
  exec "$PYTHON" -c 'import ctypes, os, sys
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
os.execvp(sys.argv[1], sys.argv[1:])' bash "$0" "$@"
fi

here=$(cd "$(dirname "$0")" && pwd)
. "$here/cluster.sh"
missing=$(cluster_missing_programs)
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: a Slurm node (slurmd) runs jobs as root; this test runs as uid $(id -u)"
  exit 77
fi
if [ -n "$missing" ]; then
  echo "SKIP: Slurm or munge is not installed (missing: $missing); .ci/deps installs slurm-wlm and munge"
  exit 77
fi

started=$SECONDS
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factpipe-slurm.XXXXXX")
chmod 755 "$tmp" # munged wants the path to its socket open to all
trap 'cluster_stop; rm -rf "$tmp"' EXIT
trap 'echo "slurm test: interrupted"; exit 1' INT TERM
. "$here/../support/check.sh"
job_outputs() {
  local f
  for f in "$tmp"/array/slurm-*.out; do
    [ -s "$f" ] && { echo "--- $f"; tail -n 5 "$f"; }
  done
}
fatal() { echo "FAIL: $*"; job_outputs; cluster_logs; exit 1; }

# No Slurm job of the caller's leaks in; factpipe found as `factpipe`.
for var in $(compgen -e | grep '^SLURM_'); do unset "$var"; done
mkdir -p "$tmp/bin"
ln -s "$FACTPIPE" "$tmp/bin/factpipe"
export PATH="$tmp/bin:$PATH"
# The slow plugin joins `plugins = all`: FACTPIPE_TEST_DELAY_MS per page.
export FACTPIPE_PLUGIN_PATH=$SLOW_PLUGIN_DIR FACTPIPE_TEST_DELAY_MS=0

# readme_block NAME: the fenced block after "<!-- tests/slurm: NAME -->".
readme_block() {
  awk -v tag="<!-- tests/slurm: $1 -->" '
    $0 == tag { want = 1; next }
    want && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$SOURCE_DIR/README.md"
}
# readme_command NAME FOLDER: that block with /data/crawl/ made FOLDER.
readme_command() {
  local block
  block=$(readme_block "$1")
  grep -qF /data/crawl/ <<<"$block" || { echo "README block '$1' lost /data/crawl/: $block" >&2; return 1; }
  sed "s|/data/crawl/|$2/|g" <<<"$block"
}
job_script=$(readme_block factpipe.sbatch)
sbatch_line=$(readme_block sbatch)
parallel_line=$(readme_command parallel "$tmp/crawl") || fatal "README has no GNU parallel line"
[ -n "$job_script" ] && [ -n "$sbatch_line" ] || fatal "README lacks the tests/slurm blocks"
check "README's job script is contrib/slurm/factpipe.sbatch" \
  diff <(echo "$job_script") "$SOURCE_DIR/contrib/slurm/factpipe.sbatch"
check "README submits a four-task array" grep -qx 'sbatch --array=1-4 factpipe.sbatch' <<<"$sbatch_line"

# 300 pages: the samples, 50 copies each, in 10 folders.
pages=("$SOURCE_DIR"/samples/*.html "$SOURCE_DIR"/samples/*.txt)
for ((i = 0; i < 300; i++)); do
  page=${pages[i % ${#pages[@]}]}
  mkdir -p "$tmp/crawl/d$((i % 10))"
  cp "$page" "$tmp/crawl/d$((i % 10))/$(printf '%03d' "$i")-${page##*/}"
done
factpipe -j2 -o "$tmp/plain/" "$tmp/crawl/" || fatal "the plain run failed"
total=$(find "$tmp/plain" -name '*.xml' | wc -l)
check "plain run: 300 documents" test "$total" -eq 300

cluster_start "$tmp/cluster" || fatal "could not start the one-node Slurm cluster"
echo "cluster up after $((SECONDS - started)) s"

xml_count() { find "$1" -name '*.xml' 2>/dev/null | wc -l; }
journal_lines() { [ -f "$1/factpipe-journal.tsv" ] && wc -l <"$1/factpipe-journal.tsv" || echo 0; }
job_gone() { [ -z "$(slurm squeue -h -j "$1" 2>/dev/null)" ]; }
task_state() { slurm scontrol show job "$1_$2" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -1; }
# submit: runs the README's sbatch line in the array folder; prints the job id.
submit() {
  (cd "$tmp/array" && cluster_env bash -c "$sbatch_line") | sed -n 's/^Submitted batch job \([0-9]*\)$/\1/p'
}

mkdir -p "$tmp/array"
readme_command factpipe.sbatch "$tmp/crawl" >"$tmp/array/factpipe.sbatch" || fatal "no job script"
export FACTPIPE_TEST_DELAY_MS=200
job=$(submit)
[ -n "$job" ] || fatal "sbatch did not submit the array"
shard2=$tmp/array/out/shard-2
wait_until 60 bash -c '[ "$(wc -l 2>/dev/null <"$1" || echo 0)" -ge 8 ]' _ "$shard2/factpipe-journal.tsv" ||
  fatal "array task 2 did not start working"
slurm scancel "${job}_2" || fatal "scancel ${job}_2 failed"
wait_until 60 job_gone "$job" || fatal "array $job did not finish"
cancelled_at=$(xml_count "$shard2")
check "task 2 was cancelled" grep -qx 'JobState=CANCELLED' <<<"$(task_state "$job" 2)"
for k in 1 3 4; do
  check "task $k completed" grep -qx 'JobState=COMPLETED' <<<"$(task_state "$job" "$k")"
done
echo "task 2 cancelled with $cancelled_at documents written"

export FACTPIPE_TEST_DELAY_MS=0
job2=$(submit)
[ -n "$job2" ] || fatal "sbatch did not submit the array again"
wait_until 60 job_gone "$job2" || fatal "array $job2 did not finish"
for k in 1 2 3 4; do
  check "resubmitted task $k completed" grep -qx 'JobState=COMPLETED' <<<"$(task_state "$job2" "$k")"
done
check "task 2 had stopped in the middle" test "$cancelled_at" -gt 0 -a "$cancelled_at" -lt "$(xml_count "$shard2")"

# same_as_plain FOLDER: its shard-*/ folders together are the plain run,
# each document in exactly one shard, nothing temporary or failed left.
same_as_plain() {
  local dir=$1 sum=0 k
  rm -rf "$tmp/union" && mkdir -p "$tmp/union"
  for k in 1 2 3 4; do
    check "$dir shard $k did some" test "$(xml_count "$dir/out/shard-$k")" -gt 0
    sum=$((sum + $(xml_count "$dir/out/shard-$k")))
    cp -a "$dir/out/shard-$k/." "$tmp/union/"
  done
  check "$dir: no document in two shards" test "$sum" -eq "$total"
  check "$dir: union of the shards equals the plain run" diff -r -x 'factpipe-*' "$tmp/plain" "$tmp/union"
  check "$dir: no temporary file left" test -z "$(find "$dir/out" -name '.*.tmp.*')"
  check "$dir: no failure reported" test -z "$(for f in "$dir"/out/shard-*/factpipe-report.tsv; do
                                                 [ ! -f "$f" ] || tail -n +2 "$f"; done)"
}
same_as_plain "$tmp/array"
for k in 1 2 3 4; do
  journal=$tmp/array/out/shard-$k/factpipe-journal.tsv
  check "shard $k: journal lists each document once" \
    test "$(cut -f5 "$journal" | sort | uniq -d | wc -l)" -eq 0 -a \
         "$(journal_lines "$tmp/array/out/shard-$k")" -eq "$(xml_count "$tmp/array/out/shard-$k")"
done

mkdir -p "$tmp/parallel"
check "README's GNU parallel line" bash -c "cd '$tmp/parallel' && $parallel_line"
same_as_plain "$tmp/parallel"

echo "slurm test: $((SECONDS - started)) s"
finish
