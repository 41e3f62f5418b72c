"""A hospital whose initials are also a test's name, where it is used as a place (issue 20,
round 41).

The Manchester Royal Infirmary is "the MRI" to everyone who lives near it, and the same
letters name a scan, so the initials rules leave them (`hospital_units.NOT_HOSPITAL`). Round 41
pooled every development set's misses and found the hospital in six sets by different writers,
always written as a place: after "at the", "to the" or "from the" ("A&E at the MRI", "a job
at the MRI", "she went to the MRI for her eye"), after a ward and a comma ("Ward Alaw, the
MRI"), or as the subject that rang ("MRI rang"). Every set that holds the scan writes it
otherwise: "an MRI", "waiting for the MRI", "the MRI scan", "the MRI showed".

Look-alikes that must stay: "had an MRI", "waiting for the MRI", "the MRI scan", "at the MRI
appointment", "the MRI results", "MRI of the knee".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

PLACE_MRI = gated(
    re.compile(
        r"(?:(?<![\w'’-])(?i:at|to|from|outside|into)[ \t]+(?i:the)[ \t]+|,[ \t]+the[ \t]+)"
        r"(?P<unit>MRI)(?![\w'’&-])"
        r"(?![ \t]+(?i:scans?|scanners?|machines?|results?|reports?|appointments?|department|"
        r"dept|unit|suite|room|letter|booking|slot|showed|shows|said|came|was|is|of|for|"
        r"itself|tube|queue)\b)"
    )
)
RANG_MRI = gated(re.compile(r"(?<![\w'’-])(?P<unit>MRI)[ \t]+(?:rang|phoned|called)\b"))


def scan_named_hospitals(text: str) -> Iterator[Finding]:
    """ "A&E at the MRI", "Ward Alaw, the MRI", "MRI rang" (see the module's docstring)."""
    if "MRI" not in text:
        return
    for pattern in (PLACE_MRI, RANG_MRI):
        for m in pattern.finditer(text):
            yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.7, "scan_named")


def place_uses(text: str) -> set[tuple[int, int]]:
    """Where the initials are written as the hospital (the spans `scan_named_hospitals` gives)."""
    return {(f.start, f.end) for f in scan_named_hospitals(text)}


def without_test_repeats(text: str, found: list[Finding]) -> list[Finding]:
    """A found "MRI" repeats nowhere by itself: "an MRI", "the MRI scan" elsewhere in the same
    story are the test, so a repeat of the initials stays only where it is a place use too."""
    if "MRI" not in text:
        return found
    places = place_uses(text)
    return [
        f
        for f in found
        if not (
            f.source == "repeat"
            and text[f.start : f.end].upper().removeprefix("THE ").strip() == "MRI"
            and not any(s <= f.start + 4 and f.end - 4 <= e for s, e in places)
        )
    ]
