"""A lower-case place that names the hospital, chemist or surgery after it (issue 20, round 42).

Writers typing in lower case name a setting by its town or district and its kind: "sent to
sandwell hospital", "the hebden bridge pharmacy", "discharged from watford gen", "still at
wearside royal". The place rules find the town; the capitals rules,
which read "Sandwell Hospital", cannot read the rest. Five sets by different writers mark the
whole as the care setting. A found lower-case place followed straight away by a kind of
setting becomes one setting; "in leeds on ward 9", "leeds city centre" and a capitalised
place (the capitals rules' own) stay as they were, and so does a place before "centre" alone
("easton community centre" is a hall, not a setting).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

KIND_AFTER = re.compile(
    r"[ \t]+(?:(?:general|district|community|university|royal|memorial|cottage)[ \t]+)?"
    r"(?:hospital|hosp|infirmary|hospice|pharmacy|chemists?|surgery|"
    r"health[ \t]+cent(?:re|er)|medical[ \t]+(?:cent(?:re|er)|practice)|clinic|"
    r"gen|general|royal)(?![\w'’-])"
)


def places_before_care_words(text: str, found: list[Finding]) -> Iterator[Finding]:
    """A found lower-case place with the kind of setting written after it."""
    for f in found:
        if f.label != "LOCATION":
            continue
        value = text[f.start : f.end]
        if not value.islower():
            continue
        m = KIND_AFTER.match(text, f.end)
        if m is not None:
            yield Finding(f.start, m.end(), "CARE_SETTING", max(f.score, 0.75), "place_care_word")
