#!/usr/bin/env bash
# The article's date on real pages (README.md).
# usage: check_dates.sh benchmark MIN_ACCURACY | check_dates.sh vnexpress
set -euo pipefail
: "${FACTPIPE:?}" "${PYTHON:?}" "${SOURCE_DIR:?}"
here="$SOURCE_DIR/tests/real/dates"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gunzip_into() { # DEST FILE.gz...
  local dest=$1
  shift
  mkdir -p "$dest"
  "$PYTHON" - "$dest" "$@" <<'PY'
import gzip, os, shutil, sys
dest = sys.argv[1]
for path in sys.argv[2:]:
    name = os.path.basename(path)[:-3]
    with gzip.open(path, 'rb') as src, open(os.path.join(dest, name), 'wb') as out:
        shutil.copyfileobj(src, out)
PY
}
case "$1" in
benchmark)
  min=$2
  gunzip_into "$work/pages" "$here"/html/*.html.gz
  "$FACTPIPE" -o "$work/out.xml" "$work/pages"
  "$PYTHON" "$SOURCE_DIR/tests/tools/date_score.py" "$here/truth.json" "$work/out.xml" --show 40
  accuracy=$("$PYTHON" "$SOURCE_DIR/tests/tools/date_score.py" "$here/truth.json" \
    "$work/out.xml" --json | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["accuracy"])')
  if "$PYTHON" -c "import sys; sys.exit(0 if $accuracy >= $min else 1)"; then
    echo "ok: accuracy $accuracy (bar $min)"
  else
    echo "FAIL: accuracy $accuracy < $min"
    exit 1
  fi
  ;;
vnexpress)
  gunzip_into "$work/pages" "$here"/vi/*.html.gz
  "$FACTPIPE" -o "$work/out/" "$work/pages"
  failed=0
  for page in vnexpress-2023-11-02 vnexpress-2025-10-22; do
    expected=${page#vnexpress-}
    got=$("$PYTHON" - "$work/out/$page.html.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
d = ET.parse(sys.argv[1]).getroot().find('.//{urn:factpipe:1}meta/{urn:factpipe:1}date')
print(d.text if d is not None else 'none')
PY
)
    if [ "$got" = "$expected" ]; then
      echo "ok: $page: $got"
    else
      echo "FAIL: $page: got $got, expected $expected"
      failed=1
    fi
  done
  exit $failed
  ;;
*)
  echo "usage: check_dates.sh benchmark MIN_ACCURACY | check_dates.sh vnexpress" >&2
  exit 2
  ;;
esac
