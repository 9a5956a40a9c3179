#!/usr/bin/env python3
"""How robust zoning is on the article benchmark: prints figures, asserts
nothing.

  bench/article_robustness.py [--factpipe BIN] [--config DIR] [--pages DIR]
                              [--truth JSON] [--draws N] [--size K] [--seed S]
                              [--ablate] [--rules-off RULE,...] [--show N]

Runs `factpipe --format text` over the benchmark's pages (tests/real/
articles/ by default, *.html.gz unpacked into a temporary folder) and
scores each page with the benchmark's metric (tests/tools/article_score.py).
Then:

- the F1, precision and recall over all pages;
- the same over --draws random subsets of --size pages (fixed --seed):
  median, 10th and 90th percentile, and the share of subsets below 0.96.
  The held-back pages are one such subset we cannot see: the 10th
  percentile says how far an unlucky draw falls;
- with --ablate, each structure rule of zoning (the names of the
  [rules-off] section of config/zones.conf) switched off in turn: the F1
  then, and how many pages get better or worse by more than 0.01 (per-page
  F1).  A rule that helps few pages and hurts as many fits the pages rather
  than their structure.

--rules-off switches rules off for the whole run (the baseline too).
"""
import argparse, gzip, os, random, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests', 'tools'))
import article_score  # noqa: E402

BAR = 0.96
CHANGE = 0.01


def unpack(pages, dest):
    os.makedirs(dest)
    for name in sorted(os.listdir(pages)):
        src = os.path.join(pages, name)
        if name.endswith('.html.gz'):
            with gzip.open(src, 'rb') as f, open(os.path.join(dest, name[:-3]), 'wb') as out:
                shutil.copyfileobj(f, out)
        elif name.endswith('.html'):
            shutil.copy(src, dest)


def config_with_rules_off(work, rules_off, conf):
    """A pipeline file and zones.conf like the default ones of the folder
    conf, with [rules-off] listing rules_off; returns the pipeline's
    path."""
    zones = open(os.path.join(conf, 'zones.conf'), encoding='utf-8').read()
    if rules_off:
        zones += '\n[rules-off]\n' + ''.join(r + '\n' for r in rules_off)
    tag = '-'.join(rules_off).replace('?', 'unknown') or 'none'
    zpath = os.path.join(work, f'zones-{tag}.conf')
    open(zpath, 'w', encoding='utf-8').write(zones)
    lines = []
    for line in open(os.path.join(conf, 'default.pipeline'), encoding='utf-8'):
        key = line.split('=')[0].strip()
        if key == 'zones':
            line = f'zones = {zpath}\n'
        lines.append(line)
    ppath = os.path.join(work, f'pipeline-{tag}')
    open(ppath, 'w', encoding='utf-8').writelines(lines)
    return ppath


def run(factpipe, pipeline, pages, out):
    subprocess.run([factpipe, '-c', pipeline, '--format', 'text', '-o', out + '/', pages],
                   check=True, stdout=subprocess.DEVNULL)
    pred = {}
    for name in os.listdir(pages):
        page = name[:-len('.html')]
        path = os.path.join(out, name + '.txt')
        pred[page] = {'articleBody': open(path, encoding='utf-8').read()
                      if os.path.exists(path) else ''}
    return pred


def page_rows(truth, pred):
    return {k: article_score.counts(truth[k].get('articleBody', ''),
                                    pred.get(k, {}).get('articleBody', ''))
            for k in truth}


