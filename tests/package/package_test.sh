#!/usr/bin/env bash
# cpack -G DEB (issue 12): this build packed as factpipe and factpipe-dev.
# Checks each package's contents (dpkg-deb -c), its control fields
# (dpkg-deb -f): the library dependencies dpkg-shlibdeps computed must
# cover every library the packed ELF files need, and factpipe-dev must
# depend on factpipe of the same version; then unpacks both into a
# temporary root (dpkg-deb -x) and runs them from there: the program on
# samples/ (same XML as the build tree's), and a program embedding
# libfactpipe built with the unpacked pkg-config file.
set -uo pipefail
: "${FACTPIPE:?}" "${BUILD_DIR:?}" "${SOURCE_DIR:?}" "${CPACK:?}" "${VERSION:?}" "${LIBDIR:?}"
read -r -a sanitize <<<"${SANITIZE_FLAGS:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../support/check.sh"
cd "$SOURCE_DIR"
unset FACTPIPE_PLUGIN_PATH

"$CPACK" -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$tmp/packages" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
arch=$(dpkg --print-architecture)
main=$tmp/packages/factpipe_${VERSION}_$arch.deb
dev=$tmp/packages/factpipe-dev_${VERSION}_$arch.deb
check "factpipe package built" test -f "$main"
check "factpipe-dev package built" test -f "$dev"
[ -f "$main" ] && [ -f "$dev" ] || { cat "$tmp/cpack.log"; exit 1; }

# Contents: paths without the leading "." (symlinks as "PATH -> TARGET").
contents() { dpkg-deb -c "$1" | sed -E 's/^([^ ]+ +){5}\.//' | grep -v '/$'; }
contents "$main" >"$tmp/main.list"
contents "$dev" >"$tmp/dev.list"
holds() { # holds LIST PATH-REGEX
  grep -Eq "^$2( ->.*)?$" "$1" || { echo "$(basename "$1" .list) lacks $2"; return 1; }
}
lacks() { ! grep -Eq "^$2( ->.*)?$" "$1" || { echo "$(basename "$1" .list) must not hold $2"; return 1; }; }
L=/usr/$LIBDIR
for path in /usr/bin/factpipe "$L/libfactpipe.so.0" "$L/libfactpipe.so.$VERSION" \
            /usr/share/factpipe/default.pipeline /usr/share/factpipe/zones.conf \
            /usr/share/factpipe/lexicons/official-title-heads.txt \
            /usr/share/factpipe/schema/factpipe.rng /usr/share/factpipe/factpipe-to-csv.xsl \
            /usr/share/man/man1/factpipe.1 /usr/share/doc/factpipe/README.md \
            /usr/share/doc/factpipe/examples/factpipe.sbatch \
            /usr/share/bash-completion/completions/factpipe; do
  check "factpipe holds $path" holds "$tmp/main.list" "$path"
done
for plugin in "$SOURCE_DIR"/plugins/*/; do
  name=$(basename "$plugin")
  check "factpipe holds the $name plugin" holds "$tmp/main.list" "$L/factpipe/plugins/$name.so"
done
for path in /usr/include/factpipe/plugin.h /usr/include/factpipe/factpipe.h \
            "$L/libfactpipe.so" "$L/pkgconfig/factpipe.pc" "$L/pkgconfig/factpipe-plugin.pc" \
            "$L/cmake/factpipe/factpipeConfig.cmake" "$L/cmake/factpipe/factpipeTargets.cmake" \
            "$L/cmake/factpipe/FactpipePlugin.cmake" /usr/share/factpipe/sdk/fake_host.c \
            /usr/share/doc/factpipe/PLUGINS.md; do
  check "factpipe-dev holds $path" holds "$tmp/dev.list" "$path"
done
check "no development files in factpipe" lacks "$tmp/main.list" '/usr/(include/.*|.*\.pc|.*\.cmake|.*/libfactpipe\.so)'
check "no program in factpipe-dev" lacks "$tmp/dev.list" '/usr/bin/.*'
check "no file in both packages" test -z "$(sort "$tmp/main.list" "$tmp/dev.list" | uniq -d)"

