#!/usr/bin/env python3
"""make_tar.py N OUT.tar.gz: a gzip-compressed tar of N small pages
(p/0000000.html ...), each a short bulletin line with a percentage, a
count and a date, written as a stream so N can be millions."""
import io
import sys
import tarfile

n, out = int(sys.argv[1]), sys.argv[2]
with tarfile.open(out, "w:gz", compresslevel=1) as t:
    for i in range(n):
        page = (f"<html><body><p>Xã {i}: tỷ lệ {i % 97},{i % 10}% của {i % 900 + 100} "
                f"đảng viên, ngày {i % 28 + 1}/{i % 12 + 1}/2019.</p></body></html>\n").encode()
        info = tarfile.TarInfo(f"p/{i // 1000:04d}/{i:07d}.html")
        info.size = len(page)
        info.mtime = 1700000000
        t.addfile(info, io.BytesIO(page))
