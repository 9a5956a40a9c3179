#!/usr/bin/env bash
# Workers: the same output for any -j; a document that crashes, aborts,
# exits or loops its worker is retried alone, then quarantined, and costs
# itself only; plugin output on stdout cannot corrupt the XML; failures in
# the report and exit 1; progress and summary on stderr only when asked.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
: "${POISON_PLUGIN_DIR:?}"

make_corpus "$tmp/corpus" 30
check "j1" status_is 0 fp -j1 "$tmp/corpus"
cp "$tmp/stdout" "$tmp/j1.xml"
check "j1 quiet on stderr when not a terminal" test ! -s "$tmp/stderr"
for j in 2 3 7; do
  check "j$j" status_is 0 fp -j "$j" "$tmp/corpus"
  check "j$j output identical to j1" cmp -s "$tmp/stdout" "$tmp/j1.xml"
done
check "folder j1" status_is 0 fp -j1 -o "$tmp/o1/" "$tmp/corpus"
check "folder j3" status_is 0 fp -j3 -o "$tmp/o3/" "$tmp/corpus"
check "folder trees identical" same_tree "$tmp/o1" "$tmp/o3"
check "journal has every document" test "$(wc -l < "$tmp/o3/factpipe-journal.tsv")" -eq 30
check "empty report" test "$(cat "$tmp/o3/factpipe-report.tsv")" = "$(printf 'source\tstatus\treason')"

# Hostile documents among good ones.
poison=$tmp/poison.pipeline
printf '[pipeline]\nplugins = listed\n[plugin percentage]\npriority = 20\n[plugin poison]\n' > "$poison"
seed=samples/thanhkhe-2018-10-09.txt
crashing=(SEGV ABORT EXIT LOOP)
# Workers get RLIMIT_AS except under ASan (its shadow memory needs
# terabytes of address space), so memory exhaustion is checked without it.
if [ "${FP_SANITIZE:-0}" = 1 ]; then
  echo "SKIP (ASan build): POISON-OOM, workers have no address-space limit under ASan"
else
  crashing+=(OOM)
fi
for m in "${crashing[@]}" STDOUT FAIL; do
  { cat "$seed"; echo "POISON-$m"; } > "$tmp/corpus/d1/zz-$m.txt"
