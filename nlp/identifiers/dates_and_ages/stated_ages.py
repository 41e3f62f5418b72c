"""Ages said of a person without "aged" or "age" (issue 20, twentieth round).

A story names someone and then says how old they are as a plain clause: "Her youngest, Tomasz,
is 14 months", "mum to Efa who is nearly 2", or gives an age at a turning point of a life:
"took ill-health retirement at 38", "widowed at 41". The number alone is left unflagged by
the age rules, which want a cue word ("aged", "age", "years old").

Look-alikes stay unflagged: a clause about a named person measuring something else ("Sarah
is 38 weeks pregnant", "Tom was 10 minutes late") - a bare number needs the clause to end
after it, and a unit must be one of a life's (months, years, weeks old) with no "pregnant"
or "late" after it; and "at" with a time or a measure ("at 38 weeks", "at 10 o'clock",
"at 10am", "at 50 Church Lane") and a possessive ("Leo's 2 year review": the review's name,
not "is") - an age after a life event is a bare number from 13 up, or
carries "years old" / "months old".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import NUMBER, as_int
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.dates_and_ages.ages import AGE_UNIT_AFTER, N

# "<name>, is 14 months", "<name> who is nearly 2", "<name> was 19 when ...".
STATED_AGE = re.compile(
    r"[ \t]*,?[ \t]*(?:who[ \t]+)?(?:is|was|turned|turns)[ \t]+"
    r"(?:(?:now|only|just|nearly|almost|about|barely|already)[ \t]+)?"
    r"(?P<n>\d{1,3})(?!\d|[:.,]\d)"
    r"(?:(?P<unit>[ \t]*(?:months?|years?|yrs?|weeks?)\b(?:[ \t]+old\b)?)"
    r"(?![ \t]+(?:pregnant|gone|late|behind|overdue|post|into|sober|clean|early|ago|on|of))"
    r"|(?=[ \t]*(?:[.!?;)]|,[ \t]|[—–]|[ \t]-[ \t]|\n|$|[ \t]+(?:and|but|now|when|so)\b)))"
)
# Round 42 (three sets by different writers): the age in words after a found name, the verb
# written out or as "'s": "Millie is eight.", "Martin's eight, Bridgie's five", "Finley was six
# then". Only where the clause ends after the number (or goes on with "then", "now",
# "today"): "Millie is one of the twins", "Martin's eight o'clock bus" stay.
WORDED_AGE = re.compile(
    r"(?:['’]s|[ \t]*,?[ \t]*(?:who[ \t]+)?(?:is|was|turned|turns))[ \t]+"
    r"(?:(?:now|only|just|nearly|almost|barely)[ \t]+)?"
    rf"(?P<n>(?i:{NUMBER})(?:-(?i:one|two|three|four|five|six|seven|eight|nine))?)"
    r"(?=[ \t]*(?:[.!?;),]|[—–]|\n|$)|[ \t]+(?:then|now|today|and|but|when)\b)"
)
# An age at a turning point of a life, in one rule (twenty-eighth round: the twenty-sixth
# round's AGE_AT_AN_EVENT in ages.py and this module's EVENT_AGE found the same kind with two
# word lists and two scores, and are merged here). A word of the event comes first in the
# clause, then "at <age>", in figures or in words, within 40 characters: "took ill-health
# retirement at 38", "widowed at 41", "diagnosed with Parkinson's at fifty-two", "went down the
# pit at fifteen." The events of a life alone (LIFE_EVENT) may be followed by anything but a
# time or a measure; words that also tell of the day's doings (TURN: "went", "left", "moved",
# "started", "lost") need the clause to end or go on with a joining word after the age
# ("went at 3" is a time, "moved at 16 Castle Street" an address).
LIFE_EVENT = (
    r"retire(?:d|ment)|diagnos(?:ed|is)|widowed|died|passed[ \t]+away|married|divorced|"
    r"made[ \t]+redundant|left[ \t]+(?:school|home)|(?:had|suffered)[ \t]+(?:a|her|his|my)[ \t]+"
    r"(?:first[ \t]+)?(?:stroke|heart[ \t]+attack|baby|child)|became[ \t]+a[ \t]+"
    r"(?:mum|mother|dad|father|widow|widower|carer|grandmother|grandfather)|"
    r"emigrated|came[ \t]+(?:here|over|to[ \t]+the[ \t]+uk)|adopted|fostered|transitioned|"
    r"started[ \t]+(?:school|work|dialysis|chemo)"
)
TURN = (
    r"left|leaving|started|moved|joined|referred|went|began|lost|became|excluded|expelled|"
    # Round 61 (v73, and v50's "came out to my family"): coming out is a turning point of a
    # life; "came out" also ends a clinic or a result, so it needs the clause to end after.
    r"sectioned|came[ \t]+out"
)
EVENT_AGE = re.compile(
    rf"(?i)\b(?:(?P<event>{LIFE_EVENT})|(?P<turn>{TURN}))\b[^.!?\n]{{0,40}}?\bat[ \t]+"
    r"(?:the[ \t]+age[ \t]+of[ \t]+)?(?:(?:just|only|nearly|almost)[ \t]+)?"
    rf"{N}(?![\w£$-]|[.,:/]\d)"
    rf"(?:(?P<unit>[ \t]+(?:years?|months?)[ \t]+old)|{AGE_UNIT_AFTER})"
)
# Its hand-written gate (`prefilter.gated`'s `behind`): "at" and the age, where the words for
# events it opens with ("died", "moved", "started") are in most stories.
AT_AN_AGE = re.compile(
    r"\bat[ \t]+(?:the[ \t]+age[ \t]+of[ \t]+)?(?:(?:just|only|nearly|almost)[ \t]+)?"
    rf"{N}(?![\w£$-]|[.,:/]\d)",
    re.I,
)
EVENT_AGE = gated(EVENT_AGE, behind=AT_AN_AGE)  # run over whole texts: see prefilter.py
# After a TURN's age: the clause ends, or goes on with a joining word.
CLAUSE_GOES_ON = re.compile(
    r"(?=[ \t]*(?:[.!?,;)]|$)|[ \t]+(?:when|and|but|by|because|after|before|so|with|from|in)\b)",
    re.I | re.M,
)
# After the number: a time, a measure or a place's number, never an age.
NOT_AN_AGE_AFTER = re.compile(
    r"[ \t]*(?i:weeks?|months?|days?|hours?|hrs?|mins?|minutes?|seconds?|o['’]?clock|"
    r"[ap]\.?m\b|st\b|nd\b|rd\b|th\b|%|mg|ml|kg|stone|lbs?|miles?|percent|per\b)"
    r"|[ \t]+[A-Z]"
)


# Round 62 (development sets v19, v34, v67, v74 and others, five writers: notes that give a
# person's age straight after the name, with no word between): "re husb Terry 74 cb no ...",
# "him: ravi bains 52 Client: ...", "Fox 70 H&C no ...", "ethel barraclough 93 seen at home".
# After a found name, a bare number of 16 to 110, then a note's next word in lower case or a
# form's next field, is the person's age; not a house number before its street ("Mary 74
# Church Street", "pat 12 mill lane"), a count before its noun ("Jones 20 mins late") or a
# range ("Smith 40 to 50").
NOTE_AGE = re.compile(
    r"[ \t]{1,3}(?P<n>1[6-9]|[2-9]\d|10\d|110)[ \t]{1,3}"
    r"(?:(?P<low>[a-z][a-z'’]*)\b|(?:[A-Z][A-Za-z&]*[ \t]*:|H&C|CHI|NHS|DOB|D\.O\.B)(?![\w&]))"
)
NOT_AFTER_NOTE_AGE = frozenset(
    """road rd street st lane ln avenue ave close drive dr way crescent cres gardens place pl
    court ct terrace walk hill grove park row square sq mews view green rise vale wynd brae
    years year yrs yr y yo weeks week wks months month mths days day mins minutes hours hrs
    times x mg mcg ml kg g miles mph percent pounds quid p pence of to or and till until
    tablets people patients sessions visits calls beds bed ward room flat in on at for with
    by""".split()
)


def stated_ages(text: str, findings: Iterable[Finding]) -> Iterator[Finding]:
    """The number in "<found name>, is 14 months", "<found name> who is nearly 2" and a
    note's "<found name> 74 cb no ..." (round 62)."""
    for f in findings:
        if f.label != "PERSON":
            continue
        m = NOTE_AGE.match(text, f.end)
        if m and (m.group("low") or "") not in NOT_AFTER_NOTE_AGE:
            yield Finding(m.start("n"), m.end("n"), "AGE", 0.7, "stated_age")
            continue
        m = STATED_AGE.match(text, f.end)
        if m and 0 < int(m.group("n")) <= 115:
            yield Finding(m.start("n"), m.end("n"), "AGE", 0.75, "stated_age")
            continue
        m = WORDED_AGE.match(text, f.end)
        if m and 1 < (as_int(m.group("n")) or 0) <= 115:
            yield Finding(m.start("n"), m.end("n"), "AGE", 0.75, "stated_age")


