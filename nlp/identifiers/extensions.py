"""A telephone extension written on its own (issue 20, thirty-eighth round).

Letters and discharge summaries sign off with the writer's internal line rather than a whole
number ("Completed by: Dr A. Rowe (FY1), ext. 84471", "Secretary: ext 3391", "please ring
extension 52210"). The phone rules want a whole number, so the extension alone went unmarked,
and it reaches one person's desk. Only the digits are marked, as the writers do; the word
before them is no place or person (nlp/identifiers/record_look_alikes.py).

Look-alikes stay unmarked: "extension" as a building's ("the extension 2019", "a rear
extension of 4 metres"): a year or a number with a unit after it, or fewer than three digits,
is no line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.findings import Finding
from nlp.identifiers.prefilter import gated

EXTENSION = re.compile(
    r"(?<![\w.])(?i:ext|extn|extension)(?:\.|[ \t]*no\.?)?[ \t]*[:.]?[ \t]*"
    r"(?P<line>\d{3,6})(?![\w/:-]|\.\d|[ \t]*(?i:metres?|m\b|feet|ft|sq|square|years?|in\b))"
)
EXTENSION = gated(EXTENSION)
YEAR = re.compile(r"(?:19|20)\d{2}")


def extensions(text: str) -> Iterator[Finding]:
    """The digits of each extension written without its whole number."""
    for m in EXTENSION.finditer(text):
        line = m.group("line")
        if m.group().lower().startswith("extension") and YEAR.fullmatch(line):
            continue  # "the extension 2019": a building's year
        yield Finding(m.start("line"), m.end("line"), "PHONE", 0.8, "extension")
