"""A sexual health or gender service by its own name (issue 20, round 97): "Newcastle Sexual
Health", "Riverside Sexual Health", "leeds gic", "Chalmers GIC", "Welsh Gender Service",
"kelvinside gender clinic", "Northern Region Gender Dysphoria Service", "the Centre for Sexual
Health".

These services are named by a place or a name of their own before what they do, and people
leave out "clinic" ("attended Newcastle Sexual Health", "on the list for the Northern Region
GIC"). Six writers' sets mark 17 such names that the setting rules left, since no word of a
building ("Clinic", "Centre", "Hospital") closes them.

The words before the service's kind are its name: up to three on the same line, nearest first,
each capitalised where capitals tell a name, with the kind capitalised too (a kind in lower
case after a name is the writer's description, marked outside it: "Derriford sexual health");
none of them only a determiner, a possessive, a nation's word or a word that describes any such
service ("the sexual health clinic", "my GIC", "Integrated Sexual Health", "NHS gender clinic"
and the national "Welsh Gender Service", which two of three writers left unmarked, stay). In
lower case or capitals, where capitals tell nothing, each is a listed place or a word no common
list holds ("leeds gic", "millgate sexual health"; "went to the sexual health" and "a named
sexual health clinic" stay). "Centre for Sexual Health" is a name of its own, capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

KIND = gated(
    re.compile(
        r"(?<![\w'’-])(?P<kind>sexual[ \t]+health(?:[ \t]+(?:clinic|service|centre))?"
        r"|gic|gender[ \t]+(?:identity[ \t]+|dysphoria[ \t]+)?(?:clinic|service)"
        r"|centre[ \t]+for[ \t]+(?:sexual|transgender)[ \t]+health)(?![\w'’-])",
        re.IGNORECASE,
    )
)
# Words that describe any such service, or the way to it, never one of its own.
DESCRIBING = frozenset(
    """nhs local integrated specialist community national adult adults young people's peoples
    children's childrens youth free online confidential general new old nearest usual main
    adolescent the my our your his her their a an this that named same other welsh scottish
    english irish british""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _name_word(word: str, any_case: bool) -> bool:
    low = word.lower()
    if low in STOP_WORDS or low in DESCRIBING:
        return False
    if not any_case:
        return word[0].isupper()
    g = gazetteer()
    return low in g.places or low in g.small_places or low not in g.common_words


def _name_start(text: str, end: int, any_case: bool) -> int | None:
    """Where the service's own name before `end` starts: up to three name words on its line."""
    line_start = max(text.rfind("\n", 0, end) + 1, end - 80)
    start = None
    for taken, word in enumerate(reversed(list(_WORD.finditer(text, line_start, end)))):
        gap = text[word.end() : start if start is not None else end]
        if gap not in (" ", "\t") or taken == 3 or not _name_word(word.group(), any_case):
            break
        start = word.start()
    return start


def sexual_and_gender_services(text: str) -> Iterator[Finding]:
    """Sexual health and gender services named by their own name before their kind."""
    any_case = None
    for m in KIND.finditer(text):
        if any_case is None:
            any_case = capitals_mean_little(text)
        kind = m.group("kind")
        if not any_case and not kind[0].isupper():
            continue  # a kind in lower case after a name is the writer's description of it
        start = _name_start(text, m.start(), any_case)
        if start is None and not any_case and kind.lower().startswith("centre"):
            start = m.start()  # "the Centre for Sexual Health"
        if start is not None:
            yield Finding(start, m.end(), "CARE_SETTING", 0.75, "sexual_gender_service")
