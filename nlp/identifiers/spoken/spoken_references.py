"""References read aloud, letters spelt and digits in words (issue 20, thirteenth round).

A hospital number, a council's case reference or a complaint reference passed on over the
phone is written the way it was said: "it's S C H, seven one oh, three nine two", "the
reference on the letter is G H four four nine eight two", "S-M-one-nine-eight-two-two-four-
seven". The written-reference rules (cued_references) need digits; the spoken-number rules know
phones, NI numbers and dates of birth, whose shapes are fixed. An organisation's own reference
has no fixed shape, so what marks it is the cue before it (the same cues as a written
reference) and its spoken form: one to three capital letters said one by one, then at least
four digits said as words, with at least one word among them.

Found within a short reach after the cue ("case number, I think it's ...", "reference, C R,
...") so long as nothing in the gap is a digit or ends the sentence. Letters are taken in
front only, so a sentence's next "I" after the number is not pulled in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.numbers.cued_references import cue_matches

_DIGIT_WORD = r"(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine)"
_GAP = r"[ \t]*[,-]?[ \t]*"
_LETTER = re.compile(rf"(?P<piece>[A-Z])(?![\w'’])(?P<gap>{_GAP})")
_DIGIT_PIECE = re.compile(
    rf"(?P<piece>(?:(?P<rep>double|treble|triple)[ \t-]+)?(?P<d>{_DIGIT_WORD}|\d))(?![\w'’])"
    rf"(?P<gap>{_GAP})",
    re.IGNORECASE,
)
REACH = 40  # "hospital number's on the wristband, it's S C H, ..."
MIN_DIGITS = 4
MAX_LETTERS = 3


def spoken_references(text: str) -> Iterator[Finding]:
    """A spelt-out reference (letters, then digits in words) a short way after a reference cue."""
    seen: set[int] = set()
    for cue in cue_matches(text):
        end_of_reach = min(len(text), cue.end() + REACH)
        for m in re.finditer(r"(?<![\w'’-])[A-Z](?![\w'’])", text[cue.end() : end_of_reach]):
            start = cue.end() + m.start()
            gap = text[cue.end() : start]
            if re.search(r"\d|[.?!;\n]", gap):
                break  # a number given already, or the sentence has moved on
            end = _reference_end(text, start)
            if end is not None:
                if start not in seen:
                    seen.add(start)
                    yield Finding(start, end, "OTHER_ID", 0.8, "spoken_reference")
                break


def _reference_end(text: str, at: int) -> int | None:
    """End of letters-then-spoken-digits from `at`, or None where it is not one."""
    letters = 0
    while letters < MAX_LETTERS and (m := _LETTER.match(text, at)):
        letters += 1
        at = m.end()
    if not letters:
        return None
    digits, worded, end = 0, False, None
    while m := _DIGIT_PIECE.match(text, at):
        word = m.group("d").lower()
        worded = worded or not word.isdigit()
        digits += {"double": 2, "treble": 3, "triple": 3}.get((m.group("rep") or "").lower(), 1)
        end = m.end("piece")
        at = m.end()
    if end is None or digits < MIN_DIGITS or not worded:
        return None
    return end