done
run_poison() { "$FACTPIPE" -c "$poison" --plugin-dir "$POISON_PLUGIN_DIR" --timeout 1 "$@"; }
check "poisoned batch finishes, exit 1" status_is 1 run_poison -j2 -o "$tmp/p/" "$tmp/corpus"
report=$tmp/p/factpipe-report.tsv
check "report lists each crash and the failure" test "$(tail -n +2 "$report" | wc -l)" -eq $((${#crashing[@]} + 1))
for m in "${crashing[@]}"; do
  check "$m quarantined" grep -q "zz-$m.txt	quarantined	" "$report"
  check "$m error document" file_has "$tmp/p/d1/zz-$m.txt.xml" "<error>quarantined: "
done
check "segfault named" grep -q "zz-SEGV.txt.*\(signal\|exited\)" "$report"  # ASan turns SIGSEGV into exit 1
[ "${FP_SANITIZE:-0}" = 1 ] ||
  check "memory exhaustion stopped by the address-space limit" grep -q "zz-OOM.txt	quarantined	.*signal" "$report"
check "loop named as over time" grep -q "zz-LOOP.txt.*time budget" "$report"
check "plugin failure is a plain failure" grep -q "zz-FAIL.txt	failed	.*POISON-FAIL" "$report"
check "stdout spam harmless" grep -q 'value="21.1"' "$tmp/p/d1/zz-STDOUT.txt.xml"
check "warned on stderr" stderr_has "retrying it alone"
check "good documents all written" test "$(find "$tmp/p" -name '*.xml' | wc -l)" -eq $((30 + ${#crashing[@]} + 2))
for f in "$tmp"/p/d1/zz-*.xml; do check "$(basename "$f") valid" valid "$f"; done
# One worker holds the next document while it works on one: a crash or a
# stop for time costs the document it worked on only, and the one that
# waited behind it runs on the next worker (the zz- documents follow each
# other, and a good one follows them).
{ cat "$seed"; echo "after the poisoned ones"; } > "$tmp/corpus/d1/zzz-good.txt"
check "poisoned batch, one worker" status_is 1 run_poison -j1 -o "$tmp/p1/" "$tmp/corpus"
check "one worker: the same report as two" \
  cmp -s <(sort "$report") <(sort "$tmp/p1/factpipe-report.tsv")
check "one worker: the document after the crashes is done" \
  grep -q 'value="21.1"' "$tmp/p1/d1/zzz-good.txt.xml"
check "one worker: every document written" \
  test "$(find "$tmp/p1" -name '*.xml' | wc -l)" -eq $((31 + ${#crashing[@]} + 2))
rm -f "$tmp/corpus/d1/zzz-good.txt"
rm -f "$tmp"/corpus/d1/zz-{SEGV,ABORT,EXIT,LOOP,OOM,FAIL}.txt
check "stdout spam cannot reach the XML stream" status_is 0 run_poison -j2 "$tmp/corpus"
cp "$tmp/stdout" "$tmp/spam.xml"
check "stream valid despite spam" valid "$tmp/spam.xml"

# A plugin that forks, then crashes: the child keeps the worker's pipes
# open, so only watching the worker process itself sees it die; the whole
# process group goes with it (issue 10 item 7).
{ cat "$seed"; echo "POISON-FORK"; } > "$tmp/fork.txt"
pidfile=$tmp/fork.pids
check "fork then crash: the batch ends" status_is 1 env POISON_PIDFILE="$pidfile" \
  timeout -k 5 60 "$FACTPIPE" -c "$poison" --plugin-dir "$POISON_PLUGIN_DIR" --timeout 1 -j1 "$tmp/fork.txt" "$seed"
check "fork then crash: quarantined" grep -q '<error>quarantined: ' "$tmp/stdout"
check "fork then crash: the next document done" grep -q 'value="21.1"' "$tmp/stdout"
check "fork then crash: two forks (first try, retry)" test "$(wc -l < "$pidfile")" -eq 2
no_leftovers() { # a zombie is dead (some containers' init reaps nothing)
  local pid state
  for pid in $(cat "$pidfile"); do
    state=$(ps -o stat= -p "$pid" 2>/dev/null)
    case $state in ''|Z*) ;; *) echo "process $pid left running ($state)"; kill -9 "$pid"; return 1 ;; esac
  done
}
check "fork then crash: no process left" no_leftovers

# Progress and summary: only when asked (stderr is not a terminal here).
check "progress" status_is 0 fp --progress -j2 "$tmp/corpus/d0"
check "progress line" stderr_has "documents, "
check "summary names fact kinds" stderr_has "facts: percentage"
check "stdout clean under --progress" valid "$tmp/stdout"

# Where the time goes (issue 11 section 3): -v ends with the time of each
# stage and each plugin, summed over the workers, in pipeline order.
check "-v stage table" status_is 0 run_poison -v -j2 "$tmp/corpus"
check "-v: stdout still pure XML" valid "$tmp/stdout"
check "-v: every document timed" stderr_has "time per stage, summed over the workers (wall clock, $(grep -c '<document ' "$tmp/stdout") documents):"
stage_order=$(grep -oE '^factpipe:   [a-z/ ]+[a-z]' "$tmp/stderr" | sed 's/^factpipe: *//' | tr '\n' ',')
check "-v: stages and plugins in pipeline order" test "$stage_order" = "read,decode,html/text,zone,analysis,percentage,poison,merge,write,all stages,output,"
check "-v: plugins marked" stderr_has "poison                 (plugin)"
check "-v: seconds, share, per document" grep -qE '^factpipe:   read +[0-9]+\.[0-9]{3} s +[0-9.]+ % +[0-9.]+ us/doc$' "$tmp/stderr"

# A worker is replaced after 1,000 documents (a slow leak in a plugin
# stays bounded); its successor starts with the next document, while it
# finishes its last, and not at all when the run ends there: a run of
# exactly 2,000 starts two workers at -j1, not a third that does nothing.
mkdir -p "$tmp/many"
for i in $(seq -w 1 2001); do printf 'Văn bản số %s.\n' "$i" > "$tmp/many/$i.txt"; done
poison_only=$tmp/poison-only.pipeline
printf '[pipeline]\nplugins = listed\n[plugin poison]\n' > "$poison_only"
run_starts() { # run_starts STATUS JOBS FILES...: the workers started, on stdout
  rm -f "$tmp/starts"
  local status=0
  POISON_STARTS=$tmp/starts "$FACTPIPE" -c "$poison_only" --plugin-dir "$POISON_PLUGIN_DIR" \
    --timeout 5 -j "$2" "${@:3}" > "$tmp/many.xml" 2> "$tmp/stderr" || status=$?
  test "$status" -eq "$1" || return 1
  test "$(grep -c '<document ' "$tmp/many.xml")" -eq $(($# - 2)) || return 1
  wc -l < "$tmp/starts"
}
many=("$tmp"/many/*.txt)
check "2,000 documents at -j1: two workers" test "$(run_starts 0 1 "${many[@]:0:2000}")" = 2
check "2,001 documents at -j1: three workers" test "$(run_starts 0 1 "${many[@]}")" = 3
check "999 documents at -j2: two workers" test "$(run_starts 0 2 "${many[@]:0:999}")" = 2
# A retiring worker that crashes: on its last document (its successor runs
# already, and the retry alone crashes that one; no third starts, as no
# document is left for it), and on the one before, with its last waiting
# behind (a third, started for that one only, finishes it).  Every
# document is in the output.
echo "POISON-SEGV" > "$tmp/many/1000.txt"
check "crash on the 1,000th: every document out" test "$(run_starts 1 1 "${many[@]:0:1001}")" = 2
check "crash on the 1,000th quarantined" sh -c "grep -A1 -F '/1000.txt\"' '$tmp/many.xml' | grep -q '<error>quarantined: '"
printf 'Văn bản số 1000.\n' > "$tmp/many/1000.txt"
echo "POISON-SEGV" > "$tmp/many/0999.txt"
check "crash on the 999th: every document out" test "$(run_starts 1 1 "${many[@]:0:1001}")" = 3
check "crash on the 999th quarantined" sh -c "grep -A1 -F '/0999.txt\"' '$tmp/many.xml' | grep -q '<error>quarantined: '"
check "the 1,000th done" sh -c "grep -A1 -F '/1000.txt\"' '$tmp/many.xml' | grep -q '<meta'"

# Usage errors: exit 2, nothing processed.
check "resume needs a folder" status_is 2 fp --resume "$tmp/corpus"
check "resume message" stderr_has "--resume needs an output folder"
check "bad shard" status_is 2 fp --shard 4/3 "$tmp/corpus"
for bad in 1/-1 -1/2 1/0 0/3 1/2x ' 1/2' 1/+2 1/ /2 1/99999999; do
  check "--shard '$bad' refused" status_is 2 fp --shard "$bad" "$tmp/corpus"
  check "--shard '$bad' says why" stderr_has "--shard takes K/N, whole numbers with 1 <= K <= N"
done
check "no shard note without Slurm" status_is 0 fp --shard 1/1 "$tmp/corpus/d0"
check "quiet" test ! -s "$tmp/stderr"
check "bad jobs" status_is 2 fp -j 0 "$tmp/corpus"
check "bad timeout" status_is 2 fp --timeout -1 "$tmp/corpus"
check "bad slurm" status_is 2 env SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_COUNT=2 "$FACTPIPE" -c "$pipeline" "$tmp/corpus"
check "slurm task = --shard" status_is 0 env SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=4 "$FACTPIPE" -c "$pipeline" "$tmp/corpus"
cp "$tmp/stdout" "$tmp/slurm.xml"
check "slurm shard announced" stderr_has "factpipe: shard 3 of 4, from the Slurm job array: SLURM_ARRAY_TASK_ID=3, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_STEP=unset, SLURM_ARRAY_TASK_COUNT=4"
check "slurm with a step" status_is 0 env SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_STEP=2 SLURM_ARRAY_TASK_COUNT=4 "$FACTPIPE" -c "$pipeline" "$tmp/corpus"
check "slurm step: same shard 3/4" cmp -s "$tmp/stdout" "$tmp/slurm.xml"
check "slurm garbage refused" status_is 2 env SLURM_ARRAY_TASK_ID=x SLURM_ARRAY_TASK_COUNT=4 "$FACTPIPE" -c "$pipeline" "$tmp/corpus"
check "shard 3/4" status_is 0 fp --shard 3/4 "$tmp/corpus"
check "slurm output identical" cmp -s "$tmp/stdout" "$tmp/slurm.xml"

finish
