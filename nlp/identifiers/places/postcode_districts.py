"""A postcode's outward code written alone, where the sentence says it is where someone lives
(issue 20, fourteenth round, identifier shapes).

"We moved to BD7 last spring", "she lives in LS9", "we're in the NE4 area", "a BT12 postcode":
a district is a few thousand households, finer than the town this project already replaces, so
a careful anonymiser takes it out as it takes out "Small Heath". The same letters and digits are
also ward and bay codes ("moved to B3"), vitamins ("B12"), roads ("the M62"), tumour stages and
product names, so the code must stand after a cue of living or moving ("live in", "moved to",
"rehoused in", "we're in", "postcode"), or before "postcode" ("drove to the LS6 area" is a trip,
not a home), and:

- its letters are a real postcode area (Royal Mail's list) and its shape an outward code's;
- it is in capitals, unless the text's capitals mean nothing;
- it is not followed by a full inward code (that is the full postcode rules' own) nor by a word
  that makes it a ward, bay, bus, road or dose;
- after "moved" or "transferred" there is no ward, bay or bed talk nearby: in hospital a patient
  is moved to "B3", a ward.

Seventeenth round: call notes and forms write the district in brackets after the place
("Chorlton (M21)", "we live on bransholme (HU7)"). There the bracket itself is the cue, when the
words before it end in a place: a known UK place, or a capitalised word that is not everyday
English, so
"vitamin (B12)" and "the ward (C5)" are left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.postcodes import OUTWARD, POSTCODE_AREAS

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable

CODE = r"(?P<code>[A-Za-z]{1,2}\d{1,2}[A-Za-z]?)"
# Words after the code that make it something else: a ward, a bus, a road, a dose.
NOT_AFTER = (
    r"(?!\w|[ \t]*(?:\d[A-Za-z]{2}\b|\d\b|ward|bay|bed|unit|side\s*room|bus|road|motorway|"
    r"junction|mg|mcg|injections?|jabs?|tablets?|vitamins?|deficien\w*|levels?|cells?|"
    r"stage|grade|form|fit\s+note|team|clinic))"
)
LIVING_BEFORE = re.compile(
    r"\b(?:live[sd]?|living|based|rehoused|housed|relocated|settled|grew\s+up|stays?|staying|"
    r"stayed|reside[sd]?|residing|(?P<moved>moved|move|moving|transferred))"
    r"(?:[ \t]+(?:us|her|him|them|me|back|over|out|down|up|here|there))?[ \t]+"
    r"(?:in|into|to|near|round|around|over\s+to|out\s+to)[ \t]+(?:the[ \t]+)?"
    rf"{CODE}{NOT_AFTER}",
    I,
)
LIVING_BEFORE = gated(LIVING_BEFORE)
WHERE_WE_ARE = re.compile(
    r"\b(?:we['’]re|we\s+are|i['’]m|i\s+am|they['’]re|they\s+are|s?he['’]s|s?he\s+is)[ \t]+"
    rf"(?:in|from|out\s+in|over\s+in)[ \t]+(?:the[ \t]+)?{CODE}{NOT_AFTER}",
    I,
)
# "a BT35 postcode" is someone's; "drove to the LS6 area" is a destination, so "area" counts only
# after a cue of living above.
AREA_AFTER = re.compile(rf"(?<![\w'’-]){CODE}[ \t]+(?:postcode|post\s+code)\b", I)
AREA_AFTER = gated(AREA_AFTER)
# Thirtieth round: a form's label may carry a note in brackets before its colon ("Postcode
# (first half only): NE8", "Post code (optional): LS6"), as a birth label does (round 27).
POSTCODE_CUE = re.compile(
    r"\b(?:post[ \t]?code|postal[ \t]+district)(?:[ \t]+(?:district|area))?(?:['’]s)?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    rf"(?:[ \t]+(?:is|was))?[ \t]*[:=-]?[ \t]*{CODE}{NOT_AFTER}",
    I,
)
POSTCODE_CUE = gated(POSTCODE_CUE)
# A place followed by its district in brackets, as a call note or a form writes where someone
# lives: "Cookridge (LS16)", "Lives: Gateshead (NE8)", "Kimberworth Park (S61)".
PLACE_THEN_CODE = re.compile(
    r"(?P<place>[A-Za-zÀ-ÿ'’-]+(?:[ \t]+[A-Za-zÀ-ÿ'’-]+){0,2})[ \t]*\([ \t]*"
    rf"{CODE}[ \t]*\)"
)
PLACE_THEN_CODE = gated(PLACE_THEN_CODE)
# Its gate: PLACE_THEN_CODE tries a place's words at every letter of a text, to find a bracket
# after them in few; every match ends in this tail, which `re` finds from its bracket at once.
BRACKETED_CODE = re.compile(rf"\([ \t]*{CODE}[ \t]*\)")
# Thirty-eighth round: a doctor's training grade in brackets after the name ("Dr Priya Venn
# (FY2)", "A. Rowe (ST3)") has a postcode district's shape (Blackpool's FY1, Stoke's ST3); it
# is a district only after a place's own name ("Blackpool (FY1)").
DOCTOR_GRADES = frozenset("FY1 FY2 ST1 ST2 ST3 ST4 ST5 ST6 ST7 ST8 CT1 CT2 CT3".split())
# Thirty-eighth round: a town and its district written together as an address's or a form's
# last line ("Lordship Lane Health Centre, London SE22", "Practice: Leeds LS6"): a known
# place's name, then the outward code, then the end of the line or of the field.
TOWN_THEN_CODE = re.compile(
    rf"(?<![\w'’-])(?P<place>[A-Z][a-z'’]+(?:[ \t-](?:upon|on|under|le|[A-Z][a-z'’]+)){{0,2}})"
    rf"[ \t]+(?-i:{CODE})(?=[ \t]*(?:$|[,.;)|]|[ \t]{{2,}}))",
    re.MULTILINE,
)
TOWN_THEN_CODE = gated(TOWN_THEN_CODE)
# Round 57: the district after a numbered street, closing a note's address ("lives alone 78 mill
# lane bt36", "108 Church Lane BT49"; a retired set, v64): the street before it is the cue, so
# the code may be in lower case, and the line or the field ends after it.
STREET_THEN_CODE = re.compile(
    r"(?<![\w'’-])\d{1,4}[a-z]?,?[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){1,3}"
    r"(?:road|rd|street|st|lane|ln|avenue|ave|drive|dr|close|way|crescent|grove|court|place|"
    r"gardens|terrace|walk|row|view|hill|park|square|mews|green|parade)\.?,?[ \t]+"
    rf"{CODE}(?=[ \t]*(?:$|[,.;)|/]|[ \t]{{2,}}))",
    re.MULTILINE | re.IGNORECASE,
)
STREET_THEN_CODE = gated(STREET_THEN_CODE)
WARD_TALK = re.compile(r"\b(?:ward|wards|bay|bed|side\s*room|icu|itu|hdu|theatre|unit)\b", I)
NEAR = 80
OUTWARD_RE = re.compile(OUTWARD, I)


def postcode_districts(text: str) -> Iterator[Finding]:
    any_case = capitals_mean_little(text)
    seen: set[int] = set()  # "we're in the LS9 area" answers two cues
    for pattern in (LIVING_BEFORE, WHERE_WE_ARE, AREA_AFTER, POSTCODE_CUE):
        for m in pattern.finditer(text):
            code = m.group("code")
            if m.start("code") in seen or not _district_shape(code, any_case):
                continue
            if "moved" in m.groupdict() and m.group("moved"):
                window = text[max(0, m.start() - NEAR) : m.end() + NEAR]
                if WARD_TALK.search(window):
                    continue  # "moved to B3 after theatre": a ward
            seen.add(m.start("code"))
            yield Finding(m.start("code"), m.end("code"), "POSTCODE", 0.8, "postcode_district")
    for m in PLACE_THEN_CODE.finditer(text) if BRACKETED_CODE.search(text) else ():
        code = m.group("code")
        if m.start("code") in seen or not _district_shape(code, any_case):
            continue
        if code.upper() in DOCTOR_GRADES and not _known_place(m.group("place")):
            continue  # "Dr Priya Venn (FY2)": a doctor's grade
        if _names_a_place(m.group("place"), any_case):
            yield Finding(m.start("code"), m.end("code"), "POSTCODE", 0.75, "postcode_district")
            seen.add(m.start("code"))
    for m in STREET_THEN_CODE.finditer(text):
        if m.start("code") not in seen and _district_shape(m.group("code"), True):
            seen.add(m.start("code"))
            yield Finding(m.start("code"), m.end("code"), "POSTCODE", 0.75, "postcode_district")
    for m in TOWN_THEN_CODE.finditer(text):
        code = m.group("code")
        if m.start("code") in seen or code.upper() in DOCTOR_GRADES:
            continue
        if _district_shape(code, False) and _known_place(m.group("place")):
            yield Finding(m.start("code"), m.end("code"), "POSTCODE", 0.75, "postcode_district")


def _known_place(words: str) -> bool:
    """Whether the words end in a UK place's name from the lists ("London", "Milton Keynes")."""
    parts = words.lower().replace("-", " ").split()
    places = gazetteer().places
    return any(" ".join(parts[i:]) in places for i in range(len(parts)))


def _names_a_place(words: str, any_case: bool) -> bool:
    """Whether the words before the bracket end in a place's name: a known UK place, or a
    capitalised word that is not everyday English ("Headingley"), so "vitamin (B12)" and
    "ward (C5)" are not."""
    gaz = gazetteer()
    for word in reversed(words.split()):
        low = word.lower().strip("'’-")
        if low in gaz.places:
            return True
        if low not in gaz.common_words:
            return word[0].isupper() or any_case
    return False


def _district_shape(code: str, any_case: bool) -> bool:
    if not any_case and not code.isupper():
        return False
    area = re.match(r"[A-Za-z]+", code).group().upper()
    return area in POSTCODE_AREAS and bool(OUTWARD_RE.fullmatch(code))
