"""A patient named on a clinic list's row, after the appointment's time (issue 20, round 93):
"14:30  begum jakub  k2078039  55y", "quarter to four  KHAN Sean  16146539", "3.45pm  mensah,
harpreet  21/09/2025", "11am  LLEWELLYN Craig  16/11/1984  LTH2844906".

A clinic, vaccination or dietetic list opens each row with the slot's time, then the patient's
name, then a record's field: a hospital number, a birth date or a phone number. The list is
typed however the clinic types, so the name rules, which need capitals or a cue, missed the
names in lower case and those with the surname in capitals first (23 in four writers' sets:
v121, v131, v132, v136); every set marks every name of this shape.

The row's own shape is the cue: a time at the start of a line, two or three words, and a
field that holds figures. Each word must be a known name or a word no common list holds, and
one of them a known name, so "09:30 New patient K123456" stays out; a title before the name
("10:00 Mrs Patel") is left out of the finding, as writers leave it out of the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, gazetteer
from nlp.identifiers.core.number_words import UNITS

_HOUR = r"(?:\d{1,2}|" + "|".join(UNITS) + r"|ten|eleven|twelve)"
TIME = (
    r"(?:\d{1,2}[:.]\d{2}(?:[ \t]?[ap]\.?m\.?)?|\d{1,2}[ \t]?[ap]\.?m\.?"
    rf"|(?:half|quarter)[ \t]+(?:past|to)[ \t]+{_HOUR}|half[ \t]+{_HOUR})"
)
_WORD = r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
# A record's field after the name: a hospital or clinic number (its letters spaced off it in
# capitals: "RBN 7299461"), a birth date, a phone. The name takes as few words as it can, so
# that such letters stay with the number.
_FIELD = (
    r"(?:[A-Za-z]{0,4}[-/]?\d{5,}|[A-Z]{2,4}[ \t]\d{5,}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\(?\+?\d[\d \t()-]{9,})"
)
CLINIC_ROW = re.compile(
    rf"^[ \t]*(?i:{TIME})[ \t]+(?P<name>{_WORD}(?:,?[ \t]+{_WORD}){{1,2}}?)"
    rf"[ \t]+(?={_FIELD}(?!\w))",
    re.MULTILINE,
)
TITLES = frozenset("mr mrs ms miss mx dr master baby".split())


def clinic_list_rows(text: str) -> Iterator[Finding]:
    """Patients named on a clinic list's rows, between the slot's time and a record's field."""
    gaz = gazetteer()
    for m in CLINIC_ROW.finditer(text):
        words = list(re.finditer(r"[^\s,]+", m.group("name")))
        if words[0].group().lower().rstrip(".") in TITLES:
            words = words[1:]
        if not words:
            continue
        lows = [w.group().lower() for w in words]
        if any(low in ROLE_CUES for low in lows):
            continue
        if not all(gaz.is_name_part(low) or low not in gaz.common_words for low in lows):
            continue
        if not any(gaz.is_name_part(low) for low in lows):
            continue
        start = m.start("name") + words[0].start()
        yield Finding(start, m.start("name") + words[-1].end(), "PERSON", 0.75, "clinic_row")
