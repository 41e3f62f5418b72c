"""Hints for a person's full name written in lower case, for the check page.

In a story that uses capitals elsewhere, the detector and the nearby hint take a lower-case
word for an ordinary one, and `shape_hints.py` looks for unknown words only in messages
written all in lower case. On the pooled development sets, several writers typed a full name
in lower case inside such a story ("I'm bronwen pritchard", "ask for callum doyle"), often
with one of its words found and the other not. Two words in a row, the first a first name from
the name lists that is no common English word and the second a surname from them, are that
shape, offered whole; on real text almost nothing else is (one pair in 978 Care Opinion
stories, one in 3,000 FFT comments). A first name that is also an everyday word ("will",
"grace", "sue") is never the first word: those stay unhinted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.name_gazetteer import gazetteer

# Overlapping pairs of lower-case words: "is callum doyle" tries "is callum", then "callum doyle".
PAIR = re.compile(r"(?<![\w'’-])(?=([a-z]{3,})[ \t]+([a-z]{3,})(?![\w'’-]))")


def name_pair_hints(text: str) -> Iterator[tuple[int, int, str]]:
    """Spans of a first name and a surname in lower case, labelled PERSON."""
    gaz = gazetteer()
    for m in PAIR.finditer(text):
        first, surname = m.group(1), m.group(2)
        if first in gaz.first_names and first not in gaz.common_words and surname in gaz.surnames:
            yield m.start(1), m.end(2), "PERSON"
