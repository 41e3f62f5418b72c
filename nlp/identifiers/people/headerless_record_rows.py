"""A person's row pasted from a system without its header (issue 20, round 97):
"RTH563020,Campbell,Hannah,4.12.39,PE3 7FD,the Elms Health Centre,referral received",
"K0556711|MENSAH|Ruth|24/06/1964|EH17 7BG|999 816 6845|T3 WMS".

A waiting list, a referral log or a clinic's export pasted as it came has no header row, so
`exported_records` has no heading to read the cells by, and a name alone in a cell has no
sentence around it. Such a row still says who it is about the way every system writes a person:
surname and forename in two cells, then the date of birth, in a row that also holds a postcode
or an NHS number. Two writers' sets hold 14 names of this shape that the other rules left (this
rule takes 12 of them), and five of the dates beside them; the real stories and comments hold
no such row.

A row is a line cut by one separator (comma, bar, tab or semicolon) into five cells or more,
one of them a whole postcode or a ten-figure number. The two cells before a date are the name
when each is one word of letters written alike (both capitalised, both in capitals, both in
lower case, or the surname in capitals: "MENSAH|Ruth"), neither an everyday word that is no
name, and one of them a listed first name or surname; the date is then the birth date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer, without_accents
from nlp.identifiers.places.postcodes import POSTCODE

SEPARATORS = ("|", ",", "\t", ";")
NUMBER_CELL = re.compile(r"\d{3}[ -]?\d{3}[ -]?\d{4}")
DATE_CELL = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{4}"
    r"|[A-Za-z]{3,9}[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}"
)
WORD_CELL = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")


def _cells(line: str, start: int, sep: str) -> list[tuple[int, int, str]]:
    """Each cell's stripped text with where it starts and ends in the whole text."""
    out = []
    pos = start
    for cell in line.split(sep):
        lead = len(cell) - len(cell.lstrip())
        stripped = cell.strip()
        out.append((pos + lead, pos + lead + len(stripped), stripped))
        pos += len(cell) + 1
    return out


def _alike(surname: str, forename: str) -> bool:
    """Both written alike, or the surname in capitals before a capitalised forename."""
    if surname.islower() or forename.islower():
        return surname.islower() and forename.islower()
    return (
        surname[0].isupper()
        and forename[0].isupper()
        and (surname.isupper() or not forename.isupper())
    )


def _name_pair(a: str, b: str) -> bool:
    if not (WORD_CELL.fullmatch(a) and WORD_CELL.fullmatch(b) and _alike(a, b)):
        return False
    gaz = gazetteer()
    keys = [without_accents(w.lower()) for w in (a, b)]
    if any(k in gaz.common_words and not gaz.is_name_part(k) for k in keys):
        return False
    return any(k in gaz.surnames or k in gaz.first_names for k in keys)


def headerless_record_rows(text: str) -> Iterator[Finding]:
    """Surname, forename and birth date in a row pasted without its header."""
    start = 0
    for line in text.split("\n"):
        for sep in SEPARATORS:
            if line.count(sep) < 4:
                continue
            cells = _cells(line, start, sep)
            if not any(POSTCODE.fullmatch(c) or NUMBER_CELL.fullmatch(c) for *_, c in cells):
                continue
            for i in range(2, len(cells)):
                if not DATE_CELL.fullmatch(cells[i][2]):
                    continue
                (s1, e1, a), (s2, e2, b) = cells[i - 2], cells[i - 1]
                if _name_pair(a, b):
                    yield Finding(s1, e1, "PERSON", 0.75, "headerless_row")
                    yield Finding(s2, e2, "PERSON", 0.75, "headerless_row")
                    yield Finding(cells[i][0], cells[i][1], "DATE_OF_BIRTH", 0.75, "headerless_row")
            break
        start += len(line) + 1
