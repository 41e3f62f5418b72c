"""A ward by its number takes the specialty told before it (issue 20, round 88).

Patients, families and letters name a ward by its specialty and its number: "received on
Respiratory Ward 2 at Westmoor Hospital", "to attend renal ward 3 by 06:00", "Maternity Ward
14". The ward rule finds "Ward 2" alone, which hides too little of a name its writer marks
whole: three writers' sets (v81, v117, v126) mark all six such names with the specialty, and no
set leaves the specialty out of a marked ward. Here a care setting that is "Ward" and its
number grows back over one specialty's word right before it.

Only the specialties of wards are taken, so a word that is no part of the name stays out ("on
Ward 2", "the new Ward 2"), and a description in brackets after the number ("Ward 23 (care of
the elderly)") is left as it is: writers disagree on it.

Round 98: some hospitals name their general wards by the specialty and a number alone, with no
"Ward": "two nights on Medical 1", "dads been moved to medical 1", "was on elderly care 2". Two
writers' sets (v141, v146) mark all five such names, and the development sets hold no other
words of that shape: "medical", "surgical" or "elderly care" (or "care of the elderly") and one
or two figures, not followed by a unit, a time, a stroke or a range ("surgical 2 weeks ago",
"medical 1/52").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

NUMBERED_WARD = re.compile(r"ward[ \t]+\d{1,3}[A-Za-z]?", re.IGNORECASE)
SPECIALTY_BEFORE = re.compile(
    r"(?<![\w'’-])(?:respiratory|renal|cardiac|cardiology|cardiothoracic|maternity|postnatal|"
    r"antenatal|surgical|medical|stroke|orthopaedic|trauma|oncology|haematology|gynae|"
    r"gynaecology|neurology|paediatric|children['’]s|geriatric|frailty|rehabilitation|rehab|"
    r"urology|vascular|gastro|gastroenterology|dementia|psychiatric|palliative|neonatal|"
    r"burns)[ \t]+$",
    re.IGNORECASE,
)


def with_ward_specialties(text: str, found: list[Finding]) -> list[Finding]:
    """`found` with each ward found by its number grown over the specialty before it."""
    out = []
    changed = False
    for f in found:
        m = None
        if f.label == "CARE_SETTING" and NUMBERED_WARD.fullmatch(text, f.start, f.end):
            m = SPECIALTY_BEFORE.search(text, max(0, f.start - 24), f.start)
        if m:
            out.append(Finding(m.start(), f.end, f.label, f.score, f.source))
            changed = True
        else:
            out.append(f)
    return out if changed else found


SPECIALTY_NUMBERED_WARD = gated(
    re.compile(
        r"(?<![\w'’-])(?:medical|surgical|elderly[ \t]+care|care[ \t]+of[ \t]+the[ \t]+elderly)"
        r"[ \t]+[1-9]\d?[A-Za-z]?(?![\w'’/:-]|[.,]\d|[ \t]*(?:[-–]|x\b|%|of\b|or\b|to\b)"
        r"|[ \t]+(?:weeks?|wks?|days?|months?|years?|yrs?|hours?|hrs?|times?|mg|ml|am|pm)\b)",
        re.IGNORECASE,
    )
)


def specialty_numbered_wards(text: str) -> Iterator[Finding]:
    """ "on Medical 1", "moved to elderly care 2": a ward by its specialty and number alone."""
    for m in SPECIALTY_NUMBERED_WARD.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "specialty_numbered_ward")
