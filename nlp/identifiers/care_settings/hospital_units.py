"""Care settings named by the hospital's own shorthand, or by the shop where care was had.

Kinds met in stories written by people who never saw this code (issue 20, fifth round), none
of which carries a word such as "Ward", "Hospital" or "Surgery" that the other rules key on:

- a ward or area named by the hospital's signage: "moved off Gate 31", "on Level 6B" (big
  teaching hospitals number their entrances and floors, and patients repeat the sign; with a
  letter after the number it is signage wherever it is, without one a care word must be near);
- a ward code with its specialty, or alone after a move: "a bed on D3 Cardiology",
  "transferred to F12", or in a run of wards: "from the assessment unit to C4, then to
  Ribblesdale Ward" (twenty-fourth round);
- an assessment unit by its initials: "on the MAU", "AMU then ...", "told by EPAU";
- a hospital by its city and patients: "Leeds Children's", "at Coventry Women's";
- a pharmacy named by whoever runs it, after the pharmacist or the prescription:
  "the pharmacist at Superdrug", "picked it up from Rowlands";
- a hospital by its possessive nickname after an admission ("admitted to Tommy's"), by its
  initials before a department ("the QEH A&E", "discharged from nch"), or by a capitalised
  generic name in a care sentence ("scan at the County");
- a named day centre, or a care-home field on a form ("Care home: The Elms");
- initials joined by "&" ("the C&W") and pharmacies by brand ("Pharmacy2U").

Each needs its own cue (a care word near, a capitalised city, a pharmacy word before) so that
"level 3", "gate 5" or a postcode district stays where no care is being described.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import COUNTRIES, gazetteer
from nlp.identifiers.core.number_words import UNDER_100
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import CARE_NEAR

NEAR_CHARS = 120
# Initials that are tests, conditions or paperwork rather than a hospital.
NOT_HOSPITAL = frozenset("MRI UTI BMI PPI TCI AKI ABI TBI RTI SSI HAI ICH SAH PPH BPH".split())

# "Gate 31", "Level 6B", "Floor 4", "Pod 2A" after a word that places someone there.
# Twenty-eighth round: a gate said in words ("up to Gate forty-four, one of the wards"; v14) and a
# gate after its hospital and a slash or a comma ("Pinderfields / Gate 45"; v31).
SIGNED_AREA = re.compile(
    r"(?:(?<![\w])(?:on|onto|to|off|from|at|in|up\s+to|down\s+to)\s+(?:the\s+)?|"
    r"(?<=[\w)])[ \t]*[/,][ \t]*(?=(?-i:Gate)))"
    r"(?P<unit>(?-i:Gate|Level|Floor|GATE|LEVEL)\s+\d{1,2}[A-Za-z]?|"
    rf"(?-i:Gate)\s+{UNDER_100})(?![\w-])",
    re.IGNORECASE,
)
SPECIALTIES = (
    r"Haematology|Cardiology|Oncology|Neurology|Respiratory|Gastro(?:enterology)?|Urology|"
    r"Orthopaedics?|Trauma|Renal|Stroke|Surgical|Surgery|Medical|Medicine|Gynaecology|"
    r"Maternity|Paediatrics?|Dermatology|Vascular|Elderly\s+Care|Care\s+of\s+the\s+Elderly|"
    r"Rehab(?:ilitation)?|Geriatrics?|Endocrinology|Hepatology|Colorectal|Oncology"
)
# "D3 Cardiology", "B4 Haematology", "C12 Stroke": a code that names the ward.
CODE_AND_SPECIALTY = re.compile(
    rf"(?<![\w/-])(?P<unit>[A-Z]{{1,2}}\d{{1,2}}[A-Z]?\s+(?:{SPECIALTIES}))(?![\w])"
)
CODE_AND_SPECIALTY = gated(CODE_AND_SPECIALTY)
# "moved to C7", "transferred onto F12", "back on B3": a code alone after a move, when it is no
# postcode ("moved to B4 7XY") and no road ("moved to the M6").
MOVED_TO_CODE = re.compile(
    r"(?<![\w])(?i:moved|transferred|sent|taken|wheeled|went|go|back)\s+"
    r"(?i:up\s+|down\s+|over\s+)?(?i:to|onto|on)\s+(?P<unit>[A-LN-Z]\d{1,2}[A-Z]?)(?![\w]|\s+\d[A-Z]{2}\b)"
)
MOVED_TO_CODE = gated(MOVED_TO_CODE)
# Round 39: a stay on a ward by its code ("she was on E6", "he's been on C3 since Monday"), when
# a word of care is near; a code whose letter is a road's or a vitamin's ("on the A1", "on
# B12", "D3") is left, and so is a cream's two figures ("on E45"). A second code offered as
# the writer's doubt ("E6 (i think, or E5)") is a ward too.
# The hand-written gate (`prefilter.gated`'s `behind`) of the two codes after common words
# below ("on", "to", "and"): a space, a capital and a figure, which few stories hold.
SPACE_CODE = re.compile(r"\s[A-Z]\d")
STAYED_ON_CODE = gated(
    re.compile(
        r"(?<![\w])(?i:was|were|is|been|stayed|still|['’]s)\s+(?i:on)\s+"
        r"(?P<unit>[CEFGHJLNPRSTUVWXYZ]\d[A-Z]?)(?![\w]|\s+\d[A-Z]{2}\b)"
        r"(?![ \t]+(?i:cream|tablets?|injections?|drops|gel|spray|patch(?:es)?|supplements?|"
        r"vitamins?|oil|ointment|inhalers?|capsules?|bus|road|route|line|plan|tariff|setting)\b)"
    ),
    behind=SPACE_CODE,
)
OR_ANOTHER_CODE = re.compile(
    r"[^\n.;]{0,25}?\b(?i:or)\s+(?:(?i:maybe|possibly|perhaps|was\s+it)\s+)?(?P<unit>[A-Z]\d{1,2}[A-Z]?)(?![\w]|\s+\d[A-Z]{2}\b)"
)
# "from the assessment unit to C4, then to Ribblesdale Ward", "on ward 4 now, not A3": a code
# alone in a run of wards (twenty-fourth round), taken when a ward's word is in the same
# stretch of text; a road ("the A3") has its article, and a motorway is an "M".
CODE_AMONG_WARDS = re.compile(
    r"(?<![\w])(?i:to|onto|on|off|from|into|not|and|or)\s+"
    r"(?P<unit>[A-LN-Z]\d{1,2}[A-Z]?)(?![\w]|\s+\d[A-Z]{2}\b)"
)
CODE_AMONG_WARDS = gated(CODE_AMONG_WARDS, behind=SPACE_CODE)
# "the ward, C54 I think", "Nice ward, A4", "the ward manager of C5", "a ward clerk on AM3"
# (twenty-seventh round): a code right after the word "ward" or its staff, set off by a comma,
# colon or dash or joined by "of", "on", "is", "was" (seen in three writers' sets). The
# code may have two letters here, since the word before makes it a ward; a vitamin or a dose
# after it ("the ward, B12 injections") and a road or paper near it are left.
WARD_THEN_CODE = re.compile(
    r"\b(?i:ward)(?:\s+(?i:managers?|clerks?|sisters?|staff|nurses?|matron))?"
    r"(?:[ \t]*[,:–—-][ \t]*|\s+(?i:of|on|is|was|called)\s+)"
    r"(?P<unit>[A-Z]{1,2}\d{1,2}[A-Z]?)(?![\w/]|\s+\d[A-Z]{2}\b)"
    r"(?!\s+(?i:injections?|jabs?|tablets?|vitamins?|deficien\w*|levels?|mg|mcg|paper)\b)"
)
WARD_THEN_CODE = gated(WARD_THEN_CODE)
WARD_WORD = re.compile(r"\b(?i:ward|wards|unit|bay|bays)\b")
WARD_WORD_CHARS = 70
# A road or a sheet of paper by the same code: "turn on to A3", "print on A4".
ROAD_OR_PAPER = re.compile(
    r"\b(?i:road|roads|roundabout|junction|turn|turning|exit|drive|drove|driving|traffic|lorry|"
    r"print|printed|paper|sheet|poster|leaflet|size)\b"
)
# Assessment and admissions units by their initials: "AMU", "MAU", "SAU", "EAU", "GAU",
# "EPAU", "EPU" (early pregnancy), "CDU" (clinical decision unit). Capitals as written.
UNIT_INITIALS = re.compile(r"(?<![\w&/-])(?P<unit>(?:[A-Z]{1,2}AU|AMU|EPU|CDU))(?![\w&/-])")
UNIT_INITIALS = gated(UNIT_INITIALS)
# "Leeds Children's", "Liverpool Women's", "Royal Manchester Childrens": patients for a hospital.
PATIENTS_HOSPITAL = re.compile(
    r"(?<![\w'’-])(?P<unit>(?:Royal\s+)?(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+"
    r"(?:Children|Women)(?:['’]s|s)(?![\w'’]))",
)
PATIENTS_ANY_CASE = re.compile(
    r"(?<![\w'’-])(?:at|to|in|from|into)\s+(?:the\s+)?(?P<unit>(?:royal\s+)?(?P<place>[a-z]+)\s+"
    r"(?:children|women)(?:['’]s|s)(?![\w'’]))",
    re.IGNORECASE,
)
# "the pharmacist at Superdrug", "prescription from Rowlands", "chemist at Jhoots in Leek".
PHARMACY_CUE = re.compile(
    r"\b(?i:pharmacist|chemist|pharmacy|prescriptions?|meds|medication|inhalers?|repeat)\s+"
    r"(?:\w+\s+){0,2}?(?:at|from)\s+(?P<unit>[A-Z][\w'’]*[a-z0-9][\w'’]*)(?![\w'’-])"
)
# "Well Pharmacy", "Day Lewis Chemist": a capitalised name (which may be an everyday word) then
# the shop's kind, capitalised as a name is; "Community Pharmacy" is a service, not a shop.
NAMED_SHOP = re.compile(
    r"(?<![\w'’-])(?P<unit>(?P<first>[A-Z][\w'’]+)(?:\s+[A-Z][\w'’]+)?\s+"
    r"(?:Pharmacy|Chemists?|Opticians))(?![\w'’])"
)
# "admitted to Jimmy's", "in Bart's for a stroke": a possessive name after a move into care,
# followed by what ends a place's mention (not "at Tom's house").
POSSESSIVE_AFTER_ADMISSION = re.compile(
    r"\b(?i:admitted\s+to|discharged\s+from|transferred\s+to|taken\s+to|rushed\s+to|"
    r"blue-?lighted\s+to|born\s+at|(?:was|were|been|is|stayed)\s+(?:in|at))\s+"
    r"(?P<unit>[A-Z][a-z]+['’]s)(?=[.,;)!?]|\s+(?:for|last|on|in|with|and|after|since|until|"
    r"when|yesterday|today|this|overnight|twice|again|but|where|$))"
)
# "MRI A&E", "the QEH maternity unit", "NNUH outpatients": initials before a department ("ED"
# is left out: "CAMHS ED team" is an eating-disorder service).
INITIALS_BEFORE_DEPARTMENT = re.compile(
    r"(?<![\w&/-])(?P<unit>[A-Z]{2,5})\s+(?=A&E|A\s+and\s+E|Emergency\s+Department|"
    r"maternity|Maternity|outpatients|Outpatients|children['’]s\s+ward|eye\s+clinic)"
)
# Round 39: initials before "ED" after a move or a place word ("escorted to MRI ED", "seen in
# the RVI ED"): an emergency department is a hospital's, so even initials that are also a
# scan's ("MRI") name the hospital there. A service's eating-disorder team ("CAMHS ED team",
# "referred to CAMHS ED") has a service's initials or a team's word after it.
INITIALS_BEFORE_ED = gated(
    re.compile(
        r"\b(?:to|at|in|into|from|via|through)\s+(?:the\s+)?(?P<unit>[A-Z]{2,5})\s+ED"
        r"(?![\w&/-])(?![ \t]+(?i:team|services?|nurses?|clinic|outreach|pathway|ward|unit|"
        r"dietitians?|specialists?|patients?|referral))"
    )
)
# Round 39: a unit's own name before its kind, the kind in initials or a maternity unit's words
# ("moved to Oleander PICU", "the Central Delivery Suite", "Rainbow Birth Centre"). The kind
# alone is generic ("PICU", "the delivery suite"), and so is a specialty or a sentence's
# opening word before it ("Paediatric ICU", "Neonatal Unit", "Then PICU rang").
NAMED_UNIT = gated(
    re.compile(
        r"(?<![\w'’&-])(?P<unit>(?:[A-Z][a-z'’]{2,}[ \t]+){1,2}(?:PICU|NICU|SCBU|HDU|ICU|ITU|CCU|"
        r"AMU|MAU|EAU|CDU|Delivery[ \t]+Suite|Birth(?:ing)?[ \t]+Cent(?:re|er)|Labour[ \t]+Ward|"
        r"Midwife[ \t-]+[Ll]ed[ \t]+Unit))(?![\w'’-])"
    )
)
GENERIC_UNIT_WORDS = frozenset(
    """paediatric pediatric neonatal adult general cardiac cardiothoracic surgical medical main
    regional local intensive critical coronary acute children's childrens maternity obstetric
    special the our my his her their then after when while once from into nhs hospital new old
    women's womens mental psychiatric specialist high dependency unit ward and but with""".split()
)


