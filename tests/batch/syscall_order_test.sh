#!/usr/bin/env bash
# Durable commits, seen from the kernel (docs/RELIABILITY.md, Durability): under
# strace every output file of -o DIR/ is fsynced under its temporary name,
# then renamed into place, then its folder is fsynced, and only then is its
# journal line fsynced.  Skipped when ptrace is not permitted.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
: "${STRACE:?}" "${PYTHON:?}"

make_corpus "$tmp/corpus" 8
if ! "$STRACE" -o /dev/null true 2> "$tmp/strace.err"; then
  echo "SKIP: strace cannot trace here ($(head -1 "$tmp/strace.err"))"
  exit 77
fi
# -ff: one trace per process, so no call is split around another's.
# LeakSanitizer cannot run under ptrace: an ASan build checks leaks elsewhere.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
check "traced run" status_is 0 "$STRACE" -ff -y -qq -o "$tmp/trace" \
  -e trace=openat,fsync,fdatasync,rename,renameat,renameat2 \
  "$FACTPIPE" -c "$pipeline" -j2 -o "$tmp/out/" "$tmp/corpus"

# order_ok TRACE_PREFIX OUT: prints the commits checked; fails on the first
# one out of order.
order_ok() {
  "$PYTHON" - "$1" "$2" <<'PY'
import glob, re, sys, os
prefix, out = sys.argv[1], os.path.realpath(sys.argv[2])
sync = re.compile(r"f(?:data)?sync\(\d+<([^>]*)>\)\s+=\s+0")
ren = re.compile(r'rename(?:at2?)?\((?:[^,]*, )?"([^"]*)", (?:[^,]*, )?"([^"]*)"')
commits = 0
for trace in glob.glob(prefix + ".*"):
    lines = open(trace, encoding="utf-8", errors="replace").read().splitlines()
    synced = [(i, m.group(1)) for i, l in enumerate(lines) for m in [sync.search(l)] if m]
    for i, l in enumerate(lines):
        m = ren.search(l)
        if not m or not l.rstrip().endswith("= 0"):
            continue
        tmp, final = os.path.realpath(m.group(1)), os.path.realpath(m.group(2))
        if not final.startswith(out + "/"):
            continue
        folder = os.path.dirname(final)
        journal = os.path.join(out, "factpipe-journal.tsv")
        if not any(p == tmp for j, p in synced if j < i):
            sys.exit(f"{final}: renamed before its temporary {tmp} was fsynced")
        after = [j for j, p in synced if j > i and p == folder]
        if not after:
            sys.exit(f"{final}: its folder {folder} was not fsynced after the rename")
        if final.endswith(".xml") and not any(j > after[0] and p == journal for j, p in synced):
            sys.exit(f"{final}: no journal fsync after its folder's fsync")
        commits += 1
print(f"{commits} commits in order: fsync(tmp) < rename < fsync(folder) < fsync(journal)")
sys.exit(0 if commits == 9 else f"expected 9 commits (8 documents and the report), saw {commits}")
PY
}
check "fsync(tmp) < rename < fsync(folder) for every file" order_ok "$tmp/trace" "$tmp/out"

finish
