#!/usr/bin/env python3
"""Check a factpipe review page (--format html), or the DOM a browser made
of it, against the XML and the article text of the same run.

usage: check_review.py PAGE.html OUTPUT.xml [ARTICLE.txt]
       check_review.py --index DIR OUTPUT.xml

--index checks DIR/index.html of a run with -o DIR/: one row per XML
document in order, its link a file in DIR, its status, its facts per kind
as the XML counts them, and the totals; no script either.

PAGE.html holds one <section class="doc"> per document of OUTPUT.xml, in
order.  For each processed document: one highlight (<mark class="fact">,
split pieces share data-fact) per XML fact, with the fact's kind, whose
text is the fact's text attribute; with ARTICLE.txt (the --format text
output of the same inputs), the text of the lines in the article zones,
one blank line between two, is the document's article text.  A failed
document's section has its error.  Everywhere: nothing that runs script
(no script, iframe, object, embed, base or form element, no on*
attribute, no javascript: or data: link) and a Content-Security-Policy
that refuses scripts.  Prints one line; exits 1 at the first problem.
"""
import html.parser
import re
import sys
import xml.etree.ElementTree as ET

NS = '{urn:factpipe:1}'
FORBIDDEN = {'script', 'iframe', 'object', 'embed', 'base', 'form', 'frame', 'frameset',
             'applet', 'link', 'img', 'svg', 'math'}
VOID = {'meta', 'br', 'hr', 'img', 'input', 'link', 'wbr', 'col', 'area', 'base', 'source'}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []        # (tag, attrs) of open elements
        self.sections = []
        self.problems = []
        self.csp = None

    def section(self):
        return self.sections[-1] if self.sections else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in FORBIDDEN:
            self.problems.append('a <%s> element' % tag)
        for name, value in attrs.items():
            if name.startswith('on'):
                self.problems.append('an event attribute %s on <%s>' % (name, tag))
            if name in ('href', 'src', 'action', 'formaction') and value and \
                    re.match(r'\s*(javascript|data|vbscript):', value, re.I):
                self.problems.append('a %s: link' % value.split(':')[0])
        if tag == 'meta' and (attrs.get('http-equiv') or '').lower() == 'content-security-policy':
            self.csp = attrs.get('content', '')
        classes = (attrs.get('class') or '').split()
        if tag == 'section' and 'doc' in classes:
            self.sections.append({'source': attrs.get('data-source'),
                                  'status': attrs.get('data-status'),
                                  'facts': attrs.get('data-facts'),
                                  'marks': {}, 'order': [], 'lines': [], 'error': None})
        if tag in VOID:
            return
        self.stack.append((tag, attrs, classes))
        if tag == 'mark' and 'fact' in classes and self.section() is not None:
            fact = attrs.get('data-fact')
            marks = self.section()['marks']
            if fact not in marks:
                marks[fact] = {'kind': attrs.get('data-kind'), 'text': ''}
                self.section()['order'].append(fact)
            elif marks[fact]['kind'] != attrs.get('data-kind'):
                self.problems.append('pieces of fact %s with two kinds' % fact)
        if tag == 'p' and self.inside_article():
            self.section()['lines'].append('')
        if tag == 'p' and 'error' in classes and self.section() is not None:
            self.section()['error'] = ''

    def inside_article(self):
        return any(t == 'div' and 'zone' in c and 'article' in c for t, _, c in self.stack)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag = self.stack.pop()[0]
            if open_tag == tag:
                break

    def handle_data(self, data):
        section = self.section()
        if section is None or not self.stack:
            return
        if any(t == 'p' for t, _, _ in self.stack) and self.inside_article():
            section['lines'][-1] += data
        for tag, attrs, classes in self.stack:
            if tag == 'mark' and 'fact' in classes:
                section['marks'][attrs.get('data-fact')]['text'] += data
        if self.stack[-1][0] == 'p' and 'error' in self.stack[-1][2]:
            section['error'] += data


def article_texts(path, n_docs):
    """The documents' article texts from --format text output."""
    text = open(path, encoding='utf-8').read()
    if n_docs == 1:
        return [text]
    parts = re.split(r'(?:^|\n)==> .* <==\n', text)
    return parts[1:]


def fail(message):
    sys.exit('check_review: ' + message)


class Index(Page):
    """The rows and totals of an index page."""
    def __init__(self):
        super().__init__()
        self.rows = []
        self.cell = None
        self.totals = ''
        self.in_totals = False

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attrs = dict(attrs)
        if tag == 'tr' and attrs.get('class') in ('ok', 'failed', 'quarantined'):
            self.rows.append({'status': attrs['class'], 'cells': [], 'href': None, 'chips': []})
        elif tag == 'td' and self.rows:
            self.rows[-1]['cells'].append('')
        elif tag == 'a' and self.rows:
            self.rows[-1]['href'] = attrs.get('href')
        elif tag == 'section' and attrs.get('class') == 'totals':
            self.in_totals = True

    def handle_data(self, data):
        if self.in_totals:
            self.totals += data
        elif self.rows and self.stack and any(t == 'td' for t, _, _ in self.stack):
            self.rows[-1]['cells'][-1] += data


