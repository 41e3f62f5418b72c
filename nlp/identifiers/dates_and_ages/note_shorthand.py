"""Dates of birth and ages in the shorthand of notes, handovers and letters (issue 20, seventh
round).

- A full date in brackets right after a name is the person's date of birth: "Pt Okafor, Ada
  (14/02/1951)", "my brother Ewan Reid (9.7.48)", "EILEEN MARSH (30/01/1944)", "Nora
  (21/11/1939, hospital number ...)". A date of an event written that way is rarer, so the
  year must lie at least sixteen years back (by plumbing.clock), and a two-digit year is read
  the way the renderer reads it.
- A birth cue before a date in any form: a day and month without the year ("born 3rd June"),
  or the year in words ("born nineteen fifty-eight", "b. twenty oh four").
- A birth question answered a line later: "can you confirm date of birth? ... Jo: 04/09/1962",
  and a birth cue with a letter lost or swapped ("her date of brith is ...").
- Ages in clinical shorthand: "Achterberg, 67M", "Lowe, 81 F", "(F, 79)", "(72M)", "M/66",
  and Welsh numbers in words before "oed" ("saith deg pump oed", "yn bump oed").

A decade ("approx 30s", "in her 80s") is left alone on purpose. The conventions in
../shared/anonymisation/README.md mark an age that narrows who someone is ("I'm 84", "aged
92"), and the renderer turns every exact age into a ten-year band
(nlp/identifiers/dates_and_ages/ages.py `age_band`), so a decade already says no more than the
anonymised text would. One blind round's writer marked "Approx 20s"; that is its convention, not
this project's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.number_words import NUMBER, as_int
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.dates_and_ages.birth_dates import DAY, MONTH, RELATIVES
from plumbing.clock import today

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable
BIRTH_AGE_YEARS = 16  # a bracketed date after a name is a birth date if at least this far back

# ---------------------------------------------------------------------------------------------
# Dates of birth.

NUMERIC_DATE = r"(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?(?P<y>(?:19|20)\d{2}|\d{2})"
WORD_DATE = rf"{DAY}(?:\s+of)?\s+{MONTH},?\s+(?P<wy>(?:19|20)\d{{2}})"
# Round 57 (a retired set, v64): the month first ("(JUNE 9 1970)") and the six figures of a
# record's compact form ("(090970)", day, month, year), which need a real day and month.
MONTH_FIRST_DATE = rf"{MONTH}\s+{DAY},?\s+(?P<my>(?:19|20)\d{{2}})"
COMPACT_DATE = r"(?P<cd>[0-3]\d)(?P<cm>[01]\d)(?P<cy>\d{2})"
# "(14/02/1951)", "(9.7.48, hospital number ...)", "(3 March 1950)": the date opens the brackets.
BRACKETED_DATE = re.compile(
    rf"(?P<word>[^\W\d_][\w'’-]*)\s*\(\s*"
    rf"(?P<date>{NUMERIC_DATE}|{WORD_DATE}|{MONTH_FIRST_DATE}|{COMPACT_DATE})\s*(?=[,;)]|\s+-)",
    I,
)
BRACKETED_DATE = gated(BRACKETED_DATE)
# Words that are not a person, before a bracketed date: a document, a meeting, a month.
NOT_PERSON = frozenset(
    """letter letters appointment appt clinic review visit admission admitted discharge
    discharged meeting referral referred report assessment call email emailed note notes seen
    scan test tests results operation op surgery date dated on from until since last next
    received sent update plan form application decision hearing birthday funeral wedding
    death died monday tuesday wednesday thursday friday saturday sunday today yesterday
    tomorrow""".split()
)


def _full_year(two_or_four: str) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 4:
        return year
    now = today().year
    return 2000 + year if 2000 + year <= now else 1900 + year


def _birth_year(year: int) -> bool:
    now = today().year
    return 1900 <= year <= now - BIRTH_AGE_YEARS


def _names_someone(word: str, any_case: bool) -> bool:
    low = word.lower()
    if low in NOT_PERSON or re.fullmatch(MONTH, low):
        return False
    if word[0].isupper() or RELATIVES.fullmatch(word):
        return True
    gaz = gazetteer()
    return any_case and (gaz.is_name_part(low)) and low not in gaz.common_words


def bracketed_birth_dates(text: str) -> Iterator[Finding]:
    if "(" not in text:
        return
    any_case = capitals_mean_little(text)
    for m in BRACKETED_DATE.finditer(text):
        if not _names_someone(m.group("word"), any_case):
            continue
        year = m.group("y") or m.group("wy") or m.group("my") or m.group("cy")
        month = m.group("m") or m.group("cm")
        if month and not 1 <= int(month) <= 12:
            continue
        if m.group("cd") and not 1 <= int(m.group("cd")) <= 31:
            continue
        full = _full_year(year)
        if _birth_year(full) or (full <= today().year and _a_child_named(text, m.start("word"))):
            yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_bracketed")


# Round 55: "my son Ibrahim (02/02/2021)", "baby Zion (3.1.2025)": a child named with a
# bracketed date is given their birth date, however recent (a retired set, v53).
CHILD_BEFORE_NAME = re.compile(
    r"\b(?:(?:son|daughter|baby|grandson|granddaughter|child|boy|girl|twin|nephew|niece|"
    r"stepson|stepdaughter)['’]?s?|(?:mum|mam|mom|mother|dad|father|parent|carer)[ \t]+of)"
    r"[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){0,2}$",
    I,
)


def _a_child_named(text: str, start: int) -> bool:
    """The name before the bracket is a child's: "my son Ibrahim", "mum of Siobhan Doherty"
    (round 57), the child's given name between the word and the family name."""
    return CHILD_BEFORE_NAME.search(text, max(0, start - 40), start) is not None


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# "nineteen fifty-eight", "nineteen oh four", "twenty ten", "two thousand and six".
YEAR_IN_WORDS = (
    rf"(?:nineteen|twenty)[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_TEENS}|"
    rf"(?:oh|o|zero)[\s-]+(?:{_UNITS}))"
    rf"|two\s+thousand(?:\s+and)?(?:\s+(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_TEENS}|{_UNITS}))?"
)
ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[\s-]first)"
)
DAY_ANY = rf"(?:{DAY}|(?:the\s+)?{ORDINAL})"
BIRTH_CUE = (
    r"\b(?:born|date\s+of\s+birth|dob|d\.\s?o\.\s?b\.?|b\.)[\s:,.-]*"
    r"(?:(?:on|in|is|was|the|of|it['’]?s|its|:|-)\s+){0,3}"
)
# A day and a month's name, with a year in digits, two digits or words, or none; a year in words
# alone. "12-Mar-1950", "1st Feb 52", "the ninth of May nineteen forty", "born 3rd June".
YEAR_ANY = rf"(?:(?:19|20)\d{{2}}|['’]?\d{{2}}|{YEAR_IN_WORDS})"
DAY_MONTH_SEP = r"(?:\s+of\s+|[\s/.-]+)"
BIRTH_DATE_ANY = re.compile(
    rf"{BIRTH_CUE}(?P<date>{DAY_ANY}{DAY_MONTH_SEP}{MONTH}(?:(?:,?\s+|[/.-]){YEAR_ANY})?"
    rf"|{MONTH}\s+{DAY_ANY}(?:,?\s+{YEAR_ANY})?|{YEAR_IN_WORDS})(?![\w'’-]|[:.]\d)",
    I,
)
BIRTH_DATE_ANY = gated(BIRTH_DATE_ANY)


