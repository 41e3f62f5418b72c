"""Numbers said aloud and written down as words (issue 20, twelfth round).

A receptionist's transcript, a voicemail typed up or a relative passing on a phone call writes
numbers the way they were said: "oh seven seven double oh, nine hundred, four one two", "date
of birth's the ninth of December, seventy-three", "NI number is Q-Q, one-two, three-four,
five-six, D". No digit pattern sees them, yet each is as identifying as its digits. Every
set written since v3 has a few (phones in nine of eleven sets, spoken dates of birth in v5,
v8, v12 and v13, spelt-out NI numbers in v13).

One normaliser (`digit_runs`) turns a run of digit words ("oh", "zero", "double", "treble",
"hundred", "twenty two", digits mixed in) into its digits, keeping where the run starts and
ends; a run is flagged only when its digits make a kind's shape (a UK phone's trunk zero and
length, an NI number's letters and six digits after an NI cue). Spoken dates are flagged only
after a date-of-birth cue, so "the fifth of May nineteen ninety" as the day of an event stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import _UNDER_100, DIGIT_WORDS, TEENS, TENS, UNITS
from nlp.identifiers.core.prefilter import folded, for_last_text, gated
from nlp.identifiers.dates_and_ages.birth_dates import MONTH

_TEEN_VALUES = {w: str(n) for n, w in enumerate(TEENS, 10)}
_TEN_VALUES = {w: str(n) for n, w in enumerate(TENS, 2)}
_REPEATS = {"double": 2, "treble": 3, "triple": 3}
_RUN_WORD = "|".join(
    sorted([*DIGIT_WORDS, *TEENS, *TENS, *_REPEATS, "hundred"], key=len, reverse=True)
)
# One piece of a run: a digit word or group of digits, joined to the next by a space, a comma,
# a hyphen or a full stop and space ("oh-seven-seven", "oh one six three two, nine six oh").
_PIECE = rf"(?:{_RUN_WORD}|\d{{1,5}})"
DIGIT_RUN = re.compile(
    rf"(?<![\w'’-]){_PIECE}(?:(?:[ \t]*[,.-][ \t]*|[ \t]+){_PIECE}){{3,}}(?![\w'’-])",
    re.IGNORECASE,
)


@for_last_text
def digit_runs(text: str) -> list[re.Match]:
    """`DIGIT_RUN`'s matches in `text`. Phones and NHS numbers read out
    (said_aloud.read_nhs_numbers) both go through them, one text after the other, so the last
    text's are kept rather than searched for twice."""
    return list(DIGIT_RUN.finditer(text))


def digits_of(run: str) -> str | None:
    """The digits a spoken run stands for, or None where it is not a plain run of digits.

    "oh seven seven double oh nine hundred" -> "07700900"; "twenty two" -> "22"; a "double"
    with nothing after it, or before a number of two digits ("double twenty") -> None.
    """
    out: list[str] = []
    repeat = 1
    tens: str | None = None
    for word in re.findall(r"[a-z]+|\d+", run.lower()):
        if tens is not None:
            if word in UNITS:
                out.append(tens + DIGIT_WORDS[word])
                tens = None
                continue
            out.append(tens + "0")
            tens = None
        if word in _REPEATS:
            if repeat != 1:
                return None
            repeat = _REPEATS[word]
        elif word == "hundred":
            if repeat != 1 or not out:
                return None
            out.append("00")
        elif word.isdigit() or word in DIGIT_WORDS:
            digit = word if word.isdigit() else DIGIT_WORDS[word]
            if repeat != 1 and len(digit) != 1:
                return None
            out.append(digit * repeat)
            repeat = 1
        elif repeat != 1:
            return None  # "double twenty" is nobody's phone number
        elif word in _TEEN_VALUES:
            out.append(_TEEN_VALUES[word])
        elif word in _TEN_VALUES:
            tens = _TEN_VALUES[word]
        else:
            return None
    if repeat != 1:
        return None
    if tens is not None:
        out.append(tens + "0")
    return "".join(out)


def _worded(run: str) -> bool:
    """At least one piece is a word: runs of bare digits are the digit rules' own."""
    return bool(re.search(r"[a-z]", run, re.IGNORECASE))


def spoken_phones(text: str) -> Iterator[Finding]:
    """Phone numbers read out: a trunk zero, then nine or ten more digits, as in digits.

    A run said twice, or cut off and said again ("0161 four nine six 0161 496 0 three six two",
    "07700 900 double 5 6 07700 900556"), reads as one run too long for a phone; the phones
    inside it are then the split covering most of its pieces (round 29). Figures typed one by
    one as they were said ("0 7 7 0 0 9 ...") are a read-out run as words are.
    """
    for m in digit_runs(text):
        run = m.group().rstrip(".,- ")
        if not _worded(run) and not _one_by_one(run):
            continue
        digits = digits_of(run)
        if digits and _phone_shape(digits):
            yield Finding(m.start(), m.start() + len(run), "PHONE", 0.9, "spoken_phone")
        elif digits is None or len(digits) > 11:
            for start, end in _phones_inside(run):
                yield Finding(m.start() + start, m.start() + end, "PHONE", 0.85, "spoken_phone")


