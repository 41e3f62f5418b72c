"""Dates of birth: a date right after a birth cue or a few words from it, a year of birth in
brackets after a person ("Mum (1931-2023)"), "a 1961 baby".

A date of birth identifies where the date of an event does not, and only the cue tells them
apart, so the shapes of a date live here with the cues. They are shared: DAY, MONTH, YEAR and
DATE with the rules that read dates elsewhere (nlp/identifiers/numbers/identifier_shapes.py,
nlp/identifiers/dates_and_ages/note_shorthand.py, nlp/identifiers/spoken/spoken_numbers.py);
EVENT_DATE, a whole date of an event, with the anonymiser (nlp/anonymise.py), which generalises it
to month and year; RELATIVES, the words for a relative, with nlp/identifiers/dates_and_ages/ages.py
and note_shorthand.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


# Dates of birth: a date (day first, or month and year, or a bare year) right after a birth cue.

MONTH = (
    r"(?:jan(?:uary)?|feb(?:r?uary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:(?:19|20)\d{2}|['’]\d{2})"
DATE = (
    rf"(?:{DAY}[/.-][01]?\d[/.-](?:\d{{4}}|\d{{2}})"
    rf"|(?:19|20)\d{{2}}[/.-][01]?\d[/.-][0-3]?\d"  # ISO: "1951-11-04"
    rf"|[0-3]?\d\s[01]?\d\s(?:19|20)\d{{2}}"  # spoken or typed with spaces: "3 9 1947"
    rf"|{DAY}(?:\s+of)?\s+{MONTH},?\s+{YEAR}"
    rf"|{MONTH}\s+{DAY},?\s+{YEAR}"
    rf"|{MONTH},?\s+{YEAR}"
    rf"|(?:19|20)\d{{2}}|['’]\d{{2}})"
)
# "date of birth" as typed in a hurry or said: "date o birth", "date ov birth", "dat of brith".
BIRTH_WORD = r"(?:birth|brith|bith|birht|berth)"
BIRTH_CUE = (
    rf"\b(?:born|date?\s+(?:of|o|o['’]|ov|off)?\s*{BIRTH_WORD}|year\s+(?:of|o)\s+{BIRTH_WORD}|"
    # Round 71: a register entry's field, "Date and place of birth: 24 May 1947, Truro" (v92)
    rf"(?:date\s+and\s+place|place\s+and\s+date)\s+of\s+{BIRTH_WORD}|"
    r"yob|d\.?\s?[o0]\.?\s?b\.?|birth\s*(?:date|year)|birthday|b\.)"
    r"(?:['’]s\b)?"  # "Her DOB's 17 Aug 1933" (round 39)
    r"[\s:,.–—-]*(?:(?:on|in|is|was|the|of|:|-)\s+){0,3}"
)
# Right after its cue a date may also be written as case notes and forms do: figures run
# together ("DOB 030451", "dob 03041951", day and month checked) or the month as an ordinal ("3rd
# of the 4th 1951").
RUN_TOGETHER_DATE = r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)?\d{2}"
# Twenty-fifth session: a form's date with spaces around its strokes ("19 / 07 / 1952", "1977 /
# 11 / 05"), as a form filled on a screen reader or a scanned box per field leaves it.
SPACED_DATE = (
    r"(?:[0-3]?\d[ \t]+/[ \t]+[01]?\d[ \t]+/[ \t]+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}[ \t]+/[ \t]+[01]?\d[ \t]+/[ \t]+[0-3]?\d)"
)
ORDINAL_MONTH_DATE = rf"{DAY}\s+of\s+the\s+(?:0?[1-9]|1[0-2])(?:st|nd|rd|th)\s*,?\s*{YEAR}"
DOB = re.compile(
    rf"{BIRTH_CUE}(?P<date>{SPACED_DATE}|{ORDINAL_MONTH_DATE}|{DATE}|{RUN_TOGETHER_DATE})(?![\w/])",
    I,
)


# Twentieth round: the cue a few words before a full date set off by a dash, colon or bracket:
# "asked for her date of birth three times – 3rd May 1939". Only a whole date (day, month and
# year) so far from its cue: "date of birth on the form - 2023 version" stays.
FULL_DATE = (
    rf"(?:{DAY}[/.-][01]?\d[/.-](?:\d{{4}}|\d{{2}})|{DAY}(?:\s+of)?\s+{MONTH},?\s+(?:19|20)\d{{2}}"
    rf"|{MONTH}\s+{DAY},?\s+(?:19|20)\d{{2}})"
)
DOB_NEARBY = re.compile(
    rf"\b(?:date\s+of\s+{BIRTH_WORD}|d\.?o\.?b\b\.?)[^.!?\n:()–—-]{{1,40}}?"
    rf"[ \t]*[–—:(-][ \t]*(?P<date>{FULL_DATE})(?![\w/])",
    I,
)


# Twenty-seventh round, by kinds two writers marked:
# - a form's birth label with a note in brackets before its answer: "Date of birth (optional):
#   1988-11-27", "DOB (if known) 03/04/1951"; the note holds no figures, so "DOB (1951)" stays
#   the year rules' own;
# - the year or date after where someone was born: "born in Byker in 1939", "born at the Jessop
#   on 3 May 1961" (up to three capitalised words for the place, then "in" or "on" the date,
#   after a comma too since round 40: "born in Kingston, Jamaica, on the 2nd of May 1950";
#   "born in Leeds, moved here in 1960" is an event's year and stays);
# - a whole date in brackets restating a birth year just found: "in 1939 (8 May 1939, ...".
QUALIFIED_DOB = re.compile(
    rf"\b(?:date\s+of\s+{BIRTH_WORD}|d\.?o\.?b\.?)[ \t]*\([^()\d\n]{{1,30}}\)[ \t]*[:=–—-]?[ \t]*"
    rf"(?P<date>{DATE})(?![\w/])",
    I,
)
QUALIFIED_DOB = gated(QUALIFIED_DOB)
CAPITALISED = r"[A-Z][\w'’-]+"
PLACE_WORDS = (
    rf"(?:the\s+)?{CAPITALISED}(?:[ \t]+{CAPITALISED}){{0,2}}"
    rf"(?:,[ \t]*{CAPITALISED}(?:[ \t]+{CAPITALISED})?)?"
)
BORN_THERE = re.compile(
    rf"\b(?i:born)\s+(?i:in|at)\s+{PLACE_WORDS},?\s+(?i:in|on)\s+(?:the\s+)?"
    rf"(?P<date>(?i:{FULL_DATE})|(?:19|20)\d{{2}})(?![\w/])"
)
BORN_THERE = gated(BORN_THERE)
# Twenty-fifth session: a few words about the birth between "born" and its whole date ("born
# with cerebral palsy on 3 September 1979", "born early on the 2nd of May 2001"); a second
# clause between them ("born in 1950 and married on 3 June 1975") is another event's date.
BORN_ON = re.compile(
    r"\b(?i:born)(?:[ \t]+(?!(?i:and|but|then|so|married|moved|died|went|came)\b)[A-Za-z'’-]+)"
    rf"{{1,4}}[ \t]+(?i:on)[ \t]+(?:(?i:the)[ \t]+)?(?P<date>(?i:{FULL_DATE}))(?![\w/])"
)
BORN_ON = gated(BORN_ON)
RESTATED = re.compile(rf"[ \t]*\([ \t]*(?P<date>{FULL_DATE})(?![\w/])", I)


# "Mum (1931–2023)", "Grandad (b.1940)", "born '58": a year of birth written as people do.
LIFESPAN = re.compile(
    r"\(\s*(?:b\.?\s*|born\s+)?(?P<date>(?:19|20)\d{2})\s*(?:[-–—]\s*(?:(?:19|20)\d{2})?\s*)?\)",
    I,
)
# Twenty-fifth session: a memorial's whole dates, birth to death ("Jean Ogilvie (2.7.1951 –
# 4.11.2025)"); a single whole date in brackets is an event's ("Reviewed by Dr Shah (12/03/2024)").
LIFE_DATES = re.compile(
    rf"\(\s*(?P<date>{FULL_DATE})\s*[-–—]\s*(?:{FULL_DATE}|(?:19|20)\d{{2}})\s*\)",
    I,
)


# "a 1961 baby", "a 1940s child" is an era; "a 1961 baby" names the year someone was born.
BIRTH_YEAR_BABY = re.compile(r"\b(?:a|an)\s+(?P<date>(?:19|20)\d{2})\s+(?:baby|babe)\b", I)
BIRTH_YEAR_BABY = gated(BIRTH_YEAR_BABY)


def dates_of_birth(text: str) -> Iterator[Finding]:
    for pattern in (DOB, QUALIFIED_DOB, BORN_THERE, BORN_ON):
        for m in pattern.finditer(text):
            yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.95, "dob_cue")
            again = RESTATED.match(text, m.end("date"))
            if again:
                start, end = again.start("date"), again.end("date")
                yield Finding(start, end, "DATE_OF_BIRTH", 0.9, "dob_cue")
    for m in DOB_NEARBY.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.85, "dob_cue")
    for m in BIRTH_YEAR_BABY.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_cue")
    for m in (*LIFESPAN.finditer(text), *LIFE_DATES.finditer(text)):
        if _after_a_person(text, m.start()):
            yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_cue")


RELATIVES = re.compile(
    r"(?:mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|granddad|"
    r"grandpa|grandmother|grandfather|husband|wife|partner|son|daughter|brother|sister|aunt|"
    r"auntie|uncle)['’]?s?",
    I,
)


def _after_a_person(text: str, at: int) -> bool:
    """ "Mum (1931–2023)", "Olwen Parry (b.1940)": a relative, or a capitalised word inside a
    sentence, right before the brackets (not "Reports (2019-2020)" opening a sentence)."""
    m = re.search(r"([\w'’-]+)\s*$", text[max(0, at - 40) : at])
    if not m:
        return False
    word = m.group(1)
    if RELATIVES.fullmatch(word):
        return True
    before = text[: at - len(m.group(0))].rstrip()
    if word[:1].isupper() and word.lower() in gazetteer().first_names:
        return True  # "Gwen (1931–2025), born in Tonypandy" opening a sentence
    return word[:1].isupper() and bool(before) and before[-1] not in ".!?\n:;"


# Event dates (not identifiers) are generalised to month and year by the anonymiser.
EVENT_DATE = re.compile(
    rf"(?<![\w/])(?:(?P<d1>{DAY})[/.-](?P<m1>[01]?\d)[/.-](?P<y1>\d{{4}})"
    rf"|(?P<d2>{DAY})(?:\s+of)?\s+(?P<m2>{MONTH}),?\s+(?P<y2>(?:19|20)\d{{2}}))(?![\w/])",
    I,
)
