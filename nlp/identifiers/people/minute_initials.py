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

Nineteenth round: case notes name their client in full once and by initials after ("Client:
Mrs Nerys Pugh ... NP adm Glan Clwyd", "Mr Alan Rhys Bowen (AR) ... AR lives alone", "Mrs
Fiona Guthrie ... F. unhappy that ..."), with no slot around the initials to tell them from
an acronym. The story's own names are the cue: a token that spells the initials of a person
found elsewhere in the text is that person (`found_people_initials`, run after the other
rules have found the names), and a given name's own initials in brackets may stop before the
surname ("Alan Rhys Bowen (AR)"). An acronym of care that a person's initials happen to spell
("GP" beside "Gareth Price") stays an acronym; a few short forms that are as often initials
("DC", "PM") are taken only as the subject opening a sentence. The note-taker's initials in a
note's header are nlp/identifiers/people/note_takers.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import TITLE_CUES, gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import NOT_HOSPITAL_INITIALS
from nlp.identifiers.people.attendee_lists import LIST_HEADING
from nlp.identifiers.people.initials import BODY_BEFORE, NOT_INITIALS, NOT_PATIENT_INITIALS
from nlp.identifiers.people.note_takers import note_takers

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
    r"practitioner|consultant|psychiatrist|psychologist|visitor|lead|chair|clinician|"
    # Twenty-eighth round: the helpers who write up notes ("Notes by volunteer (JP)").
    r"volunteer|befriender"
)
AFTER_WHO = re.compile(
    rf"\b(?i:{_WHO})(?:['’]s)?[ \t]*(?:\([ \t]*(?P<bracketed>{_INITIALS})[ \t]*\)"
    rf"|[ \t]+(?:was|is)[ \t]+(?P<named>{_INITIALS})(?=[ \t]*[.,;)]|[ \t]*$))",
    re.MULTILINE,
)
# Its hand-written gate (`prefilter.gated`'s `behind`): the initials' part, bracketed or after
# "was"/"is", where the words for people it opens with are in most stories.
INITIALS_AFTER_WHO = re.compile(
    rf"\([ \t]*{_INITIALS}[ \t]*\)|(?:was|is)[ \t]+{_INITIALS}(?=[ \t]*[.,;)]|[ \t]*$)",
    re.MULTILINE,
)
AFTER_WHO = gated(AFTER_WHO, behind=INITIALS_AFTER_WHO)
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
# Initials followed by the name they stand for, in brackets: "M.R. (Maisie Rowe)", "JMcG (John
# McGonigle)", "Sibling: T.K. (Tyler Kerr)". The name must spell them (twenty-fourth round).
INITIALS_THEN_NAME = re.compile(
    r"(?<![\w'’.-])(?P<who>(?:[A-Z]\.?[ \t]?){1,2}(?:(?:Mc|Mac|O['’])?[A-Z]\.?))"
    r"[ \t]*\([ \t]*(?P<name>[A-Z][a-zß-öø-ÿ'’-]+(?:[ \t]+[A-Z](?:['’][A-Z])?[a-zß-öø-ÿ'’-]+){1,2})"
    r"[ \t]*\)"
)
INITIALS_THEN_NAME = gated(INITIALS_THEN_NAME)

