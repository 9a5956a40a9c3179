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
  check "$w chunked and gzip bodies give the same facts" test \
    "$(grep -c '<fact ' "$tmp/stdout")" -eq $((3 * $(fp samples/lechan-2017-01-21.html | grep -c '<fact ')))
done

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
