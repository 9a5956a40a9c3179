#!/usr/bin/env python3
"""Every stage grows linearly with its input (issue 10 item 9).

For each case (one per plugin, run alone, and one per core stage: text
lines, HTML elements, entities, a long text line, windows-1258 and UTF-16
decoding, NFD normalisation, many facts to merge and write, archive
members; the jsonl, html and text formats), an input of size N is made larger until one run of
`factpipe -j1` takes at least MIN_SECONDS of CPU time, then the input of
size 2N is run: its CPU time may be at most LIMIT times that of N.  A
linear stage gives about 2, a quadratic one 4.  CPU time (user + system)
of factpipe and its workers (getrusage of the children) is used, not wall
time, so a loaded machine does not stretch it; system time counts because
a buffer grown a few bytes at a time costs mostly there (glibc's realloc
moves big blocks with mremap: the XML writer's buffer did so, quadratic
in the facts of a document, until it was made to double).  Each size is
run RUNS times keeping the least, and a ratio over the limit is measured
once more before it counts.

    scaling_test.py FACTPIPE [CASE...]     (env: SCALING_MIN_SECONDS)
"""
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import io
import unicodedata

LIMIT = 2.5
RUNS = 3
MIN_SECONDS = float(os.environ.get("SCALING_MIN_SECONDS", "0.4"))
MAX_BYTES = 64 << 20      # inputs never grow past this
RUN_TIMEOUT = 300         # one run; a quadratic stage ends the test here


def repeat(unit, n, sep=""):
    return sep.join(unit(i) for i in range(n))


def text(unit):
    """A plain-text input of n units on one line."""
    return lambda n: (repeat(unit, n) + "\n").encode()


def html(body):
    return lambda n: ("<html><head><meta charset=\"utf-8\"><title>t</title></head><body>"
                      + body(n) + "</body></html>").encode()


NFD_UNIT = unicodedata.normalize("NFD", "Tỷ lệ đạt được ")

# name: (pipeline plugins, input extension, maker of n units, n to start from)
CASES = {
    "percentage": (["percentage"], "txt", text(lambda i: f"Tỷ lệ {i % 97},{i % 9}%, "), 2000),
    "count": (["count"], "txt", text(lambda i: f"có {i % 900 + 100} đảng viên, "), 2000),
    "date": (["date"], "txt", text(lambda i: f"ngày {i % 28 + 1}/{i % 12 + 1}/2019, "), 2000),
    "official": (["official"], "txt",
                 text(lambda i: "Đồng chí Lê Thị Mỹ Hạnh, Thành ủy viên, Bí thư Quận ủy, "), 1000),
    "docref": (["docref"], "txt",
               text(lambda i: f"Quyết định số {i}/QĐ-UBND ngày 1/1/2019, "), 2000),
    "text-lines": ([], "txt",
                   lambda n: repeat(lambda i: f"Dòng {i}: nội dung không có số liệu.\n", n).encode(),
                   4000),
    "html-elements": ([], "html",
                      html(lambda n: repeat(lambda i: f"<div class=\"c{i}\"><p>Đoạn <b>{i}</b>"
                                                      f" <a href=\"/x{i}\">liên kết</a>.</p></div>\n", n)),
                      2000),
    "html-entities": ([], "html", html(lambda n: "<p>" + "a &amp; b &#7899; " * n + "</p>"), 4000),
    "html-long-line": ([], "html", html(lambda n: "<p>" + "chữ " * n + "</p>"), 20000),
    "windows-1258": ([], "txt",
                     lambda n: ("Tỷ lệ đạt được cao. " * n + "\n").encode("cp1258", "ignore"), 4000),
    "utf-16": ([], "txt",
               lambda n: ("Tỷ lệ đạt được cao.\n" * n).encode("utf-16"), 4000),
    "nfd": ([], "txt", lambda n: (NFD_UNIT * n + "\n").encode(), 4000),
    "merge-and-write": (["percentage", "count", "date", "docref", "official"], "txt",
                        text(lambda i: f"Quyết định số {i}/QĐ-UBND ngày 1/1/2019 có "
                                       f"{i % 900 + 100} đảng viên, tỷ lệ {i % 97}%. "), 500),
}
# The other output formats, on the input of merge-and-write.
for _fmt in ("jsonl", "html", "text"):
    CASES["write-" + _fmt] = CASES["merge-and-write"] + (["--format", _fmt],)