def life_event_ages(text: str) -> Iterator[Finding]:
    """The number in "ill-health retirement at 38", "widowed at 41", "went down the pit at
    fifteen." (13 or more, past a clock's hours, unless "years old" or "months old" follows)."""
    for m in EVENT_AGE.finditer(text):
        n = as_int(m.group("n"))
        if n is None or n > 115 or (n < 13 and not m.group("unit")):
            continue
        if m.group("turn"):
            if not CLAUSE_GOES_ON.match(text, m.end("n")):
                continue
        elif not m.group("unit") and NOT_AN_AGE_AFTER.match(text, m.end("n")):
            continue
        yield Finding(m.start("n"), m.end("n"), "AGE", 0.85, "event_age")


# Round 40: an age doubted or corrected right after it ("aged 61 or 62", "He's 74 not 84 like
# the board says", "82, not 85 as the letter has it"): the other number is the same person's
# age as a guess or a record gives it. After "or", a bare number; after "not", "instead of"
# or "rather than", only where a record is named just after ("says", "the form", "the
# board"): "I'm 17 not 12" says how someone was treated, not an age anyone recorded. No unit
# of time or measure after it ("74, not 10 minutes" stays).
RECORD_AFTER = re.compile(
    r"[^.!?\n]{0,30}?\b(?:says|said|say|written|recorded|claims?|states?|put|has\s+(?:it|him|her)|"
    r"form|letter|record|records|notes|board|whiteboard|file|system|chart|passport|paperwork)\b",
    re.I,
)
CORRECTED_AGE = re.compile(
    r"[ \t]*,?[ \t]*\(?(?:(?P<or>or|or[ \t]+maybe)|not|instead[ \t]+of|rather[ \t]+than)[ \t]+"
    r"(?P<n>\d{1,3})(?![\d:.,/]\d|[ \t]*(?:%|[ap]\.?m\b|times\b|x\b|years?\s+ago\b))"
)


def corrected_ages(text: str, findings: Iterable[Finding]) -> Iterator[Finding]:
    """The other number in "74 not 84", "82, or 83" after a found age (see above)."""
    for f in findings:
        if f.label != "AGE":
            continue
        m = CORRECTED_AGE.match(text, f.end)
        if not m or not 0 < int(m.group("n")) <= 115:
            continue
        if NOT_AN_AGE_AFTER.match(text, m.end("n")):
            continue
        if not m.group("or") and not RECORD_AFTER.match(text, m.end("n")):
            continue
        yield Finding(m.start("n"), m.end("n"), "AGE", 0.75, "stated_age")
