"""A family hub or children's centre by its name (issue 20, round 90).

Health visitors' baby clinics, weigh-ins, breastfeeding groups and jabs are held at family
hubs and children's centres, which people name as places: "review at Sunshine Family Hub baby
clinic", "the Beacon Family Hub", "Chapel Street Family Hub", "Cedar House Family Hub". The
setting rules found them only when the capitals rule guessed the name, so seven were missed in
four writers' sets (v87, v90, v119, v131), while every set marks the 59 such names it holds.

Here one to three capitalised words before "Family Hub", "Family Centre" or "Children's
Centre" are a care setting, and in one-case text one or two words after a preposition, "the"
or a mark ("at ravensdale children's centre", "(hv, rainbow family centre)"); the first
draft took any words in one-case text, and in real stories read "links to the children's
centre" as a name. Words that only say whose or which the hub is ("the local Family Hub", "your
Children's Centre", "Council Family Hubs") leave no name, and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.name_start import name_start
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little

_CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*"
HUB = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_CAP}[ \t]+){{1,3}}"
    r"(?:Family[ \t]+(?:Hub|Centre|Center)|Children['’]?s[ \t]+(?:Centre|Center)))(?![\w'’-])"
)
ONE_CASE_HUB = re.compile(
    r"(?:^|[(,:;]|(?<![\w'’-])(?:at|to|from|in|into|the))[ \t]+"
    r"(?P<name>[a-z'’-]{3,}(?:[ \t]+[a-z'’-]{3,})?)[ \t]+"
    r"(?:family[ \t]+(?:hub|centre|center)|children['’]?s[ \t]+(?:centre|center))(?![\w'’-])",
    re.IGNORECASE | re.MULTILINE,
)
# Words that say whose or which hub it is, naming none.
NOT_A_NAME = frozenset(
    """local council county community city borough new nearest main central attended visited
    at""".split()
)
KIND_FIRST = re.compile(r"(?:family|children['’]?s)[ \t]", re.IGNORECASE)


def family_hubs(text: str) -> Iterator[Finding]:
    """Family hubs and children's centres named by a place or their own words."""
    if "entre" not in text and "ENTRE" not in text and "ub" not in text and "UB" not in text:
        return
    if capitals_mean_little(text):
        yield from _one_case_hubs(text)
        return
    for m in HUB.finditer(text):
        start = name_start(text, m.start("name"), m.end("name"), _leads_in)
        if KIND_FIRST.match(text, start):
            continue  # "the local Family Hub": no name before the kind
        yield Finding(start, m.end("name"), "CARE_SETTING", 0.8, "family_hub")


def _leads_in(word: str) -> bool:
    return word in STOP_WORDS or word in NOT_A_NAME


def _one_case_hubs(text: str) -> Iterator[Finding]:
    """In one-case text a name is one or two words after a preposition, "the" or a mark
    ("at ravensdale children's centre", "(hv, rainbow family centre)"); "links to the
    children's centre" names none."""
    for m in ONE_CASE_HUB.finditer(text):
        words = m.group("name").split()
        if any(_leads_in(w.lower()) for w in words):
            continue
        yield Finding(m.start("name"), m.end(), "CARE_SETTING", 0.75, "family_hub")
