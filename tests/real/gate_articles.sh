#!/usr/bin/env bash
# Run factpipe --format text on real pages (*.html.gz, unpacked into a
# temporary folder) and hold their article texts to a bar with the article
# benchmark's scorer (tests/tools/article_score.py).
# usage: gate_articles.sh PAGES_DIR TRUTH.json MIN_F1
set -euo pipefail
: "${FACTPIPE:?}" "${PYTHON:?}" "${SOURCE_DIR:?}"
pages=$1 truth=$2 min_f1=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/pages"
for page in "$pages"/*.html.gz; do
  name=$(basename "$page" .gz)
  gzip -dc "$page" > "$work/pages/$name"
done
"$FACTPIPE" --format text -o "$work/articles/" "$work/pages"
"$PYTHON" "$SOURCE_DIR/tests/real/articles_to_json.py" "$work/articles" "$truth" \
  > "$work/pred.json"
"$PYTHON" "$SOURCE_DIR/tests/tools/article_score.py" "$truth" "$work/pred.json" \
  --show 10
"$PYTHON" "$SOURCE_DIR/tests/tools/article_score.py" "$truth" "$work/pred.json" \
  --json > "$work/score.json"
"$PYTHON" - "$work/score.json" "$min_f1" <<'PY'
import json, sys
score, bar = json.load(open(sys.argv[1])), float(sys.argv[2])
if score['f1'] < bar:
    print(f"FAIL: article F1 {score['f1']:.3f} < {bar}")
    sys.exit(1)
print(f"ok: article F1 {score['f1']:.3f} (bar {bar}), precision "
      f"{score['precision']:.3f}, recall {score['recall']:.3f}")
PY
