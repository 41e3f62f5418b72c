"""Hints for what the findings leave beside them, for the check page.

Pooled over every development set, after the shapes of `shape_hints.py`, most of what the check
page still left unseen sat right beside something found or hinted, in two shapes that several
writers share:

* a setting named before its kind of care, found in part or not at all: the kind's word closes
  a run of words of which one is found or hinted already, or looks like a name ("rosebury
  lodge" where "rosebury" was taken for a place, "Penmore District Hospital" where only
  "Penmore District" was found, "Tilby eye Clinic"). The whole run is offered, so the reviewer
  sees the setting, not a word of it;
* an age in bare figures straight after a person ("Cyril 78", "Hamish, 6.") or a relative
  ("my mum 87", "children 11"), where nothing after it says it counts something else.

Each is offered, never redacted. A person's possessive before a kind of care ("Jo's house")
is no setting, and everyday words before one ("the local surgery", "my care home") are never
offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from nlp.identifiers.core.name_gazetteer import (
    COUNTRIES,
    DOMAIN_WORDS,
    NOT_IDENTIFIER_WORDS,
    ROLE_CUES,
    TITLE_CUES,
    WELSH_WORDS,
    gazetteer,
)
from nlp.identifiers.review.shape_hints import known_english, opens_sentence

Span = tuple[int, int, str]  # start, end, label of a finding or a hint

# The word that closes a setting's name: its kind of care.
CARE_KINDS = re.compile(
    r"\b(?:hospital|hospice|infirmary|surgery|practice|clinic|centre|center|unit|ward|house"
    r"|lodge|manor|pharmacy|chemist|hub|cmht|(?:care|nursing|residential)[ \t]+home"
    r"|home[ \t]+care)\b",
    re.I,
)
# Words that may stand inside a setting's name without being its name ("... eye Clinic").
DESCRIPTIVE_WORDS = frozenset(
    """eye eyes dental medical health child children development district general
    satellite day resource carers carers' memorial mental outpatient outpatients maternity
    family rehab rehabilitation nursing care respite sexual assessment treatment walk-in
    minor injuries urgent primary royal""".split()
)
PLACE_OR_NAME = frozenset({"LOCATION", "PERSON", "CARE_SETTING", "ADDRESS"})
PERSON_MARK = 2  # in `touched`, a found person rather than a place or a setting
MAX_NAME_WORDS = 3  # words of a name before a kind of care ("Penmore District")
WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")

RELATIVE_WORDS = (
    r"(?:mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa"
    r"|husband|wife|partner|son|daughter|brother|child|children|kids|boy|girl|baby|grandson"
    r"|granddaughter|twins)"
)
AGE_AFTER_A_RELATIVE = re.compile(rf"\b{RELATIVE_WORDS}[ \t]*,?[ \t]*(\d{{1,2}})\b", re.I)
# Words a number follows that the name rules sometimes take for a person ("Room 12", "Page 1")
NUMBERED_PLACES = frozenset("room rm page bed bay flat unit ward hcsw".split())
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
AGE_AFTER = re.compile(r"""["”]?[ \t]*,?[ \t]*(\d{1,2})\b""")
# What may follow a figure that is an age: the end of a clause, or words that are no unit.
NOT_AN_AGE_AFTER = re.compile(
    r"[.:/,]\d|[ \t]*(?:o['’]clock|am\b|pm\b|a\.m|p\.m|minutes|mins|hours|hrs|nights?|%|weeks?"
    r"|days?|months?|times|miles|kg|mg|ml|p\b|pounds|quid|x\b|th\b|st\b|nd\b|rd\b|stars?"
    r"|out[ \t]of|/|-\d|–\d|\d|:|of\b|wks?\b|families|sachets?|admissions?|mile"
    rf"|{MONTH}\b)",
    re.I,
)


def leftover_hints(text: str, spans: Sequence[Span], shown: bytearray) -> Iterator[Span]:
    """Spans of the module docstring's shapes beside `spans` (findings and hints so far, with
    their labels), with the likeliest label; `shown` flags the characters already shown."""
    yield from _settings_before_a_kind_of_care(text, spans, shown)
    yield from _ages_beside_a_person(text, spans, shown)


def _settings_before_a_kind_of_care(
    text: str, spans: Sequence[Span], shown: bytearray
) -> Iterator[Span]:
    touched = bytearray(len(text))
    for s, e, label in spans:
        if label in PLACE_OR_NAME:
            mark = PERSON_MARK if label == "PERSON" else 1
            touched[s:e] = bytes([mark]) * (e - s)
    for m in CARE_KINDS.finditer(text):
        if text[m.end() : m.end() + 1] == ":":
            continue  # a form's label ("Practice:"), not a setting's name
        start, named = m.start(), False
        for _ in range(MAX_NAME_WORDS + 2):
            before = WORD_BEFORE.search(text, 0, start)
            if not before:
                break
            word = before.group(1)
            low = word.lower().replace("’", "'")
            if low in DESCRIPTIVE_WORDS:
                start = before.start(1)
                continue
            if not _names_a_setting(text, before.start(1), word, touched):
                break
            start, named = before.start(1), True
        if named and not all(shown[start : m.end()]):
            yield start, m.end(), "CARE_SETTING"


def _names_a_setting(text: str, at: int, word: str, touched: bytearray) -> bool:
    """Whether `word` at `at` can be a word of a setting's name."""
    low = word.lower().replace("’", "'")
    marks = touched[at : at + len(word)]
    if low.endswith("'s") and (PERSON_MARK in marks or low[:-2] in gazetteer().first_names):
        return False  # a person's possessive ("Jo's house") is a home, not a setting
    base = low[:-2] if low.endswith("'s") else low
    if _everyday(base):
        return False
    if any(marks):
        return True
    gaz = gazetteer()
    if word.isupper() and len(word) <= 5:
        return False  # a department's or a condition's letters ("BRI eye clinic", "IBD clinic")
    if word[0].isupper() and not opens_sentence(text, at):
        if base in gaz.places or gaz.is_name_part(base):
            return True
        return base not in gaz.common_words and not known_english(base, gaz)
    return base in gaz.places or base in gaz.small_places


def _everyday(base: str) -> bool:
    return (
        base in DOMAIN_WORDS
        or base in NOT_IDENTIFIER_WORDS
        or base in ROLE_CUES
        or base in TITLE_CUES
        or base in COUNTRIES
        or base in WELSH_WORDS
        or base in {"the", "a", "an", "my", "his", "her", "their", "our", "your", "this", "that"}
    )


def _ages_beside_a_person(text: str, spans: Sequence[Span], shown: bytearray) -> Iterator[Span]:
    starts = [
        e
        for s, e, label in spans
        if label == "PERSON" and text[s:e].lower().rstrip(".") not in NUMBERED_PLACES
    ]
    figures = [AGE_AFTER.match(text, e) for e in starts]
    figures += list(AGE_AFTER_A_RELATIVE.finditer(text))
    for m in figures:
        if not m or any(shown[m.start(1) : m.end(1)]):
            continue
        if NOT_AN_AGE_AFTER.match(text, m.end(1)):
            continue
        yield m.start(1), m.end(1), "AGE"
