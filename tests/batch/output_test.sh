#!/usr/bin/env bash
# The output side against a hostile or careless user (issue 10, items 2-6,
# 11, 12, 16): links inside -o DIR/, -o FILE onto devices, FIFOs, links and
# inputs, one output per source, long and clashing names, other people's
# temporaries, the report's escaping, the resume key and --retry-failed.
# A canary folder next to every output must come out untouched.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
: "${POISON_PLUGIN_DIR:?}" "${PYTHON:?}"

page() { printf 'Tỷ lệ %s%%.\n' "$2" > "$1"; }
# canary_sum DIR: what must not change
canary_sum() { (cd "$1" && find . -printf '%p %y %s %l\n' | sort && find . -type f -exec cat {} +) | md5sum; }
summary_has() { grep -qF -- "summary: $1" "$tmp/stderr" || { echo "summary is not '$1':"; grep summary "$tmp/stderr"; return 1; }; }

v=$tmp/v
mkdir -p "$v/sub"
echo precious > "$v/f"
echo precious too > "$v/sub/g"
canary=$(canary_sum "$v")
canary_intact() { [ "$(canary_sum "$v")" = "$canary" ] || { echo "the canary folder $v changed"; ls -lR "$v"; return 1; }; }
page "$tmp/x.txt" 11

# ---- 2. links inside the output folder are never followed
o=$tmp/o2
mkdir -p "$o"
ln -s ../v/f "$o/factpipe-journal.tsv"
check "linked journal refused" status_is 3 fp -o "$o/" "$tmp/x.txt"
check "says it is a link" stderr_has "symbolic link"
check "linked journal: canary intact" canary_intact
rm "$o/factpipe-journal.tsv"
ln "$v/f" "$o/factpipe-journal.tsv"
check "hard-linked journal refused" status_is 3 fp -o "$o/" "$tmp/x.txt"
check "hard-linked journal: canary intact" canary_intact
rm "$o/factpipe-journal.tsv"
ln -s ../v/f "$o/factpipe-report.tsv"
ln -s ../v/f "$o/x.txt.xml"
check "linked report and document" status_is 0 fp -o "$o/" "$tmp/x.txt"
check "the links were replaced, not followed" test ! -L "$o/factpipe-report.tsv" -a ! -L "$o/x.txt.xml"
check "the document is there" file_has "$o/x.txt.xml" 'value="11"'
check "linked report: canary intact" canary_intact
rm -rf "$o" && mkdir -p "$o" "$tmp/in2/p1" "$tmp/in2/deep"
ln -s ../v "$o/p1"
ln -s ../../v "$tmp/o2-deep-link" 2> /dev/null
mkdir -p "$o/deep" && ln -s ../../v "$o/deep/q"
mkdir -p "$tmp/in2/deep/q"
page "$tmp/in2/p1/a.txt" 5
page "$tmp/in2/deep/q/b.txt" 6
page "$tmp/in2/z.txt" 7
check "linked sub-folders: those documents fail, the batch goes on" status_is 1 fp -o "$o/" "$tmp/in2"
check "the others are written" file_has "$o/z.txt.xml" 'value="7"'
check "report names the link" grep -q "p1/a.txt	failed	.*symbolic link" "$o/factpipe-report.tsv"
check "report names the deeper link" grep -q "q/b.txt	failed	.*symbolic link" "$o/factpipe-report.tsv"
check "linked sub-folders: canary intact" canary_intact
rm -rf "$o" && mkdir -p "$o" && ln -s ../v "$o/.factpipe-tmp"
check "linked temporaries folder refused" status_is 3 fp -o "$o/" "$tmp/x.txt"
check "linked temporaries folder: canary intact" canary_intact

