#!/usr/bin/env bash
# Run factpipe on a folder of documents and hold one fact kind to its bars
# with the guideline's scorer (tests/tools/score.py).
# usage: gate_facts.sh GOLD.jsonl INPUT_DIR KIND MIN_F1 [MIN_ATTR_ACCURACY]
set -euo pipefail
: "${FACTPIPE:?}" "${PYTHON:?}" "${SOURCE_DIR:?}"
gold=$1 input=$2 kind=$3 min_f1=$4 min_attr=${5:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$FACTPIPE" -o "$out/out.xml" "$input"
"$PYTHON" "$SOURCE_DIR/tests/tools/score.py" "$gold" "$out/out.xml" --show 15 |
  grep -E "^(kind|$kind)|\[$kind\]" || true
"$PYTHON" "$SOURCE_DIR/tests/tools/score.py" "$gold" "$out/out.xml" --json >"$out/score.json"
"$PYTHON" - "$out/score.json" "$kind" "$min_f1" "$min_attr" <<'PY'
import json, sys
res, kind, min_f1, min_attr = json.load(open(sys.argv[1])), sys.argv[2], float(sys.argv[3]), sys.argv[4]
k = res['kinds'][kind]
fails = []
if k['f1'] < min_f1:
    fails.append(f"{kind} F1 {k['f1']:.3f} < {min_f1}")
if min_attr and (k['attr_accuracy'] is None or k['attr_accuracy'] < float(min_attr)):
    fails.append(f"{kind} attribute accuracy {k['attr_accuracy']} < {min_attr}")
for f in fails:
    print("FAIL:", f)
if not fails:
    print(f"ok: {kind} F1 {k['f1']:.3f} (bar {min_f1})"
          + (f", attribute accuracy {k['attr_accuracy']:.3f} (bar {min_attr})" if min_attr else ""))
sys.exit(1 if fails else 0)
PY
