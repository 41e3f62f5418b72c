"""A carers' organisation named by its place (issue 20, round 86).

Unpaid carers are assessed, advised and given breaks by local charities named for the place
they serve: "Cumbria Carers", "Norfolk Young Carers", "Sheffield Carers Centre", "Carers Network
Cheltenham", "Carers Trust Solihull", "Carers in Bedfordshire", and in one-case text "carers hub
lambeth", "hartlepool carers". Such names are marked in twenty development sets, 55 times as a
care setting and 32 times by their place alone (v84, v96, v97 and v123 most); the rules found
the place at most. Here "Carers" with its kind ("Centre", "Trust", "Network", "Support" ...)
and a listed place on either side is one care setting, which also hides the place for the sets
that mark only that. A place no list holds ("Carers Trust Heart of England"), a carers' group
with no place ("Young Carers group", "Carers Support Worker", a role), a place before a role
("Oldham Carers Worker") and, in one-case text, "carers in <place>" ("there's no carers in
dudley", "NO CARERS IN BELPER": care workers, not a charity) stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer

_KIND = (
    r"(?:Centre|Center|Association|Support|Resource|Hub|Network|Trust|Service|Count|Together|"
    r"First)"
)
_PLACE_WORD = r"[A-Z][a-z'’]+"
# "Cumbria Carers", "Sheffield Carers Centre", "Norfolk Young Carers", "Suffolk Family Carers".
PLACE_FIRST = re.compile(
    rf"(?<![\w'’-])(?P<place>{_PLACE_WORD}(?:[ \t]+(?!(?i:young|family)\b){_PLACE_WORD})?)[ \t]+"
    rf"(?:Young[ \t]+|Family[ \t]+)?Carers['’]?(?:[ \t]+{_KIND})?(?![\w'’-])"
    r"(?![ \t]+(?:Worker|Workers|Officer|Lead|Assessment|Allowance|Card|Week|Group|Groups|Club))"
)
# "Carers Network Cheltenham", "Carers Trust Solihull", "Carers in Bedfordshire".
CARERS_FIRST = re.compile(
    rf"(?<![\w'’-])Carers['’]?[ \t]+(?:{_KIND}|in)[ \t]+"
    rf"(?P<place>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,2}})"
)
GATE = re.compile("carers", re.IGNORECASE)
IN_PLACE = re.compile(r"carers['’]?[ \t]+in[ \t]", re.IGNORECASE)


def _listed_prefix(words: list[str], places: frozenset[str]) -> int:
    """How many of `words`, from the first, name a listed place (the longest), or 0."""
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]).lower() in places:
            return n
    return 0


def _listed_suffix(words: list[str], places: frozenset[str]) -> int:
    """How many of `words`, from the last, name a listed place (the longest), or 0."""
    for n in range(len(words), 0, -1):
        if " ".join(words[-n:]).lower() in places:
            return n
    return 0


def carers_organisations(text: str) -> Iterator[Finding]:
    """Carers' charities named by a listed place before or after "Carers" and its kind."""
    if not GATE.search(text):
        return
    places = gazetteer().places
    flags = re.IGNORECASE if capitals_mean_little(text) else 0
    for pattern in (PLACE_FIRST, CARERS_FIRST):
        for m in re.finditer(pattern.pattern, text, flags):
            words = m.group("place").split()
            if pattern is PLACE_FIRST:
                n = _listed_suffix(words, places)
                if n:
                    start = m.end("place") - len(" ".join(words[-n:]))
                    if text[start : m.end("place")].split() == words[-n:]:
                        yield Finding(start, m.end(), "CARE_SETTING", 0.75, "carers_charity")
            elif flags and IN_PLACE.match(text, m.start()):
                continue  # "there's no carers in dudley": in one case, "in" is a preposition
            else:
                n = _listed_prefix(words, places)
                if n:
                    end = m.start("place") + len(" ".join(words[:n]))
                    if text[m.start("place") : end].split() == words[:n]:
                        yield Finding(m.start(), end, "CARE_SETTING", 0.75, "carers_charity")