# ---- 3. -o FILE: devices and FIFOs written through, links followed,
# an input never overwritten
cp "$tmp/x.txt" "$tmp/in.html"
check "input as output refused" status_is 2 fp -o "$tmp/in.html" "$tmp/in.html"
check "says so" stderr_has "is also an input"
check "input kept" test "$(cat "$tmp/in.html")" = "$(cat "$tmp/x.txt")"
mkdir -p "$tmp/in3" && page "$tmp/in3/a.html" 3
check "file inside an input folder refused" status_is 2 fp -o "$tmp/in3/a.html" "$tmp/in3"
ln -s in3/a.html "$tmp/to-input.xml"
check "link to an input refused" status_is 2 fp -o "$tmp/to-input.xml" "$tmp/in3"
check "input behind the link kept" test "$(cat "$tmp/in3/a.html")" = "Tỷ lệ 3%."
tar -C "$tmp/in3" -cf "$tmp/a.tar" a.html
check "archive as output refused" status_is 2 fp -o "$tmp/a.tar" "$tmp/a.tar"
check "archive kept" tar -tf "$tmp/a.tar"
printf '%s\n' "$tmp/x.txt" > "$tmp/list"
check "a --files-from entry refused" status_is 2 fp -o "$tmp/x.txt" --files-from "$tmp/list"
check "the --files-from list refused" status_is 2 fp -o "$tmp/list" --files-from "$tmp/list"
check "list kept" test "$(cat "$tmp/list")" = "$tmp/x.txt"
mkfifo "$tmp/fifo"
timeout 20 cat "$tmp/fifo" > "$tmp/from-fifo" &  # a reader; bounded, should nothing come
check "FIFO output" status_is 0 timeout 20 "$FACTPIPE" -c "$pipeline" -o "$tmp/fifo" "$tmp/x.txt"
wait
check "FIFO still a FIFO" test -p "$tmp/fifo"
check "written through the FIFO" file_has "$tmp/from-fifo" 'value="11"'
ln -s real.xml "$tmp/link.xml"
check "output through a link" status_is 0 fp -o "$tmp/link.xml" "$tmp/x.txt"
check "link kept" test -L "$tmp/link.xml"
check "its target written" file_has "$tmp/real.xml" 'value="11"'
if [ "$(id -u)" -eq 0 ] && mknod "$tmp/null" c 1 3 2> /dev/null; then
  check "device output" status_is 0 fp -o "$tmp/null" "$tmp/x.txt"
  check "device still a device" test -c "$tmp/null"
else
  echo "SKIP: device output (mknod needs root)"
fi

# ---- 4. one output file per source
mkdir -p "$tmp/s/a" "$tmp/s/b"
page "$tmp/s/a/index.html" 11
page "$tmp/s/b/index.html" 22
check "same names in two inputs" status_is 0 fp -o "$tmp/o4/" "$tmp/s/a" "$tmp/s/b"
check "a kept" file_has "$tmp/o4/a/index.html.xml" 'value="11"'
check "b kept" file_has "$tmp/o4/b/index.html.xml" 'value="22"'
check "resume" status_is 0 fp --resume --progress -o "$tmp/o4/" "$tmp/s/a" "$tmp/s/b"
check "both done, both there" summary_has "0 documents (0 failed, 2 already done before --resume)"
(cd "$tmp" && find s -name '*.html' | sort) > "$tmp/found"
check "find | --files-from" status_is 0 fp --files-from - -o "$tmp/o4f/" < <(sed "s|^|$tmp/|" "$tmp/found")
check "--files-from keeps both" test "$(find "$tmp/o4f" -name 'index.html.xml' | wc -l)" -eq 2
"$PYTHON" - "$tmp/m.tar" <<'PY'
import io, sys, tarfile
t = tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT)
def add(name, pct):
    data = f"Tỷ lệ {pct}%.\n".encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    t.addfile(info, io.BytesIO(data))
add("../x.html", 1)
add("__/x.html", 2)
add("a.html", 3)
add("a.html", 4)                  # a duplicate member: fails, never overwrites
add("x.html.xml/y.html", 5)       # a folder named like x.html's file
add("x.html", 6)
add("L" * 250 + ".html", 7)       # 250 bytes: legal, its temporary was not
add("M" * 300 + "/z.html", 8)     # a folder name over NAME_MAX
add("after.html", 9)
t.close()
PY
check "archive members" status_is 1 fp -o "$tmp/o4m/" "$tmp/m.tar"
check "../x and __/x are two files" test "$(grep -l 'value="[12]"' -r "$tmp/o4m" --include='*.xml' | wc -l)" -eq 2
check "the first a.html kept" file_has "$tmp/o4m/m.tar/a.html.xml" 'value="3"'
check "the duplicate is a failure" grep -q 'm.tar!a.html	failed	.*same output file' "$tmp/o4m/factpipe-report.tsv"
check "one failure only" test "$(tail -n +2 "$tmp/o4m/factpipe-report.tsv" | wc -l)" -eq 1

# ---- 5. long and clashing names
check "x.html.xml/y.html and x.html both written" \
  test "$(cat "$tmp"/o4m/m.tar/x.html%2Exml/y.html.xml "$tmp/o4m/m.tar/x.html.xml" | grep -c 'value="[56]"')" -eq 2
