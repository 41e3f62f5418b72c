"""A month inside a date is no person or place (issue 20, twenty-sixth round).

Diaries, minutes, posts and letters date their entries with the month written short ("Tues 4
Feb", "posted 9 Mar", "Jan 2024", "Nov 14"), and "Jan", "Mar", "Sept", "June", "May" are also
given names, so the NER and the capitals rule took the month for a person (now and then for a
place) on every such line (twelve times in one writer's set, and in eight earlier writers' sets
besides). A month is in a date when a day number stands just before it or a day number or a
year just after it, or a word that takes a time ("admitted in Jan"); anywhere else ("Jan
rang", "a text from Jan", "On 4 May Jan came") the word is left to the name rules. A care
home's "MAR chart" (the drug chart) is no person either.

Twenty-eighth round: Welsh and bilingual letters and notes date in Welsh ("17 Mehefin / June
2024", "ym mis Mai", "ers mis Medi", "Dydd Mawrth / Tuesday"), and the months and days, in no
English list, were taken for people in five writers' sets. A Welsh month after "mis" (month),
or with a day number or a year beside it, and a weekday after "Dydd" (day) are in a date;
"Mai" and "Medi" are also given names and stay names elsewhere ("Mai rang").

Nineteenth session: the day also follows its softened form and the words for night, morning
and afternoon ("ddydd Llun", "nos Sadwrn", "bore Sul", "brynhawn Gwener"), and a setting the
care rules read on into such a day ("i'r ysbyty ddydd Mawrth") loses the day.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.look_alikes.months_alone import month_alone

MONTHS = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december""".split()
)
DAY_BEFORE = re.compile(
    r"(?:(?<![\d.:/,£$-])[0-3]?\d(?:st|nd|rd|th)?(?:[ \t]+of)?|"
    # "admitted in Jan", "since March": words that take a time, not a person ("to Jan",
    # "from Jan", "by Jan" may be a name); "the" between them too ("asked in the August",
    # thirty-first round)
    r"\b(?:in|since|until|till|during|early|late|mid|last|next)(?:[ \t]+the)?)[ \t]+$",
    re.I,
)
WELSH_MONTHS = frozenset(
    """ionawr chwefror mawrth ebrill mai mehefin gorffennaf awst medi hydref tachwedd
    rhagfyr""".split()
)
WELSH_DAYS = frozenset("llun mawrth mercher iau gwener sadwrn sul".split())
WELSH_MONTH_BEFORE = re.compile(r"\b(?:mis|fis)[ \t]+$", re.I)
WELSH_DAY = re.compile(r"(?:[Dd]d?ydd|DD?YDD)[ \t]+(?P<day>\w+)")
# The words a Welsh weekday follows: "(d)dydd Llun" (day, softened after a verb), "nos Sadwrn"
# (night), "bore Sul", "fore Iau" (morning), "prynhawn Gwener", "brynhawn Mercher" (afternoon).
WELSH_DAY_WORD = r"(?i:d?dydd|nos|[bf]ore|[bp]rynhawn)"
WELSH_DAY_BEFORE = re.compile(rf"\b{WELSH_DAY_WORD}[ \t]+$")
NOT_A_DATE_AFTER = re.compile(r"['’]s\b|[ \t]*:")  # "in Jan's flat", a diary's "Jan:" heading
# A drug chart ("the MAR chart", "MAR sheets"): the Medication Administration Record.
MAR_CHART = re.compile(r"[ \t]+(?:charts?|sheets?|records?)\b", re.I)
# No comma before the number: "Jan, 32, cares for her husband" is a name and an age.
DAY_OR_YEAR_AFTER = re.compile(
    r"[ \t]+(?:[0-3]?\d(?:st|nd|rd|th)?|(?:19|20)\d\d|['’]\d\d)"
    r"(?![\d:.%]|[ \t]*(?:am|pm|years?|yrs?|y/?o)\b)",
    re.I,
)


# Round 39: days and times of the calendar written in capitals ("a Leap Year baby", "since
# Boxing Day", "over Bank Holiday") were taken for people by the capitals rule; they name a
# time, never one person. Words that are also names alone ("Easter", "Christmas") are left.
CALENDAR_OCCASIONS = re.compile(
    r"(?:leap|new|school|academic|financial|tax)[ \t]+years?|"
    r"(?:boxing|new[ \t]+year['’]?s|christmas|valentine['’]?s|mother['’]?s|father['’]?s|"
    r"remembrance|polling|pancake|st[ \t]+\w+['’]?s)[ \t]+day|christmas[ \t]+eve|"
    r"new[ \t]+year['’]?s[ \t]+eve|bank[ \t]+holidays?|good[ \t]+friday|"
    r"easter[ \t]+(?:sunday|monday|weekend|holidays?)|bonfire[ \t]+night|burns[ \t]+night|"
    r"half[ \t]+term|leap[ \t]+day",
    re.I,
)


