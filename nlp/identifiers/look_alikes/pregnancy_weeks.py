"""How far along a pregnancy is, in weeks, is no one's age (issue 20, forty-ninth round; taken for
an age in three writers' sets, v22, v34 and v51, never marked in any).

Maternity stories give the weeks of a pregnancy the way they give ages: "Kayleigh is 32 weeks
with twins", "she is thirty-six weeks; her midwife is away", "the registrar booked an induction
at 40". The age rules read "is 32" and "at 40" as ages. No set marks a count of sixteen weeks or
more as an age (a baby that old is given in months), so an age of 16 to 44 followed by "weeks"
(not "weeks old") is a pregnancy's, where the text speaks of pregnancy within a few hundred
characters; a bare number after "induction at" or "induced at" is one too.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import as_int

WEEKS_AFTER = re.compile(
    r"[ \t-]*(?:\+[ \t]*\d[ \t]*)?(?i:weeks?|wks?)\b(?![ \t-]*(?i:old|of[ \t]+age))"
)
# An age as found: its number, and the unit when the age rules took it in ("thirty-four weeks").
AGE_AND_UNIT = re.compile(
    r"(?P<number>[\w -]+?)(?P<unit>[ \t-]*(?:\+[ \t]*\d[ \t]*)?(?i:weeks?|wks?))?"
)
INDUCED_AT = re.compile(r"\b(?i:induction|induced|inducing|induce)[ \t]+(?i:at)[ \t]+$")
PREGNANCY_NEAR = re.compile(
    r"(?i:pregnan|midwi|gestation|antenatal|ante-natal|induc|maternity|labour|bump|"
    r"booking[ \t]+(?:appointment|bloods|scan)|growth[ \t]+scan|due[ \t]+date)"
)
NEAR = 400


def _weeks(text: str, f: Finding) -> int | None:
    """The number of the age `f`, when "weeks" (not "weeks old") is written in it or after it."""
    m = AGE_AND_UNIT.fullmatch(text, f.start, f.end)
    if m is None:
        return None
    unit_start = m.start("unit") if m.group("unit") else f.end
    if WEEKS_AFTER.match(text, unit_start) is None:
        return None
    return as_int(m.group("number").strip())


def pregnancy_weeks(text: str, f: Finding) -> bool:
    """Whether the age `f` counts the weeks of a pregnancy ("she is 32 weeks", "an induction at
    40")."""
    if f.label != "AGE":
        return False
    near = text[max(0, f.start - NEAR) : f.end + NEAR]
    if not PREGNANCY_NEAR.search(near):
        return False
    if INDUCED_AT.search(text[max(0, f.start - 20) : f.start]):
        number = as_int(text[f.start : f.end])
        return number is not None and 20 <= number <= 44
    weeks = _weeks(text, f)
    return weeks is not None and 16 <= weeks <= 44


def without_pregnancy_weeks(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the weeks of a pregnancy taken for ages."""
    if not any(f.label == "AGE" for f in found):
        return found
    return [f for f in found if not pregnancy_weeks(text, f)]
