"""Care settings, addresses, postcodes and ids written short or oddly (issue 20, ninth round).

Kinds met in stories written by people who never saw this code, each found by its shape and a
cue, never by the names seen:

- a hospital by its town and "District" or "General" ("Selby District", "Furness General"),
  when the town is a known place and care is being described;
- "<Name> Centre for Health and Care" (the rule for "Centre" stopped at "Health");
- a royal or saint's possessive alone after a visit ("re-attended at George's", "go to Queens")
  with a care word near, and a named unit after a detention ("sectioned and taken to Elm
  Lodge");
- ward and bay codes: "on C4" in a hospital context, the next code of a list after "Ward F5"
  ("Ward F5 or F6"), an assessment unit with its number ("SAU 3");
- a postcode split or spaced as typed on a phone ("ls6 2 ab", "M14  5 RT"), validated against
  the list of UK postcode areas and the unit letters Royal Mail issues;
- a room, unit or suite with its building ("Suite 2, Mill Court"), a street named after a
  chemist's or surgery ("the chemist on Tor Hill");
- a hospital number in brackets after a patient ("(XYZ 1234567)"), an interpreter's or any
  capitalised "ID" number, and a number read out with phonetics ("P as in Peter, 4, 1, ...").

Each needs its cue so that "on B12 injections", "the X5 bus", "the Lake District" or "at
3 am" stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import CARE_NEAR
from nlp.identifiers.places.postcodes import POSTCODE_AREAS

NEAR = 150

# A postcode's shape with the inward code split or spaced twice, in any case.
LOOSE_POSTCODE = re.compile(
    r"(?<![\w])(?P<out>(?P<area>[A-Z]{1,2})\d(?:\d|[A-Z])?)[ \t]{1,3}(?P<sector>\d)"
    r"[ \t]{1,3}(?P<unit>[ABD-HJLNP-UW-Z]{2})(?![\w])",
    re.IGNORECASE,
)
OUTWARD_SHAPE = re.compile(r"[A-Z]{1,2}\d{1,2}|[A-Z]{1,2}\d[A-Z]", re.IGNORECASE)
# Units of measure and ordinals that fit the unit letters ("3 st", "2 hr", "1 st").
NOT_UNIT = frozenset("st nd rd th hr yr ft lb lbs wk".split())

# "Selby District", "Furness General": the town's hospital by its short name.
SHORT_HOSPITAL = re.compile(
    r"(?<![\w'’-])(?P<name>(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+(?:District|General))"
    r"(?![\w'’-])(?!\s+(?:Council|Court|Line|Election|Manager|Secretary|Judge|Committee|"
    r"Nurs\w*|Practi\w*|Team|Health\s+Visitors?)\b)"
)
SHORT_HOSPITAL = gated(SHORT_HOSPITAL)
# "Hollin Lane Centre for Health and Care": the rule for "Centre" stops at "Health".
CENTRE_FOR_HEALTH = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}Cent(?:re|er)\s+for\s+Health"
    r"(?:\s+(?:and|&)\s+(?:Social\s+)?(?:Care|Wellbeing|Well-being))?)(?![\w'’-])"
)
CENTRE_FOR_HEALTH = gated(CENTRE_FOR_HEALTH)
# "re-attended at George's", "go to Queens", "seen at Mary's": a saint's or royal's possessive.
ROYAL_POSSESSIVE = re.compile(
    r"\b(?i:attended|re-?attended|go|went|going|gone|taken|admitted|transferred|sent|rushed|"
    r"seen|born|discharged|back|blue-?lighted)\s+(?i:to|at|from|in|into)\s+"
    r"(?P<unit>(?:King|Queen|George|Thomas|Mary|Guy|Bart|James|Peter|Luke|Michael|Richard|"
    r"Helen|Anne?|Margaret|Elizabeth|John|Mark|Catherine|Helier)(?:['’]s|s|['’]))"
    r"(?![\w'’-])(?!\s+(?:[A-Z]|house|place|flat|for\s+(?:tea|dinner|lunch)))"
)
ROYAL_POSSESSIVE = gated(ROYAL_POSSESSIVE)
# Verbs that say care was had wherever they lead.
STRONG_VISITS = ("re-attended", "reattended", "admitted", "discharged", "blue")
# "sectioned and taken to Elm Lodge": a named unit after a detention under the Mental Health Act.
DETENTION_CUE = re.compile(
    r"\b(?:section\s+[23]|sectioned|detained\s+under|mental\s+health\s+act|s\.?\s?136)\b", re.I
)
DETENTION_CUE = gated(DETENTION_CUE)
AFTER_DETENTION = re.compile(
    r"\b(?i:taken|admitted|transferred|moved|sent|brought)\s+(?i:to|into)\s+"
    r"(?P<unit>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})(?![\w'’-])"
)
# "on C4", "off D12": a ward code after a word that places someone on it. Not "A" or "M"
# (roads), no postcode after it.
ON_CODE = re.compile(
    r"(?<![\w])(?i:on|onto|off|from)\s+(?P<unit>[B-LN-Z]\d{1,2}[A-Z]?)(?![\w]|\s+\d[A-Z]{2}\b)"
)
WARD_WORDS = re.compile(
    r"\b(?:ward|wards|bed|bay|nurses?|admitted|discharged|transferred|hospital|sister|"
    r"consultant|rehab|weeks?\s+on|days?\s+on|nights?|stay|moved)\b",
    re.I,
)
# Codes that are also vitamins ("on D3", "on B12") need a ward's own words near, not "hospital".
VITAMINS = frozenset("B1 B2 B3 B5 B6 B7 B9 B12 D2 D3 K1 K2".split())
WARD_STRONG = re.compile(
    r"\b(?:ward|wards|bed|bay|nurses|rehab|transferred|moved|(?:weeks?|days?|nights?)\s+on)\b", re.I
)
NOT_WARD = re.compile(
    r"\b(?:vitamins?|vit|supplements?|tablets?|injections?|jabs?|deficien\w*|levels?|mg|mcg|"
    r"iu|capsules?|takes?|taking|prescribed|bus|buses|route|coach|train|seat|row|platform|"
    r"junction|channel|watch\w*|tv|telly|programme)\b",
    re.I,
)
# "Ward F5 or F6", "Ward C3/C4": the next code of a list begun with the word.
WARD_LIST = re.compile(
    r"\b(?i:ward)\s+[A-Z]{0,2}\d{1,3}[A-Z]?\??(?P<more>(?:\s*(?:,|/|&|\bor\b|\band\b)\s*"
    r"[A-Z]{1,2}\d{1,3}[A-Z]?(?![\w]))+)"
)
WARD_LIST = gated(WARD_LIST)
LIST_CODE = re.compile(r"[A-Z]{1,2}\d{1,3}[A-Z]?(?![\w])")
# "SAU 3", "AMU2": an assessment unit with its number, in any case of text.
NUMBERED_UNIT = re.compile(
    r"(?<![\w&/-])(?P<unit>(?:[A-Z]{1,2}AU|AMU|EPU|CDU)\s?\d{1,2}[A-Z]?)(?![\w])"
)
NUMBERED_UNIT = gated(NUMBERED_UNIT)
# "Bright Smiles", "HARBOUR SMILES SAID ...": a dental practice by its brand, with teeth near.
SMILES_BRAND = re.compile(
    r"(?<![\w'’-])(?P<name>(?:(?:[A-Z][a-z]+|[A-Z]{2,})\s+){1,2}(?:Smiles?|SMILES?)"
    # round 39: the brand's own last word ("Boston Smile Studio", "Bright Smile Clinic")
    r"(?:\s+(?:Studio|Studios|Clinic|Centre|Lounge|Co))?)(?![\w'’-])"
)
DENTAL_NEAR = re.compile(
    r"\b(?:dentists?|dental|teeth|tooth|toothache|fillings?|orthodont\w*)\b", re.I
)
NOT_BRAND = frozenset("big happy more many lots all no some few with and of".split())
# "Suite 2, Mill Court", "Room 9, Wren House": a room, unit or suite, then its building; a
# building named with "The" needs two capitalised words and a flat or unit before it ("Unit 4,
# The Old Forge,"; "Room 3, The nurse" is no building).
ROOM_AND_BUILDING = re.compile(
    r"(?<![\w])(?P<addr>(?:Room|Unit|Suite|Studio|Block)\s+\d{1,4}[A-Z]?,\s+"
    r"(?!(?:Dr|Mr|Mrs|Ms|Miss|Doctor|Nurse|Sister|The|I|We|He|She|They|It|My|Our|Level|Floor|"
    r"Ward|Bay)\b)"
    r"[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,3}"
    r"|(?:Unit|Flat|Apartment|Apt)\s+\d{1,4}[A-Z]?,\s+The\s+[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){1,2})"
    r"(?=\s*(?:[,.;)\n]|$))"
)
ROOM_AND_BUILDING = gated(ROOM_AND_BUILDING)
# "the chemist on Tor Hill": a named street after a chemist's, a surgery or a practice.
SHOP_ON_STREET = re.compile(
    r"\b(?i:pharmacist|pharmacy|chemists?|surgery|practice|dentists?|opticians?|clinic|"
    r"health\s+centre)\s+on\s+(?P<street>(?!(?:High|Main|Front|Market)\s)[A-Z][a-z]+\s+"
    r"(?:Hill|Road|Street|Lane|Avenue|Parade|Row|Way|Drive|Green|Broadway|Terrace|Crescent))"
    r"(?![\w'’-])"
)
SHOP_ON_STREET = gated(SHOP_ON_STREET)
# "pt Keane (QRH 5510298)": a hospital's letters and number in brackets.
BRACKETED_ID = re.compile(r"\(\s*(?P<id>[A-Z]{2,4}\s?\d{5,10})\s*\)")
# "Language Line ID 60231", "ID: 48817": a capitalised ID then its number.
AFTER_ID = re.compile(r"\b(?:ID|Id)\s*(?:no\.?|number|#|:)?\s*(?P<id>\d{4,10})(?![\w/.:-])")
YEAR = re.compile(r"(?:19|20)\d{2}")
# "hospital number is P as in Peter, 4, 1, 0, 2": a number read out with phonetics.
_DIGIT = r"(?:\d|zero|oh|one|two|three|four|five|six|seven|eight|nine|double\s+\w+)"
_ITEM = rf"(?:[A-Z]\s+(?:as\s+in|for)\s+[A-Za-z]+|{_DIGIT})"
PHONETIC_ID = re.compile(
    r"\b(?i:hospital|patient|nhs|unit|reference|ref|case|record)\s+(?i:number|no\.?)\s+"
    r"(?i:is\s+|was\s+|:\s*)?"
    rf"(?P<id>{_ITEM}(?:\s*,?\s*{_ITEM}){{3,}})(?![\w])"
)
PHONETIC_ID = gated(PHONETIC_ID)


def _near(pattern: re.Pattern, text: str, start: int, end: int, chars: int = NEAR) -> bool:
    return bool(pattern.search(text[max(0, start - chars) : end + chars]))


def loose_postcodes(text: str) -> Iterator[Finding]:
    for m in LOOSE_POSTCODE.finditer(text):
        if m.group("area").upper() not in POSTCODE_AREAS:
            continue
        if not OUTWARD_SHAPE.fullmatch(m.group("out")):
            continue
        # "B1 2 st" may be a weight; after a two-letter area ("so15 2 rd") it is a postcode.
        if m.group("unit").lower() in NOT_UNIT and len(m.group("area")) < 2:
            continue
        yield Finding(m.start(), m.end(), "POSTCODE", 0.9, "uk_postcode_loose")


def short_care_names(text: str) -> Iterator[Finding]:
    places = gazetteer().places
    for m in SHORT_HOSPITAL.finditer(text):
        if m.group("place").lower() in places and _near(CARE_NEAR, text, m.start(), m.end()):
            yield Finding(m.start(), m.end(), "CARE_SETTING", 0.8, "care_short")
    for m in SMILES_BRAND.finditer(text) if "mile" in text.lower() else ():
        words = list(re.finditer(r"\S+", m.group("name")))
        while len(words) > 1 and words[0].group().lower() in NOT_BRAND | STOP_WORDS:
            words.pop(0)
        if len(words) > 1 and _near(DENTAL_NEAR, text, m.start(), m.end(), 200):
            start = m.start("name") + words[0].start()
            yield Finding(start, m.end("name"), "CARE_SETTING", 0.75, "care_short")
    for m in CENTRE_FOR_HEALTH.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.85, "care_short")
    for m in ROYAL_POSSESSIVE.finditer(text):
        strong = m.group().lower().startswith(STRONG_VISITS)
        if strong or _near(CARE_NEAR, text, m.start("unit"), m.end("unit")):
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_short")
    if DETENTION_CUE.search(text):
        for m in AFTER_DETENTION.finditer(text):
            unit = m.group("unit")
            if unit.lower() in places or unit.split()[0].lower() in places:
                continue  # "taken to Milton Keynes", a town
            if _near(DETENTION_CUE, text, m.start(), m.start(), 200):
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.7, "care_short")


def ward_codes(text: str) -> Iterator[Finding]:
    for m in ON_CODE.finditer(text):
        s, e = m.start("unit"), m.end("unit")
        cue = WARD_STRONG if m.group("unit").upper() in VITAMINS else WARD_WORDS
        if _near(cue, text, s, e, 100) and not _near(NOT_WARD, text, s, e, 40):
            yield Finding(s, e, "CARE_SETTING", 0.75, "ward_code")
    for m in WARD_LIST.finditer(text):
        base = m.start("more")
        for c in LIST_CODE.finditer(m.group("more")):
            yield Finding(base + c.start(), base + c.end(), "CARE_SETTING", 0.75, "ward_code")
    for m in NUMBERED_UNIT.finditer(text):
        yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.8, "ward_code")


def short_addresses(text: str) -> Iterator[Finding]:
    for m in ROOM_AND_BUILDING.finditer(text):
        yield Finding(m.start("addr"), m.end("addr"), "ADDRESS", 0.8, "room_address")
    for m in SHOP_ON_STREET.finditer(text):
        yield Finding(m.start("street"), m.end("street"), "ADDRESS", 0.75, "shop_street")


def spoken_and_bracketed_ids(text: str) -> Iterator[Finding]:
    for m in BRACKETED_ID.finditer(text):
        yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.85, "id_bracketed")
    for m in AFTER_ID.finditer(text):
        if not YEAR.fullmatch(m.group("id")):
            yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.85, "id_after_id")
    for m in PHONETIC_ID.finditer(text):
        yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.85, "id_phonetic")


def short_place_findings(text: str) -> list[Finding]:
    """Everything above; overlaps are settled by the caller with the other recognisers'."""
    return [
        *loose_postcodes(text),
        *short_care_names(text),
        *ward_codes(text),
        *short_addresses(text),
        *spoken_and_bracketed_ids(text),
    ]