def check_index(folder, xml_path):
    import collections
    import os
    import urllib.parse
    index = Index()
    index.feed(open(os.path.join(folder, 'index.html'), encoding='utf-8').read())
    index.close()
    if index.problems:
        fail('index.html: %s' % index.problems[0])
    docs = ET.parse(xml_path).getroot().findall(NS + 'document')
    if len(index.rows) != len(docs):
        fail('index.html: %d rows for %d documents' % (len(index.rows), len(docs)))
    totals = collections.Counter()
    n_failed = 0
    for row, doc in zip(index.rows, docs):
        number, source, status, facts = row['cells']
        if source != doc.get('source'):
            fail('index.html: row %s is %r, the XML has %r' % (number, source, doc.get('source')))
        target = os.path.join(folder, urllib.parse.unquote(row['href'] or ''))
        if not row['href'] or not os.path.isfile(target):
            fail('index.html: the link of %s leads nowhere (%r)' % (source, row['href']))
        failed = doc.find(NS + 'error') is not None
        n_failed += failed
        if (row['status'] != 'ok') != failed:
            fail('index.html: %s is %s' % (source, row['status']))
        counts = collections.Counter(f.get('kind') for f in doc.findall(NS + 'fact'))
        want = ' '.join('%s %d' % kc for kc in counts.items())
        if facts.strip() != want:
            fail('index.html: %s has facts %r, the XML %r' % (source, facts.strip(), want))
        totals.update(counts)
    want = '%d document%s: %d ok, %d failed; %d fact%s' % (
        len(docs), '' if len(docs) == 1 else 's', len(docs) - n_failed, n_failed,
        sum(totals.values()), '' if sum(totals.values()) == 1 else 's')
    if not index.totals.startswith(want):
        fail('index.html: totals %r, want %r' % (index.totals[:120], want))
    for kind, n in totals.items():
        if '%s %d in ' % (kind, n) not in index.totals:
            fail('index.html: no total for %s %d' % (kind, n))
    print('%s/index.html: %d documents, %d facts, links and counts as the XML'
          % (folder, len(docs), sum(totals.values())))


def main():
    if sys.argv[1] == '--index':
        return check_index(sys.argv[2], sys.argv[3])
    page_path, xml_path = sys.argv[1:3]
    page = Page()
    page.feed(open(page_path, encoding='utf-8').read())
    page.close()
    if page.problems:
        fail('%s: %s' % (page_path, page.problems[0]))
    if page.csp is None or "default-src 'none'" not in page.csp or 'script-src' in page.csp:
        fail('%s: no Content-Security-Policy refusing scripts' % page_path)
    docs = ET.parse(xml_path).getroot().findall(NS + 'document')
    if len(docs) != len(page.sections):
        fail('%d sections for %d documents' % (len(page.sections), len(docs)))
    articles = article_texts(sys.argv[3], len(docs)) if len(sys.argv) > 3 else None
    n_marks = 0
    for i, (doc, section) in enumerate(zip(docs, page.sections)):
        name = doc.get('source')
        if section['source'] != name:
            fail('section %d is %r, the XML has %r' % (i + 1, section['source'], name))
        error = doc.find(NS + 'error')
        if error is not None:
            if section['status'] != 'failed' or section['error'] != (error.text or ''):
                fail('%s: the failed document does not show its error' % name)
            continue
        facts = doc.findall(NS + 'fact')
        if len(section['marks']) != len(facts):
            fail('%s: %d highlighted facts, the XML has %d'
                 % (name, len(section['marks']), len(facts)))
        for n, fact in enumerate(facts, 1):
            mark = section['marks'].get(str(n))
            if mark is None:
                fail('%s: fact %d (%s %r) is not highlighted' % (name, n, fact.get('kind'),
                                                                 fact.get('text')))
            if mark['kind'] != fact.get('kind') or mark['text'] != fact.get('text'):
                fail('%s: fact %d highlighted as %s %r, the XML has %s %r'
                     % (name, n, mark['kind'], mark['text'], fact.get('kind'), fact.get('text')))
        n_marks += len(facts)
        if articles is not None:
            lines = section['lines']
            got = '\n\n'.join(lines) + '\n' if lines else ''
            if got != articles[i]:
                fail('%s: the article on the page is not the --format text article' % name)
    print('%s: %d documents, %d facts highlighted with their kinds%s; no script'
          % (page_path, len(docs), n_marks,
             ', article text as --format text' if articles is not None else ''))


if __name__ == '__main__':
    main()
