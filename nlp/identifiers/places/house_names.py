"""A house's name in quotes before its street line (issue 20, thirty-eighth round).

People who name their bungalow or cottage write the name in quotes before the number and the
street, as on an envelope: 'I have lived in "Wrenfield", 2 Orchard Close, since 1974',
"“Tyn y Coed”, 4 Mill Lane". The street rules take the numbered line and leave the name, which
with the town alone finds the house. Only a quoted capitalised name of up to three words,
right before a house number and a street's kind word, is taken: a quoted word elsewhere
("Rosie", "Fine") is left.

Second probes (twenty-second session): a named house and its street typed all in lower case or
all in capitals after "at", "to" or "address" ("we live at hazel cottage, weis road", "WRITE TO
ME AT THE OLD VICARAGE, CEDAR DRIVE"), which the address rules read only when capitalised. The
house's word must be one that names a dwelling (cottage, farm, lodge, vicarage ...), never
"house" ("went to nan's house, mill lane"), and the word before it no article, possessive or
person's word.
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


DWELLINGS = (
    r"cottage|cottages|farm|farmhouse|lodge|barn|bungalow|vicarage|rectory|manse|grange|villa"
)
NOT_A_HOUSE_NAME = r"(?:a|an|my|our|his|her|their|the|this|that|your|its|holiday|old)\b"
ONE_CASE_HOUSE = re.compile(
    r"\b(?:at|to|from|address(?:[ \t]+is)?:?|c/o)[ \t]+"
    rf"(?P<address>(?:the[ \t]+old[ \t]+|(?!{NOT_A_HOUSE_NAME})[a-z][a-z-]*[ \t]+)"
    rf"(?:{DWELLINGS}),[ \t]*(?:(?!{NOT_A_HOUSE_NAME})[a-z][a-z'’-]*[ \t]+){{1,2}}"
    rf"(?:{STREET_KINDS.lower()}))\b",
    re.IGNORECASE,
)
ONE_CASE_HOUSE = gated(ONE_CASE_HOUSE)


def house_names(text: str) -> Iterator[Finding]:
    """Each quoted house name before its numbered street, and a named house and its street
    typed in one case after "at", "to" or "address"."""
    for m in QUOTED_HOUSE.finditer(text):
        yield Finding(m.start("name"), m.end("name"), "ADDRESS", 0.8, "house_name")
    for m in ONE_CASE_HOUSE.finditer(text):
        address = m.group("address")
        if address.islower() or address.isupper():
            yield Finding(m.start("address"), m.end("address"), "ADDRESS", 0.8, "house_name")
