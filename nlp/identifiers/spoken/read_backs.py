"""Parts of an identifier said again: read back, repeated or cut off (issue 20, round 29).

On a call the number is rarely said once. The handler reads back a piece ("sorry, one four
six?"), the caller repeats the end ("nine double oh, five eight two"), a line drops half-way
("07700 900 1... 07700 900 171"), a postcode is begun before it is given whole ("N9 8
something. N9 8LD"), a name is spelt again in part ("N-W-A... C-H-U-K-W-U"). Each piece gives
away part of the whole, and the whole is already found elsewhere in the same text: that is
what tells these pieces from counts and times. Taken only when
- figures (in words or digits, with "double", "oh") make three or more of the digits of a phone,
  NHS number or reference found in the text, in order; said one by one (three or more pieces),
  or five or more figures in a group;
- a postcode's outward code and at least the first figure of its inward code begin a postcode
  found in the text;
- a name misheard or mistyped, then put right ("nan hughes sorry ann hughes", "dev an and
  sorry dev anand"): the words before "sorry" or "I mean" whose letters are nearly those of the
  name found right after;
- an age said again at once, in words or figures ("he is six. Six years", "ninety 90"); an age
  in words as the answer after a name ("Zainab. Fifteen.", "Ana Silva, forty-one years."); a
  date right after an age whose year fits it ("hes 82, 1/12/42"): the date of birth;
- three capitals spelt with hyphens begin a word of a name found in the text, or two spell one
  whole ("A-P" for the "ap" of "Gwilym ap Dafydd"); four or more are name_shapes.spelled_out's.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import DIGIT_WORDS, TEENS, TENS, value
from nlp.identifiers.core.prefilter import folded
from nlp.identifiers.spoken.spoken_numbers import _ni_from, digits_of
from nlp.identifiers.spoken.spoken_postcodes import PIECE as POSTCODE_PIECE
from nlp.identifiers.spoken.spoken_postcodes import as_chars

_WORDS = "|".join(sorted([*DIGIT_WORDS, *TEENS, *TENS, "hundred"], key=len, reverse=True))
_PIECE = rf"(?:(?:double|treble|triple)[ \t-]+)?(?:{_WORDS}|\d+)(?![\w'’])"
PIECE = re.compile(_PIECE, re.IGNORECASE)
RUN = re.compile(
    rf"(?<![\w'’.-])(?:{_PIECE})(?:(?:[ \t]*,[ \t]*|[ \t]+|-|\.\.\.?[ \t]*)(?:{_PIECE}))*",
    re.IGNORECASE,
)
NUMBERED = ("PHONE", "NHS_NUMBER", "OTHER_ID")
PARTIAL_POSTCODE = re.compile(r"(?<![\w'’-])[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]?\d[A-Za-z]?(?![\w'’])")
HYPHEN_SPELT = re.compile(r"(?<![\w'’-])[^\W\d_](?:-[^\W\d_]){1,2}(?![\w'’-])")
# How every such spelling ends: "-", its last letter and no more of a word. Searched from "-" only.
SPELT_END = re.compile(r"-[^\W\d_](?![\w'’-])")


def _digits(value: str) -> str:
    spoken = digits_of(value)
    return spoken if spoken else re.sub(r"\D", "", value)


def _overlaps(start: int, end: int, found: list[Finding]) -> bool:
    """Whether a rule's finding is there already (the trained NER's guesses give way)."""
    return any(f.start < end and start < f.end and f.source != "ner" for f in found)


def read_backs(text: str, found: list[Finding]) -> list[Finding]:
    """Pieces of identifiers already found, said again elsewhere in the text."""
    extra = [
        *_number_read_backs(text, found),
        *_postcode_read_backs(text, found),
        *_ni_read_backs(text, found),
    ]
    extra += _spoken_postcode_read_backs(text, found + extra)
    extra += _spelt_read_backs(text, found + extra)
    extra += _names_before_spellings(text, found + extra)
    extra += _misheard_names(text, found + extra)
    extra += _ages_said_again(text, found + extra)
    extra += _worded_ages_after_names(text, found + extra)
    extra += _birth_dates_after_ages(text, found + extra)
    return extra


def _number_read_backs(text: str, found: list[Finding]) -> list[Finding]:
    wholes = [
        (_digits(text[f.start : f.end]), f.label)
        for f in found
        if f.label in NUMBERED and len(re.sub(r"\D", "", _digits(text[f.start : f.end]))) >= 7
    ]
    if not wholes:
        return []
    extra: list[Finding] = []
    for m in RUN.finditer(text):
        pieces = [(m.start() + p.start(), m.start() + p.end()) for p in PIECE.finditer(m.group())]
        if len(pieces) == 1 and sum(map(str.isdigit, m.group())) < 5:
            continue  # a piece alone is taken only with five figures, and a word has at most 3
        i = 0
        while i < len(pieces):
            taken = None
            for j in range(len(pieces), i, -1):
                start, end = pieces[i][0], pieces[j - 1][1]
                if _overlaps(start, end, found):
                    continue
                value = text[start:end]
                if re.search(r"\d[-/:.]\d", value):
                    continue  # "2024-01-22", "10.30": a date or a time, not a number said
                digits = digits_of(value)
                if not digits or len(digits) < 3:
                    continue
                if j - i < 3 and len(digits) < 5:
                    continue  # "146" or "two four" alone may be anything
                label = next((lab for whole, lab in wholes if digits in whole), None)
                if label:
                    taken = (start, end, label, j)
                    break
            if taken:
                extra.append(Finding(taken[0], taken[1], taken[2], 0.75, "read_back"))
                i = taken[3]
            else:
                i += 1
    return extra


def _postcode_read_backs(text: str, found: list[Finding]) -> list[Finding]:
    wholes = [
        re.sub(r"\s", "", text[f.start : f.end]).upper() for f in found if f.label == "POSTCODE"
    ]
    if not wholes:
        return []
    extra = []
    for m in PARTIAL_POSTCODE.finditer(text):
        if _overlaps(m.start(), m.end(), found):
            continue
        part = re.sub(r"\s", "", m.group()).upper()
        if any(w.startswith(part) and len(w) > len(part) for w in wholes):
            extra.append(Finding(m.start(), m.end(), "POSTCODE", 0.75, "read_back"))
    return extra


def _spelt_read_backs(text: str, found: list[Finding]) -> list[Finding]:
    if not SPELT_END.search(text):
        return []  # no letters spelt with hyphens: nothing to look up
    words: set[str] = set()
    for f in found:
        if f.label == "PERSON":
            value = text[f.start : f.end]
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", value) if len(w) > 1)
            spelt = re.sub(r"[^\w]", "", value)
            if re.fullmatch(r"(?:[^\W\d_][\s,-]+)+[^\W\d_]", value):
                words.add(spelt.lower())
    if not words:
        return []
    extra = []
    for m in HYPHEN_SPELT.finditer(text):
        if _overlaps(m.start(), m.end(), found) or not m.group()[0].isupper():
            continue
        letters = m.group().replace("-", "").lower()
        if letters in words or (len(letters) == 3 and any(w.startswith(letters) for w in words)):
            extra.append(Finding(m.start(), m.end(), "PERSON", 0.7, "read_back"))
    return extra


def _spoken_postcode_read_backs(text: str, found: list[Finding]) -> list[Finding]:
    """ "S Y two four" for a postcode SY24 5BG found in the text: its start, said in pieces."""
    wholes = [
        re.sub(r"\s", "", text[f.start : f.end]).upper() for f in found if f.label == "POSTCODE"
    ]
    if not wholes:
        return []
    # A postcode's first piece is a letter or two, or a figure in words: its first character is
    # the start's own letter in capitals or a figure, and a whole must begin with it.
    firsts = {w[:1] for w in wholes}
    figure_first = any(c.isdigit() for c in firsts)
    extra: list[Finding] = []
    for start in re.finditer(r"(?<![\w'’-])[A-Za-z]", text):
        at, joined, best, worded = start.start(), "", None, False
        if extra and at < extra[-1].end:
            continue
        if not figure_first and text[at].upper() not in firsts:
            continue
        for _ in range(7):
            m = POSTCODE_PIECE.match(text, at)
            if not m:
                break
            piece = m.group("piece")
            joined += as_chars(piece)
            worded = worded or len(piece) > 2 or (joined[:-1].isalpha() and len(piece) == 1)
            if not any(w.startswith(joined) for w in wholes):
                break
            if len(joined) >= 3 and any(c.isdigit() for c in joined) and worded:
                best = m.end("piece")
            at = m.end()
        if best and not _overlaps(start.start(), best, found):
            extra.append(Finding(start.start(), best, "POSTCODE", 0.75, "read_back"))
    return extra


def _ni_read_backs(text: str, found: list[Finding]) -> list[Finding]:
    """An NI number found in the text and said again in pieces ("Q Q sixty-five, ...")."""
    if not any(f.label == "NI_NUMBER" for f in found):
        return []
    extra: list[Finding] = []
    for start in re.finditer(r"(?<![\w'’-])[A-Z]{1,2}(?![\w'’])", text):
        if extra and start.start() < extra[-1].end:
            continue
        end = _ni_from(text, start.start())
        if end and not _overlaps(start.start(), end, found):
            extra.append(Finding(start.start(), end, "NI_NUMBER", 0.75, "read_back"))
    return extra


# Letters said one by one: "m c c a n n", "D-O-H-E-R-T-Y", "k, a, u, r".
_SPELLING = re.compile(r"[^\W\d_](?:(?:[ \t]*[-,][ \t]*|[ \t])[^\W\d_])+")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)[ \t]*[,.:;-]?[ \t]*$")


def _names_before_spellings(text: str, found: list[Finding]) -> list[Finding]:
    """The words a spelling spells, said just before it: "siobhan mc cann m c c a n n"."""
    extra = []
    for f in found:
        value = text[f.start : f.end]
        if f.label != "PERSON" or not _SPELLING.fullmatch(value):
            continue
        letters = re.sub(r"[^\w]", "", value).lower()
        if len(letters) < 4:
            continue
        at, joined = f.start, ""
        for _ in range(3):
            m = _WORD_BEFORE.search(text, max(0, at - 40), at)
            if not m:
                break
            joined = m.group(1).lower().replace("'", "").replace("’", "") + joined
            at = m.start(1)
            if joined in (letters, letters[:-1]) and len(joined) >= 3:
                end = _end_of_words(text, at, f.start)
                if not _overlaps(at, end, found):
                    extra.append(Finding(at, end, "PERSON", 0.75, "read_back"))
                break
    return extra


def _end_of_words(text: str, start: int, spelling: int) -> int:
    """Where the spoken words end before their spelling (without the gap and punctuation)."""
    end = spelling
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "'’"):
        end -= 1
    return end


_CORRECTION = re.compile(r"(?:[ \t,.]*\b(?:sorry|i[ \t]+mean|no|wait)\b)+[ \t,.]*$", re.IGNORECASE)
CORRECTION_WORDS = ("sorry", "mean", "no", "wait")
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_][\w'’]*[ \t]+){1,4}$")


def _letters(value: str) -> str:
    return re.sub(r"[^\w]|\d|_", "", value).lower()


def _misheard_names(text: str, found: list[Finding]) -> list[Finding]:
    lowered = folded(text)  # the same length as `text`
    extra = []
    for f in found:
        if f.label != "PERSON":
            continue
        window = max(0, f.start - 20)
        if not any(word in lowered[window : f.start] for word in CORRECTION_WORDS):
            continue  # `_CORRECTION` needs one of its words there
        words_of_name = text[f.start : f.end].split()
        # the whole name, or its first words: "jess am ann sorry Jessamyn Hart"
        names = {_letters(" ".join(words_of_name[:j])) for j in range(1, len(words_of_name) + 1)}
        names = {n for n in names if len(n) >= 5}
        if not names:
            continue
        corr = _CORRECTION.search(text, window, f.start)
        if not corr:
            continue
        before = _WORDS_BEFORE.search(text, max(0, corr.start() - 40), corr.start() + 1)
        if not before:
            continue
        words = list(re.finditer(r"\S+", text[before.start() : corr.start()]))
        best = None
        for k in range(len(words)):  # the shortest tail of words most like the name
            start = before.start() + words[k].start()
            heard = _letters(text[start : corr.start()])
            ratio = max(SequenceMatcher(None, heard, name).ratio() for name in names)
            if ratio >= 0.75 and (best is None or ratio > best[1]):
                best = (start, ratio)
        if best and not _overlaps_other(best[0], corr.start(), found):
            end = _end_of_words(text, best[0], corr.start())
            extra.append(Finding(best[0], end, "PERSON", 0.75, "read_back"))
    return extra


def _overlaps_other(start: int, end: int, found: list[Finding]) -> bool:
    """A rule's finding of another label there (a name found in part is merged, not blocked)."""
    return any(
        f.start < end and start < f.end and f.source != "ner" and f.label != "PERSON" for f in found
    )


