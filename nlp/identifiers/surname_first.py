"""A person written surname first in capitals, as hospital letters, lists and exports do:
"Patient: ROBSON, Alan Keith", "MCLEAN, Ishbel" (issue 20, twenty-seventh round; marked whole as
a person by five writers' sets).

The forenames after the comma are found by the name rules already; the surname in capitals
before them was left to the trained NER's guess, which misses surnames that are also English
words ("ROBSON" is both). Here the capitals are taken as a surname when:

- the word is a known surname and not an everyday English word ("MUCH, Alan" stays);
- a known first name follows the comma, itself capitalised ("URGENT, Alan" is no surname, and
  "NHS, Brenda" is not one either);
- the text's capitals mean something (in a text typed all in capitals every word is in capitals).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.findings import Finding
from nlp.identifiers.letter_case import capitals_mean_little
from nlp.identifiers.name_gazetteer import gazetteer

SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])(?P<surname>(?:MC|MAC|O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?),[ \t]+"
    r"(?P<first>[A-Z][a-z'’-]+)\b"
)


def surnames_first(text: str) -> Iterator[Finding]:
    if "," not in text or capitals_mean_little(text):
        return
    gaz = gazetteer()
    for m in SURNAME_FIRST.finditer(text):
        surname = m.group("surname").lower()
        parts = surname.split("-")
        if any(p in gaz.common_words for p in parts):
            continue
        if not any(p in gaz.surnames for p in parts):
            continue
        if m.group("first").lower() not in gaz.first_names:
            continue
        yield Finding(m.start("surname"), m.end("surname"), "PERSON", 0.8, "surname_first")
