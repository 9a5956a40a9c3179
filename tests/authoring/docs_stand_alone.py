"""The plugin author's installed documents stand alone: PLUGINS.md, the
pipeline file manual page and the files `factpipe new-plugin` writes name
no path of factpipe's source tree (plugins/percentage/, tests/...,
docs/...), since a package user has none of it; their links to other
documents are to documents installed beside them.  (That the examples they
name are installed is checked on an install, by new_plugin_e2e_test.sh.)"""
import glob
import os
import re
import sys

ROOT = sys.argv[1]
DOCS = ["docs/PLUGINS.md", "docs/factpipe-pipeline.5", "config/pipeline.d/README"] + sorted(
    os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "config/new-plugin/*.in")))
# A source-tree folder at the start of a path; a path inside an installed
# or a build folder (lib/factpipe/plugins/, <build>/plugins/) is preceded
# by '/' and is fine.
SOURCE_PATH = re.compile(
    r"(?<![\w/<>.@-])(?:tests|core|config|docs|contrib|samples|bench|cmake|schema|plugins)/")
LINK = re.compile(r"\]\(([^)#]+)(?:#[^)]*)?\)")

with open(os.path.join(ROOT, "cmake/FactpipeInstall.cmake"), encoding="utf-8") as f:
    install_rules = f.read()

problems = []
for rel in DOCS:
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            if line.startswith('.\\"'):  # a roff comment: for maintainers, never shown
                continue
            for m in SOURCE_PATH.finditer(line):
                problems.append(f"{rel}:{no}: names a path of the source tree "
                                f"('{line[m.start():].split()[0]}'), which an install does not have")
            for target in LINK.findall(line):
                if re.match(r"[a-z]+://", target):
                    continue
                installed = f'"${{PROJECT_SOURCE_DIR}}/docs/{target}"' in install_rules
                if not installed or not os.path.exists(os.path.join(ROOT, "docs", target)):
                    problems.append(f"{rel}:{no}: links {target}, which is not a document "
                                    "installed beside it (docs/, FactpipeInstall.cmake)")
for p in problems:
    print(p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"{len(DOCS)} documents name no source-tree path, and link installed documents only")
