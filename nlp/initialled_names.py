"""Names written with an initial: "R. Ghosh", "J.R. Okafor", "M Tierney (Chair)".

Minutes, attendance lists, advocates' notes and signatures write people as an initial and a
surname. No first name is there for the lists to know, and the surname alone is often in no
list either, so the initial is the cue: one or two capital initials, each with a full stop (or
one initial without, before a surname in no English word list), then a capitalised surname that
is a listed surname or no everyday word ("B. Then" ends a sentence about plan B, "A. Smith"
is a person); without the stop the surname must be in no English word list at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.findings import Finding
from nlp.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, TITLE_CUES, gazetteer

_PART = r"(?:[OD]['’])?[A-Z][a-zà-ÿ]+"  # "Ghosh", "O'Neill", "McArdle"
_SURNAME = rf"{_PART}(?:-{_PART})?"
# An undotted "I" or "A" is a pronoun or an article ("I Can't", "A Jones visited" is rare).
INITIALLED = re.compile(
    rf"(?<![\w.&’'])(?P<initials>(?:[A-Z]\.[ \t]?){{1,2}}|[B-HJ-Z][ \t])(?P<surname>{_SURNAME})"
    r"(?![\w’'-])"
)


def _surname_like(word: str, dotted: bool) -> bool:
    gaz = gazetteer()
    w = word.lower()
    if w in DOMAIN_WORDS or w in ROLE_CUES or w in TITLE_CUES or w in STOP_WORDS:
        return False
    if dotted:  # "A. Smith", "W. Ashdown": a listed surname, even an everyday one, or a rare word
        return w in gaz.surnames or w not in gaz.common_words
    return w not in gaz.english_words  # "M Tierney": without the stop, only a word in no list


def initialled_names(text: str) -> Iterator[Finding]:
    for m in INITIALLED.finditer(text):
        dotted = "." in m.group("initials")
        parts = re.sub(r"^[OD]['’]", "", m.group("surname")).split("-")
        if all(_surname_like(p, dotted) for p in parts):
            yield Finding(m.start(), m.end(), "PERSON", 0.8, "initialled_name")
