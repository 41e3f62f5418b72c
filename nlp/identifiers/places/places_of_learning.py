"""A school, college or university named by a found place or name (issue 20, round 44).

The place and name rules find the town or the name a school is called by and stop before its
kind: "at Highbury [School]", "back at Bradford [College]", "a degree at Lancaster
[University]", "the University of [Sheffield]", "Archbishop Tenison['s School]", "she's at
marden [high]". The school rule (`schools_and_estates.py`) needs a kind such as "Primary" or
"Academy" and reads no name the lists already hold. Round 44 pooled the misses of every
development set and found such places of learning in four sets by different writers, each
marking the whole name (a school narrows a child to a few streets). A found place or person
followed straight by "School", "College" or "University" in its own case, or after "University
of", becomes the place's whole name; a hospital, a health board or a trust named after the
university ("Leeds University Hospitals", "King's College Hospital") is the care rules' and
stays as they found it, and so does a kind word alone ("Sunday School", "Medical School"),
which names no found place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

# The kind straight after the name; lower case only after a lower-case name, and "high" then
# only where no street follows ("marden high)", not "marden high street").
KIND_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?P<kind>School|College|University|Nursery|SILC"
    r"|school|college|university|nursery|academy|high(?![ \t]+[a-z]))(?![\w'’-])"
)
# What turns a place of learning's name into a setting's or a body's: "University Hospital",
# "College Hospital", "University Health Board", "University NHS Trust".
CARE_AFTER = re.compile(r"[ \t]+(?i:hospitals?|health|nhs|teaching|medical|trust|foundation)\b")
UNIVERSITY_OF = re.compile(r"(?:University|College)[ \t]+of[ \t]+$")
NAMES = frozenset({"PERSON", "LOCATION"})


def places_of_learning(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Found names widened over the school, college or university they name."""
    for f in found:
        if f.label not in NAMES:
            continue
        value = text[f.start : f.end]
        if not value[:1].isalpha():
            continue
        before = UNIVERSITY_OF.search(text, max(0, f.start - 20), f.start)
        if before is not None and value[:1].isupper():
            if not CARE_AFTER.match(text, f.end):
                yield Finding(before.start(), f.end, "LOCATION", max(f.score, 0.75), "learning")
            continue
        m = KIND_AFTER.match(text, f.end)
        if m is None or CARE_AFTER.match(text, m.end()):
            continue
        if m.group("kind").islower() != value.islower():
            continue
        yield Finding(f.start, m.end(), "LOCATION", max(f.score, 0.75), "learning")


# Round 61 (retired sets v43, v44, v50 and v73, four writers: colleges and universities where
# young people study, marked as places and found by no rule): a college or university named by
# a town the place lists hold, whether or not the town itself was found ("Leeds City College",
# "Dundee and Angus College", "City of Liverpool College", "the university of stirling", "hull
# uni", "at Cardiff Met"), and Northern Ireland's regional colleges by their compass names
# ("southern regional college"). In a text whose capitals mean something, name and kind are
# capitalised; "met" is a university only after a word of placing ("at belfast met", not
# "in Leeds met a nurse").
_WORD = r"[A-Za-z][A-Za-z'’]+"
TOWN_INSTITUTION = re.compile(
    r"(?<![\w'’-])(?P<city>(?i:city)[ \t]+(?i:of)[ \t]+)?"
    rf"(?P<town>{_WORD}(?:[ \t]+{_WORD})?)"
    rf"(?:[ \t]+(?i:and|&)[ \t]+(?P<other>{_WORD}))?"
    r"(?:[ \t]+(?i:city|metropolitan))?[ \t]+"
    r"(?P<kind>(?i:college|university|uni|met))(?![\w'’-])"
)
# Round 84 (v119; v42, v73 and v98 mark the same): "uni of york" as students write it, and a
# point of the compass before a listed county ("South Devon College").
INSTITUTION_OF_TOWN = re.compile(
    r"(?<![\w'’-])(?i:university|college|uni)[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?"
    rf"(?P<town>{_WORD}(?:[ \t]+{_WORD})?)(?![\w'’-])"
)
REGIONAL_COLLEGE = re.compile(
    r"(?<![\w'’-])(?i:(?:north|south|east|west)(?:ern)?(?:[ \t]+(?:east|west)(?:ern)?)?"
    r"[ \t]+regional[ \t]+college)(?![\w'’-])"
)
PLACING_BEFORE = re.compile(r"(?i:\b(?:at|to|from|of|@)[ \t]+)$")
COMPASS = frozenset("north south east west mid".split())
NOT_BEFORE = re.compile(r"(?i:\b(?:royal|king['’]?s|queen['’]?s|imperial)[ \t]+)$")
WORDS_OF_LEARNING = gated(re.compile(r"college|universit|uni\b|met\b"))


