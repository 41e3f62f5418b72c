"""The one form of a text every part of the detector reads: curly quotes straightened, control
characters made spaces, cut at `MAX_CHARS`, with every character's offset kept.

Why apart: the rules and the sentence models must read the same characters at the same offsets
(the rules' held-back spans bar the models' sentences by offset), and the trainers
(`written.py`, `welsh_training.py`) read stories the way the detector does.
"""

from __future__ import annotations

import re

MAX_CHARS = 1_000_000  # beyond this only the first million characters are read


def normalise(text: str) -> str:
    """Curly quotes to straight ones, so "don’t" tokenises like "don't"; control characters
    to spaces, so they can neither join nor split words. Lengths and offsets are kept."""
    return (text or "")[:MAX_CHARS].translate(_NORMALISE)


# Whitespace the rules would read as a word of its own: a line break or tab, two spaces in a
# row, or any space that is not the plain one (no-break, thin, ideographic ...).
_ODD_SPACE = re.compile(r"[^\S ]| {2}")
_SPACE_RUN = re.compile(r"\s+")


def single_spaced(text: str) -> tuple[str, list[int] | None]:
    """`text` with every run of whitespace one plain space, and where each character of it came
    from in `text` (None when nothing changed).

    Why: the rules match word by word, and a tokenizer makes a line break, a tab or a second
    space a word of its own, so "I want to kill\nmyself" or "no  point in going on" (typed on a
    phone, wrapped by a form, pasted from an e-mail) matched nothing. The rules read the
    single-spaced text; their offsets go back through the map to the text as written."""
    if not _ODD_SPACE.search(text):
        return text, None
    pieces: list[str] = []
    origin: list[int] = []
    at = 0
    for run in _SPACE_RUN.finditer(text):
        pieces += [text[at : run.start()], " "]
        origin += [*range(at, run.start()), run.start()]
        at = run.end()
    pieces.append(text[at:])
    origin += [*range(at, len(text)), len(text)]
    return "".join(pieces), origin


def lower_keeping_offsets(text: str) -> str:
    """Lower case that keeps every character's offset (a few letters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_NORMALISE = {0x2019: "'", 0x2018: "'"} | {
    code: " " for code in [*range(0, 32), *range(127, 160)] if chr(code) not in "\n\t"
}
