"""The region that names a regional NHS body: "NHS [Tayside]", "[Cardiff and Vale] University
Health Board", "[Glasgow] City Health and Social Care Partnership" (issue 20, round 63).

Round 54 kept a place found inside a body's name (`look_alikes/nhs_bodies.py`, where the
body's other words are dropped), since most writers since v38 mark that place as they mark a
county or a city anywhere else. But a region the place lists lack ("Tayside", "Lothian",
"Forth Valley", "Borders"), or one of several words of which the lists hold only the first
("Cardiff and Vale", "Swansea Bay"), was found in part or not at all: 29 misses in one retired
set (v77), and the same regions in v38, v45, v47, v49, v54, v60 and v74, which mark them. The
region of a Scottish board after "NHS", and the region before any other body's kind when its
first word is a listed place, is marked whole. A Welsh board named after a person ("Hywel Dda")
names no place and stays unmarked, as do a direction alone ("the Southern Trust") and a trust
named after its hospitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.look_alikes.nhs_bodies import (
    BODY_KIND,
    NAMES_A_HOSPITAL,
    NEEDLES,
    REGION,
    SCOTTISH_BOARDS,
    in_a_welsh_board_name,
)

SCOTTISH_REGION = re.compile(
    rf"(?<![\w'’-])NHS[ \t]+(?P<region>(?!24\b)(?:{SCOTTISH_BOARDS}))(?![\w'’-])"
)
REGION_BEFORE_KIND = re.compile(
    rf"(?<![\w'’-])(?P<region>{REGION})(?:[ \t]+City)?[ \t]+{BODY_KIND}(?![\w'’-])"
)


# A body's kind word the region's pattern took as the region's own: "University", "Teaching",
# "City" before "Health Board" or a partnership.
TRAILING_KIND = re.compile(r"(?:[ \t]+(?:University|Teaching|City))+$")


def body_regions(text: str) -> Iterator[Finding]:
    """The regions of regional NHS bodies' names, as places (round 63)."""
    if not any(w in text for w in NEEDLES):
        return
    for m in SCOTTISH_REGION.finditer(text):
        yield Finding(m.start("region"), m.end("region"), "LOCATION", 0.75, "body_region")
    places = gazetteer().places
    for m in REGION_BEFORE_KIND.finditer(text):
        if NAMES_A_HOSPITAL.search(m.group()):
            continue
        words = list(re.finditer(r"\S+", m.group("region")))
        first = next((w for w in words if w.group().lower() in places), None)
        if first is None:  # "Betsi Cadwaladr", "the Southern": no listed place
            continue
        start = m.start("region") + first.start()
        end = m.end("region")
        tail = TRAILING_KIND.search(text, start, end)
        if tail is not None:  # "Cardiff and Vale [University] Health Board"
            end = tail.start()
        if in_a_welsh_board_name(text, start, end):
            continue
        yield Finding(start, end, "LOCATION", 0.75, "body_region")
