#!/usr/bin/env bash
# Inputs: folders with --include/--exclude, --files-from, tar (gz, xz, zstd)
# and zip archives read in memory, WARC(.gz) response records, archive caps
# (member size, expansion ratio), truncated archives.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
: "${PYTHON:?}"

make_corpus "$tmp/corpus" 12
check "folder" status_is 0 fp "$tmp/corpus"
cp "$tmp/stdout" "$tmp/folder.xml"
check "folder valid" valid "$tmp/folder.xml"
check "folder has 12 documents" test "$(grep -c '<document ' "$tmp/folder.xml")" -eq 12

# --include / --exclude: base-name globs and path globs; excluded folders
check "include" status_is 0 fp --include '*.txt' "$tmp/corpus"
check "include took the 2 text pages" test "$(grep -c '<document ' "$tmp/stdout")" -eq 2
check "exclude folder" status_is 0 fp --exclude d0 "$tmp/corpus"
check "exclude folder dropped 3" test "$(grep -c '<document ' "$tmp/stdout")" -eq 9
check "exclude path glob" status_is 0 fp --exclude 'd1/*' --exclude '*.txt' "$tmp/corpus"
check "exclude path glob count" test "$(grep -c '<document ' "$tmp/stdout")" -eq 8

# --files-from, from a file and from stdin, in the listed order
find "$tmp/corpus" -name '*.html' | sort -r > "$tmp/list"
check "files-from" status_is 0 fp --files-from "$tmp/list"
check "files-from count" test "$(grep -c '<document ' "$tmp/stdout")" -eq 10
check "files-from keeps list order" test "$(grep -o 'source="[^"]*"' "$tmp/stdout" | head -1)" = "source=\"$(head -1 "$tmp/list")\""
check "files-from stdin" status_is 0 bash -c "fp() { \"\$FACTPIPE\" -c '$pipeline' \"\$@\"; }; fp --files-from - < '$tmp/list'"
check "files-from stdin count" test "$(grep -c '<document ' "$tmp/stdout")" -eq 10

# Links in folders (issue 10 item 8): links to folders are not followed
# unless --follow, which skips a link back to a folder above it (a loop,
# told by device and inode); links to files are read either way.
mkdir -p "$tmp/loop" "$tmp/elsewhere"
printf 'Tỷ lệ 5%%.\n' > "$tmp/loop/a.html"
printf 'Tỷ lệ 6%%.\n' > "$tmp/elsewhere/b.html"
ln -s . "$tmp/loop/s1"; ln -s . "$tmp/loop/s2"; ln -s ../elsewhere "$tmp/loop/other"
ln -s ../elsewhere/b.html "$tmp/loop/linked.html"
docs() { grep -c '<document ' "$tmp/stdout"; }
check "two links to . end" status_is 0 timeout -k 5 60 "$FACTPIPE" -c "$pipeline" "$tmp/loop"
check "each document once, links to files read" test "$(docs)" -eq 2
check "links to folders named" stderr_has "3 links to folders not followed (the first: $tmp/loop/other); --follow reads them"
check "--follow ends" status_is 0 timeout -k 5 60 "$FACTPIPE" -c "$pipeline" --follow "$tmp/loop"
check "--follow reads the folder link, not the loops" test "$(docs)" -eq 3
check "--follow names a loop" stderr_has "$tmp/loop/s1: a link to a folder that holds it (a loop); not followed"
check "--follow source through the link" grep -q "source=\"$tmp/loop/other/b.html\"" "$tmp/stdout"
# Hidden names (.git, an editor's swap file) are not read from folders,
# but never silently: the batch says how many and names the first.
mkdir -p "$tmp/hidden/.git" "$tmp/hidden/sub"
printf 'Tỷ lệ 7%%.\n' > "$tmp/hidden/sub/a.html"
printf 'Tỷ lệ 8%%.\n' > "$tmp/hidden/.z.html"
printf 'Tỷ lệ 9%%.\n' > "$tmp/hidden/.b.html"
check "hidden names left out" status_is 0 "$FACTPIPE" -c "$pipeline" "$tmp/hidden"
check "hidden names: one document" test "$(docs)" -eq 1
check "hidden names counted and named" stderr_has "$tmp/hidden: 3 hidden names (starting with '.') not read (the first: $tmp/hidden/.b.html)"
check "a hidden page named is read" status_is 0 "$FACTPIPE" -c "$pipeline" "$tmp/hidden/.z.html"
check "a hidden page named: one document" test "$(docs)" -eq 1
rm "$tmp/loop/s2" "$tmp/loop/other"
check "one link to ." status_is 0 timeout -k 5 60 "$FACTPIPE" -c "$pipeline" "$tmp/loop"
check "one link to .: each document once" test "$(docs)" -eq 2

# Archives: the same facts as the folder, sources named archive!member.
grep -o '<fact [^>]*' "$tmp/folder.xml" | sort > "$tmp/folder.facts"
(cd "$tmp/corpus" && tar --sort=name -czf "$tmp/c.tar.gz" . && tar --sort=name -cJf "$tmp/c.tar.xz" . &&
 tar --sort=name --zstd -cf "$tmp/c.tar.zst" . &&
 "$PYTHON" -c 'import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in sorted(os.walk(".")):
        dirs.sort()
        for f in sorted(files):
            z.write(os.path.join(root, f))' "$tmp/c.zip")
for a in c.tar.gz c.tar.xz c.tar.zst c.zip; do
  check "$a read" status_is 0 fp "$tmp/$a"
  check "$a valid" valid "$tmp/stdout"
  check "$a 12 documents" test "$(grep -c '<document ' "$tmp/stdout")" -eq 12
  check "$a source is archive!member" grep -q "source=\"$tmp/$a!" "$tmp/stdout"
  grep -o '<fact [^>]*' "$tmp/stdout" | sort > "$tmp/arch.facts"
  check "$a same facts as the folder" cmp -s "$tmp/folder.facts" "$tmp/arch.facts"
done
check "archive to folder output" status_is 0 fp -o "$tmp/out/" "$tmp/c.tar.gz"
check "member file mirrors the archive" test -f "$tmp/out/c.tar.gz/d1/001-$(basename "$(ls samples/*.html | sed -n 2p)").xml"

# WARC: response records only, HTML only; URI and date into <meta>;
# chunked and gzip-encoded bodies; per-record gzip members.
"$PYTHON" "$(dirname "$0")/make_warc.py" samples/lechan-2017-01-21.html "$tmp/s.warc" "$tmp/s.warc.gz"
for w in s.warc s.warc.gz; do
  check "$w read" status_is 0 fp "$tmp/$w"
  check "$w valid" valid "$tmp/stdout"
  check "$w 3 pages (no request, image, warcinfo)" test "$(grep -c '<document ' "$tmp/stdout")" -eq 3
  check "$w url" file_has "$tmp/stdout" '<url>http://ubnd.example.vn/a.html</url>'
  check "$w record date" file_has "$tmp/stdout" '<record-date>2024-03-01T08:15:00Z</record-date>'
  check "$w source is the URI" file_has "$tmp/stdout" 'source="http://ubnd.example.vn/c.html"'
  check "$w skipped records counted" stderr_has "$tmp/$w: 3 documents read; 3 records not read as documents: 1 warcinfo, 1 request, 1 responses that are not HTML or text"
  check "$w chunked and gzip bodies give the same facts" test \
    "$(grep -c '<fact ' "$tmp/stdout")" -eq $((3 * $(fp samples/lechan-2017-01-21.html | grep -c '<fact ')))
done

# Nothing dropped silently (issue 10 item 10).  Tar hard links are read
# from the member they link to.
mkdir -p "$tmp/h"
printf 'Tỷ lệ 7%%.\n' > "$tmp/h/a.html"
ln "$tmp/h/a.html" "$tmp/h/b.html"
ln -s a.html "$tmp/h/c.html"
(cd "$tmp/h" && tar -cf "$tmp/h.tar" a.html b.html c.html && tar -czf "$tmp/h.tar.gz" a.html b.html)
for a in h.tar h.tar.gz; do
  check "$a hard link read" status_is 0 fp "$tmp/$a"
  check "$a both names" test "$(grep -c 'kind="percentage" value="7"' "$tmp/stdout")" -eq 2
  check "$a the link's own source" grep -q "source=\"$tmp/$a!b.html\"" "$tmp/stdout"
  [ "$a" = h.tar ] &&
    check "h.tar symlink member counted" stderr_has "$tmp/h.tar: 2 documents read; 1 member not read as documents: 1 symbolic links"
done
"$PYTHON" - "$tmp/dangling.tar" <<'PY'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w") as t:
    page = "Tỷ lệ 8%.\n".encode()
    info = tarfile.TarInfo("a.html"); info.size = len(page); t.addfile(info, io.BytesIO(page))
    link = tarfile.TarInfo("b.html"); link.type = tarfile.LNKTYPE; link.linkname = "gone.html"; t.addfile(link)
PY
check "hard link to nothing fails" status_is 1 fp "$tmp/dangling.tar"
check "named, with its target" file_has "$tmp/stdout" "dangling.tar!b.html: a hard link to 'gone.html'"
check "the member before it read" file_has "$tmp/stdout" 'value="8"'

# WARC responses with a malformed chunked body or no HTTP in them fail as
# documents; LF-only headers do not make one record swallow the next.
"$PYTHON" - "$tmp" <<'PY'
import sys
d = sys.argv[1]
def page(n): return f"<html><body><p>Tỷ lệ {n}%.</p></body></html>".encode()
def record(uri, payload, nl=b"\r\n", kind="response", ctype="application/http; msgtype=response"):
    head = nl.join([b"WARC/1.0", b"WARC-Type: " + kind.encode(), b"WARC-Target-URI: " + uri.encode(),
                    b"WARC-Date: 2024-03-01T08:15:00Z", b"Content-Type: " + ctype.encode(),
                    b"Content-Length: %d" % len(payload)]) + nl + nl
    return head + payload + nl + nl
def http(body, chunked=False):
    te = b"Transfer-Encoding: chunked\r\n" if chunked else b""
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + te + b"\r\n" + body
bad = []
for i, size in enumerate([b"zz", b"-5", b"ffffffffffffffff"]):
    bad.append(record(f"http://x.vn/bad{i}.html", http(size + b"\r\n" + page(i) + b"\r\n0\r\n\r\n", True)))
good = record("http://x.vn/good.html", http(b"%x\r\n" % len(page(41)) + page(41) + b"\r\n0\r\n\r\n", True))
nothttp = record("http://x.vn/nothttp.html", b"<html>not an HTTP response</html>")
dns = record("dns:x.vn", b"x.vn. 300 IN A 10.0.0.1\n", ctype="text/dns")
open(d + "/bad.warc", "wb").write(bad[0] + good + bad[1] + nothttp + bad[2] + dns)
open(d + "/lf.warc", "wb").write(record("http://x.vn/1.html", http(page(51)), nl=b"\n") +
                                 record("http://x.vn/2.html", http(page(52)), nl=b"\n"))
PY
check "malformed records" status_is 1 fp "$tmp/bad.warc"
check "malformed records valid XML" valid "$tmp/stdout"
check "zz named" file_has "$tmp/stdout" "http://x.vn/bad0.html: malformed chunked encoding: 'zz' at body byte 0 is not a chunk size"
check "-5 named" file_has "$tmp/stdout" "http://x.vn/bad1.html: malformed chunked encoding: '-5' at body byte 0"
check "huge chunk named" file_has "$tmp/stdout" "http://x.vn/bad2.html: malformed chunked encoding: a chunk of 18446744073709551615 bytes"
check "not HTTP named" file_has "$tmp/stdout" "http://x.vn/nothttp.html: the response record does not hold an HTTP response"
check "the good record read" file_has "$tmp/stdout" 'value="41"'
check "four failed, one read" test "$(grep -c '<error>' "$tmp/stdout")" -eq 4
check "dns record counted" stderr_has "$tmp/bad.warc: 1 document read; 1 record not read as documents: 1 responses not in HTTP"
check "LF-only headers" status_is 0 fp "$tmp/lf.warc"
check "LF-only: two documents" test "$(grep -c '<document ' "$tmp/stdout")" -eq 2
check "LF-only: each its own text" test "$(grep -o 'source="http://x.vn/[12].html"\|value="5[12]"' "$tmp/stdout" | tr '\n' ' ')" = 'source="http://x.vn/1.html" value="51" source="http://x.vn/2.html" value="52" '

# find -print0 lists need --null; without it the NUL is an error, not a
# list cut at its first name.
find "$tmp/corpus" -name '*.txt' -print0 | sort -z > "$tmp/list0"
check "files-from --null" status_is 0 fp --files-from "$tmp/list0" --null
check "files-from --null: every name" test "$(grep -c '<document ' "$tmp/stdout")" -eq 2
check "files-from -0 from stdin" status_is 0 bash -c "'$FACTPIPE' -c '$pipeline' -0 --files-from - < '$tmp/list0'"
check "files-from -0 from stdin: every name" test "$(grep -c '<document ' "$tmp/stdout")" -eq 2
check "NUL list without --null refused" status_is 3 bash -c "'$FACTPIPE' -c '$pipeline' --files-from - < '$tmp/list0'"
check "says to use --null" stderr_has "needs --null (-0)"

# Standard input (issue 12 section 3): '-' is one document, its format
# sniffed or told by --stdin-name's extension.
html_page=$(ls samples/*.html | head -1)
check "stdin" status_is 0 fp - < "$html_page"
check "stdin valid" valid "$tmp/stdout"
check "stdin source and sniffed format" file_has "$tmp/stdout" '<document source="-" format="html"'
check "stdin same facts as the file" test "$(grep -c '<fact ' "$tmp/stdout")" -eq "$(fp "$html_page" | grep -c '<fact ')"
check "--stdin-name sets source and format" status_is 0 fp --stdin-name notes/page.txt - < "$html_page"
check "--stdin-name: text" file_has "$tmp/stdout" '<document source="notes/page.txt" format="text"'
check "stdin to a folder" status_is 0 fp --stdin-name notes/page.html -o "$tmp/stdin-out/" - < "$html_page"
check "stdin file named after --stdin-name" test -f "$tmp/stdin-out/page.html.xml"
check "stdin over the size cap" status_is 1 fp --max-input-size 100 - < "$html_page"
check "stdin cap named" file_has "$tmp/stdout" "standard input: "
check "'-' twice refused" status_is 3 fp - - < "$html_page"
check "'-' twice: why" stderr_has "'-' (standard input) is given twice"
check "'-' and --files-from - refused" status_is 3 fp --files-from - - < "$html_page"
check "'-' and --files-from -: why" stderr_has "standard input cannot hold both"

# gzip-compressed pages: read as the page they hold, in folders, lists,
# archives and on standard input; --max-ratio and the size cap apply.
mkdir -p "$tmp/gz/sub"
gzip -c "$html_page" > "$tmp/gz/page.html.gz"
gzip -c samples/thanhkhe-2018-10-09.txt > "$tmp/gz/sub/notice.txt.gz"
printf 'body { }' | gzip > "$tmp/gz/style.css.gz"
check "gz pages in a folder" status_is 0 fp "$tmp/gz"
check "gz: two documents (no css)" test "$(grep -c '<document ' "$tmp/stdout")" -eq 2
check "gz html format from the name" file_has "$tmp/stdout" "source=\"$tmp/gz/page.html.gz\" format=\"html\""
check "gz text format from the name" file_has "$tmp/stdout" "source=\"$tmp/gz/sub/notice.txt.gz\" format=\"text\""
check "gz: the facts of the page" test "$(grep -c 'value="21.1"' "$tmp/stdout")" -ge 1
grep -o '<fact [^>]*' "$tmp/stdout" | sort > "$tmp/gz.facts"
{ fp "$html_page"; fp samples/thanhkhe-2018-10-09.txt; } | grep -o '<fact [^>]*' | sort > "$tmp/plain.facts"
check "gz: same facts as the plain pages" cmp -s "$tmp/gz.facts" "$tmp/plain.facts"
find "$tmp/gz" -name '*.html.gz' -o -name '*.txt.gz' | sort > "$tmp/gzlist"
check "gz in a list" status_is 0 fp --files-from "$tmp/gzlist"
check "gz in a list: both pages" test "$(grep -c 'format="' "$tmp/stdout")" -eq 2
(cd "$tmp/gz" && tar -cf "$tmp/gz.tar" page.html.gz sub/notice.txt.gz)
check "gz in a tar" status_is 0 fp "$tmp/gz.tar"
check "gz in a tar: same facts" cmp -s <(grep -o '<fact [^>]*' "$tmp/stdout" | sort) "$tmp/gz.facts"
check "gz on stdin" status_is 0 fp --stdin-name page.html.gz - < "$tmp/gz/page.html.gz"
check "gz on stdin: html" file_has "$tmp/stdout" 'format="html"'
"$PYTHON" -c 'import gzip, sys; open(sys.argv[1], "wb").write(gzip.compress(b" " * (30 << 20)))' "$tmp/bomb.html.gz"
check "gz bomb" status_is 1 fp --max-input-size 67108864 "$tmp/bomb.html.gz"
check "gz bomb named" file_has "$tmp/stdout" "bomb.html.gz: gzip: the page expands over 200 times its size"
check "gz bomb under a raised ratio" status_is 0 fp --max-input-size 67108864 --max-ratio 2000 "$tmp/bomb.html.gz"
check "gz over the size cap once inflated" status_is 1 fp --max-ratio 2000 "$tmp/bomb.html.gz"
check "gz size cap named" file_has "$tmp/stdout" "gzip: the page inflates to over the limit of 16777216 bytes"
head -c 200 "$tmp/gz/sub/notice.txt.gz" > "$tmp/cut.txt.gz"
check "truncated gz" status_is 1 fp "$tmp/cut.txt.gz"
check "truncated gz named" file_has "$tmp/stdout" "cut.txt.gz: gzip: the data ends early"

# Caps: a member over --max-input-size fails alone; an archive expanding
# over --max-ratio stops there; a truncated archive fails where it breaks.
"$PYTHON" - "$tmp" <<'PY'
import io, sys, tarfile, zipfile
d = sys.argv[1]
page = open("samples/thanhkhe-2018-10-09.txt", "rb").read()
with zipfile.ZipFile(d + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", page)
    z.writestr("huge.html", b"\0" * (40 << 20))
    z.writestr("b.txt", page)
with tarfile.open(d + "/ratio.tar.gz", "w:gz") as t:
    for name, data in (("a.txt", page), ("zeros.html", b" " * (30 << 20)), ("b.txt", page)):
        info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
PY
check "member over the size cap" status_is 1 fp "$tmp/bomb.zip"
check "size cap named" file_has "$tmp/stdout" "bomb.zip!huge.html: over the limit of 16777216 bytes"
check "members around it read" test "$(grep -c 'format="text"' "$tmp/stdout")" -eq 2
check "expansion ratio cap" status_is 1 fp --max-input-size 67108864 "$tmp/ratio.tar.gz"
check "ratio named" file_has "$tmp/stdout" "expands over 200 times"
check "ratio cap valid output" valid "$tmp/stdout"
size=$(stat -c %s "$tmp/c.tar.gz")
head -c $((size / 2)) "$tmp/c.tar.gz" > "$tmp/cut.tar.gz"
check "truncated archive" status_is 1 fp "$tmp/cut.tar.gz" "$tmp/corpus/d0"
check "truncated archive named" file_has "$tmp/stdout" "archive broken or truncated: truncated gzip input"
check "inputs after it still read" test "$(grep -c 'source="'"$tmp"'/corpus/d0/' "$tmp/stdout")" -eq 3
printf 'not an archive' > "$tmp/fake.zip"
check "unreadable archive" status_is 1 fp "$tmp/fake.zip"
check "unreadable archive valid output" valid "$tmp/stdout"

finish
