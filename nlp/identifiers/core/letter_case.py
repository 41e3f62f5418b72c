"""Whether a text's capitals say anything: typed all in lower case or ALL CAPS, they do not.

Many rules rely on capitals (a street's, a setting's or a person's name is capitalised); on a text
typed without them they read any case instead, or stand aside. Several detectors ask this of
the same text, so the answer is cached, and it lives in a module of its own so that those
detectors share it without importing one another.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def capitals_mean_little(text: str) -> bool:
    """Typed all in lower case or ALL CAPS: patterns that rely on capitals read any case.
    Several detectors ask this of the same text; the answer is kept for the last few texts."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and (upper < 0.015 * len(letters) or upper > 0.6 * len(letters))
