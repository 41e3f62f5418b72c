"""Hints for a year of birth written beside a person, for the check page.

A case list, a referral or a death notice often gives someone's year of birth alone, right
after the name or initials: in brackets ("P.V. (1941)", "Ottoline (1929–2024)"), after a dash or a
table's bar ("Iris Mayhew – approx. 1948", "| Tom Bell | 1958 |"). A year alone is no date of
birth to the detector's patterns, yet beside a person it is one. On the pooled development
sets four writers wrote it so and nothing else of that shape follows a person; on real
stories none do. A decade ("1950s") is not a year of birth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

Span = tuple[int, int, str]  # start, end, label of a finding or a hint
YEAR_AFTER = re.compile(
    r"[ \t]*(?:\(|[–—|,-])[ \t]*(?:(?:approx|c|b|born|circa)\.?[ \t]*)?(19\d\d)(?![\ds'’])"
)


def birth_year_hints(text: str, spans: Sequence[Span], shown: bytearray) -> Iterator[Span]:
    """Years of the twentieth century straight after a person in `spans` (findings and hints,
    with their labels) that `shown` (a flag a character) does not show yet."""
    for _, end, label in spans:
        if label != "PERSON":
            continue
        m = YEAR_AFTER.match(text, end)
        if m and not any(shown[m.start(1) : m.end(1)]):
            yield m.start(1), m.end(1), "DATE_OF_BIRTH"