# "at The Laurels", "The Hollies in Garstang": a capital "The" mid-sentence is part of the
# name that follows it (a lower-case "the" stays outside).
CAPITAL_THE = re.compile(r"(?<![\w'’-])The[ \t]+$")
HOME_NEAR = re.compile(
    r"\b(?:care|home|homes|resident|residents|respite|residential|nursing|carers?|staff|"
    r"visit|visiting|room|manager)\b",
    re.I,
)


def with_capital_the(text: str, findings: list[Finding]) -> list[Finding]:
    """Widen a place, care setting or mistaken name over a capital "The" written mid-sentence
    before it; a name so written is a place, so a "person" becomes a care setting (with care
    words near) or a place."""
    out: list[Finding] = []
    for f in findings:
        m = None
        if f.label in ("CARE_SETTING", "LOCATION", "PERSON"):
            m = CAPITAL_THE.search(text, max(0, f.start - 8), f.start)
        if m is None or not _mid_sentence(text, m.start()):
            out.append(f)
            continue
        label = f.label
        if label == "PERSON":
            near = _near(HOME_NEAR, text, f.start, f.end) or _near(CARE_NEAR, text, f.start, f.end)
            label = "CARE_SETTING" if near else "LOCATION"
        out.append(Finding(m.start(), f.end, label, f.score, f.source))
    return out


def _mid_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?\n:;*•-" and not before.endswith("—\n")
