"""Identifiers spelt out on the phone, letter by letter with a word for each letter ("N for
Norman, P for Peter, seven, one, J for Juliet"), as a call taker writes them down.

Twenty-second round (issue 20): a postcode, a surname or a reference spelt this way matches no
pattern, and the postcode cue may be a sentence before it, yet anyone reading it has the
identifier. A letter spelt with a word ("X for Word", "X as in Word") is only taken when the word
begins with that letter, which ordinary English almost never does by chance ("A for effort",
"I for one" stay). A run needs two such letters and three pieces; single letters and figures
(in digits or words) between, before or after them belong to the run. Read back, a run that
makes a postcode of Royal Mail's shape is a POSTCODE (from the earliest piece that still makes
one), letters alone are a spelt name (PERSON), anything else an OTHER_ID.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.places.postcodes import POSTCODE_AREAS
from nlp.identifiers.spoken.spoken_postcodes import SHAPE, SPOKEN_FIGURE, as_chars

SPELT = re.compile(
    r"(?<![\w'’])(?P<letter>[A-Za-z])[ \t]+(?:for|as[ \t]+in)[ \t]+(?P<word>[A-Za-z][a-z'’]+)\b"
)
# A letter or figure said alone inside the run: "one", "4", "oh", "D".
PIECE = re.compile(rf"(?<![\w'’])(?:[A-Za-z]|{SPOKEN_FIGURE})(?![\w'’])", re.IGNORECASE)
GAP = re.compile(r"[ \t]*(?:[,/-][ \t]*)?(?:(?:and|then)[ \t]+)?")
MIN_SPELT = 2
MIN_PIECES = 3  # a postcode, a surname or a reference: never fewer than three characters


def phonetic_spellings(text: str) -> Iterator[Finding]:
    """Runs of letters spelt with words (and the letters and figures among them)."""
    if " for " not in text.lower() and " as in " not in text.lower():
        return
    items = _items(text)
    run: list[tuple[int, int, str, bool]] = []
    for item in [*items, None]:
        if item is not None and (not run or GAP.fullmatch(text, run[-1][1], item[0])):
            run.append(item)
            continue
        found = _finding(run)
        if found is not None:
            yield found
        run = [item] if item is not None else []


def _items(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, character, spelt with a word?) for every spelt letter and every lone piece
    outside one, in order."""
    items: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for m in SPELT.finditer(text):
        if m.group("word")[0].lower() == m.group("letter").lower():
            items.append((m.start(), m.end(), m.group("letter").upper(), True))
            taken.append((m.start(), m.end()))
    for m in PIECE.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            items.append((m.start(), m.end(), as_chars(m.group()), False))
    return sorted(items)


def _finding(run: list[tuple[int, int, str, bool]]) -> Finding | None:
    """The run read back: a postcode from the earliest piece that still makes one, else what
    lies from the first spelt letter to the end of the run. None when fewer than two letters
    were spelt with words or the spelling has fewer than three pieces ("P for parking, and T
    for tea" is a list of ratings)."""
    spelt = [k for k, item in enumerate(run) if item[3]]
    if len(spelt) < MIN_SPELT:
        return None
    # A postcode may begin with pieces said before the first spelt letter ("S six two H for
    # hotel, T for Tommy") and end after the last.
    for first in range(0, spelt[0] + 1):
        for last in range(len(run) - 1, spelt[-1] - 1, -1):
            chars = "".join(item[2] for item in run[first : last + 1])
            shape = SHAPE.fullmatch(chars)
            if shape and shape.group("area") in POSTCODE_AREAS:
                return Finding(run[first][0], run[last][1], "POSTCODE", 0.85, "phonetic_spelling")
    core = run[spelt[0] :]
    if len(core) < MIN_PIECES:
        return None
    chars = "".join(item[2] for item in core)
    label = "PERSON" if chars.isalpha() else "OTHER_ID"
    return Finding(core[0][0], core[-1][1], label, 0.8, "phonetic_spelling")