def _after_generic_words(text: str, m: re.Match) -> int | None:
    """Where a named unit's name starts once generic words before it are left out, or None
    when no word of a name is left ("the Neonatal ICU", "Then PICU")."""
    words = list(re.finditer(r"\S+", m.group("unit")))
    kind_words = 2 if words[-1].group() in ("Suite", "Centre", "Center", "Ward", "Unit") else 1
    if words[-1].group() == "Unit":
        kind_words = 3
    for w in words[: len(words) - kind_words]:
        low = w.group().lower()
        if low not in GENERIC_UNIT_WORDS and low not in STOP_WORDS:
            return m.start("unit") + w.start()
    return None


NOT_ED_INITIALS = frozenset("CAMHS CMHT CYPMHS EDS CEDS MHST IAPT NHS GP UK".split())
# "discharged from lri", "taken to the qmc": lower-case initials after a move into care, ending
# as hospital and infirmary initials do (or a listed short form is for the list to find).
LOWER_INITIALS_AFTER_MOVE = re.compile(
    r"\b(?:admitted\s+to|discharged\s+from|transferred\s+to|taken\s+to|rushed\s+to|"
    r"sent\s+to|referred\s+to)\s+(?:the\s+)?(?P<unit>[a-z]{1,4}[hi])(?![\w&'’-])"
)
LOWER_INITIALS_AFTER_MOVE = gated(LOWER_INITIALS_AFTER_MOVE)
# "a scan at the County", "seen at the Western": a capitalised generic hospital name.
GENERIC_CAPITALISED = re.compile(
    r"\b(?:at|to|in|from|into)\s+the\s+(?P<unit>City|County|Western|Northern|Southern|Eastern|"
    r"Central|Queens|Victoria|Alexandra|Princess)(?![\w'’-]|\s+[A-Za-z])"
    r"|\b(?:at|to|in|from|into)\s+the\s+(?P<unit2>City|County|Western|Northern|Southern|Eastern|"
    r"Central|Queens|Victoria|Alexandra|Princess)(?=\s+(?:for|last|on|in|with|and|after|since|"
    r"until|when|yesterday|today|this|overnight|twice|again|but|where|to|from)\b)"
)
GENERIC_CAPITALISED = gated(GENERIC_CAPITALISED)
# "Hirst Park day centre", "Moorside Day Centre": a named day centre or care home written with
# its kind in lower case.
NAMED_DAY_CENTRE = re.compile(
    r"(?<![\w'’-])(?!(?:At|The|In|On|To|From|A|An|Our|My|His|Her|Their|This|That|Its)\s)"
    r"(?P<unit>(?:[A-Z][a-z'’]+\s+){1,3}(?:day\s+(?:centre|center|hospice|unit)|"
    r"respite\s+(?:centre|unit|home)|memory\s+clinic))\b"
)
NAMED_DAY_CENTRE = gated(NAMED_DAY_CENTRE)
# "the C&W", "at the B&H": a hospital's initials joined by "&", near a care word.
AMPERSAND_INITIALS = re.compile(
    r"\bthe\s+(?P<unit>(?!A&E\b|R&D\b|Q&A\b|B&Q\b|M&S\b|P&O\b)[A-Z]{1,3}&[A-Z]{1,3})(?![\w&])"
)
# "Pharmacy2U", "ChemistDirect", "QuickPharmacy": an online or chain pharmacy by its brand.
PHARMACY_BRAND = re.compile(
    r"(?<![\w-])(?P<unit>(?:Pharmacy|Chemist)[A-Z0-9][\w]*|[A-Z][a-z]+(?:Pharmacy|Chemist))(?![\w-])"
)
# "Care home: The Beeches", "GP surgery - Lime Tree", "Hospital: Tameside": a form's field.
CARE_FIELD = re.compile(
    r"\b(?i:care\s+home|nursing\s+home|residential\s+home|home|gp\s+surgery|gp\s+practice|"
    r"surgery|practice|hospital|hospice|ward)(?:\s+name)?\s*:\s*"
    r"(?P<unit>(?:The\s+)?(?!(?:I|The|A|An|My|Our|It|We|He|She|They|Yes|No|None)\b)"
    r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})"
)
CARE_FIELD = gated(CARE_FIELD)
# Thirty-eighth round: a setting's own name before the colon ("Oakfield Surgery: Your
# appointment ...", "Bridge Street Practice: Unfortunately ...") heads a text message or a
# notice from it, and what follows is its message, not a field's answer. A field's label
# before it is everyday words ("GP Surgery:", "Usual practice:", "Name of home:").
SENDER_BEFORE = re.compile(
    r"(?<![\w'’-])(?!(?:GP|Gp|Care|Nursing|Residential|Registered|Usual|Current|Previous|Your|"
    r"My|Her|His|Their|Our|Dental|The|Name|Named|Nominated|Local|Own|Patient|Patients)\b)"
    r"[A-Z][\w'’&-]*[ \t]+$"
)
# Thirty-eighth round: a pharmacy's field on a prescription screen or a repeat slip
# ("Nominated pharmacy: Well Pharmacy, 18 ...", "Pharmacy: Day Lewis Pharmacy"): the value
# ending in "Pharmacy" or "Chemist" is the branch, even when its first word is an everyday
# one ("Well", "Day") that the name rules leave.
PHARMACY_FIELD = re.compile(
    r"\b(?i:(?:nominated|usual|preferred|regular|your|my)\s+)?(?i:pharmacy|chemist)\s*:\s*"
    r"(?P<unit>(?:[A-Z][\w'’&-]*\s+){1,3}(?:Pharmacy|Chemists?|PHARMACY|CHEMISTS?))(?![\w'’-])"
)
PHARMACY_FIELD = gated(PHARMACY_FIELD)
# Thirty-eighth round: a vaccination centre in a borrowed venue, its kind in lower case after
# the venue's name ("Steam Museum vaccination centre", "the Racecourse vaccination hub"):
# the venue names the centre. A kind of place alone ("the NHS vaccination centre", "a local
# vaccination site") is none.
VACCINATION_CENTRE = re.compile(
    r"(?<![\w'’-])(?P<unit>(?:[A-Z][\w'’-]+[ \t]+){1,3}"
    r"(?:vaccination|vaccine|covid|covid-19|jab|booster)[ \t]+(?:centre|center|hub|site|clinic))\b"
)
VACCINATION_CENTRE = gated(VACCINATION_CENTRE)
STRONG_MOVES = ("admitted", "discharged", "transferred", "taken", "rushed", "blue", "born")
FAMILY = frozenset(
    """mum mam mom dad nan nana nanna gran granny grandma grandad grandpa auntie aunty aunt
    uncle sister brother cousin friend friends neighbour son daughter""".split()
)
NOT_INITIALS = frozenset("nhs gp gps uk nhs24 a&e ae".split())
NOT_AN_ANSWER = frozenset("yes no none not unknown n/a na tbc the".split())
NOT_SHOP = frozenset(
    """the a my our his her their this that last first home work hospital night christmas
    easter monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december community local online nhs
    hospital high street village new old nearest""".split()
)


