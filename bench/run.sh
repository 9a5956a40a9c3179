#!/usr/bin/env bash
# factpipe batch benchmark: prints figures, asserts nothing.
#
#   bench/run.sh [--quick] [--runs N]
#
# Builds a Release factpipe in build-bench/, generates the shared corpus
# (../shared/corpus/gen/gen_bulletins.py --n 2000 --seed 1), then measures
#   (a) libxml2 alone: bench/html_parse_only.c, read + htmlReadMemory, one process
#   (b) factpipe -j1   (default pipeline: every plugin in build-bench/plugins)
#   (c) factpipe -jN   (N = usable cores)
# as docs/s, MB/s and peak RSS (GNU time; the largest of the supervisor and
# its workers), with the ratios (b)/(a) and (c)/(b); then where the time
# goes: factpipe -v's table of time per stage and per plugin, summed over
# the workers, for one -jN run; then peak RSS at -j1 for 2,000 and 20,000
# documents (--quick skips the 20,000; bench/rss.sh measures the
# supervisor alone up to a million documents).  Each timing is
# the best of --runs (default 3) runs.  Output goes to /dev/null, so the
# figures are extraction, not disk.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0 runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
gen=../shared/corpus/gen/gen_bulletins.py
[ -f "$gen" ] || { echo "bench: $gen not found (the shared folder sits next to the repository)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing: apt-get install time" >&2; exit 2; }
work=${TMPDIR:-/tmp}/factpipe-bench
mkdir -p "$work"

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFP_BUILD_TESTS=OFF > /dev/null
cmake --build build-bench -j"$(nproc)" > /dev/null
cc -O2 $(pkg-config --cflags libxml-2.0) bench/html_parse_only.c \
   $(pkg-config --libs libxml-2.0) -o "$work/html_parse_only"
factpipe=build-bench/factpipe
cores=$(nproc)

corpus() { # corpus N: generated once, reused
  local dir=$work/corpus-$1
  [ -f "$dir/gold.jsonl" ] || python3 "$gen" --n "$1" --seed 1 --out "$dir" --quiet > /dev/null
  echo "$dir"
}

# best NAME CMD...: the fastest of $runs runs; prints "seconds peak_kb"
best() {
  local best_s="" best_kb=0
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" ||
      { echo "bench: failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
    read -r s kb < "$work/time"
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; fi
    [ "$kb" -gt "$best_kb" ] && best_kb=$kb
  done
  echo "$best_s $best_kb"
}

c2k=$(corpus 2000)
files=("$c2k"/b*)
bytes=$(cat "${files[@]}" | wc -c)
n=${#files[@]}
echo "corpus: $n documents, $bytes bytes ($c2k)"
echo "machine: $cores usable cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "pipeline: $("$factpipe" --list-plugins | awk '/^[a-z][a-z0-9-]* [0-9]/ { printf "%s%s", sep, $1 " " $2; sep=", " }')"
read -r a_s a_kb < <(best "$work/html_parse_only" "${files[@]}")
read -r b_s b_kb < <(best "$factpipe" -j1 "$c2k")
read -r c_s c_kb < <(best "$factpipe" -j"$cores" "$c2k")
python3 - "$n" "$bytes" "$cores" "$a_s" "$a_kb" "$b_s" "$b_kb" "$c_s" "$c_kb" <<'PY'
import sys
n, size, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rows = [("(a) parse only", *sys.argv[4:6]), ("(b) factpipe -j1", *sys.argv[6:8]),
        (f"(c) factpipe -j{cores}", *sys.argv[8:10])]
print(f"{'':22}{'seconds':>9}{'docs/s':>9}{'MB/s':>8}{'peak RSS':>11}")
for name, s, kb in rows:
    s = max(float(s), 0.01)
    print(f"{name:22}{s:9.2f}{n / s:9.0f}{size / 1e6 / s:8.1f}{int(kb) / 1024:8.1f} MB")
a, b, c = (max(float(x), 0.01) for x in (sys.argv[4], sys.argv[6], sys.argv[8]))
print(f"(b)/(a) throughput: {a / b:.2f}   (target >= 0.75)")
print(f"(c)/(b) throughput: {b / c:.2f}   (target >= 1.8 on 2 cores)")
PY
echo "where the time goes (factpipe -v -j$cores, one run):"
"$factpipe" -v -j"$cores" "$c2k" 2>&1 > /dev/null | sed -n '/time per stage/,$p' | sed 's/^factpipe: /  /'
if [ "$quick" -eq 0 ]; then
  c20k=$(corpus 20000)
  read -r s2 kb2 < <(runs=1 best "$factpipe" -j1 "$c2k")
  read -r s20 kb20 < <(runs=1 best "$factpipe" -j1 "$c20k")
  echo "peak RSS at -j1: 2,000 documents $((kb2 / 1024)) MB ($s2 s), 20,000 documents $((kb20 / 1024)) MB ($s20 s)   (target <= 64 MB, flat)"
fi
