"""A full name typed in capitals inside a text of mixed case (issue 20, round 95): "In the matter
of HARDEV SANDHU Of 200 Brunswick Square", "Complaint regarding AMINAT BELLO, D.O.B. 21
August 1987", "Bed 1 - HODAN FRASER wt up 0.4kg".

Court papers, assessment forms, handover sheets and letters' headings put the person's name in
capitals among words in mixed case. There the name rules read capitals as a heading's or an
acronym's and take such a word only when it stands alone, so a pair of them was left whole:
23 full names in capitals were missed in eighteen writers' sets (v17 to v141), six of them of
the shape below (the others' first names are words, "HOPE", or in no list). The shape's
findings across the development sets are all marked (143 in 57 sets); a Welsh health board's
name, "BETSI CADWALADR", which writers leave, is left here too.

The pair is a name when the first word is a listed first name that is no English word
("HARDEV", "HODAN", "CERYS"; "HOPE" and "PRECIOUS" are words, and stay), and the second a
surname: listed, or in no English word list, and no common word. Neither may be a word of
care's own, a role, a title or a stop word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import DOMAIN_WORDS, ROLE_CUES, TITLE_CUES, gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.look_alikes.nhs_bodies import WELSH_BOARDS

_CAPS = r"[A-Z]{2,}(?:-[A-Z]{2,})?"
CAPITAL_PAIR = re.compile(
    rf"(?<![\w'’&-])(?P<first>{_CAPS})[ \t]+(?P<last>(?:MC|MAC|O['’]|D['’])?{_CAPS})(?![\w'’-])"
)
# Its hand-written gate: two words of two capitals or more, one space or tab between.
TWO_CAPITAL_WORDS = re.compile(r"[A-Z]{2}[ \t]+(?:[OD]['’])?[A-Z]{2}")
CAPITAL_PAIR = gated(CAPITAL_PAIR, behind=TWO_CAPITAL_WORDS)
# Wales's health boards named after people ("BETSI CADWALADR UNIVERSITY HEALTH BOARD", "HYWEL
# DDA"): bodies, which writers leave as they leave the other NHS bodies (look_alikes/nhs_bodies.py).
WELSH_BOARD = re.compile(WELSH_BOARDS, re.IGNORECASE)


def _care_word(word: str) -> bool:
    return word in DOMAIN_WORDS or word in ROLE_CUES or word in TITLE_CUES or word in STOP_WORDS


def _first_name(word: str) -> bool:
    gaz = gazetteer()
    return all(p in gaz.first_names and p not in gaz.english_words for p in word.split("-"))


def _surname(word: str) -> bool:
    gaz = gazetteer()
    return all(
        (p in gaz.surnames or p not in gaz.english_words) and p not in gaz.common_words
        for p in word.split("-")  # "o'sullivan" is in no English list
    )


def capital_full_names(text: str) -> Iterator[Finding]:
    """ "HARDEV SANDHU" among words in mixed case: a first name and a surname, both in capitals."""
    for m in CAPITAL_PAIR.finditer(text):
        first, last = m.group("first").lower(), m.group("last").lower()
        if _care_word(first) or _care_word(last) or WELSH_BOARD.fullmatch(m.group()):
            continue
        if _first_name(first) and _surname(last):
            yield Finding(m.start(), m.end(), "PERSON", 0.75, "capital_full_name")
