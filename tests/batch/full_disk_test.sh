#!/usr/bin/env bash
# A full output device (docs/RELIABILITY.md, Durability): -o DIR/ on a 64 KiB tmpfs
# fills up after a few documents.  The batch must stop with exit status 4,
# leave no partial or temporary file, keep a journal that lists exactly the
# files in place, and a later --resume (after moving the folder to a bigger
# disk, or after remounting it bigger) must finish a tree byte-identical to
# an uninterrupted run.  Needs mount (root, as in CI); skipped otherwise.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

mnt=$tmp/small
mkdir "$mnt"
if ! mount -t tmpfs -o size=64k tmpfs "$mnt" 2> "$tmp/mount.err"; then
  echo "SKIP: cannot mount a small tmpfs to fill ($(head -1 "$tmp/mount.err")); run as root"
  exit 77
fi
trap 'umount "$mnt" 2> /dev/null; rm -rf "$tmp"' EXIT

docs=40
make_corpus "$tmp/corpus" "$docs"
check "reference run" status_is 0 fp -j2 -o "$tmp/ref/" "$tmp/corpus"

# temporaries DIR: what factpipe writes before renaming (its temporaries
# folder, and the names it used before it had one)
temporaries() { find "$1" -name '.*.tmp.*' -o -path '*/.factpipe-tmp*' -o -name '.factpipe-tmp.*'; }
# consistent FOLDER: no temporaries; every .xml equals the reference; the
# journal has whole lines only, one per file in place.
consistent() {
  local dir=$1 files lines
  [ -z "$(temporaries "$dir")" ] || { echo "temporaries left in $dir"; return 1; }
  files=$(cd "$dir" && find . -name '*.xml' | sort)
  for f in $files; do
    cmp -s "$dir/$f" "$tmp/ref/$f" || { echo "$f differs from the reference"; return 1; }
  done
  lines=$(wc -l < "$dir/factpipe-journal.tsv")
  [ "$lines" -eq "$(echo "$files" | grep -c .)" ] || { echo "$lines journal lines for $(echo "$files" | grep -c .) files"; return 1; }
  [ ! -s "$dir/factpipe-journal.tsv" ] || [ "$(tail -c 1 "$dir/factpipe-journal.tsv" | od -An -c | tr -d ' ')" = '\n' ] || { echo "torn journal line"; return 1; }
  for src in $(cut -f5 "$dir/factpipe-journal.tsv"); do
    rel=${src#"$tmp/corpus/"}
    [ -f "$dir/$rel.xml" ] || { echo "journal lists $src but $rel.xml is missing"; return 1; }
  done
}
written() { find "$1" -name '*.xml' | wc -l; }

check "full device: exit 4" status_is 4 fp -j2 -o "$mnt/out/" "$tmp/corpus"
check "names the cause" stderr_has "No space left on device"
check "says what to do" stderr_has "run again (with -o DIR/, --resume"
check "stopped part-way" test "$(written "$mnt/out")" -gt 0 -a "$(written "$mnt/out")" -lt "$docs"
check "nothing partial, journal consistent" consistent "$mnt/out"
before=$(written "$mnt/out")

check "resume on a still-full device: exit 4 again" status_is 4 fp -j2 --resume -o "$mnt/out/" "$tmp/corpus"
check "still consistent" consistent "$mnt/out"
check "combined output on a full device: exit 4" status_is 4 fp -j2 -o "$mnt/all.xml" "$tmp/corpus"
check "no combined file, no temporary" test -z "$(find "$mnt" -maxdepth 1 -name '*all.xml*' -o -maxdepth 1 -name '.factpipe-tmp.*')"

# Moved to a bigger disk, the folder resumes there...
cp -a "$mnt/out" "$tmp/moved"
check "resume after moving" status_is 0 fp -j2 --resume --progress -o "$tmp/moved/" "$tmp/corpus"
check "only the missing ones done" stderr_has "$((docs - before)) documents (0 failed, $before already done before --resume)"
check "moved tree equals the uninterrupted one" same_tree "$tmp/ref" "$tmp/moved"

# ...and in place once the device has room.
check "remount bigger" mount -o remount,size=16m "$mnt"
check "resume after remount" status_is 0 fp -j2 --resume -o "$mnt/out/" "$tmp/corpus"
check "remounted tree equals the uninterrupted one" same_tree "$tmp/ref" "$mnt/out"
check "no temporaries at the end" test -z "$(temporaries "$mnt")"
check "journal: every document once" test "$(wc -l < "$mnt/out/factpipe-journal.tsv")" -eq "$docs"

finish
