"""The one form of a text every part of the detector reads: curly quotes straightened, control
characters made spaces, cut at `MAX_CHARS`, with every character's offset kept.

Why apart: the rules and the sentence models must read the same characters at the same offsets
(the rules' held-back spans bar the models' sentences by offset), and the trainers
(`written.py`, `welsh_training.py`) read stories the way the detector does.
"""

from __future__ import annotations

MAX_CHARS = 1_000_000  # beyond this only the first million characters are read


def normalise(text: str) -> str:
    """Curly quotes to straight ones, so "don’t" tokenises like "don't"; control characters
    to spaces, so they can neither join nor split words. Lengths and offsets are kept."""
    return (text or "")[:MAX_CHARS].translate(_NORMALISE)


def lower_keeping_offsets(text: str) -> str:
    """Lower case that keeps every character's offset (a few letters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_NORMALISE = {0x2019: "'", 0x2018: "'"} | {
    code: " " for code in [*range(0, 32), *range(127, 160)] if chr(code) not in "\n\t"
}
