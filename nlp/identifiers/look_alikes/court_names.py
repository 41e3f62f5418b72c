"""A court is no care setting; the place it sits in is a place (issue 20, round 84).

Families, advocates and liaison nurses write where an inquest or a hearing is held: "Held at
Paisley Coroner's Court", "the inquest at Avon Coroner's Court", "Court liaison note – Belfast
Crown Court", "a pre-inquest review at the Coroners Court". The setting rules read "<Place>
… Court" as a care home's name ("Willow Court"), so the whole was a care setting in six
development sets by different writers (v45, v57, v59, v74, v79, v118). Every set marks only
the town or county before the court, as a place (8 marks), or nothing when no place is named.

Here a care setting that ends in a court's kind (coroner's, magistrates', crown, county,
family, sheriff, youth or high court) becomes its place words alone, as a place, or goes when no
words are left. A building called "… Court" ("Fox Court", "Willow Court Care Home") has no
court's kind and stays.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

COURT_KIND = re.compile(
    r"(?:^|[ \t\n]+)(?:the[ \t]+)?(?:coroner['’]?s['’]?|coroners|magistrates['’]?|crown|county|"
    r"family|sheriff|youth|high)[ \t]+court$",
    re.IGNORECASE,
)


def without_court_settings(text: str, found: list[Finding]) -> list[Finding]:
    """`found` with each care setting named by a court's kind cut back to its place."""
    out: list[Finding] = []
    changed = False
    for f in found:
        m = COURT_KIND.search(text[f.start : f.end]) if f.label == "CARE_SETTING" else None
        if m is None:
            out.append(f)
            continue
        changed = True
        if m.start():  # the place's words before the court
            out.append(Finding(f.start, f.start + m.start(), "LOCATION", f.score, f.source))
    return out if changed else found
