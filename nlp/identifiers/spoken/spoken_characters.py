"""Identifiers read out a character at a time, with the words people add to be understood
(issue 20, round 36).

On a call, a caller makes each character of an NI number, a hospital number or a postcode
sure as they say it: a letter in the NATO alphabet ("papa whiskey") or tied to a word ("H as in
hotel", "S for Siôn", "G for golf"), a figure pair in words ("forty-five"), "oh" for zero,
"double T", and "then" or commas between pieces ("M, then one, four, four, oh ..."). The
earlier spoken rules each read some of these helpers; this reader takes them all, and an
identifier is taken only where the characters it yields make that identifier's whole shape
after that identifier's cue:
- after "national insurance" or "insurance number": two letters, six figures and an optional
  final letter (an NI number);
- after a hospital, patient, case or reference number's cue, or "the number on the letter":
  one to three letters, then five to ten figures (a hospital number or a reference), with at
  least one helper or word said, so a typed reference is left to the pattern rules;
- anywhere: a postcode of Royal Mail's shape in an area that exists, when a helper made one of
  its letters sure ("B T thirty-four, one, G for golf, N for November", "BD8 7 double T"):
  nobody says "for golf" in anything else.
Look-alikes stay: "M for Monday" in a rota has no postcode's shape, "two for one" has no
letter, a price or a time after "number" makes no NI or hospital number's shape.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import DIGIT_WORDS, TEENS, TENS, UNITS
from nlp.identifiers.places.postcodes import POSTCODE_AREAS
from nlp.identifiers.spoken.said_aloud import NATO
from nlp.identifiers.spoken.spoken_numbers import digits_of

_NATO_WORD = "|".join(sorted(NATO, key=len, reverse=True))
_NUMBER_WORD = "|".join(
    sorted([*DIGIT_WORDS, *TEENS, *TENS, *UNITS, "nought"], key=len, reverse=True)
)
_TENS_UNIT = rf"(?:{'|'.join(TENS)})[ \t-]+(?:{'|'.join(UNITS)})"
# One piece as said: a letter made sure ("H as in hotel", "S for Siôn"), a NATO word, a doubled
# letter or figure, a figure pair in words, a number word, figures, a letter, or a postcode's
# outward code typed whole ("BD8").
PIECE = re.compile(
    rf"(?P<piece>(?P<sure>[A-Za-z])[ \t]+(?:as[ \t]+in|for)[ \t]+(?P<word>[^\W\d_]+)"
    rf"|(?P<nato>{_NATO_WORD})"
    rf"|(?P<double>(?:double|treble|triple)[ \t]+(?:[A-Za-z]|{_NUMBER_WORD}|\d))"
    rf"|(?P<pair>{_TENS_UNIT})|(?P<number>{_NUMBER_WORD})|(?P<figures>\d{{1,7}})"
    r"|(?P<outward>[A-Z]{1,2}\d{1,2}[A-Z]?)|(?P<letter>[A-Za-z]))(?![\w'’-])"
    r"(?P<gap>[ \t]*(?:[,/.-]|\.\.\.|…|—|–)?[ \t]*(?:then[ \t]+)?)",
    re.IGNORECASE,
)
MAX_PIECES = 16

NI_CUE = re.compile(
    r"\b(?:national[ \t]+insurance|insurance[ \t]+(?:number|no)|NI[ \t]+(?:number|no)|NINO)\b",
    re.IGNORECASE,
)
NI_SHAPE = re.compile(r"[A-Z]{2}\d{6}[A-D]?")
REFERENCE_CUE = re.compile(
    r"\b(?:(?:hospital|patient|unit|case|reference|ref|record|MRN|CHI|K)[ \t]+(?:number|no)"
    r"|number[ \t]+on[ \t]+the[ \t]+(?:letter|card|band|wristband|form))\b",
    re.IGNORECASE,
)
REFERENCE_SHAPE = re.compile(r"[A-Z]{1,3}\d{5,10}")
POSTCODE_SHAPE = re.compile(r"(?P<area>[A-Z]{1,2})\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}")
CUE_REACH = 60
# A helper that makes a letter sure: "S for Siôn", "H as in hotel", a NATO word, "double T".
# Most texts hold none, and are not read for postcodes at all.
HELPER = re.compile(
    rf"(?<![\w'’-])(?:([A-Za-z])[ \t]+(?:as[ \t]+in|for)[ \t]+\1|(?:{_NATO_WORD})(?![\w'’-])"
    r"|(?:double|treble)[ \t]+[A-Za-z](?![\w'’-]))",
    re.IGNORECASE,
)
# Characters said one by one with no helper: five pieces or more are read, not typed.
READ_OUT = 5


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word)[0].upper()


def read_pieces(text: str, at: int) -> list[tuple[str, int, bool]]:
    """The pieces said from `at`: (characters, end, whether a helper or a word made it sure)."""
    pieces: list[tuple[str, int, bool]] = []
    while len(pieces) < MAX_PIECES:
        m = PIECE.match(text, at)
        if not m:
            break
        if m.group("sure"):
            if _plain(m.group("word")) != m.group("sure").upper():
                break  # "a for the", "time for tea": no letter made sure
            chars, helped = m.group("sure").upper(), True
        elif m.group("nato"):
            chars, helped = NATO[m.group("nato").lower()], True
        elif m.group("double"):
            said = m.group("double").split()
            times = 2 if said[0].lower() == "double" else 3
            one = said[-1].upper() if said[-1].isalpha() and len(said[-1]) == 1 else None
            one = one or digits_of(said[-1])
            if not one or len(one) != 1:
                break
            chars, helped = one * times, True
        elif m.group("pair") or m.group("number"):
            chars = digits_of(m.group("piece"))
            if chars is None:
                break
            helped = True
        elif m.group("figures"):
            chars, helped = m.group("figures"), False
        elif m.group("outward"):
            chars, helped = m.group("outward").upper(), False
        else:
            chars, helped = m.group("letter").upper(), False
        pieces.append((chars, m.end("piece"), helped))
        gap = m.group("gap")
        if "\n" in gap:
            break
        at = m.end()
    return pieces


def _longest(
    pieces: list[tuple[str, int, bool]], shape: re.Pattern[str], read_out: bool = False
) -> int | None:
    """End of the longest run of pieces whose characters make `shape` with a helper in it (or,
    with `read_out`, said in five pieces or more)."""
    joined, helped, end = "", False, None
    for count, (chars, piece_end, sure) in enumerate(pieces, 1):
        joined += chars
        helped = helped or sure or (read_out and count >= READ_OUT)
        if len(joined) > 12:
            break
        m = shape.fullmatch(joined)
        if m and helped and (shape is not POSTCODE_SHAPE or m.group("area") in POSTCODE_AREAS):
            end = piece_end
    return end


def _after_cue(text: str, cue: re.Pattern[str], shape: re.Pattern[str], label: str):
    for m in cue.finditer(text):
        reach = min(len(text), m.end() + CUE_REACH)
        for w in re.finditer(r"(?<![\w'’-])\w", text[m.end() : reach]):
            start = m.end() + w.start()
            if re.search(r"[.?!;\n]", text[m.end() : start]):
                break
            pieces = read_pieces(text, start)
            end = _longest(pieces, shape, read_out=True) if len(pieces) >= 3 else None
            if end is not None:
                yield Finding(start, end, label, 0.85, "spoken_characters")
                break


def _made_sure_postcodes(text: str) -> Iterator[Finding]:
    """A postcode a helper made sure of, anywhere: read from each word start in a short reach
    before the helper."""
    last_end = -1
    for helper in HELPER.finditer(text):
        if helper.start() < last_end:
            continue
        window = max(0, helper.start() - 40, last_end)
        for w in re.finditer(r"(?<![\w'’-])\w", text[window : helper.start()]):
            start = window + w.start()
            if re.search(r"[.?!;:\n]", text[start : helper.start()]):
                continue
            end = _longest(read_pieces(text, start), POSTCODE_SHAPE)
            if end is not None and end > helper.start():
                last_end = end
                yield Finding(start, end, "POSTCODE", 0.8, "spoken_characters")
                break


# What each search needs, looked for in the text in lower case first: most texts hold none of
# them, and the patterns (which ignore case) are slow to say so.
_NI_WORDS = ("insurance", "ni n", "nino")
_REFERENCE_WORDS = ("number", " no.", " no ")
_SURE = re.compile(r"(?<![\w'’-])[a-z] (?:for|as in) ")
_NATO_WORDS = tuple(NATO)


def _may_be_helped(low: str) -> bool:
    """Whether `HELPER` could match: a letter before "for" or "as in", "double"/"treble" before
    a letter, or a NATO word."""
    if ("double " in low or "treble " in low) or any(w in low for w in _NATO_WORDS):
        return True
    return (" for " in low or " as in " in low) and _SURE.search(low) is not None


def spoken_characters(text: str) -> list[Finding]:
    """NI numbers, hospital numbers and postcodes read out with helpers (see the docstring)."""
    low = text.lower()
    found: list[Finding] = []
    if any(w in low for w in _NI_WORDS) and NI_CUE.search(text):
        found.extend(_after_cue(text, NI_CUE, NI_SHAPE, "NI_NUMBER"))
    if any(w in low for w in _REFERENCE_WORDS) and REFERENCE_CUE.search(text):
        found.extend(_after_cue(text, REFERENCE_CUE, REFERENCE_SHAPE, "OTHER_ID"))
    if _may_be_helped(low) and HELPER.search(text):
        found.extend(_made_sure_postcodes(text))
    return found