def birth_dates_any_form(text: str) -> Iterator[Finding]:
    for m in BIRTH_DATE_ANY.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.85, "dob_any_form")


# "what's your date of birth?" ... "Ali: 03/07/1958": the answer follows within a line or two.
# Typed in haste the cue loses or swaps a letter ("date of bith", "date of brith").
BIRTH_QUESTION = re.compile(
    r"\b(?:date\s+of\s+b(?:irth|ith|rith|irht|rth)|dob|d\.o\.b\.?|birthday)\b", I
)
BIRTH_QUESTION = gated(BIRTH_QUESTION)
ANSWER_DATE = re.compile(rf"(?<![\w/.-]){NUMERIC_DATE}(?![\w/]|[.-]\d)")
ANSWER_WINDOW = 90


def answered_birth_dates(text: str) -> Iterator[Finding]:
    for q in BIRTH_QUESTION.finditer(text):
        window_end = min(len(text), q.end() + ANSWER_WINDOW)
        m = ANSWER_DATE.search(text, q.end(), window_end)
        if not m or not 1 <= int(m.group("m")) <= 12 or not 1 <= int(m.group("d")) <= 31:
            continue
        if _birth_year(_full_year(m.group("y"))):
            yield Finding(m.start(), m.end(), "DATE_OF_BIRTH", 0.75, "dob_answered")


