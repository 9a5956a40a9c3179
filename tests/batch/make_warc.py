#!/usr/bin/env python3
"""make_warc.py PAGE OUT.warc OUT.warc.gz: a small WARC with a warcinfo, a
request, and four responses for PAGE: plain, an image, chunked, gzip-encoded.
The .gz has one gzip member per record, as WARC writers do."""
import gzip
import sys

page = open(sys.argv[1], "rb").read()


def record(kind, uri, date, payload):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{kind}-{date}>\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def http(headers, body):
    return b"HTTP/1.1 200 OK\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body


chunked = b"".join(b"%x\r\n%s\r\n" % (len(page[i:i + 5000]), page[i:i + 5000])
                   for i in range(0, len(page), 5000)) + b"0\r\n\r\n"
records = [
    record("warcinfo", "", "2024-03-01T08:00:00Z", b"software: make_warc.py\r\n"),
    record("request", "http://ubnd.example.vn/a.html", "2024-03-01T08:15:00Z",
           b"GET /a.html HTTP/1.1\r\nHost: ubnd.example.vn\r\n\r\n"),
    record("response", "http://ubnd.example.vn/a.html", "2024-03-01T08:15:00Z",
           http([b"Content-Type: text/html; charset=utf-8"], page)),
    record("response", "http://ubnd.example.vn/logo.png", "2024-03-01T08:15:01Z",
           http([b"Content-Type: image/png"], b"\x89PNG\r\n")),
    record("response", "http://ubnd.example.vn/b.html", "2024-03-01T08:16:00Z",
           http([b"Content-Type: text/html", b"Transfer-Encoding: chunked"], chunked)),
    record("response", "http://ubnd.example.vn/c.html", "2024-03-01T08:17:00Z",
           http([b"Content-Type: text/html", b"Content-Encoding: gzip"], gzip.compress(page))),
]
with open(sys.argv[2], "wb") as f:
    f.write(b"".join(records))
with open(sys.argv[3], "wb") as f:
    f.write(b"".join(gzip.compress(r) for r in records))
