#!/usr/bin/env bash
# docs/factpipe.1 documents exactly the long options that `factpipe --help`,
# `factpipe check-plugin --help` and `factpipe new-plugin --help` print:
# none missing, none left over.
set -euo pipefail
options_in_help() {
  { "$FACTPIPE" --help; "$FACTPIPE" check-plugin --help; "$FACTPIPE" new-plugin --help; } |
    grep -oE -- '--[a-z][a-z-]*' | sort -u
}
options_in_man() {
  grep -v '^\.\\"' "$MAN_PAGE" | grep -oE -- '\\-\\-[a-z]+(\\-[a-z]+)*' |
    sed 's/\\-/-/g' | sort -u
}
help=$(options_in_help)
man=$(options_in_man)
if [ -z "$help" ] || [ "$help" != "$man" ]; then
  echo "docs/factpipe.1 and --help disagree on the options (< help only, > man page only):" >&2
  diff <(echo "$help") <(echo "$man") >&2 || true
  exit 1
fi
echo "man page documents the $(echo "$help" | wc -l) options of --help"