# A short message about a stay in care: a ward code stayed on may be far from the care word
# ("dischargd from QA yesterday … she was on E6"); misspelt discharges count.
SHORT_STORY_CHARS = 1500
STORY_CARE = re.compile(r"\b(?:dischar\w*|admit\w*|hospital\w*|wards?|nurses?|a&e)\b", re.I)


def _short_care_story(text: str) -> bool:
    return len(text) <= SHORT_STORY_CHARS and bool(STORY_CARE.search(text))


def _near_care(text: str, start: int, end: int) -> bool:
    return bool(CARE_NEAR.search(text[max(0, start - NEAR_CHARS) : end + NEAR_CHARS]))


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


def _has(low: str, *words: str) -> bool:
    """A cheap test before a pattern runs: most stories name no ward code or pharmacy."""
    return any(w in low for w in words)


def hospital_units(text: str) -> Iterator[Finding]:
    low = text.lower()
    digits = any(c.isdigit() for c in text)
    mixed = not text.isupper()
    for pattern, wanted in (
        (SIGNED_AREA, _has(low, "gate", "level", "floor")),
        (MOVED_TO_CODE, digits),
        (STAYED_ON_CODE, digits),
    ):
        for m in pattern.finditer(text) if wanted else ():
            lettered = pattern is SIGNED_AREA and m.group("unit")[-1].isalpha()
            stay = pattern is STAYED_ON_CODE and _short_care_story(text)
            if lettered or stay or _near_care(text, m.start("unit"), m.end("unit")):
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_unit")
                other = OR_ANOTHER_CODE.match(text, m.end()) if pattern is not SIGNED_AREA else None
                if other:
                    yield Finding(
                        other.start("unit"), other.end("unit"), "CARE_SETTING", 0.7, "care_unit"
                    )
    for m in CODE_AMONG_WARDS.finditer(text) if digits else ():
        start, end = m.start("unit"), m.end("unit")
        if WARD_WORD.search(
            text, max(0, start - WARD_WORD_CHARS), end + WARD_WORD_CHARS
        ) and not ROAD_OR_PAPER.search(text, max(0, start - 30), end + 30):
            yield Finding(start, end, "CARE_SETTING", 0.7, "care_unit")
    for m in WARD_THEN_CODE.finditer(text) if digits else ():
        start, end = m.start("unit"), m.end("unit")
        if not ROAD_OR_PAPER.search(text, max(0, start - 30), end + 30):
            yield Finding(start, end, "CARE_SETTING", 0.7, "care_unit")
    if mixed:
        for pattern, wanted in ((CODE_AND_SPECIALTY, digits), (UNIT_INITIALS, True)):
            for m in pattern.finditer(text) if wanted else ():
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.8, "care_unit")
    places = gazetteer().places
    if _has(low, "children", "women"):
        for pattern in (PATIENTS_HOSPITAL, PATIENTS_ANY_CASE):
            for m in pattern.finditer(text):
                if m.group("place").lower() in places or m.group("unit").lower().startswith(
                    "royal"
                ):
                    yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.8, "care_unit")
    if mixed:
        named = (
            (POSSESSIVE_AFTER_ADMISSION, "'s" in text or "’s" in text),
            (INITIALS_BEFORE_DEPARTMENT, True),
            (NAMED_DAY_CENTRE, _has(low, "day ", "respite", "memory")),
        )
        for pattern, wanted in named:
            for m in pattern.finditer(text) if wanted else ():
                first = re.sub(r"['’]s$", "", m.group("unit").split()[0].lower())
                if first in NOT_SHOP or first in FAMILY or first in NOT_INITIALS:
                    continue  # "was at Mum's", "the NHS maternity pathway"
                if first in STOP_WORDS:
                    continue  # "was at Mum's", "the NHS maternity pathway"
                strong = m.group().lower().startswith(STRONG_MOVES)
                if pattern is POSSESSIVE_AFTER_ADMISSION and not strong:
                    if not _near_care(text, m.start("unit"), m.end("unit")):
                        continue  # "was in Sainsbury's, shopping"
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_unit")
        for m in VACCINATION_CENTRE.finditer(text):
            words = [w.lower() for w in m.group("unit").split()[:-2]]
            if not any(w in NOT_SHOP or w in NOT_INITIALS or w in STOP_WORDS for w in words):
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_unit")
        for m in PHARMACY_FIELD.finditer(text) if ":" in text else ():
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.8, "care_field")
        for m in CARE_FIELD.finditer(text) if ":" in text or "-" in text else ():
            if SENDER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Oakfield Surgery: Your appointment ...": a text's sender (round 38)
            if m.group("unit").lower() not in NOT_AN_ANSWER:
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_field")
    for m in NAMED_UNIT.finditer(text):
        start = _after_generic_words(text, m)
        if start is not None:
            yield Finding(start, m.end("unit"), "CARE_SETTING", 0.75, "care_unit")
    for m in INITIALS_BEFORE_ED.finditer(text):
        if m.group("unit") not in NOT_ED_INITIALS:
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_unit")
    common = gazetteer().common_words
    for m in LOWER_INITIALS_AFTER_MOVE.finditer(text):
        if m.group("unit") not in common and m.group("unit").upper() not in NOT_HOSPITAL:
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.7, "care_unit")
    for m in GENERIC_CAPITALISED.finditer(text):
        key = "unit" if m.group("unit") else "unit2"
        if _near_care(text, m.start(key), m.end(key)):
            yield Finding(m.start(key), m.end(key), "CARE_SETTING", 0.7, "care_unit")
    for m in AMPERSAND_INITIALS.finditer(text) if "&" in text else ():
        if _near_care(text, m.start("unit"), m.end("unit")):
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.7, "care_unit")
    if _has(low, "pharmac", "chemist", "optician"):
        for m in PHARMACY_BRAND.finditer(text):
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_shop")
        for m in NAMED_SHOP.finditer(text):
            if m.group("first").lower() not in NOT_SHOP and not _sentence_start(text, m.start()):
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "care_shop")
    if _has(low, "pharmac", "chemist", "prescription", "meds", "medication", "inhaler", "repeat"):
        for m in PHARMACY_CUE.finditer(text):
            unit = m.group("unit").lower()
            if unit not in NOT_SHOP and unit not in places and unit not in COUNTRIES:
                yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.7, "care_shop")
