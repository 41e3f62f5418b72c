"""An age written as a sentence of its own: a number alone between two full stops (issue 20,
round 50).

Notes and hurried accounts give a person's age as a fragment: "Marta — new. 39. Polish, worked
at a hotel", "housekeeping on nights. 38. i had a miscarriage", "since the pits shut. 59.
Fifteen year in the hostels". Four development sets by different writers hold the shape, and
every instance (five) is marked as an age; none holds it as anything else. A whole number from
16 to 110 that stands alone after a sentence's end and before the next sentence is taken.

Look-alikes that must stay: a time typed with a space ("all done by 10. 55. Staff were kind",
a real comment: the sentence before ends on a figure), a numbered list ("… agreed. 17. Next
meeting" where 16 or 18 is also an item), a figure with its unit or more after it ("49. 5 kg"),
and children's ages and list numbers below 16, which are told apart by context elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

LONE_NUMBER = gated(
    re.compile(
        r"(?<=[A-Za-z)\"”’'][.!?])(?P<gap>[ \t]{1,2}|[ \t]+[—–-][ \t]+)"
        r"(?P<age>1[6-9]|[2-9]\d|10\d|110)\.(?=[ \t]+[A-Za-z])"
    )
)


def lone_ages(text: str) -> Iterator[Finding]:
    """Each whole number of 16 to 110 written as a sentence of its own, unless it numbers an
    item of a list its neighbours also number."""
    for m in LONE_NUMBER.finditer(text):
        number = int(m.group("age"))
        if _numbers_a_list(text, number):
            continue
        yield Finding(m.start("age"), m.end("age"), "AGE", 0.6, "lone_age")


def _numbers_a_list(text: str, number: int) -> bool:
    neighbours = "|".join(str(n) for n in (number - 1, number + 1))
    return re.search(rf"(?:^|[.!?:][ \t]+|\n[ \t]*)(?:{neighbours})[.)][ \t]", text) is not None
