#!/usr/bin/env bash
# The plugin SDK from outside the tree (issue 5), against this build
# installed with a prefix chosen at install time (issue 12: the install is
# relocatable, so nothing is rebuilt for the test's prefix): out-of-tree
# plugins built with pkg-config and with find_package(factpipe), a program
# embedding libfactpipe, all of it still working after the prefix moves.
set -euo pipefail
CMAKE=${CMAKE:-cmake}
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
# In a sanitizer build libfactpipe needs the sanitizer runtime linked in
# first: the embedding example is linked with the same flags.
read -r -a sanitize <<<"${SANITIZE_FLAGS:-}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factpipe-sdk.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "sdk test: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "install this build into $prefix"
"$CMAKE" --install "$BUILD_DIR" --prefix "$prefix" >/dev/null
factpipe=$prefix/bin/factpipe
pcdir=$(dirname "$(find "$prefix" -name factpipe-plugin.pc | head -1)")
[ -f "$pcdir/factpipe-plugin.pc" ] || fail "factpipe-plugin.pc not installed"
libdir=$(dirname "$pcdir")
for f in "$libdir/libfactpipe.so" "$libdir/cmake/factpipe/factpipeConfig.cmake" \
         "$prefix/include/factpipe/plugin.h" "$prefix/include/factpipe/factpipe.h" \
         "$prefix/share/factpipe/default.pipeline" "$prefix/share/factpipe/schema/factpipe.rng" \
         "$prefix/share/factpipe/lexicons/docref-types.txt" "$prefix/share/factpipe/sdk/fake_host.h" \
         "$prefix/include/factpipe/fact_check.h" "$prefix/include/factpipe/utf8.h" \
         "$prefix/include/factpipe/lexicon.h" "$prefix/include/factpipe/regex.h" \
         "$prefix/share/factpipe/sdk/fp_analysis.c" "$prefix/share/factpipe/sdk/fp_analysis.h" \
         "$prefix/share/doc/factpipe/PLUGINS.md" "$prefix/share/doc/factpipe/GUIDELINE.md" \
         "$prefix/share/doc/factpipe/RELIABILITY.md" \
         "$prefix/share/man/man1/factpipe.1" "$prefix/share/man/man5/factpipe-pipeline.5" \
         "$prefix/share/factpipe/new-plugin/NAME.c.in" "$prefix/share/factpipe/pipeline.d/README" \
         "$libdir/factpipe/plugins/docref.so"; do
  [ -e "$f" ] || fail "not installed: $f"
done

step "the installed CLI finds its plugins and default pipeline without flags"
listing=$(env -u FACTPIPE_PLUGIN_PATH "$factpipe" --list-plugins)
grep -q "^pipeline: $prefix/share/factpipe/default.pipeline" <<<"$listing" ||
  fail "installed factpipe does not use its installed pipeline: $listing"
grep -q "$libdir/factpipe/plugins/percentage.so" <<<"$listing" ||
  fail "installed factpipe does not load its installed plugins: $listing"
env -u FACTPIPE_PLUGIN_PATH "$factpipe" "$SOURCE_DIR/samples/" >"$tmp/installed.xml"
"$XMLLINT" --noout --relaxng "$prefix/share/factpipe/schema/factpipe.rng" "$tmp/installed.xml" 2>/dev/null ||
  fail "installed output is not schema-valid"

