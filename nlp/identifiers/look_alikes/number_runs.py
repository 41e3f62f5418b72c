"""Numbers taken for ages in a run of numbers that are times or rooms (issue 20, round 42).

Two kinds of false age were shared by three or more writers' sets:

- a number in a run of three or more that is a day's times or a list of rooms: "tablets at 6,
  10, 2 and 6", "rounds at 8, 12, 4 and 10", "visits (7.30, 12, 5, 9)", "rooms 3, 7, 11 and
  14". A run of a family's ages ("children 11, 8 and 18 months", "3 kids (8, 5, 1)") has no
  "at", no clock time and no word of a place before it, and stays;
- the first age of a group's range: "young people aged 13-17", "(ages 16–21)": a band, not
  anyone's age. "age band 25–34" of one participant stays.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

_NUM = r"\d{1,2}(?:[.:]\d{2})?"
# A run of numbers joined by commas and a last "and"/"&" (or commas alone).
RUN = re.compile(
    rf"(?P<before>\b(?i:at|rooms?|beds?|bays?|wards?)[ \t]+)?"
    rf"(?P<run>{_NUM}(?:[ \t]*,[ \t]*{_NUM}){{1,}}(?:[ \t]*,?[ \t]+(?:and|&)[ \t]+{_NUM})?)"
)
CLOCK = re.compile(r"\d[.:]\d{2}")
GROUP_RANGE_BEFORE = re.compile(
    r"(?i:(?:people|persons|children|kids|adults|pupils|students|participants|members|"
    r"carers|girls|boys|teenagers|women|men)[ \t]+aged|\(ages?)[ \t]+$"
)
RANGE_AFTER = re.compile(r"[ \t]*[-–—][ \t]*\d{1,3}\b")
RANGE_BEFORE = re.compile(r"\d{1,3}[ \t]*[-–—][ \t]*$")


def _in_a_run(text: str, f: Finding) -> bool:
    """Whether the age sits in a run of times or rooms (looked for near the age only)."""
    lo = max(0, f.start - 40)
    window = text[lo : f.end + 40]
    for m in RUN.finditer(window):
        s, e = lo + m.start("run"), lo + m.end("run")
        if not (s <= f.start and f.end <= e):
            continue
        run = m.group("run")
        return len(re.findall(_NUM, run)) >= 3 and bool(m.group("before") or CLOCK.search(run))
    return False


def _group_range(text: str, f: Finding) -> bool:
    start = f.start
    if not RANGE_AFTER.match(text, f.end):
        first = RANGE_BEFORE.search(text, max(0, f.start - 8), f.start)
        if first is None:
            return False
        start = first.start()
    return GROUP_RANGE_BEFORE.search(text, max(0, start - 30), start) is not None


def without_number_runs(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without ages that are a run's times or rooms, or a group's range."""
    ages = [f for f in found if f.label == "AGE"]
    if not ages:
        return found
    drop = {id(f) for f in ages if _in_a_run(text, f) or _group_range(text, f)}
    return [f for f in found if id(f) not in drop] if drop else found
