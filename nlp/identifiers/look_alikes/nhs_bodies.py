"""Named NHS bodies that run care for a whole region: not identifiers, and left whole but for
the place that names the region (round 54, below).

"NHS Lothian", "Betsi Cadwaladr University Health Board", "Belfast Health and Social Care
Trust", "the Southern Trust", "Greater Manchester Integrated Care Board", "Medway ICB": a
health board, a trust of a region or an integrated care board serves hundreds of thousands of
people, so naming it narrows no one down, and the story often turns on it ("I complained to
Hywel Dda"). Twenty-two of the twenty-four writers of the measuring sets (v3-v25, and the
shared development set) left such names unmarked, and the shared labelling README lists
hospitals, surgeries, homes and wards as care settings, not the bodies that run them; only v6
and v26 marked some. The detector used to mark pieces of them under any label ("Lothian" as a
person, "Belfast Health" as a care setting, "Dda University" as a person), which matched no
convention. This module finds such names so that the settling pass drops every finding wholly
inside one (twenty-fourth round, issue 20).

Wales's boards named after people ("Betsi Cadwaladr", "Hywel Dda", "Aneurin Bevan") are
bodies by those names alone too: no story names the princess, the king or the minister.

A trust named after its hospitals ("Leeds Teaching Hospitals NHS Trust", "Guy's and St Thomas'
NHS Foundation Trust") names the hospitals, so it is not one of these: a name with "Hospital"
or a saint in it is left to the care-setting rules.
"""

from __future__ import annotations

import re

# A capitalised word of a body's name ("Greater", "Cadwaladr", "Hywel", "Dda", "Swansea").
WORD = r"[A-Z][\w'’-]*"
# A region's name of one to five words, "and" allowed between ("Greater Glasgow and Clyde").
REGION = rf"{WORD}(?:[ \t]+(?:and[ \t]+|&[ \t]+)?{WORD}){{0,3}}"
# The kinds of regional body, as their names end.
BODY_KIND = (
    r"(?:(?:University[ \t]+|Teaching[ \t]+)?Health[ \t]+Board"
    r"|Health[ \t]+and[ \t]+Social[ \t]+Care[ \t]+(?:Trust|Partnership)"
    r"|Integrated[ \t]+Care[ \t]+(?:Board|System|Partnership)"
    r"|Clinical[ \t]+Commissioning[ \t]+Group"
    r"|Partnership[ \t]+NHS[ \t]+(?:Foundation[ \t]+)?Trust"
    r"|(?:ICB|ICS|CCG|HSCP|HSCT|UHB|LHB)(?![\w'’-])"
    r"|(?<=Northern[ \t])Trust|(?<=Southern[ \t])Trust|(?<=Western[ \t])Trust"
    r"|(?<=South[ \t]Eastern[ \t])Trust|(?<=Belfast[ \t])Trust)"
)
# Scotland's boards go by "NHS" and their region: "NHS Lothian", "NHS Greater Glasgow and Clyde".
SCOTTISH_BOARDS = "|".join(
    (
        r"Ayrshire[ \t]+(?:and|&)[ \t]+Arran",
        r"Borders",
        r"Dumfries[ \t]+(?:and|&)[ \t]+Galloway",
        r"Fife",
        r"Forth[ \t]+Valley",
        r"Grampian",
        r"Greater[ \t]+Glasgow(?:[ \t]+(?:and|&)[ \t]+Clyde)?",
        r"Highland",
        r"Lanarkshire",
        r"Lothian",
        r"Orkney",
        r"Shetland",
        r"Tayside",
        r"Western[ \t]+Isles",
        r"24",
    )
)
# Wales's boards named after people go by those names alone: "I complained to Hywel Dda".
WELSH_BOARDS = (
    r"Betsi[ \t]+Cadwaladr|Hywel[ \t]+Dda|Aneurin[ \t]+Bevan|Cwm[ \t]+Taf(?:[ \t]+Morgannwg)?"
)
# ... but not as the name of a hospital or a home: "Ysbyty Aneurin Bevan", "Tŷ Cwm Taf".
NOT_A_PLACE_BEFORE = "".join(
    rf"(?<!{word}[ \t])" for word in ("Ysbyty", "Tŷ", "Ty", "Canolfan", "Meddygfa", "Cartref")
)
NAMED_BODY = re.compile(
    rf"(?<![\w'’-])(?:(?:Bwrdd[ \t]+Iechyd[ \t]+(?:Prifysgol[ \t]+)?)?{REGION}[ \t]+{BODY_KIND}"
    rf"|NHS[ \t]+(?:{SCOTTISH_BOARDS})"
    rf"|{NOT_A_PLACE_BEFORE}(?:{WELSH_BOARDS}))(?![\w'’-])"
)
NEEDLES = (
    "NHS",
    "Board",
    "Trust",
    "ICB",
    "CCG",
    "HSC",
    "Integrated",
    "Partnership",  # twenty-eighth round: "Fife Health and Social Care Partnership" was missed
    "Betsi",
    "Hywel",
    "Aneurin",
    "Cwm",
)
# Round 54: the Welsh boards' own names hold no place a story means ("Cwm Taf Morgannwg" is
# no village of Cwm): the place of any other body's region is marked as a county is.
WELSH_BOARD_NAME = re.compile(rf"(?<![\w'’-])(?:{WELSH_BOARDS})(?![\w'’-])")


def in_a_welsh_board_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a Welsh board's name ("Cwm" of "Cwm Taf")."""
    lo = max(0, start - 20)
    return any(
        m.start() <= start and end <= m.end()
        for m in WELSH_BOARD_NAME.finditer(text, lo, min(len(text), end + 20))
    )


# A body's name that names a hospital or a saint is a trust named after its hospitals.
NAMES_A_HOSPITAL = re.compile(r"\b(?:Hospitals?|Infirmary|St|Saint)\b")


def nhs_bodies(text: str) -> list[tuple[int, int]]:
    """The spans of regional NHS bodies' names in `text`, sorted and apart."""
    if not any(w in text for w in NEEDLES):
        return []
    return [
        (m.start(), m.end())
        for m in NAMED_BODY.finditer(text)
        if not NAMES_A_HOSPITAL.search(m.group())
    ]
