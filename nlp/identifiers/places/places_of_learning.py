"""A school, college or university named by a found place or name (issue 20, round 44).

The place and name rules find the town or the name a school is called by and stop before its
kind: "at Highbury [School]", "back at Bradford [College]", "a degree at Lancaster
[University]", "the University of [Sheffield]", "Archbishop Tenison['s School]", "she's at
marden [high]". The school rule (`schools_and_estates.py`) needs a kind such as "Primary" or
"Academy" and reads no name the lists already hold. Round 44 pooled the misses of every
development set and found such places of learning in four sets by different writers, each
marking the whole name (a school narrows a child to a few streets). A found place or person
followed straight by "School", "College" or "University" in its own case, or after "University
of", becomes the place's whole name; a hospital, a health board or a trust named after the
university ("Leeds University Hospitals", "King's College Hospital") is the care rules' and
stays as they found it, and so does a kind word alone ("Sunday School", "Medical School"),
which names no found place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

# The kind straight after the name; lower case only after a lower-case name, and "high" then
# only where no street follows ("marden high)", not "marden high street").
KIND_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?P<kind>School|College|University|Nursery|SILC"
    r"|school|college|university|nursery|academy|high(?![ \t]+[a-z]))(?![\w'’-])"
)
# What turns a place of learning's name into a setting's or a body's: "University Hospital",
# "College Hospital", "University Health Board", "University NHS Trust".
CARE_AFTER = re.compile(r"[ \t]+(?i:hospitals?|health|nhs|teaching|medical|trust|foundation)\b")
UNIVERSITY_OF = re.compile(r"(?:University|College)[ \t]+of[ \t]+$")
NAMES = frozenset({"PERSON", "LOCATION"})


def places_of_learning(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Found names widened over the school, college or university they name."""
    for f in found:
        if f.label not in NAMES:
            continue
        value = text[f.start : f.end]
        if not value[:1].isalpha():
            continue
        before = UNIVERSITY_OF.search(text, max(0, f.start - 20), f.start)
        if before is not None and value[:1].isupper():
            if not CARE_AFTER.match(text, f.end):
                yield Finding(before.start(), f.end, "LOCATION", max(f.score, 0.75), "learning")
            continue
        m = KIND_AFTER.match(text, f.end)
        if m is None or CARE_AFTER.match(text, m.end()):
            continue
        if m.group("kind").islower() != value.islower():
            continue
        yield Finding(f.start, m.end(), "LOCATION", max(f.score, 0.75), "learning")
