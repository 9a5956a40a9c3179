#!/usr/bin/env bash
# A relocatable install (issue 12): this build installed with a prefix
# chosen at install time (cmake --install --prefix), with DESTDIR, then
# moved, symlinked and copied alone: each factpipe finds its plugins,
# default pipeline and schema next to itself (<bin>/../lib/factpipe/plugins,
# <bin>/../share/factpipe), says where it looked in --list-plugins, and
# writes the same XML on samples/ as the build tree's factpipe.  The
# configured folders are only a fallback.
set -uo pipefail
: "${FACTPIPE:?}" "${BUILD_DIR:?}" "${SOURCE_DIR:?}" "${CMAKE:?}" "${XMLLINT:?}"
: "${CONFIGURED_PREFIX:?}" "${LIBDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../support/check.sh"
has_line() { # has_line TEXT EXTENDED-REGEX
  grep -Eq -- "$2" <<<"$1" || { echo "no line matching '$2' in:"; echo "$1"; return 1; }
}
cd "$SOURCE_DIR"
unset FACTPIPE_PLUGIN_PATH
"$FACTPIPE" samples/ >"$tmp/expected.xml" || { echo "FAIL: the build tree's factpipe"; exit 1; }

# runs_from PREFIX LABEL: PREFIX/bin/factpipe works from its own folders.
runs_from() {
  local prefix=$1 label=$2 listing
  listing=$("$prefix/bin/factpipe" --list-plugins 2>&1)
  check "$label: default pipeline next to the program" \
    has_line "$listing" "^pipeline: $prefix/share/factpipe/default.pipeline$"
  check "$label: schema next to the program" \
    has_line "$listing" "^schema: $prefix/share/factpipe/schema/factpipe.rng$"
  check "$label: data folder found next to the program" \
    has_line "$listing" "^  found +$prefix/share/factpipe  \(next to the program\)$"
  check "$label: plugin folder found next to the program" \
    has_line "$listing" "^  found +$prefix/$LIBDIR/factpipe/plugins  \(next to the program\)$"
  check "$label: plugins loaded from there" \
    has_line "$listing" "^  $prefix/$LIBDIR/factpipe/plugins/percentage.so$"
  check "$label: configured folders not searched" \
    bash -c '! grep -q "configured install folder" <<<"$1"' _ "$listing"
  "$prefix/bin/factpipe" samples/ >"$tmp/$label.xml"
  check "$label: same XML as the build tree's factpipe" cmp -s "$tmp/expected.xml" "$tmp/$label.xml"
  check "$label: schema-valid with the installed schema" \
    "$XMLLINT" --noout --relaxng "$prefix/share/factpipe/schema/factpipe.rng" "$tmp/$label.xml" 2>/dev/null
}

prefix=$tmp/chosen-at-install
[ "$prefix" != "$CONFIGURED_PREFIX" ] || exit 1
"$CMAKE" --install "$BUILD_DIR" --prefix "$prefix" >/dev/null || { echo "FAIL: cmake --install --prefix"; exit 1; }
runs_from "$prefix" prefix
for f in share/bash-completion/completions/factpipe share/man/man1/factpipe.1 \
         share/doc/factpipe/README.md share/doc/factpipe/examples/factpipe.sbatch \
         share/factpipe/factpipe-to-csv.xsl "$LIBDIR/libfactpipe.so.0"; do
  check "installed: $f" test -e "$prefix/$f"
done
check "installed completion completes plugin names" bash -c '
  . "$1/share/bash-completion/completions/factpipe"
  COMP_WORDS=("$1/bin/factpipe" check-plugin perc); COMP_CWORD=2; _factpipe
  [ "${COMPREPLY[*]}" = percentage ]' _ "$prefix"

mv "$prefix" "$tmp/moved"
runs_from "$tmp/moved" moved

DESTDIR=$tmp/stage "$CMAKE" --install "$BUILD_DIR" >/dev/null || { echo "FAIL: DESTDIR install"; exit 1; }
runs_from "$tmp/stage$CONFIGURED_PREFIX" destdir

# Staged inside the build folder, as a DESTDIR stage often is: its own
# files still come first, not the build tree's.
stage=$BUILD_DIR/install-test-stage.$$
trap 'rm -rf "$tmp" "$stage"' EXIT
DESTDIR=$stage "$CMAKE" --install "$BUILD_DIR" >/dev/null || { echo "FAIL: DESTDIR install in the build folder"; exit 1; }
runs_from "$stage$CONFIGURED_PREFIX" stage-in-build
rm -rf "$stage"

# A symlink elsewhere: /proc/self/exe leads back to the install.
mkdir -p "$tmp/elsewhere"
ln -s "$tmp/moved/bin/factpipe" "$tmp/elsewhere/factpipe"
"$tmp/elsewhere/factpipe" samples/ >"$tmp/symlink.xml"
check "through a symlink: same XML" cmp -s "$tmp/expected.xml" "$tmp/symlink.xml"

# The program copied alone: nothing next to it, so it says so and falls
# back on the configured folders (empty here unless installed there).  A
# pipeline without plugins lists the folders.
mkdir -p "$tmp/alone/bin"
cp "$tmp/moved/bin/factpipe" "$tmp/alone/bin/"
printf '[pipeline]\nplugins = listed\nzones = %s\n' "$tmp/moved/share/factpipe/zones.conf" >"$tmp/none.pipeline"
listing=$("$tmp/alone/bin/factpipe" --list-plugins -c "$tmp/none.pipeline" 2>&1)
check "alone: data next to the program not found" \
  has_line "$listing" "^  not found $tmp/alone/share/factpipe  \(next to the program\)$"
check "alone: then the configured data folder" \
  has_line "$listing" "^  (not found|found) +$CONFIGURED_PREFIX/share/factpipe  \(configured install folder\)$"
check "alone: plugins next to the program not found" \
  has_line "$listing" "^  not found $tmp/alone/$LIBDIR/factpipe/plugins  \(next to the program\)$"
check "alone: then the configured plugin folder" \
  has_line "$listing" "^  (not found|found) +$CONFIGURED_PREFIX/$LIBDIR/factpipe/plugins  \(configured install folder\)$"
listing=$("$tmp/alone/bin/factpipe" --plugin-dir "$tmp/none" --list-plugins -c "$tmp/none.pipeline" 2>&1)
check "--plugin-dir that does not exist is reported" \
  has_line "$listing" "^  not found $tmp/none  \(--plugin-dir\)$"
if [ ! -e "$CONFIGURED_PREFIX/$LIBDIR/factpipe" ] && [ ! -e "$CONFIGURED_PREFIX/share/factpipe" ]; then
  # (only where no factpipe is installed in the configured prefix)
  "$tmp/alone/bin/factpipe" samples/ >/dev/null 2>"$tmp/alone.err"
  check "alone: no default pipeline, named where it was last looked for" \
    grep -qF "$CONFIGURED_PREFIX/share/factpipe/default.pipeline" "$tmp/alone.err"
  "$tmp/alone/bin/factpipe" -c "$tmp/moved/share/factpipe/default.pipeline" samples/ >/dev/null 2>"$tmp/alone.err"
  check "alone: the missing plugin's error names the folders searched" \
    grep -qF "missing folders: $tmp/alone/$LIBDIR/factpipe/plugins, $CONFIGURED_PREFIX/$LIBDIR/factpipe/plugins" "$tmp/alone.err"
fi

finish
