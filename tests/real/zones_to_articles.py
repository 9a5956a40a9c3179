#!/usr/bin/env python3
"""Article texts from factpipe XML written with --include-text, as the
article benchmark's scorer reads them: {"<page id>": {"articleBody": ...}}.

usage: zones_to_articles.py OUTPUT.xml > PRED.json
A page's article is its lead and body zones in text order, one blank line
between two lines; the page id is the source's file name without .html.
Only the documents of TRUTH are kept when a truth file is given second.
"""
import json, os, sys
import xml.etree.ElementTree as ET

NS = '{urn:factpipe:1}'

def article(doc):
    text = doc.findtext(NS + 'text') or ''
    lines = []
    for zone in doc.findall(NS + 'zone'):
        if zone.get('kind') in ('lead', 'body'):
            lines += text[int(zone.get('start')):int(zone.get('end'))].split('\n')
    return '\n\n'.join(lines)

def main(argv):
    keep = set(json.load(open(argv[2]))) if len(argv) > 2 else None
    pred = {}
    for doc in ET.parse(argv[1]).getroot().iter(NS + 'document'):
        page = os.path.basename(doc.get('source'))
        page = page[:-len('.html')] if page.endswith('.html') else page
        if keep is None or page in keep:
            pred[page] = {'articleBody': article(doc)}
    json.dump(pred, sys.stdout, ensure_ascii=False)
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv))
