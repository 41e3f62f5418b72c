"""Initials standing for people in minutes and case notes: "Present: KB (ward manager), TR",
"Apologies: JM", "Action: AB to chase", "KM to contact daughter", "mother (TO) gave ...",
"His care coordinator was AB.", "Child: J.O., aged 4".

Fifteenth round (issue 20): six development sets had meeting minutes and safeguarding notes
that name everyone by initials. `initials.py` takes initials in a person's slot (the subject
of "said", the owner of "'s mum"), and `attendee_lists.py` takes the names in a list of
people, but its items must be written as names ("Helen Binns"), so a list of initials gave
nothing and neither did the action lines that follow it. The slots here are the minutes' own:
an item of a list of people, the person an action falls to ("AB to arrange", "Action: NC"),
and initials in brackets after a relative or a role ("son (GH)", "care coordinator (AB)").
The known acronyms of services, roles and conditions (`initials.NOT_INITIALS`) are never taken:
"Present: GP, OT" lists roles. Once found, the anonymiser's repeat step takes the initials'
other mentions as written ("KM summarised concerns").

Seventeenth round: notes of outreach sessions and focus groups introduce their speakers by
initials before a role in brackets ("Speakers: YL (volunteer translator)", "MB (notes)") or
give a name its short form ("Facilitated by Bridget (B) and Louise (L)"), and then write the
initials alone as the speaker of each line. Both are taken: initials before a role of speaking
or caring, and initials that are the first letters of the name just before them, when that
name's first word is a name and not an everyday word ("Emergency Department (ED)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.attendee_lists import LIST_HEADING
from nlp.identifiers.care_setting_names import NOT_HOSPITAL_INITIALS
from nlp.identifiers.findings import Finding
from nlp.identifiers.initials import NOT_INITIALS, NOT_PATIENT_INITIALS
from nlp.identifiers.name_gazetteer import gazetteer
from nlp.identifiers.prefilter import gated

# Two or three capitals, or an Irish surname's "SO'N".
_INITIALS = r"(?:[A-Z]{2,3}|[A-Z]{1,2}['’][A-Z]{1,2})"
LIST_ITEM = re.compile(rf"^[ \t]*(?P<initials>{_INITIALS})[ \t]*$")

# The person an action falls to: "Action: AB to chase", "Actions – KB/RT", "AB to arrange
# repairs" opening a line, a sentence or a clause after ";".
ACTION_HEAD = re.compile(
    rf"(?i:\baction(?:s|ed)?(?:[ \t]+(?i:for|by|owner))?)[ \t]*[:\-–—][ \t]*"
    rf"(?P<who>{_INITIALS}(?:[ \t]*(?:/|&|,|and)[ \t]*{_INITIALS})*)(?![\w'’])"
)
ACTION_HEAD = gated(ACTION_HEAD)
ACTION_TO = re.compile(
    r"(?m)(?:^[ \t]*(?:[-*•][ \t]*)?|(?<=[.;!?:])[ \t]+)"
    rf"(?P<who>{_INITIALS}(?:[ \t]*(?:/|&|and)[ \t]*{_INITIALS})*)[ \t]+to[ \t]+[a-z]{{3,}}\b"
)
# Initials in brackets after a relative or a role, or after "was"/"is" following a role.
_WHO = (
    r"mother|mum|mam|father|dad|son|daughter|husband|wife|partner|brother|sister|"
    r"grandson|granddaughter|grandmother|grandfather|nan|gran|uncle|aunt|niece|nephew|cousin|"
    r"neighbour|friend|carer|boyfriend|girlfriend|stepfather|stepmother|stepdad|stepmum|"
    r"coordinator|co-ordinator|worker|manager|nurse|keyworker|advocate|officer|therapist|"
    r"practitioner|consultant|psychiatrist|psychologist|visitor|lead|chair|clinician"
)
AFTER_WHO = re.compile(
    rf"\b(?i:{_WHO})(?:['’]s)?[ \t]*(?:\([ \t]*(?P<bracketed>{_INITIALS})[ \t]*\)"
    rf"|[ \t]+(?:was|is)[ \t]+(?P<named>{_INITIALS})(?=[ \t]*[.,;)]|[ \t]*$))",
    re.MULTILINE,
)
AFTER_WHO = gated(AFTER_WHO)
# Initials before their role in brackets, as a list of speakers or a note of who was there
# writes them: "YL (volunteer translator)", "DP (organiser)", "MB (notes)".
_SPEAKING_ROLES = (
    rf"{_WHO}|volunteer|translator|interpreter|organiser|organizer|facilitator|host|speaker|"
    r"notes|note-taker|notetaker|minutes|minute-taker|scribe"
)
BEFORE_ROLE = re.compile(
    rf"(?<![\w'’-])(?P<who>{_INITIALS})[ \t]*\([ \t]*(?:[A-Za-z-]+[ \t]+){{0,2}}"
    rf"(?i:{_SPEAKING_ROLES})(?:s|es)?\b[^()\n]{{0,30}}\)"
)
BEFORE_ROLE = gated(BEFORE_ROLE)
# A name followed by the initials the text will call it by: "Bridget (B) and Louise (L)",
# "Gethin Morgan (GM)". The initials must be the name's own first letters.
NAME_THEN_INITIALS = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z](?:['’][A-Z])?[a-zß-öø-ÿ'’-]+"
    r"(?:[ \t]+[A-Z](?:['’][A-Z])?[a-zß-öø-ÿ'’-]+){0,2})"
    rf"[ \t]*\([ \t]*(?P<who>{_INITIALS}|[A-Z])[ \t]*\)"
)
NAME_THEN_INITIALS = gated(NAME_THEN_INITIALS)

# The person a safeguarding note is about, by a label and initials, dotted or not: "Child:
# J.O., aged 4", "YP: KT", "Mother: R.A.".
SUBJECT_LABEL = re.compile(
    r"(?i:\b(?:child|young[ \t]+person|yp|cyp|baby|infant|mother|father|parent|victim|"
    r"complainant|(?:alleged[ \t]+)?perpetrator|referrer))[ \t]*:[ \t]*"
    r"(?P<who>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?|[A-Z]{2,3})(?![\w'’])"
)
SUBJECT_LABEL = gated(SUBJECT_LABEL)


def _person_initials(value: str) -> bool:
    bare = value.replace("'", "").replace("’", "")
    return bare.isupper() and not {value, bare} & NOT_PEOPLE


# Acronyms of services, roles, tests and shorthand: never a person's initials here.
NOT_PEOPLE = (
    NOT_INITIALS
    | NOT_PATIENT_INITIALS
    | NOT_HOSPITAL_INITIALS
    | frozenset("RE FW FWD CC BCC".split())
)


def _listed(text: str) -> Iterator[Finding]:
    """Items of a list of people that are initials alone, their role in brackets set aside."""
    pos = 0
    while (m := LIST_HEADING.search(text, pos)) is not None:
        start, end = m.start("items"), m.end("items")
        stop = re.search(r"\.(?:[ \t]|$)", text[start:end])
        if stop:  # "Present: KM. Apologies: LS. Case ref": each list ends at its full stop
            end = start + stop.start()
        pos = max(end, m.start() + 1)
        piece = re.sub(r"\([^()\n]*\)", lambda p: " " * len(p.group()), text[start:end])
        for item in re.finditer(r"[^,;&]+", piece):
            for part in re.finditer(r"(?:(?!\band\b)[^\n])+", item.group()):
                found = LIST_ITEM.match(part.group())
                if found and _person_initials(found.group("initials")):
                    at = start + item.start() + part.start() + found.start("initials")
                    yield Finding(at, at + len(found.group("initials")), "PERSON", 0.75, "minutes")


def _each(text: str, m: re.Match, group: str) -> Iterator[Finding]:
    for part in re.finditer(_INITIALS, m.group(group)):
        if _person_initials(part.group()) and not _shouting_line(text, m.start(group)):
            at = m.start(group) + part.start()
            yield Finding(at, at + len(part.group()), "PERSON", 0.7, "minutes")


def _shouting_line(text: str, at: int) -> bool:
    """A line written in capitals, where every short word looks like initials."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def minute_initials(text: str) -> Iterator[Finding]:
    """Initials in the minutes' slots for a person: list items, action owners, and brackets
    after a relative or a role."""
    if not re.search(r"[A-Z][.'’]?[A-Z]|\([ \t]*[A-Z][ \t]*\)", text):
        return
    yield from _listed(text)
    for m in ACTION_HEAD.finditer(text):
        yield from _each(text, m, "who")
    for m in ACTION_TO.finditer(text):
        yield from _each(text, m, "who")
    for m in SUBJECT_LABEL.finditer(text):
        who = m.group("who")
        if _person_initials(who.replace(".", "").replace(" ", "")) and not _shouting_line(
            text, m.start("who")
        ):
            yield Finding(m.start("who"), m.end("who"), "PERSON", 0.7, "minutes")
    for m in AFTER_WHO.finditer(text):
        yield from _each(text, m, "bracketed" if m.group("bracketed") else "named")
    for m in BEFORE_ROLE.finditer(text):
        yield from _each(text, m, "who")
    for m in NAME_THEN_INITIALS.finditer(text):
        if _defined_initials(m.group("name"), m.group("who")):
            yield Finding(m.start("who"), m.end("who"), "PERSON", 0.7, "minutes")