# ---------------------------------------------------------------------------------------------
# Ages in shorthand.

NOT_BEFORE_AGE = (
    r"(?!(?:Ward|Bay|Bed|Room|Floor|Level|Flat|Unit|Block|Wing|Size|Grade|Band|Year|Class|"
    r"Stage|Type|Step|Page|Item|Gate|Bus|Route|Junction|Platform)\b)"
)
# "Achterberg, 67M", "Lowe, 81 F": a capitalised word, a comma, the age and the sex.
NAME_AGE_SEX = re.compile(
    rf"(?<![\w'’]){NOT_BEFORE_AGE}(?-i:[A-Z][\w'’-]+),\s*(?P<n>\d{{1,3}})\s?(?-i:[MF])"
    r"(?=\s*(?:[,.;:)–—]|-\s|$))"  # a note's punctuation next, not "Leeds, 2M people"
)
# Twenty-eighth round: a handover sheet's bed line puts the age and sex straight after the name,
# glued and with no comma ("Bed 3 – Agnes PRIOR 88F  bloods due", "Mr Okafor 61M\tnil by
# mouth"). Glued figures and letter, then a cell's gap (two spaces, a tab), a line's end or a
# note's punctuation; "Leeds 2M people", "Room 7F, Holland House", "flat 3F2" stay.
NAME_AGE_SEX_GLUED = re.compile(
    rf"(?<![\w'’]){NOT_BEFORE_AGE}(?-i:[A-Z][\w'’-]+)[ \t](?P<n>\d{{1,3}})(?-i:[MF])"
    r"(?=[ \t]{2,}|\t|[ \t]*(?:[,;:)–—]|\n|$))"
)
NAME_AGE_SEX_GLUED = gated(NAME_AGE_SEX_GLUED)
# "(F, 79)", "(72M)", "(M 58)", "(81 F)": sex and age alone in brackets; "M/66", "66/F" anywhere.
BRACKET_AGE_SEX = re.compile(
    r"\(\s*(?:(?P<n>\d{1,3})\s?(?-i:[MF])|(?-i:[MF])\s*[,/]?\s*(?P<n2>\d{1,3}))\s*[),;]"
)
SLASH_AGE_SEX = re.compile(
    r"(?<![\w/])(?:(?-i:[MF])\s?/\s?(?P<n>\d{1,3})|(?P<n2>\d{1,3})\s?/\s?(?-i:[MF]))(?![\w/]|\.\d)"
)
SLASH_AGE_SEX = gated(SLASH_AGE_SEX)


# Twenty-eighth round: a form gives the age in brackets right after the date of birth ("DOB:
# 02/02/1944 (80y)", "Date of birth 3 May 1950 (74 yrs)"), marked by two writers and missed.
# A measure or a count in the brackets ("(80 kg)", "(2 weeks)") is no age.
AGE_AFTER_BIRTH_DATE = re.compile(
    r"\b(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|born)\b[ \t]*[:.-]?[ \t]*"
    rf"(?:{NUMERIC_DATE}|{WORD_DATE})[ \t]*\([ \t]*(?:aged?[ \t]*)?(?P<n>\d{{1,3}})[ \t]*"
    r"(?:y|yo|y/o|yrs?|years?(?:[ \t]+old)?)?[ \t]*\)",
    I,
)
AGE_AFTER_BIRTH_DATE = gated(AGE_AFTER_BIRTH_DATE)


