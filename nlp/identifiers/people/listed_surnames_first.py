"""A person written surname first as one entry of a list or a log: "BAKER, Rachel – podiatry",
"Pt Wright, Dennis (12/01/1939)", "Evans, Rhian ; Rhyl ; 9 miles", "JONES, MEGAN | DOB: ..."
(issue 20, forty-ninth round; missed in three writers' sets, v8, v46 and v47, which mark the pair
whole as one person).

Round 27's and round 30's rules (`surname_first.py`) take such a pair in a table's cell, after a
form's field or an e-mail header, or in capitals when the surname is no everyday word. A log
line or a pasted list has none of those cues: the pair follows a code or a time, and what closes
it is the entry's own separator, a dash, a semicolon, a bar or a bracket opening on a figure
(an age or a date of birth). There the separator is the cue, and both names must be known:

- every part of the surname is a known surname (so "Baker" and "Wright", everyday words in the
  frequency list, count), never a greeting, a sign-off or a role ("Thanks, Alan –", "Best,
  Sandra", "Nurse, Ruth (band 5)");
- the forename is a known first name and no place ("Joan Proctor, Peterlee" is a person and a
  town);
- the forename is in capitals only when the surname is too ("JONES, MEGAN |").

Each name is its own finding, the comma between them left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, gazetteer
from nlp.identifiers.people.surname_first import NOT_CELL_SURNAMES, NOT_SURNAMES

# The entry's separator after the forename: a dash between spaces, a semicolon, a bar, a
# bracket opening on a figure, or the line's end.
LISTED_SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])(?P<surname>(?:Mc|MC|Mac|MAC|O['’])?[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?),"
    r"[ \t]+(?P<first>[A-Z][A-Za-z'’-]+)"
    r"(?=[ \t]*(?:\([ \t]*\d|[–—;|]|-[ \t]|$))",
    re.MULTILINE,
)


def listed_surnames_first(text: str) -> Iterator[Finding]:
    """ "BAKER, Rachel – podiatry": a known surname, a comma and a known first name, closing a
    list's entry."""
    if "," not in text:
        return
    gaz = gazetteer()
    for m in LISTED_SURNAME_FIRST.finditer(text):
        surname, first = m.group("surname"), m.group("first")
        if first.isupper() and not surname.isupper():
            continue
        parts = [p for p in re.split(r"[-'’]", surname.lower()) if p not in ("mc", "mac", "o")]
        if not parts or any(p in NOT_SURNAMES or p in NOT_CELL_SURNAMES for p in parts):
            continue
        if not all(p in gaz.surnames for p in parts):
            continue
        forename = first.lower()
        if forename not in gaz.first_names or forename in gaz.places or forename in ROLE_CUES:
            continue
        # Two findings, not one across the comma: writers who mark the names apart leave it out.
        yield Finding(m.start("surname"), m.end("surname"), "PERSON", 0.8, "listed_surname_first")
        yield Finding(m.start("first"), m.end("first"), "PERSON", 0.8, "listed_surname_first")
