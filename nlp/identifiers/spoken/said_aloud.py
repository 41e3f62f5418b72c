"""Identifiers as they are said on a call or typed in a hurry while listening (issue 20, round 29).

A listening service's notes, a voicemail's transcript or a live chat carries identifiers the
way they reached the ear: "my email is s pike at harbourmail dot com", "jo91hotmail" (typed with
no "@"), "a reference, C-O-M-P four four one nine two", "a number, DWL 0 0 4 8 1 7 7", a date of
birth read as figures ("DOB: 0 9 0 4 1 9 4 6", "date of birth is nineteen oh seven ninety", "born
the 3rd of the 5th 61", "d.o.b. twelve, four, sixty"), a
postcode cut off mid-way ("KY7 5?? didn't catch the rest"). Each is as identifying as its
written form, and each kind is narrowed by what only an identifier looks like:
- an e-mail said aloud after an e-mail cue: the cue tells where the address begins, so a local
  part of several words ("barbara wood fifty two at ...") is taken whole; a spelled "dot" after
  the "at" is required;
- an e-mail typed without its "@": a handle with a figure in it, run into or beside a
  well-known mail provider ("tash91hotmail", "lostgirl.2003 gmail");
- letters spelt with hyphens, then four or more figures read out (at least one in words), is a
  reference read from a letter or a card; one to four capitals then five or more figures typed
  one by one is one typed as dictated;
- a run of figures after a birth cue whose figures make a whole date (6 or 8 figures, a real
  day and month) is a date of birth, as the spoken-date rule takes "the ninth of May, sixty";
- a postcode's outward code and the first figure of its inward code, then a mark that the rest
  was not caught ("...", "??", "something"), is the postcode as far as it was heard; a postcode
  typed a character at a time ("C R 7 8 R Y") or said in the NATO alphabet ("sierra alpha one,
  two bravo delta") is one when its characters make a whole postcode;
- a ward's letter and its number in words ("ward j twenty six"), and a phone heard with words
  that sound like figures ("to", "won", "for") where its figures make a phone's exact length;
- who took a call, in its log's field ("Handler: Femi");
- a first name in lower case after "my name is", and a bare web address on a reserved domain
  ("carers.example/chat");
- ten figures read out in words whose NHS check digit holds are an NHS number (a CHI or a
  health and care number, by its first figure, an OTHER_ID).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.number_words import _UNDER_100, value
from nlp.identifiers.core.prefilter import folded, gated
from nlp.identifiers.numbers.health_and_ni_numbers import is_valid_nhs_number
from nlp.identifiers.places.postcodes import POSTCODE_AREAS
from nlp.identifiers.spoken.spoken_numbers import _RUN_WORD as _RUN_WORD_RE
from nlp.identifiers.spoken.spoken_numbers import (
    BIRTH_CUE,
    DIGIT_RUN,
    digit_runs,
    digits_of,
    may_cue_birth,
)
from nlp.identifiers.spoken.spoken_postcodes import SHAPE, SPOKEN_FIGURE, as_chars

# ---------------------------------------------------------------------------------------------
# E-mails said aloud after a cue: "email me at barbara wood fifty two at wiganmail dot com".

EMAIL_CUE = re.compile(
    r"\be-?mail\b(?:[ \t]+address)?(?:['’]s)?(?:[ \t]+(?:me|is|it['’]?s|was|to|on|at|:)){0,3}"
    r"[ \t]*[:=-]?[ \t]*",
    re.IGNORECASE,
)
_LOCAL_WORD = r"[A-Za-z0-9][\w'’.+-]*"
SAID_EMAIL = re.compile(
    rf"(?P<local>{_LOCAL_WORD}(?:[ \t]+{_LOCAL_WORD}){{0,5}}?)[ \t]+at[ \t]+"
    r"[A-Za-z0-9-]+(?:[ \t]+dot[ \t]+[A-Za-z0-9-]+)+\b",
    re.IGNORECASE,
)
# Words that end an e-mail's local part before it began: the sentence said something else.
_NOT_LOCAL = frozenset(
    "i you we they he she it them me my your and or but the a to address is back about from "
    "if on in for with please pls can could would will".split()
)


def said_emails(text: str) -> Iterator[Finding]:
    """An address read out word by word, from right after its e-mail cue."""
    if " dot " not in text.lower():
        return
    for cue in EMAIL_CUE.finditer(text):
        m = SAID_EMAIL.match(text, cue.end())
        if not m:
            continue
        words = m.group("local").lower().split()
        if any(w in _NOT_LOCAL for w in words):
            continue
        yield Finding(m.start(), m.end(), "EMAIL", 0.85, "said_email")


# An address typed without its "@": a handle with a figure in it, then a mail provider run on or
# after a space. "my gmail" and "hotmail account" have no handle before the provider.
_BIG_PROVIDERS = r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|btinternet|protonmail|aol)"
NO_AT_EMAIL = re.compile(
    rf"(?<![\w.@-])[A-Za-z][\w.]*\d[\w.]*?[ \t]?{_BIG_PROVIDERS}"
    r"(?:[ \t]?\.[ \t]?[a-z]{2,7}(?:\.[a-z]{2})?)?(?![\w@])",
    re.IGNORECASE,
)
NO_AT_EMAIL = gated(NO_AT_EMAIL)  # a text without a provider's name is not searched


def emails_without_at(text: str) -> Iterator[Finding]:
    for m in NO_AT_EMAIL.finditer(text):
        yield Finding(m.start(), m.end(), "EMAIL", 0.8, "email_without_at")


# ---------------------------------------------------------------------------------------------
# References read out: "P-A-L-S, two four dash oh oh seven one nine", "M-F-H, double one, seven,
# four"; typed as dictated: "DWL 0 0 4 8 1 7 7".

_DIGIT_WORD = r"(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine)"
_SPELT_LETTERS = r"(?<![\w'’-])[A-Z](?:-[A-Z]){1,4}(?![\w'’-])"
_READ_PIECE = rf"(?:(?:double|treble|triple)[ \t]+)?(?:{_DIGIT_WORD}|\d)(?![\w'’])"
READ_REFERENCE = re.compile(
    rf"{_SPELT_LETTERS}[ \t]*,?[ \t]*(?P<digits>{_READ_PIECE}"
    rf"(?:[ \t]*(?:,|-|dash|hyphen|slash)?[ \t]*{_READ_PIECE}){{3,}})",
    re.IGNORECASE,
)
READ_REFERENCE = gated(READ_REFERENCE)  # spelt letters need a "-"
TYPED_REFERENCE = re.compile(r"(?<![\w'’-])[A-Z]{1,4}(?:[ \t]\d(?![\w'’/.:-])){5,}")
# Five figures, each after a space or a tab, are in every typed reference: a text without them
# is not searched (this pattern scans only from figures, which most stories lack).
FIVE_SPACED_FIGURES = re.compile(r"\d[ \t]\d[ \t]\d[ \t]\d[ \t]\d")


def read_references(text: str) -> Iterator[Finding]:
    for m in READ_REFERENCE.finditer(text):
        if not re.match(r"[A-Z]-", m.group()):
            continue  # the letters are capitals as spelt ("a-b" is no reference)
        digits = m.group("digits")
        if re.search(r"[a-z]", digits, re.IGNORECASE) and len(re.findall(r"\w+", digits)) >= 4:
            yield Finding(m.start(), m.end(), "OTHER_ID", 0.8, "read_reference")
    for m in TYPED_REFERENCE.finditer(text) if FIVE_SPACED_FIGURES.search(text) else ():
        if m.group().split()[0] in ("I", "A"):
            continue  # "I 2 3 4 5 6" is a sentence or a list, not a code
        yield Finding(m.start(), m.end(), "OTHER_ID", 0.75, "typed_reference")


# ---------------------------------------------------------------------------------------------
# A date of birth read as figures after its cue: "DOB: 0 9 0 4 1 9 4 6", "date of birth is
# nineteen oh seven ninety" (19/07/90).

_CUE_GAP = re.compile(
    r"[ \t]*(?:\([^)\n]{0,20}\)[ \t]*)?(?:is|was|['’]s)?[ \t]*[.:=-]?[ \t]*", re.IGNORECASE
)


def _whole_date(digits: str) -> bool:
    if len(digits) not in (6, 8):
        return False
    day, month = int(digits[:2]), int(digits[2:4])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    return len(digits) == 6 or digits[4:6] in ("19", "20")


# "twelve, four, sixty", "3 / 11 / nineteen forty": day, month and year said apart.
_DAY_OR_MONTH = rf"(?:{_UNDER_100}|\d{{1,2}})"
THREE_NUMBERS = re.compile(
    rf"{_DAY_OR_MONTH}[ \t]*[,/.-][ \t]*{_DAY_OR_MONTH}[ \t]*[,/.-][ \t]*"
    rf"(?:(?:nineteen|twenty)[ \t-]+(?:oh[ \t-]+)?{_UNDER_100}|{_UNDER_100}|\d{{4}}|\d{{2}})"
    r"(?![\w'’-])",
    re.IGNORECASE,
)
# "the 12th of the 3rd 35": day and month said as ordinals in figures, then the year.
ORDINAL_DATE = re.compile(
    r"(?:the[ \t]+)?(?P<date>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)[ \t]+of[ \t]+the[ \t]+"
    r"(?:1[0-2]|0?[1-9])(?:st|nd|rd|th)[ \t,]+(?:19|20)?\d\d)(?![\w'’])",
    re.IGNORECASE,
)


def read_dates_of_birth(text: str) -> Iterator[Finding]:
    for cue in BIRTH_CUE.finditer(text) if may_cue_birth(text) else ():
        at = _CUE_GAP.match(text, cue.end()).end()
        three = THREE_NUMBERS.match(text, at)
        if three and _three_numbers_date(three.group()):
            yield Finding(three.start(), three.end(), "DATE_OF_BIRTH", 0.85, "read_dob")
            continue
        ordinal = ORDINAL_DATE.match(text, at)
        if ordinal:
            date = ordinal.span("date")
            yield Finding(date[0], date[1], "DATE_OF_BIRTH", 0.85, "read_dob")
            continue
        m = DIGIT_RUN.match(text, at)
        if not m:
            continue
        run = m.group().rstrip(".,- ")
        pieces = re.findall(r"\w+", run)
        spaced = all(p.isdigit() and len(p) == 1 for p in pieces)
        if not spaced and not re.search(r"[a-z]", run, re.IGNORECASE):
            continue  # figures in groups are the date rules' own
        digits = digits_of(run)
        if (digits and _whole_date(digits)) or _three_numbers_date(run):
            yield Finding(m.start(), m.start() + len(run), "DATE_OF_BIRTH", 0.85, "read_dob")


def _three_numbers_date(run: str) -> bool:
    """ "twelve, four, sixty", "3 / 11 / nineteen forty": day, month and year said apart."""
    pieces = re.split(r"[,/]|\.[ \t]|(?<=\d)[ \t]*-[ \t]*(?=\d)", run)
    parts = [p.strip() for p in pieces if p.strip()]
    if len(parts) != 3:
        return False
    numbers = [int(p) if p.isdecimal() else value(p) for p in parts[:2]]
    year = parts[2]
    said_year = year if year.isdigit() else digits_of(year)
    if None in numbers or not said_year or len(said_year) not in (2, 4):
        return False
    day, month = numbers
    return (
        1 <= day <= 31
        and 1 <= month <= 12
        and (len(said_year) == 2 or said_year[:2] in ("19", "20"))
    )


# ---------------------------------------------------------------------------------------------
# A postcode heard only in part: "KY7 5?? didn't catch the rest", "bs347 something", "SG1 3...".

CUT_POSTCODE = re.compile(
    r"(?<![\w'’-])(?P<area>[A-Za-z]{1,2})\d[A-Za-z\d]?[ \t]?\d[A-Za-z]?"
    r"(?=[ \t]*(?:\.{2,}|…|\?{1,}|[ \t]something\b|[ \t]-[ \t]|[ \t]*\(?(?:cut|didn)))",
)
# How every cut postcode ends: its last figure (and letter), then the mark. Searched from figures
# only, so a quick look for whether `CUT_POSTCODE` is worth running.
CUT_END = re.compile(
    r"\d[A-Za-z]?(?=[ \t]*(?:\.{2,}|…|\?{1,}|[ \t]something\b|[ \t]-[ \t]|[ \t]*\(?(?:cut|didn)))"
)


def cut_postcodes(text: str) -> Iterator[Finding]:
    for m in CUT_POSTCODE.finditer(text) if CUT_END.search(text) else ():
        if m.group("area").upper() in POSTCODE_AREAS:
            yield Finding(m.start(), m.end(), "POSTCODE", 0.75, "cut_postcode")


# ---------------------------------------------------------------------------------------------
# An NHS number read out in words ("nine, nine, nine. Eight, seven, oh. Six, seven, nine,
# three"): ten digits whose check digit holds, as the written rule asks of "999 870 6793".


def read_nhs_numbers(text: str) -> Iterator[Finding]:
    for m in digit_runs(text):
        run = m.group().rstrip(".,- ")
        if not re.search(r"[a-z]", run, re.IGNORECASE):
            continue  # figures in groups are the NHS rule's own
        digits = digits_of(run)
        if digits and len(digits) == 10 and is_valid_nhs_number(digits):
            # England's and Wales's numbers begin 4 to 7 or 9 (999 for tests); a CHI (a birth
            # date first) or a Northern Irish health and care number (320-399) shares the check
            # digit but is an OTHER_ID.
            label = "NHS_NUMBER" if digits[0] in "45679" else "OTHER_ID"
            yield Finding(m.start(), m.start() + len(run), label, 0.9, "read_nhs")


# A postcode typed one character at a time as it was said: "C R 7 8 R Y", "l s 6 2 q t". Five
# to seven single characters that make a postcode of Royal Mail's shape in a real area.
SPACED_CHARS = re.compile(r"(?<![\w'’-])[A-Za-z0-9](?:[ \t][A-Za-z0-9]){4,6}(?![\w'’-])")
# The middle three of five spaced characters, with their spaces: in every such run, and
# searched from spaces only.
THREE_SPACED = re.compile(r"[ \t][A-Za-z0-9][ \t][A-Za-z0-9][ \t][A-Za-z0-9][ \t]")


def spaced_postcodes(text: str) -> Iterator[Finding]:
    for m in SPACED_CHARS.finditer(text) if THREE_SPACED.search(text) else ():
        joined = m.group().replace(" ", "").replace("\t", "").upper()
        shape = SHAPE.fullmatch(joined)
        if shape and shape.group("area") in POSTCODE_AREAS:
            yield Finding(m.start(), m.end(), "POSTCODE", 0.8, "spaced_postcode")


# ---------------------------------------------------------------------------------------------
# A ward's letter then its number in words, as speech-to-text writes it: "ward j twenty six",
# "Ward C eleven" ("ward twelve" and "ward four F" are spoken_numbers.worded_wards'). "a" and
# "I" are words ("the ward I two weeks ...").
LETTERED_WARD = re.compile(
    rf"(?<![\w'’-])(?:[Ww]ard|WARD)[ \t]+(?P<letter>[B-HJ-Zb-hj-z])[ \t]+(?i:{_UNDER_100})"
    r"(?![\w'’-])(?![ \t]+(?:times|weeks|days|hours|minutes|years|months|of)\b)"
)
LETTERED_WARD = gated(LETTERED_WARD)  # "ward" and a number's word are in every match


def lettered_wards(text: str) -> Iterator[Finding]:
    for m in LETTERED_WARD.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "lettered_ward")


# ---------------------------------------------------------------------------------------------
# A phone as speech-to-text heard it, with words that sound like figures among the figures: "oh
# 7700 nine hundred to three won" (to = 2, won = 1, for = 4, ate = 8). Taken only where the run
# starts with a trunk zero and its figures, so read, make exactly a UK phone's length; at most
# two such words, so "oh one to four for the ..." stays.
_SOUNDS = {"to": "two", "too": "two", "won": "one", "for": "four", "ate": "eight"}
_HEARD_PIECE = rf"(?:{_RUN_WORD_RE}|\d{{1,5}}|to|too|won|for|ate)"
HEARD_RUN = re.compile(
    rf"(?<![\w'’-])(?:oh|zero|nought|0)(?:[ \t]*,?[ \t]+|[ \t]*,[ \t]*){_HEARD_PIECE}"
    rf"(?:(?:[ \t]*[,-][ \t]*|[ \t]+){_HEARD_PIECE}){{2,}}(?![\w'’-])",
    re.IGNORECASE,
)
# Where every heard run starts: "oh", "zero", "nought" or "0", then a space or a comma. Sought
# in the text in lower case, where `re` looks only at those four first letters.
HEARD_START = re.compile(r"(?:oh|zero|nought|0)[ \t,]")


def heard_phones(text: str) -> Iterator[Finding]:
    if not HEARD_START.search(folded(text)):
        return
    for m in HEARD_RUN.finditer(text):
        spans = [(w.start(), w.end(), w.group().lower()) for w in re.finditer(r"\w+", m.group())]
        heard = [w for _, _, w in spans if w in _SOUNDS]
        if not heard or len(heard) > 2:
            continue
        # A homophone at the end may be the sentence's next word ("... for the letter"): the
        # longest reading that makes a phone is kept.
        while spans:
            digits = digits_of(" ".join(_SOUNDS.get(w, w) for _, _, w in spans))
            if digits and digits[1:2] not in ("", "0") and len(digits) in (10, 11):
                yield Finding(m.start(), m.start() + spans[-1][1], "PHONE", 0.8, "heard_phone")
                break
            if spans[-1][2] not in _SOUNDS:
                break
            spans.pop()


# ---------------------------------------------------------------------------------------------
# A caller's own name in lower case after "my name is", in a transcript whose labels or codes
# are in capitals: speech-to-text and hurried typing do not capitalise names. The first word
# must be a first name the lists know ("my name is on the list", "my name is spelt wrong" stay);
# a second word joins it when it is no English word ("andrew mccreadie").
MY_NAME = re.compile(
    r"\bmy[ \t]+name(?:[ \t]+is|['’]s)[ \t]+(?P<first>[a-z][a-z'’-]+)"
    r"(?:[ \t]+(?P<second>[a-z][a-z'’-]+))?"
)
_NOT_A_NAME_AFTER = frozenset(
    "not on in at the a an and but so is was has had will would can could down up there here "
    "with for from of to just also".split()
)


def lower_case_own_names(text: str) -> Iterator[Finding]:
    if "name" not in text:
        return
    gaz = gazetteer()
    for m in MY_NAME.finditer(text):
        first = m.group("first")
        if first not in gaz.first_names or first in _NOT_A_NAME_AFTER:
            continue
        end = m.end("first")
        second = m.group("second")
        if second and second not in gaz.english_words and second not in _NOT_A_NAME_AFTER:
            end = m.end("second")
        elif second and second in gaz.surnames and second not in gaz.common_words:
            end = m.end("second")
        elif (
            second
            and second not in gaz.common_words
            and second not in _NOT_A_NAME_AFTER
            and not second.endswith(("ing", "ed", "ly", "s"))
            and second != first
        ):
            end = m.end("second")  # "gordon fairbairn": a rare word, no verb (round 33)
        yield Finding(m.start("first"), end, "PERSON", 0.8, "own_name")


# ---------------------------------------------------------------------------------------------
# A web address on a reserved domain (".example", ".test"), typed bare with its page: made-up
# and redacted addresses end so, and what follows the host names a page or a person.
RESERVED_HOST = re.compile(
    r"(?<![\w@/.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:example|test)(?:\.[a-z]{2,3})?"
    r"(?:/[^\s<>\"'“”‘’()\[\]{}]*)?(?<![.,;:!?])",
    re.IGNORECASE,
)
RESERVED_HOST = gated(RESERVED_HOST)  # ".example" or ".test" is in every match


def reserved_hosts(text: str) -> Iterator[Finding]:
    for m in RESERVED_HOST.finditer(text):
        if not text.startswith("@", m.end()):  # "jo.b.example@..." is an address's own part
            yield Finding(m.start(), m.end(), "URL", 0.8, "reserved_host")


# ---------------------------------------------------------------------------------------------
# Who took the call, in a call log's field: "Handler: Femi", "Call taker: Bronwen". The field's
# answer is one capitalised word, no everyday word, ending its line or followed by the next
# field, so "HANDLER: Can you ..." and "Listener: Thank you" (a speaker and speech) stay.
TAKER_FIELD = re.compile(
    r"\b(?i:handler|call[ \t]+handler|call[ \t]+taker|taken[ \t]+by|listener|volunteer|"
    r"operator)[ \t]*:[ \t]*(?P<name>[A-Z][a-z'’-]+)(?![\w'’-])"
    r"(?=[ \t]*(?:\n|$|[ \t]{2,}|\t|[,;|/]|[A-Z][a-z]+(?:[ \t]+[a-z]+)?[ \t]*:))"
)
TAKER_FIELD = gated(TAKER_FIELD)  # the field's name and its ":" are in every match


def call_takers(text: str) -> Iterator[Finding]:
    gaz = gazetteer()
    for m in TAKER_FIELD.finditer(text):
        word = m.group("name").lower()
        if word not in gaz.english_words or (
            word in gaz.first_names and word not in gaz.common_words
        ):
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "call_taker")


# ---------------------------------------------------------------------------------------------
# A postcode said in the NATO alphabet: "sierra alpha one, two bravo delta" (SA1 2BD). The
# words stand for letters; with figures between them they make a postcode of Royal Mail's shape
# in a real area, and at least two such words are used ("Charlie two" is no postcode).
NATO = {
    "alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "echo": "E",
    "foxtrot": "F", "golf": "G", "hotel": "H", "india": "I", "juliet": "J", "juliett": "J",
    "kilo": "K", "lima": "L", "mike": "M", "november": "N", "oscar": "O", "papa": "P",
    "quebec": "Q", "romeo": "R", "sierra": "S", "tango": "T", "uniform": "U", "victor": "V",
    "whiskey": "W", "whisky": "W", "x-ray": "X", "xray": "X", "yankee": "Y", "zulu": "Z",
}  # fmt: skip
_NATO_WORD = "|".join(sorted(NATO, key=len, reverse=True))
NATO_PIECE = re.compile(
    rf"(?P<piece>{_NATO_WORD}|{SPOKEN_FIGURE}|[A-Za-z])(?![\w'’-])(?P<gap>[ \t]*[,/-]?[ \t]*)",
    re.IGNORECASE,
)
NATO_START = gated(re.compile(rf"(?<![\w'’-])(?:{_NATO_WORD})(?![\w'’-])", re.IGNORECASE))


def nato_postcodes(text: str) -> Iterator[Finding]:
    last_end = -1
    for start in NATO_START.finditer(text):
        if start.start() < last_end:
            continue
        at, joined, nato, end = start.start(), "", 0, None
        for _ in range(10):
            m = NATO_PIECE.match(text, at)
            if not m:
                break
            piece = m.group("piece").lower()
            if piece in NATO:
                joined += NATO[piece]
                nato += 1
            else:
                joined += as_chars(piece)
            shape = SHAPE.fullmatch(joined)
            if shape and shape.group("area") in POSTCODE_AREAS and nato >= 2:
                end = m.end("piece")
            at = m.end()
        if end is not None:
            last_end = end
            yield Finding(start.start(), end, "POSTCODE", 0.8, "nato_postcode")


def said_aloud_findings(text: str) -> list[Finding]:
    """Every kind above, for the recogniser's list."""
    return [
        *said_emails(text),
        *emails_without_at(text),
        *read_references(text),
        *read_dates_of_birth(text),
        *cut_postcodes(text),
        *read_nhs_numbers(text),
        *spaced_postcodes(text),
        *lettered_wards(text),
        *heard_phones(text),
        *lower_case_own_names(text),
        *reserved_hosts(text),
        *call_takers(text),
        *nato_postcodes(text),
    ]
