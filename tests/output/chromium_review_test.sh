#!/usr/bin/env bash
# The review page of samples/ in a real browser (headless Chromium): the
# screenshot is not blank and shows the kinds' colours; the DOM Chromium
# builds has one highlight per fact of the XML with its kind and text, the
# article text of each document is --format text's, and nothing that runs
# script (check_review.py reads the dumped DOM).  A hostile page's DOM
# holds no script either.  Skips (exit 77) with one line only where
# Chromium cannot run.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
CHROMIUM=${CHROMIUM:-chromium}

# chromium ARGS... URL: headless, no network, no profile left behind.
browse() {
  timeout -k 5 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" 2> "$tmp/chromium.err"
}

if ! command -v "$CHROMIUM" > /dev/null 2>&1; then
  echo "SKIP: no '$CHROMIUM' here (Debian package chromium; .ci/deps installs it)"
  exit 77
fi
if ! browse --dump-dom "data:text/html,<p>ok</p>" > "$tmp/probe.html" || ! grep -q '<p>ok</p>' "$tmp/probe.html"; then
  reason=$(grep -v -e dbus -e '^$' "$tmp/chromium.err" | head -1)
  echo "SKIP: $CHROMIUM cannot run here: ${reason:-it rendered nothing from a test page}"
  exit 77
fi

"$FACTPIPE" --format html -o "$tmp/samples.html" samples/
"$FACTPIPE" samples/ > "$tmp/samples.xml"
"$FACTPIPE" --format text samples/ > "$tmp/samples.txt"

check "screenshot" browse --screenshot="$tmp/shot.png" --window-size=1200,2400 "file://$tmp/samples.html"
check "screenshot not blank, highlights in their colours" "$PYTHON" - "$tmp/shot.png" <<'PY'
import sys
sys.path.insert(0, 'tests/output')
from png_pixels import pixels as read_png
width, height, pixels = read_png(sys.argv[1])
colours = set(pixels)
ink = sum(1 for p in pixels if sum(p) < 600)          # not white or near it
share = ink / len(pixels)
# The shipped kinds' colours (review_style.c) as they fill highlights.
kinds = {'percentage': (0xff, 0xd1, 0x66), 'count': (0x8e, 0xca, 0xe6),
         'date': (0xb5, 0xe4, 0x8c), 'official': (0xf4, 0xa3, 0xc4),
         'docref': (0xcd, 0xb4, 0xf6)}
def near(p, q):
    return all(abs(a - b) <= 6 for a, b in zip(p, q))
seen = {k for k, c in kinds.items() if any(near(p, c) for p in colours)}
print('%dx%d: %d colours, %.1f%% not white, kinds shown: %s'
      % (width, height, len(colours), share * 100, ' '.join(sorted(seen))))
assert len(colours) >= 100 and share >= 0.05, 'the page looks blank'
assert len(seen) >= 4, 'the highlights are not in their kinds\' colours'
PY
check "DOM" browse --dump-dom "file://$tmp/samples.html" > "$tmp/dom.html"
check "DOM: a highlight per fact, the article text, no script" \
  "$PYTHON" tests/output/check_review.py "$tmp/dom.html" "$tmp/samples.xml" "$tmp/samples.txt"

# A page written to inject markup: Chromium's DOM of its review page has no
# script, no event attribute, and the page's text as text.
cat > "$tmp/hostile.html" <<'PAGE'
<html><head><title>x</title></head><body>
<h1>&lt;script&gt;document.title='pwned'&lt;/script&gt; 21,1%</h1>
<p>Tỷ lệ &lt;img src=x onerror=alert(1)&gt; đạt 36,9% " onmouseover="alert(2)</p>
<p onclick="alert(3)"><script>alert(4)</script>Có 203 đảng viên &lt;/mark&gt;&lt;/p&gt;&lt;script&gt;alert(5)&lt;/script&gt;.</p>
</body></html>
PAGE
"$FACTPIPE" --format html "$tmp/hostile.html" > "$tmp/hostile-review.html"
"$FACTPIPE" "$tmp/hostile.html" > "$tmp/hostile.xml"
check "hostile DOM" browse --dump-dom "file://$tmp/hostile-review.html" > "$tmp/hostile-dom.html"
check "hostile DOM: no script, facts intact" \
  "$PYTHON" tests/output/check_review.py "$tmp/hostile-dom.html" "$tmp/hostile.xml"
check "hostile DOM: the markup is text" grep -qF "&lt;script&gt;document.title='pwned'&lt;/script&gt;" "$tmp/hostile-dom.html"
check "no script ran" grep -q '<title>factpipe review</title>' "$tmp/hostile-dom.html"

finish