# Twenty-eighth round: a log's entry signed with the worker's initials in brackets after its
# date or time ("Next call: 19/03 (GW).", "rang back 14:20 (KM)"); a time zone or a part of
# the day there ("19:00 (BST)", "(AM)") is no one.
DATED_INITIALS = re.compile(
    r"(?<![\w/.:])(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}[:.]\d{2}(?:[ \t]?[ap]m)?)"
    rf"[ \t]*\([ \t]*(?P<who>{_INITIALS})[ \t]*\)"
)
DATED_INITIALS = gated(DATED_INITIALS)
TIME_ZONES = frozenset("BST GMT UTC CET CEST EST IST".split())
# Thirty-eighth round: the people who move and second a motion in minutes, by initials
# ("Proposed RF, seconded SV", "Proposer: JD. Seconder: MB", "seconded by KT").
MOTION = re.compile(
    r"(?m)\b(?i:propos(?:ed|er)|second(?:ed|er))(?:[ \t]+by)?[ \t]*:?[ \t]+"
    rf"(?P<who>{_INITIALS})(?=[ \t]*(?:[,.;)]|$|and\b|&))"
)
MOTION = gated(MOTION)
# Thirty-eighth round: a communication book's or a log's entry, its line opened by a day, a
# date or a time and closed by the writer's initials after the entry's last sentence ("Mon
# Dressing changed, wound clean. AW", "14/03  Seen by GP (home visit). KT").
_ENTRY_OPENING = (
    r"(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day)?\.?"
    r"|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}[:.]\d{2})"
)
# A test or a result that may end an entry's line instead ("Bloods sent. FBC", "Dip: NAD").
TESTS_AND_RESULTS = frozenset(
    """FBC CRP MSU CSU LFT LFTS TFT TFTS INR ESR WCC MRSA UE AKI NAD NEWS EWS OK BNO BO PU
    PEG NG RIP SPO TBC TBA NFA DNA""".split()
)
SIGNED_ENTRY = re.compile(
    rf"(?m)^[ \t]*{_ENTRY_OPENING}\b[^\n]*?[.!)][ \t]+(?P<who>{_INITIALS})[ \t]*$"
)
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
    after a relative or a role, and a note's writer (nlp/identifiers/people/note_takers.py)."""
    yield from note_takers(text, NOT_PEOPLE)
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
    for m in DATED_INITIALS.finditer(text):
        if m.group("who") not in TIME_ZONES:
            yield from _each(text, m, "who")
    for m in BEFORE_ROLE.finditer(text):
        yield from _each(text, m, "who")
    for m in MOTION.finditer(text):
        yield from _each(text, m, "who")
    for m in SIGNED_ENTRY.finditer(text):
        if m.group("who") not in TESTS_AND_RESULTS:
            yield from _each(text, m, "who")
    for m in NAME_THEN_INITIALS.finditer(text):
        if _defined_initials(m.group("name"), m.group("who"), in_brackets=True):
            yield Finding(m.start("who"), m.end("who"), "PERSON", 0.7, "minutes")
    for m in INITIALS_THEN_NAME.finditer(text):
        who = re.sub(r"[.\s]", "", m.group("who"))
        words = m.group("name").split()
        if (
            len(who) >= 2
            and _spelt_by(m.group("name"), who)
            and not any(_everyday(w) for w in (words[0], words[-1]))
        ):  # "PGL (Parent Group Leader)" spells a course, not a person
            yield Finding(m.start("who"), m.end("who"), "PERSON", 0.7, "minutes")


def _everyday(word: str) -> bool:
    """A common word of English that no name list holds ("Parent", "Leader"); "Maisie" and
    "Rowe" are not, though the long word list has the first."""
    low = word.lower()
    gaz = gazetteer()
    return low in gaz.common_words and not gaz.is_name_part(low)


def _spelt_by(name: str, initials: str) -> bool:
    """ "Maisie Rowe" spells "MR", "John McGonigle" spells "JMcG" (a surname's "Mc" or "O'"
    and the capital after it, as people write them)."""
    words = name.split()
    letters = "".join(w[0] for w in words)
    prefixed = re.match(r"(Mc|Mac|O['’])([A-Z])", words[-1])
    fuller = "".join(w[0] for w in words[:-1]) + (
        prefixed.group(1) + prefixed.group(2) if prefixed else words[-1][0]
    )
    return initials.replace("’", "'") in (letters, fuller.replace("’", "'"))


def _defined_initials(name: str, initials: str, in_brackets: bool = False) -> bool:
    """Whether `initials` are the first letters of the words of `name` (or of its last words:
    "Dr Felix Adu (FA)"), as in "Agnes O'Kane (AO'K)", or its first letter alone ("Bridget
    (B)"), so the text is naming its own short form for a person. The acronym lists do not
    veto what the text itself defines ("Siobhan Mulholland (SM)"), but a title does ("Mohammed
    Rafiq (MR)" is left, as "MR" reads as "Mr"), except in brackets after the whole name
    (twenty-fourth round): there no title stands, and the notes go on to write "MR asked"."""
    if initials.upper() in TITLES and not (in_brackets and len(name.split()) >= 2):
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
        # "Donald Iain Munro (DI)": the given names' initials, the surname left out
        if k == 0 and len(part) >= 3 and len(bare) >= 2 and letters.startswith(bare):
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