def shorthand_ages(text: str) -> Iterator[Finding]:
    for pattern in (
        NAME_AGE_SEX,
        NAME_AGE_SEX_GLUED,
        BRACKET_AGE_SEX,
        SLASH_AGE_SEX,
        AGE_AFTER_BIRTH_DATE,
    ):
        for m in pattern.finditer(text):
            key = "n" if m.group("n") else "n2"
            if 0 < int(m.group(key)) <= 115:
                yield Finding(m.start(key), m.end(key), "AGE", 0.8, "age_shorthand")


# Welsh numbers in words, with their mutations after "yn" ("yn ddau", "yn bump", "yn dair").
WELSH_VALUES = {
    **dict.fromkeys(("un",), 1),
    **dict.fromkeys(("dau", "ddau", "dwy", "ddwy"), 2),
    **dict.fromkeys(("tri", "dri", "tair", "dair"), 3),
    **dict.fromkeys(("pedwar", "bedwar", "pedair", "bedair"), 4),
    **dict.fromkeys(("pump", "bump", "pum", "bum"), 5),
    **dict.fromkeys(("chwech", "chwe"), 6),
    **dict.fromkeys(("saith",), 7),
    **dict.fromkeys(("wyth",), 8),
    **dict.fromkeys(("naw",), 9),
    **dict.fromkeys(("deg", "ddeg"), 10),
    **dict.fromkeys(("deuddeg", "ddeuddeg"), 12),
    **dict.fromkeys(("pymtheg", "bymtheg"), 15),
    **dict.fromkeys(("deunaw", "ddeunaw"), 18),
    **dict.fromkeys(("ugain", "hugain"), 20),
    **dict.fromkeys(("deugain", "ddeugain"), 40),
    **dict.fromkeys(("trigain", "drigain"), 60),
    **dict.fromkeys(("cant", "gant"), 100),
}
_WELSH_WORD = "|".join(sorted(WELSH_VALUES, key=len, reverse=True))
WELSH_WORDS_AGE = re.compile(
    rf"(?<![\w'’])(?P<n>(?:{_WELSH_WORD})(?:\s+(?:(?:a|ac|ar)\s+)?(?:{_WELSH_WORD})){{0,3}})"
    r"\s+(?:mlwydd\s+|mlwydd-)?oed\b"
    rf"(?:\s*\(\s*(?P<gloss>\d{{1,3}}|{NUMBER})\s*\))?",
    I,
)


def welsh_value(words: str) -> int | None:
    """ "wyth deg dau" -> 82, "un ar ddeg" -> 11, "dau ar hugain" -> 22, "naw" -> 9."""
    tokens = [t for t in words.lower().split() if t not in ("a", "ac")]
    total, current = 0, 0
    for n, token in enumerate(tokens):
        if token == "ar":
            continue
        value = WELSH_VALUES.get(token)
        if value is None:
            return None
        after_ar = n > 0 and tokens[n - 1] == "ar"
        if value == 10 and current and not after_ar:  # "wyth deg": eight tens
            current *= 10
        elif value == 20 and current and not after_ar and token == "ugain":  # "pedwar ugain"
            current *= 20
        else:
            current += value
    total += current
    return total or None


def welsh_ages_in_words(text: str) -> Iterator[Finding]:
    if "oed" not in text.lower():
        return
    for m in WELSH_WORDS_AGE.finditer(text):
        n = welsh_value(m.group("n"))
        if n is None or not 1 < n <= 115:  # "un" alone is also "one" as in "the same"
            continue
        yield Finding(m.start("n"), m.end("n"), "AGE", 0.8, "age_welsh_words")
        if m.group("gloss") and as_int(m.group("gloss")) == n:
            yield Finding(m.start("gloss"), m.end("gloss"), "AGE", 0.8, "age_welsh_words")


def shorthand_findings(text: str) -> list[Finding]:
    """Everything above; overlaps are settled with the other recognisers' by the caller."""
    found: list[Finding] = []
    for detector in (
        bracketed_birth_dates,
        birth_dates_any_form,
        answered_birth_dates,
        shorthand_ages,
        welsh_ages_in_words,
    ):
        found.extend(detector(text))
    return found
