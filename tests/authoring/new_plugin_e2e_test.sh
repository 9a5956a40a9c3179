#!/usr/bin/env bash
# The new plugin author, end to end (issue 15), against this build
# installed into a temporary prefix as a package user has it:
#   factpipe new-plugin money --kind money; add a lexicon entry; build
#   against the installed SDK; run its unit test; check-plugin --sample on
#   its sample and on a sample of the new entry; install it (its .so, its
#   data, its pipeline.d section); run the installed factpipe on text where
#   money overlaps a count: with the priority of its section money wins,
#   below count's it loses.
# The overlap is made certain whatever count's own currency list holds:
# a per-user drop-in gives count a currency list without "yên" (as a
# user's count might), so count claims "7 yên" as a count.
set -euo pipefail
CMAKE=${CMAKE:-cmake}
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
start=$EPOCHREALTIME
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factpipe-author.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
work=$tmp/work
mkdir -p "$work"
export XDG_CONFIG_HOME=$tmp/config
unset FACTPIPE_PLUGIN_PATH
user_dropins=$XDG_CONFIG_HOME/factpipe/pipeline.d
fail() { echo "author test: $*" >&2; exit 1; }
step() { awk -v now="$EPOCHREALTIME" -v start="$start" -v what="$*" \
           'BEGIN { printf "== %s (%.1f s)\n", what, now - start }'; }

step "install this build into $prefix"
"$CMAKE" --install "$BUILD_DIR" --prefix "$prefix" >/dev/null
factpipe=$prefix/bin/factpipe

step "the installed docs stand alone: what PLUGINS.md names is installed beside it"
doc=$prefix/share/doc/factpipe
[ -f "$doc/PLUGINS.md" ] && [ -f "$doc/GUIDELINE.md" ] || fail "PLUGINS.md or GUIDELINE.md is not installed in $doc"
[ -f "$prefix/share/man/man5/factpipe-pipeline.5" ] || fail "factpipe-pipeline(5) is not installed"
named=$(grep -oE '(examples/[A-Za-z0-9_./-]*[A-Za-z0-9_]/?|\]\([A-Z]+\.md)' "$doc/PLUGINS.md" | sed 's/^](//' | sort -u)
[ -n "$named" ] || fail "PLUGINS.md names no example"
for f in $named; do
  [ -e "$doc/$f" ] || fail "PLUGINS.md names $f, which is not installed in $doc"
done
echo "PLUGINS.md names $(echo $named)"

step "factpipe new-plugin money --kind money"
(cd "$work" && "$factpipe" new-plugin money --kind money) >"$tmp/new.out"
cat "$tmp/new.out"
src=$work/money
grep -q -- "-DCMAKE_PREFIX_PATH=$prefix" "$tmp/new.out" || fail "the next steps do not name the prefix"

step "edit one rule: a new word in its lexicon"
sed -i '$a yên Nhật' "$src/units.txt"
tail -2 "$src/units.txt"

step "build against the installed SDK"
"$CMAKE" -S "$src" -B "$src/build" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/configure.log" ||
  { cat "$tmp/configure.log"; fail "configuring the new plugin failed"; }
"$CMAKE" --build "$src/build" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log"; fail "building the new plugin failed"; }
! grep -q "warning:" "$tmp/build.log" || { cat "$tmp/build.log"; fail "the skeleton builds with warnings"; }
[ -f "$src/build/plugins/money/units.txt" ] || fail "the lexicon is not next to the plugin in the build tree"
grep -qx 'yên Nhật' "$src/build/plugins/money/units.txt" || fail "the build tree's lexicon is not the edited one"

step "its unit test"
ctest --test-dir "$src/build" --output-on-failure >"$tmp/ctest.log" ||
  { cat "$tmp/ctest.log"; fail "the new plugin's unit test failed"; }
tail -1 "$tmp/ctest.log"

step "check-plugin --sample on its sample, and on a sample of the new word"
"$factpipe" check-plugin --sample "$src/sample.txt" --expect 3 "$src/build/plugins/money.so" \
  >"$tmp/check.log" || { cat "$tmp/check.log"; fail "check-plugin failed on the skeleton's sample"; }
