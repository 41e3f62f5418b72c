"""The plain sentence split and short quote that the checks on written-down notes share.

Why apart: the witness checks (`witness_suicide_risk`, `witness_notes`), the label pairs
(`suicide_told_as_now`, `medicines_kept_by_family`, `adult_abuse_by_family`) and the care-note
abbreviations all read a note sentence by sentence and quote the sentence that fired as the
reason; one split keeps what each of them calls a sentence the same.
"""

from __future__ import annotations

import re

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def sentences(text: str) -> list[str]:
    """The text's sentences (up to a full stop, question or exclamation mark, or a line break),
    curly apostrophes straightened."""
    return [m.group(0) for m in SENTENCE.finditer(text.replace("\u2019", "'"))]


def quote(sentence: str) -> str:
    """The sentence single-spaced and cut to 120 characters, for a signal's reason."""
    return " ".join(sentence.split())[:120]
