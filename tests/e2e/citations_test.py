"""The project is self-contained: code, configuration and docs cite the
project's own docs/GUIDELINE.md and docs/RELIABILITY.md, not identifiers of
documents the repository does not hold (FACTS.md, "RELIABILITY R13", "M6"),
and every "docs/GUIDELINE.md, <Section>" names a "## " heading of the file
(a citation of the whole file has no comma after the name)."""
import os
import re
import sys

ROOT = sys.argv[1]
PLACES = ["core", "config", "include", "plugins", "docs", "README.md", "cmake",
          "CMakeLists.txt", "tests", "bench"]
SKIP_DIRS = {"tools", "vtb", "corpus", ".git"}  # tests/tools: copies, credited as such
FOREIGN = re.compile(r"FACTS\.md|RELIABILITY(\.md)? *[RMT][0-9]+|\((?:[RMT][0-9]+)(?:, *[RMT][0-9]+)*\)")
CITATION = re.compile(r"docs/(GUIDELINE|RELIABILITY)\.md, \"?([^,.;:()\"\n]*)")


def files():
    for place in PLACES:
        path = os.path.join(ROOT, place)
        if os.path.isfile(path):
            yield path
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            for name in names:
                if not name.startswith("citations_test"):
                    yield os.path.join(folder, name)


def headings(doc):
    with open(os.path.join(ROOT, "docs", doc + ".md"), encoding="utf-8") as f:
        return [line[3:].strip() for line in f if line.startswith("## ")]


sections = {doc: headings(doc) for doc in ("GUIDELINE", "RELIABILITY")}
problems = []
for path in files():
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        continue
    rel = os.path.relpath(path, ROOT)
    for no, line in enumerate(text.splitlines(), 1):
        if FOREIGN.search(line):
            problems.append(f"{rel}:{no}: cites a document outside the repository: {line.strip()}")
        for m in CITATION.finditer(line):
            words = m.group(2).split()
            ok = any(" ".join(words[:n]) in sections[m.group(1)] for n in range(1, len(words) + 1))
            if not ok:
                problems.append(f"{rel}:{no}: no section of docs/{m.group(1)}.md starts "
                                f"\"{m.group(2).strip()}\"")
for p in problems:
    print(p, file=sys.stderr)
if problems:
    sys.exit(1)
print("every citation is of the project's own docs, and names a section they have")