# Control fields.
field() { dpkg-deb -f "$1" "$2"; }
check "factpipe: name and version" test "$(field "$main" Package) $(field "$main" Version)" = "factpipe $VERSION"
check "factpipe-dev: name and version" test "$(field "$dev" Package) $(field "$dev" Version)" = "factpipe-dev $VERSION"
check "factpipe-dev depends on factpipe (= $VERSION)" \
  grep -qE "(^|, )factpipe \(= $VERSION\)(,|$)" <<<"$(field "$dev" Depends)"
check "factpipe-dev depends on libutf8proc-dev (the fake host's analysis)" \
  grep -qE "(^|, )libutf8proc-dev(,|$)" <<<"$(field "$dev" Depends)"
depends=$(field "$main" Depends)
echo "factpipe Depends: $depends"
# Every library an ELF file of the package needs belongs to a package that
# factpipe depends on (libfactpipe itself aside): dpkg-shlibdeps ran.
dpkg-deb -x "$main" "$tmp/root"
dpkg-deb -x "$dev" "$tmp/root"
# (objdump: the libraries each file needs itself; ldd: where the loader
# finds them)
elves=$(find "$tmp/root" -type f \( -name '*.so*' -o -path '*/bin/*' \))
needed=$(for f in $elves; do objdump -p "$f"; done | awk '$1 == "NEEDED" {print $2}' |
         grep -v '^libfactpipe\.so' | sort -u)
resolved=$(for f in $elves; do ldd "$f"; done 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' | sort -u)
needed=$(for soname in $needed; do awk -v s="$soname" '$1 == s {print; exit}' <<<"$resolved"; done)
check "the ELF files need libraries" test -n "$needed"
owner_of() { # the package of a library file (/lib is /usr/lib on merged-/usr systems)
  { dpkg -S "$1" || dpkg -S "/usr$1" || dpkg -S "$(readlink -f "$1")"; } 2>/dev/null | head -1 | cut -d: -f1
}
while read -r soname path; do
  owner=$(owner_of "$path")
  check "$soname (package ${owner:-unknown}) is a dependency" \
    grep -qE "(^|, )${owner:-unknown}( |,|$)" <<<"$depends"
done <<<"$needed"
check "dependencies carry versions from the shlibs files" grep -q 'libc6 (>= ' <<<"$depends"

# Run from the unpacked root: found next to the program, same output.
"$FACTPIPE" samples/ >"$tmp/expected.xml"
listing=$("$tmp/root/usr/bin/factpipe" --list-plugins 2>&1)
check "unpacked: default pipeline next to the program" \
  grep -qx "pipeline: $tmp/root/usr/share/factpipe/default.pipeline" <<<"$listing"
check "unpacked: plugins next to the program" \
  grep -qE "^  found +$tmp/root$L/factpipe/plugins  \(next to the program\)$" <<<"$listing"
"$tmp/root/usr/bin/factpipe" samples/ >"$tmp/unpacked.xml"
check "unpacked: same XML as the build tree" cmp -s "$tmp/expected.xml" "$tmp/unpacked.xml"
check "unpacked: check-plugin by name" "$tmp/root/usr/bin/factpipe" check-plugin percentage >/dev/null

export PKG_CONFIG_PATH=$tmp/root$L/pkgconfig
# shellcheck disable=SC2046 # pkg-config output is a list of flags
check "unpacked dev: embedding program builds" \
  cc -std=c11 -Wall -Werror "${sanitize[@]}" $(pkg-config --cflags factpipe) -o "$tmp/embed" \
     tests/sdk/embed_example.c $(pkg-config --libs factpipe)
LD_LIBRARY_PATH=$tmp/root$L "$tmp/embed" samples/thanhkhe-2018-10-09.txt >"$tmp/embed.xml" 2>"$tmp/embed.err"
check "unpacked dev: libfactpipe finds its data next to itself" \
  test "$(grep -c '<fact ' "$tmp/embed.xml")" -gt 0

finish
