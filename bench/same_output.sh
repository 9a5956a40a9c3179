#!/usr/bin/env bash
# Whether two builds of factpipe write the same bytes: for a change that
# must not change output (a speed-up, a clean-up).  Prints one line per
# corpus and variant, "same" or "DIFFERS" with the diff command to look
# at; exit 1 when any differs.
#
#   bench/same_output.sh OLD_BUILD NEW_BUILD
#
# OLD_BUILD and NEW_BUILD are build folders (each with factpipe and its
# plugins/).  Corpora: samples/, the real news sentences (tests/real/vtb),
# and, when ../shared sits next to the repository, 2,000 and 600 generated
# pages (seeds 1 and 7), the article-benchmark and the date-benchmark
# pages.  Each is run as it is and with --keep-chrome --include-text (the
# text, the zones and every fact's offsets).
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bench/same_output.sh OLD_BUILD NEW_BUILD" >&2; exit 2; }
old=$1/factpipe new=$2/factpipe
for fp in "$old" "$new"; do
  [ -x "$fp" ] || { echo "same_output: $fp: no factpipe there (build it first)" >&2; exit 2; }
done
work=${TMPDIR:-/tmp}/factpipe-same-output
mkdir -p "$work"
shared=../shared/corpus
corpora=("samples=samples" "vtb=tests/real/vtb/docs")
if [ -f "$shared/gen/gen_bulletins.py" ]; then
  for seed_n in "1 2000" "7 600"; do
    set -- $seed_n
    dir=$work/gen-$1-$2
    [ -f "$dir/gold.jsonl" ] ||
      python3 "$shared/gen/gen_bulletins.py" --n "$2" --seed "$1" --out "$dir" --quiet > /dev/null
    corpora+=("gen-$1-$2=$dir")
  done
  [ -d "$shared/article-benchmark/html" ] && corpora+=("articles=$shared/article-benchmark/html")
  [ -d "$shared/date-benchmark/html" ] && corpora+=("dates=$shared/date-benchmark/html")
else
  echo "same_output: $shared not found: generated and benchmark pages left out" >&2
fi
differs=0
for entry in "${corpora[@]}"; do
  name=${entry%%=*} dir=${entry#*=}
  for variant in plain text; do
    opts=()
    [ "$variant" = text ] && opts=(--keep-chrome --include-text)
    a=$work/$name-$variant.old.xml b=$work/$name-$variant.new.xml
    "$old" -j2 "${opts[@]}" "$dir" > "$a" 2> /dev/null
    "$new" -j2 "${opts[@]}" "$dir" > "$b" 2> /dev/null
    if cmp -s "$a" "$b"; then
      echo "same     $name ($variant)"
    else
      echo "DIFFERS  $name ($variant): diff $a $b"
      differs=1
    fi
  done
done
exit "$differs"
