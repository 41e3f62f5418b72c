"""A care home, surgery or unit named as houses are, typed in lower case: "in the laurels",
"out of the grange", "(the hollies)" (issue 20, round 43).

`typed_settings` reads "the <name>" in lower case only where the name is no English word, and
a house's name is always one ("laurels", "grange", "orchard"). Round 43 pooled the misses of
every development set and found such names in six sets by different writers, after a word of
place, with care spoken of around them. The names are the words houses and homes are named
by (trees and their groves, a grange, a lodge, a priory), taken only:

- after "in", "at", "to", "from", "into", "for", "of" or a bracket, with "the", in lower case;
- where the writer types that stretch without capitals (a name would have them otherwise: "in
  the orchard" in a capitalised story is an orchard);
- where the name ends its phrase (a stop, a bracket, a function word: "in the laurels up by the
  park"; not "in the orchard trees", "the grove road");
- and with a word of care near ("carers", "surgery", "discharged", "social services").

"The" is taken with the name: writers who mark these mark it with the name, or leave it beside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.care_setting_kinds import CARE_WORDS, NEAR
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

HOUSE_WORDS = (
    "grange|laurels|hollies|woodlands|orchard|grove|brook|lodge|elms|firs|limes|beeches|"
    "cedars|willows|poplars|maples|oaks|pines|hawthorns|rowans|larches|birches|chestnuts|"
    "sycamores|gables|mount|priory|hawthorns|cherries|heathers|laburnums|magnolias"
)
HOUSE_NAMED = gated(
    re.compile(
        r"(?:(?<![\w'’-])(?:in|at|to|from|into|for|of)[ \t]+|\()"
        rf"(?P<name>the[ \t]+(?:{HOUSE_WORDS}))(?![\w'’-])"
    )
)
# What may follow the name: the phrase's end or a word that is no noun of its own.
PHRASE_ENDS = re.compile(r"[ \t]*(?:[^\w \t]|$|(?P<word>[a-z']+))")
NOT_NOUNS = STOP_WORDS | frozenset(
    "lol said says rang keep keeps wont won't today yesterday tonight tomorrow".split()
)
MORE_CARE_WORDS = re.compile(
    r"\b(?:care|carers?|residents?|respite|nursing|social[ \t]+(?:services|worker)|staff|"
    r"manager|visiting|package|falls?)\b"
)
CAPITALISED = re.compile(r"\b[A-Z][a-z]")


def house_named_settings(text: str) -> Iterator[Finding]:
    """ "in the laurels", "(the hollies)" (see the module's docstring)."""
    for m in HOUSE_NAMED.finditer(text):
        after = PHRASE_ENDS.match(text, m.end("name"))
        if after is None or (after.group("word") and after.group("word") not in NOT_NOUNS):
            continue
        if CAPITALISED.search(text, max(0, m.start() - 40), m.end() + 40):
            continue
        around = text[max(0, m.start() - NEAR) : m.end() + NEAR]
        if CARE_WORDS.search(around) or MORE_CARE_WORDS.search(around):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.7, "house_named")