def _phone_shape(digits: str) -> bool:
    return digits[0] == "0" and digits[1:2] not in ("", "0") and len(digits) in (10, 11)


def _one_by_one(run: str) -> bool:
    """Ten or more figures typed one by one, not counted up or down ("0 1 2 3 4 ...")."""
    pieces = re.findall(r"\w+", run)
    if len(pieces) < 10 or not all(len(p) == 1 and p.isdigit() for p in pieces):
        return False
    steps = {int(b) - int(a) for a, b in zip(pieces, pieces[1:], strict=False)}
    return not (steps <= {1} or steps <= {-1})


_RUN_PIECE = re.compile(rf"(?:(?:double|treble|triple)[ \t-]+)?(?:{_RUN_WORD}|\d+)", re.I)


def _phones_inside(run: str) -> list[tuple[int, int]]:
    """Offsets of the phones in a run too long for one: the split covering most pieces."""
    pieces = [(p.start(), p.end()) for p in _RUN_PIECE.finditer(run)]
    n = len(pieces)
    if n > 40:
        return []
    best: list[tuple[int, list[tuple[int, int]]]] = [(0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = best[i + 1]
        for j in range(i + 1, n + 1):
            digits = digits_of(run[pieces[i][0] : pieces[j - 1][1]])
            if digits is not None and len(digits) > 11:
                break
            if digits and _phone_shape(digits) and (j - i) + best[j][0] > best[i][0]:
                best[i] = ((j - i) + best[j][0], [(pieces[i][0], pieces[j - 1][1]), *best[j][1]])
    return best[0][1]


# ---------------------------------------------------------------------------------------------
# National Insurance numbers spelt out after an NI cue: "Q-Q, one-two, three-four, five-six, D",
# "qq 98 76 54 a" a few words after the cue.

NI_CUE = re.compile(
    r"\b(?:ni|nino|n\.i\.|national\s+insurance)(?:\s+(?:number|no\.?|num))?\b", re.IGNORECASE
)
_TENS_UNIT = rf"(?:{'|'.join(TENS)})[ \t-]+(?:{'|'.join(UNITS)})"
_REPEATED = rf"(?:(?:double|treble|triple)[ \t-]+)?(?:{_RUN_WORD})"
_NI_PIECE = re.compile(
    rf"(?P<piece>{_TENS_UNIT}|{_REPEATED}|\d{{1,6}}|[a-z]{{1,2}})(?![\w'’])"
    r"(?P<gap>[ \t]*[,/.-]?[ \t]*)",
    re.IGNORECASE,
)
NI_SHAPE = re.compile(r"[A-Z]{2}\d{6}[A-D]?")
_NI_LOOK_AHEAD = 60  # "NI number for the transport so its qq 98 76 54 a"


def spoken_ni_numbers(text: str) -> Iterator[Finding]:
    """An NI number in pieces (letters one by one, digits in words or pairs) after its cue."""
    for cue in NI_CUE.finditer(text):
        window_end = min(len(text), cue.end() + _NI_LOOK_AHEAD)
        for start in _word_starts(text, cue.end(), window_end):
            found = _ni_from(text, start)
            if found:
                yield Finding(start, found, "NI_NUMBER", 0.85, "spoken_ni")
                break


def _word_starts(text: str, start: int, end: int) -> Iterator[int]:
    for m in re.finditer(r"(?<![\w'’])\w", text[start:end]):
        yield start + m.start()


def _ni_from(text: str, at: int) -> int | None:
    """End of an NI number spelt from `at`, or None: the longest piece prefix of NI shape."""
    joined, end = "", None
    for _ in range(16):
        m = _NI_PIECE.match(text, at)
        if not m:
            break
        piece = m.group("piece")
        spoken = piece.isdigit() or piece.lower().split()[0].split("-")[0] in _RUN_WORD_SET
        chars = digits_of(piece) if spoken else None
        if chars is None:
            if spoken or len(piece) > 2 or (len(piece) == 2 and joined):
                break  # letter pairs open an NI number only
            chars = piece.upper()
        joined += chars
        if NI_SHAPE.fullmatch(joined):
            end = m.end("piece")
        if len(joined) > 9:
            break
        at = m.end()
    return end


_RUN_WORD_SET = frozenset([*DIGIT_WORDS, *TEENS, *TENS, *_REPEATS, "hundred"])


# ---------------------------------------------------------------------------------------------
# Dates of birth said aloud: "the ninth of December, seventy-three", "sixth of the eleventh
# nineteen fifty four", "fifteen of May nineteen ninety-one", after a date-of-birth cue.

_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[\s-]?first)"
)
_MONTH_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
)
_DAY = rf"(?:{_ORDINAL}|{_UNDER_100}|[0-3]?\d(?:st|nd|rd|th)?)"
_SPOKEN_MONTH = rf"(?:{MONTH}|febuary|(?:the\s+)?{_MONTH_ORDINAL})"
_SPOKEN_YEAR = (
    rf"(?:nineteen[\s-]+(?:hundred(?:\s+and\s+{_UNDER_100})?|{_UNDER_100}|oh[\s-]+{_UNDER_100})"
    rf"|two\s+thousand(?:\s+and)?(?:\s+{_UNDER_100})?|twenty[\s-]+(?:oh[\s-]+)?{_UNDER_100}"
    rf"|(?:{'|'.join(TENS)})(?:[\s-]+(?:{'|'.join(UNITS)}))?|(?:19|20)\d{{2}}|['’]\d{{2}})"
)
SPOKEN_DATE = re.compile(
    rf"(?<![\w'’-])(?:the\s+)?{_DAY}(?:\s+of)?\s+{_SPOKEN_MONTH}[\s,]+{_SPOKEN_YEAR}(?![\w'’-])",
    re.IGNORECASE,
)
SPOKEN_DATE = gated(SPOKEN_DATE)
BIRTH_CUE = re.compile(
    r"\b(?:born|date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|birth\s*date|birthday)\b", re.IGNORECASE
)
# Every cue holds "born", "birth" or the letters d, o, b ("dob", "d.o.b", "D O B"): a text
# without them has none, and `gated` finds no such strings for the pattern by itself.
_D_O_B = re.compile(r"d\.?\s?o\.?\s?b")