def listed_town(m: re.Match, places: frozenset[str]) -> tuple[int, bool]:
    """Where the town's name (the match's "town" group) starts and whether the lists hold it:
    both words ("Milton Keynes"), or the one next to the kind ("student at hull uni" takes
    "hull"; "Croydon CMHT" in `care_settings/practice_names.py` reads its town the same way)."""
    town = m.group("town")
    if town.lower() in places:
        return m.start("town"), True
    words = town.split()
    if len(words) == 2 and words[0].lower() in COMPASS and words[1].lower() in places:
        return m.start("town"), True
    return m.end("town") - len(words[-1]), words[-1].lower() in places


def _one_case(kind: str, name: str) -> bool:
    """Kind and name capitalised as a name ("Leeds City College"), or the whole typed in lower
    case ("at hull uni"): not "Leeds college" or "the University of leeds"."""
    words = name.split()
    if kind[0].isupper():
        return all(w[0].isupper() or w.lower() in ("of", "and", "&", "the") for w in words)
    return name.islower()


def named_places_of_learning(text: str) -> Iterator[Finding]:
    """Colleges and universities named by a listed town, and the regional colleges."""
    if not WORDS_OF_LEARNING.search(text.lower()):
        return
    any_case = capitals_mean_little(text)
    places = gazetteer().places
    for m in TOWN_INSTITUTION.finditer(text):
        start, listed = listed_town(m, places)
        if m.group("city"):
            start = m.start("city")
        kind = m.group("kind")
        if not listed or CARE_AFTER.match(text, m.end()):
            continue
        if not any_case and not _one_case(kind, text[start : m.end()]):
            continue
        if kind.lower() == "met" and not PLACING_BEFORE.search(text, 0, start):
            continue
        if NOT_BEFORE.search(text, max(0, start - 12), start):
            continue
        yield Finding(start, m.end(), "LOCATION", 0.75, "learning")
    for m in INSTITUTION_OF_TOWN.finditer(text):
        start, listed = m.start(), m.group("town").lower() in places
        end = m.end()
        if not listed and m.group("town").split()[0].lower() in places:
            end, listed = m.start("town") + len(m.group("town").split()[0]), True
        if not listed or CARE_AFTER.match(text, end):
            continue
        if not any_case and not _one_case(text[start], text[start:end]):
            continue
        if NOT_BEFORE.search(text, max(0, start - 12), start):
            continue
        yield Finding(start, end, "LOCATION", 0.75, "learning")
    for m in REGIONAL_COLLEGE.finditer(text):
        if any_case or m.group()[0].isupper() or PLACING_BEFORE.search(text, 0, m.start()):
            yield Finding(m.start(), m.end(), "LOCATION", 0.75, "learning")


# Round 61 (v73, students' own practices): a university's health service by its place or its
# name ("Sheffield Student Health", "the Cathays student health centre", "the Student Health
# Service at Dundee"); "the student health centre" alone names none.
STUDENT_HEALTH = gated(
    re.compile(
        r"(?i:(?:university[ \t]+|uni[ \t]+)?student[ \t]+health"
        r"(?:[ \t]+(?:centre|center|service|clinic|practice))?)(?![\w'’-])"
    )
)
NAME_BEFORE = re.compile(rf"(?:(?<=[ \t])|^)(?P<name>{_WORD})[ \t]+$")
PLACE_AFTER = re.compile(rf"[ \t]+(?i:at|in|on)[ \t]+(?P<where>{_WORD}(?:[ \t]+{_WORD})?)")


def student_health(text: str) -> Iterator[Finding]:
    """A student health service named by its place, before or after it (round 61)."""
    common = gazetteer().common_words
    places = gazetteer().places
    for m in STUDENT_HEALTH.finditer(text):
        start, end = m.start(), m.end()
        before = NAME_BEFORE.search(text, max(0, start - 30), start)
        if before is not None:
            name = before.group("name")
            if name.lower() in places or (
                name.lower() not in common and (name[0].isupper() or m.group().islower())
            ):
                start = before.start("name")
        after = PLACE_AFTER.match(text, end)
        if after is not None:
            where = after.group("where").split()
            if where[0].lower() in places:
                end = after.start("where") + len(where[0])
            elif len(where) == 2 and where[1].lower() in {"square", "street", "road", "campus"}:
                end = after.end("where")
        if (start, end) != (m.start(), m.end()):
            yield Finding(start, end, "CARE_SETTING", 0.75, "student_health")
