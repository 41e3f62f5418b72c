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
    for m in FLOOR_BEFORE_A_STREET.finditer(text):
        street = m.group("street")
        if street.lower() in COUNTS or not (any_case or street[0].isupper()):
            continue  # "Level 2, 3 times a week"
        yield Finding(m.start("floor"), m.end("floor"), "ADDRESS", 0.75, "building_address")