def may_cue_birth(text: str) -> bool:
    """Whether `BIRTH_CUE` could match `text` (a quick look that most stories fail)."""
    lowered = folded(text)
    return "born" in lowered or "birth" in lowered or _D_O_B.search(lowered) is not None


_NEAR_CUE = 30
_NUMBER_WORD = re.compile(
    rf"\b(?:{_ORDINAL}|{'|'.join([*UNITS, *TEENS, *TENS])}|hundred|thousand)\b", re.IGNORECASE
)
_EVENT_BEFORE = re.compile(
    r"\b(?:on|in|since|until|till|by|from|after|before)\s+(?:the\s+)?$", re.I
)
_CUE_REACH = 120  # "date of birth? PATIENT: She says Ioana Popescu, fifteen of May …"


def spoken_dates_of_birth(text: str) -> Iterator[Finding]:
    """A date with a word in it (day, month or year) within reach after a birth cue."""
    cues = [m.end() for m in BIRTH_CUE.finditer(text)] if may_cue_birth(text) else []
    if not cues:
        return
    for m in SPOKEN_DATE.finditer(text):
        date = m.group()
        if not _NUMBER_WORD.search(date):
            continue  # "14 March 2023" in digits is the date rules' own
        cue = max((end for end in cues if 0 <= m.start() - end <= _CUE_REACH), default=None)
        if cue is None:
            continue
        gap = text[cue : m.start()]
        if re.search(r"\d", gap):
            continue  # a date was given already; this one is another
        if len(gap) > _NEAR_CUE and _EVENT_BEFORE.search(gap):
            continue  # "... I fell on the fifth of May": the day of an event
        start = m.start() + (4 if date.lower().startswith("the ") else 0)
        yield Finding(start, m.end(), "DATE_OF_BIRTH", 0.9, "spoken_dob")


# A ward numbered in words, as a call or a message says it: "ward twelve", "ward thirty-eight",
# "ward four F" (fifteenth round: v13, v14). A numbered ward names a care setting as "Ward 12"
# does. A letter after the number is a capital ("I" and "A" are words: "ward two I think").
WORDED_WARD = re.compile(
    rf"(?<![\w'’-])(?:[Ww]ard|WARD)[ \t]+(?P<n>(?i:{_UNDER_100}))"
    r"(?:[ \t-]?(?P<letter>[B-HJ-Z])(?![\w'’]))?(?![\w'’-])"
)
WORDED_WARD = gated(WORDED_WARD)
# After the number, a plural noun makes it a count ("the ward two nurses were off") and a word
# of time or part an everyday "one" ("on the ward one night", "ward one of them").
_COUNTED = re.compile(r"[ \t]+(?P<word>[a-z]+)")
_NOT_PLURAL = frozenset("is was has does this".split())


def worded_wards(text: str) -> Iterator[Finding]:
    """ "ward twelve", "Ward thirty-eight", "ward four F": a ward's number said in words."""
    for m in WORDED_WARD.finditer(text):
        if not m.group("letter"):
            after = _COUNTED.match(text, m.end())
            word = after.group("word") if after else ""
            if m.group("n").lower() == "one" and word:
                continue  # "on the ward one night", "the ward one of them was on"
            if word.endswith("s") and word not in _NOT_PLURAL:
                continue  # "the ward two nurses"
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.8, "worded_ward")


def spoken_number_findings(text: str) -> list[Finding]:
    """Every spoken-number kind, for the recogniser's list."""
    return [
        *spoken_phones(text),
        *spoken_ni_numbers(text),
        *spoken_dates_of_birth(text),
        *worded_wards(text),
    ]