def f1_of(rows, keys):
    ps = [article_score.precision(*rows[k]) for k in keys if rows[k][0] + rows[k][1] > 0]
    rs = [article_score.recall(*rows[k]) for k in keys if rows[k][0] + rows[k][2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def page_f1(row):
    p, r = article_score.precision(*row), article_score.recall(*row)
    return 2 * p * r / (p + r) if p + r else 0.0


def percentile(sorted_values, q):
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--factpipe', default=os.path.join(ROOT, 'build', 'factpipe'))
    ap.add_argument('--pages', default=os.path.join(ROOT, 'tests', 'real', 'articles', 'html'))
    ap.add_argument('--truth', default=os.path.join(ROOT, 'tests', 'real', 'articles',
                                                    'ground-truth.json'))
    ap.add_argument('--config', default=os.path.join(ROOT, 'config'),
                    help='the folder of default.pipeline and zones.conf (another '
                         'checkout\'s, with its --factpipe)')
    ap.add_argument('--draws', type=int, default=1000)
    ap.add_argument('--size', type=int, default=50)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--ablate', action='store_true')
    ap.add_argument('--rules-off', default='')
    ap.add_argument('--show', type=int, default=0)
    a = ap.parse_args()
    truth = article_score.json.load(open(a.truth, encoding='utf-8'))
    base_off = [r for r in a.rules_off.split(',') if r]
    work = tempfile.mkdtemp(prefix='article-robustness-')
    try:
        pages = os.path.join(work, 'pages')
        unpack(a.pages, pages)
        rows = page_rows(truth, run(a.factpipe, config_with_rules_off(work, base_off, a.config),
                                    pages, os.path.join(work, 'out')))
        keys = sorted(rows)
        f1, p, r = f1_of(rows, keys)
        print(f'pages {len(keys)}  F1 {f1:.3f}  precision {p:.3f}  recall {r:.3f}'
              + (f'  (rules off: {",".join(base_off)})' if base_off else ''))
        rng = random.Random(a.seed)
        size = min(a.size, len(keys))
        draws = sorted(f1_of(rows, rng.sample(keys, size))[0] for _ in range(a.draws))
        below = sum(d < BAR for d in draws) / len(draws)
        print(f'{a.draws} subsets of {size} pages (seed {a.seed}): median '
              f'{percentile(draws, 0.5):.3f}  p10 {percentile(draws, 0.1):.3f}  '
              f'p90 {percentile(draws, 0.9):.3f}  below {BAR}: {below:.0%}')
        # Fresh pages come from the same kind of pages, not from these
        # ones: drawing with replacement (the bootstrap) models that.
        boot = sorted(f1_of(rows, [rng.choice(keys) for _ in range(size)])[0]
                      for _ in range(a.draws))
        below = sum(d < BAR for d in boot) / len(boot)
        print(f'{a.draws} bootstrap draws of {size} pages:    median '
              f'{percentile(boot, 0.5):.3f}  p10 {percentile(boot, 0.1):.3f}  '
              f'p90 {percentile(boot, 0.9):.3f}  below {BAR}: {below:.0%}')
        if a.show:
            for k in sorted(keys, key=lambda k: page_f1(rows[k]))[:a.show]:
                tp, fp, fn = rows[k]
                print(f'  {k[:16]}  F1 {page_f1(rows[k]):.2f}  tp {tp:.2f}  fp {fp:.2f}  fn {fn:.2f}')
        if a.ablate:
            names = rule_names(a.factpipe, work, a.config)
            print(f'\n{"rule switched off":28}{"F1":>7}{"better":>8}{"worse":>7}  (pages, > {CHANGE})')
            for rule in names:
                if rule in base_off:
                    continue
                off = base_off + [rule]
                other = page_rows(truth, run(a.factpipe, config_with_rules_off(work, off, a.config), pages,
                                             os.path.join(work, 'out-' + rule)))
                better = sum(page_f1(other[k]) > page_f1(rows[k]) + CHANGE for k in keys)
                worse = sum(page_f1(other[k]) < page_f1(rows[k]) - CHANGE for k in keys)
                print(f'{rule:28}{f1_of(other, keys)[0]:7.3f}{better:8d}{worse:7d}')
    finally:
        shutil.rmtree(work)


def rule_names(factpipe, work, conf):
    """The rules [rules-off] knows: factpipe names them when refusing one
    it does not know."""
    pipeline = config_with_rules_off(work, ['?'], conf)
    out = subprocess.run([factpipe, '-c', pipeline, '--list-plugins'],
                         capture_output=True, text=True)
    match = re.search(r"unknown rule '\?' in \[rules-off\] \(expected one of ([^)]*)\)",
                      out.stderr)
    if not match:
        raise SystemExit(f'cannot list the zoning rules: {out.stderr.strip()}')
    return match.group(1).split(', ')


if __name__ == '__main__':
    main()