def in_a_date(text: str, f: Finding) -> bool:
    """Whether the person or place `f` is a month with a day number or a year beside it, or a
    day or time of the calendar ("Leap Year", "Boxing Day")."""
    value = text[f.start : f.end]
    if f.label not in ("PERSON", "LOCATION"):
        return False
    if f.label == "PERSON" and CALENDAR_OCCASIONS.fullmatch(value):
        return True
    if _welsh_date(text, f, value):
        return True
    if value.rstrip(".").lower() not in MONTHS:
        return False
    if value == "MAR" and MAR_CHART.match(text, f.end):
        return True
    if DAY_OR_YEAR_AFTER.match(text, f.end):
        return True
    if month_alone(text, f):  # "due Mar", "Review 2 (May)", a diary's "Feb:" (round 49)
        return True
    return bool(
        DAY_BEFORE.search(text[max(0, f.start - 14) : f.start])
        and not NOT_A_DATE_AFTER.match(text, f.end)
    )


def _welsh_date(text: str, f: Finding, value: str) -> bool:
    """A Welsh weekday after "Dydd", or a Welsh month after "mis" or beside a day or a year."""
    day = WELSH_DAY.fullmatch(value)
    if day:
        return day.group("day").lower() in WELSH_DAYS
    before = text[max(0, f.start - 10) : f.start]
    if value.lower() in WELSH_DAYS and WELSH_DAY_BEFORE.search(before):
        return True
    if value.lower() not in WELSH_MONTHS:
        return False
    return bool(
        WELSH_MONTH_BEFORE.search(before)
        or DAY_OR_YEAR_AFTER.match(text, f.end)
        or re.search(r"(?<![\d.:/,£$-])[0-3]?\d[ \t]+$", before)
    )


def without_date_months(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the months of dates taken for people or places, and a care setting
    without the Welsh day that ran on after it ("i'r ysbyty ddydd Mawrth")."""
    kept = []
    for f in found:
        if in_a_date(text, f):
            continue
        f = _without_dated_month(text, f)
        if f is None:
            continue
        if f.label == "CARE_SETTING":
            f = _without_welsh_day(text, f)
            if f is None:
                continue
        kept.append(f)
    return kept


# Round 54: a diary's date, then its entry: "3 Jan. Rang the memory service", "12 Jan. Fall at
# 2am". The capitals rule read "Jan" as a first name and the entry's first word as its surname.
DATED_MONTH = re.compile(r"(?P<month>[A-Z][a-z]{2,3})\.[ \t]+(?P<rest>\S.*)", re.DOTALL)


def _without_dated_month(text: str, f: Finding) -> Finding | None:
    """A person that opens with a month's abbreviation after a day number, without it: None
    when one English word is left ("Rang", "Fall"), the rest otherwise."""
    if f.label != "PERSON":
        return f
    m = DATED_MONTH.fullmatch(text, f.start, f.end)
    if not m or m.group("month").lower() not in MONTHS:
        return f
    if not DAY_BEFORE.search(text[max(0, f.start - 14) : f.start]):
        return f
    rest = m.group("rest")
    if " " not in rest.strip() and rest.strip().lower() in gazetteer().english_words:
        return None
    return Finding(m.start("rest"), f.end, f.label, f.score, f.source)


# A Welsh day at the end of a setting: the hospital went to on a day, not a hospital's name.
SETTING_THEN_WELSH_DAY = re.compile(rf"(?P<setting>.*?)[ \t]+{WELSH_DAY_WORD}[ \t]+(?P<day>\w+)")


def _without_welsh_day(text: str, f: Finding) -> Finding | None:
    """The setting without a Welsh weekday and the word before it, or None where what is left
    has no capital to name anything ("ysbyty" alone is "hospital")."""
    m = SETTING_THEN_WELSH_DAY.fullmatch(text, f.start, f.end)
    if not m or m.group("day").lower() not in WELSH_DAYS:
        return f
    setting = m.group("setting")
    if not any(c.isupper() for c in setting):
        return None
    return Finding(f.start, f.start + len(setting), f.label, f.score, f.source)
