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

# create() misbehaving, next to a plugin that works.
run_with() { # run_with PLUGIN [OPTIONS...]: percentage and PLUGIN on x.txt
  local plugin=$1; shift
  printf '[pipeline]\nplugins = listed\n[plugin percentage]\n[plugin %s]\n' "$plugin" > "$tmp/$plugin.pipeline"
  "$FACTPIPE" -c "$tmp/$plugin.pipeline" --plugin-dir "$HOSTILE_PLUGIN_DIR" "$@" "$tmp/x.txt"
}
valid_stdout() { "$XMLLINT" --noout --relaxng schema/factpipe.rng "$tmp/stdout" 2>/dev/null || { echo "stdout is not valid XML:"; head -3 "$tmp/stdout"; return 1; }; }
has_fact() { grep -q 'kind="percentage" value="5"' "$tmp/stdout" || { echo "no fact in stdout"; return 1; }; }
nothing_out() { [ ! -s "$tmp/stdout" ] || { echo "stdout not empty:"; head -3 "$tmp/stdout"; return 1; }; }
for j in 1 2; do
  check "create prints (-j$j)" status_is 0 run_with create_printf -j$j
  check "create's print kept out of stdout (-j$j)" valid_stdout
  check "and the document processed (-j$j)" has_fact
  check "create leaves a thread printing (-j$j)" status_is 0 run_with create_thread -j$j
  check "the thread kept out of stdout (-j$j)" valid_stdout
done
check "create leaves a thread, -o FILE" status_is 0 run_with create_thread -o "$tmp/thread.xml"
check "-o FILE valid" "$XMLLINT" --noout --relaxng schema/factpipe.rng "$tmp/thread.xml"

check "create exits" status_is 2 run_with create_exit
check "nothing written when create exits" nothing_out
check "says which plugin and what it did" stderr_has "plugin 'create_exit' ($HOSTILE_PLUGIN_DIR/create_exit.so) failed to start: it ended its process with status 0 while creating its instance"
check "create crashes" status_is 2 run_with create_segv -j2 -o "$tmp/segv-out/"
check "names the crashing plugin" stderr_has "plugin 'create_segv' ($HOSTILE_PLUGIN_DIR/create_segv.so) failed to start: it "
check "no output folder made" test ! -e "$tmp/segv-out"
check "create fails" status_is 2 run_with create_fail
check "its reason" stderr_has "plugin 'create_fail' ($HOSTILE_PLUGIN_DIR/create_fail.so) failed to start: cannot open its model"
check "nothing written when create fails" nothing_out
check "--list-plugins runs no create()" status_is 0 run_with create_segv --list-plugins
check "--list-plugins lists it" grep -q '^create_segv 0.0.1' "$tmp/stdout"

finish
