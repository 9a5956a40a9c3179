#!/usr/bin/env python3
"""Check the offsets of factpipe XML written with --include-text.

usage: check_offsets.py OUTPUT.xml   (run where the source= paths resolve)
For every fact: text[start:end] (characters of <text>) equals its text=
attribute, and the source bytes [src-start, src-end) of the input file lie
inside the file and, where no markup or entity lies between, decode to
the same surface text.  The <zone> standoff tiles the text: zones in text
order, each a run of whole lines, one line break between two zones, two
neighbours never of one kind (a zone is a maximal run); a fact marked
zone="chrome" lies in a chrome zone, any other fact in a non-chrome one.
Exit 1 on the first mismatch.
"""
import os, sys, unicodedata
import xml.etree.ElementTree as ET

NS = '{urn:factpipe:1}'
CODECS = {'utf-8': 'utf-8', 'windows-1258': 'cp1258', 'windows-1252': 'cp1252',
          'utf-16le': 'utf-16-le', 'utf-16be': 'utf-16-be'}

def check_zones(doc, text):
    """The zones of one document; returns an error message or None."""
    zones = [(z.get('kind'), int(z.get('start')), int(z.get('end')))
             for z in doc.findall(NS + 'zone')]
    if not text:
        return 'zones on an empty text' if zones else None
    if not zones:
        return 'text without zones'
    at = 0
    for i, (kind, s, e) in enumerate(zones):
        if s != at:
            return f'zone {i + 1} starts at {s}, expected {at}'
        if '\n' in (text[s:s + 1], text[e - 1:e]) or e <= s:
            return f'zone {i + 1} ({s}..{e}) is not a run of whole lines'
        if i and zones[i - 1][0] == kind:
            return f'zones {i} and {i + 1} are both {kind}: not maximal'
        if e < len(text) and text[e] != '\n':
            return f'zone {i + 1} ends at {e}, inside a line'
        at = e + 1
    if zones[-1][2] != len(text):
        return f'the zones end at {zones[-1][2]}, the text at {len(text)}'
    for f in doc.iter(NS + 'fact'):
        s = int(f.get('start'))
        kind = next(k for k, a, b in zones if a <= s < b)
        if (kind == 'chrome') != (f.get('zone') == 'chrome'):
            return f'fact at {s} (zone={f.get("zone")}) lies in a {kind} zone'
    return None

def main(path):
    checked = src_checked = 0
    for doc in ET.parse(path).getroot().iter(NS + 'document'):
        text_el = doc.find(NS + 'text')
        if text_el is None:
            if doc.find(NS + 'error') is not None:
                continue
            print(f"{doc.get('source')}: no <text>"); return 1
        text = text_el.text or ''
        why = check_zones(doc, text)
        if why:
            print(f"{doc.get('source')}: {why}"); return 1
        data = open(doc.get('source'), 'rb').read()
        for f in doc.iter(NS + 'fact'):
            s, e = int(f.get('start')), int(f.get('end'))
            if text[s:e] != f.get('text'):
                print(f"{doc.get('source')}: text[{s}:{e}]={text[s:e]!r} but text={f.get('text')!r}")
                return 1
            checked += 1
            a, b = int(f.get('src-start')), int(f.get('src-end'))
            if not (0 <= a < b <= len(data)):
                print(f"{doc.get('source')}: source span {a}..{b} outside the file"); return 1
            codec = CODECS.get(doc.get('encoding'))
            if codec:
                raw = data[a:b].decode(codec, 'replace')
                if '&' not in raw and '<' not in raw:
                    if unicodedata.normalize('NFC', raw) != f.get('text'):
                        print(f"{doc.get('source')}: source bytes {a}..{b} read {raw!r}, "
                              f"fact text is {f.get('text')!r}")
                        return 1
                    src_checked += 1
    if checked == 0:
        print('no facts checked'); return 1
    print(f'offsets: {checked} facts checked, {src_checked} against source bytes')
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
