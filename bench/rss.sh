#!/usr/bin/env bash
# Peak memory of the batch supervisor against the number of documents
# (issue 11 section 4): prints figures, asserts nothing.
#
#   bench/rss.sh [--factpipe PATH] [--sizes "200000 1000000"] [--folder]
#
# For each size N it generates (once, cached in $TMPDIR/factpipe-bench) a
# tar.gz of N small pages (bench/make_tar.py), runs `factpipe -j2 TAR`
# with the default pipeline and output to /dev/null, and prints the
# supervisor's peak RSS (VmHWM of its /proc status, sampled every 0.1 s
# until it exits: the workers' memory is not the supervisor's) and GNU
# time's maximum RSS (the largest single process of the run: supervisor
# or a worker).  --folder also runs the pages unpacked into a folder tree
# (1,000 pages a folder), which measures the input walk.
set -euo pipefail
cd "$(dirname "$0")/.."
factpipe=build-bench/factpipe sizes="200000 1000000" folder=0
while [ $# -gt 0 ]; do
  case $1 in
    --factpipe) factpipe=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --folder) folder=1 ;;
    *) echo "usage: bench/rss.sh [--factpipe PATH] [--sizes \"N...\"] [--folder]" >&2; exit 2 ;;
  esac
  shift
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing: apt-get install time" >&2; exit 2; }
work=${TMPDIR:-/tmp}/factpipe-bench
mkdir -p "$work"
if [ "$factpipe" = build-bench/factpipe ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFP_BUILD_TESTS=OFF > /dev/null
  cmake --build build-bench -j"$(nproc)" > /dev/null
fi

# measure LABEL CMD...: supervisor peak, largest process, seconds
measure() {
  local label=$1; shift
  /usr/bin/time -f "%M %e" -o "$work/rss.time" "$@" > /dev/null 2> "$work/rss.err" &
  local timer=$! pid="" hwm=0 v
  while kill -0 "$timer" 2>/dev/null; do
    [ -n "$pid" ] || pid=$(pgrep -P "$timer" -x factpipe | head -1 || true)
    if [ -n "$pid" ]; then
      v=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && hwm=$v
    fi
    sleep 0.1
  done
  wait "$timer" || { echo "bench: failed: $*" >&2; tail -3 "$work/rss.err" >&2; exit 1; }
  read -r max_kb seconds < "$work/rss.time"
  printf '%-34s %10.1f MB %12.1f MB %9.1f s\n' "$label" "$(echo "$hwm / 1024" | bc -l)" \
    "$(echo "$max_kb / 1024" | bc -l)" "$seconds"
}

echo "factpipe: $factpipe ($("$factpipe" --version))"
printf '%-34s %13s %15s %11s\n' "run (-j2, default pipeline)" "supervisor" "largest proc." "time"
for n in $sizes; do
  tar=$work/pages-$n.tar.gz
  [ -f "$tar" ] || python3 bench/make_tar.py "$n" "$tar"
  measure "tar.gz of $n pages" "$factpipe" -j2 "$tar"
  if [ "$folder" -eq 1 ]; then
    dir=$work/pages-$n
    [ -d "$dir" ] || { mkdir -p "$dir.tmp" && tar -xzf "$tar" -C "$dir.tmp" && mv "$dir.tmp" "$dir"; }
    measure "folder of $n pages" "$factpipe" -j2 "$dir"
  fi
done
