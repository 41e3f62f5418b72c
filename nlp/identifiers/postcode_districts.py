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
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.findings import Finding
from nlp.identifiers.short_place_kinds import POSTCODE_AREAS
from nlp.identifiers.uk_recognisers import OUTWARD, capitals_mean_little

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
WHERE_WE_ARE = re.compile(
    r"\b(?:we['’]re|we\s+are|i['’]m|i\s+am|they['’]re|they\s+are|s?he['’]s|s?he\s+is)[ \t]+"
    rf"(?:in|from|out\s+in|over\s+in)[ \t]+(?:the[ \t]+)?{CODE}{NOT_AFTER}",
    I,
)
# "a BT35 postcode" is someone's; "drove to the LS6 area" is a destination, so "area" counts only
# after a cue of living above.
AREA_AFTER = re.compile(rf"(?<![\w'’-]){CODE}[ \t]+(?:postcode|post\s+code)\b", I)
POSTCODE_CUE = re.compile(
    r"\b(?:post[ \t]?code|postal[ \t]+district)(?:[ \t]+(?:district|area))?(?:['’]s)?"
    rf"(?:[ \t]+(?:is|was))?[ \t]*[:=-]?[ \t]*{CODE}{NOT_AFTER}",
    I,
)
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


def _district_shape(code: str, any_case: bool) -> bool:
    if not any_case and not code.isupper():
        return False
    area = re.match(r"[A-Za-z]+", code).group().upper()
    return area in POSTCODE_AREAS and bool(OUTWARD_RE.fullmatch(code))
