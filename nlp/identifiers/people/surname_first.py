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

Thirtieth round: a record's cell or an export's field holds the whole name surname first and
nothing else ("| HUGHES, Joyce |", a tab-separated "MCLEAN, Ishbel", a CSV's quoted "Wright,
Sharon", an e-mail's "To: Pryce, Annette" ending its line), marked whole by three writers'
sets (v20, v32). There the cell's edges are the cue, so the surname needs no list and may be
an everyday word that is also a surname ("Hughes", "Wright"): a capitalised word, a comma and a
known first name filling the cell. A greeting or a sign-off ("Thanks, Alan", "Love, Sarah",
"Hi, Jo") and a role ("Manager, Ruth") are no surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, gazetteer

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


# A cell's start: a line's start, a bar, a tab, a quote, or two spaces (a table typed with
# spaces), or after an e-mail header's field; its end the same, or the line's end.
CELL_SURNAME_FIRST = re.compile(
    r"(?:^|(?<=[|\t\"])|(?<=[ \t]{2})"
    r"|(?<=(?i:to):[ \t])|(?<=(?i:cc):[ \t])|(?<=(?i:from):[ \t])|(?<=(?i:bcc):[ \t]))[ \t]*"
    r"(?P<surname>(?:Mc|MC|Mac|MAC|O['’])?[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?),[ \t]+"
    r"(?P<first>[A-Z][a-z'’-]+)(?:[ \t][A-Z][a-z'’-]+)?(?=[ \t]*(?:$|[|\t\"]|[ \t]{2}))",
    re.MULTILINE,
)
NOT_CELL_SURNAMES = frozenset(
    """thanks thank cheers regards love best yours kind hi hiya hello dear morning afternoon
    evening night bye warmly sincerely faithfully ta sorry yes no ok okay please welcome
    congratulations""".split()
)


def _cell_surnames(text: str) -> Iterator[Finding]:
    """ "| HUGHES, Joyce |": a cell holding a surname, a comma and a known first name."""
    gaz = gazetteer()
    for m in CELL_SURNAME_FIRST.finditer(text):
        parts = m.group("surname").lower().split("-")
        if any(p in NOT_SURNAMES or p in NOT_CELL_SURNAMES for p in parts):
            continue
        if any(p in gaz.common_words and p not in gaz.surnames for p in parts):
            continue
        first = m.group("first").lower()
        known_surname = all(p in gaz.surnames for p in parts)
        if first not in gaz.first_names and not (known_surname and first not in gaz.common_words):
            continue  # "MCLEAN, Ishbel": a known surname before a rarer first name
        yield Finding(m.start("surname"), m.end(), "PERSON", 0.8, "surname_first")


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


# Thirty-ninth round: a form's or a note's field for a person ("Client:", "Patient name
# (SURNAME, Forename):", "Surname, forename:", "Resident:") followed by a surname in capitals, a
# comma and forenames. The field is the cue, so neither name needs a list ("WOJCIK, Artur",
# "NGUYEN, Thi Hoa"); an everyday word in capitals is still no surname ("URGENT, Please").
FIELD_SURNAME_FIRST = re.compile(
    r"(?:^|(?<=[\n|\t]))[ \t]*(?i:client|patient|patient['’]?s[ \t]+name|patient[ \t]+name|"
    r"name|full[ \t]+name|resident|service[ \t]+user|tenant|claimant|applicant|child|pupil|"
    r"person|surname,?[ \t]+(?:forenames?|first[ \t]+names?)|surname[ \t]+first)"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[:=-][ \t]*"
    r"(?P<surname>(?:MC|MAC|O['’])?[A-Z]{2,}(?:[-'’][A-Z]{2,})?),[ \t]*"
    r"(?P<first>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})(?![\w'’])",
    re.MULTILINE,
)


def _field_surnames(text: str) -> Iterator[Finding]:
    """ "Client: WOJCIK, Artur (44)": a person's field, a surname in capitals, forenames."""
    gaz = gazetteer()
    for m in FIELD_SURNAME_FIRST.finditer(text):
        parts = re.split(r"[-'’]", m.group("surname").lower())
        if any(p in NOT_SURNAMES or p in NOT_CELL_SURNAMES for p in parts):
            continue
        if any(p in gaz.common_words and p not in gaz.surnames for p in parts):
            continue
        if m.group("first").split()[0].lower() in NOT_CELL_SURNAMES | ROLE_CUES:
            continue
        yield Finding(m.start("surname"), m.end("first"), "PERSON", 0.85, "surname_first")


def surnames_first(text: str) -> Iterator[Finding]:
    if ":" in text and "," in text:
        yield from _header_surnames(text)
        yield from _field_surnames(text)
    if "," in text:
        yield from _cell_surnames(text)
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
