#!/usr/bin/env python3
"""option_examples_test.py FACTPIPE: the examples a plugin's lexicon option
gives in its description (`factpipe --list-plugins`), such as "(ngày: day,
sáng: cue, ...)", are lines of the lexicon that option reads by default,
written in its one format, `PHRASE: VALUE` (docs/PLUGINS.md, "Lexicon
files").  A user copies them into a lexicon of their own: an example in an
older form ("sáng = cue", "nghìn 1000") or naming an entry the file does
not hold would be refused or find nothing."""
import re
import subprocess
import sys

OPTION = re.compile(r"^    (?P<name>[a-z][a-z0-9-]*) +path +default +\S+ (?P<description>.*)$")
RESOLVED = re.compile(r"^ += (?P<path>/\S+)  \(the default\)$")
# An example with a value: a phrase, ':' or '=', a value; quoted words or
# brackets mean it is prose ("nguyễn: \"88 nguyễn văn linh\" is an address").
EXAMPLE = re.compile(r"^(?P<phrase>[^:=\"()]+?) *(?P<sep>:|=) *(?P<value>[^:=\"()]+)$")


def normalized(text):
    return " ".join(text.split()).casefold()


def lexicon_lines(path):
    lines = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = re.sub(r"(^|\s)#.*", "", line)
            if line.strip():
                lines.add(normalized(line))
    return lines


def main():
    listing = subprocess.run([sys.argv[1], "--list-plugins"], check=True,
                             capture_output=True, text=True).stdout.splitlines()
    problems, checked = [], 0
    for i, line in enumerate(listing):
        option = OPTION.match(line)
        resolved = RESOLVED.match(listing[i + 1]) if option and i + 1 < len(listing) else None
        if not resolved:
            continue
        examples = re.search(r"\(([^()]*)\)", option["description"])
        if not examples:
            continue
        lines = lexicon_lines(resolved["path"])
        for item in re.split(r",| \.\.\. ", examples.group(1)):
            example = EXAMPLE.match(item.strip(" .…"))
            if not example:
                continue
            checked += 1
            entry = f"{example['phrase']}: {example['value']}"
            if example["sep"] != ":":
                problems.append(f"option {option['name']}: example '{item.strip()}' is not in "
                                f"the lexicon format 'PHRASE: VALUE' ('{entry}')")
            elif normalized(entry) not in lines:
                problems.append(f"option {option['name']}: example '{entry}' is no line "
                                f"of {resolved['path']}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not checked:
        print("no option description gives a 'PHRASE: VALUE' example: the listing changed?",
              file=sys.stderr)
        return 1
    print(f"{checked} examples in lexicon option descriptions checked, {len(problems)} wrong")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