check "a 250-byte name written" test "$(grep -rl 'value="7"' "$tmp/o4m" | wc -l)" -eq 1
check "a folder name over NAME_MAX written" test "$(grep -rl 'value="8"' "$tmp/o4m" | wc -l)" -eq 1
check "documents after them written" file_has "$tmp/o4m/m.tar/after.html.xml" 'value="9"'
check "no name over 255 bytes" test -z "$(find "$tmp/o4m" | awk -F/ '{ if (length($NF) > 255) print }')"
mkdir -p "$tmp/in5/sub" "$tmp/o5"
page "$tmp/in5/sub/a.html" 1
page "$tmp/in5/z.html" 2
echo "not a folder" > "$tmp/o5/sub"
check "a name that cannot be written fails alone" status_is 1 fp -o "$tmp/o5/" "$tmp/in5"
check "in the report" grep -q 'sub/a.html	failed	' "$tmp/o5/factpipe-report.tsv"
check "the next document written" file_has "$tmp/o5/z.html.xml" 'value="2"'
check "--resume goes past it" status_is 1 fp --resume --progress -o "$tmp/o5/" "$tmp/in5"
check "retried, and the rest done" summary_has "1 documents (1 failed, 1 already done before --resume)"

# ---- 6. only factpipe's own temporaries are removed
o=$tmp/o6
mkdir -p "$o/h/x" "$o/notes" "$o/.factpipe-tmp" "$tmp/in6/h"
page "$tmp/in6/h/a.html" 1
echo draft > "$o/h/x/.ch1.tmp.2024"
echo draft > "$o/notes/.chapter.xml.tmp.999999"
echo draft > "$o/.factpipe-tmp/notes.txt"
echo leftover > "$o/.factpipe-tmp/999999.1"
check "folder run" status_is 0 fp -o "$o/" "$tmp/in6"
check "resume" status_is 0 fp --resume -o "$o/" "$tmp/in6"
check "someone's .ch1.tmp.2024 kept" test -f "$o/h/x/.ch1.tmp.2024"
check "a temporary-looking file where factpipe never wrote kept" test -f "$o/notes/.chapter.xml.tmp.999999"
check "a foreign file in factpipe's temporaries folder kept" test -f "$o/.factpipe-tmp/notes.txt"
check "factpipe's own leftover removed" test ! -e "$o/.factpipe-tmp/999999.1"

# ---- 11. the report (and messages) escaped as the journal is
poison=$tmp/poison.pipeline
printf '[pipeline]\nplugins = listed\n[plugin percentage]\npriority = 20\n[plugin poison]\n' > "$poison"
"$PYTHON" - "$tmp/t.tar" <<'PY'
import io, sys, tarfile
t = tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT)
for name in ["a\tok\tb.html", "new\nline.html", "esc\x1b[2J.html", "back\\slash.html"]:
    data = b"POISON-FAIL\n"
    info = tarfile.TarInfo(name)
    info.size = len(data)
    t.addfile(info, io.BytesIO(data))
t.close()
PY
check "failing members with odd names" status_is 1 \
  "$FACTPIPE" -c "$poison" --plugin-dir "$POISON_PLUGIN_DIR" -o "$tmp/o11/" "$tmp/t.tar"
report=$tmp/o11/factpipe-report.tsv
check "one row per failure" test "$(wc -l < "$report")" -eq 5
check "three columns in every row" test -z "$(awk -F'\t' 'NF != 3' "$report")"
check "tab escaped" grep -qF 't.tar!a\tok\tb.html	failed	' "$report"
check "newline escaped" grep -qF 't.tar!new\nline.html	failed	' "$report"
check "escape byte escaped" grep -qF 't.tar!esc\x1b[2J.html	failed	' "$report"
check "backslash escaped" grep -qF 't.tar!back\\slash.html	failed	' "$report"
check "no row reads as ok" test -z "$(cut -f2 "$report" | grep -v -e '^status$' -e '^failed$')"
check "stderr: one warning line per failure" test "$(grep -c 'warning' "$tmp/stderr")" -eq 4
check "stderr: no raw control byte" test -z "$(grep -P '[\x01-\x08\x0b-\x1f]' "$tmp/stderr")"
# Messages about the inputs themselves: a folder with a link it does not
# follow and an archive with a member it does not read, both named with a
# newline.
odd=$tmp/odd$'\n'name
mkdir -p "$odd/sub" && page "$odd/p.html" 3 && ln -s sub "$odd/link"
"$PYTHON" - "$odd/a"$'\n'"b.tar" <<'PY'
import io, sys, tarfile
t = tarfile.open(sys.argv[1], "w")
data = "Tỷ lệ 4%.\n".encode()
info = tarfile.TarInfo("p.html")
info.size = len(data)
t.addfile(info, io.BytesIO(data))
link = tarfile.TarInfo("l.html")
link.type, link.linkname = tarfile.SYMTYPE, "p.html"
t.addfile(link)
t.close()
PY
check "inputs with a newline in their names" status_is 0 "$FACTPIPE" -o "$tmp/o11b/" "$odd"
check "the link warning escaped" stderr_has 'odd\nname: 1 link to folders not followed'
check "the archive's skips escaped" stderr_has 'a\nb.tar: 1 document read'
check "every stderr line a message of its own" \
  test "$(grep -c '' "$tmp/stderr")" -eq "$(grep -c '^factpipe' "$tmp/stderr")"

