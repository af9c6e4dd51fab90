#!/usr/bin/env python3
"""The baseline `beslut check` is measured against: fold diacritics and find
the section headings in every file with one regular expression.

    python3 tools/heading_scan.py DIR...

Prints `path:count` for every file, like `rg -c`, and a total on stderr.
Single-threaded, standard library only: what an archivist would write in an
afternoon. The headings are the ones in the domain notes' table, folded
(å, ä → a; ö → o; é → e), matched at the start of a line in any case,
optionally followed by a colon.
"""
import os
import re
import sys

HEADINGS = [
    r"forslag till beslut(?: i \w+)?",
    r"\w+s forslag till (?:beslut|kommunfullmaktige|kommunstyrelsen)",
    r"ordforandens forslag till beslut",
    r"beslut",
    r"\w+s beslut",
    r"sammanfattning(?: av arendet)?",
    r"beskrivning av arendet",
    r"arendebeskrivning",
    r"arendet(?: i korthet)?",
    r"bakgrund",
    r"\w+s bedomning",
    r"bedomning",
    r"forvaltningens overvaganden",
    r"overvaganden",
    r"ekonomiska konsekvenser",
    r"ekonomisk bedomning",
    r"sociala eller miljomassiga konsekvenser",
    r"sociala konsekvenser",
    r"miljomassiga konsekvenser",
    r"juridiska konsekvenser",
    r"styrdokument och juridik",
    r"barnkonsekvensanalys",
    r"barnperspektiv",
    r"konsekvenser for barn",
    r"beslutsunderlag",
    r"bilagor?",
    r"ansvariga tjanstepersoner",
    r"sandlista",
    r"beslutet skickas till",
    r"beslut sands till",
    r"expedieras till",
    r"expediering",
    r"delges",
]
PATTERN = re.compile(
    r"^[ \t]*(?:" + "|".join(HEADINGS) + r")[ \t]*:?[ \t]*\r?$", re.MULTILINE
)
FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeaaoe")


def rg_pattern():
    """The same headings for `rg -i`, which does not fold: each folded
    letter becomes the class of the letters it stands for."""
    classes = {"a": "[aåä]", "o": "[oö]", "e": "[eé]"}
    alts = ["".join(classes.get(c, c) for c in h) for h in HEADINGS]
    # `\w` inside a class would be mangled above; the patterns have none.
    return r"^[ \t]*(?:" + "|".join(alts) + r")[ \t]*:?[ \t]*\r?$"


def scan(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    return len(PATTERN.findall(text.translate(FOLD).lower()))


def main(roots):
    total = files = 0
    out = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                n = scan(path)
                files += 1
                total += n
                out.append(f"{path}:{n}")
    sys.stdout.write("\n".join(out) + "\n")
    print(f"{files} files, {total} headings", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] == ["--rg-pattern"]:
        print(rg_pattern())
    else:
        main(sys.argv[1:] or ["."])
