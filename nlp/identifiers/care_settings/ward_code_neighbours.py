"""Ward codes written beside a hospital, or with their side of the building (issue 20, round 41).

Round 41 pooled the misses of every development set and built only kinds that three or more
writers share. Wards named by a code were missed in nine sets, in three ways the earlier code
rules (`short_place_kinds.ward_codes`, `hospital_units.py`) do not read:

- the code straight after its hospital's name or initials, with no "ward" or "on" between:
  "discharged from UHW B7", "mum at City Hosp D7", "AMU then C21", "AMU2 → WD14", "Russells
  Hall on c4" (a found care setting is the cue);
- a code, or a bare number, with the side of the building that is part of the ward's name:
  "C5 North", "WARD 7 SOUTH", "3 North", "West 5" (the found code or ward is widened, and a
  bare number with a side needs a word of care near it);
- a move between two codes: "moved from A7 to C5 North" (a word of care near, no road word).

Look-alikes that must stay: a postcode after a hospital ("Royal Derby, DE22 3NE"), a vitamin
or a cream after one ("B12 injections"), a road ("from the A1 to the M6", "turn on to A3"), a
street with a side ("3 North Street", "2 West Road"), a country after a side ("North Wales").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import CARE_NEAR

SIDE = r"(?:North|South|East|West|NORTH|SOUTH|EAST|WEST)"
# What may follow a side and make it a street's or a country's: then it is no ward's side.
NOT_AFTER_SIDE = re.compile(
    r"[ \t]+(?i:street|st|road|rd|lane|avenue|ave|drive|close|way|terrace|wales|yorkshire|"
    r"london|england|ireland|scotland|side|coast|wing|entrance|car\s+park)\b"
)
CODE = r"(?:[A-Z]{1,2}\d{1,2}[A-Z]?|\d{1,2}[A-Z])"
# Right after a found care setting: a code, perhaps after "on", "then", a dash or an arrow.
AFTER_SETTING = re.compile(
    r"(?:[ \t]*(?:,|–|—|-|→|->)[ \t]*|[ \t]+(?:(?:on|then|ward)[ \t]+)?)"
    rf"(?P<unit>{CODE}|[a-z]\d{{1,2}})"
    rf"(?:[ \t]+(?P<side>{SIDE}))?(?![\w/&+-]|[ \t]+\d[A-Za-z]{{2}}\b)"
)
# A medicine, a vitamin's dose or paperwork after the code makes it no ward.
NOT_AFTER_CODE = re.compile(
    r"[ \t]*(?i:injections?|jabs?|tablets?|vitamins?|cream|drops|mg|mcg|levels?|paper|form|"
    r"bus|road|route)\b"
)
WORDS_BEFORE_LOWER = re.compile(r"(?:^|[ \t])on[ \t]+$")
SIDE_AFTER = re.compile(rf"[ \t]+(?P<side>{SIDE})(?![\w'’-])")
BARE_SIDE = gated(
    re.compile(
        r"(?<![\w])(?i:to|on|onto|or|from|off)[ \t]+(?P<unit>\d{1,2}[A-Z]?[ \t]+"
        rf"{SIDE}|(?-i:North|South|East|West)[ \t]+\d{{1,2}}[A-Z]?)(?![\w'’/-])"
    )
)
BETWEEN_CODES = gated(
    re.compile(
        r"(?<![\w])(?i:from)[ \t]+(?P<first>[A-Z]\d{1,2}[A-Z]?)[ \t]+(?i:to|onto)[ \t]+"
        rf"(?P<second>[A-Z]\d{{1,2}}[A-Z]?(?:[ \t]+{SIDE})?)(?![\w'’/-]|[ \t]+\d[A-Z]{{2}}\b)"
    )
)
ROAD_WORDS = re.compile(
    r"\b(?i:road|roads|roundabout|junction|motorway|drive|drove|driving|traffic|miles?|"
    r"print|printed|paper|sheet|size|bus|train)\b"
)
NEAR_CHARS = 120


def _care_near(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - NEAR_CHARS) : end + NEAR_CHARS]
    return bool(CARE_NEAR.search(window)) and not ROAD_WORDS.search(window)


def ward_codes_beside_settings(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Codes after a found care setting, sides after a found ward, and bare codes with a side
    or between two codes (see the module's docstring)."""
    for f in found:
        if f.label != "CARE_SETTING":
            continue
        m = AFTER_SETTING.match(text, f.end)
        if m is not None and not NOT_AFTER_CODE.match(text, m.end()):
            unit = m.group("unit")
            lower_ok = not unit[0].islower() or WORDS_BEFORE_LOWER.search(text, 0, m.start("unit"))
            if lower_ok and not (m.group("side") and NOT_AFTER_SIDE.match(text, m.end())):
                end = m.end() if m.group("side") else m.end("unit")
                yield Finding(m.start("unit"), end, "CARE_SETTING", 0.75, "ward_code")
        if text[f.end - 1 : f.end].isdigit() or re.search(r"\d[A-Za-z]$", text[f.start : f.end]):
            s = SIDE_AFTER.match(text, f.end)
            if s is not None and not NOT_AFTER_SIDE.match(text, s.end()):
                yield Finding(f.start, s.end(), "CARE_SETTING", f.score, f.source)
    if any(
        side in text
        for side in ("North", "South", "East", "West", "NORTH", "SOUTH", "EAST", "WEST")
    ):
        for m in BARE_SIDE.finditer(text):
            if NOT_AFTER_SIDE.match(text, m.end()) or not _care_near(text, m.start(), m.end()):
                continue
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.7, "ward_code")
    for m in BETWEEN_CODES.finditer(text):
        if NOT_AFTER_SIDE.match(text, m.end()) or not _care_near(text, m.start(), m.end()):
            continue
        if m.group("first")[0] == "M" or m.group("second")[0] == "M":
            continue  # a motorway
        yield Finding(m.start("first"), m.end("first"), "CARE_SETTING", 0.7, "ward_code")
        yield Finding(m.start("second"), m.end("second"), "CARE_SETTING", 0.7, "ward_code")
