"""A country someone came from or goes back to is no identifier (issue 20, round 41).

Round 41 pooled the false findings of every development set: a country named alone was
marked in seventeen sets by different writers, and every one of those writers left it
unmarked where it says where someone came from, went back to or was treated ("came over
from Jamaica in 1961", "I am from Eritrea", "families travel back to Poland", "how they were
treated in Slovakia", "from everywhere, Ghana, Kerala"): a country holds millions and, alone,
points at no one. The places inside it stay identifiers ("from Homs", "Kingston"), and so
does a country where a person lives now or was born, which the few writers who marked a
country marked ("his mum lives in Jamaica", "she's in jamaica till the 20th", "Born Kingston,
Jamaica"): such a finding is kept. A relative's country without a verb of living ("my
sister in Poland", "Relative in Slovakia:") is left unmarked in the four sets that write one.

Only a finding that is the country's name and nothing more is dropped: a place, or a person
after a place's preposition or a list's comma (the capitals rules take "Ghana" in "from
everywhere, Ghana, Kerala" for a person); "India" or "Georgia" as someone's name stays.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.never_a_person import COUNTRIES_ABROAD

# Countries abroad (the UK's own nations are left to the place rules). The districts and
# regions of the never-a-person list ("Mirpur", "Sylhet") are where a family comes from and
# are marked by the writers, and "Mali" is also a first name: all are left out.
NOT_COUNTRIES = frozenset(
    "mirpur sylhet punjab kashmir darfur tigray chechnya tibet somaliland mali niger".split()
)
ABROAD = (
    COUNTRIES_ABROAD | frozenset("india china america usa canada australia france".split())
) - NOT_COUNTRIES
# A person's name the same as a country ("India", "Georgia") is kept unless a place's
# preposition comes right before it.
PLACE_BEFORE = re.compile(r"\b(?i:from|to|in|of|across|around)[ \t]+$|,[ \t]*$")
# Where someone lives or was born: the country then says where to find them.
LIVES_OR_BORN = re.compile(
    r"(?:\b(?i:lives?|living|lived|stays?|staying|based|settled|is|are|she['’]?s|he['’]?s|"
    r"they['’]?re|[a-z]+['’]s|currently|still|now)[ \t]+(?i:back[ \t]+|over[ \t]+|out[ \t]+)?"
    r"(?i:in)[ \t]+"
    r"|\b(?i:born|b\.)[ \t]+[^\n.;]{0,30},[ \t]*)$"
)


def without_countries_of_origin(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without a country named alone, unless someone lives or was born there."""
    kept = []
    for f in found:
        value = text[f.start : f.end].lower()
        if value in ABROAD and not LIVES_OR_BORN.search(text, max(0, f.start - 45), f.start):
            if f.label != "PERSON" or PLACE_BEFORE.search(text, max(0, f.start - 12), f.start):
                continue
        kept.append(f)
    return kept
