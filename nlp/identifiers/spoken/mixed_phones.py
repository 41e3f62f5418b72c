"""Phone numbers begun in figures and finished aloud, or cut off by a bad line (issue 20,
round 36).

A caller gives the first groups of a number as written and the rest a figure at a time
("07700 900, 3, 1, 6"), in words ("07700900 six 12"), or as speech-to-text heard them
("0113 496 0 to 8 1"): no phone pattern reads the mixture, and the earlier heard-phone rule
wants the number said from its first "oh". Here a run opens with a group of figures with its
trunk zero, goes on over figures, number words and the words that sound like figures ("to",
"for", "won", "ate"; two at most), and is a phone where its figures make exactly a UK phone's
eleven. A line that broke mid-number ("0161 496 0... [inaudible] ...three one two",
"07700 900 --- 41") leaves a phone's first seven figures or more, then a mark of the cut; they
are a phone as far as they go, and a short run of figures just after the cut is its tail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import DIGIT_WORDS, TEENS, TENS
from nlp.identifiers.spoken.spoken_numbers import digits_of

_SOUNDS = {"to": "two", "too": "two", "won": "one", "for": "four", "ate": "eight"}
_WORD = "|".join(sorted([*DIGIT_WORDS, *TEENS, *TENS, "double", "treble"], key=len, reverse=True))
OPENING = re.compile(r"(?<![\w'’+-])0\d{2,4}(?:[ \t]?\d{1,4}){0,3}(?![\w'’])")
PIECE = re.compile(
    rf"(?:[ \t]*,[ \t]*|[ \t]+)(?P<piece>\d{{1,4}}|{_WORD}|to|too|won|for|ate)(?![\w'’-])",
    re.IGNORECASE,
)
# A cut is trailing dots or a run of dashes; a single dash is a correction ("01484 960 — no,
# 0113 …"), whose first number was misspoken, not cut.
CUT = re.compile(r"(?:\.{2,}|…|[ \t]*-{2,})")
TAIL = re.compile(
    r"(?:[ \t]*(?:\.{2,}|…|-{2,}|—|\[[a-z ]{3,20}\]|\([a-z ]{3,20}\)))+[ \t]*"
    rf"(?P<tail>(?:\d{{1,4}}|(?:{_WORD}))(?:[ \t,]+(?:\d{{1,4}}|(?:{_WORD}))){{0,3}})(?![\w'’-])",
    re.IGNORECASE,
)
PHONE_LENGTH = 11
CUT_LENGTH = 7


def _figures(said: str) -> str | None:
    words = [_SOUNDS.get(w.lower(), w) for w in re.findall(r"\w+", said)]
    return digits_of(" ".join(words))


def mixed_phones(text: str) -> Iterator[Finding]:
    """Phones finished aloud, and phones cut by a bad line (see the docstring)."""
    if not re.search(r"(?<!\d)0\d", text):
        return
    for m in OPENING.finditer(text):
        opening = re.sub(r"\D", "", m.group())
        if len(opening) >= PHONE_LENGTH:
            continue
        at, end, heard, said = m.end(), None, 0, ""
        while True:
            p = PIECE.match(text, at)
            if not p:
                break
            piece = p.group("piece").lower()
            if piece.startswith("0") and len(piece) >= 3:
                break  # "0161 four nine six 0161 496 …": the number begun again
            heard += piece in _SOUNDS
            if heard > 2:
                break
            said += " " + piece
            figures = _figures(said)
            if figures is None or len(opening) + len(figures) > PHONE_LENGTH:
                break
            if len(opening) + len(figures) == PHONE_LENGTH and piece not in _SOUNDS:
                end = p.end()
            at = p.end()
        if end is not None:
            yield Finding(m.start(), end, "PHONE", 0.8, "mixed_phone")
            continue
        if CUT_LENGTH <= len(opening) < PHONE_LENGTH and CUT.match(text, m.end()):
            yield Finding(m.start(), m.end(), "PHONE", 0.75, "cut_phone")
            tail = TAIL.match(text, m.end())
            if tail:
                figures = _figures(tail.group("tail"))
                if figures and len(opening) + len(figures) <= PHONE_LENGTH + 1:
                    yield Finding(tail.start("tail"), tail.end("tail"), "PHONE", 0.75, "cut_phone")
