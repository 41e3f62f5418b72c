"""Numbers an organisation issues: hospital and CHI numbers, case and complaint references,
prison numbers, found after their cue or by a shape of letters and digits.

Each organisation writes its own formats, so besides the cued rules the shapes are general
(groups of letters and digits joined by slashes or dashes, a long run of digits), and
NOT_A_REFERENCE takes back the dates, ranges and names ("24/7", "COVID-19") they also fit.
Fifth round (issue 20): short references after their cue ("Ref: PALS 23-1187") and a system's
initials with a year and serial ("CRM 2024-18842"). References in other groupings after their
cue are nlp/identifiers/numbers/cued_references.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated, gated_all

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


# Other identifiers: hospital numbers, case and complaint references, CHI numbers.

# Round 82: "Datix", the incident system most trusts report in, is a cue too: "INCIDENT REPORT
# Datix 570695" (v114; 25 sets mark a Datix reference, the others with letters in it).
ID_CUE = (
    r"(?:hospital|patient|unit|mrn|chi|case|complaint|pals|reference|ref|record|crn|datix|"
    r"nhs\s+trust)\s*(?:number|no\.?|num|id|ref(?:erence)?|#)?\s*(?:is|was|:|#)?\s*"
)
OTHER_IDS = (
    re.compile(rf"\b{ID_CUE}(?P<id>[A-Z]{{0,4}}[/-]?\d{{5,12}}[A-Z]?)(?![\w])", I),
    # Hospital and CHI numbers written in groups: "J 448 7712", "MRN 00 4471 9320", "RX4 556 7721".
    re.compile(
        rf"\b{ID_CUE}(?P<id>(?:[A-Z]{{1,5}}\d?\s?)?\d{{2,6}}(?:\s\d{{2,6}}){{1,3}}[A-Z]?)(?![\w])",
        I,
    ),
    # Organisations' own reference formats: groups of letters and digits joined by slashes or
    # dashes, with a run of three or more digits ("BCU/COMP/22/0418", "2023-PALS-0914").
    re.compile(
        r"(?<![\w/.-])(?P<id>(?=[A-Z0-9/-]*\d{3})[A-Z0-9]{1,10}(?:[/-][A-Z0-9]{1,10}){1,4})"
        r"(?![\w/-]|\.\w)",
        I,
    ),
    re.compile(r"(?<![\w/])(?P<id>[A-Z]{2,6}/\d{2,4}/\d{2,8})(?![\w/])", I),
    re.compile(r"(?<![\w-])(?P<id>[A-Z]{2,5}-\d{4,10})(?![\w-])", I),
    re.compile(r"(?<![\w])(?P<id>[A-Z]{1,4}\d{6,10}[A-Z]?)(?![\w])", I),
    re.compile(r"(?<![\w.,/:+-])(?P<id>\d{7,12})(?![\w/:]|[.,]\d)"),
)
OTHER_IDS = gated_all(OTHER_IDS)


# A short reference after its own cue, with the team's or system's initials between: "Ref: PALS
# 23-1187", "our ref ASC/22-904", "case no. 24-00318". Two groups joined by a dash or a slash,
# the second of three or more digits, so neither a date ("12/03") nor a range ("3-4") is taken.
CUED_SHORT_REF = re.compile(
    r"\b(?:ref(?:erence)?|our\s+ref|case|complaint|pals)\s*(?:number|no\.?|#)?\s*[:#]?\s*"
    r"(?:(?-i:[A-Z]{2,6})[\s/]+)?(?P<id>\d{2,4}[-/]\d{3,6})(?![\w/-])",
    I,
)
CUED_SHORT_REF = gated(CUED_SHORT_REF)
# A system's initials, a year and a serial: "CRM 2024-18842", "DATIX 2023/0412", "LFR 2022-771".
INITIALS_YEAR_SERIAL = re.compile(
    r"(?<![\w/-])(?P<id>(?-i:[A-Z]{2,6})\s(?:19|20)\d{2}[-/]\d{3,7})(?![\w/-])"
)
INITIALS_YEAR_SERIAL = gated(INITIALS_YEAR_SERIAL)
# Round 39: a system's or a database's name before "ID" and a number of five figures or more,
# as outreach and case notes cite the record ("CHAIN ID 112934", "Mosaic ID 3382190", "LAS ID
# 20931"). "Photo ID 2 forms", "ID 12" have too few figures, and a year is no record.
SYSTEM_ID = re.compile(
    r"(?<![\w-])(?-i:[A-Z][A-Za-z0-9]{1,11})[ \t]+(?-i:ID)[ \t]*(?:[:#=-]|is|was)?[ \t]*"
    r"(?P<id>[A-Z]{0,4}\d{5,12}[A-Z]?)(?![\w/]|[.,]\d)"
)
SYSTEM_ID = gated(SYSTEM_ID)


# Round 82: a bank's sort code beside an account, as an attorney's or a carer's letter gives it
# ("sort code 86-24-68, account 75105254"; v92 and v114): with the account it finds the money.
SORT_CODE = gated(
    re.compile(
        r"\bsort[ \t-]?code[ \t]*(?:is|was|:)?[ \t]*(?P<id>\d{2}([- ]?)\d{2}\2\d{2})(?![\w-])", I
    )
)

# Round 83: the Local Government and Social Care Ombudsman's case number, eight figures in
# groups of two, three and three, which complainants write with no cue ("the ombudsman (22 011
# 316) found the council at fault"; v116, and after a cue in v43 and v77). Across the sets the
# shape is never anything else; a sum carries its currency, a round figure its zeros and a
# count the things it counts ("45 300 100 cases").
EIGHT_FIGURE_CASE = gated(
    re.compile(
        r"(?<![\w£$€.,/:+-])(?<![\d£$€] )(?P<id>\d{2} \d{3} \d{3})(?![\w]|[ .,]\d)"
        r"(?![ \t]+(?i:people|persons|patients|cases|residents|adults|children|pounds|years|"
        r"items|visits|calls|appointments|beds|staff|users|households|homes|deaths|tests|doses|"
        r"words|times|prescriptions|referrals|contacts|members)\b)"
    )
)


NOT_A_REFERENCE = re.compile(
    r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{4}[/-]\d{2,4}|\d{1,4}[/-]\d{1,4}|"
    r"[A-Z]+(?:-[A-Z]+)*-\d{1,2}|\d+(?:[/-]\d{1,3})+",
    I,
)


# A prison number in the national format (one letter, four digits, two letters: "A1234BC"),
# written with or without a cue; in capitals only, as it is issued.
PRISON_NUMBER = re.compile(r"(?<![\w/-])(?P<id>[A-Z]\d{4}[A-Z]{2})(?![\w/-])")
# Round 67 (a retired set, v85): Ireland's Personal Public Service Number, which people living
# over the border give with their Eircode, seven figures and one or two letters ("PPSN:
# 1200574DA", "medical card no. 0274418K"); in capitals, as it is issued.
PPS_NUMBER = re.compile(r"(?<![\w/-])(?P<id>\d{7}[A-Z]{1,2})(?![\w/-])")
# Round 70 (a retired set, v90, and v43 and v44 before it): a pupil's Unique Pupil Number, one
# capital and twelve figures ("UPN: H823119408011", "(B872695213676, Y3)"), with or without
# its cue.
PUPIL_NUMBER = re.compile(r"(?<![\w/-])(?P<id>[A-Z]\d{12})(?![\w/-])")


# Round 88: a vehicle's registration in the current format, two letters, the two figures of its
# age and three letters ("YK19 HZT"), as carers, drivers and Blue Badge letters give it (v54,
# v89, v115, v127: ten marks, none left unmarked). In capitals with its space, as the plate
# shows it; the letters are the plates' own (no I or Q), and the age figures those issued
# since 2002 ("02" to "29" in March, "51" to "79" in September). A postcode's second half
# starts with a figure, so none takes this shape.
VEHICLE_REGISTRATION = re.compile(
    r"(?<![\w/-])(?P<id>[A-HJ-PR-Y][A-HJ-PR-Z](?:0[2-9]|[12]\d|5[1-9]|[67]\d) [A-HJ-PR-Z]{3})"
    r"(?![\w/-])"
)


def other_ids(text: str) -> Iterator[Finding]:
    shapes = (
        CUED_SHORT_REF,
        INITIALS_YEAR_SERIAL,
        PRISON_NUMBER,
        PPS_NUMBER,
        PUPIL_NUMBER,
        SORT_CODE,
        VEHICLE_REGISTRATION,
    )
    for pattern in (*shapes, SYSTEM_ID):
        for m in pattern.finditer(text):
            yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.85, "id_pattern")
    for m in EIGHT_FIGURE_CASE.finditer(text):
        if not m.group("id").endswith("000"):  # "12 000 000": a round figure
            yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.6, "id_pattern")
    for rank, pattern in enumerate(OTHER_IDS):
        score = 0.9 if rank < len(OTHER_IDS) - 1 else 0.5
        for m in pattern.finditer(text):
            value = m.group("id")
            if NOT_A_REFERENCE.fullmatch(value):
                continue  # dates, year ranges, "24/7", "COVID-19", "3-4-5"
            yield Finding(m.start("id"), m.end("id"), "OTHER_ID", score, "id_pattern")