# ---- 12. --resume redoes what changed the output
r=$tmp/r12
mkdir -p "$r/in" "$r/cfg"
for i in 1 2 3; do page "$r/in/p$i.html" "$i"; done
cp "$SOURCE_DIR/config/zones.conf" "$r/cfg/zones.conf"
cp "$SOURCE_DIR/config/lexicons/date-months.txt" "$r/cfg/months.txt"
printf '[pipeline]\nplugins = listed\nzones = zones.conf\ndrop-ins = yes\n[plugin percentage]\n[plugin date]\nmonths = months.txt\n' \
  > "$r/cfg/p.pipeline"
cp -r "$POISON_PLUGIN_DIR" "$r/plugins"
mkdir -p "$r/xdg/factpipe/pipeline.d"
run12() { XDG_CONFIG_HOME=$r/xdg "$FACTPIPE" -c "$r/cfg/p.pipeline" --plugin-dir "$r/plugins" --progress -o "$r/out/" "$@" "$r/in"; }
redone() { summary_has "3 documents (0 failed)"; }
kept() { summary_has "0 documents (0 failed, 3 already done before --resume)"; }
# redone_after WHAT [OPTION...]: --resume once WHAT changed redoes all 3
redone_after() { check "$1" status_is 0 run12 --resume "${@:2}"; check "$1: all redone" redone; }
check "first run" status_is 0 run12
check "nothing changed" status_is 0 run12 --resume
check "nothing redone" kept
echo "# a comment" >> "$r/cfg/zones.conf"
redone_after "zoning rules changed"
echo "# a comment" >> "$r/cfg/months.txt"
redone_after "a lexicon changed"
for option in --max-nesting=100 --keep-chrome --include-text; do
  redone_after "$option" "$option"
  check "$option again" status_is 0 run12 --resume "$option"
  check "$option again: nothing redone" kept
done
printf '# a drop-in\n' > "$r/xdg/factpipe/pipeline.d/a.pipeline"
redone_after "a drop-in added"
printf '[plugin count]\n' >> "$r/xdg/factpipe/pipeline.d/a.pipeline"
redone_after "a drop-in changed"
printf '[plugin poison]\n' >> "$r/cfg/p.pipeline"
redone_after "with a plugin"
printf '\0' >> "$r/plugins/poison.so"
redone_after "the plugin's file changed"

# ---- 16. --retry-failed
mkdir -p "$tmp/in16"
page "$tmp/in16/ok.html" 1
{ page /dev/stdout 2; echo POISON-SLOW; } > "$tmp/in16/slow.html"
run16() { "$FACTPIPE" -c "$poison" --plugin-dir "$POISON_PLUGIN_DIR" -j1 --progress -o "$tmp/o16/" "$@" "$tmp/in16"; }
check "slow document quarantined at --timeout 1" status_is 1 run16 --timeout 1
check "quarantined" grep -q 'slow.html	quarantined	' "$tmp/o16/factpipe-report.tsv"
check "--resume with a larger budget keeps it" status_is 1 run16 --resume --timeout 5
check "not retried" summary_has "0 documents (0 failed, 2 already done before --resume)"
check "--resume --retry-failed retries it" status_is 0 run16 --resume --retry-failed --timeout 5
check "retried and done" summary_has "1 documents (0 failed, 1 already done before --resume)"
check "its file is no error document now" test -z "$(grep '<error>' "$tmp/o16/slow.html.xml")"
check "empty report" test "$(wc -l < "$tmp/o16/factpipe-report.tsv")" -eq 1
check "--retry-failed needs --resume" status_is 2 run16 --retry-failed
check "canary intact at the end" canary_intact

finish
