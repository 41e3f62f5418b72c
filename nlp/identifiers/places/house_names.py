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

Round 55: a form's or a note's address field gives the house's name, then its street, with no
quotes and a name of any kind ("Lives at: Fernlea, 151 Bridge End", "LIVES AT: THE LAURELS,
132 KINGSWAY", "address: dunroamin, sandringham drive", "visited at home (greenacres, cwrt y
castell"; a retired set, v60, in four templates). After a cue that an address follows, one to
three words of one case, a comma, then a numbered street or a street's kind word: the name and
the street are one address. The name's first word is no article but "the", no possessive and
no person's word ("Lives at: her daughter's, 4 Mill Lane" is a different thing: a possessive).
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


WELSH_STREETS = r"heol|ffordd|stryd|cwrt|lon|lôn|maes|rhodfa|clos"
FIELD_HOUSE = re.compile(
    r"(?:\b(?:lives|living|resides|residing)[ \t]+at[ \t]*:?|\baddress[ \t]*:|\baddr\.?[ \t]*:"
    r"|\bat[ \t]+home[ \t]*\()[ \t]*"
    r"(?P<address>(?P<name>(?:the[ \t]+)?(?!(?:a|an|my|our|his|her|their|this|that|your|its)\b)"
    r"[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*){0,2}),[ \t]+"
    r"(?:\d{1,4}[a-z]?,?[ \t]+[^\W\d_][\w'’-]*"
    rf"|(?:[^\W\d_][\w'’-]*[ \t]+){{1,2}}(?:{STREET_KINDS.lower()})\b"
    rf"|(?:{WELSH_STREETS})[ \t]+[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?))",
    re.IGNORECASE,
)
FIELD_HOUSE = gated(FIELD_HOUSE)


def house_names(text: str) -> Iterator[Finding]:
    """Each quoted house name before its numbered street, and a named house and its street
    typed in one case after "at", "to" or "address"."""
    for m in QUOTED_HOUSE.finditer(text):
        yield Finding(m.start("name"), m.end("name"), "ADDRESS", 0.8, "house_name")
    for m in ONE_CASE_HOUSE.finditer(text):
        address = m.group("address")
        if address.islower() or address.isupper():
            yield Finding(m.start("address"), m.end("address"), "ADDRESS", 0.8, "house_name")
    for m in FIELD_HOUSE.finditer(text):
        name = m.group("name")
        if "'" in name or "’" in name:
            continue  # "her daughter's": whose, not a house's name
        if name.islower() or name.isupper() or all(w[0].isupper() for w in name.split()):
            yield Finding(m.start("address"), m.end("address"), "ADDRESS", 0.8, "house_name")
