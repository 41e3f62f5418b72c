"""The first line of an address given in a form's address field (issue 20, round 100):
"Address line 1: Meadowside  Town: Derby", "Current address: Room 208, The Gables Hotel",
"Cyfeiriad / Address: Cnoc an Fhithich, Moor Drive", "previous address: flat 7c wavell house,
queen street".

A field labelled as an address says what its answer is, so its first line is an address even
when it has no street word, no house number the street rules know, or a language of its own (a
house's Welsh or Gaelic name, a room in a hotel, a flat in a block). Across the development
sets 16 first lines after such a label were missed (the rules read 1,271 others); 9 are found
now, in six writers' sets (v69, v104, v119, v143, v150, v151), and the rest are lines the rules
found part of.

The answer runs from the label's colon to the first comma, full stop, line break, wide gap or
next field's label, and is a line of a few words (not a sentence typed after the label). It is
read as an address only where no rule has read any of it but a guessed name or place inside it
(a care home or a hotel found by its own rule keeps its label); where it holds a figure that is
no count of time or things, or a word no English list holds ("Meadowside", "Fflat 7"; not "No
fixed abode", "Withheld", "NFA", "3 weeks at my sister's"); and, where capitals tell a name,
where it opens with a capital or a figure ("c/o the ahmeds" stays). Not the address of an
e-mail, a web page or a computer, and not a label that asks two things ("Occupation and usual
address: Shop assistant, 9 Wellington Place"), whose first answer is the other field's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.numbered_house_lines import NOT_HOUSE_WORDS

ADDRESS_FIELD = gated(
    re.compile(
        r"(?<![\w'’-])(?P<and>and[ \t]+)?(?:(?:current|previous|home|usual|permanent|postal|"
        r"discharge|temporary|correspondence)[ \t]+)?address(?:[ \t]+line[ \t]*1)?[ \t]*"
        r"[:–-][ \t]*(?P<answer>[^\s,:](?:[^,\n:.]|\.(?!\s|$)){0,60})(?=[,\n:]|\.(?:\s|$)|$)",
        re.IGNORECASE,
    )
)
# Where the answer's first line ends inside what the pattern took: a wide gap before another
# field or a bracket ("Meadowside  Town:", "Brockholes Lodge (contingency hotel)"), or, where
# the pattern stopped at the next field's colon, that field's one-word label ("Meadowside
# Town:").
WIDE_GAP = re.compile(r"[ \t]{2,}|[ \t]+\(")
NEXT_LABEL = re.compile(r"[ \t]+[^\W\d_][\w'’/]*$")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
# A first line is a few words ("Flat 7c Wavell House", "Rhyd y Felin Farm"), and a figure in
# it numbers a house, a flat or a room, not a count of time or of things.
MOST_WORDS = 6
_PLACES_IN_A_BUILDING = frozenset({"room", "rooms", "unit", "units", "floor", "level"})
COUNTED = re.compile(rf"\d[ \t]*(?i:{'|'.join(sorted(NOT_HOUSE_WORDS - _PLACES_IN_A_BUILDING))})\b")
# Guesses another rule made inside a house's name ("Cnoc an [Fhithich]"): the answer still is an
# address, and the address takes them in.
GUESSES = frozenset({"PERSON", "LOCATION"})
# An address of something else than a home: "E-mail address: not given", "web address -".
OTHER_ADDRESS = re.compile(r"(?i:\b(?:e-?mail|web|ip|internet|return|ward)[ \t]+)$")


def _first_line(text: str, m: re.Match) -> tuple[int, int]:
    start, end = m.start("answer"), m.end("answer")
    answer = text[start:end]
    if gap := WIDE_GAP.search(answer):
        answer = answer[: gap.start()]
    elif text.startswith(":", end):
        label = NEXT_LABEL.search(answer)
        answer = answer[: label.start()] if label else ""
    return start, start + len(answer.rstrip(" \t.;"))


def _addressy(answer: str, any_case: bool) -> bool:
    """A figure, or a word no English list holds, opening with a capital where capitals tell."""
    if not any_case and not (answer[0].isupper() or answer[0].isdigit()):
        return False
    if len(answer.split()) > MOST_WORDS or COUNTED.search(answer):
        return False  # "Address: 12 weeks ago I moved in with my sister"
    if any(c.isdigit() for c in answer):
        return True
    english = gazetteer().english_words
    return any(w.group().lower() not in english for w in _WORD.finditer(answer))


def address_field_answers(text: str, found: list[Finding]) -> Iterator[Finding]:
    """The first line of an address field's answer, where no rule has read it."""
    any_case = None
    for m in ADDRESS_FIELD.finditer(text):
        if m.group("and"):
            continue  # "Occupation and usual address:": the first answer is the occupation's
        if OTHER_ADDRESS.search(text, max(0, m.start() - 10), m.start()):
            continue
        start, end = _first_line(text, m)
        if end - start < 2 or any(
            f.start < end and start < f.end and f.label not in GUESSES for f in found
        ):
            continue
        if any_case is None:
            any_case = capitals_mean_little(text)
        if _addressy(text[start:end], any_case):
            yield Finding(start, end, "ADDRESS", 0.7, "address_field")
