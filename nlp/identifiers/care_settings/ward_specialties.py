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
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

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
