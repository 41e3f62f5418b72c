"""A date of birth written straight after a person's name in a record's row (issue 20,
thirtieth round).

Registers, exports and complaint logs put a person's birth date beside their name with no
label: "Ndlovu, Themba 30/12/1947" in a cell, "MCLEAN, Ishbel<tab>06/12/1958" in an export,
"Seonag MacLeod, 3.7.1951 – 14.1.2025" under a notice. Four writers' sets mark that date as a
date of birth (v20, v26, v29, v32), and the birth-date rules miss it for want of a cue. Here a
whole date with a four-figure year directly after a found person, parted from the name only by
spaces, a tab, a comma, a dash or one bar, is a date of birth when:

- its year is 1900 to 2012: a person's birth, not the day a complaint was logged ("Seen by
  Jane Smith 12/03/2024" is an event and stays);
- no time or "at" follows it ("Jane Smith 12/03/2004 at 10:15" is a visit). A life's dates
  ("3.7.1951 – 14.1.2025") give the birth date first, and only that one is taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from nlp.identifiers.core.findings import Finding

MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# Round 47 (three sets by different writers): a row's date may follow the person's NHS number
# ("Client: Emlyn Hughes, NHS 9991234519, 03/02/1941."), end a sentence with its full stop, go
# over to the next line after the comma (an e-mail's wrapping), give the year in two figures
# ("Mr D Okafor 3/9/58"; from 30 up only, so this year's "12/6/24" is an event; since round 55
# also "00" to "12", the births of this century up to LAST_BIRTH_YEAR), or put the
# month first ("Ruth Allen, Jun 12th 1949").
# Round 76 (v10, v56, v60, v64, v103): the date in brackets after the name ("marcia campbell
# (23/6/51)", "Bronwen Hargreaves (1929-11-23)"), in the ISO order of an export ("Agnieszka
# Goldberg, 1928-10-19"), or with spaces for its strokes ("IRENE WALSH 12 4 1945").
# Round 87 (v113, v116, v122, v124): the fields of a list's line parted by a semicolon, a
# slash or a full stop ("Abena Murray; 15 August 1971; 999 426 0375", "Renée Kaminska / 999 735
# 4494 / 24th Apr 1995", "Gurdeep Singh Bhamra. 14/04/1957. 999-376-4574").
DATE_AFTER_NAME = re.compile(
    r"[ \t]*(?:[,\t|–—(;/.-][ \t]*\n?[ \t]*)?"
    r"(?P<date>(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?P<y1>(?:19|20)\d\d)"
    r"|(?P<y5>(?:19|20)\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])[ ](?:0?[1-9]|1[0-2])[ ](?P<y6>(?:19|20)\d\d)"
    rf"|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \t]+{MONTH_WORD}[ \t]+(?P<y2>(?:19|20)\d\d)"
    r"|(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?P<y3>[3-9]\d|0\d|1[0-2])"
    rf"|{MONTH_WORD}[ \t]+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?[ \t]+(?P<y4>(?:19|20)\d\d))"
    r"(?![\w/:-]|\.\S|[ \t]*(?:at\b|@|\d{1,2}[:.]\d\d))",
    re.IGNORECASE,
)
LAST_BIRTH_YEAR = 2012
# Round 90: a child's birth date is recent, and two ways of giving it say it is one whatever
# its year: the date in brackets straight after the name ("Jacob Ellis (30/06/2015)", "my son
# Ibrahim (02/02/2021)"; seven writers' sets mark eight such dates, and the two left unmarked
# follow a ward, not a person), and a word for a child before the name ("Child Tyrone
# Sutcliffe, 08/03/2021", "your daughter Zuzanna (14.02.2017)"; four sets, none unmarked).
CHILD_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:child|baby|infant|son|daughter|grandson|granddaughter)[ \t]*:?[ \t]+$"
)
# A title or an action's "by" before the name makes the date in brackets an event's ("Reviewed
# by Dr Imran Shah (12/03/2025)", "seen by Nurse Jo Bell (3/4/2024)"): a child has neither.
ACTOR_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:by|dr|mr|mrs|ms|miss|mx|nurse|sister|prof|professor|doctor|cllr)\.?[ \t]+$"
)


def birth_dates_after_names(text: str, findings: Iterable[Finding]) -> Iterator[Finding]:
    """ "HUGHES, Joyce 12/04/1938": the date right after a found person is their birth date."""
    findings = list(findings)
    # The model's age inside the date ("(1931-04-17)" read as 17) is no finding to keep it out.
    taken = [(f.start, f.end) for f in findings if not (f.source == "ner" and f.label == "AGE")]
    people_ends = [f.end for f in findings if f.label == "PERSON"]
    for f in findings:
        if f.label != "PERSON" and not (
            _a_health_number(f) and _after_a_person(text, f.start, people_ends)
        ):
            continue
        m = DATE_AFTER_NAME.match(text, f.end)
        if not m:
            continue
        short = m.group("y3")
        if short:  # "3/9/58" in the last century, "13/3/00" (round 55) in this one
            year = (1900 if int(short) >= 30 else 2000) + int(short)
        else:
            year = int(
                m.group("y1") or m.group("y2") or m.group("y4") or m.group("y5") or m.group("y6")
            )
        if not 1900 <= year <= LAST_BIRTH_YEAR and not (
            year > LAST_BIRTH_YEAR and _a_childs_date(text, f, m)
        ):
            continue
        start, end = m.start("date"), m.end("date")
        if any(s < end and start < e for s, e in taken):
            continue
        yield Finding(start, end, "DATE_OF_BIRTH", 0.8, "date_after_name")


def _a_health_number(f: Finding) -> bool:
    """An NHS number, or a number in its grouping whose check digit failed (round 97)."""
    return f.label == "NHS_NUMBER" or f.source == "health_number_grouping"


def _after_a_person(text: str, start: int, people_ends: list[int]) -> bool:
    """A found person ends a few characters before `start`, on the same line."""
    return any(0 <= start - end <= 24 and "\n" not in text[end:start] for end in people_ends)


def _a_childs_date(text: str, person: Finding, m: re.Match[str]) -> bool:
    """A recent date told as a child's birth date: after a child's name with a word for a
    child before it, or in brackets after a name no title or "by" comes before."""
    if person.label != "PERSON":
        return False
    before = text[max(0, person.start - 16) : person.start]
    if CHILD_BEFORE.search(before):
        return True
    bracketed = "(" in text[m.start() : m.start("date")] and text.startswith(")", m.end("date"))
    return bracketed and not ACTOR_BEFORE.search(before)
