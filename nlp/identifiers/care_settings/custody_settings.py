"""Where people are held, and the health care they get there (issue 20, round 64).

A retired set (v79, the armed forces and the justice system) and six development sets before it
name prisons, removal centres, custody suites and barracks; the care rules found "HMP Usk" in
mixed case, but a prison's name typed in capitals or in lower case ("HMP STYAL HEALTHCARE",
"to healthcare, hmp lincoln"), a young offender institution after the prison's letters ("HMP &
YOI Doncaster", "HMP YOI Polmont"), a removal centre by its initials ("Colnbrook IRC"), a
custody suite or police station by its town or street ("Gorton police station", "Beech Street
custody suite"), and a barracks or garrison by its name ("imphal barracks", "Episkopi
Garrison") were found in part or not at all. A prison's or removal centre's name is a care
setting, as prison health care is; the rest are places.

The name after "HMP" is one or two words and stops at an everyday word ("HMP STYAL
HEALTHCARE" is Styal's health care); a barracks' name is no everyday word ("the army
barracks" stays), and a station's place is listed or a street's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

_WORD = r"[A-Za-z][A-Za-z'’-]+"
PRISON = gated(
    re.compile(
        r"(?<![\w'’-])(?i:HMP(?:[ \t]*(?:&|and)?[ \t]*YOI)?|HMYOI|HMIRC)[ \t]+"
        rf"(?P<first>{_WORD})(?:[ \t]+(?P<second>{_WORD}))?"
    )
)
REMOVAL_CENTRE = gated(
    re.compile(
        rf"(?<![\w'’-])(?P<name>{_WORD}(?:[ \t]+{_WORD})?)[ \t]+"
        r"(?:IRC|(?i:immigration[ \t]+removal[ \t]+centre))\b"
    )
)
STATION = gated(
    re.compile(
        rf"(?<![\w'’-])(?P<place>{_WORD}(?:[ \t]+{_WORD})?)[ \t]+"
        r"(?i:police[ \t]+station|custody[ \t]+suite|custody\b)"
    )
)
BARRACKS = gated(
    re.compile(rf"(?<![\w'’-])(?P<name>{_WORD})[ \t]+(?i:barracks|garrison)(?![\w'’-])")
)
STREET_END = re.compile(r"(?i:road|street|lane|avenue)$")


def _name_word(word: str, common: frozenset[str]) -> bool:
    low = word.lower()
    return low not in common and low not in STOP_WORDS


def custody_settings(text: str) -> Iterator[Finding]:
    """Prisons, removal centres, custody suites, police stations and barracks by their names."""
    gaz = gazetteer()
    common = gaz.common_words
    for m in PRISON.finditer(text):
        first, second = m.group("first"), m.group("second")
        if first.lower() in STOP_WORDS:
            continue
        end = m.end("first")
        if second and (second.lower() in gaz.places or _name_word(second, common)):
            end = m.end("second")  # "HMP Holme House", "HMP Wormwood Scrubs"
        yield Finding(m.start(), end, "CARE_SETTING", 0.8, "custody_setting")
    for m in REMOVAL_CENTRE.finditer(text):
        words = m.group("name").split()
        while words and not _name_word(words[0], common) and words[0].lower() not in gaz.places:
            words = words[1:]
        if words:
            start = m.end("name") - len(" ".join(words))
            yield Finding(start, m.end(), "CARE_SETTING", 0.8, "custody_setting")
    for m in STATION.finditer(text):
        place = m.group("place")
        words = place.split()
        if place.lower() in gaz.places or place.lower() in gaz.small_places:
            start = m.start("place")
        elif words[-1].lower() in gaz.places or words[-1].lower() in gaz.small_places:
            start = m.end("place") - len(words[-1])
        elif len(words) == 2 and STREET_END.search(place) and words[0][0].isupper():
            start = m.start("place")  # "Beech Street custody suite", "Strand Road station"
        else:
            continue
        yield Finding(start, m.end(), "LOCATION", 0.75, "custody_setting")
    for m in BARRACKS.finditer(text):
        if _name_word(m.group("name"), common):
            yield Finding(m.start(), m.end(), "LOCATION", 0.75, "custody_setting")
