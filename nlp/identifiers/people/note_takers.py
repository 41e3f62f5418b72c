"""The note-taker of a gatherer's note, named in its header or by a staff label (issue 20,
nineteenth round).

Notes written up by a Healthwatch or advocacy worker open with a header line whose fields are
split by dashes: the kind of contact, a date or a time, and the writer's initials ("Call log -
02/05 - RW", "HOME VISIT - written up 11/03 - KP", "Phone - 09:20 - JT Caller: ...", "Drop-in
note (Bala) - EH"). Nothing around the initials says "person": the header's shape does. A
dash-split line is a header when one of its fields holds a date or a time, or when it opens the
note and says what kind of note it is; an initials field in it, alone or before the next
capitalised label ("JT Caller: ..."), is the writer. The acronyms of care are never taken
there ("Phone - 10:15 - GP"), except those a header uses as nobody's acronym: a health board's
"HB" and "AM"/"PM" are initials when no bare time stands just before them. Once found, the
anonymiser's repeat step takes the initials' other mentions ("Action: RW to post leaflet").

The writer may be named by a label instead ("Staff: Gethin.", "Worker - Lowri"): a capitalised
word after a staff label is a name when it is a listed first name or in no word list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import NOT_IDENTIFIER_WORDS, ROLE_CUES, gazetteer
from nlp.identifiers.core.prefilter import gated

SEPARATOR = re.compile(r"[ \t]+[-–—|][ \t]+")
DATE_OR_TIME = re.compile(
    r"(?<![\w/:.])(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}:\d{2})(?![\w/:])"
)
BARE_TIME = re.compile(r"^\d{1,2}(?:[:.]\d{2})?$")
NOTE_KIND = re.compile(
    r"(?i)\b(?:call|calls|log|visit|note|notes|phone|tel|telephone|write-?up|written|contact|"
    r"drop-?in|session|outreach|enquiry|record|hv|email|e-mail|letter|meeting)\b"
)
FIELD_INITIALS = re.compile(r"(?P<who>[A-Z]{2,3})(?=$|[ \t]+[A-Z][a-z])")
# Acronyms a header uses for nobody but that are also initials there.
HEADER_INITIALS = frozenset("HB AM PM".split())
STAFF_LABEL = re.compile(
    r"(?:^|(?<=[\n.;]))[ \t]*(?i:staff(?:[ \t]+member)?|worker|advocate|volunteer|"
    r"call[ \t]+(?:taker|handler)|handler|note[ \t-]?taker|notes[ \t]+by|taken[ \t]+by|"
    # twenty-eighth round: a letter's typist and a dictation's ("Typed: LH", "Dictated by: RM")
    r"typed(?:[ \t]+by)?|dictated(?:[ \t]+by)?)"
    r"[ \t]*[:–—-][ \t]*(?P<name>[A-Z][a-zà-ÿ'’-]+|[A-Z]{2,3})(?=[ \t]*(?:[.,;)\]]|$))",
    re.MULTILINE,
)
STAFF_LABEL = gated(STAFF_LABEL)  # run over whole texts: see prefilter.py
_LINES_OPENING = 2


def _shouting(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def header_initials(text: str, not_people: frozenset[str]) -> Iterator[Finding]:
    """Initials as a field of a note's dash-split header line."""
    offset = 0
    for number, line in enumerate(text.split("\n")):
        start, offset = offset, offset + len(line) + 1
        cuts = list(SEPARATOR.finditer(line))
        if not cuts:
            continue
        dated = bool(DATE_OR_TIME.search(line))
        kind = bool(NOTE_KIND.search(line))
        opening = number < _LINES_OPENING and not text[:start].strip(" \t\n-=*#")
        if not (dated or (kind and opening)) or (_shouting(line) and not (dated and kind)):
            continue
        bounds = [0, *(c.end() for c in cuts)]
        ends = [*(c.start() for c in cuts), len(line)]
        for k, (a, b) in enumerate(zip(bounds, ends, strict=True)):
            m = FIELD_INITIALS.match(line, a, b)
            if m is None or k == 0:
                continue  # the first field says what kind of note it is
            who = m.group("who")
            if who in not_people and who not in HEADER_INITIALS:
                continue
            if who in ("AM", "PM") and BARE_TIME.match(line[bounds[k - 1] : ends[k - 1]]):
                continue  # "Call - 10.30 - AM": the time's half of the day
            yield Finding(start + m.start(), start + m.end(), "PERSON", 0.7, "note_taker")


def staff_names(text: str, not_people: frozenset[str]) -> Iterator[Finding]:
    """A first name or initials after a staff label: "Staff: Gethin.", "Worker - LM"."""
    gaz = gazetteer()
    for m in STAFF_LABEL.finditer(text):
        name = m.group("name")
        low = name.lower()
        if name.isupper():
            ok = name not in not_people
        elif low in ROLE_CUES or low in NOT_IDENTIFIER_WORDS:
            ok = False
        else:
            ok = low in gaz.first_names or (low not in gaz.english_words and low not in gaz.places)
        if ok:
            yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "note_taker")


