#!/usr/bin/env python3
"""The article text --format text must write, derived independently from
factpipe XML written with --include-text: the lines of the document's
lead and body zones (character offsets into <text>), one blank line
between two lines, a newline at the end; a combined output of several
documents starts each with "==> SOURCE <==" (after a blank line from the
second on).  Failed documents have no article text.

usage: article_from_xml.py OUTPUT.xml > expected.txt
"""
import sys
import xml.etree.ElementTree as ET

NS = '{urn:factpipe:1}'
ARTICLE_ZONES = ('lead', 'body')


def article(doc):
    text = doc.findtext(NS + 'text') or ''
    lines = []
    for zone in doc.findall(NS + 'zone'):
        if zone.get('kind') in ARTICLE_ZONES:
            lines += text[int(zone.get('start')):int(zone.get('end'))].split('\n')
    return '\n\n'.join(lines) + '\n' if lines else ''


def main():
    docs = ET.parse(sys.argv[1]).getroot().findall(NS + 'document')
    out = []
    for i, doc in enumerate(docs):
        if len(docs) > 1:
            out.append(('\n' if i else '') + '==> ' + doc.get('source') + ' <==\n')
        out.append(article(doc))
    sys.stdout.buffer.write(''.join(out).encode('utf-8'))


if __name__ == '__main__':
    main()
