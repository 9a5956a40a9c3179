#!/usr/bin/env bash
# factpipe batch benchmark: prints figures, asserts nothing.
#
#   bench/run.sh [--quick] [--durable] [--runs N]
#
# Builds a Release factpipe in build-bench/, generates the shared corpus
# (../shared/corpus/gen/gen_bulletins.py --n 2000 --seed 1), then measures
#   (a) libxml2 alone: bench/html_parse_only.c, read + htmlReadMemory, one process
#   (b) factpipe -j1   (default pipeline: every plugin in build-bench/plugins)
#   (c) factpipe -jN   (N = usable cores)
#   (d) factpipe -jN -o DIR/ (durable, one file per document) against
#       (e) -jN -o FILE and (c') -jN > /dev/null run in turn with it, and
#       the fsync calls of -o DIR/ (--durable: only this part, issue 11 §1)
# as docs/s, MB/s and peak RSS (GNU time; the largest of the supervisor and
# its workers), with the ratios (b)/(a) and (c)/(b); then where the time
# goes: factpipe -v's table of time per stage and per plugin, summed over
# the workers, for one -jN run; then peak RSS at -j1 for 2,000 and 20,000
# documents (--quick skips the 20,000; bench/rss.sh measures the
# supervisor alone up to a million documents).  Each timing of (a)-(c) is
# the best of --runs (default 3) runs, (d), (e) and (c') the median and
# the best.  Output of (a)-(c) goes to /dev/null, so those
# figures are extraction, not disk.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0 durable_only=0 runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --durable) durable_only=1 ;;
    --runs) runs=$2; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--durable] [--runs N]" >&2; exit 2 ;;
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

