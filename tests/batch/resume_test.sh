#!/usr/bin/env bash
# --resume after kill -9 (RELIABILITY T11, CI size): kill a run at random
# moments KILLS times, resume each time, and the finished folder must equal
# an uninterrupted run byte for byte, with no temporary left and every
# document in the journal exactly once.  Then a torn journal line.
# KILLS and DOCS may be raised from the environment (bench/kill_loop.sh).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
kills=${KILLS:-10}
docs=${DOCS:-60}

make_corpus "$tmp/corpus" "$docs"
start=$(date +%s%N)
check "reference run" status_is 0 fp -j2 -o "$tmp/ref/" "$tmp/corpus"
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$took_ms" -gt 0 ] || took_ms=1

for i in $(seq 1 "$kills"); do
  # not through fp(): $! must be factpipe itself, not a subshell
  "$FACTPIPE" -c "$pipeline" -j2 --resume -o "$tmp/out/" "$tmp/corpus" > /dev/null 2>&1 &
  pid=$!
  # somewhere inside a run's length, later kills landing on resumed runs
  sleep "$(awk -v ms="$took_ms" -v r="$RANDOM" 'BEGIN { printf "%.3f", ms * (r % 100) / 100 / 1000 }')"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
done
check "resume finishes" status_is 0 fp -j2 --resume --progress -o "$tmp/out/" "$tmp/corpus"
check "resumed tree equals the uninterrupted one" same_tree "$tmp/ref" "$tmp/out"
check "no temporaries left" test -z "$(find "$tmp/out" -name '.*.tmp.*')"
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
