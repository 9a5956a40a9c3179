#!/usr/bin/env bash
# The URL as evidence of the article's date, end to end: a WARC record's
# target URI counts; a file's path, however dated, does not.
set -euo pipefail
: "${FACTPIPE:?}" "${PYTHON:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
page='<html><head><title>Tổng kết công tác năm</title></head><body>
<h1>Tổng kết công tác năm</h1><p>Sáng nay, UBND phường tổ chức hội nghị
tổng kết công tác năm, có 120 đại biểu tham dự.</p></body></html>'
printf '%s' "$page" > "$tmp/page.html"
"$PYTHON" - "$tmp/page.html" "$tmp/crawl.warc" <<'PY'
import sys
page = open(sys.argv[1], "rb").read()
def record(uri):
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-03-01T08:15:00Z\r\nWARC-Record-ID: <urn:uuid:{len(uri)}>\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    return head + body + b"\r\n\r\n"
with open(sys.argv[2], "wb") as f:
    f.write(record("https://news.example.vn/2012/12/24/tong-ket.html"))
    f.write(record("https://news.example.vn/tin-tuc/tong-ket-123.html"))
PY
mkdir -p "$tmp/2012/12/24"
cp "$tmp/page.html" "$tmp/2012/12/24/page.html"
"$FACTPIPE" -o "$tmp/out.xml" "$tmp/crawl.warc" "$tmp/2012"
"$PYTHON" - "$tmp/out.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = '{urn:factpipe:1}'
got = {}
for doc in ET.parse(sys.argv[1]).getroot().iter(ns + 'document'):
    d = doc.find(f'{ns}meta/{ns}date')
    got[doc.get('source').split('/')[-1]] = d.text if d is not None else None
want = {'tong-ket.html': '2012-12-24', 'tong-ket-123.html': None, 'page.html': None}
bad = [f'{k}: got {got.get(k)}, expected {v}' for k, v in want.items() if got.get(k, 'missing') != v]
for b in bad:
    print('FAIL:', b)
if not bad:
    print('ok: the WARC record URL dates its page; file paths do not')
sys.exit(1 if bad else 0)
PY
