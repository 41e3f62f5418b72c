"""Hints for identifiers read out or written in pieces, for the check page.

After the shapes of `shape_hints.py` and `leftover_hints.py`, much of what the check page still
left unseen on the pooled development sets was said on a call or copied from a form, in
pieces the detector's patterns (strict, because they redact) do not join up:

* a postcode, reference or e-mail read out letter by letter with figures, pauses and
  corrections between ("K W one... sorry, K W one, six D J", "two H G. H for Hotel", "R as in
  robin, five five one", "B K D 7 3 0 2", "Tango Oscar Mike, dot, ..."): a run of
  single letters, letters spelt with a word, words of the phonetic alphabet, short codes and
  figures, with a letter and a figure in it, a letter spelt with its word, or three words of
  the alphabet;
* a date of birth said in words ("ninth of June seventy one", "Third of August 1944") or
  written with spaces or the year first ("7 9 1999", "0 4 / 1 1 / 1 9 6 0", "1958 / 02 /
  23"), in a year before 2011 as `shape_hints.py`'s full dates are;
* a house number in words before a street found already, said first with a comma or after
  "number" ("Six, Brackenby Road", "Number four, The Sheepfolds").

Each is offered, never redacted: the person checking decides. A lone "A" or "I" is a word, not
a letter of a code; a letter spelt with a word that does not begin with it ("A for effort") is
no spelling; two capitals and figures of two digits or more are words, counts and observations
("GO TO", "RR 22", a chat's timestamps), never pieces; a word of the alphabet is also a month,
a place or a name ("November 2019"), so it counts only three together; "number" with a number
alone ("the number one worry", "number six bus") is not offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from nlp.identifiers.core.number_words import ORDINAL_NUMBER, TENS, UNDER_100, UNITS
from nlp.identifiers.review.shape_hints import opens_sentence

Span = tuple[int, int, str]  # start, end, label of a finding or a hint
COVERED = 0.8  # a span covered this much by findings or hints is already shown

NATO_WORDS = frozenset(
    """alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima
    mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky x-ray
    yankee zulu""".split()
)
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# One piece of something read out, the longest first: a letter spelt with a word, a word of
# the phonetic alphabet, a short code ("E8", "SY24"), one figure, a digit in words (doubled or
# not), one capital. Two capitals or two figures are words and counts more often ("GO TO",
# "RR 22"), so they break a run.
PIECE = re.compile(
    r"(?<![\w'’&])(?:"
    r"(?P<spelt>(?P<letter>[A-Za-z])[ \t]+(?:for|as[ \t]+in)[ \t]+(?P<word>[A-Za-z][a-z'’-]+))"
    rf"|(?P<nato>{'|'.join(sorted((w.capitalize() for w in NATO_WORDS), key=len, reverse=True))})"
    r"|(?P<code>[A-Z]{1,2}\d{1,2}[A-Z]?)"
    r"|(?P<figure>\d)"
    rf"|(?P<said>(?i:(?:(?:double|triple|treble)[ \t]+)?{_DIGIT_WORD}))"
    r"|(?P<capital>[A-Z])"
    r")(?![\w'’])"
)
# What may stand between two pieces: punctuation, a pause, a filler or a correction, and the
# words that join an e-mail or a reference read out ("dot", "at", "dash", "stroke").
GAP = re.compile(
    r"[ \t]*(?:[,./…-]+[ \t]*)?"
    r"(?:(?:um|uh|eh|er|erm|no|sorry|then|that's|that’s|dash|stroke|slash|dot|at|underscore)"
    r"[ \t]*[,.…]*[ \t]*)*"
)
PAUSE = re.compile(r"\.{2,}|…")
MIN_PIECES = 3

_TENS = "|".join(TENS[1:])  # "thirty" to "ninety": a year of birth said in words
_YEAR_IN_WORDS = rf"(?:nineteen[ \t-]+)?(?:{_TENS})(?:[ \t-]+(?:{'|'.join(UNITS)}))?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = rf"(?:{ORDINAL_NUMBER}|\d{{1,2}}(?:st|nd|rd|th))"
_YEAR = rf"(?:(?:19\d\d|200\d|2010)|['’]?[3-9]\d|{_YEAR_IN_WORDS})"
_NOT_A_YEAR_AFTER = r"(?![ \t]*(?:minutes|mins|hours|hrs|am\b|pm\b|%|years|yrs|weeks|days|[:\d]))"
DATE_IN_WORDS = re.compile(
    rf"\b{_DAY}[ \t]+(?:(?:of|o['’])[ \t]+)?(?:the[ \t]+)?(?:{_MONTH}|{ORDINAL_NUMBER})\.?,?"
    rf"[ \t]+{_YEAR}\b{_NOT_A_YEAR_AFTER}",
    re.IGNORECASE,
)
_SPACED_FIGURES = r"\d(?:[ \t]?\d)?"
SPACED_DATE = re.compile(
    rf"(?<![\d/.])({_SPACED_FIGURES})[ \t]*([./])[ \t]*({_SPACED_FIGURES})[ \t]*\2[ \t]*"
    r"(\d[ \t]?\d(?:[ \t]?\d[ \t]?\d)?)(?![\d/.])"
)
DATE_IN_SPACES = re.compile(r"(?<![\d/.])(\d{1,2})[ \t]+(\d{1,2})[ \t]+((?:19|20)\d\d)(?![\d/.])")
YEAR_FIRST = re.compile(
    r"(?<![\d/.])((?:19|20)\d\d)[ \t]*([./-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{1,2})(?![\d/.])"
)
LAST_BIRTH_YEAR = 2010
TWO_DIGIT_CENTURY = 30  # "86" is 1986, "24" is 2024

HOUSE_NUMBER_BEFORE = re.compile(
    rf"\b(?P<cue>(?:number|no\.?)[ \t]+)?({UNDER_100}|(?:a|one)[ \t]+hundred(?:[ \t]+and[ \t]+"
    rf"{UNDER_100})?)[ \t]*,?[ \t]*$",
    re.IGNORECASE,
)
STREETS = frozenset({"ADDRESS", "LOCATION"})
REACH = 40  # characters before a street in which its number in words is looked for


def read_out_hints(text: str, spans: Sequence[Span], shown: bytearray) -> Iterator[Span]:
    """Spans of the module docstring's shapes, with the likeliest label, that findings and
    hints (`spans`, and `shown`, a flag a character) do not show yet."""
    found = [
        *_read_out_in_pieces(text),
        *_dates_of_birth_in_words(text),
        *_house_numbers_in_words(text, spans),
    ]
    seen = bytearray(shown)  # the caller marks what it offers; this only keeps runs apart
    for start, end, label in sorted(found):
        letters = [i for i in range(start, end) if not text[i].isspace()]
        if letters and sum(seen[i] for i in letters) < COVERED * len(letters):
            seen[start:end] = b"\x01" * (end - start)
            yield start, end, label


def _read_out_in_pieces(text: str) -> Iterator[Span]:
    run: list[re.Match] = []
    for m in PIECE.finditer(text):
        if run and not GAP.fullmatch(text, run[-1].end(), m.start()):
            yield from _worth_offering(text, run)
            run = []
        run.append(m)
    yield from _worth_offering(text, run)


def _worth_offering(text: str, run: list[re.Match]) -> Iterator[Span]:
    """The run as an OTHER_ID if it reads as something spelt out, not as words and numbers."""
    while run and run[0].group("capital") in ("A", "I"):
        run = run[1:]  # "I", "A": words beside the run, never its first or last letter
    while run and run[-1].group("capital") in ("A", "I"):
        run = run[:-1]
    if not run:
        return
    spelt = [m for m in run if m.group("spelt") and _spells(m)]
    letters = [m for m in run if _is_letter(m)]
    nato = [m for m in run if m.group("nato")]
    said = [m for m in run if m.group("figure") or m.group("said")]
    offered = (
        (spelt and len(run) >= 2)
        or len(nato) >= MIN_PIECES
        or (len(run) >= MIN_PIECES and letters and said)
    )
    if not offered:
        return
    end = run[-1].end()
    pause = PAUSE.match(text, end)
    yield run[0].start(), pause.end() if pause else end, "OTHER_ID"


def _spells(m: re.Match) -> bool:
    """ "D for Delta", "m for mary": the word begins with the letter ("A for effort" does not)."""
    return m.group("word")[0].lower() == m.group("letter").lower()


def _is_letter(m: re.Match) -> bool:
    """A letter of a code: words of the phonetic alphabet are also months, places and names
    ("November 2017"), so they count only three together."""
    if m.group("capital"):
        return m.group("capital") not in "AI"
    return bool(m.group("code") or (m.group("spelt") and _spells(m)))


def _dates_of_birth_in_words(text: str) -> Iterator[Span]:
    for m in DATE_IN_WORDS.finditer(text):
        yield m.start(), m.end(), "DATE_OF_BIRTH"
    for pattern in (SPACED_DATE, DATE_IN_SPACES, YEAR_FIRST):
        for m in pattern.finditer(text):
            if pattern is SPACED_DATE and " " not in m.group() and "\t" not in m.group():
                continue  # written without spaces: `shape_hints.py`'s full dates
            day, month, year = _day_month_year(pattern, m)
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            if year < 100:
                year += 1900 if year >= TWO_DIGIT_CENTURY else 2000
            if 1900 <= year <= LAST_BIRTH_YEAR:
                yield m.start(), m.end(), "DATE_OF_BIRTH"


def _day_month_year(pattern: re.Pattern, m: re.Match) -> tuple[int, int, int]:
    def figures(group: int) -> int:
        return int(re.sub(r"[ \t]", "", m.group(group)))

    if pattern is YEAR_FIRST:
        return figures(4), figures(3), figures(1)
    if pattern is SPACED_DATE:
        return figures(1), figures(3), figures(4)
    return figures(1), figures(2), figures(3)


def _house_numbers_in_words(text: str, spans: Sequence[Span]) -> Iterator[Span]:
    for start, end, label in spans:
        if label not in STREETS:
            continue
        if not text[start].isupper():
            continue
        before = HOUSE_NUMBER_BEFORE.search(text, max(0, start - REACH), start)
        if not before:
            continue
        # "Six, Brackenby Road" opening what is said, or "Number four, The Sheepfolds"
        said_first = before.group()[0].isupper() and opens_sentence(text, before.start())
        if before.group("cue") or ("," in before.group() and said_first):
            yield before.start(), end, "ADDRESS"