# Twenty-sixth round: two or more workers listed by initials after a staff label, as an
# outreach note or a helpline log closes ("Workers: DG, RH", "Logged by: PW / SK", "Staff: EB &
# LN."). The label and the list's shape (initials joined by commas, slashes, "&" or "and", then
# the line's end) say "people", so here only the acronyms of a role or a service stay
# ("Workers: GP, CPN", "Logged by: PALS"); a test's or a condition's letters ("CT", "MH", "TB")
# cannot do the work and are someone's initials.
STAFF_LIST = re.compile(
    r"(?:^|(?<=[\n.;]))[ \t]*(?i:staff|workers?|advocates?|volunteers?|logged[ \t]+by|log|"
    r"recorded[ \t]+by|written[ \t]+(?:up[ \t]+)?by|completed[ \t]+by|visited[ \t]+by)"
    r"[ \t]*[:–—-]?[ \t]*(?P<list>[A-Z]{2,3}(?:[ \t]*(?:,|/|&|\+|and)[ \t]*[A-Z]{2,3})+)"
    r"(?=[ \t]*(?:[.;)\]]|$))",
    re.MULTILINE,
)
LISTED_INITIALS = re.compile(r"[A-Z]{2,3}")
WORKER_ROLES = frozenset(
    """GP GPS CPN SW SWS OT OTS SLT SALT DN DNS HCA HCAS RN RGN RMN AMHP IMHA IMCA PA PAS TA HV
    HVS MW CMW SN SSN SHO FY SPR REG ANP ENP APP ACP PALS CQC NHS DWP CAB LA ICB PCN MDT CMHT
    CRHT HTT EIP IAPT SEN SENCO TL TM SM RM NM MP MSP ID IT HR CEO""".split()
)


# Twenty-eighth round: an outreach note's header names its volunteers by initials after "vol"
# or "vols", with no colon ("Drop-in, Hyson Green - 19/6 - vol CW", "vols RT AO'C", "vols KB &
# MJ", "vol P.T."); a volume's number ("vol 2") has no capitals.
_ONE = r"(?:(?:[A-Z]\.){2,3}|[A-Z]{1,2}['’][A-Z]|[A-Z]{2,3})"
VOLUNTEERS = re.compile(
    rf"(?<![\w'’])(?i:vols?)\.?[ \t]+(?P<list>{_ONE}"
    rf"(?:(?:[ \t]*(?:,|/|&|\+|and)[ \t]*|[ \t]+){_ONE})*)(?![\w'’])"
)
VOLUNTEERS = gated(VOLUNTEERS)
ONE_VOLUNTEER = re.compile(_ONE)
ROMAN = re.compile(r"[IVXLC]+")  # "Vol IV": a volume's number


def volunteers(text: str) -> Iterator[Finding]:
    """Each volunteer's initials after "vol" or "vols"."""
    for m in VOLUNTEERS.finditer(text):
        for one in ONE_VOLUNTEER.finditer(text, m.start("list"), m.end("list")):
            if one.group() not in WORKER_ROLES and not ROMAN.fullmatch(one.group()):
                yield Finding(one.start(), one.end(), "PERSON", 0.7, "note_taker")


def staff_lists(text: str) -> Iterator[Finding]:
    """Each worker's initials in a list after a staff label: "Workers: DG, RH"."""
    for m in STAFF_LIST.finditer(text):
        for one in LISTED_INITIALS.finditer(text, m.start("list"), m.end("list")):
            if one.group() not in WORKER_ROLES:
                yield Finding(one.start(), one.end(), "PERSON", 0.7, "note_taker")


# Twenty-eighth round: a case note or a visit record signed off by its writer's initials as its
# last word, after the last sentence's full stop or on a line of their own ("... Next visit in
# two weeks. KD", "... to flag.\nAM"). The note's end is the slot: a text whose last word is an
# acronym ("... referred to the CMHT") has no full stop before it, the acronyms of care
# ("... Seen by GP."; "Plan agreed. MDT") stay, and so does a form typed in capitals, where
# every answer is a short word in capitals ("SMOKER? NO. CARER? NO").
SIGNED_OFF = re.compile(
    r"(?:[.!)][ \t]+|[.!)]?[ \t]*\n[ \t]*)(?P<who>[A-Z]{2,3})[ \t]*\.?[ \t\n]*\Z"
)


def signed_off(text: str, not_people: frozenset[str]) -> Iterator[Finding]:
    """Initials alone as a note's last word, after a sentence or on their own line."""
    m = SIGNED_OFF.search(text[-40:])
    if m is None:
        return
    who = m.group("who")
    if who in not_people or who in WORKER_ROLES or set(who) == {"X"}:
        return  # "Love to you all. XX": kisses, not initials
    at = len(text) - len(text[-40:]) + m.start("who")
    if _shouting(text[max(0, at - 80) : at]):
        return  # a form typed in capitals ending "SMOKER? NO." or "... NO": an answer
    yield Finding(at, at + len(who), "PERSON", 0.7, "note_taker")


def note_takers(text: str, not_people: frozenset[str]) -> Iterator[Finding]:
    """The note's writer: initials in its header, or a name or initials after a staff label,
    or the workers listed by initials after one, or initials signing the note off."""
    if " - " in text or " – " in text or " — " in text or " | " in text:
        yield from header_initials(text, not_people)
    yield from staff_names(text, not_people)
    yield from staff_lists(text)
    yield from volunteers(text)
    yield from signed_off(text, not_people)
