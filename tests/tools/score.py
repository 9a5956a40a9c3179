#!/usr/bin/env python3
# Copied unchanged from the annotation guideline's tool folder (shared/eval/) so that
# ctest does not depend on anything outside the repository.
"""Score factpipe XML output against gold facts (shared/spec/FACTS.md).

usage: score.py GOLD.jsonl OUTPUT [OUTPUT...] [--json] [--min-f1 KIND=F ...] [--show N]
OUTPUT is an XML file or a folder searched for *.xml. Every element whose
local name is 'document' is one document; it is matched to gold by the
basename of its 'source' attribute. Facts are elements named 'fact' under it
with attributes kind and value (count: unit; official: child 'title' elements).
Facts with zone="chrome" are ignored. Exit 1 if a --min-f1 bar is not met.
"""
import json, os, sys, unicodedata, collections
import xml.etree.ElementTree as ET

KINDS = ("percentage", "count", "date", "official")

def local(tag):
    return tag.rsplit('}', 1)[-1]

def nfc(s):
    return unicodedata.normalize('NFC', (s or '').strip())

def norm_value(kind, v):
    v = nfc(v)
    if kind in ("percentage",):
        try:
            f = float(v.replace(',', '.'))
            return ('%.4f' % f).rstrip('0').rstrip('.')
        except ValueError:
            return v
    if kind == "count":
        try:
            return str(int(float(v)))
        except ValueError:
            return v
    if kind == "official":
        return ' '.join(v.split()).casefold()
    return v

def load_outputs(paths):
    docs = {}
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith('.xml')]
        else:
            files.append(p)
    for f in files:
        try:
            tree = ET.parse(f)
        except ET.ParseError as e:
            print(f"warning: {f}: not well-formed XML: {e}", file=sys.stderr)
            continue
        for el in tree.getroot().iter():
            if local(el.tag) != 'document':
                continue
            src = el.get('source') or el.get('path') or el.get('id') or ''
            key = os.path.basename(src)
            facts = []
            for fe in el.iter():
                if local(fe.tag) != 'fact':
                    continue
                if fe.get('zone') == 'chrome':
                    continue
                titles = [nfc(t.text) for t in fe if local(t.tag) == 'title' and t.text]
                facts.append({'kind': fe.get('kind'), 'value': fe.get('value', ''),
                              'unit': fe.get('unit'), 'titles': titles,
                              'text': fe.get('text') or (fe.text or '').strip()})
            docs[key] = facts
    return docs

def match(gold, pred, kind):
    """Greedy one-to-one matching on normalized value. Returns (tp, fp, fn, pairs, missed, extra)."""
    g = [f for f in gold if f['kind'] == kind]
    p = [f for f in pred if f.get('kind') == kind]
    pool = collections.defaultdict(list)
    for f in p:
        pool[norm_value(kind, f['value'])].append(f)
    pairs, missed = [], []
    for f in sorted(g, key=lambda f: bool(f.get('optional'))):
        k = norm_value(kind, f['value'])
        if pool.get(k):
            pairs.append((f, pool[k].pop(0)))
        elif not f.get('optional'):
            missed.append(f)
    extra = [f for lst in pool.values() for f in lst]
    tp = sum(1 for gf, _ in pairs if not gf.get('optional'))
    return tp, len(extra), len(missed), pairs, missed, extra

def title_ok(g, p):
    """Equal, or one starts with the other on a word boundary sharing at least two words."""
    if g == p: return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return len(short.split()) >= 2 and long_.startswith(short) and long_[len(short):len(short) + 1] in (' ', ',', '')

def unit_ok(gu, pu):
    gu, pu = nfc(gu).casefold(), nfc(pu).casefold()
    return bool(gu) and bool(pu) and (gu.startswith(pu) or pu.startswith(gu))

def main(argv):
    args, bars, as_json, show = [], {}, False, 0
    it = iter(argv)
    for a in it:
        if a == '--json': as_json = True
        elif a == '--min-f1': k, v = next(it).split('='); bars[k] = float(v)
        elif a == '--show': show = int(next(it))
        else: args.append(a)
    if len(args) < 2:
        print(__doc__, file=sys.stderr); return 2
    gold = {}
    with open(args[0], encoding='utf-8') as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                facts = []
                for f in d['facts']:
                    n = 1 if f.get('kind') == 'official' else int(f.get('mentions', 1))
                    facts += [f] * n
                gold[os.path.basename(d['source'])] = facts
    out = load_outputs(args[1:])
    missing_docs = [k for k in gold if k not in out]
    stats = {k: collections.Counter() for k in KINDS}
    examples = collections.defaultdict(list)
    for key, gfacts in gold.items():
        pfacts = out.get(key, [])
        for kind in KINDS:
            tp, fp, fn, pairs, missed, extra = match(gfacts, pfacts, kind)
            s = stats[kind]; s['tp'] += tp; s['fp'] += fp; s['fn'] += fn
            for m in missed: examples[kind].append(f"{key}: missed {m['value']!r}")
            for x in extra: examples[kind].append(f"{key}: extra {x['value']!r} ({x.get('text','')!r})")
            for gf, pf in pairs:
                if gf.get('optional'): continue
                if kind == 'count' and gf.get('unit'):
                    s['attr_n'] += 1; s['attr_ok'] += unit_ok(gf['unit'], pf.get('unit') or '')
                if kind == 'official' and gf.get('titles'):
                    gt = {nfc(t).casefold() for t in gf['titles']}
                    pt = {nfc(t).casefold() for t in pf.get('titles', [])}
                    s['attr_n'] += len(gt); s['attr_ok'] += sum(any(title_ok(g, p) for p in pt) for g in gt)
    result = {'documents_gold': len(gold), 'documents_missing': len(missing_docs), 'kinds': {}}
    ok = True
    for kind in KINDS:
        s = stats[kind]
        p = s['tp'] / (s['tp'] + s['fp']) if s['tp'] + s['fp'] else 0.0
        r = s['tp'] / (s['tp'] + s['fn']) if s['tp'] + s['fn'] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        attr = s['attr_ok'] / s['attr_n'] if s['attr_n'] else None
        result['kinds'][kind] = {'tp': s['tp'], 'fp': s['fp'], 'fn': s['fn'], 'precision': round(p, 4),
                                 'recall': round(r, 4), 'f1': round(f1, 4),
                                 'attr_accuracy': None if attr is None else round(attr, 4)}
        if kind in bars and f1 < bars[kind]: ok = False
    fs = [result['kinds'][k]['f1'] for k in KINDS]
    result['macro_f1'] = round(sum(fs) / len(fs), 4)
    if 'all' in bars and result['macro_f1'] < bars['all']: ok = False
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(f"documents: {len(gold)} gold, {len(missing_docs)} without output")
        print(f"{'kind':<11}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  attr")
        for kind in KINDS:
            k = result['kinds'][kind]
            a = '-' if k['attr_accuracy'] is None else f"{k['attr_accuracy']:.3f}"
            print(f"{kind:<11}{k['precision']:>7.3f}{k['recall']:>7.3f}{k['f1']:>7.3f}{k['tp']:>6}{k['fp']:>6}{k['fn']:>6}  {a}")
        if show:
            for kind in KINDS:
                for e in examples[kind][:show]: print(f"  [{kind}] {e}")
        print(f"macro F1 {result['macro_f1']:.3f}")
    return 0 if ok else 1

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
