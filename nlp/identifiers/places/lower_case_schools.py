"""A school typed in lower case or in capitals, named by words no list holds (issue 20, round
81).

Children, young people and their families name the school in the words it is called by, often
everyday ones, and type it as they type the rest: "i'm tomasz's head of year at park view
school", "when aoife was 17 and at beaumont school", "kirsty from castle hill academy", "if ur
from westfield school u know", "I GO TO GREENACRE FREE SCHOOL". The school rules read a
capitalised name (`schools_and_estates.py`) or widen a found place or name over its kind
(`places_of_learning.py`), so a name of everyday words in one case was found by neither.
Named schools are marked by every writer (215 capitalised names across the development sets,
2 left); in lower case or capitals, 22 after a word of placing in nine sets, and the 5 left are
verbs ("had to miss school", "ring school").

After a word that places someone at a school ("at", "from", "in", "of", "attends", "goes to",
"went to"; not "going to", which a verb follows: "going to ring school"), one to three words in
the school's case (all lower case, or all capitals where capitals mean little), none of them a
small word or a word that says what kind of school it is ("secondary", "boarding", "special",
"sunday", "medical"), then the kind: "school", "primary", "academy", "college", "nursery", "high
school", "free school". The name and its kind are the school's, as a place. A college or school
that names a hospital ("king's college hospital") or a street ("school lane") is left to those
rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.prefilter import gated

SCHOOL = gated(
    re.compile(
        r"(?<![\w'’-])(?P<cue>at|from|in|of|attends|attended|attending|(?:go|goes|went)"
        r"[ \t]+to)[ \t]+(?P<name>(?:[A-Za-z][A-Za-z'’-]*[ \t]+){1,3}?)"
        r"(?P<kind>(?:(?:primary|high|free)[ \t]+)?school|primary|academy|college|nursery)"
        r"(?![\w'’-])",
        re.IGNORECASE,
    )
)
# Words that say what kind of school it is, or whose: "at secondary school", "at his school".
KIND_WORDS = frozenset(
    """primary secondary junior infant infants middle high grammar boarding driving medical
    nursing dental sunday special state private independent faith catholic church
    comprehensive upper lower big little new old local village same different another every
    other mainstream specialist residential day summer art drama dance language music first
    sixth form further night evening bible hospital forest free nursery school college
    academy uni university""".split()
)
# After the kind: a hospital or a body named after a college, or a street named after a school.
NOT_AFTER = re.compile(
    r"[ \t]+(?i:hospitals?|health|nhs|trust|foundation|road|rd|lane|street|st|close|avenue|"
    r"drive|way|hill)\b"
)


def _school_case(words: list[str], kind: str, any_case: bool) -> bool:
    """The name and its kind in one case: all lower, or all capitals where capitals mean
    little. Capitalised names are the capitals rules' own."""
    every = [*words, kind]
    if all(w.islower() for w in every):
        return True
    return any_case and all(w.isupper() for w in every)


def lower_case_schools(text: str) -> Iterator[Finding]:
    """ "at park view school", "from castle hill academy", "AT GREENACRE FREE SCHOOL"."""
    any_case = capitals_mean_little(text)
    for m in SCHOOL.finditer(text):
        words = m.group("name").split()
        kind = m.group("kind")
        if not _school_case(words, kind, any_case):
            continue
        if any(w.lower() in STOP_WORDS or w.lower() in KIND_WORDS for w in words):
            continue
        if any(w.lower().endswith(("'s", "’s")) for w in words):
            continue  # "at her daughter's school": whose school, not which
        if NOT_AFTER.match(text, m.end()):
            continue
        yield Finding(m.start("name"), m.end(), "LOCATION", 0.75, "lower_case_school")
