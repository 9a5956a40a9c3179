#!/usr/bin/env bash
# docs/factpipe.1 documents exactly the options that `factpipe --help`,
# `factpipe check-plugin --help` and `factpipe new-plugin --help` print,
# short and long, each in its own part of the page (OPTIONS, CHECK-PLUGIN,
# NEW-PLUGIN): none missing, none left over, none under the wrong command.
set -euo pipefail

# Options of a --help text: the short ones of "  -o, --output" and every long one.
options_in_help() {
  local text
  text=$("$FACTPIPE" "$@" --help)
  { grep -oE -- '^ +-[a-zA-Z0-9],' <<<"$text" | tr -d ' ,'
    grep -oE -- '--[a-z][a-z-]*' <<<"$text"; } | sort -u
}

# Options of the man page between the section heading FROM and the next
# .SH: the tags of its items (the line after .TP), short and long.
options_in_man() {
  local tags
  tags=$(grep -v '^\.\\"' "$MAN_PAGE" |
         awk -v from="$1" '/^\.SH /{on = ($0 == ".SH " from)} on && tag {print; tag = 0}
                           on && /^\.TP/ {tag = 1}')
  { grep -oE -- '(^|[^-])\\-[a-zA-Z0-9]\b' <<<"$tags" | grep -oE -- '\\-[a-zA-Z0-9]' | sed 's/\\-/-/'
    grep -oE -- '\\-\\-[a-z]+(\\-[a-z]+)*' <<<"$tags" | sed 's/\\-/-/g'; } | sort -u
}

status=0 total=0
compare() { # compare WHAT MAN-SECTION HELP-ARGS...
  local what=$1 section=$2 help man
  shift 2
  help=$(options_in_help "$@")
  man=$(options_in_man "$section")
  total=$((total + $(grep -c . <<<"$help")))
  if [ -z "$help" ] || [ "$help" != "$man" ]; then
    echo "docs/factpipe.1 ($section) and $what --help disagree (< help only, > man page only):" >&2
    diff <(echo "$help") <(echo "$man") >&2 || true
    status=1
  fi
}
compare "factpipe" OPTIONS
compare "factpipe check-plugin" CHECK-PLUGIN check-plugin
compare "factpipe new-plugin" NEW-PLUGIN new-plugin
[ "$status" -eq 0 ] && echo "man page documents the $total options of the three --help texts, each in its place"
exit "$status"
