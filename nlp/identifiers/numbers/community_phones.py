"""Phone numbers abroad, written with their country code (issue 20, round 37).

Families keep numbers in the country they came from ("+40 721 …", "+353 87 …", "0048 …"), and
the UK rules read only numbers that dial like British ones (+44 or a leading 0). A number with
another country's code, "+" or "00" then one to three figures, then two to six groups of
figures, nine to fifteen figures in all, is a phone wherever it stands. The "00" form needs a
gap after its code, since a reference may begin "00"; "+2 more", "+10%", a score "+3" and a
bare "+123" are too short to be one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

FOREIGN_PHONE = re.compile(
    r"(?<![\w+])(?:\+[ ]?(?!44(?:\D|$))(?P<cc>[1-9]\d{0,2})"
    r"|\b00(?!44(?:\D|$))(?P<cc0>[1-9]\d{0,2})(?=[ .-]))"
    r"(?:[ .-]?\(0\))?(?P<rest>(?:[ .-]?\(?\d{1,5}\)?){2,6})(?![\w])"
)
_DIGIT = re.compile(r"\d")


def foreign_phones(text: str) -> Iterator[Finding]:
    """Numbers dialled with another country's code (see the module's docstring)."""
    if "+" not in text and "00" not in text:
        return
    for m in FOREIGN_PHONE.finditer(text):
        rest = len(_DIGIT.findall(m.group("rest")))
        total = rest + len(m.group("cc") or m.group("cc0"))
        if rest >= 6 and 9 <= total <= 15:
            yield Finding(m.start(), m.end(), "PHONE", 0.9, "foreign_phone")
