"""Practices named kind first, or after a street whose first word is an everyday one (issue
20, round 65), and a town's service by its initials (round 66).

"Group Practice Stornoway" (three writers' sets: v55, v75, v80) names the practice by its kind
and then its town; the care rules read a name before its kind, so only the town was found.
"Well Street Surgery" (v71, four times) was found as "Street Surgery": the street's first word
is an everyday word, and the name stopped after it. A practice's kind words and a listed town
after them are one name, in the text's own case; a found care setting that opens with a
street's word takes the capitalised word before it.

Round 66 (v78, v82, v83: "Croydon CMHT", "Leeds GIC", "Eastbourne DGH"): a listed town before
the initials of a service that is a place of care (a district general hospital, a gender
identity clinic, a community mental health or crisis team's base, a minor injuries unit, an
urgent treatment or walk-in centre, a baby or neonatal unit, a midwife-led unit) is that
service's name; only the town was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.places_of_learning import listed_town

_WORD = r"[A-Za-z][A-Za-z'’-]+"
KIND_FIRST = gated(
    re.compile(
        r"(?<![\w'’-])(?P<kind>(?i:group|medical|family)[ \t]+(?i:practice)|"
        r"(?i:medical)[ \t]+(?i:group))[ \t]+"
        rf"(?P<first>{_WORD})(?:[ \t]+(?P<second>{_WORD}))?"
    )
)
TOWN_SERVICE = gated(
    re.compile(
        rf"(?<![\w'’-])(?P<town>{_WORD}(?:[ \t]+{_WORD})?)[ \t]+"
        r"(?:DGH|GIC|CMHT|CRHT|HTT|MIU|UTC|WIC|SCBU|NICU|MLU|EPU)(?![\w'’-])"
    )
)
STREET_FIRST = re.compile(r"(?:Street|Road|Lane|Avenue|Hill|Green|Row|Gate)\b")
WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][a-z'’]+)[ \t]+$")
# Words that open a sentence or a phrase before a street's name, not part of it ("well" is a
# word of a street's name as often: "Well Street", "Well Lane").
NOT_BEFORE = frozenset(
    """the a an at to in on from of and or our my his her their your by for with near off
    this that""".split()
)


def kind_first_practices(text: str) -> Iterator[Finding]:
    """ "Group Practice Stornoway": a practice's kind, then its listed town (round 65)."""
    any_case = capitals_mean_little(text)
    places = gazetteer().places
    for m in KIND_FIRST.finditer(text):
        first, second = m.group("first"), m.group("second")
        if not any_case and not (m.group("kind")[0].isupper() and first[0].isupper()):
            continue
        if second and f"{first} {second}".lower() in places:
            yield Finding(m.start(), m.end("second"), "CARE_SETTING", 0.8, "practice_name")
        elif first.lower() in places:
            yield Finding(m.start(), m.end("first"), "CARE_SETTING", 0.8, "practice_name")


def town_services(text: str) -> Iterator[Finding]:
    """ "Croydon CMHT", "Leeds GIC": a listed town and a service's initials (round 66)."""
    places = gazetteer().places
    for m in TOWN_SERVICE.finditer(text):
        start, listed = listed_town(m, places)
        if listed:
            yield Finding(start, m.end(), "CARE_SETTING", 0.8, "practice_name")


def street_named_practices(text: str, found: list[Finding]) -> Iterator[Finding]:
    """ "[Well] Street Surgery": a found care setting opening on a street's word takes the
    capitalised word before it (round 65)."""
    for f in found:
        if f.label != "CARE_SETTING" or not STREET_FIRST.match(text, f.start):
            continue
        before = WORD_BEFORE.search(text, max(0, f.start - 20), f.start)
        if before is not None and before.group("word").lower() not in NOT_BEFORE:
            yield Finding(before.start("word"), f.end, "CARE_SETTING", f.score, f.source)