# The same number again, then the sentence ends or it says what it is ("six. Six years", "ninety
# 90 on friday"); "he is six, six of us went" goes on about something else.
_AGE_AGAIN = re.compile(
    r"[ \t]*[.,]?[ \t]*(?P<again>[A-Za-z]+(?:-[a-z]+)?|\d{1,3})(?![\w'’-])"
    r"(?=[ \t]*(?:[.,!?;:)\n]|$|(?:years?|yrs?|on|now|in|next|this)\b))",
    re.IGNORECASE,
)


def _ages_said_again(text: str, found: list[Finding]) -> list[Finding]:
    extra = []
    for f in found:
        if f.label != "AGE":
            continue
        said = _number(text[f.start : f.end])
        m = _AGE_AGAIN.match(text, f.end)
        if said is None or not m or _number(m.group("again")) != said:
            continue
        if not _overlaps(m.start("again"), m.end("again"), found):
            extra.append(Finding(m.start("again"), m.end("again"), "AGE", 0.75, "read_back"))
    return extra


def _number(said: str) -> int | None:
    said = said.strip().lower()
    if said.isdigit():
        return int(said)
    return value(said)


# "Zainab. Fifteen.", "Ana Silva, forty-one years.": a name then an age in words, alone as the
# answer (the figures' form is settling._ages_after_names'). "Jo. Two days later" goes on, and
# "Four, Maes Road" is a house number.
_WORDED_AGE_AFTER = re.compile(
    r"[ \t]*[.,][ \t]+(?P<n>[A-Za-z]+(?:[ -][a-z]+)?)"
    r"(?=[ \t]*(?:[.!?;\n]|$|,(?![ \t]*[A-Z])|years?[ \t]*(?:old)?[ \t]*[.,!?;\n]))"
)