# best CMD...: the fastest of $runs runs, by wall clock and by CPU time
# (user + system, of the process and its workers: what a shared machine's
# load moves least); prints "seconds peak_kb cpu_seconds"
best() {
  local best_s="" best_kb=0 best_cpu=""
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" ||
      { echo "bench: failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
    read -r s kb user sys < "$work/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; fi
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
    [ "$kb" -gt "$best_kb" ] && best_kb=$kb
  done
  echo "$best_s $best_kb $best_cpu"
}

c2k=$(corpus 2000)
files=("$c2k"/b*)
bytes=$(cat "${files[@]}" | wc -c)
n=${#files[@]}
echo "corpus: $n documents, $bytes bytes ($c2k)"
echo "machine: $cores usable cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "pipeline: $("$factpipe" --list-plugins | awk '/^[a-z][a-z0-9-]* [0-9]/ { printf "%s%s", sep, $1 " " $2; sep=", " }')"
[ "$durable_only" -eq 1 ] || {
read -r a_s a_kb a_cpu < <(best "$work/html_parse_only" "${files[@]}")
read -r b_s b_kb b_cpu < <(best "$factpipe" -j1 "$c2k")
read -r c_s c_kb c_cpu < <(best "$factpipe" -j"$cores" "$c2k")
python3 - "$n" "$bytes" "$cores" "$a_s" "$a_kb" "$a_cpu" "$b_s" "$b_kb" "$b_cpu" \
  "$c_s" "$c_kb" "$c_cpu" <<'PY'
import sys
n, size, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rows = [("(a) parse only", *sys.argv[4:7]), ("(b) factpipe -j1", *sys.argv[7:10]),
        (f"(c) factpipe -j{cores}", *sys.argv[10:13])]
print(f"{'':22}{'seconds':>9}{'docs/s':>9}{'MB/s':>8}{'peak RSS':>11}{'CPU s':>8}")
for name, s, kb, cpu in rows:
    s = max(float(s), 0.01)
    print(f"{name:22}{s:9.2f}{n / s:9.0f}{size / 1e6 / s:8.1f}{int(kb) / 1024:8.1f} MB"
          f"{float(cpu):8.2f}")
a, b, c = (max(float(x), 0.01) for x in (sys.argv[4], sys.argv[7], sys.argv[10]))
a_cpu, b_cpu = (max(float(x), 0.01) for x in (sys.argv[6], sys.argv[9]))
print(f"(b)/(a) throughput: {a / b:.2f} by wall clock, {a_cpu / b_cpu:.2f} by CPU time"
      f"   (target >= 0.80)")
print(f"(c)/(b) throughput: {b / c:.2f}   (target >= 1.8 on 2 cores)")
PY
}
# (d) one durable file per document (-o DIR/, group commit) against one
# combined output at the same -jN, run in turn with it so that both see
# the same machine: (e) to a file (-o FILE, written whole and fsynced) and
# (c') to /dev/null as (c) is; every run's seconds, then the median (a
# shared machine's load moves single runs by tens of percent: the ratios
# are of medians) and the best; then the fsync calls of one run of
# -o DIR/ at -j1 and -jN (strace -c).  Each -o DIR/ run gets a new
# folder, all removed at the end: ext4 without a journal will not reuse an
# inode deleted in the last minutes and scans past each one, so deleting
# the 2,000 files just before a run made its creates slower.
durable_vs_combined() {
  local d=() e=() c=() i
  timed() { /usr/bin/time -f "%e" -o "$work/time" "$factpipe" -j"$cores" "$@" "$c2k" > /dev/null 2>&1; cat "$work/time"; }
  rm -rf "$work/out" "$work/out.xml"
  mkdir -p "$work/out"
  for i in $(seq 1 "$runs"); do
    d+=("$(timed -o "$work/out/$i/")")
    e+=("$(timed -o "$work/out.xml")")
    c+=("$(timed)")
  done
  python3 - "$cores" "$runs" "$(uptime | sed 's/.*load average: //')" "${d[*]}" "${e[*]}" "${c[*]}" <<'PY'
import statistics, sys
cores, runs, load = sys.argv[1], sys.argv[2], sys.argv[3]
d, e, c = ([float(x) for x in arg.split()] for arg in sys.argv[4:7])
print(f"-j{cores}, {runs} runs each in turn (load average at the end: {load})")
print(f"{'':26}{'median':>8}{'best':>8}   runs (s)")
for name, xs in ((f"(d) -j{cores} -o DIR/", d), (f"(e) -j{cores} -o FILE", e),
                 (f"(c') -j{cores} > /dev/null", c)):
    print(f"{name:26}{statistics.median(xs):8.2f}{min(xs):8.2f}   {' '.join(f'{x:.2f}' for x in xs)}")
def ratio(a, b):
    return f"median {statistics.median(a) / statistics.median(b):.2f}, best {min(a) / min(b):.2f}"
print(f"(d)/(e): {ratio(d, e)}   (d)/(c'): {ratio(d, c)}   (target <= 1.25)")
PY
  if command -v strace > /dev/null && strace -o /dev/null true 2> /dev/null; then
    local j counts
    for j in 1 "$cores"; do
      strace -f -c -e trace=fsync,fdatasync -o "$work/strace" "$factpipe" -j"$j" -o "$work/out/strace-$j/" "$c2k" 2> /dev/null
      counts=$(awk '$NF == "fsync" || $NF == "fdatasync" { printf "%s%s %s", sep, $(NF-1), $NF; sep=", " }' "$work/strace")
      echo "    fsync calls, -j$j -o DIR/ ($n documents): $counts"
    done
  fi
  rm -rf "$work/out" "$work/out.xml"
}
durable_vs_combined
[ "$durable_only" -eq 1 ] && exit 0
echo "where the time goes (factpipe -v -j$cores, one run):"
"$factpipe" -v -j"$cores" "$c2k" 2>&1 > /dev/null | sed -n '/time per stage/,$p' | sed 's/^factpipe: /  /'
if [ "$quick" -eq 0 ]; then
  c20k=$(corpus 20000)
  read -r s2 kb2 < <(runs=1 best "$factpipe" -j1 "$c2k")
  read -r s20 kb20 < <(runs=1 best "$factpipe" -j1 "$c20k")
  echo "peak RSS at -j1: 2,000 documents $((kb2 / 1024)) MB ($s2 s), 20,000 documents $((kb20 / 1024)) MB ($s20 s)   (target <= 64 MB, flat)"
fi
