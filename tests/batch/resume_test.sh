#!/usr/bin/env bash
# --resume after kill -9 (docs/RELIABILITY.md, Durability): kill a run at a random moment
# KILLS times, resume each time, and the finished folder must equal an
# uninterrupted run byte for byte, with no temporary left and every
# document in the journal exactly once.  Then a torn journal line.
# KILLS and DOCS come from the environment: ctest runs 10 × 60 (batch_resume)
# and the issue's 100 kills during a 200-document batch (batch_resume_kill100).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
kills=${KILLS:-10}
docs=${DOCS:-60}

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
make_corpus "$tmp/corpus" "$docs"
start=$(date +%s%N)
check "reference run" status_is 0 fp -j2 -o "$tmp/ref/" "$tmp/corpus"
took_ms=$(ms_since "$start")
# A resume with nothing left to do.
cp -a "$tmp/ref" "$tmp/warm"
check "resume with nothing to do" status_is 0 fp -j2 --resume -o "$tmp/warm/" "$tmp/corpus"

# Each run is killed once its journal has grown by a random number of
# lines, from none (a kill during start-up or inside the first commit) to
# the share of the work left per run, and half the time 1-3 ms later still,
# inside whatever the run does next (writing temporaries, fsyncing them,
# renaming, appending to the journal).  So the kills land inside runs all
# through the batch however fast its output is: a delay steered from the
# progress of earlier runs stops working once a run commits more
# documents than that in the time a kill can be aimed (group commit
# writes this batch in about 0.2 s here).  The journal is counted without
# forking, so that the kill follows the count closely.
journal=$tmp/out/factpipe-journal.tsv
count_lines() { n_lines=0; if [ -f "$journal" ]; then mapfile -t lines < "$journal"; n_lines=${#lines[@]}; fi; }
killed=0 finished=0 with_work_left=0
for i in $(seq 1 "$kills"); do
  count_lines
  before=$n_lines
  want=$(( before + RANDOM % ((docs - before) / (kills - i + 1) + 1) ))
  # not through fp(): $! must be factpipe itself, not a subshell
  "$FACTPIPE" -c "$pipeline" -j2 --resume -o "$tmp/out/" "$tmp/corpus" > /dev/null 2>&1 &
  pid=$!
  count_lines
  while [ "$n_lines" -lt "$want" ] && kill -0 "$pid" 2> /dev/null; do count_lines; done
  [ $((RANDOM % 2)) -eq 0 ] && sleep "0.00$((RANDOM % 3 + 1))"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  if [ $? -eq 137 ]; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  [ "$before" -lt "$docs" ] && with_work_left=$((with_work_left + 1))
done
check "resume finishes" status_is 0 fp -j2 --resume --progress -o "$tmp/out/" "$tmp/corpus"
redone=$(sed -n 's/.*summary: \([0-9]*\) documents.*/\1/p' "$tmp/stderr")
check "resumed tree equals the uninterrupted one" same_tree "$tmp/ref" "$tmp/out"
temporaries() { find "$tmp/out" -name '.*.tmp.*' -o -path '*/.factpipe-tmp*'; }
check "no temporaries left" test -z "$(temporaries)"
lost=$(( docs - $(find "$tmp/out" -name '*.xml' | wc -l) ))
echo "kill -9 loop: $docs documents, $kills runs started, $killed killed mid-run (SIGKILL), $finished finished first, $with_work_left started with documents left; final resume did ${redone:-?}; lost documents: $lost; temporaries left: $(temporaries | wc -l); $((took_ms)) ms per uninterrupted run"
check "journal: every document once" test "$(cut -f5 "$tmp/out/factpipe-journal.tsv" | sort -u | wc -l)" -eq "$docs"
check "journal: no duplicate lines" test "$(wc -l < "$tmp/out/factpipe-journal.tsv")" -eq "$docs"

# Nothing is redone when everything is done.
check "second resume" status_is 0 fp --resume --progress -o "$tmp/out/" "$tmp/corpus"
check "second resume skipped all" stderr_has "0 documents (0 failed, $docs already done before --resume)"

# One folder, one writer at a time.
exec 9< "$tmp/out/factpipe-journal.tsv"
flock 9
check "a locked folder is refused" status_is 3 fp --resume -o "$tmp/out/" "$tmp/corpus"
check "lock message" stderr_has "another factpipe run is writing this folder"
exec 9<&-

# A torn last line (kill -9 inside a write) is cut off, not glued to.
printf '1234abcd\tpipeline=torn' >> "$tmp/out/factpipe-journal.tsv"
rm "$tmp/out/d2/002-$(basename "$(ls samples/*.html | sed -n 3p)").xml"
printf 'partial' > "$tmp/out/d1/.001-x.html.xml.tmp.999999"
check "resume over a torn line" status_is 0 fp --resume --progress -o "$tmp/out/" "$tmp/corpus"
check "only the missing document redone" stderr_has "summary: 1 documents"
check "torn line cut" test "$(wc -l < "$tmp/out/factpipe-journal.tsv")" -eq $((docs + 1))
check "journal ends with a newline" test "$(tail -c 1 "$tmp/out/factpipe-journal.tsv" | od -An -c | tr -d ' ')" = '\n'
check "stale temporary swept" test ! -e "$tmp/out/d1/.001-x.html.xml.tmp.999999"
check "tree still equal" same_tree "$tmp/ref" "$tmp/out"

# A changed input is redone; a changed pipeline redoes everything.
touch -d '2001-01-01' "$tmp/corpus/d0/000-"*
check "changed input" status_is 0 fp --resume --progress -o "$tmp/out/" "$tmp/corpus"
check "changed input redone" stderr_has "summary: 1 documents"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\npriority = 21\n' > "$pipeline"
check "changed pipeline" status_is 0 fp --resume --progress -o "$tmp/out/" "$tmp/corpus"
check "changed pipeline redoes all" stderr_has "summary: $docs documents"

finish
