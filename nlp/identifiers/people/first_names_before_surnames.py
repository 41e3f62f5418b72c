"""A capitalised first name no list holds, straight before a found family name (issue 20,
round 43).

The name rules find a family name by its capital or a cue and stop at a first name that no
first-name list holds: "Morag Beaton", "Faz Rahimi:", "Llinos Prydderch". Round 43 pooled the
misses of every development set and found such first names in three sets by different
writers. The found family name is the evidence: the capitalised word straight before it is its
first name when it is in no list of English words and names no place (nor a title or a role:
"Nurse Beaton", "Dr Rahimi" stay as they were), no word of a greeting or of Welsh ("Annwyl
Dilys", "Diolch Lowri") and no word of a title ("Tîm Gofal Iechyd", a quoted "Iaith Gwaith");
a word of English ("Visited Rahimi", "An Nguyen", "Ah Fong") is left, as is a listed first
name, which the name rules judge already.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import (
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    WELSH_WORDS,
    gazetteer,
)
from nlp.identifiers.look_alikes.greeting_words import ENTRIES as GREETINGS
from nlp.identifiers.look_alikes.paperwork_words import WELSH_PAPERWORK

FAMILY_NAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+")
# The word straight before, not itself after a capitalised word or a quote mark: "Tîm Gofal
# Iechyd" and "the "Iaith Gwaith" badges" are a title's words, not a name's.
WORD_BEFORE = re.compile(r"(?<![\w'’\"“‘-])(?<![A-Za-zÀ-ÿ][ \t])(?P<first>[A-Z][a-z]{1,11})[ \t]$")


def _unlisted_first_name(word: str) -> bool:
    low = word.lower()
    gaz = gazetteer()
    return not (
        low in gaz.english_words
        or low in gaz.common_words
        or low in gaz.first_names
        or low in gaz.places
        or low in gaz.small_places
        or low in ROLE_CUES
        or low in TITLE_CUES
        or low in NOT_IDENTIFIER_WORDS
        or low in GREETINGS  # "Annwyl Dilys", "Diolch Lowri": a letter's or a thank-you's word
        or low in WELSH_WORDS
        or low in WELSH_PAPERWORK
    )


def first_names_before_surnames(text: str, found: list[Finding]) -> Iterator[Finding]:
    """ "Morag" in "Morag Beaton", where "Beaton" alone was found."""
    for f in found:
        if f.label != "PERSON" or not FAMILY_NAME.fullmatch(text, f.start, f.end):
            continue
        if text[f.start : f.end].lower() in gazetteer().first_names:
            continue  # "Dtr Lisa": a found first name is no family name
        m = WORD_BEFORE.search(text, max(0, f.start - 14), f.start)
        if m is not None and _unlisted_first_name(m.group("first")):
            yield Finding(m.start("first"), f.end, "PERSON", 0.7, "first_name_before")