# Short forms a person's initials often spell ("DC d/c from ward 3" for Dai Cole, "PM has
# Crohn's" for Paul Moran), taken for a found person only as the subject opening a sentence.
SHARED_WITH_INITIALS = frozenset("AM PM DC CM DM SM RM NM TL TM ST CP AF MI TV CD PR".split())
FOUND_TOKEN = re.compile(r"(?<![\w&/'’.-])(?P<who>[A-Z]{2,3})(?=['’]s\b|[^\w&'’-]|$)")
# "C. has appt", "M. also unhappy": one capital and a full stop before a lower-case word.
FOUND_LETTER = re.compile(r"(?<![\w&/'’.-])(?P<who>[A-Z])\.(?=[ \t]+[a-z])")
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;][ \t]+|\n[ \t]*(?:[-*•][ \t]*)?)$")
NUMBER_BEFORE = re.compile(r"\d[ \t]*$")
_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ]*(?:['’][A-Z][a-zà-ÿ]+)?(?:-[A-Z][a-zà-ÿ]+)?")


def _name_words(value: str) -> list[str]:
    """A found name's capitalised words, titles left out: "Mrs Glenys Jenkins" gives two."""
    return [w for w in _NAME_WORD.findall(value) if w.lower() not in TITLE_CUES]


def found_people_initials(text: str, findings: list[Finding]) -> Iterator[Finding]:
    """Tokens that spell the initials of a person found in the text ("GJ" after "Glenys
    Jenkins": all the name's initials, or the first and last), and a lone capital with a full
    stop opening a sentence ("M. also unhappy") that is the first letter of a found name's
    word. Known acronyms are left; see `SHARED_WITH_INITIALS` for the few taken as a subject."""
    spelt: set[str] = set()
    letters: set[str] = set()
    for f in findings:
        if f.label != "PERSON":
            continue
        words = _name_words(text[f.start : f.end])
        if not words or not all(_reads_as_name(w) for w in (words[0], words[-1])):
            continue  # "Toddler Time" taken for a name: its "TT" is no one's
        letters.update(w[0] for w in words)
        if 2 <= len(words) <= 3:
            spelt.add("".join(_word_initials(w) for w in words))
        if len(words) >= 2:
            spelt.add(words[0][0] + _word_initials(words[-1]))
    spelt = {s for s in spelt if s.isupper() and 2 <= len(s) <= 3 and s not in TITLES}
    if spelt:
        tokens = [
            m
            for m in FOUND_TOKEN.finditer(text)
            if m.group("who") in spelt and _initials_slot(text, m.start(), m.end())
        ]
        # A short form shared with initials, once a sentence's subject, is the person in
        # every other slot too ("DC d/c from ward ... v. good per DC").
        subjects = {
            m.group("who")
            for m in tokens
            if m.group("who") in SHARED_WITH_INITIALS and _opens_sentence(text, m.start(), m.end())
        }
        for m in tokens:
            who = m.group("who")
            if who not in NOT_PEOPLE or who in subjects:
                yield Finding(m.start(), m.end(), "PERSON", 0.7, "found_initials")
    letters.discard("I")
    for m in FOUND_LETTER.finditer(text):
        who = m.group("who")
        if (
            who in letters
            and _opens_sentence(text, m.start(), m.end())
            and not _lettered_list(text, who)
        ):
            if not _shouting_line(text, m.start()):
                yield Finding(m.start(), m.end(), "PERSON", 0.7, "found_initials")


def _reads_as_name(word: str) -> bool:
    """A listed first name or surname, or a word in no list of English words."""
    low = word.lower().replace("’", "'")
    gaz = gazetteer()
    return low in gaz.first_names or low in gaz.surnames or low not in gaz.english_words


def _initials_slot(text: str, start: int, end: int) -> bool:
    """Not in a line of capitals, not a time ("10 PM") and not a body ("the SE", "in NW")."""
    before = text[max(0, start - 12) : start]
    return not (
        _shouting_line(text, start) or NUMBER_BEFORE.search(before) or BODY_BEFORE.search(before)
    )


def _opens_sentence(text: str, start: int, end: int) -> bool:
    """Opening a sentence or a line, a lower-case word after it: the sentence's subject."""
    return bool(
        SENTENCE_OPENING.search(text[max(0, start - 6) : start])
        and re.match(r"(?:['’]s)?[ \t]+[a-z]", text[end : end + 5])
    )


def _lettered_list(text: str, letter: str) -> bool:
    """ "A. review meds / B. chase OT": a list lettered in order, not a person's initial."""
    neighbours = {chr(ord(letter) - 1), chr(ord(letter) + 1)} - {"@", "["}
    return any(re.search(rf"(?m)^[ \t]*{n}[.)][ \t]", text) for n in neighbours if n.isalpha())
