#!/usr/bin/env bash
# Hostile plugins.  (1) A plugin others could have placed — in a folder,
# or below a folder, that group or others may write (unless sticky and
# ours), or a file neither ours nor root's — is refused before dlopen,
# whose constructors would run its code: issue 10 item 1.  (2) A plugin
# whose create() prints, exits, crashes, fails or leaves a thread behind
# costs the run a clear exit 2, never a corrupt or silently empty output:
# issue 10 item 13.
set -uo pipefail
: "${FACTPIPE:?}" "${XMLLINT:?}" "${SOURCE_DIR:?}" "${HOSTILE_PLUGIN_DIR:?}"
cd "$SOURCE_DIR"
. tests/support/check.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Tỷ lệ 5%%.\n' > "$tmp/x.txt"
marker=$tmp/PWNED
export FP_EVIL_MARKER=$marker

status_is() { # status_is WANT COMMAND...: output in $tmp/stdout, $tmp/stderr
  local want=$1; shift
  "$@" > "$tmp/stdout" 2> "$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want: $*"; head -5 "$tmp/stderr"; return 1; }
}
stderr_has() { grep -qF -- "$1" "$tmp/stderr" || { echo "stderr lacks '$1':"; head -5 "$tmp/stderr"; return 1; }; }
not_run() { [ ! -e "$marker" ] || { echo "the plugin's constructor ran"; rm -f "$marker"; return 1; }; }

# run_evil DIR: the pipeline names the plugin 'evil', looked up in DIR.
printf '[pipeline]\nplugins = listed\n[plugin evil]\n' > "$tmp/evil.pipeline"
run_evil() { "$FACTPIPE" -c "$tmp/evil.pipeline" --plugin-dir "$1" "$tmp/x.txt"; }
place() { mkdir -p "$1" && cp "$HOSTILE_PLUGIN_DIR/evil.so" "$1/evil.so" && chmod 644 "$1/evil.so"; }

# The control: in a folder of our own the plugin loads (its constructor
# runs), so the checks below see refusals, not a plugin that cannot run.
place "$tmp/ok"
check "a safe folder loads" status_is 0 run_evil "$tmp/ok"
check "the constructor ran there" test -e "$marker"
rm -f "$marker"

# The repro: a 1777 folder of ours, a plugin owned by someone else.
if [ "$(id -u)" -eq 0 ]; then
  place "$tmp/pd"; chmod 1777 "$tmp/pd"; chown nobody "$tmp/pd/evil.so"
  check "foreign plugin refused" status_is 2 run_evil "$tmp/pd"
  check "before dlopen" not_run
  check "says who owns it" stderr_has "is owned by uid $(id -u nobody), neither you"
  check "says what to do" stderr_has "chown it to yourself, else remove it"
  place "$tmp/theirs"; chown nobody "$tmp/theirs"; chmod 1777 "$tmp/theirs"
  check "sticky folder of someone else refused" status_is 2 run_evil "$tmp/theirs"
  check "before dlopen (sticky, foreign)" not_run
  check "names the folder's owner" stderr_has "the folder $tmp/theirs is owned by uid"
else
  echo "SKIP (not root): plugins owned by someone else (chown needs root)"
fi

place "$tmp/open"; chmod 777 "$tmp/open"
check "folder others may write refused" status_is 2 run_evil "$tmp/open"
check "before dlopen (open folder)" not_run
check "names the folder and the fix" stderr_has "the folder $tmp/open is writable by group or others (mode 0777)"
check "says chmod go-w" stderr_has "chmod go-w $tmp/open"
chmod 775 "$tmp/open"
check "group-writable folder refused" status_is 2 run_evil "$tmp/open"
check "before dlopen (group folder)" not_run

place "$tmp/parent/pd"; chmod 777 "$tmp/parent"
check "a parent others may write refused" status_is 2 run_evil "$tmp/parent/pd"
check "before dlopen (open parent)" not_run
check "names the parent" stderr_has "the folder $tmp/parent is writable"
chmod 1777 "$tmp/parent"
check "a sticky parent of ours is fine" status_is 0 run_evil "$tmp/parent/pd"
rm -f "$marker"

finish
