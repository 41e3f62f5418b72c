"""The repeat scan for ASCII texts (`settling._PlainValues`) finds exactly what the pattern it
stands in for finds: same starts, same ends, leftmost first, longest value at a start, no
overlaps, the same word boundaries, in any case or as written."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.identifiers.recogniser.settling import _PlainValues

# Few letters, so values recur, overlap and touch one another and the boundaries.
TEXT = st.text(alphabet="abAB_' 1.-", max_size=60)
VALUES = st.lists(st.text(alphabet="abAB1_'", min_size=1, max_size=4), min_size=1, max_size=5)


def _pattern(values: list[str], any_case: bool) -> re.Pattern:
    alternatives = "|".join(re.escape(v) for v in values)
    if any_case:
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?!\w)")


@settings(max_examples=400, deadline=None)
@given(TEXT, VALUES, st.booleans())
def test_the_plain_scan_finds_what_the_pattern_finds(text, values, any_case):
    values = sorted(
        dict.fromkeys(v.lower() if any_case else v for v in values), key=len, reverse=True
    )
    plain = _PlainValues(values, any_case=any_case, not_before="_" if any_case else "_'")
    expected = [(m.start(), m.end()) for m in _pattern(values, any_case).finditer(text)]
    assert [(m.start(), m.end()) for m in plain.finditer(text)] == expected


def test_a_longer_value_wins_at_the_same_start_and_matches_do_not_overlap():
    plain = _PlainValues(["ann lee", "ann", "lee"], any_case=True, not_before="_")
    found = [m.group() for m in plain.finditer("Ann Lee met ann and LEE, not Annette.")]
    assert found == ["Ann Lee", "ann", "LEE"]
