#!/usr/bin/env bash
# Pipeline files through the CLI: drop-ins (installed and per-user
# pipeline.d/, merged into the default pipeline, conflicts naming both
# files), --list-plugins naming where each setting came from, a copy of
# the default pipeline working from anywhere, "did you mean", and the
# warning for a pipeline that runs no plugin.
set -uo pipefail
: "${FACTPIPE:?}" "${SOURCE_DIR:?}"
. "$SOURCE_DIR/tests/support/check.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/factpipe-pipeline-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
seed=$SOURCE_DIR/samples/thanhkhe-2018-10-09.txt
default=$SOURCE_DIR/config/default.pipeline
export XDG_CONFIG_HOME=$tmp/config
user=$XDG_CONFIG_HOME/factpipe/pipeline.d
mkdir -p "$user"
unset FACTPIPE_PLUGIN_PATH

run() { # run ARGS...: exit status in $status, stdout in $tmp/out, stderr in $tmp/err
  "$FACTPIPE" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
}
status_is() { local want=$1; shift; run "$@"; [ "$status" -eq "$want" ] || { echo "exit $status, expected $want"; cat "$tmp/err"; return 1; }; }
has() { grep -qF -- "$2" "$tmp/$1" || { echo "'$2' not in $1:"; cat "$tmp/$1"; return 1; }; }
lacks() { ! grep -qF -- "$2" "$tmp/$1" || { echo "'$2' in $1:"; cat "$tmp/$1"; return 1; }; }
line_of() { grep -n -- "$2" "$1" | head -1 | cut -d: -f1; }

# The default pipeline reads the per-user drop-ins: an option of a plugin
# the default pipeline configures, with its origin in --list-plugins.
printf '# mine\n[plugin percentage]\nranges = false\n' >"$user/percentage.pipeline"
check "a user's drop-in is read" status_is 0 --list-plugins
check "listing names the drop-in folders" has out "$user  (per-user)"
check "listing names the drop-in read" has out "drop-in: $user/percentage.pipeline"
check "listing gives the option's origin" has out "= false  ($user/percentage.pipeline:3)"
check "listing gives the priority's origin" has out "priority 20: $default:$(line_of "$default" '^\[plugin percentage\]' | awk '{print $1 + 1}')"
printf 'Tỷ lệ hộ nghèo giảm từ 10 - 15%% trong năm.\n' >"$tmp/range.txt"
check "the option is in force" status_is 0 "$tmp/range.txt"
check "one end of the range" test "$(grep -c 'kind="percentage"' "$tmp/out")" -eq 1
rm "$user/percentage.pipeline"
check "without the drop-in" status_is 0 "$tmp/range.txt"
check "both ends" test "$(grep -c 'kind="percentage"' "$tmp/out")" -eq 2

# A setting made twice: an error naming both files and lines.
printf '[plugin count]\n\npriority = 50\n' >"$user/count.pipeline"
check "a conflict stops the run" status_is 2 "$seed"
check "the conflict names the drop-in's line" has err "$user/count.pipeline:3: 'priority' in [plugin count] is already set at $default:"
rm "$user/count.pipeline"

# A drop-in naming a plugin that is not installed fails at its own line.
printf '\n[plugin mony]\npriority = 7\n' >"$user/money.pipeline"
check "a drop-in's missing plugin" status_is 2 "$seed"
check "is named at the drop-in's line" has err "$user/money.pipeline:2: no plugin named 'mony'"
rm "$user/money.pipeline"

# A copy of the default pipeline works from any folder (its relative
# zones.conf is found in factpipe's data folder) and gives the same XML.
mkdir -p "$tmp/elsewhere"
cp "$default" "$tmp/elsewhere/my.pipeline"
check "the default pipeline" status_is 0 "$seed"
cp "$tmp/out" "$tmp/default.xml"
check "a copy of it, elsewhere" status_is 0 -c "$tmp/elsewhere/my.pipeline" "$seed"
check "gives the same XML" cmp -s "$tmp/out" "$tmp/default.xml"
sed -i 's/^zones = zones.conf/zones = zonez.conf/' "$tmp/elsewhere/my.pipeline"
zones_line=$(line_of "$tmp/elsewhere/my.pipeline" '^zones = ')
check "a file found nowhere" status_is 2 -c "$tmp/elsewhere/my.pipeline" "$seed"
check "is named with its line and both places" has err "my.pipeline:$zones_line: zones 'zonez.conf' is not found: looked at $tmp/elsewhere/zonez.conf (next to this file), "
check "and the fix" has err "give a path relative to this file's folder or an absolute one"

# -c FILE reads no drop-in unless it says drop-ins = yes.
printf '[plugin percentage]\nranges = false\n' >"$user/percentage.pipeline"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\n' >"$tmp/plain.pipeline"
check "-c without drop-ins = yes" status_is 0 -c "$tmp/plain.pipeline" --list-plugins
check "reads no drop-in" has out "drop-ins: none read"
check "the option keeps its default" lacks out "= false"
printf '[pipeline]\nplugins = listed\ndrop-ins = yes\n[plugin percentage]\n' >"$tmp/with.pipeline"
check "-c with drop-ins = yes" status_is 0 -c "$tmp/with.pipeline" --list-plugins
check "reads the drop-ins" has out "= false  ($user/percentage.pipeline:2)"
rm "$user/percentage.pipeline"

# Did you mean.
printf '[pipeline]\nplugins = listed\n[plugin percentge]\n' >"$tmp/typo.pipeline"
check "an unknown plugin" status_is 2 -c "$tmp/typo.pipeline" "$seed"
check "suggests the plugin" has err "typo.pipeline:3: no plugin named 'percentge'"
check "suggests the plugin's name" has err "did you mean 'percentage'?"
printf '[pipeline]\nplugins = listed\n[plugin percentage]\nrange = false\n' >"$tmp/option.pipeline"
check "an unknown option" status_is 2 -c "$tmp/option.pipeline" "$seed"
check "suggests the option" has err "option.pipeline:4: plugin 'percentage' has no option 'range' (its options: ranges, words, match-limit, heap-limit); did you mean 'ranges'?"
printf '[pipeline]\nPlugins = listed\n' >"$tmp/key.pipeline"
check "a key in capitals" status_is 2 -c "$tmp/key.pipeline" "$seed"
check "suggests the key" has err "key.pipeline:2: unknown key 'Plugins' in [pipeline]"
check "says keys are case-sensitive" has err "(keys are case-sensitive); did you mean 'plugins'?"
check "check-plugin suggests too" status_is 1 check-plugin percentag
check "check-plugin's suggestion" has out "did you mean 'percentage'?"

# A pipeline that runs no plugin: a warning, the run goes on.
printf '[pipeline]\nplugins = listed\n' >"$tmp/empty.pipeline"
check "no plugin: still runs" status_is 0 -c "$tmp/empty.pipeline" "$seed"
check "no plugin: a warning" has err "warning: $tmp/empty.pipeline: this pipeline runs no plugin, so no fact will be found"
check "no plugin: and the fix" has err "add one, or set plugins = all in [pipeline]"
check "a pipeline with plugins: no warning" status_is 0 -c "$tmp/plain.pipeline" "$seed"
check "no warning" lacks err "warning"
finish
