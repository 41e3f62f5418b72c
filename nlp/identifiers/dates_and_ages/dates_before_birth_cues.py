"""A whole date said first and named a date of birth after it (twenty-second session).

The birth cues of `birth_dates` read a date after "born" or "DOB". People also give the date
first and say what it is afterwards: "12/03/1941 is her date of birth", "1 August 1954 was
Dad's DOB", "2 May 1950 (date of birth)". The context probes
(benchmarks/anonymisation_probes.py) found none of these at a sentence's start. Taken: a whole
date (day, month and year, the year in two figures too, or ISO) followed by "is" or "was" and,
at most, whose it is, then the birth words; or by the birth words in brackets. An event's date
stays an event's: "on 3 May 2021 her date of birth was checked" has no "is" or "was" joining
them, and "3 May 2021 was her birthday" names a birthday, not a birth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.dates_and_ages.birth_dates import BIRTH_WORD, DAY, FULL_DATE, MONTH

_ISO = r"(?:19|20)\d{2}-[01]?\d-[0-3]?\d"
_SHORT_YEAR = rf"{DAY}[ \t/.-]+{MONTH}(?:,?[ \t]+|[/.-])['’]?\d{{2}}"  # "5 Jul 36", "3-Mar-41"
_WHOSE = r"(?:(?:my|his|her|their|your|our|the[ \t]+patient['’]s|[A-Za-z]+['’]s)[ \t]+)?"
_BIRTH_WORDS = rf"(?:date[ \t]+of[ \t]+{BIRTH_WORD}|d\.?o\.?b\b\.?|birth[ \t]*date)"
DATE_BEFORE_CUE = re.compile(
    rf"(?<![\w/.-])(?P<date>{FULL_DATE}|{_ISO}|{_SHORT_YEAR})"
    rf"(?:[ \t]+(?:is|was)[ \t]+{_WHOSE}|[ \t]*\([ \t]*){_BIRTH_WORDS}",
    re.IGNORECASE,
)


def dates_before_birth_cues(text: str) -> Iterator[Finding]:
    """Whole dates named a date of birth by the words after them (see the docstring)."""
    lowered = text.lower()
    if "birth" not in lowered and "dob" not in lowered and "d.o.b" not in lowered:
        return
    for m in DATE_BEFORE_CUE.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.9, "dob_cue")
