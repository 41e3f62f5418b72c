"""Ages said in conversation, where the word "age" or "years old" is not said (issue 20, round 36).

A transcript carries ages the way people say them: an answer to "how old are you?" in the next
turn ("Six. Six and a half."), a saying built on one ("three going on thirty"), an age put
first for weight ("Sixteen I was."), an age guessed back ("I'd have been about eight"), and a
baby's weeks in brackets after the name ("baby Rose (six weeks)"). Each shape is narrowed to
what only an age is:
- the answer is the number that opens the next turn after a question of "how old" about a
  person (not "how old is the building?"), or the sentence after it that opens with the same
  number; a half or three quarters said after it belongs to it;
- "N going on M" is said only of a person's age; only the first number is their age;
- "N I was" (he, she, we, they) opens a sentence, the number in words, and ends it or goes on
  with "when" or "then" ("Two I was sure of" is no age);
- "I'd have been about N" (would, must; I, he, she, we, they), with no unit of time after it
  ("about twenty minutes late" is a wait);
- "(N weeks)", "(N months)" in brackets right after a capitalised name.
Numbers above 120 are never ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import NUMBER, as_int
from nlp.identifiers.core.prefilter import gated

_N = rf"(?:{NUMBER}|\d{{1,3}})"
_FRACTION = r"(?:[ \t]+and[ \t]+(?:a[ \t]+half|a[ \t]+quarter|three[ \t]+quarters))?"
HOW_OLD = re.compile(
    r"\bhow[ \t]+old[ \t]+(?:is|are|was|were|['’]s|will)[ \t]+(?:you|he|she|they|we|"
    r"(?:your|his|her|their|our|the)[ \t]+(?:baby|son|daughter|child|boy|girl|mum|dad|mam|"
    r"mother|father|husband|wife|brother|sister|nan|gran|grandad|patient|lad|lass|wee[ \t]+one)|"
    r"(?-i:(?!The\b)[A-Z][a-z]+))\b[^?\n]{0,30}\?",
    re.IGNORECASE,
)
_FILLER = (
    r"(?:(?:oh|um|em|er|erm|well|she['’]s|he['’]s|i['’]m|they['’]re|about|nearly|almost|just"
    r"|only|around)[ \t,]+){0,3}"
)
ANSWER = re.compile(
    rf"[ \t]*\n?[ \t]*(?:[A-Z][\w ()]{{0,24}}:[ \t]*)?{_FILLER}(?P<age>{_N}{_FRACTION})\b"
    r"(?![ \t]*(?:%|pounds|quid|minutes|mins|hours|o['’]clock|times|miles|tablets|stone|kg))",
    re.IGNORECASE,
)
SAID_AGAIN = re.compile(rf"[.!?][ \t]+(?P<age>{_N}{_FRACTION})\b", re.IGNORECASE)
GOING_ON = re.compile(rf"\b(?P<age>{_N})[ \t]+going[ \t]+on[ \t]+{_N}\b", re.IGNORECASE)
# "N I was": found from its "I was" (sought in lower case), the number read back before it.
SUBJECT_WAS = re.compile(
    r"(?<![\w'’])(?:i|he|she|we|they) (?:was|were)(?=[ \t]*(?:[.!,;—–]|$|\n|when\b|then\b|"
    r"at the time\b))"
)
NUMBER_OPENS = re.compile(rf"(?:^|[.!?][ \t]+|\n[ \t]*)(?P<age>{NUMBER}),?[ \t]+$", re.IGNORECASE)
GUESSED_BACK = re.compile(
    r"\b(?:I|he|she|we|they)(?:['’]d|[ \t]+would|[ \t]+must)[ \t]+have[ \t]+been[ \t]+"
    rf"(?:about|around|nearly|only|just|maybe|barely)?[ \t]*(?P<age>{_N})\b"
    r"(?![ \t]*(?:-|minutes|mins|hours|days|weeks|months|years|o['’]clock|times|miles|"
    r"pounds|quid|%|in|at|on|there|late|early))",
    re.IGNORECASE,
)
BABY_WEEKS = re.compile(
    rf"\((?P<age>{_N}[ \t]+(?:weeks?|months?|days?)(?:[ \t]+old)?)\)", re.IGNORECASE
)
NAME_BEFORE = re.compile(r"(?P<name>[A-Za-z][a-z'’-]+)[ \t]+$")
GOING_ON, GUESSED_BACK = gated(GOING_ON), gated(GUESSED_BACK)
MAX_AGE = 120
_CUES = ("old", "going on", " was", "have been", "week", "month")


def _an_age(said: str) -> bool:
    n = as_int(re.split(r"[ \t]+and[ \t]+|[ \t]+(?:weeks?|months?|days?)", said.lower())[0])
    return n is not None and 0 < n <= MAX_AGE


def _a_name(text: str, at: int) -> bool:
    """The word before the bracket at `at` is a name: capitalised, not the sentence's first."""
    m = NAME_BEFORE.search(text, max(0, at - 30), at)
    if m is None or not m.group("name")[0].isupper():
        return False
    before = text[: m.start("name")].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\n:"


def answered_ages(text: str) -> Iterator[Finding]:
    """Ages said in conversation (see the docstring)."""
    low = text.lower()
    if not any(cue in low for cue in _CUES):
        return
    if "how old" in low:
        for q in HOW_OLD.finditer(text):
            a = ANSWER.match(text, q.end())
            if not a or not _an_age(a.group("age")):
                continue
            yield Finding(a.start("age"), a.end("age"), "AGE", 0.8, "answered_age")
            said = a.group("age").split()[0].lower()
            again = SAID_AGAIN.match(text, a.end())
            if again and again.group("age").split()[0].lower() == said:
                yield Finding(again.start("age"), again.end("age"), "AGE", 0.8, "answered_age")
    for pattern in (GOING_ON, GUESSED_BACK):
        for m in pattern.finditer(text):
            if _an_age(m.group("age")):
                yield Finding(m.start("age"), m.end("age"), "AGE", 0.8, "answered_age")
    if " (" in text:
        for m in BABY_WEEKS.finditer(text):
            if _a_name(text, m.start()) and _an_age(m.group("age")):
                yield Finding(m.start("age"), m.end("age"), "AGE", 0.8, "answered_age")
    for was in SUBJECT_WAS.finditer(low):
        m = NUMBER_OPENS.search(text, max(0, was.start() - 40), was.start())
        if m and _an_age(m.group("age")):
            yield Finding(m.start("age"), m.end("age"), "AGE", 0.8, "answered_age")
