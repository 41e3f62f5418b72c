"""Dates of birth said in shapes the earlier spoken rules do not read (issue 20, round 36).

- The answer to a date-of-birth question in the next turn, as three numbers said apart
  ("CH: And her date of birth? C: Four, nine, fifty-two."): the question is the cue, the
  answer's three numbers must make a day, a month and a year (either order of day and month:
  a caller who says it the American way has still said it); a chat's time stamp
  ("12/06/2024, 21:03") is no answer. Round 98: or written as a date is written, year first
  or with the month by name ("Caller: 1988-09-26.", "Caller: 22 Aug 1996.").
- A year said first, then the day and the month, after "born" ("I was born there, nineteen
  twenty-nine, the fourth of June").
- A feast standing for the day ("born on Christmas Day", "her birthday's New Year's Day"), after
  a birth cue on the same line and within a sentence or two; "rang me on Christmas Day" has no
  cue and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import _UNDER_100, TENS, UNITS, as_int
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.dates_and_ages.birth_dates import MONTH

_N = rf"(?:{_UNDER_100}|\d{{1,2}})"
_YEAR = (
    rf"(?:nineteen[ \t-]+{_UNDER_100}|twenty[ \t-]+(?:oh[ \t-]+)?{_UNDER_100}"
    rf"|two[ \t]+thousand(?:[ \t]+and)?(?:[ \t]+{_UNDER_100})?"
    rf"|(?:{'|'.join(TENS)})(?:[ \t-]+(?:{'|'.join(UNITS)}))?|(?:19|20)\d{{2}}|\d{{2}})"
)
QUESTION = re.compile(
    r"(?:date[ \t]+of[ \t]+birth|d\.?o\.?b\.?|birthday|when[ \t]+was[ \t]+(?:she|he)[ \t]+born"
    r"|when[ \t]+were[ \t]+you[ \t]+born)[^?\n]{0,24}\?",
    re.IGNORECASE,
)
QUESTION = gated(QUESTION)
ANSWER = re.compile(
    r"[ \t]*\n?[ \t]*(?:[A-Z][\w ()]{0,24}:[ \t]*)?(?:(?:um|em|er|erm|oh|it['’]s|its|yeah)"
    rf"[ \t,]+){{0,2}}(?P<date>(?P<a>{_N})[ \t]*[,/.-][ \t]*(?P<b>{_N})[ \t]*[,/.-][ \t]*"
    rf"{_YEAR})(?![\w'’-])(?![ \t]*,?[ \t]*\d{{1,2}}:\d{{2}})",
    re.IGNORECASE,
)
# Round 98 (v149): the answer written as a date is written ("Caller: 1988-09-26.", "Caller: 22
# Aug 1996."): the year-first form of a record and a month by its name answer the question too.
ANSWER_WRITTEN = re.compile(
    r"[ \t]*\n?[ \t]*(?:[A-Z][\w ()]{0,24}:[ \t]*)?(?:(?:um|em|er|erm|oh|it['’]s|its|yeah)"
    rf"[ \t,]+){{0,2}}(?P<date>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \t]+{MONTH}\.?,?[ \t]+(?:19|20)\d\d"
    rf"|{MONTH}\.?[ \t]+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d)"
    r"(?![\w'’-])",
    re.IGNORECASE,
)
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[ \t-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[ \t-]?first|[0-3]?\d(?:st|nd|rd|th))"
)
YEAR_FIRST = re.compile(
    r"\bborn\b[^.?!\n]{0,30}?[ \t,]"
    rf"(?P<date>nineteen[ \t-]+{_UNDER_100},?[ \t]+(?:on[ \t]+)?the[ \t]+{_ORDINAL}[ \t]+of[ \t]+"
    rf"{MONTH})\b",
    re.IGNORECASE,
)
YEAR_FIRST = gated(YEAR_FIRST)
FEAST = re.compile(
    r"\b(?:born|birthday|date[ \t]+of[ \t]+birth|d\.?o\.?b)\b[^\n]{0,100}?\b"
    r"(?P<date>(?:New[ \t]+Year['’]s|Christmas|Boxing|Valentine['’]s|St[ \t]+Patrick['’]s|"
    r"St[ \t]+David['’]s|St[ \t]+Andrew['’]s|St[ \t]+George['’]s|May|Leap|Midsummer['’]s)"
    r"[ \t]+(?:Day|Eve)|Hallowe['’]?en|Bonfire[ \t]+Night)\b",
    re.IGNORECASE,
)
FEAST = gated(FEAST)


_BIRTH_WORDS = ("born", "birth", "dob", "d.o.b")


def _day_month(a: str, b: str) -> bool:
    x, y = as_int(a), as_int(b)
    if x is None or y is None:
        return False
    return (1 <= x <= 31 and 1 <= y <= 12) or (1 <= y <= 31 and 1 <= x <= 12)


def worded_birth_dates(text: str) -> Iterator[Finding]:
    """Dates of birth said as an answer, year first, or as a feast (see the docstring)."""
    low = text.lower()
    if not any(cue in low for cue in _BIRTH_WORDS):
        return
    for q in QUESTION.finditer(text):
        a = ANSWER.match(text, q.end())
        if a and _day_month(a.group("a"), a.group("b")):
            yield Finding(a.start("date"), a.end("date"), "DATE_OF_BIRTH", 0.85, "answered_dob")
        elif w := ANSWER_WRITTEN.match(text, q.end()):
            yield Finding(w.start("date"), w.end("date"), "DATE_OF_BIRTH", 0.85, "answered_dob")
    for pattern in (YEAR_FIRST, FEAST):
        for m in pattern.finditer(text):
            yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "answered_dob")