def _defined_initials(name: str, initials: str) -> bool:
    """Whether `initials` are the first letters of the words of `name` (or of its last words:
    "Dr Felix Adu (FA)"), as in "Agnes O'Kane (AO'K)", or its first letter alone ("Bridget
    (B)"), so the text is naming its own short form for a person. The acronym lists do not
    veto what the text itself defines ("Siobhan Mulholland (SM)"), but a title does ("Mohammed
    Rafiq (MR)" is left, as "MR" reads as "Mr")."""
    if initials.upper() in TITLES:
        return False
    bare = initials.replace("’", "'")
    gaz = gazetteer()
    words = name.split()
    for k in range(len(words)):
        part = words[k:]
        first = part[0].lower()
        if first not in gaz.first_names and first in gaz.english_words:
            continue  # "Emergency Department (ED)", "Do Not Resuscitate (DNR)": no person
        letters = "".join(_word_initials(word) for word in part)
        if bare == letters or (len(bare) == 1 and k == 0 and bare == letters[0]):
            return True
    return False


def _word_initials(word: str) -> str:
    """ "Kerr" gives "K", "O'Kane" gives "O'K"."""
    word = word.replace("’", "'")
    head, _, rest = word.partition("'")
    if rest and len(head) == 1 and rest[:1].isupper():
        return f"{head}'{rest[0]}"
    return word[0]


TITLES = frozenset("MR MRS MS MX DR".split())
