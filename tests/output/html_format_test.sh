#!/usr/bin/env bash
# --format html end to end (check_review.py reads the pages as a browser's
# parser does): every fact of the samples and of the hostile inputs
# highlighted once with its kind and its text, the article as --format
# text writes it, nothing that runs script; -o DIR/ writes a page per
# document and DIR/index.html (rows, links, counts, totals), also after a
# --resume (earlier pages' counts read back) and after a kill -9 (nothing
# half-written, byte-identical once resumed).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

# page_matches NAME [FACTPIPE ARGS...]: the page agrees with the XML and
# the text of the same inputs.
page_matches() {
  local name=$1; shift
  "$FACTPIPE" --format html "$@" > "$tmp/$name.html" 2> /dev/null
  local page_status=$?
  "$FACTPIPE" "$@" > "$tmp/$name.xml" 2> /dev/null
  "$FACTPIPE" --format text "$@" > "$tmp/$name.txt" 2> /dev/null
  [ "$page_status" -le 1 ] || { echo "$name: exit $page_status"; return 1; }
  "$PYTHON" tests/output/check_review.py "$tmp/$name.html" "$tmp/$name.xml" "$tmp/$name.txt"
}
check_index() { "$PYTHON" tests/output/check_review.py --index "$@"; }

check "help lists the html format" bash -c "'$FACTPIPE' --help | grep -qE '^ +html +\.html +'"

check "samples" page_matches samples samples/
check "samples with chrome" page_matches chrome --keep-chrome samples/
check "chrome greyed when kept" grep -q 'class="zone z-chrome"' "$tmp/chrome.html"
check "chrome left out otherwise" bash -c "! grep -q 'class=\"zone z-chrome\"' '$tmp/samples.html'"
check "one page, one section per document" test "$(grep -c '<section class="doc' "$tmp/samples.html")" -eq 6
check "one page" test "$(grep -c '<html' "$tmp/samples.html")" -eq 1

# Markup and script in a page's title and text stay text; so do the
# hostile inputs (binary noise, NULs, invalid UTF-8, 20 MB lines, deep
# nesting) with chrome kept.
mkdir -p "$tmp/in"
cat > "$tmp/in/hostile.html" <<'PAGE'
<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; 21,1%</title></head><body>
<h1>&lt;/mark&gt;&lt;script&gt;alert(2)&lt;/script&gt; đạt 21,1%</h1>
<p>Tỷ lệ &lt;img src=x onerror=alert(3)&gt; đạt 36,9% và 203 đảng viên " onmouseover="alert(4)</p>
<p onclick="alert(5)"><script>alert(6)</script>Sáng ngày 05/10/2018, đồng chí Lê Thị Mỹ Hạnh, Bí thư Quận ủy &lt;b&gt; chủ trì.</p>
</body></html>
PAGE
check "a hostile page" page_matches hostile --keep-chrome "$tmp/in/hostile.html"
check "its markup shown as text" grep -qF '&lt;/mark&gt;&lt;script&gt;alert(2)&lt;/script&gt; đạt <mark' "$tmp/hostile.html"
check "the stylesheet whole" grep -qF 'print-color-adjust:exact' "$tmp/hostile.html"
"$PYTHON" tests/hostile/generate.py "$tmp/gen" > /dev/null
# A long budget: a document over it in one of the runs would make them differ.
check "the hostile inputs" page_matches hostile-inputs --timeout 600 --keep-chrome \
  tests/hostile/inputs "$tmp/gen"

