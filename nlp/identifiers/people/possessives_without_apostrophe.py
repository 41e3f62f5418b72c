"""A first name with its possessive "s" and no apostrophe (issue 20, round 69).

Messages typed on a phone drop the apostrophe: "im at kayleighs tonight", "jaydens dad",
"Tylers school", "ffions partner", "ayaans nhs number". The name lists hold "kayleigh", not
"kayleighs", so the word was in no list and only the NER could find it; missed in seven
development sets by different writers (v26, v42, v73, v85, v87, v88, v89).

The word is taken as a name's possessive only where all of these hold: without its "s" it is
a listed first name that is no everyday word ("megan", "dylan"; not "bill" or "will"); with
its "s" it is no English word and no name of its own ("dylans"; not "roberts", "jones",
"marks"); and it reads as owning something: a word of family, home or care follows ("jaydens
dad", "Tylers school"), or "at", "to", "from" or "round" comes before it and the name is no
English word at all ("at ayeshas"; "at marts" is at the markets). A word of family is no one's
name ("my nans dad"). The finding is the name without its "s", as writers mark a possessive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

POSSESSIVE_S = gated(re.compile(r"(?<![\w'’@.-])(?P<name>[A-Za-z][a-z]{2,})s(?![\w'’@-])"))
# What a person is said to own, typed after their name: family, home, school and care.
OWNED = frozenset(
    """mum mam mom mummy mammy mother dad daddy father nan nana nanna gran granny grandad
    grandma grandpa partner boyfriend girlfriend husband wife fiance fiancee brother sister
    son daughter baby kids children bairn wean auntie aunt uncle cousin mate mates friend
    friends house home place flat room bed caravan school nursery college teacher carer
    carers worker keyworker nurse gp doctor social nhs number phone birthday party funeral
    appointment dog cat car""".split()
)
PLACED_BEFORE = frozenset("at to from round in".split())
WORD_AFTER = re.compile(r"[ \t]+(?P<word>[A-Za-z]+)")
WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)[ \t]+$")


def possessives_without_apostrophe(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in POSSESSIVE_S.finditer(text):
        stem = m.group("name").lower()
        whole = stem + "s"
        if stem not in gaz.first_names or stem in gaz.name_words or stem in OWNED:
            continue  # "at nans": a grandmother's, not a name's
        if whole in gaz.english_words or whole in gaz.first_names or whole in gaz.surnames:
            continue
        after = WORD_AFTER.match(text, m.end())
        before = WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
        owned = after is not None and after.group("word").lower() in OWNED
        placed = (
            before is not None
            and before.group("word").lower() in PLACED_BEFORE
            and stem not in gaz.english_words  # "at marts": the markets, not Mart's
        )
        if owned or placed:
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "name_possessive")
