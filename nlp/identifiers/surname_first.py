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

Twenty-eighth round: an e-mail's header fields write their people surname first in the
ordinary case, as Outlook shows a directory ("Cc: Hughes, Pamela", "From: Ellis, Natalie
<...>"), marked whole by three writers' sets. After "From:", "To:", "Cc:" or "Bcc:" a
capitalised known surname, a comma and a known first name are one person; a role or a
team there ("To: Manager, Fernlea Care Home", "Cc: Matron, Medicine") is no surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.findings import Finding
from nlp.identifiers.letter_case import capitals_mean_little
from nlp.identifiers.name_gazetteer import ROLE_CUES, gazetteer

SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])(?P<surname>(?:MC|MAC|O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?),[ \t]+"
    r"(?P<first>[A-Z][a-z'’-]+)\b"
)
# Surnames that are also a role or a place in a hospital: "To: Ward, Ruth" stays ambiguous.
NOT_SURNAMES = ROLE_CUES | frozenset("ward doctor reception office team admin".split())
HEADER_SURNAME_FIRST = re.compile(
    r"(?:^|(?<=[\n|]))[ \t]*(?i:from|to|cc|bcc)[ \t]*:[ \t]*"
    r"(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?),[ \t]+"
    r"(?P<first>[A-Z][a-z'’-]+)\b(?![ \t]+(?:Care|Nursing|Residential|Home|House|Ward|Team)\b)"
)


def _header_surnames(text: str) -> Iterator[Finding]:
    """ "Cc: Hughes, Pamela": a known surname, then a known first name, in a header field."""
    gaz = gazetteer()
    for m in HEADER_SURNAME_FIRST.finditer(text):
        parts = m.group("surname").lower().split("-")
        if not any(p in gaz.surnames for p in parts) or any(p in NOT_SURNAMES for p in parts):
            continue
        if m.group("first").lower() not in gaz.first_names:
            continue
        yield Finding(m.start("surname"), m.end("first"), "PERSON", 0.8, "surname_first")


def surnames_first(text: str) -> Iterator[Finding]:
    if ":" in text and "," in text:
        yield from _header_surnames(text)
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
