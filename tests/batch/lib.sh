# Shared by the batch tests: checks that count, a corpus, pipelines.
# shellcheck shell=bash
: "${FACTPIPE:?}" "${XMLLINT:?}" "${SOURCE_DIR:?}"
cd "$SOURCE_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
status_is() { # status_is WANT COMMAND...: stdout/stderr kept in $tmp/stdout, $tmp/stderr
  local want=$1; shift
  "$@" > "$tmp/stdout" 2> "$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want: $*"; head -5 "$tmp/stderr"; return 1; }
}
stderr_has() { grep -qF -- "$1" "$tmp/stderr" || { echo "stderr lacks '$1':"; head -5 "$tmp/stderr"; return 1; }; }
file_has() { grep -qF -- "$2" "$1" || { echo "$1 lacks '$2'"; return 1; }; }
valid() { "$XMLLINT" --noout --relaxng schema/factpipe.rng "$1" 2>/dev/null || { echo "$1 invalid"; return 1; }; }
same_tree() { # same_tree A B: identical files, journals aside
  diff -r -x factpipe-journal.tsv "$1" "$2" > "$tmp/tree.diff" || { head -5 "$tmp/tree.diff"; return 1; }
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }

# The percentage plugin alone: the batch tests must not move when other
# extractors change.
pipeline=$tmp/pct.pipeline
printf '[pipeline]\nplugins = listed\n[plugin percentage]\npriority = 20\n' > "$pipeline"
fp() { "$FACTPIPE" -c "$pipeline" "$@"; }

# make_corpus DIR N: N pages (copies of samples/) spread over sub-folders.
make_corpus() {
  local dir=$1 n=$2 i=0
  local pages=(samples/*.html samples/*.txt)
  while [ "$i" -lt "$n" ]; do
    local page=${pages[$((i % ${#pages[@]}))]}
    local sub=$dir/d$((i % 4))
    mkdir -p "$sub"
    cp "$page" "$sub/$(printf '%03d' "$i")-$(basename "$page")"
    i=$((i + 1))
  done
}
