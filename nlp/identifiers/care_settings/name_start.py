"""Where a setting's own name starts, after the words a pattern read before it.

A pattern that reads "one to three words before the kind" also reads the words that only lead
into the name ("at", "the", "local"): `care_institutes` and `family_hubs` both start the name
after them, and drop the finding when only the kind is left ("the Dental Institute", "your
local Family Hub").
"""

from __future__ import annotations

import re
from collections.abc import Callable

WORD = re.compile(r"\S+")


def name_start(text: str, start: int, end: int, leads_in: Callable[[str], bool]) -> int:
    """The first position in `text[start:end]` after the words for which `leads_in` (given
    the word in lower case) is true."""
    for word in WORD.finditer(text, start, end):
        if not leads_in(word.group().lower()):
            break
        start = word.end() + 1
    return start
