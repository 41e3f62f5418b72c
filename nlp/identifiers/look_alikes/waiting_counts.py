"""A wait counted on after "it's been" or "it's now" is no age (issue 20, forty-ninth round; taken
for an age in three writers' sets, v30, v44 and v51, never marked).

Complaints count a wait against the one promised and drop the unit the second time: "a reply in
eight weeks; it's been 15", "first they said six months for the ramp. It's now 11.", "a decision
within forty days and it has now been sixty-one". The bare number after the verb reads as an age
to the age rules ("she's 34"), but its subject is "it" or "that", the wait, never a person, so
no writer marks it. Only an age found straight after such a clause, with "now" or "been" in it,
is dropped; "this 71-year-old" and "it is 4 Mill Row" are other shapes and stay.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

# "it's been", "its now", "it is now", "it has now been", "that's been", "it's already been".
WAIT_CLAUSE = re.compile(
    r"\b(?i:it|that)(?:['’]?s|[ \t]+(?i:is|has))?"
    r"(?:[ \t]+(?i:now|already|still))?(?:[ \t]+(?i:been))?[ \t]+$"
)
NOW_OR_BEEN = re.compile(r"\b(?i:now|been)[ \t]+$")


def counted_wait(text: str, f: Finding) -> bool:
    """Whether the age `f` follows a clause about the wait ("it's been", "it's now")."""
    if f.label != "AGE":
        return False
    before = text[max(0, f.start - 30) : f.start]
    return bool(NOW_OR_BEEN.search(before) and WAIT_CLAUSE.search(before))


def without_waiting_counts(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the ages that count a wait ("a reply in eight weeks; it's been 15")."""
    if not any(f.label == "AGE" for f in found):
        return found
    return [f for f in found if not counted_wait(text, f)]
