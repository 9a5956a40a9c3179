#!/usr/bin/env python3
"""Check factpipe JSON Lines against its schema and against the XML of the
same run.

usage: check_jsonl.py SCHEMA OUTPUT.jsonl OUTPUT.xml

The JSON Lines file must be valid UTF-8 with no raw U+2028/U+2029, one
line per document, each line one JSON object (strict: no NaN or
Infinity) valid under SCHEMA (JSON Schema 2020-12).  Document for
document, in order, it must carry the XML's data: source, format,
encoding, meta, partial, error, text and zones (--include-text), and the
same facts — same count, and for each the same kind, value, offsets,
text, plugin, version, zone, kind-specific attributes and children.
Prints one line and exits 1 at the first difference.
"""
import json
import sys
import xml.etree.ElementTree as ET

import jsonschema

NS = '{urn:factpipe:1}'
CORE_INT = ('start', 'end', 'src-start', 'src-end')
CORE_STR = ('kind', 'value', 'text', 'plugin', 'plugin-version')
CORE = CORE_INT + CORE_STR + ('zone',)
META = ('title', 'date', 'byline', 'url', 'record-date')


def no_constant(name):
    raise ValueError('not JSON: ' + name)


def fact_from_xml(el):
    fact = {k: int(el.get(k)) for k in CORE_INT}
    fact.update({k: el.get(k) for k in CORE_STR})
    fact['zone'] = el.get('zone')
    for name, value in el.attrib.items():
        if name not in CORE:
            fact[name] = value
    for child in el:
        fact.setdefault(child.tag[len(NS):], []).append(child.text or '')
    return fact


def document_from_xml(el):
    meta = el.find(NS + 'meta')
    error = el.find(NS + 'error')
    doc = {
        'source': el.get('source'),
        'format': el.get('format'),
        'encoding': el.get('encoding'),
        'meta': {k: (meta.findtext(NS + k) if meta is not None else None) for k in META},
        'partial': el.get('partial') == 'true',
        'error': error.text or '' if error is not None else None,
        'facts': [fact_from_xml(f) for f in el.findall(NS + 'fact')],
    }
    text = el.find(NS + 'text')
    if text is not None:
        doc['text'] = text.text or ''
        doc['zones'] = [{'kind': z.get('kind'), 'start': int(z.get('start')),
                         'end': int(z.get('end'))} for z in el.findall(NS + 'zone')]
    return doc


def first_difference(want, got, path=''):
    if type(want) is not type(got):
        return '%s: XML has %r, JSON %r' % (path, want, got)
    if isinstance(want, dict):
        for key in sorted(set(want) | set(got)):
            if key not in want or key not in got:
                return '%s.%s: only in %s' % (path, key, 'XML' if key in want else 'JSON')
            diff = first_difference(want[key], got[key], path + '.' + key)
            if diff:
                return diff
        return None
    if isinstance(want, list):
        if len(want) != len(got):
            return '%s: XML has %d items, JSON %d' % (path, len(want), len(got))
        for i, (w, g) in enumerate(zip(want, got)):
            diff = first_difference(w, g, '%s[%d]' % (path, i))
            if diff:
                return diff
        return None
    return None if want == got else '%s: XML has %r, JSON %r' % (path, want, got)


def main():
    schema_path, jsonl_path, xml_path = sys.argv[1:4]
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    raw = open(jsonl_path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        sys.exit('%s: not UTF-8: %s' % (jsonl_path, e))
    for sep in ('\u2028', '\u2029'):
        if sep in text:
            sys.exit('%s: raw U+%04X in the output' % (jsonl_path, ord(sep)))
    if text and not text.endswith('\n'):
        sys.exit('%s: the last line does not end with a newline' % jsonl_path)
    lines = text.split('\n')[:-1] if text else []
    xml_docs = ET.parse(xml_path).getroot().findall(NS + 'document')
    if len(lines) != len(xml_docs):
        sys.exit('%s: %d lines for %d XML documents' % (jsonl_path, len(lines), len(xml_docs)))
    n_facts = 0
    for i, (line, xml_doc) in enumerate(zip(lines, xml_docs), 1):
        try:
            doc = json.loads(line, parse_constant=no_constant)
        except ValueError as e:
            sys.exit('%s:%d: not JSON: %s' % (jsonl_path, i, e))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            sys.exit('%s:%d: not valid under the schema: %s at %s'
                     % (jsonl_path, i, errors[0].message[:200], list(errors[0].path)))
        diff = first_difference(document_from_xml(xml_doc), doc)
        if diff:
            sys.exit('%s:%d (%s): %s' % (jsonl_path, i, doc.get('source'), diff[:300]))
        n_facts += len(doc['facts'])
    print('%s: %d documents, %d facts, valid and equal to the XML'
          % (jsonl_path, len(lines), n_facts))


if __name__ == '__main__':
    main()
