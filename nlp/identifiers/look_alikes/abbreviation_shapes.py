"""An abbreviation's shape is no person's name (issue 20, round 87).

Notes and letters write the plural of an abbreviation with a small "s" ("TFTs", "HCAs",
"UTIs", "EHCPs", "DNAs") and some abbreviations with one small letter inside ("PrEP", "PoTS",
"HbSS", "GnRH", "SpR", "EoL"). The capitals rule takes such a word for a person, and the NER
now and then for a place: across the development sets 101 findings of these shapes in 44 sets
by different writers, and no writer marks a person or a place of either shape. Names with
capitals inside have other shapes ("McAllister", "MacLeod", "DeShawn": more than one small
letter, or a "Mc" first), so they are left alone.

Round 88: capitals with one small letter anywhere inside ("HFpEF", "HFrEF", "GPhC", "TRiM",
"POhWER"; 17 more findings in 10 sets). Initials with "Mc" in them ("RMcA", "KMcG") are
people in five sets and stay.

Only guesses are judged (the capitals rule, the NER, a name-list match, a repeat); a name after
a title or a role cue stays, and so does a guess that holds any word but everyday ones beside
the abbreviation ("ARs SW": the initials of the person after the plural; "Eighteen TTOs"
goes).
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

GUESSES = frozenset(("capitals", "ner", "repeat", "joined_name", "name_gazetteer"))
# "TFTs", "HCAs": two capitals or more and a plural's small "s".
PLURAL_CAPITALS = re.compile(r"[A-Z]{2,}s")
# "PrEP", "PoTS", "SpR", and since round 88 "HFpEF", "GPhC", "TRiM": capitals with one small
# letter inside ("McC" and "RMcA" are someone's initials).
ONE_SMALL_LETTER = re.compile(r"(?![A-Z]*Mc)[A-Z]+[a-z][A-Z]+")


def abbreviation_shaped(word: str) -> bool:
    """ "TFTs", "PrEP": a word written as an abbreviation, not as a name."""
    return bool(PLURAL_CAPITALS.fullmatch(word) or ONE_SMALL_LETTER.fullmatch(word))


def without_abbreviation_people(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the guessed people and places that are an abbreviation's shape."""
    return [f for f in found if not _abbreviation_guess(text, f)]


def _abbreviation_guess(text: str, f: Finding) -> bool:
    if f.label not in ("PERSON", "LOCATION") or f.source not in GUESSES:
        return False
    words = re.findall(r"[^\W\d_]+", text[f.start : f.end])
    if not any(abbreviation_shaped(w) for w in words):
        return False
    return all(abbreviation_shaped(w) or _everyday(w) for w in words)


def _everyday(word: str) -> bool:
    """An English word that no name list holds ("Eighteen", "NEGATIVE"); two or three
    capitals are someone's initials ("SW")."""
    if word.isupper() and len(word) <= 3:
        return False
    gaz = gazetteer()
    low = word.lower()
    return low in gaz.english_words and low not in gaz.first_names and low not in gaz.surnames