def _worded_ages_after_names(text: str, found: list[Finding]) -> list[Finding]:
    extra = []
    for f in found:
        if f.label != "PERSON" or _SPELLING.fullmatch(text[f.start : f.end]):
            continue  # after a spelling comes the next thing asked for ("Four, Maes Ceiro")
        m = _WORDED_AGE_AFTER.match(text, f.end)
        if not m:
            continue
        n = value(m.group("n"))
        if n is not None and 1 <= n <= 110 and not _overlaps(m.start("n"), m.end("n"), found):
            extra.append(Finding(m.start("n"), m.end("n"), "AGE", 0.75, "read_back"))
    return extra


# "hes 82, 1/12/42", "aged 67 (3.4.1957)": a date right after an age, whose year is the year of
# birth that age gives (within a year of it, the text's own year unknown: 2015 to 2027).
_DATE_AFTER_AGE = re.compile(
    r"[ \t]*[,;(][ \t]*(?:(?:dob|d\.o\.b\.?|born)[ \t:]*)?"
    r"(?P<date>(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>\d{4}|\d{2}))(?![\w/.-])",
    re.IGNORECASE,
)


def _birth_dates_after_ages(text: str, found: list[Finding]) -> list[Finding]:
    extra = []
    for f in found:
        if f.label != "AGE":
            continue
        age = _number(text[f.start : f.end])
        m = _DATE_AFTER_AGE.match(text, f.end)
        if (
            age is None
            or not m
            or not (1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12)
        ):
            continue
        year = int(m.group("y"))
        years = [year] if year > 99 else [1900 + year, 2000 + year]
        if any(2015 <= y + age <= 2028 for y in years):
            if not _overlaps(m.start("date"), m.end("date"), found):
                extra.append(
                    Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "read_back")
                )
    return extra