tail -6 "$tmp/check.log"
printf 'Công ty nhận 7 yên Nhật tiền thưởng.\n' >"$work/yen.txt"
"$factpipe" check-plugin --sample "$work/yen.txt" --expect 1 "$src/build/plugins/money.so" \
  >"$tmp/check-yen.log" || { cat "$tmp/check-yen.log"; fail "the new word is not found before install"; }
grep -q 'money "7" bytes [0-9.]* "7 yên Nhật" unit="yên Nhật"' "$tmp/check-yen.log" ||
  fail "check-plugin does not list the fact of the new word: $(cat "$tmp/check-yen.log")"

step "install it into the prefix"
"$CMAKE" --install "$src/build" >"$tmp/install.log"
libdir=$(dirname "$(find "$prefix" -name percentage.so -path '*/factpipe/plugins/*' | head -1)")
for f in "$libdir/money.so" "$prefix/share/factpipe/plugins/money/units.txt" \
         "$prefix/share/factpipe/pipeline.d/money.pipeline"; do
  [ -f "$f" ] || fail "not installed: $f ($(cat "$tmp/install.log"))"
done

step "the installed factpipe runs it with its section's priority"
"$factpipe" --list-plugins >"$tmp/list.txt"
priority_line=$(grep -n '^priority = ' "$prefix/share/factpipe/pipeline.d/money.pipeline" | cut -d: -f1)
grep -q "^  priority 15: $prefix/share/factpipe/pipeline.d/money.pipeline:$priority_line$" "$tmp/list.txt" ||
  fail "--list-plugins does not give money's priority and its origin: $(grep -A4 '^money' "$tmp/list.txt")"
grep -q "= $prefix/share/factpipe/plugins/money/units.txt  (the default)" "$tmp/list.txt" ||
  fail "money's lexicon is not the installed one: $(grep -A6 '^money' "$tmp/list.txt")"

# The text: money overlapping a count, and money of a skeleton word.
printf 'Hỗ trợ 7 yên Nhật cho mỗi hộ, trồng 20 ha rừng và kết nạp 15 đảng viên.\n' >"$work/page.txt"
mkdir -p "$user_dropins"
printf 'đồng\nUSD\n' >"$user_dropins/currencies.txt"
printf '# a user whose count knows fewer currencies\n[plugin count]\ncurrencies = currencies.txt\n' \
  >"$user_dropins/count.pipeline"
fact_at() { # fact_at FILE KIND TEXT: the fact of KIND spanning TEXT is in FILE
  grep -q "kind=\"$2\"[^>]* text=\"$3\"" "$1"
}

step "below count's priority (a per-user money.pipeline replacing the installed one): count wins"
printf '[plugin money]\npriority = 5\n' >"$user_dropins/money.pipeline"
"$factpipe" "$work/page.txt" >"$tmp/lower.xml"
fact_at "$tmp/lower.xml" count "7 yên" ||
  fail "no overlap: count does not claim '7 yên' even with a currency list without yên: $(grep '<fact' "$tmp/lower.xml")"
! fact_at "$tmp/lower.xml" money "7 yên Nhật" || fail "money won at a priority below count's"
rm "$user_dropins/money.pipeline"

step "with the installed section's priority: money wins its overlap with count"
"$factpipe" "$work/page.txt" >"$tmp/page.xml"
grep '<fact' "$tmp/page.xml"
fact_at "$tmp/page.xml" money "7 yên Nhật" || fail "the money fact is missing"
grep -q 'kind="money" value="7"[^>]*unit="yên Nhật"' "$tmp/page.xml" || fail "the money fact has the wrong value or unit"
! grep -q 'kind="count"[^>]* text="7 yên' "$tmp/page.xml" || fail "count still claims the money"
fact_at "$tmp/page.xml" money "20 ha" || fail "the skeleton's own rule is lost"
fact_at "$tmp/page.xml" count "15 đảng viên" || fail "count lost what is not money"
"$XMLLINT" --noout --relaxng "$prefix/share/factpipe/schema/factpipe.rng" "$tmp/page.xml" 2>/dev/null ||
  fail "the output is not schema-valid"

step "done"
