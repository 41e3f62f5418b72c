"""A patient named on a ward's board or handover after their bed (issue 20, round 92): "Bed 2
JT - settled", "bed 1 h. karim - post vitrectomy", "BED 1 NOWAK  – AWAITING REHAB", "bed 7
thompson (82)", "Bay 4 Bed 3 sinclair, ruaridh dob 16 march 1937".

A board or a handover lists each bed's patient by initials, an initial and surname, or the
surname alone, typed however the ward types, and the entry's own separator closes the name: a
dash between spaces, a bracket opening on a figure (an age), or a birth date's label. Nine
writers' sets mark the 37 names of this shape, and the name rules left a dozen of them (in
lower case or capitals, or with an initial before an unlisted surname). The only words of this
shape left unmarked are "empty" ("Bed 8: empty – admission expected").

Each word of the name is an initial ("h.", "JT"), a known name, or a word no common list
holds; everyday words ("empty", "side", "patient") keep the entry out.

Round 97: a board also closes the name with the patient's age ("Bed 10 PROSSER Kwame 85 –
vascular dementia", "bed 6: parveen wilkinson, 96. parkinson's"), the figure followed by the
entry's own separator; and a name's letters may be any script's ("jones siân"). Three writers'
sets hold 14 such names the rule left, and no unmarked words of the shape. Round 98: a board
pasted as a table parts its columns by two spaces or more ("Bed 3  PATEL Priya  83  IV abx"),
a separator too (v146: nine names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, gazetteer

_WORD = r"(?:[^\W\d_]\.|[^\W\d_](?:[^\W\d_]|['’-])*[^\W\d_])"
BED_BOARD_NAME = re.compile(
    r"(?<![\w-])(?i:bed)[ \t]+\d{1,2}[A-Za-z]?[ \t]*:?[ \t]+"
    rf"(?P<name>{_WORD}(?:(?:,[ \t]+|[ \t])(?:{_WORD})){{0,2}})"
    r"(?=[ \t]*(?:[-–—][ \t]|\([ \t]*\d)|,?[ \t]+(?i:dob|d\.o\.b)\b"
    r"|,?[ \t]+\d{1,3}(?:[ \t]*[-–—,.;]|[ \t]*\(|[ \t]*$|[ \t]{2,}))"
)
INITIALS = re.compile(r"[A-Za-z]\.|[A-Z]{2,3}")


def _name_word(word: str) -> bool:
    """An initial, a known name, or a word no common list holds."""
    if INITIALS.fullmatch(word):
        return True
    gaz = gazetteer()
    low = word.lower()
    if low in ROLE_CUES:
        return False
    return gaz.is_name_part(low) or low not in gaz.common_words


def bed_board_names(text: str) -> Iterator[Finding]:
    """Patients named after their bed on a ward's board or handover."""
    if "bed" not in text and "Bed" not in text and "BED" not in text:
        return
    for m in BED_BOARD_NAME.finditer(text):
        words = re.split(r",?[ \t]+", m.group("name"))
        if not all(_name_word(w) for w in words):
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.75, "bed_board_name")
