#!/usr/bin/env python3
# Copied unchanged from the annotation guideline's tool folder (shared/eval/) so that
# ctest does not depend on anything outside the repository.
"""Score the article's own date (factpipe's <meta><date>) against the truth of
a page-date benchmark, with the definitions of the htmldate evaluation: per
page, a date equal to the truth is a true positive, another date a false
positive, no date a false negative; precision tp/(tp+fp), recall
tp/(tp+fn), accuracy tp/pages, F 2tp/(2tp+fp+fn).

usage: date_score.py TRUTH.json OUTPUT.xml|DIR [--show N]
  TRUTH.json: {"<url>": {"file": "<name>.html", "date": "YYYY-MM-DD"}, ...}
  OUTPUT: factpipe XML (combined, or a folder of per-document files);
  documents are matched to pages by file name (a trailing .gz ignored).
"""
import json, os, sys
import xml.etree.ElementTree as ET

NS = '{urn:factpipe:1}'

def dates(path):
    files = [path] if os.path.isfile(path) else [
        os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith('.xml')]
    out = {}
    for f in files:
        for doc in ET.parse(f).getroot().iter(NS + 'document'):
            name = os.path.basename(doc.get('source', ''))
            name = name[:-3] if name.endswith('.gz') else name
            d = doc.find(f'{NS}meta/{NS}date')
            out[name] = d.text.strip() if d is not None and d.text else None
    return out

def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr); return 2
    truth = json.load(open(argv[1], encoding='utf-8'))
    got = dates(argv[2])
    tp = fp = fn = 0; wrong = []
    for url, t in sorted(truth.items()):
        r = got.get(t['file'])
        if r is None: fn += 1; wrong.append((t['file'], t['date'], None))
        elif r == t['date']: tp += 1
        else: fp += 1; wrong.append((t['file'], t['date'], r))
    n = len(truth)
    p = tp / (tp + fp) if tp + fp else 0.0; r = tp / (tp + fn) if tp + fn else 0.0
    res = {'pages': n, 'precision': p, 'recall': r, 'accuracy': tp / n if n else 0.0,
           'f': 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0}
    if '--json' in argv:
        print(json.dumps(res)); return 0
    print(f"pages {n}  accuracy {res['accuracy']:.3f}  precision {p:.3f}  recall {r:.3f}  F {res['f']:.3f}")
    if '--show' in argv:
        for f, t, g in wrong[:int(argv[argv.index('--show') + 1])]:
            print(f'  {f}: truth {t}, got {g}')
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv))
