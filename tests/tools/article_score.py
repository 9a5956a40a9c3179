#!/usr/bin/env python3
# Copied unchanged from the annotation guideline's tool folder (shared/eval/) so that
# ctest does not depend on anything outside the repository.
"""Score extracted article text against ground truth, the way the public
article-extraction benchmark does: words are runs of \\w, each document's
text becomes a multiset of 4-word shingles, and per document the shingles
shared with the truth (tp), extra (fp) and missing (fn) are normalized to sum
to 1.  Precision and recall are averaged over documents; F1 is their
harmonic mean.

usage: article_score.py TRUTH.json PRED.json [--show N]
  TRUTH.json, PRED.json: {"<id>": {"articleBody": "..."}, ...}; PRED may
  lack ids (scored as empty) but not add any.
"""
import json, re, sys
from collections import Counter

WORD = re.compile(r'\w+', re.UNICODE)

def shingles(text, n=4):
    words = WORD.findall(text or '')
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)) if words[i:i + n])

def counts(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values()); fp = sum((p - t).values()); fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)

def precision(tp, fp, fn):
    return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

def recall(tp, fp, fn):
    return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

def score(truth, pred):
    if set(pred) - set(truth):
        raise SystemExit(f'ids not in the truth: {sorted(set(pred) - set(truth))[:3]}')
    rows = {k: counts(truth[k].get('articleBody', ''), pred.get(k, {}).get('articleBody', '')) for k in truth}
    ps = [precision(*c) for c in rows.values() if c[0] + c[1] > 0]
    rs = [recall(*c) for c in rows.values() if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {'f1': 2 * p * r / (p + r) if p + r else 0.0, 'precision': p, 'recall': r, 'documents': len(rows)}, rows

def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr); return 2
    truth, pred = (json.load(open(a, encoding='utf-8')) for a in argv[1:3])
    pred = pred.get('output', pred) if isinstance(pred, dict) and set(pred) == {'version', 'output'} else pred
    m, rows = score(truth, pred)
    if '--json' in argv:
        print(json.dumps(m)); return 0
    print(f"documents {m['documents']}  F1 {m['f1']:.3f}  precision {m['precision']:.3f}  recall {m['recall']:.3f}")
    if '--show' in argv:
        n = int(argv[argv.index('--show') + 1])
        worst = sorted(rows.items(), key=lambda kv: kv[1][0])[:n]
        for k, (tp, fp, fn) in worst:
            print(f'  {k[:16]}  tp {tp:.2f}  fp {fp:.2f}  fn {fn:.2f}')
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv))
