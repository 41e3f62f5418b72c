"""Births told as stories tell them, not as forms ask (issue 20, round 39).

The birth cues of `birth_dates` read a date right after "born" or "DOB", or after a place
("born at the Jessop on 3 May 1961"). Stories also tell a birth in ways those miss:

- how the birth went between the cue and its date: "born 3 weeks early in Jan 2019", "born
  prematurely on 3 May 2020", "born at 28 weeks on 9 June 2018", "born by c-section in 1987";
- a birthday's day and month without a year after a place ("born at Southmead on 2nd February
  at 03:40"), which a maternity story gives for the baby;
- the month written small with a bare two-digit year ("born in april 52", "born in Sept 61"),
  and a season of a year ("born in the summer of 1950", "born in the late autumn of '47");
- another verb of birth: "the baby arrived on 7 March 2021", "our twins came on 1 May 2019",
  "she came into the world on 4 June 2020", "I had my son Oisin at the Royal in Belfast on 18
  December", "gave birth to our daughter on 3 May 2021";
- a date set beside "a ... baby" ("a Leap Year baby, 29 Feb 1964", "a war baby (1942)").

An event's date stays an event's: "we arrived on 7 March 2021" has no baby, "my son arrived
on 3 May to stay" no birth word and no early or late, "I had my son at the clinic on 3 May
for his jabs" a lower-case place and a reason after it, "born in Leeds, moved here in 1960" a
comma before the year (the older rules), "born in May 12 weeks early" a unit after the figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.dates_and_ages.birth_dates import DAY, FULL_DATE, MONTH, PLACE_WORDS, YEAR

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable

# How a birth went, between its verb and its date.
_HOW = (
    r"(?:(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[ \t]+"
    r"(?:weeks?|days?|months?)[ \t]+(?:early|late|premature(?:ly)?|prem|overdue)"
    r"|(?:very[ \t]+)?(?:early|late|prematurely|premature|prem|overdue|naturally|safely)"
    r"|at[ \t]+(?:\d{1,2}|twenty[\w-]*|thirty[\w-]*)[ \t]+weeks?(?:[ \t]+(?:gestation|pregnant))?"
    r"|by[ \t]+(?:emergency[ \t]+|planned[ \t]+)?(?:c-?section|caesarean(?:[ \t]+section)?|"
    r"section|forceps|ventouse)"
    r"|at[ \t]+home)"
)
# A figure is a year, not a count, only when no unit follows it.
_NO_UNIT = (
    r"(?![\w/]|[ \t]*(?:weeks?|days?|hours?|months?|mins?|minutes?|years?|yrs?|lbs?|kg|g|oz|%)\b)"
)
# The date a telling gives: a whole date, a day and month, a month and a year (the year of two
# figures too, "april 52"), a season of a year, or a year.
_SEASON = (
    r"(?:(?:early|late|mid)[ \t-]+)?(?:spring|summer|autumn|fall|winter)[ \t]+(?:of[ \t]+)?"
    r"(?:(?:19|20)\d{2}|['’]\d{2})"
)
_TOLD_DATE = (
    rf"(?:{FULL_DATE}|{DAY}(?:[ \t]+of)?[ \t]+{MONTH}(?:,?[ \t]+{YEAR})?"
    rf"|{MONTH},?[ \t]+(?:{YEAR}|\d{{2}})|{_SEASON}|(?:19|20)\d{{2}}|['’]\d{{2}})"
)

# "born 3 weeks early in Jan 2019", "born at Southmead on 2nd February", "born in april 52",
# "born in the summer of 1950": what the older cue rules did not reach.
BORN_TOLD = gated(
    re.compile(
        rf"\b(?i:born)(?:[ \t]+{_HOW})?(?:[ \t]+(?i:in|at)[ \t]+{PLACE_WORDS})?(?:[ \t]+{_HOW})?"
        rf"[ \t]+(?i:in|on|during)[ \t]+(?:(?i:the)[ \t]+)?(?P<date>(?i:{_TOLD_DATE})){_NO_UNIT}"
    )
)
_BABY = (
    r"(?:baby|babies|twins|triplets|little[ \t]+(?:one|boy|girl|lad|lass)|newborn|"
    r"(?:baby[ \t]+)?(?:son|daughter|boy|girl|grandson|granddaughter))"
)
_NAME = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?"
# "the baby arrived on 7 March 2021", "our son came 6 weeks early on 3 May", "she came into the
# world on 4 June 2020": a baby word and a verb of birth, or a son or daughter whose arrival
# was early or late ("was delivered" alone is also said of parcels).
ARRIVED = gated(
    re.compile(
        rf"\b(?i:(?:the|our|my|her|his|their)[ \t]+(?:(?:first|second|third|fourth|new|"
        rf"youngest|eldest)[ \t]+)?(?:baby|babies|twins|triplets|little[ \t]+one|newborn))"
        rf"(?:[ \t]+{_NAME})?[ \t]+(?i:arrived|came|was[ \t]+delivered|were[ \t]+delivered|"
        rf"entered[ \t]+the[ \t]+world|came[ \t]+into[ \t]+the[ \t]+world)(?:[ \t]+{_HOW})?"
        rf"[ \t]+(?i:on|in)[ \t]+(?:(?i:the)[ \t]+)?(?P<date>(?i:{_TOLD_DATE})){_NO_UNIT}"
        rf"|\b(?i:(?:the|our|my|her|his|their)[ \t]+{_BABY})(?:[ \t]+{_NAME})?[ \t]+"
        rf"(?i:arrived|came|was[ \t]+delivered)[ \t]+(?i:{_HOW})"
        rf"[ \t]+(?i:on|in)[ \t]+(?:(?i:the)[ \t]+)?(?P<late>(?i:{_TOLD_DATE})){_NO_UNIT}"
        rf"|\b(?i:came[ \t]+into[ \t]+the[ \t]+world)"
        rf"(?:[ \t]+{_HOW})?[ \t]+(?i:on|in)[ \t]+(?:(?i:the)[ \t]+)?"
        rf"(?P<world>(?i:{FULL_DATE}|{DAY}(?:[ \t]+of)?[ \t]+{MONTH})){_NO_UNIT}"
    )
)
# "I had my son Oisin at the Royal in Belfast on 18 December", "gave birth to our daughter on 3
# May 2021", "she gave birth at Ninewells on 2 June": a birth given or had, its place in
# capitals; a reason after the date ("for his jabs") makes it a visit.
HAD = gated(
    re.compile(
        rf"\b(?:(?i:gave[ \t]+birth|given[ \t]+birth|giving[ \t]+birth)(?:[ \t]+(?i:to)[ \t]+"
        rf"(?i:(?:my|our|her|their|a|the)[ \t]+(?:(?:first|second|third|fourth|beautiful|"
        rf"little)[ \t]+)?{_BABY}))?"
        rf"|(?i:had|delivered)[ \t]+(?i:(?:my|our|her|their)[ \t]+(?:(?:first|second|third|"
        rf"fourth|youngest|eldest)[ \t]+)?{_BABY}))"
        rf"(?:,?[ \t]+{_NAME},?)?(?:[ \t]+(?:(?i:in|at)[ \t]+{PLACE_WORDS}|{_HOW})){{0,3}}"
        rf"[ \t]+(?i:on|in)[ \t]+(?:(?i:the)[ \t]+)?(?P<date>(?i:{_TOLD_DATE})){_NO_UNIT}"
        rf"(?![ \t]*,?[ \t]*(?i:for|to[ \t]+(?:see|get|have)|with)\b)"
    )
)
# "a Leap Year baby, 29 Feb 1964", "a war baby (1942)", "a Christmas baby – 25 Dec 1950".
BABY_BESIDE = gated(
    re.compile(
        rf"\b(?i:a|an)[ \t]+(?:[\w'’-]+[ \t]+){{1,2}}(?i:baby|babe)(?:[ \t]*[,–—-][ \t]*"
        rf"(?P<date>(?i:{FULL_DATE}|{MONTH},?[ \t]+(?:19|20)\d{{2}}))"
        rf"|[ \t]*\([ \t]*(?:(?i:born|b\.?)[ \t]*(?:(?i:on|in)[ \t]+)?)?"
        rf"(?P<year>(?i:{FULL_DATE}|{MONTH},?[ \t]+(?:19|20)\d{{2}})|(?:19|20)\d{{2}}))(?![\w/])"
    )
)


_GROUPS = ("date", "late", "world", "year")


def birth_tellings(text: str) -> Iterator[Finding]:
    """Dates of birth told with the words of a story (see the module's docstring)."""
    for pattern, group in (
        (BORN_TOLD, "date"),
        (ARRIVED, None),
        (HAD, "date"),
        (BABY_BESIDE, None),
    ):
        for m in pattern.finditer(text):
            name = group or next(g for g in _GROUPS if g in m.re.groupindex and m.group(g))
            end = m.end(name) - (text[m.end(name) - 1] == ".")  # "on 18 December." ends a sentence
            yield Finding(m.start(name), end, "DATE_OF_BIRTH", 0.85, "birth_telling")
