"""A flat's number before its building's name, and a floor before a numbered street (issue 20,
round 56).

"Apartment 59, Jubilee House", "Flat 5, Coronation Buildings", "Apartment 5, Anchor Point": the
street rules find "Flat 5" and stop at the comma, leaving the building's name, which with the
town finds the home (missed in three retired sets, v60, v61 and v62, which mark the pair as one
address). "Ground floor, 88 Hagley Road", "Level 2, 1 Infirmary Square": a floor or a level
before a numbered street is part of the address too (v63).

Only a flat's, apartment's, unit's or suite's number opens the first, and the building's name
is one to three words ending in a word that names a building ("House", "Court", "Point" ...),
none of them a function word but "the" ("Flat 5, the old house" stays a description). Where capitals
mean something, the building's words are capitalised. The second needs the floor's words, a
comma, a house number and a street's first word (capitalised where capitals mean something,
and no count: "Level 2, 3 times a week").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.prefilter import gated

BUILDING_WORDS = (
    r"house|court|buildings?|tower|towers|heights|point|lodge|mansions|place|apartments|wharf|"
    r"quay|gardens|halls?|view|works|mill|block|flats"
)
FLAT_IN_A_BUILDING = gated(
    re.compile(
        r"(?<![\w'’-])(?:apartment|apt\.?|flat|unit|suite)[ \t]+\d{1,4}[a-z]?[ \t]*,[ \t]*"
        r"(?P<building>(?:[^\W\d_][\w'’-]*[ \t]+){1,3}(?:" + BUILDING_WORDS + r"))(?![\w'’-])",
        re.IGNORECASE,
    )
)
FLOOR_BEFORE_A_STREET = gated(
    re.compile(
        r"(?<![\w'’-])(?P<floor>(?:ground|first|second|third|top|lower|upper|basement)[ \t]+floor"
        r"|(?:level|floor)[ \t]+\d{1,2})[ \t]*,[ \t]*"
        r"(?=\d{1,4}[a-z]?,?[ \t]+(?P<street>[^\W\d_]+))",
        re.IGNORECASE,
    )
)

# Round 61 (retired sets v69 and v73: students and young people in halls and hostels give the
# room as their address): "Flat 28, room E, Castle Leazes", "Room 14, Block C, Elms Village",
# "room 517, Clyne Court", "room 456, the Queens Court flats". After a flat and a room, or a
# room and a block, the building is the capitalised words that follow; after a room alone,
# words that end in a building's word ("Court", "Village", "flats"), so "room 3, Sarah said"
# and "room 2, ward 7" stay.
ROOM_IN_A_BUILDING = gated(
    re.compile(
        r"(?<![\w'’-])(?:(?P<flat>flat|apartment)[ \t]+[A-Za-z0-9]{1,4}[ \t]*,[ \t]*)?"
        r"room[ \t]+[A-Za-z0-9]{1,4}[ \t]*,[ \t]*"
        r"(?P<block>block[ \t]+[A-Za-z0-9]{1,2}[ \t]*,[ \t]*)?"
        r"(?P<words>(?:[^\W\d_][\w'’-]*(?:[ \t]+|(?=[^\w'’-])|$)){1,5})",
        re.IGNORECASE,
    )
)
HALL_WORDS = re.compile(
    rf"(?:{BUILDING_WORDS}|village|park|residences?|residence|campus)$", re.IGNORECASE
)
TITLES = frozenset("dr mr mrs ms miss nurse sister doctor professor prof".split())
COUNTS = frozenset(
    """times days weeks months years hours minutes mins people patients beds nights visits
    calls floors""".split()
)


def building_addresses(text: str) -> Iterator[Finding]:
    """ "Apartment 59, Jubilee House" whole; "Ground floor" before "88 Hagley Road"."""
    any_case = capitals_mean_little(text)
    for m in FLAT_IN_A_BUILDING.finditer(text):
        if not any_case and not all(w[0].isupper() for w in m.group("building").split()):
            continue  # "Flat 5, the old house": a description where capitals mean something
        words = m.group("building").split()[:-1]
        if any(w.lower() in STOP_WORDS and w.lower() != "the" for w in words):
            continue
        if words and words[0].lower() == "the" and len(words) == 1:
            continue
        yield Finding(m.start(), m.end("building"), "ADDRESS", 0.8, "building_address")
    yield from _rooms(text, any_case)
    for m in FLOOR_BEFORE_A_STREET.finditer(text):
        street = m.group("street")
        if street.lower() in COUNTS or not (any_case or street[0].isupper()):
            continue  # "Level 2, 3 times a week"
        yield Finding(m.start("floor"), m.end("floor"), "ADDRESS", 0.75, "building_address")


def _rooms(text: str, any_case: bool) -> Iterator[Finding]:
    """A room in a named building, with its flat or block before it (round 61)."""
    for m in ROOM_IN_A_BUILDING.finditer(text):
        words = list(re.finditer(r"[^\W\d_][\w'’-]*", m.group("words")))
        if not words or words[0].group().lower() in TITLES:
            continue
        end = None
        if m.group("flat") or m.group("block"):
            for w in words[:3]:  # the capitalised words that follow
                value = w.group()
                if not (value[0].isupper() or any_case) or value.lower() in STOP_WORDS:
                    break
                if value.isupper() and len(value) > 1 and not any_case:
                    break  # "Castle Leazes NHS number": a form's next field
                end = m.start("words") + w.end()
        else:
            for w in words:  # up to a building's word, "the" the only small word
                value = w.group()
                small = value.lower() in STOP_WORDS
                if (
                    small
                    and value.lower() != "the"
                    or not (any_case or value[0].isupper() or small or HALL_WORDS.match(value))
                ):
                    break
                if HALL_WORDS.match(value) and w.start() > 0:
                    end = m.start("words") + w.end()
        if end is not None:
            yield Finding(m.start(), end, "ADDRESS", 0.75, "building_address")
