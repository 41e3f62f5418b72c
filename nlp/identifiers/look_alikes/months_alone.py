"""A month written alone, with no day or year beside it, is no person either (issue 20,
forty-ninth round; taken for a person in five writers' sets, v20, v23, v27, v33 and v46's
notes, never marked).

Round 26's `date_months.py` clears a month with a day number or a year beside it, or after a
word that takes a time ("in", "since", "until"). Notes and diaries also name a month alone in
three other ways, and "Jan", "May" and "June" are given names, so the capitals rule and the NER
took it for a person:

- after a word that plans something for a time: "second baby due Mar", "the hip operation is
  pencilled in for June" (where a person would be thanked or sent something, "a card for Jan",
  no plan stands before);
- in brackets after a numbered entry, as a log dates its items: "Review 2 (May):", "Stay 4
  (June):";
- as the heading of a diary kept by month: "Jan: first assessment done ... Feb: equipment
  delivered", where two lines or more open on a month and a colon. One such line alone ("Jan:
  can you ring me?") is left to the name rules, as round 26 left it.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

MONTHS_WRITTEN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
PLANNED_FOR = re.compile(
    r"\b(?:due|(?:booked|planned|scheduled|pencilled[ \t]+in|penciled[ \t]+in|postponed|"
    r"put[ \t]+back|deferred|rebooked|moved)[ \t]+(?:for|to|till|until))[ \t]+$",
    re.IGNORECASE,
)
# "Admission 2 (", "Visit 3 (": a numbered entry, then the month in brackets.
NUMBERED_ENTRY = re.compile(r"\b[A-Za-z]+[ \t]+\d{1,2}[ \t]*\($")
MONTH_HEADING = re.compile(rf"(?:^|(?<=\n))[ \t]*(?P<month>{MONTHS_WRITTEN})[ \t]*:", re.MULTILINE)


def month_alone(text: str, f: Finding) -> bool:
    """Whether `f`, a month's word, names a month planned for, dating a numbered entry in
    brackets, or heading a diary kept by month."""
    before = text[max(0, f.start - 24) : f.start]
    if PLANNED_FOR.search(before):
        return True
    if text[f.end : f.end + 1] == ")" and NUMBERED_ENTRY.search(before):
        return True
    if not text[f.end : f.end + 3].lstrip(" \t").startswith(":"):
        return False
    headings = list(MONTH_HEADING.finditer(text))
    months = {m.group("month").rstrip(".").lower()[:3] for m in headings}
    return len(months) >= 2 and any(m.start("month") == f.start for m in headings)
