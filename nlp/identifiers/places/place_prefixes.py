"""A place's first word that says where or how big it is, kept with the place (issue 20,
thirtieth round).

English and Scottish places are often two words, a compass or size word and a name: "North
Ormesby", "Little Hulton", "Great Ayton", "Upper Tysoe", "South Uist". The name alone is often
found (a listed place, or a capitalised word guessed as a person), the first word not, so the
span covers too little of the place to hide it. Every writer marks such places whole (fifteen
sets). Here a one-word place or guessed person right after a capitalised compass or size word
on its line is widened over it and becomes a place: nobody's given name follows "North" or
"Little", so a guessed person who is a known first name ("Old Tom") is left. A finding of more
than one word ("Little Tom Smith") and a word after a title ("Mrs North Ormesby" is not
written) are left.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

PREFIX_BEFORE = re.compile(
    r"(?<![\w'’-])(?:North|South|East|West|Upper|Lower|Little|Great|Nether|Far|Old|New)[ \t]+$"
)
# Thirty-eighth round: in lower-case writing ("anyone in south manchester", "we're east
# london"), a compass word before a place found in lower case is the place's too; only the
# four points, since "new", "old", "little" and "great" are everyday words there.
LOWER_COMPASS_BEFORE = re.compile(r"(?<![\w'’-])(?:north|south|east|west)[ \t]+$")
TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord)\.?[ \t]+$")


def with_place_prefixes(text: str, found: list[Finding]) -> list[Finding]:
    """ "in North [Ormesby]" -> "in [North Ormesby]", a place."""
    out: list[Finding] = []
    # "Old Tom", "Great Sarah": a name the older lists hold stays a person; the rarer
    # registered names ("North Tyne", "Upper Aspen") do not outweigh the compass word.
    first_names = gazetteer().older_first_names
    ends = sorted(f.end for f in found)
    for f in found:
        value = text[f.start : f.end]
        if f.label in ("LOCATION", "ADDRESS") and value.islower() and " " not in value:
            line_start = text.rfind("\n", 0, f.start) + 1
            m = LOWER_COMPASS_BEFORE.search(text, max(line_start, f.start - 8), f.start)
            if m and not any(m.start() < e <= f.start for e in ends):
                out.append(Finding(m.start(), f.end, "LOCATION", f.score, f.source))
                continue
        if (
            f.label not in ("PERSON", "LOCATION")
            or not value[:1].isupper()
            or " " in value
            or (f.label == "PERSON" and value.lower() in first_names)
        ):
            out.append(f)
            continue
        line_start = text.rfind("\n", 0, f.start) + 1
        m = PREFIX_BEFORE.search(text, line_start, f.start)
        if (
            not m
            or TITLE_BEFORE.search(text, line_start, m.start())
            or any(m.start() < e <= f.start for e in ends)
        ):
            out.append(f)
            continue
        out.append(Finding(m.start(), f.end, "LOCATION", f.score, f.source))
    return out