# The worked example the installed docs refer to (examples/docref: the
# docref plugin's sources, its CMake project and test), away from the tree.
examples=$prefix/share/doc/factpipe/examples
src=$tmp/docref-src
mkdir -p "$src"
cp "$examples"/docref/* "$src/"

check_loaded() { # plugin folder, label
  local dir=$1 label=$2 out
  out=$("$factpipe" --plugin-dir "$dir" --list-plugins)
  grep -q "$dir/docref.so" <<<"$out" || fail "$label: factpipe did not load $dir/docref.so: $out"
  "$factpipe" --plugin-dir "$dir" "$SOURCE_DIR/samples/" >"$tmp/$label.xml"
  "$XMLLINT" --noout --relaxng "$prefix/share/factpipe/schema/factpipe.rng" "$tmp/$label.xml" 2>/dev/null ||
    fail "$label: output is not schema-valid"
  grep -q 'kind="docref" value="217-QĐ/TW"[^>]*text="Quyết định số 217-QĐ/TW"[^>]*type="Quyết định"' "$tmp/$label.xml" ||
    fail "$label: the docref facts are not in the XML"
  grep -q 'kind="docref" value="Nghị quyết Trung ương 4 (khóa XI)"' "$tmp/$label.xml" ||
    fail "$label: the unnumbered reference is not in the XML"
  "$factpipe" check-plugin "$dir/docref.so" >"$tmp/$label.check" ||
    fail "$label: check-plugin failed: $(cat "$tmp/$label.check")"
  echo "$label: $(grep -c 'kind="docref"' "$tmp/$label.xml") docref facts; $(tail -1 "$tmp/$label.check")"
}

# What pkg-config prints is clean (issue 15 saw ".../pkgconfig/../..//lib"):
# no "//" nor "/./", and every folder it names exists.
pc_paths_clean() { # label
  local flags word dir v
  flags="$(pkg-config --cflags --libs factpipe) $(pkg-config --cflags factpipe-plugin)"
  case "$flags" in
    *//* | */./*) fail "$1: pkg-config paths not clean: $flags" ;;
  esac
  for word in $flags; do
    case "$word" in -I* | -L*) dir=${word:2}; [ -d "$dir" ] || fail "$1: pkg-config names a missing folder: $word" ;; esac
  done
  for v in prefix includedir libdir pluginsdir datadir sdkdir; do
    dir=$(pkg-config --variable=$v factpipe-plugin)
    case "$dir" in *//* | */./*) fail "$1: factpipe-plugin.pc $v not clean: $dir" ;; esac
    [ -d "$dir" ] || fail "$1: factpipe-plugin.pc $v is not a folder: $dir"
  done
}

step "out of tree with pkg-config"
export PKG_CONFIG_PATH=$pcdir
pc_paths_clean installed
[ "$(pkg-config --variable=pluginsdir factpipe-plugin)" -ef "$libdir/factpipe/plugins" ] ||
  fail "pluginsdir of factpipe-plugin.pc is not the installed plugin folder"
[ -z "$(pkg-config --libs factpipe-plugin)" ] || fail "factpipe-plugin.pc must not have Libs"
mkdir -p "$tmp/pc-plugins"
# shellcheck disable=SC2046 # pkg-config output is a list of flags
cc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -fPIC -shared -fvisibility=hidden \
   $(pkg-config --cflags factpipe-plugin libpcre2-8) -o "$tmp/pc-plugins/docref.so" \
   "$src"/docref.c "$src"/docref_compile.c "$src"/docref_match.c "$src"/docref_types.c \
   $(pkg-config --libs libpcre2-8)
check_loaded "$tmp/pc-plugins" pkg-config

step "out of tree with find_package(factpipe) and factpipe_add_plugin()"
"$CMAKE" -S "$src" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
"$CMAKE" --build "$tmp/cmake-build" >/dev/null
check_loaded "$tmp/cmake-build/plugins" find_package
"$tmp/cmake-build/docref_smoke" "$prefix/share/factpipe/lexicons/docref-types.txt" ||
  fail "the plugin's test against the installed fake host failed"
DESTDIR=$tmp/stage "$CMAKE" --install "$tmp/cmake-build" >/dev/null
[ -f "$tmp/stage$libdir/factpipe/plugins/docref.so" ] ||
  fail "factpipe_add_plugin does not install into the installed plugin folder"

step "embedding libfactpipe with pkg-config factpipe"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "${sanitize[@]}" $(pkg-config --cflags factpipe) -o "$tmp/embed" \
   "$examples/embed_example.c" $(pkg-config --libs factpipe) -Wl,-rpath,"$libdir"
"$tmp/embed" "$SOURCE_DIR/samples/thanhkhe-2018-10-09.txt" >"$tmp/embed.xml"
"$XMLLINT" --noout --relaxng "$prefix/share/factpipe/schema/factpipe.rng" "$tmp/embed.xml" 2>/dev/null ||
  fail "the embedding example's output is not schema-valid"
[ "$(grep -c '<document ' "$tmp/embed.xml")" -eq 2 ] || fail "expected two documents from the embedding example"
grep -q 'source="memory.txt"' "$tmp/embed.xml" || fail "the in-memory document is missing"
exported=$(nm -D --defined-only "$libdir/libfactpipe.so" | awk '$2 == "T" {print $3}' | sort)
others=$(grep -v '^factpipe_' <<<"$exported" || true)
[ -z "$others" ] || fail "libfactpipe exports more than its API: $others"
echo "libfactpipe exports $(wc -l <<<"$exported") functions: $(tr '\n' ' ' <<<"$exported")"
step "the prefix moved: libfactpipe and factpipe find their files next to themselves"
mv "$prefix" "$tmp/moved"
moved_lib=$tmp/moved/${libdir#"$prefix/"}
(cd "$tmp" && LD_LIBRARY_PATH=$moved_lib "$tmp/embed" "$SOURCE_DIR/samples/thanhkhe-2018-10-09.txt") \
  >"$tmp/embed-moved.xml" || fail "the embedding example fails once the prefix moved"
cmp -s "$tmp/embed.xml" "$tmp/embed-moved.xml" || fail "libfactpipe gives other XML once the prefix moved"
export PKG_CONFIG_PATH=$moved_lib/pkgconfig
[ "$(pkg-config --variable=pluginsdir factpipe-plugin)" -ef "$moved_lib/factpipe/plugins" ] ||
  fail "factpipe-plugin.pc does not follow the moved prefix"
pc_paths_clean moved
"$CMAKE" -S "$src" -B "$tmp/cmake-build-moved" -DCMAKE_PREFIX_PATH="$tmp/moved" >/dev/null
"$CMAKE" --build "$tmp/cmake-build-moved" >/dev/null
factpipe=$tmp/moved/bin/factpipe
prefix=$tmp/moved
check_loaded "$tmp/cmake-build-moved/plugins" find_package-moved
echo "SDK OK"
