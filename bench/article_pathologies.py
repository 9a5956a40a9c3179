#!/usr/bin/env python3
"""Zoning pathologies on real pages without their article written down:
prints counts, asserts nothing.

  bench/article_pathologies.py [--factpipe BIN] [--list] PAGES...

PAGES are folders or files of pages (*.html, *.html.gz: unpacked into a
temporary folder), by default tests/real/dates/html and tests/real/dates/vi
(297 pages of the htmldate evaluation set and two VnExpress pages).  Each
page goes through `factpipe --include-text`; its article is its lead and
body zones (what --format text writes).  Counted:

- empty:  a page with text and no article;
- tiny:   an article under 200 characters on a page with 1,000 or more;
- whole:  an article over 90% of a page of 2,000 characters or more (the
          page taken whole, menus and footers with it);
- menu:   an article of ten lines or more, most of them under 30
          characters (a menu or a list of links taken for the article).

A page may be right to be counted (a results table is the whole page, a
notice is short): --list names them, to look at.
"""
import argparse, gzip, os, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NS = '{urn:factpipe:1}'


def unpack(sources, dest):
    os.makedirs(dest)
    for source in sources:
        names = ([os.path.join(source, n) for n in sorted(os.listdir(source))]
                 if os.path.isdir(source) else [source])
        for path in names:
            name = os.path.basename(path)
            if name.endswith('.html.gz'):
                with gzip.open(path, 'rb') as f, open(os.path.join(dest, name[:-3]), 'wb') as out:
                    shutil.copyfileobj(f, out)
            elif name.endswith('.html'):
                shutil.copy(path, dest)


def article_of(xml_path):
    """(page text, article lines) of one document's output."""
    doc = ET.parse(xml_path).getroot().find(f'.//{NS}document')
    text_el = doc.find(f'{NS}text') if doc is not None else None
    text = text_el.text or '' if text_el is not None else ''
    lines = []
    for zone in doc.iter(f'{NS}zone') if doc is not None else []:
        if zone.get('kind') in ('lead', 'body'):
            start, end = int(zone.get('start')), int(zone.get('end'))
            lines.extend(l for l in text[start:end].split('\n') if l.strip())
    return text, lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--factpipe', default=os.path.join(ROOT, 'build', 'factpipe'))
    ap.add_argument('--list', action='store_true')
    ap.add_argument('pages', nargs='*', default=[
        os.path.join(ROOT, 'tests', 'real', 'dates', 'html'),
        os.path.join(ROOT, 'tests', 'real', 'dates', 'vi')])
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix='article-pathologies-')
    try:
        pages = os.path.join(work, 'pages')
        unpack(a.pages, pages)
        out = os.path.join(work, 'out')
        subprocess.run([a.factpipe, '--include-text', '-o', out + '/', pages],
                       stdout=subprocess.DEVNULL, check=False)
        found = {'empty': [], 'tiny': [], 'whole': [], 'menu': []}
        n = 0
        for name in sorted(os.listdir(pages)):
            path = os.path.join(out, name + '.xml')
            if not os.path.exists(path):
                print(f'no output for {name}', file=sys.stderr)
                continue
            n += 1
            text, lines = article_of(path)
            page, article = len(text), sum(len(l) for l in lines)
            if page and not article:
                found['empty'].append(name)
            elif article < 200 and page >= 1000:
                found['tiny'].append(name)
            if page >= 2000 and article > 0.9 * page:
                found['whole'].append(name)
            if len(lines) >= 10 and sum(len(l) < 30 for l in lines) > len(lines) / 2:
                found['menu'].append(name)
        print(f'pages {n}  ' + '  '.join(f'{k} {len(v)}' for k, v in found.items()))
        if a.list:
            for kind, names in found.items():
                for name in names:
                    print(f'  {kind:6} {name}')
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    main()
