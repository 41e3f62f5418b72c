"""An age given as "at" and a number that ends its clause (issue 20, round 41).

"home alone in a taxi at 93", "back living with my mum at 28.", "a move to another home at 97
or 98", "at 77!": the number after "at" is the person's age when nothing follows it but the
clause's end. The cued rules take "diagnosed at 58" and "died at 44"; round 41 pooled every
development set's misses and found this uncued shape in four sets by different writers. In
every set a number of twenty or more after "at" that ends its clause is marked as an age,
where the smaller ones are times ("seen at 11.", "the form shuts at 10.") and a number with
more after it is a time, a measure or an address ("at 11.40pm", "at 45 mph", "at 93 Hill
Road").

Look-alikes that must stay: a time (below twenty, or with its minutes or am/pm), a reading or
a measure before it ("sats at 88.", "blood pressure at 90,", "sugar at 25!", "score at 30"),
an address's number ("lives at 42.", "number at 53;"), money or a percentage, and the
service lines 101 and 111 ("the lovely person at 111,").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import NUMBER, as_int
from nlp.identifiers.core.prefilter import gated

AT_AGE = gated(
    re.compile(
        r"(?<![\w'’£$-])(?i:at)[ \t]+(?P<age>[2-9]\d|10[02-9]|110)"
        r"(?=[ \t]*(?:[!?,;)]|\.(?!\d)|$)|[ \t]+or[ \t]+(?:[2-9]\d|10\d|110)\b)"
    )
)
OR_AGE = re.compile(r"[ \t]+or[ \t]+(?P<age>[2-9]\d|1[01]\d)(?![\w.:%])")
# A reading or a measure shortly before "at": "her sats were at 88."
NOT_AN_AGE = re.compile(
    r"\b(?i:sats?|saturations?|oxygen|o2|bp|pressure|temp|temperature|pulse|heart\s+rate|"
    r"rate|sugars?|glucose|bms|score|scores|level|levels|reading|readings|weight|weighs|"
    r"kg|stone|speed|mph|price|cost|costs|percent|per\s+cent|degrees|count|hb|inr|egfr|"
    r"potassium|sodium|crp|bmi|peak\s+flow|o['’]?clock)\b"
)
# A place's number or a time's word right before "at": "she lives at 42.", "opens at 30."
WORD_BEFORE = re.compile(
    r"\b(?i:lives|live|living|lived|number|no|flat|house|bus|route|junction|exit|page|gate|"
    r"platform|stop|ward|room|bed|bay|table|pitch|started|starts|opens|closes|shuts|"
    r"booked|appointment|tonight|morning|evening|afternoon|night|is|was|were)[ \t]+$"
)
NEAR_BEFORE = 35
# Round 61 (retired sets v18, v48, v49, v50, v72 and others: 60 ages in words missed over 21
# development sets): an age in words of thirteen or more after "at", "since" or "of", as people
# tell when something happened ("the move to adult care at seventeen", "a week in bed at
# eighty-four", "deaf since forty", "a retired farmer of eighty"). Past a clock's hours such a
# number is an age, unless a time's, a measure's or a count's word follows ("at seventeen
# hundred", "at twenty past", "at forty miles an hour", "since fifteen years", "of forty
# people") or another number does (a year: "since nineteen ninety").
WORDED_AT_AGE = gated(
    re.compile(
        r"(?<![\w'’-])(?P<cue>(?i:at|since|of))[ \t]+"
        r"(?:(?i:about|around|nearly|almost|just|only|barely)[ \t]+)?"
        rf"(?P<age>(?i:{NUMBER}))(?![\w'’-])"
    )
)
NOT_AFTER_WORDED = re.compile(
    r"[ \t]*(?:[-–/:]|\d)|[ \t]+(?i:hundred|thousand|million|past|to|till|until|minutes?|mins?|"
    r"hours?|hrs?|seconds?|secs?|miles?|mph|pounds?|quid|pence|p|percent|per|degrees|"
    r"o['’]?clock|[ap]\.?m|weeks?|days?|nights?|months?|years?(?![ \t]+old)|yrs?|times|of|"
    r"people|patients|staff|us|them|beds|calls|visits|pills|tablets|grand|k|stone|kg|lbs?|"
    rf"percent|or|and[ \t]+(?:a[ \t]+)?half[ \t]+(?:hours?|past)|{NUMBER})\b"
)


def clause_end_ages(text: str) -> Iterator[Finding]:
    """ "on her own at 93", "at 97 or 98", "at eighty-four" (see the module's docstring)."""
    yield from _worded_ages(text)
    for m in AT_AGE.finditer(text):
        if NOT_AN_AGE.search(text, max(0, m.start() - NEAR_BEFORE), m.start()):
            continue
        if WORD_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if text[m.end("age") : m.end("age") + 1] == "%":
            continue
        yield Finding(m.start("age"), m.end("age"), "AGE", 0.7, "clause_end_age")
        other = OR_AGE.match(text, m.end("age"))
        if other is not None:
            yield Finding(other.start("age"), other.end("age"), "AGE", 0.7, "clause_end_age")


def _worded_ages(text: str) -> Iterator[Finding]:
    """ "at seventeen", "since forty", "a farmer of eighty" (round 61)."""
    for m in WORDED_AT_AGE.finditer(text):
        value = as_int(m.group("age"))
        if value is None or not 13 <= value <= 115 or NOT_AFTER_WORDED.match(text, m.end()):
            continue
        if m.group("cue").lower() == "of" and not _of_a_person(text, m.start()):
            continue
        if NOT_AN_AGE.search(text, max(0, m.start() - NEAR_BEFORE), m.start()):
            continue
        if TIME_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        yield Finding(m.start("age"), m.end("age"), "AGE", 0.7, "clause_end_age")


# A time's word before a number in words: "booked for tonight at twenty", "starts at thirteen".
TIME_BEFORE = re.compile(
    r"\b(?i:lives|live|living|lived|number|started|starts|opens|closes|shuts|booked|"
    r"appointment|tonight|morning|evening|afternoon|night|train|bus|flight)[ \t]+$"
)


# "a retired farmer of eighty", "a woman of ninety-two", "a lad of seventeen": "of" an age only
# after a person.
PERSON_BEFORE_OF = re.compile(
    r"\b(?i:man|woman|lady|gentleman|lad|lass|girl|boy|farmer|widow|widower|person|patient|"
    r"mother|father|mum|dad|wife|husband|child|son|daughter|someone|somebody|people|couple|"
    r"grandmother|grandfather|granny|grandad|nan|pensioner)[ \t]+$"
)


def _of_a_person(text: str, start: int) -> bool:
    return PERSON_BEFORE_OF.search(text, max(0, start - 25), start) is not None
