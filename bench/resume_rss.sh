#!/usr/bin/env bash
# Peak memory of --resume against a big journal (issue 11 §4): prints
# figures, asserts nothing.
#
#   bench/resume_rss.sh [LINES] [FACTPIPE]
#
# Runs FACTPIPE (default: a Release build in build-bench/) once on 20
# pages into a fresh output folder, to learn the folder's resume key, then
# writes a journal of LINES (default 1,000,000) well-formed lines with that
# key — the 20 real ones and synthetic documents, one in ten failed with a
# reason — and runs --resume on the 20 pages under GNU time: the
# supervisor's peak RSS is what reading the journal costs, and the 20
# documents must come out "already done".
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
factpipe=${2:-}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing: apt-get install time" >&2; exit 2; }
work=${TMPDIR:-/tmp}/factpipe-bench-resume
rm -rf "$work"
mkdir -p "$work/in"
if [ -z "$factpipe" ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFP_BUILD_TESTS=OFF > /dev/null
  cmake --build build-bench -j"$(nproc)" > /dev/null
  factpipe=build-bench/factpipe
fi
pages=(samples/*.html samples/*.txt)
for i in $(seq 0 19); do
  cp "${pages[$((i % ${#pages[@]}))]}" "$work/in/$(printf '%02d' "$i")-$(basename "${pages[$((i % ${#pages[@]}))]}")"
done
"$factpipe" -o "$work/out/" "$work/in" > /dev/null
python3 - "$work/out/factpipe-journal.tsv" "$lines" <<'PY'
import sys, zlib
path, total = sys.argv[1], int(sys.argv[2])
real = open(path, "rb").read().splitlines()
key = real[0].split(b"\t")[1]
with open(path, "ab") as out:
    for i in range(total - len(real)):
        failed = i % 10 == 0
        body = b"\t".join([key, b"failed" if failed else b"ok",
                           b"size=%d,mtime=1700000000.%09d" % (40000 + i % 9000, i),
                           b"/data/crawl/2024/%03d/page-%07d.html" % (i % 1000, i),
                           b"plugin 'date' failed: no date in 'Th\xe1\xbb\xa9 Hai, %d'" % i if failed else b"",
                           b"2024/%03d/page-%07d.html.xml" % (i % 1000, i)])
        out.write(b"%08x\t%s\n" % (zlib.crc32(body), body))
PY
size=$(stat -c %s "$work/out/factpipe-journal.tsv")
/usr/bin/time -v -o "$work/time" "$factpipe" --resume --progress -o "$work/out/" "$work/in" \
  > /dev/null 2> "$work/stderr"
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
echo "journal: $lines lines, $((size / 1048576)) MB ($work/out/factpipe-journal.tsv)"
echo "factpipe --resume: peak RSS $((rss_kb / 1024)) MB, $secs wall   (target < 100 MB)"
grep -o 'summary: .*' "$work/stderr" || true
rm -rf "$work"
