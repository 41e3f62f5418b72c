"""What counts as a word worth naming a theme by: English stop words and the placeholders the
anonymiser leaves behind are never theme keywords or names.

A module of its own, imported by `fitting`, `names` and `evidence` alike, so that naming and
evidence need nothing of the clustering module that calls them."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.identifiers.core.placeholders import PLACEHOLDER_NAMES

# Placeholders the anonymiser leaves behind: "[NAME]", "[PLACE 2]", "NAME 1", "<PERSON>".
PLACEHOLDER_WORDS = frozenset(
    {
        "name", "person", "place", "location", "address", "date", "time", "phone",
        "email", "nhs", "number", "postcode", "organisation", "organization", "url",
        "redacted", "id", "age",
    }
)  # fmt: skip
_BRACKETED = re.compile(r"[\[<{][^\]>}]{0,40}[\]>}]")
# The anonymiser's placeholders as BERTopic leaves them once it has dropped the brackets,
# e.g. "NAME 1", "AGE 8089", "POSTCODE LS6": never theme keywords.
_CAPS_PLACEHOLDER = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            set(PLACEHOLDER_NAMES.values()) | {"PERSON", "LOCATION", "DATE"}, key=len, reverse=True
        )
    )
    + r")\b(?: [A-Z]*\d[A-Z0-9]*\b)?"
)


@lru_cache(maxsize=1)
def stop_words() -> list[str]:
    """English and placeholder stop words. Built on first use: the review pages import this
    module, and scikit-learn (about 60 MB resident) has no business in the web process."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS | PLACEHOLDER_WORDS)


def strip_placeholders(text: str) -> str:
    """The text without anonymisation placeholders, so they never become keywords."""
    return _CAPS_PLACEHOLDER.sub(" ", _BRACKETED.sub(" ", text))
