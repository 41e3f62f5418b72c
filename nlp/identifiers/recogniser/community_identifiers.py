"""Round 37's recognisers of identifiers from every community (issue 20), for the recogniser's
list in one call: dates of birth in other languages and calendars after a birth cue
(`community_dates`), phones with another country's code (`community_phones`), towns abroad
(`abroad_towns`), names of Chinese and Vietnamese shape, English-word given names and names in
lower-case texts (`community_names`), and a small island named as a home ("Isle of Bute")."""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.dates_and_ages.community_dates import community_birth_dates
from nlp.identifiers.numbers.community_phones import foreign_phones
from nlp.identifiers.people.community_names import community_names
from nlp.identifiers.people.names_in_other_scripts import names_in_other_scripts
from nlp.identifiers.places.abroad_towns import abroad_towns, letter_runs

# "Isle of Lewis", "Isle of Bute": an island people live on. The Isle of Man (a crown
# dependency) and the Isle of Wight (a county) are not towns, like countries and counties.
ISLE = re.compile(r"\bIsle[ \t]+of[ \t]+(?!Man\b|Wight\b)[A-Z][a-z]+")
# A church's hall named by its saint ("St Aidan's parish hall", "St Mary's Church Hall"),
# where community groups meet: a place, like the church itself.
CHURCH_HALL = re.compile(
    r"\bSt\.?[ \t]+[A-Z][a-z]+(?:['’]s)?[ \t]+(?:[Pp]arish|[Cc]hurch)[ \t]+[Hh]all\b"
)
# A care setting named as a health and care hub ("Riverside Health and Care Hub").
CARE_HUB = re.compile(
    r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+Health[ \t]+(?:and|&)[ \t]+"
    r"(?:Social[ \t]+)?(?:Care|Wellbeing)[ \t]+(?:Hub|Centre)\b"
)


def community_findings(text: str) -> list[Finding]:
    words = letter_runs(text)
    found = [
        *community_birth_dates(text),
        *foreign_phones(text),
        *abroad_towns(text, words),
        *community_names(text, words),
        *names_in_other_scripts(text),  # "آقای رضا محمدی" (round 40)
    ]
    if "Isle" in text:
        found += [Finding(m.start(), m.end(), "LOCATION", 0.8, "isle") for m in ISLE.finditer(text)]
    if "all" in text:
        found += [
            Finding(*m.span(), "LOCATION", 0.8, "church_hall") for m in CHURCH_HALL.finditer(text)
        ]
    if " Health " in text:
        found += [
            Finding(*m.span(), "CARE_SETTING", 0.8, "care_hub") for m in CARE_HUB.finditer(text)
        ]
    return found