# -o DIR/: a page per document and the index.
check "folder" status_is 1 "$FACTPIPE" --format html -o "$tmp/out/" samples/ "$tmp/in/missing.html"
check "failure counted" stderr_has "1 of 7 documents failed (see their error sections in the review pages"
"$FACTPIPE" samples/ "$tmp/in/missing.html" > "$tmp/all.xml" 2> /dev/null
check "one page per document" test "$(find "$tmp/out" -name '*.html.html' -o -name '*.txt.html' | wc -l)" -eq 7
check "index" check_index "$tmp/out" "$tmp/all.xml"
# Two inputs: the pages mirror their paths under the folder holding both.
page_of() { find "$tmp/out" -name "$1"; }
check "page is the document's section" "$PYTHON" tests/output/check_review.py \
  "$(page_of thanhkhe-2018-10-09.txt.html)" <("$FACTPIPE" samples/thanhkhe-2018-10-09.txt) \
  <("$FACTPIPE" --format text samples/thanhkhe-2018-10-09.txt)
check "failed page shows its error" grep -q 'class="error">.*missing.html: cannot open' "$(page_of missing.html.html)"
check "no temporaries left" bash -c "! find '$tmp/out' -name '.*tmp*' | grep -q ."

# --resume: the index lists the documents of earlier runs with the counts
# their pages hold: byte for byte the index of one whole run.
mkdir -p "$tmp/half"
cp -p samples/badinh-2017-03-04.html samples/thanhkhe-2018-10-09.txt "$tmp/half/"
cp -rp samples "$tmp/whole"
check "a first run on part of the inputs" status_is 0 "$FACTPIPE" --format html -o "$tmp/resumed/" "$tmp/half/"
# The same relative names: move the inputs where the whole run reads them.
rm -rf "$tmp/half" && cp -rp "$tmp/whole" "$tmp/half"
check "resume on all of them" status_is 0 "$FACTPIPE" --format html --resume -o "$tmp/resumed/" "$tmp/half/"
check "two documents were done before (not redone)" \
  bash -c "grep -c '' '$tmp/resumed/factpipe-journal.tsv' | grep -qx 6"
check "one whole run" status_is 0 "$FACTPIPE" --format html -o "$tmp/fresh/" "$tmp/half/"
check "resumed index is the whole run's" cmp "$tmp/resumed/index.html" "$tmp/fresh/index.html"

# kill -9 in the middle: no index (or a half one) in place, none left
# behind once resumed, and the resumed folder is the whole run's.
mkdir -p "$tmp/many"
for i in $(seq 1 200); do cp samples/lechan-2017-01-21.html "$tmp/many/p$i.html"; done
"$FACTPIPE" -j1 --format html -o "$tmp/killed/" "$tmp/many/" 2> /dev/null &
pid=$!
# Kill once some pages are in place (each is fsynced: the run is slow).
for _ in $(seq 1 500); do
  [ "$(find "$tmp/killed" -name 'p*.html.html' 2> /dev/null | wc -l)" -ge 5 ] && break
  sleep 0.01
done
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
killed=$?
if [ "$killed" -eq 137 ]; then
  check "killed run leaves no index" test ! -e "$tmp/killed/index.html"
  check "killed run left its index's temporary" bash -c "ls -A '$tmp/killed/.factpipe-tmp' | grep -q ."
else
  echo "note: the run ended (exit $killed) before it could be killed"
fi
check "resume after the kill" status_is 0 "$FACTPIPE" -j1 --format html --resume -o "$tmp/killed/" "$tmp/many/"
check "whole run of the same" status_is 0 "$FACTPIPE" -j1 --format html -o "$tmp/unkilled/" "$tmp/many/"
check "same pages and index" diff -r -x factpipe-journal.tsv "$tmp/killed" "$tmp/unkilled"
check "index complete" bash -c "tail -c 8 '$tmp/killed/index.html' | grep -q '</html>'"

# A document named like the index cannot take its name: its page is
# %69ndex.html (the output names' encoding), the index stays the index.
mkdir -p "$tmp/clash"
cp samples/thanhkhe-2018-10-09.txt "$tmp/clash/index"
check "an input named like the index" status_is 0 "$FACTPIPE" --format html -o "$tmp/clash-out/" "$tmp/clash/index"
check "its page beside the index" grep -q '<section class="doc' "$tmp/clash-out/%69ndex.html"
check "the index is the index" check_index "$tmp/clash-out" <("$FACTPIPE" "$tmp/clash/index")

finish
