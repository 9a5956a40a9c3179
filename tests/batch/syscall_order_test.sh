#!/usr/bin/env bash
# Durable commits, seen from the kernel (docs/RELIABILITY.md, Durability):
# under strace every output file of -o DIR/ is fsynced under its temporary
# name, then renamed into place, then its folder is fsynced, then the
# journal write that lists it is made, and then the journal is fsynced.
# Files are committed in groups by a committer thread with a few sync
# threads (core/batch/batch_commit.c), so the rule is checked across
# threads: each call is placed in time by strace (-ttt: its start, -T: its
# duration), and "A < B" means A returned before B was entered.  Renames
# are relative to folder descriptors (-y shows their paths); the journal's
# writes are read whole (-s) to find the one with each file's source.
# Skipped when ptrace is not permitted.
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
check "traced run" status_is 0 "$STRACE" -ff -y -qq -ttt -T -s 65536 -o "$tmp/trace" \
  -e trace=openat,fsync,fdatasync,rename,renameat,renameat2,write,writev \
  "$FACTPIPE" -c "$pipeline" -j2 -o "$tmp/out/" "$tmp/corpus"

# order_ok TRACE_PREFIX OUT CORPUS: prints the commits checked; fails on the
# first one out of order.
order_ok() {
  "$PYTHON" - "$1" "$2" "$3" <<'PY'
import glob, re, sys, os
prefix, out, corpus = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
call = re.compile(r'^(\d+\.\d+) (\w+)\((.*)\)\s+= (-?\d+)(?: [A-Z]+ \([^)]*\))? <(\d+\.\d+)>$')
fdpath = re.compile(r'^-?\d+<(.*)>$')
def arg_paths(args):
    """the path arguments of a rename call: fd<dir>, "name" pairs or "path" strings"""
    parts = re.findall(r'(-?\d+<[^>]*>|AT_FDCWD|"[^"]*")', args)
    paths, folder = [], None
    for p in parts:
        m = fdpath.match(p)
        if m:
            folder = m.group(1)
        elif p == "AT_FDCWD":
            folder = os.getcwd()
        else:
            name = p[1:-1]
            paths.append(name if name.startswith("/") or folder is None else os.path.join(folder, name))
            folder = None
    return [os.path.realpath(p) for p in paths]
syncs, renames, writes = [], [], []  # (start, end, path) / (start, end, tmp, final) / (start, end, text)
for trace in glob.glob(prefix + ".*"):
    for line in open(trace, encoding="utf-8", errors="replace"):
        m = call.match(line.strip())
        if not m or m.group(4).startswith("-"):
            continue
        start, name, args, took = float(m.group(1)), m.group(2), m.group(3), float(m.group(5))
        if name not in ("write", "writev") and m.group(4) != "0":
            continue
        if name in ("fsync", "fdatasync"):
            fd = fdpath.match(args)
            if fd:
                syncs.append((start, start + took, os.path.realpath(fd.group(1))))
        elif name in ("write", "writev") and "factpipe-journal.tsv>" in args.split(",")[0]:
            writes.append((start, start + took, args))
        elif name in ("rename", "renameat", "renameat2"):
            paths = arg_paths(args)
            if len(paths) == 2:
                renames.append((start, start + took, paths[0], paths[1]))
journal = os.path.join(out, "factpipe-journal.tsv")
commits = 0
for r_start, r_end, tmp, final in sorted(renames):
    if not final.startswith(out + "/"):
        continue
    folder = os.path.dirname(final)
    if not any(end < r_start and p == tmp for _, end, p in syncs):
        sys.exit(f"{final}: renamed before its temporary {tmp} was fsynced")
    after = sorted((s, e) for s, e, p in syncs if s > r_end and p == folder)
    if not after:
        sys.exit(f"{final}: its folder {folder} was not fsynced after the rename")
    if final.endswith(".xml"):
        # the journal write that lists the file (its source, a field of
        # its own), after its folder's fsync, then a journal fsync after
        # that write
        source = os.path.join(corpus, os.path.relpath(final, out)[:-len(".xml")])
        listing = [(s, e) for s, e, text in writes if "\\t" + source + "\\t" in text]
        if len(listing) != 1:
            sys.exit(f"{final}: {len(listing)} journal writes list it, not one")
        w_start, w_end = listing[0]
        if not w_start > after[0][1]:
            sys.exit(f"{final}: listed in the journal before its folder's fsync returned")
        if not any(s > w_end and p == journal for s, _, p in syncs):
            sys.exit(f"{final}: no journal fsync after the write that lists it")
    commits += 1
print(f"{commits} commits in order: fsync(tmp) < rename < fsync(folder) < journal write listing it < fsync(journal)")
sys.exit(0 if commits == 9 else f"expected 9 commits (8 documents and the report), saw {commits}")
PY
}
check "fsync(tmp) < rename < fsync(folder) < journal line < fsync(journal) for every file" \
  order_ok "$tmp/trace" "$tmp/out" "$tmp/corpus"

finish
