#!/usr/bin/env python3
"""The property of -o DIR/ naming (issue 10): for random sets of inputs —
folders of files and tar archives whose names hold dots, slashes, "..",
long runs, duplicates, control bytes and invalid UTF-8 — every document
gets its own output file under DIR or a failure of its own, no two
documents share a file, and nothing outside DIR changes: a canary tree
beside it, and links planted inside DIR that point into the canary.
Then --resume finds everything done.  Seeds 1..N (ROUNDS, default 12; 6
under ASan)."""

import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile

FACTPIPE = os.environ["FACTPIPE"]
# an ASan build starts each run ten times slower: fewer seeds there
ROUNDS = int(os.environ.get("ROUNDS", "6" if os.environ.get("FP_SANITIZE") == "1" else "12"))
PIPELINE = "[pipeline]\nplugins = listed\n[plugin percentage]\npriority = 20\n"

ODD = ["\t", "\n", "\r", "\x1b", "%", "%41", "%~", "\\", " ", "~", ":", "'", '"', "\x7f",
       "ệ", "Tỷ", "\udcff", "\udc80"]  # the last two: invalid UTF-8 bytes


def component(rng):
    kind = rng.random()
    if kind < 0.08:
        return ".."
    if kind < 0.12:
        return "."
    if kind < 0.16:
        return ""
    if kind < 0.22:
        return rng.choice(["factpipe-journal.tsv", "factpipe-report.tsv", ".factpipe-tmp",
                           "x.html.xml", "x.html%2Exml", "a.xml"])
    if kind < 0.30:
        return rng.choice("abcLM") * rng.randint(200, 300)  # around NAME_MAX
    parts = [rng.choice(["a", "b", "x", "index", "."]) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        parts.insert(rng.randint(0, len(parts)), rng.choice(ODD))
    return "".join(parts)


def member_name(rng):
    parts = [component(rng) for _ in range(rng.randint(0, 3))]
    leaf = rng.choice(["a", "x", "index", "L" * rng.randint(240, 260), component(rng)])
    name = "/".join(parts + [leaf + rng.choice([".html", ".txt", ".htm"])])
    if rng.random() < 0.1:
        name = "/" + name
    return name


def disk_name(rng):
    """a file or folder name the file system takes (no '/', not . or ..,
    at most 255 bytes; a leading dot hides it from folder walks)"""
    while True:
        c = component(rng)
        b = c.encode("utf-8", "surrogateescape")
        if c not in ("", ".", "..") and "/" not in c and len(b) <= 240 and not c.startswith("."):
            return c


def page(n):
    return f"Tỷ lệ {n}%.\n".encode()


def tree_sum(root):
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in sorted(os.walk(os.fsencode(root))):
        dirnames.sort()
        for name in sorted(filenames) + dirnames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            h.update(p + b" %o %d\n" % (st.st_mode, st.st_size))
            if os.path.islink(p):
                h.update(os.readlink(p))
            elif os.path.isfile(p):
                h.update(open(p, "rb").read())
    return h.hexdigest()


def unescape(field):
    out, i = bytearray(), 0
    while i < len(field):
        c = field[i]
        if c == 0x5C and i + 1 < len(field):
            n = field[i + 1]
            if n == ord("x"):
                out.append(int(field[i + 2:i + 4], 16))
                i += 4
                continue
            out.append({ord("t"): 9, ord("n"): 10, ord("r"): 13}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def one_round(seed, work):
    rng = random.Random(seed)
    base = os.path.join(work, f"round{seed}")
    inputs_root = os.path.join(base, "in")
    canary = os.path.join(base, "canary")
    out = os.path.join(base, "out")
    os.makedirs(os.path.join(canary, "deep"))
    open(os.path.join(canary, "f"), "w").write("precious\n")
    open(os.path.join(canary, "deep", "g.html.xml"), "w").write("precious too\n")
    pipeline = os.path.join(base, "p.pipeline")
    open(pipeline, "w").write(PIPELINE)

    documents = 0
    inputs = []
    serial = 0
    # folders of files, some with the same relative names
    for f in range(rng.randint(1, 3)):
        root = os.path.join(inputs_root, f"dir{f}")
        os.makedirs(root)
        inputs.append(root)
        for _ in range(rng.randint(1, 6)):
            rel = [disk_name(rng) for _ in range(rng.randint(0, 2))]
            leaf = disk_name(rng)[:200] + rng.choice([".html", ".txt"])
            folder = os.fsencode(os.path.join(root, *rel)) if rel else os.fsencode(root)
            try:
                os.makedirs(folder, exist_ok=True)
                path = os.path.join(folder, os.fsencode(leaf))
                if os.path.exists(path):
                    continue
                serial += 1
                open(path, "wb").write(page(serial))
                documents += 1
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                continue  # a name both a file and a folder: skip it
    # archives, with duplicate members
    for a in range(rng.randint(1, 3)):
        path = os.path.join(inputs_root, f"arch{a}.tar")
        names = [member_name(rng) for _ in range(rng.randint(2, 10))]
        names += rng.sample(names, k=min(2, len(names)))  # duplicates
        with tarfile.open(path, "w", format=tarfile.GNU_FORMAT,
                          encoding="utf-8", errors="surrogateescape") as t:
            for name in names:
                serial += 1
                data = page(serial)
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
                documents += 1
        inputs.append(path)

    # links planted inside OUT, pointing into the canary
    os.makedirs(out)
    for name in ["dir0", "arch0.tar", "a", "x.html.xml"]:
        if rng.random() < 0.3:
            os.symlink(os.path.join("..", "canary"), os.path.join(out, name))
    canary_before = tree_sum(canary)
    inputs_before = tree_sum(inputs_root)

    run = subprocess.run([FACTPIPE, "-c", pipeline, "-j2", "-o", out + "/"] + inputs,
                         capture_output=True)
    fail = []
    if run.returncode not in (0, 1):
        fail.append(f"exit {run.returncode}: {run.stderr.decode(errors='replace')[:400]}")
    if tree_sum(canary) != canary_before:
        fail.append("the canary changed")
    if tree_sum(inputs_root) != inputs_before:
        fail.append("the inputs changed")

    try:
        journal = open(os.path.join(out, "factpipe-journal.tsv"), "rb").read().splitlines()
        report = open(os.path.join(out, "factpipe-report.tsv"), "rb").read().splitlines()[1:]
    except OSError as e:
        return documents, 0, 0, fail + [f"no journal or report: {e}"]
    outputs, failed_in_journal = [], 0
    for line in journal:
        fields = line.split(b"\t")
        if len(fields) != 7:
            fail.append(f"journal line with {len(fields)} fields")
            continue
        outputs.append(unescape(fields[6]))
        failed_in_journal += fields[2] != b"ok"
    if len(set(outputs)) != len(outputs):
        fail.append("two documents share an output file")
    real_out = os.path.realpath(out).encode()
    for rel in outputs:
        p = os.path.join(os.fsencode(out), rel)
        if not os.path.isfile(p) or os.path.islink(p):
            fail.append(f"journal lists {rel!r}, not a file there")
        elif not os.path.realpath(p).startswith(real_out + b"/"):
            fail.append(f"{rel!r} lies outside the output folder")
        if any(len(c) > 255 for c in rel.split(b"/")):
            fail.append(f"{rel!r}: a name over 255 bytes")
    for row in report:
        if len(row.split(b"\t")) != 3:
            fail.append(f"report row without 3 columns: {row!r}")
    # every document: a file listed in the journal, or a failure of its own
    without_file = len(report) - failed_in_journal
    if len(journal) + without_file != documents:
        fail.append(f"{documents} documents, {len(journal)} with a file and {without_file} "
                    f"failed without one")

    again = subprocess.run([FACTPIPE, "-c", pipeline, "-j2", "--resume", "-o", out + "/"]
                           + inputs, capture_output=True)
    # what has a file is done; what failed without one fails again
    if again.returncode != run.returncode:
        fail.append(f"--resume: exit {again.returncode}, the run gave {run.returncode}")
    if open(os.path.join(out, "factpipe-journal.tsv"), "rb").read().splitlines() != journal:
        fail.append("--resume changed the journal")
    if len(open(os.path.join(out, "factpipe-report.tsv"), "rb").read().splitlines()) != \
            len(report) + 1:
        fail.append("--resume reported other failures")
    if tree_sum(canary) != canary_before:
        fail.append("the canary changed on --resume")
    if os.environ.get("VERBOSE"):
        for row in report:
            print("   ", row.split(b"\t")[2][:150])
    return documents, len(journal), without_file, fail


def main():
    work = tempfile.mkdtemp()
    failures = 0
    try:
        for seed in range(1, ROUNDS + 1):
            documents, with_file, without, fail = one_round(seed, work)
            status = "ok" if not fail else "FAIL"
            print(f"seed {seed}: {documents} documents, {with_file} files, "
                  f"{without} failed without a file: {status}")
            for f in fail:
                print(f"  {f}")
            failures += bool(fail)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{ROUNDS - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
