#!/usr/bin/env bash
# Scale-out: GNU parallel runs N shards (--shard K/N) into separate folders;
# their union is exactly a single run: every file once, byte for byte.
# Archive members are sharded too.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
: "${GNU_PARALLEL:?}"
# (not $PARALLEL: GNU parallel reads its default options from that variable)
shards=3

make_corpus "$tmp/corpus" 24
(cd "$tmp/corpus" && tar --sort=name -czf "$tmp/more.tar.gz" d0 d1)
check "single run" status_is 0 fp -j2 -o "$tmp/single/" "$tmp/corpus" "$tmp/more.tar.gz"
# GNU parallel runs each job through a shell: quote what it must not split.
check "parallel over $shards shards" status_is 0 "$GNU_PARALLEL" --will-cite --halt now,fail=1 -j "$shards" \
  "$FACTPIPE" -c "$pipeline" -j1 --shard "{}/$shards" -o "$tmp/shard{}/" "$tmp/corpus" "$tmp/more.tar.gz" \
  ::: $(seq 1 "$shards")
mkdir -p "$tmp/union"
for k in $(seq 1 "$shards"); do
  check "shard $k did some" test "$(find "$tmp/shard$k" -name '*.xml' | wc -l)" -gt 0
  cp -a "$tmp/shard$k/." "$tmp/union/"
done
total=$(find "$tmp/single" -name '*.xml' | wc -l)
sum=0
for k in $(seq 1 "$shards"); do sum=$((sum + $(find "$tmp/shard$k" -name '*.xml' | wc -l))); done
check "no document in two shards" test "$sum" -eq "$total"
check "union equals the single run" diff -r -x 'factpipe-*' "$tmp/single" "$tmp/union"

# As the Slurm job script does: every shard at once with --resume into
# out/shard-K/, whose out/ does not exist yet (each run creates the
# folders it needs, racing the others).
check "shards into new nested folders" status_is 0 "$GNU_PARALLEL" --will-cite -j "$shards" \
  "$FACTPIPE" -c "$pipeline" -j1 --resume --shard "{}/$shards" -o "$tmp/nested/out/shard-{}/" "$tmp/corpus" \
  ::: $(seq 1 "$shards")
check "nested shards hold the corpus" test "$(find "$tmp/nested/out" -name '*.xml' | wc -l)" -eq 24

finish
