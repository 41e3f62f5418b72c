"""A house's name in quotes before its street line (issue 20, thirty-eighth round).

People who name their bungalow or cottage write the name in quotes before the number and the
street, as on an envelope: 'I have lived in "Wrenfield", 2 Orchard Close, since 1974',
"“Tyn y Coed”, 4 Mill Lane". The street rules take the numbered line and leave the name, which
with the town alone finds the house. Only a quoted capitalised name of up to three words,
right before a house number and a street's kind word, is taken: a quoted word elsewhere
("Rosie", "Fine") is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

STREET_KINDS = (
    r"Road|Rd|Street|St|Close|Lane|Avenue|Ave|Drive|Dr|Way|Crescent|Grove|Court|Place|Gardens|"
    r"Terrace|Walk|Row|View|Rise|Hill|Park|Square|Mews|Green|Parade|Meadows?|Fold|Wynd|Brae"
)
QUOTED_HOUSE = re.compile(
    r"[\"“'‘](?P<name>[A-Z][\w'’-]+(?:[ \t][A-Za-z][\w'’-]*){0,2})[\"”'’],?[ \t]+"
    rf"\d{{1,4}}[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’-]+[ \t]+){{1,3}}(?:{STREET_KINDS})\b"
)
QUOTED_HOUSE = gated(QUOTED_HOUSE)


def house_names(text: str) -> Iterator[Finding]:
    """Each quoted house name before its numbered street."""
    for m in QUOTED_HOUSE.finditer(text):
        yield Finding(m.start("name"), m.end("name"), "ADDRESS", 0.8, "house_name")
