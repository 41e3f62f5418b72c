"""The name people call someone by, after "calls me" (issue 20, round 40).

"Everyone calls me Tin", "the kids call her Bubbles", "we called him Sonny": what follows
"call(s/ed) me / him / her" and is capitalised in the middle of a sentence is the name the
person goes by, and such names are often everyday words ("Tin", "Bubbles", "Rocky") that the
capitals rule and the name lists leave because a word list holds them.

Not taken: a relative's or a term of endearment ("calls me Mum", "call me Nan", "calls her
Love"), a title ("calls me Sir"; "call him Dr Bala" is the title rules'), a day,
a month or a time ("call me Monday", "call me Tomorrow"), and a word at a sentence's start
or in a text whose capitals mean nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import TITLE_CUES
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import MONTHS

CALLED = gated(
    re.compile(
        r"\b(?i:call|calls|called|calling)[ \t]+(?i:me|him|her|them|us)[ \t]+"
        r"(?P<name>[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?)(?![\w'’-])"
    )
)
NOT_CALLED = frozenset(
    """mum mummy mam mom mother dad daddy father nan nana nanna gran granny grandma grandad
    grandpa grandmother grandfather auntie aunty aunt uncle sis bro brother sister son
    daughter love lovey darling sweetheart sweetie hun honey babe baby pet duck mate dear
    sir madam miss mister mr mrs ms doctor doc nurse boss chief
    monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight later
    back again anytime when if on at in please""".split()
)


def called_names(text: str) -> Iterator[Finding]:
    """Names after "calls me / him / her" (see the module's docstring)."""
    if capitals_mean_little(text):
        return
    for m in CALLED.finditer(text):
        low = m.group("name").lower()
        if low in NOT_CALLED or low in MONTHS or low in TITLE_CUES:  # "call him Dr Bala"
            continue
        yield Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "called_name")
