#!/usr/bin/env bash
# Configuration files that are no configuration files (issue 10 item 14):
# a pipeline file, a zoning rules file or a plugin's lexicon named on
# /dev/zero, a FIFO, a folder or a sparse file of a gigabyte.  Each must be
# refused at once (exit 2) with a message that names the file and the
# limit, never read until memory runs out or block.
set -uo pipefail
: "${FACTPIPE:?}" "${SOURCE_DIR:?}"
cd "$SOURCE_DIR"
. tests/support/check.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Tỷ lệ 5%%.\n' > "$tmp/x.txt"
truncate -s 1G "$tmp/big.conf"
mkfifo "$tmp/fifo.conf"
mkdir "$tmp/folder.conf"
# Should a refusal be missing, the run must not take the machine's memory
# with it (not under ASan, whose shadow memory needs the address space).
[ "${FP_SANITIZE:-0}" = 1 ] || ulimit -v 4000000

status_is() { # status_is WANT COMMAND...: output in $tmp/stdout, $tmp/stderr
  local want=$1; shift
  timeout -k 5 30 "$@" > "$tmp/stdout" 2> "$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want: $*"; head -3 "$tmp/stderr"; return 1; }
}
stderr_has() { grep -qF -- "$1" "$tmp/stderr" || { echo "stderr lacks '$1':"; head -3 "$tmp/stderr"; return 1; }; }
pipeline() { printf '[pipeline]\nplugins = listed\n%s\n[plugin docref]\n%s\n' "$1" "$2" > "$tmp/p.pipeline"; }

cap="over the limit of 16777216 bytes (16 MiB) for configuration files"
for bad in /dev/zero:"it is a device" "$tmp/fifo.conf":"it is a named pipe" \
           "$tmp/folder.conf":"it is a folder" "$tmp/big.conf":"it is 1073741824 bytes, $cap"; do
  file=${bad%%:*} why=${bad#*:}
  check "-c $file refused" status_is 2 "$FACTPIPE" -c "$file" "$tmp/x.txt"
  check "-c $file: why" stderr_has "$file: cannot open pipeline file: $why"
  pipeline "zones = $file" ""
  check "zones = $file refused" status_is 2 "$FACTPIPE" -c "$tmp/p.pipeline" "$tmp/x.txt"
  # refused where the pipeline names it, with its file:line
  check "zones = $file: why" stderr_has "p.pipeline:3: zones '$file' ($file) cannot be read: $why"
  pipeline "" "types = $file"
  check "lexicon $file refused" status_is 2 "$FACTPIPE" -c "$tmp/p.pipeline" "$tmp/x.txt"
  check "lexicon $file: why" stderr_has "option 'types' of plugin 'docref' names '$file', which cannot be read: $why"
done
check "-c /dev/null: an empty pipeline" status_is 0 "$FACTPIPE" -c /dev/null --list-plugins
pipeline "" ""
check "a sound pipeline still runs" status_is 0 "$FACTPIPE" -c "$tmp/p.pipeline" "$tmp/x.txt"

finish
