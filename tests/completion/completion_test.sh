#!/usr/bin/env bash
# Bash completion (contrib/bash-completion/factpipe): its option lists are
# exactly the options of `factpipe --help` and `factpipe check-plugin
# --help`; sourced into bash it registers _factpipe, which completes
# options, option values (files, folders), `check-plugin` and plugin
# names, the latter asked of the factpipe being completed.
set -uo pipefail
: "${FACTPIPE:?}" "${COMPLETION:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../support/check.sh"

# shellcheck source=/dev/null
. "$COMPLETION"

# Options of a --help text: short ones ("  -o, --output") and long ones.
options_of() {
  { grep -oE -- '^ +-[a-zA-Z0-9],' | tr -d ' ,'; } <<<"$1"
  grep -oE -- '--[a-z][a-z-]*' <<<"$1"
}
sorted() { tr ' ' '\n' <<<"$*" | grep . | sort -u; }
same() { # same NAME EXPECTED ACTUAL
  [ "$2" = "$3" ] || { echo "$1 differ (< --help, > completion):"; diff <(echo "$2") <(echo "$3"); return 1; }
}
check "main options = factpipe --help" same "main options" \
  "$(options_of "$("$FACTPIPE" --help)" | sort -u)" "$(sorted $_factpipe_options)"
check "check-plugin options = factpipe check-plugin --help" same "check-plugin options" \
  "$(options_of "$("$FACTPIPE" check-plugin --help)" | sort -u)" "$(sorted $_factpipe_check_plugin_options)"
check "new-plugin options = factpipe new-plugin --help" same "new-plugin options" \
  "$(options_of "$("$FACTPIPE" new-plugin --help)" | sort -u)" "$(sorted $_factpipe_new_plugin_options)"

check "registered for factpipe" test "$(complete -p factpipe)" = "complete -F _factpipe factpipe"

# complete WORD...: COMPREPLY for the last word, one per line, sorted.
complete_line() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _factpipe
  printf '%s\n' "${COMPREPLY[@]}" | grep . | sort
}
expect() { # expect NAME EXPECTED WORD...
  local name=$1 want=$2; shift 2
  local got
  got=$(complete_line "$@")
  [ "$got" = "$want" ] || { echo "$name: completing '$*' gave:"; echo "$got"; echo "expected:"; echo "$want"; return 1; }
}
has() { # has NAME WANTED WORD...: WANTED among the completions
  local name=$1 want=$2; shift 2
  complete_line "$@" | grep -qxF -- "$want" || { echo "$name: '$want' not offered for '$*'"; return 1; }
}

check "long option" expect "long option" --list-plugins "$FACTPIPE" --list-pl
check "options sharing a prefix" expect "prefix" $'--max-input-size\n--max-nesting\n--max-ratio' "$FACTPIPE" --max-
check "every option after -" test "$(complete_line "$FACTPIPE" - | wc -l)" -eq "$(sorted $_factpipe_options | wc -l)"
check "the subcommand" expect "subcommand" check-plugin "$FACTPIPE" check-p
check "the other subcommand" expect "subcommand" new-plugin "$FACTPIPE" new
check "new-plugin's own options" expect "new-plugin options" --kind "$FACTPIPE" new-plugin --k
check "no plugin names after new-plugin" expect "new-plugin NAME" "" "$FACTPIPE" new-plugin perc
check "check-plugin's own options" expect "check-plugin options" --pipeline \
  "$FACTPIPE" check-plugin -v --p
check "no value offered for --timeout" expect "--timeout" "" "$FACTPIPE" check-plugin --timeout ""
check "check-plugin options only" expect "check-plugin options" --timeout "$FACTPIPE" check-plugin --t

# Plugin names: factpipe's own folder (here the build tree's plugins),
# then FACTPIPE_PLUGIN_PATH, as check-plugin resolves them.
unset FACTPIPE_PLUGIN_PATH
check "plugin name" expect "plugin name" percentage "$FACTPIPE" check-plugin perc
for name in count date docref official percentage; do
  check "plugin $name offered" has "plugin names" "$name" "$FACTPIPE" check-plugin ""
done
mkdir -p "$tmp/extra"
cp "$(dirname "$FACTPIPE")/plugins/percentage.so" "$tmp/extra/zz_extra.so"
FACTPIPE_PLUGIN_PATH=$tmp/extra check "FACTPIPE_PLUGIN_PATH's plugins" \
  expect "FACTPIPE_PLUGIN_PATH" zz_extra "$FACTPIPE" check-plugin zz
check "no plugin name outside check-plugin" expect "main command" "" "$FACTPIPE" --keep-chrome perc

# Values: folders for --plugin-dir, files for -c/-o/--files-from, also
# written --option=VALUE (bash splits the word at '=').
mkdir -p "$tmp/dir.d"
touch "$tmp/dir.pipeline"
check "--plugin-dir takes folders" expect "--plugin-dir" "$tmp/dir.d" "$FACTPIPE" --plugin-dir "$tmp/dir"
check "check-plugin's --sample takes files" expect "--sample" "$(printf '%s\n' "$tmp/dir.d" "$tmp/dir.pipeline")" \
  "$FACTPIPE" check-plugin --sample "$tmp/dir"
check "new-plugin --dir takes folders" expect "--dir" "$tmp/dir.d" "$FACTPIPE" new-plugin --dir "$tmp/dir"
check "-c takes files" expect "-c" "$(printf '%s\n' "$tmp/dir.d" "$tmp/dir.pipeline")" "$FACTPIPE" -c "$tmp/dir"
check "--pipeline=FILE" expect "--pipeline=" "$(printf '%s\n' "$tmp/dir.d" "$tmp/dir.pipeline")" \
  "$FACTPIPE" --pipeline = "$tmp/dir"
# Output formats: the names under -f/--format in factpipe --help.
formats=$("$FACTPIPE" --help | sed -n '/^  -f, --format/,/^  -/p' | grep -E '^ {26}[a-z0-9]+ +[.][a-z]' | awk '{print $1}' | sort)
check "formats listed in --help" test -n "$formats"
check "--format offers every format" expect "--format" "$formats" "$FACTPIPE" --format ""
check "-f x completes xml" expect "-f" xml "$FACTPIPE" -f x
check "nothing to offer for -j" expect "-j" "" "$FACTPIPE" -j ""
check "inputs are files" expect "input" "$(printf '%s\n' "$tmp/dir.d" "$tmp/dir.pipeline")" "$FACTPIPE" -v "$tmp/dir"

finish
