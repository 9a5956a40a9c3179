#!/usr/bin/env python3
"""Compare factpipe XML with gold facts (docs/GUIDELINE.md) for one fact kind.

usage: check_gold.py GOLD.jsonl OUTPUT.xml --kind KIND [--min-f1 F]
Documents match by the basename of source=; facts one to one by value;
facts with zone="chrome" are ignored, optional gold facts count neither
way.  Prints precision/recall/F1 and every miss; exit 1 below --min-f1.
"""
import argparse, collections, json, os, sys, unicodedata
import xml.etree.ElementTree as ET

NS = '{urn:factpipe:1}'

def norm(kind, v):
    v = unicodedata.normalize('NFC', v.strip())
    if kind == 'percentage':
        return ('%.4f' % float(v)).rstrip('0').rstrip('.')
    return v

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('gold'); ap.add_argument('output')
    ap.add_argument('--kind', required=True); ap.add_argument('--min-f1', type=float, default=0)
    a = ap.parse_args()
    pred = {}
    for doc in ET.parse(a.output).getroot().iter(NS + 'document'):
        facts = [f for f in doc.iter(NS + 'fact')
                 if f.get('kind') == a.kind and f.get('zone') != 'chrome']
        pred[os.path.basename(doc.get('source'))] = facts
    tp = fp = fn = 0
    for line in open(a.gold, encoding='utf-8'):
        if not line.strip():
            continue
        g = json.loads(line)
        name = os.path.basename(g['source'])
        pool = collections.Counter(norm(a.kind, f.get('value')) for f in pred.get(name, []))
        for f in sorted(g['facts'], key=lambda f: bool(f.get('optional'))):
            if f['kind'] != a.kind:
                continue
            for _ in range(int(f.get('mentions', 1))):
                v = norm(a.kind, f['value'])
                if pool[v] > 0:
                    pool[v] -= 1
                    tp += not f.get('optional')
                elif not f.get('optional'):
                    fn += 1
                    print(f'{name}: missed {v}')
        for v, n in pool.items():
            for _ in range(n):
                fp += 1
                print(f'{name}: extra {v}')
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f'{a.kind}: P={p:.3f} R={r:.3f} F1={f1:.3f} tp={tp} fp={fp} fn={fn}')
    return 0 if f1 >= a.min_f1 else 1

if __name__ == '__main__':
    sys.exit(main())
