"""Whether a text's capitals say anything: typed all in lower case or ALL CAPS, they do not.

Many rules rely on capitals (a street's, a setting's or a person's name is capitalised); on a text
typed without them they read any case instead, or stand aside. Several detectors ask this of
the same text, so the answer is cached, and it lives in a module of its own so that those
detectors share it without importing one another.
"""

from __future__ import annotations

from functools import lru_cache

from nlp.identifiers.core.placeholders import PLACEHOLDER


@lru_cache(maxsize=256)
def case_mode(text: str) -> str:
    """'lower', 'upper' or 'mixed': how far the capitals in this text can be trusted (asked
    several times of each text, so the answer is kept for the last few).

    The anonymiser's own placeholders ("[PHONE]", "[NHS NUMBER]") are not the writer's letters:
    counted, they made an anonymised text look typed in capitals, so a second pass read "son GP
    surgery" in any case and took what the first pass had left (a property test's example).
    """
    if "[" in text:
        text = PLACEHOLDER.sub(" ", text)
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "mixed"
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper < 0.015:
        return "lower"
    if upper > 0.6:
        return "upper"
    return "mixed"


def capitals_mean_little(text: str) -> bool:
    """Typed all in lower case or ALL CAPS: patterns that rely on capitals read any case."""
    return case_mode(text) != "mixed"
