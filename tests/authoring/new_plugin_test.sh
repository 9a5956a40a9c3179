#!/usr/bin/env bash
# factpipe new-plugin: the skeleton's files from the templates, with the
# name and kind filled in; names and kinds checked as the loader and the
# fact rules check them; an existing folder is never written into.
set -uo pipefail
: "${FACTPIPE:?}" "${SOURCE_DIR:?}"
. "$SOURCE_DIR/tests/support/check.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factpipe-new-plugin.XXXXXX")
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
unset FACTPIPE_PLUGIN_PATH

run() { (cd "$tmp" && "$FACTPIPE" new-plugin "$@") >"$tmp/out" 2>"$tmp/err"; status=$?; }
status_is() { local want=$1; shift; run "$@"; [ "$status" -eq "$want" ] || { echo "exit $status, expected $want:"; cat "$tmp/out" "$tmp/err"; return 1; }; }
has() { grep -qF -- "$2" "$tmp/$1" || { echo "'$2' not in $1:"; cat "$tmp/$1"; return 1; }; }
absent() { [ ! -e "$1" ] && [ ! -L "$1" ] || { echo "$1 was left behind"; return 1; }; }

templates=$SOURCE_DIR/config/new-plugin
expected_files() { # the files a plugin NAME gets, sorted
  for t in "$templates"/*.in; do t=${t##*/}; t=${t%.in}; echo "${t//NAME/$1}"; done | sort
}

check "a plugin with a kind" status_is 0 money --kind money
check "lists what it wrote" has out "new plugin 'money' (facts of kind 'money') in money/:"
check "every template, named for the plugin" test "$(cd "$tmp/money" && ls | sort)" = "$(expected_files money)"
check "the source is named for it" test -f "$tmp/money/money.c"
check "no placeholder is left" bash -c "! grep -rnE '@[A-Z_]+@' '$tmp/money'"
check "the name in the entry" grep -q '^FP_PLUGIN_DEFINE(money, "0.1.0", "money",' "$tmp/money/money.c"
check "the kind" grep -q '"money",$' "$tmp/money/money.c"
check "the drop-in section" grep -qx '\[plugin money\]' "$tmp/money/money.pipeline"
check "the CMake project" grep -q '^factpipe_add_plugin(money SOURCES money.c DATA units.txt PIPELINE money.pipeline)' "$tmp/money/CMakeLists.txt"
check "the next steps" has out "factpipe check-plugin --sample money/sample.txt money/build/plugins/money.so"

check "the default kind" status_is 0 road_works
check "is the name with '-'" grep -q '"road-works",$' "$tmp/road_works/road_works.c"
check "--dir" status_is 0 prices --dir "$tmp/elsewhere"
check "writes there" test -f "$tmp/elsewhere/prices.c"

# Nothing is ever written into what exists.
mkdir "$tmp/taken"
echo mine >"$tmp/taken/money.c"
check "an existing folder" status_is 1 money --dir "$tmp/taken"
check "is refused" has err "$tmp/taken already exists; new-plugin writes a new folder and never writes into an existing one"
check "and left alone" test "$(cat "$tmp/taken/money.c")" = mine
check "an existing empty folder too" status_is 1 money --dir "$tmp/money/.."
touch "$tmp/file"
check "a file" status_is 1 money --dir "$tmp/file"
ln -s "$tmp/nowhere" "$tmp/dangling"
check "a dangling link" status_is 1 money --dir "$tmp/dangling"
check "is not followed" absent "$tmp/nowhere"
check "a missing parent" status_is 1 money --dir "$tmp/no/such/dir"
check "says so" has err "its parent folder does not exist"
mkdir "$tmp/locked" && chmod a-w "$tmp/locked"
if [ ! -w "$tmp/locked" ]; then # (root writes anyway)
  check "an unwritable parent" status_is 1 money --dir "$tmp/locked/money"
  check "leaves nothing" absent "$tmp/locked/money"
fi

# Names and kinds.
for bad in Money 2money mo-ney 'mo ney' ''; do
  check "name '$bad' refused" status_is 1 "$bad" --dir "$tmp/bad"
  check "name '$bad': the rule" has err "a plugin name is a lower-case letter followed by lower-case letters, digits or '_'"
done
check "a name CMake keeps" status_is 1 test --dir "$tmp/bad"
check "is refused with why" has err "CMake keeps the target name 'test'"
check "a name of factpipe's own plugins" status_is 1 count --dir "$tmp/bad"
check "is refused: it would replace it" has err "factpipe already has a plugin named 'count'"
for bad in Money money_kind 9lives ''; do
  check "kind '$bad' refused" status_is 1 money --kind "$bad" --dir "$tmp/bad"
  check "kind '$bad': the rule" has err "a kind is a lower-case letter followed by lower-case letters, digits or '-'"
done
check "nothing written for refused names" absent "$tmp/bad"

# Usage.
check "no name" status_is 2
check "two names" status_is 2 a b
check "an unknown option" status_is 2 money --knd x
check "--help" status_is 0 --help
check "--help names the templates" has out "$SOURCE_DIR/config/new-plugin/"
check "factpipe --help names the subcommand" bash -c "'$FACTPIPE' --help | grep -q 'factpipe new-plugin \[OPTIONS\] NAME'"
finish