ARCHIVE_CASE = "archive-members"
PAGE = "Tỷ lệ 21,1% của 203 đảng viên ngày 5/10/2018.\n".encode()


def pipeline(folder, plugins):
    path = os.path.join(folder, "p-" + "-".join(plugins or ["none"]) + ".pipeline")
    with open(path, "w") as f:
        f.write("[pipeline]\nplugins = listed\n")
        for p in plugins:
            f.write(f"[plugin {p}]\n")
    return path


def make_input(folder, case, n):
    if case == ARCHIVE_CASE:
        path = os.path.join(folder, f"{case}-{n}.tar")
        with tarfile.open(path, "w") as t:
            for i in range(n):
                info = tarfile.TarInfo(f"p/{i:07d}.txt")
                info.size = len(PAGE)
                t.addfile(info, io.BytesIO(PAGE))
        return path, os.path.getsize(path)
    ext, maker = CASES[case][1], CASES[case][2]
    data = maker(n)
    path = os.path.join(folder, f"{case}-{n}.{ext}")
    with open(path, "wb") as f:
        f.write(data)
    return path, len(data)


def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=RUN_TIMEOUT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"exit {proc.returncode}: {' '.join(cmd)}\n"
                           + proc.stderr.decode(errors="replace")[:500])
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def least_cpu(cmd, runs=RUNS):
    return min(cpu_seconds(cmd) for _ in range(runs))


def measure(factpipe, folder, case):
    plugins = ["percentage"] if case == ARCHIVE_CASE else CASES[case][0]
    n = 500 if case == ARCHIVE_CASE else CASES[case][3]
    extra = CASES[case][4] if case in CASES and len(CASES[case]) > 4 else []
    cmd = [factpipe, "-j1", "--keep-chrome", "--timeout", str(RUN_TIMEOUT),
           "--max-input-size", str(1 << 30), "-c", pipeline(folder, plugins)] + extra
    while True:
        path, size = make_input(folder, case, n)
        t1 = least_cpu(cmd + [path], 1)
        os.unlink(path)
        if t1 >= MIN_SECONDS or size * 4 > MAX_BYTES:
            break
        n *= 2 if t1 > MIN_SECONDS / 4 else 4
    path2, size2 = make_input(folder, case, 2 * n)
    path1, size1 = make_input(folder, case, n)
    ratio = None
    for _ in range(2):  # a ratio over the limit is measured again
        t1 = least_cpu(cmd + [path1])
        t2 = least_cpu(cmd + [path2])
        ratio = t2 / max(t1, 1e-3)
        if ratio <= LIMIT:
            break
    os.unlink(path1)
    os.unlink(path2)
    return n, size1, t1, t2, ratio


def main():
    factpipe = sys.argv[1]
    cases = sys.argv[2:] or list(CASES) + [ARCHIVE_CASE]
    failed = []
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'case':18}{'N':>9}{'bytes':>12}{'cpu N':>9}{'cpu 2N':>9}{'ratio':>7}")
        for case in cases:
            try:
                n, size, t1, t2, ratio = measure(factpipe, folder, case)
            except subprocess.TimeoutExpired:
                print(f"{case:18} a run took over {RUN_TIMEOUT} s")
                failed.append(case)
                continue
            verdict = "" if ratio <= LIMIT else f"   over {LIMIT}: not linear"
            print(f"{case:18}{n:9}{size:12}{t1:9.2f}{t2:9.2f}{ratio:7.2f}{verdict}", flush=True)
            if ratio > LIMIT:
                failed.append(case)
    if failed:
        print("not linear: " + ", ".join(failed))
        return 1
    print(f"every case within {LIMIT}x for twice the input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
