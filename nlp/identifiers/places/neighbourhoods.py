"""Neighbourhoods named by everyday words where the layout or a cue says "place" (issue 20,
21st round).

A district such as "Old Town", "Page Hall", "King's Cross" or "North Ormesby" is in no list
and its words are everyday ones, so the token rules see no place. Three kinds of writing say
that it is one:

- a line of an address block: the lines between a house number's line and the postcode's
  ("27 Victoria Road / Old Town / Swindon / SN1 3BD") are places, and a house's name on the
  line above its street's ("Tigh na Mara / Strathpeffer Road / ...") is the address;
- the last item of a heading or label line, after a comma ("Family: X family, Page Hall",
  "Notes - drop-in at the food bank, North Ormesby"): where a note says where it happened;
- after "near", "nr" or "around", a capitalised word (possessive or not) and a place tail
  ("a GP near King's Cross");
- before a listed town after a comma ("a family project in Page Hall, Sheffield", "Venue:
  recovery café, South Shore, Blackpool"): the way people place a district in its town
  (twenty-fourth round). A building's hall ("Town Hall, Leeds", "Memorial Hall, Ely") is no
  district.

Precision: a district needs a place tail (Heath, Hall, Town, Cross ...) or a compass or
old/new word before a capitalised word; a listed first name opening it is a person ("Amy
Green"); a heading line is short and is no sentence; an address block needs its postcode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.place_shapes import TAILS
from nlp.identifiers.places.postcodes import POSTCODE
from nlp.identifiers.places.street_lines import STREET_SUFFIX

_WORD = r"[A-Z][a-z]+(?:['’]s)?"
_PREFIX = r"North|South|East|West|Upper|Lower|Old|New|Great|Little|Nether|Higher"
DISTRICT = re.compile(
    rf"(?:(?P<first>{_WORD})[ -](?:{TAILS}|Hall)|(?:{_PREFIX})[ -][A-Z][a-z]{{3,}})"
)
NOT_AFTER = re.compile(
    r"[ \t]+(?:Road|Street|Lane|Avenue|Drive|Close|Way|Surgery|Practice|Hospital|Medical|"
    r"Health|Centre|School|Primary|Academy|Ward|Unit|Hospice|Trust|Board|Council)\b"
)
NEAR_CUE = re.compile(r"(?<![\w'’-])(?:near|nr\.?|around)[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
NEAR_CUE = gated(NEAR_CUE)  # run over whole texts: see prefilter.py
# A line of an address block: a house number and its street, or a flat's line.
NUMBER_LINE = re.compile(
    r"^[ \t]*(?:(?:[Ff]lat|[Aa]partment|[Uu]nit)[ \t]+\d+[A-Za-z]?,?[ \t]*)?\d{1,4}[A-Za-z]?,?"
    r"[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}[ \t]*,?[ \t]*$"
)
# The street words are the address rules' own (street_lines.STREET_SUFFIX), written with a
# capital as a street line in a block is: one list, so a street word added there counts here.
_STREET_WORD = "|".join(word[0].upper() + word[1:] for word in STREET_SUFFIX.split("|"))
STREET_LINE = re.compile(
    r"^[ \t]*(?:\d{1,4}[A-Za-z]?,?[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+"
    rf"(?:{_STREET_WORD})[ \t]*,?[ \t]*$"
)
BLOCK_PLACE_LINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][a-z]+(?:['’]s)?(?:[ -][A-Z][a-z]+){1,2})[ \t]*,?[ \t]*$"
)
HOUSE_NAME_LINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][a-z]+(?:[ \t]+(?:[a-z]{1,3}|[A-Z][a-z]+)){1,3})[ \t]*,?[ \t]*$"
)
SENTENCE_END = re.compile(r"[.!?]['\"”’)]*[ \t]*$")


# Round 39: a team named after the district it covers ("Marcus from the Kings Heath community
# team", "the Low Fell district nurses"): the district's shape before a team's words. "the
# Community Team", "the Home Treatment Team" have no district's tail.
TEAM_PATCH = gated(
    re.compile(
        rf"\b(?i:the)[ \t]+(?P<place>{DISTRICT.pattern})[ \t]+(?:(?i:community|district|"
        r"locality|neighbourhood|mental[ \t]+health|learning[ \t]+disability|recovery)[ \t]+)?"
        r"(?i:team|nurses|nursing[ \t]+team|cmht|hub)\b"
    )
)


def neighbourhoods(text: str) -> Iterator[Finding]:
    """Districts in address blocks, at the end of heading lines and after "near"."""
    if text.isupper() or text.islower():
        return
    for m in TEAM_PATCH.finditer(text):
        if _district(m.group("place")):
            yield Finding(m.start("place"), m.end("place"), "LOCATION", 0.7, "district")
    yield from _address_block_lines(text)
    yield from _heading_districts(text)
    yield from _near_districts(text)
    yield from _districts_of_towns(text)


def _lines(text: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, line))
        at += len(line) + 1
    return out


def _district(value: str) -> bool:
    m = DISTRICT.fullmatch(value)
    if m is None:
        return False
    first = m.group("first")
    return not (first and first.lower() in gazetteer().first_names)


def _address_block_lines(text: str) -> Iterator[Finding]:
    lines = _lines(text)
    for n, (_, line) in enumerate(lines):
        if not POSTCODE.search(line) or n < 2:
            continue
        # Walk up from the postcode's line to the number's or street's line, at most 4 lines.
        top = None
        for k in range(n - 1, max(-1, n - 5), -1):
            if NUMBER_LINE.match(lines[k][1]) or STREET_LINE.match(lines[k][1]):
                top = k
                break
        if top is None:
            continue
        for k in range(top + 1, n):
            m = BLOCK_PLACE_LINE.match(lines[k][1])
            if m and _district(m.group("place")):
                start = lines[k][0] + m.start("place")
                yield Finding(start, start + len(m.group("place")), "LOCATION", 0.7, "district")
        if top > 0 and STREET_LINE.match(lines[top][1]) and not NUMBER_LINE.match(lines[top][1]):
            m = HOUSE_NAME_LINE.match(lines[top - 1][1])
            if m and (top < 2 or not lines[top - 2][1].strip()):
                start = lines[top - 1][0] + m.start("name")
                yield Finding(start, start + len(m.group("name")), "ADDRESS", 0.7, "house_name")


def _heading_districts(text: str) -> Iterator[Finding]:
    for at, line in _lines(text):
        if len(line) > 160 or SENTENCE_END.search(line) or ", " not in line:
            continue
        last = line.rsplit(", ", 1)[1].rstrip(" \t")
        if _district(last):
            start = at + line.rindex(last)
            yield Finding(start, start + len(last), "LOCATION", 0.7, "district")


def _near_districts(text: str) -> Iterator[Finding]:
    for cue in NEAR_CUE.finditer(text):
        m = DISTRICT.match(text, cue.end())
        if m is None or not m.group("first"):
            continue
        if NOT_AFTER.match(text, m.end()) or re.match(r"[\w'’-]", text[m.end() : m.end() + 1]):
            continue
        if _district(m.group()):
            yield Finding(m.start(), m.end(), "LOCATION", 0.7, "district")


# A district before its town: "Page Hall, Sheffield". What comes before the district is a
# place's preposition, a comma or a line's opening, so "Asked Page Hall, Sheffield" is no cue.
_BEFORE = "|".join(
    rf"(?<=\b{word}[ \t])" for word in ("in", "at", "from", "of", "near", "to", "around")
)
BEFORE_TOWN = re.compile(
    rf"(?:{_BEFORE}|(?<=,[ \t])|(?<=:[ \t])|^|(?<=\n))"
    rf"(?P<district>{DISTRICT.pattern}),[ \t]+"
    r"(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?![\w'’-])"
)
BEFORE_TOWN = gated(BEFORE_TOWN)  # run over whole texts: see prefilter.py
BUILDING_HALLS = frozenset(
    "town city village church community memorial sports civic county market music".split()
)


def _districts_of_towns(text: str) -> Iterator[Finding]:
    if ", " not in text:
        return
    places = gazetteer().places
    for m in BEFORE_TOWN.finditer(text):
        district = m.group("district")
        if m.group("town").lower() not in places or not _district(district):
            continue
        if district.split()[0].lower() in BUILDING_HALLS or NOT_AFTER.match(
            text, m.end("district")
        ):
            continue
        yield Finding(m.start("district"), m.end("district"), "LOCATION", 0.7, "district")


GUESSES = frozenset(("capitals", "ner", "care_list"))


def without_guesses_over_districts(text: str, found: list[Finding]) -> list[Finding]:
    """Round 39: a guess of another label over a district its cue found ("live in Broughty
    Ferry" guessed a person from its capitals; "the Kings Heath community team" gave "Heath
    community" from the care list) gives way to the district, unless the guess holds the whole
    district and more ("Kings Heath Medical Centre")."""
    first_names = gazetteer().first_names
    districts = [
        f
        for f in found
        if f.label == "LOCATION"
        and f.source in ("district", "cued_district")
        and text[f.start : f.end].split()[0].lower() not in first_names  # "Amy Green"
    ]
    if not districts:
        return found
    return [
        f
        for f in found
        if f.label == "LOCATION"
        or f.source not in GUESSES
        or not any(
            d.start < f.end
            and f.start < d.end
            and not (f.start <= d.start and d.end <= f.end and f.end - f.start > d.end - d.start)
            for d in districts
        )
    ]
