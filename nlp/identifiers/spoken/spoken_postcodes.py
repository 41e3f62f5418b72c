"""Postcodes spelt out as they are read aloud or typed from a phone call (issue 20, tenth round).

A call taker or a relative writes a postcode the way it was said: letter by letter ("g l 5 4 /
2 j f"), with numbers in words ("WF ten, four EX"), with commas and slashes between the parts.
No postcode pattern matches that, yet it narrows a home to a few dozen houses. Found only
after a postcode cue ("postcode", "post code", "postcode's", "PC:") and only when the pieces,
joined, make a postcode of Royal Mail's shape whose area exists, so "postcode: not known" or
"postcode on the letter" stay.

Thirty-third round: a postcode said whole with no cue, as a voicemail or a caller gives it after
the street ("… gladstone terrace grimsby d n thirty two nine h l", "M, one, four... seven, double
L"). Its inward code, said last, is what only a postcode has: a figure, then two letters said
apart or as "double L". From each such inward code the run of spoken pieces is read back to
its start: letters said one at a time, a district said in words ("thirty two"), pauses ("…"),
a piece said again after a pause ("three… three B A") counted once. Taken only when the whole
run makes a postcode of Royal Mail's shape in an area that exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import value
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.postcodes import POSTCODE_AREAS
from nlp.identifiers.places.street_lines import STREET_SUFFIX

CUE = re.compile(
    r"\b(?:post[ \t]?code(?:['’]s)?|p/?code|PC)\b(?:[ \t]+(?:is|was|=))?[ \t]*[:=-]?[ \t]*",
    re.IGNORECASE,
)
CUE = gated(CUE)
# A figure said aloud: one or two digits, or a number in words up to twenty.
SPOKEN_FIGURE = (
    r"\d{1,2}|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
# One spoken piece: one or two letters, or a figure.
PIECE = re.compile(
    rf"(?P<piece>[A-Za-z]{{1,2}}|{SPOKEN_FIGURE})(?![\w'’])(?P<gap>[ \t]*[,/-]?[ \t]*)",
    re.IGNORECASE,
)
SHAPE = re.compile(r"(?P<area>[A-Z]{1,2})\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}")
# No cue but the address itself: "Nine Orchard Close, Chelmsford, C M one, two D F". A comma,
# with a street named in capitals (its suffix too) shortly before it on the same line.
AFTER_COMMA = re.compile(r",[ \t]*(?=[A-Za-z\d])")
_SUFFIXES = "|".join(w.capitalize() for w in STREET_SUFFIX.split("|"))
STREET_BEFORE = re.compile(rf"[A-Z][a-z'’]+\s+(?:{_SUFFIXES})\b")
STREET_REACH = 80
MAX_PIECES = 10
REACH = 30  # "postcode for parking's ...", "postcode where you are? It's ..." stops at "?"


_DIGIT_WORD = r"\d|zero|oh|one|two|three|four|five|six|seven|eight|nine"
_LETTER = r"(?:(?:double|treble)[ \t]+[A-Za-z]|[A-Za-z])"
# A postcode's inward code said aloud: a figure, then two letters apart or doubled.
SAID_INWARD = re.compile(
    rf"(?<![\w'’-])(?:{_DIGIT_WORD})[ \t]*(?:,|\.{{2,3}}|…)?[ \t]*"
    rf"(?:(?:double|treble)[ \t]+[A-Za-z]|[A-Za-z][ \t]*,?[ \t]*[A-Za-z])(?![\w'’-])",
    re.IGNORECASE,
)
# Where a said inward code can be: two letters alone, or a doubled one.
_LETTERS_APART = re.compile(
    r"(?<![\w'’-])(?:[A-Za-z][ \t]*,?[ \t]*[A-Za-z]|(?:double|treble)[ \t]+[A-Za-z])(?![\w'’-])",
    re.IGNORECASE,
)
_TENS_UNIT = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)"
)
# One piece of a postcode said whole: a doubled letter, a letter made sure of ("S for
# Sheffield"), a district in words, a figure, or one letter; then commas or a pause.
SAID_PIECE = re.compile(
    rf"(?P<piece>(?:double|treble)[ \t]+[A-Za-z]|[A-Za-z][ \t]+for[ \t]+[A-Z][a-z]+"
    rf"|{_TENS_UNIT}|{SPOKEN_FIGURE}|[A-Za-z])(?![\w'’])"
    r"(?P<gap>[ \t]*(?:,|\.{2,3}|…)?[ \t]*)",
    re.IGNORECASE,
)
SAID_REACH = 48  # back from the inward code to where the outward code may start


def said_whole(text: str) -> Iterator[Finding]:
    """Postcodes said whole with no cue, read back from their inward code (round 33)."""
    if not _LETTERS_APART.search(text):
        return
    last_end = -1
    for inward in SAID_INWARD.finditer(text):
        if inward.start() < last_end:
            continue
        window = max(0, inward.start() - SAID_REACH)
        for m in re.finditer(r"(?<![\w'’-])\w", text[window : inward.start()]):
            start = window + m.start()
            if start <= last_end:
                continue
            if _said_run(text, start, inward.end()):
                last_end = inward.end()
                yield Finding(start, inward.end(), "POSTCODE", 0.8, "spoken_postcode")
                break


def _said_run(text: str, at: int, end: int) -> bool:
    """Whether the spoken pieces from `at` reach exactly `end` and make a whole postcode."""
    joined, previous, paused, figures = "", None, False, 0
    while at < end:
        m = SAID_PIECE.match(text, at)
        if not m or m.end("piece") > end:
            return False
        piece = m.group("piece").lower()
        if piece[1:].lstrip().startswith("for "):
            if piece.split()[-1][0] != piece[0]:
                return False  # "S for Sheffield", not "a for the"
            piece = piece[0]
        if not (paused and piece == previous):  # "three... three B A": said again
            if piece.startswith(("double", "treble")):
                chars = piece.split()[-1].upper() * (2 if piece.startswith("d") else 3)
            else:
                chars = as_chars(re.sub(r"[ \t-]+", " ", piece))
            joined += chars
            figures += chars.isdigit()
        previous, paused = piece, "." in m.group("gap") or "…" in m.group("gap")
        at = m.end()
    shape = SHAPE.fullmatch(joined)
    return bool(shape and shape.group("area") in POSTCODE_AREAS and figures)


def spoken_postcodes(text: str) -> Iterator[Finding]:
    """Postcodes in separate spoken pieces right after a postcode cue, or a few words on.

    "The postcode for parking's B T fourteen, six A B": the pieces may start a short reach
    after the cue (thirteenth round), so long as the gap holds no digit and no sentence end.
    """
    found: list[Finding] = []
    for cue in CUE.finditer(text):
        reach_end = min(len(text), cue.end() + REACH)
        for m in re.finditer(r"(?<![\w'’-])\w", text[cue.end() : reach_end]):
            start = cue.end() + m.start()
            if re.search(r"\d|[.?!;\n]", text[cue.end() : start]):
                break
            end = _postcode_end(text, start)
            if end is not None:
                found.append(Finding(start, end, "POSTCODE", 0.85, "spoken_postcode"))
                break
    if "," in text:
        found.extend(_after_street(text))
    spans = {(f.start, f.end) for f in found}
    yield from found
    yield from (f for f in said_whole(text) if (f.start, f.end) not in spans)


def _after_street(text: str) -> Iterator[Finding]:
    """Spoken pieces right after a comma that closes a street line."""
    for comma in AFTER_COMMA.finditer(text):
        line_start = text.rfind("\n", 0, comma.start()) + 1
        before = text[max(line_start, comma.start() - STREET_REACH) : comma.start()]
        if not STREET_BEFORE.search(before):
            continue
        end = _postcode_end(text, comma.end())
        if end is not None:
            yield Finding(comma.end(), end, "POSTCODE", 0.8, "spoken_postcode")


def _postcode_end(text: str, at: int) -> int | None:
    """End of the longest run of spoken pieces from `at` that makes a postcode, or None."""
    pieces: list[tuple[str, int]] = []
    while len(pieces) < MAX_PIECES:
        m = PIECE.match(text, at)
        if not m:
            break
        pieces.append((as_chars(m.group("piece")), m.end("piece")))
        at = m.end()
    if len(pieces) < 3:
        return None  # a whole postcode ("LS6 2AB") is the pattern rules' own
    joined, end = "", None
    for chars, piece_end in pieces:
        joined += chars
        shape = SHAPE.fullmatch(joined)
        if shape and shape.group("area") in POSTCODE_AREAS:
            end = piece_end  # the longest prefix that is a postcode
    return end


def as_chars(piece: str) -> str:
    """A piece as the postcode's characters: "ten" -> "10", "oh" -> "0", "j" -> "J"."""
    low = piece.lower()
    if low in ("zero", "oh"):
        return "0"
    number = value(low)
    if number is not None:
        return str(number)
    return piece.upper()
