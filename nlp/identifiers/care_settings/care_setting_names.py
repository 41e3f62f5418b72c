"""Care settings named the way people say them, found in the raw text.

The token rules (nlp/identifiers/care_settings/token_care_settings.py) find "<Name> Surgery",
"<Name> Ward" and the like.
People also say a hospital's name alone ("Morriston", "Glan Clwyd"), its nickname or abbreviation
("Jimmy's", "the LGI"), a saint's name with or without "Hospital" ("St Luke's"), a Welsh
name ("Ysbyty Gwynedd"), a generic one ("the Royal", "the General"), or a ward code
("Ward C4", "OPD 3"). This module finds those kinds from `nlp/data/care_setting_names.txt`
(a hand-compiled list from the public NHS site lists) and from patterns.

Fifth round (issue 20): a listed name of two words or more is also found without its kind word
or its town ("the Royal Albert Edward", "the Queen Elizabeth"); the shorthand kinds of
nlp/identifiers/care_settings/hospital_units.py join here; and a saint's or listed name inside a
church ("Holy Trinity & St George's"), a school ("St Monica's Primary") or a district ("Small
Heath") is left to the rule that sees the whole.

Nineteenth round: settings by the short names locals use. "under" is a word of care's place
("under Guy's", "under the Royal"); a capitalised "the Children's Hospital" is a town's one
hospital of its kind; initials ending in H after a word of place, with care near, are a
hospital's ("admissions to SWAH", "under DCH"); a listed two-word name with its last word cut
short is the same name ("in North Mid"); and a one-word name that ends a listed place with
the word before it ("Thornton Heath", where "Heath" is also a hospital) is left to the place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.care_setting_kinds import care_setting_kind_findings
from nlp.identifiers.care_settings.hospital_initials import hospital_initials
from nlp.identifiers.care_settings.hospital_units import hospital_units
from nlp.identifiers.care_settings.house_named_settings import house_named_settings
from nlp.identifiers.care_settings.setting_named_people import names_a_person
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import NOT_HOSPITAL_INITIALS
from nlp.identifiers.people.initials import NOT_INITIALS
from nlp.identifiers.places.place_shapes import cued_districts

DATA = Path(__file__).parents[2] / "data" / "care_setting_names.txt"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]*)?|&")
# Taken along when it follows a listed name: "Glan Clwyd Hospital", "Withybush General".
TRAILING = frozenset(
    """hospital hospitals infirmary general royal hospice centre center clinic unit wing maternity
    university district community memorial""".split()
)
CAPITALISED_TRAILING = frozenset({"maternity"})  # "Princess Royal Maternity" is a name
CARE_PREPOSITIONS = frozenset("at to in into from outside up down the under".split())


@dataclass(frozen=True)
class NameList:
    names: frozenset[tuple[str, ...]]  # lower-case word tuples
    abbreviations: frozenset[str]  # lower case; need capitals or "the"
    first_words: frozenset[str]
    longest: int


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in WORD.findall(text))


@lru_cache(maxsize=1)
def name_list() -> NameList:
    names, abbreviations = set(), set()
    common = gazetteer().common_words
    places = gazetteer().places
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            abbreviations.add(line[1:].strip().lower())
            continue
        words = _words(line)
        names.add(words)
        if words[-1] == "hospital" and len(words) > 1:
            # "Glangwili Hospital" is also "Glangwili"; "Hope Hospital" is not "hope".
            if len(words) > 2 or words[0] not in common:
                names.add(words[:-1])
        # "Royal Albert Edward Infirmary" is also "the Royal Albert Edward", and "Queen Elizabeth
        # Gateshead" is "the Queen Elizabeth" to whoever lives there: a name of two words or
        # more stays a name without its kind word or its town.
        core = words[:-1] if words[-1] in ("infirmary", "hospital") else words
        while len(core) > 2 and " ".join(core[-1:]) in places:
            core = core[:-1]
        if len(core) >= 2 and core != words and core[0] not in ("the", "st", "saint"):
            names.add(core)
    # Round 43: a name of two words or more is written without its apostrophe as often as
    # with it ("queens hospital romford", "kings college hospital"); one word alone ("queens",
    # "kings") stays a word.
    names |= {_without_apostrophes(w) for w in names if len(w) >= 2 and "'" in "".join(w)}
    # Round 53: and a one-word name that ends in a possessive's "s" is written with the
    # apostrophe too ("Barts" ... "Bart's"); the list's "Guy's" never loses its own.
    names |= {
        (w[0][:-1] + "'s",)
        for w in list(names)
        if len(w) == 1 and w[0].endswith("s") and not w[0].endswith(("ss", "'s")) and len(w[0]) > 4
    }
    return NameList(
        frozenset(names),
        frozenset(abbreviations),
        frozenset(w[0] for w in names) | frozenset(abbreviations),
        max(len(w) for w in names),
    )


@lru_cache(maxsize=1)
def setting_words() -> frozenset[str]:
    """Every word of every listed setting's name ("london" of "Royal London")."""
    return frozenset(word for name in name_list().names for word in name)


# Round 55: a house number right before a one-word listed name makes it the street the hospital
# took its name from ("Bethan Price, 142 Kingsway, Neath"; two retired sets' templates, v60).
# The number opens the address: after a comma, a colon, a bracket, a line's start or "at".
HOUSE_NUMBER_BEFORE = re.compile(
    r"(?:^|(?<=[,:(\n])|(?<=[,:(][ \t])|(?<=(?i:at|on|to)[ \t]))\d{1,4}[A-Za-z]?[ \t]+$"
)


def _without_apostrophes(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.replace("'", "") for w in words)


def listed_care_settings(text: str) -> Iterator[Finding]:
    """Listed hospitals, their nicknames and abbreviations, with a following "Hospital"."""
    lst = name_list()
    common = gazetteer().common_words
    tokens = [(*m.span(), m[0].lower()) for m in WORD.finditer(text)]
    if "’" in text:  # the few texts with a curly apostrophe pay for replacing it
        tokens = [(start, end, word.replace("’", "'")) for start, end, word in tokens]
    first = lst.first_words
    # Only a listed name's first word (or its possessive) can start one: found in one pass, so
    # the loop below visits those few tokens, not every word of the story.
    openings = [
        k
        for k, (_, _, word) in enumerate(tokens)
        if word in first or (word.endswith("'s") and word[:-2] in first)
    ]
    i = 0  # where the next name may start: after the last one found
    for k in openings:
        if k < i:
            continue
        i = k
        word = tokens[i][2]
        stem = word[:-2] if word.endswith("'s") else word
        matched, possessed = 0, False
        for size in range(min(lst.longest, len(tokens) - i), 0, -1):
            key = tuple(t[2] for t in tokens[i : i + size])
            possessed = key not in lst.names and _possessed(key, lst)
            if key in lst.names or (size == 1 and (stem,) in lst.names) or possessed:
                if size == 1 and (
                    not _single_word_ok(text, tokens, i, common)
                    or _ends_a_place(text, tokens, i)
                    or _in_a_full_name(text, tokens, i)
                ):
                    continue
                matched = size
                break
        if not matched and word in lst.abbreviations:
            before = tokens[i - 1][2] if i else ""
            if text[tokens[i][0] : tokens[i][1]].isupper() or before == "the":
                matched = 1
        if matched:
            end = i + matched
            while end < len(tokens) and end - i < 8 and not possessed:
                word = tokens[end][2]
                possessed = word.endswith("'s") and word[:-2] in TRAILING  # "General's car park"
                if word not in TRAILING and not possessed:
                    break
                if word in CAPITALISED_TRAILING and text[tokens[end][0]].islower():
                    break  # "Whittington Hospital maternity": the service, not the name
                end += 1
            last = tokens[end - 1][1] - (2 if possessed else 0)  # the name, without its "'s"
            house = HOUSE_NUMBER_BEFORE.search(text, max(0, tokens[i][0] - 12), tokens[i][0])
            if house and end == i + 1:  # "142 Kingsway": a street that a hospital is named after
                yield Finding(house.start(), last, "ADDRESS", 0.8, "care_list_street")
                i = end
                continue
            yield Finding(tokens[i][0], last, "CARE_SETTING", 0.85, "care_list")
            i = end


def _possessed(key: tuple[str, ...], lst: NameList) -> bool:
    """ "Glan Clwyd's car park", "Barnet General's": a listed name of two words or more whose
    last word carries "'s" (context probes, twenty-second session), found without its "'s",
    as is a kind word carrying it ("Torbay Hospital's"). One word alone is the stem rule's
    ("Morriston's")."""
    if len(key) < 2 or not key[-1].endswith("'s"):
        return False
    return (*key[:-1], key[-1][:-2]) in lst.names


TOWN_AFTER = re.compile(r",[ \t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?![\w'’-])")


def _ends_a_place(text: str, tokens: list, i: int) -> bool:
    """ "Thornton Heath", "Kings Norton": a one-word hospital name ("Heath", from "Heath
    Hospital") that ends a listed place with the capitalised word before it is the place, and
    so does one that ends a district placed in its town ("Kings Heath, Birmingham"; the
    twenty-fourth round's `neighbourhoods._districts_of_towns` finds it). Round 45 (four sets):
    after any capitalised name that is no everyday word ("Balsall Heath", no list holds it),
    before a district's second word ("Heath Town"), and a listed place typed in lower case
    ("thornton heath"); "taken to the Heath", "Visited Morriston" stay the hospital's."""
    gaz = gazetteer()
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        after
        and text[tokens[i][1] : after[0]] == " "
        and after[2] in DISTRICT_TAILS
        and text[after[0]].isupper()
        and text[tokens[i][0]].isupper()
    ):
        return True  # "Heath Town", "Heath End": a district that opens with the word (round 45)
    if not i or text[tokens[i - 1][1] : tokens[i][0]] != " ":
        return False
    before = tokens[i - 1]
    pair = f"{before[2]} {tokens[i][2]}"
    if not text[before[0]].isupper():
        # "live in thornton heath": a listed place typed in lower case (round 45)
        return pair in gaz.places
    if pair in gaz.places:
        return True
    if (
        before[2] not in gaz.common_words
        and before[2] not in CARE_PREPOSITIONS
        and before[2] not in HOSPITAL_OPENERS
        and not text[before[0] : before[1]].isupper()
    ):
        return True  # "Balsall Heath": a district's own name before the word (round 45)
    town = TOWN_AFTER.match(text, tokens[i][1])
    return town is not None and town.group(1).lower() in gaz.places


# The second words of districts named after a heath, a green or a town ("Heath Town").
DISTRICT_TAILS = frozenset("town end green side hill common cross hall moor vale fields".split())
# Words that open hospitals' names and are also given names in the lists ("Royal Papworth").
HOSPITAL_OPENERS = frozenset(
    "royal queen king princess prince lady general county city memorial university".split()
)


def _in_a_full_name(text: str, tokens: list, i: int) -> bool:
    """A one-word hospital name inside a person's full name (twenty-eighth round): hospitals
    are named after people, so "Reported by: Jade Singleton" has a surname and "As told to
    Rosie Brennan" a first name, not Singleton Hospital or the Rosie. A capitalised known
    first name just before the word, or the word a known first name with a capitalised known
    surname just after, and no kind of care after it ("Jade Singleton Hospital" is one)."""
    gaz = gazetteer()
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after and after[2] in TRAILING and "\n" not in text[tokens[i][1] : after[0]]:
        return False  # "Freeman Hospital"; "Mrs Freeman\nClinic: ..." is a form's next line
    if names_a_person(text, tokens, i, setting_words()):
        return True
    written = text[tokens[i][0] : tokens[i][1]]
    if not written[:1].isupper() or written.isupper():
        return False
    before = tokens[i - 1] if i else None
    if before and text[before[1] : tokens[i][0]] == " ":
        word = text[before[0] : before[1]]
        if (
            word.istitle()
            and before[2] in gaz.first_names
            and before[2] not in CARE_PREPOSITIONS
            and before[2] not in HOSPITAL_OPENERS
        ):
            return True
    if after and text[tokens[i][1] : after[0]] == " " and tokens[i][2] in gaz.first_names:
        word = text[after[0] : after[1]]
        return word.istitle() and after[2] in gaz.surnames and after[2] not in gaz.common_words
    return False


def _single_word_ok(text: str, tokens: list, i: int, common: frozenset[str]) -> bool:
    """A one-word name that is also an everyday word ("Guys", "Christie") needs capitals and
    a preposition or "the" before it, or a care word after it."""
    word = tokens[i][2]
    stem = word[:-2] if word.endswith("'s") else word
    if stem not in common and word not in common:
        return True
    after = tokens[i + 1][2] if i + 1 < len(tokens) else ""
    before = tokens[i - 1][2] if i else ""
    written = text[tokens[i][0] : tokens[i][1]]
    capitals_mean_little = not any(c.isupper() for c in text) or text.isupper()
    capitalised = written[:1].isupper() or capitals_mean_little
    return capitalised and (after in TRAILING or before in CARE_PREPOSITIONS)


# "St Luke's", "Saint Mary's Hospital", "ST JAMES": a saint's name is a hospital, hospice,
# church or place: an identifier whichever it is. Thirty-eighth round: an ECG's "ST" segment
# ("NO ACUTE ST CHANGES", "ST elevation", "ST depression") is no saint.
ECG_AFTER_ST = r"(?!(?i:changes?|elevation|elevated|depression|depressed|segments?)\b)"
SAINT = re.compile(
    r"(?<![\w])(?:St\.?|Saint|ST\.?|SAINT)\s+"
    # Round 71: a name in capitals keeps its capital "'S" ("ST NON'S HOSPICE"; v92).
    rf"{ECG_AFTER_ST}(?:[A-Z][a-z]+|[A-Z]{{2,}})(?:['’][sS]|['’]|s)?"
    r"(?:\s+(?:and|&)\s+[A-Z][a-z]+(?:['’]s)?)?"
    r"(?:\s+(?:Hospital|Hospice|Infirmary|University Hospital|Hospitals|Surgery|Practice|"
    r"Medical Centre|Ward|HOSPITAL|HOSPICE))?"
)
# A capitalised word after a preposition of place, right before "St", makes it a street's
# ("on High St", "at Castle St"), not a saint's ("Guy's and St Thomas'", "Later St Luke's").
STREET_BEFORE_ST = re.compile(
    r"(?<![\w'’-])(?:on|off|in|at|to|from|down|along|near|of)[ \t]+"
    r"(?P<name>(?!(?:The|And|Of|Royal)\b)[A-Z][a-z]+)[ \t]$"
)
SCHOOL_OR_CHURCH_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:RC|CE|C\s?of\s?E|Catholic|Parish|Methodist)\s+)?"
    r"(?:Primary|Academy|High|Secondary|Grammar|Infants?|Juniors?|School|College|Church|church|"
    r"Chapel|chapel|Cathedral|Parish)\b"
)
AFTER_A_DEDICATION = re.compile(
    r"(?i:holy\s+\w+|sacred\s+heart|all\s+saints|christ\s+church|our\s+lady[\w\s]*)"
    r"\s+(?:&|and)\s+$"
)
SAINT_LOWER = re.compile(
    r"(?<![\w])(?:at|to|in|into|from)\s+(?P<name>(?:st\.?|saint)\s+[a-z]+(?:['’]s|s)?"
    r"(?:\s+(?:hospital|hospice|infirmary))?)(?![\w])"
)
# Round 71: with its kind after it, a saint's setting in lower case needs no word of place
# before it ("second choice st non's hospice"; marked in eleven writers' sets, none unmarked).
SAINT_LOWER_KIND = gated(
    re.compile(
        r"(?<![\w'’-])(?:st\.?|saint)\s+[a-z]+(?:['’]s|s)?\s+(?:hospital|hospice|infirmary)"
        r"(?![\w'’-])"
    )
)
WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)[ \t]+$")
WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]+)(?![\w'’-])")


def _inside_a_listed_place(text: str, start: int, end: int) -> bool:
    """A saint's name that is part of a longer listed place, with a capitalised word before or
    after it: "St John's Wood", "Wisbech St Mary", "Saltfleetby St Peter" (context probes,
    twenty-second session). The place finder finds the whole; the saint alone would leave
    the rest of the place uncovered."""
    gaz = gazetteer()
    before = WORD_BEFORE.search(text, max(0, start - 30), start)
    after = WORD_AFTER.match(text, end)
    said = text[start:end]
    candidates = [
        f"{before.group(1) if before else ''} {said} {after.group(1) if after else ''}",
        f"{before.group(1)} {said}" if before else "",
        f"{said} {after.group(1)}" if after else "",
    ]
    for candidate in candidates:
        key = " ".join(candidate.lower().replace("’", "'").split())
        if key != said.lower() and (key in gaz.places or key in gaz.small_places):
            return True
    return False


# "the Royal", "the General", "at the royal": the local hospital by its generic name.
GENERIC_THE = re.compile(
    r"(?<![\w])(?:at|to|in|into|from|outside|up|down|round|under)\s+the\s+"
    r"(?P<name>royal|general|infirmary|royal infirmary|general hospital|city hospital|"
    r"district general|county hospital|cottage hospital|alex|vic|ri)(?![\w'’-])"
    r"(?!\s+(?:practice|public|election|manager|feeling|idea|area|sense|rule|population|"
    r"anaesthetic|anesthetic|family|mail|assembly|navy|air|british|college|society|opinion|"
    r"secretary|medical|practitioner|consensus|standard|view|way|case|level))",
    re.IGNORECASE,
)
# "the Children's Hospital", "at the Women's", "the Eye Hospital": a town's one hospital of its
# kind, capitalised as a name ("the children's ward" is no name, nor "the Children's Centre"
# nor "the Women's service": "Children's" alone must end its phrase).
GENERIC_KIND = re.compile(
    r"(?<![\w])(?i:at|to|in|into|from|outside|up|down|round|under|for)\s+(?i:the)\s+"
    r"(?P<name>(?:Children|Women|Childrens|Womens)(?:['’]s|['’])?(?:\s+(?:Hospital|Infirmary)"
    r"|(?=[ \t]*(?:[.,;:!?)\n]|$|(?:in|at|for|on|and|with|to|A&E|last|yesterday)\b)))"
    r"|(?:Eye|Dental|Maternity|Cottage|Memorial|Community)\s+Hospital)(?![\w'’-])"
)
# "admissions to SWAH", "under DCH", "at RBH": a hospital's initials ending in H (hospital)
# after a word of place or "under", with a word of care near. "the WRH" is THE_INITIALS'.
CUED_INITIALS = re.compile(
    r"(?<![\w])(?:under|at|to|in|into|from)[ \t]+(?P<abbr>[A-Z]{2,4}H)(?![\w&'’-])"
)
LOWER_H_WORD = re.compile(r"\b[a-z]{2,3}h\b")
# Round 57: the same typed in lower case by someone in a hurry ("on a trolley at fmh since
# yesterday", "ambulance took her to lbuh"; a retired set, v64, in five messages): three or four
# letters ending in "h" that are no English word, with a word of care near.
LOWER_CUED_INITIALS = re.compile(
    r"(?<![\w])(?:under|at|to|in|into|from)[ \t]+(?P<abbr>[a-z]{2,3}h)(?![\w&'’-])"
)
# "still in North Mid", "up at the Royal Vic": a listed two-word name with its last word cut
# short, after a word of place, with a word of care near.
CLIPPED = re.compile(
    r"(?<![\w])(?:at|to|in|into|from|under|outside)[ \t]+(?:the[ \t]+)?"
    r"(?P<name>(?P<first>[A-Z][a-z]+)[ \t]+(?P<clip>[A-Z][a-z]{2,4}))(?![\w'’-])"
)


@lru_cache(maxsize=1)
def clipped_names() -> frozenset[tuple[str, str]]:
    """ "North Middlesex" gives ("north", "mid") and ("north", "midd"); only longer last words
    are cut, and never into a listed place ("North Wal..." would be "North Wales")."""
    places = gazetteer().places
    clips = set()
    for words in name_list().names:
        if len(words) != 2 or not all(w.isalpha() for w in words) or len(words[1]) < 6:
            continue
        for k in range(3, len(words[1]) - 1):
            if f"{words[0]} {words[1][:k]}" not in places:
                clips.add((words[0], words[1][:k]))
    return frozenset(clips)


def shortened_care_settings(text: str) -> Iterator[Finding]:
    """Generic names of a kind, cued hospital initials and clipped listed names."""
    for m in GENERIC_KIND.finditer(text):
        yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.7, "care_generic")
    if text.isupper():
        return
    lower = (LOWER_CUED_INITIALS, "abbr") if LOWER_H_WORD.search(text) else None
    for pattern, label in ((CUED_INITIALS, "abbr"), (CLIPPED, "name"), *filter(None, [lower])):
        for m in pattern.finditer(text):
            if label == "abbr" and (
                m.group("abbr").upper() in NOT_HOSPITAL_INITIALS
                or m.group("abbr").lower() in NOT_INITIALS
                or m.group("abbr") in gazetteer().english_words
            ):
                continue
            if label == "name" and (
                (m.group("first").lower(), m.group("clip").lower()) not in clipped_names()
            ):
                continue
            near = text[max(0, m.start() - CONTEXT_CHARS) : m.end() + CONTEXT_CHARS]
            if CARE_CONTEXT.search(near) or NOTE_CARE_WORDS.search(near):
                yield Finding(m.start(label), m.end(label), "CARE_SETTING", 0.7, "care_short")


# Care as notes write it, in plurals and short forms CARE_CONTEXT leaves out.
NOTE_CARE_WORDS = re.compile(
    r"\b(?i:admissions|appts?|referrals?|referred|d/c|inpatients?|wards|nurses|"
    r"consultants|clinics|hospitals|x-?rays)\b"
)


GENERIC_THE = gated(GENERIC_THE)
# Round 39: "the Royal" and the capitalised word of its name after it ("at the Royal Jubilee in
# Belfast", "to the Royal Gwent"): the hospital's name goes on. A body, a service or a venue
# named "Royal" is no hospital ("the Royal Mail", "the Royal Albert Hall", "the Royal Marines").
ROYAL_NAME = re.compile(
    r"[ \t]+(?P<word>[A-Z][a-z]{2,})(?![\w'’-])"
    r"(?![ \t]+(?:Hall|Theatre|Opera|Exchange|Arcade|Mile|Park|Hotel|Court|Gardens|Show|Society|"
    r"College|Academy|Institution|Infirmary|Hospital|Centre|Square|Crescent|Road|Street)\b)"
)
NOT_ROYAL_HOSPITALS = frozenset(
    """mail navy air british college society marines mint family legion academy institution
    opera ballet shakespeare court household engineers signals artillery logistic voluntary
    horticultural geographic agricultural scots welsh irish highland national exchange
    borough bank charter commission warrant visit wedding baby hospital infirmary and
    in on at for with was is""".split()
)
# Thirty-fifth round: a hospital called by its compass word alone, capitalised ("if the Western
# is still doing x-rays", "rushed to the Northern"), with a word of care near. Not "the Western
# Isles" (a name goes on), not "the Western world", "the Northern lights" (a noun follows).
COMPASS_THE = re.compile(
    r"(?<![\w])(?i:the)[ \t]+(?P<name>Western|Eastern|Northern|Southern)(?![\w'’-])"
    r"(?![ \t]+(?:[A-Z]|(?i:world|style|front|genre|diet|medicine|countries|way|hemisphere|"
    r"lights?|line|side|part|end|edge|coast|half|region|areas?|europe|approach|culture|"
    r"countries|society|democracies|powers|bloc|film|movie|novel)\b))"
)
COMPASS_THE = gated(COMPASS_THE)
# "Ysbyty Gwynedd", "Meddygfa'r Llan", "Canolfan Iechyd Bethesda", "Cartref Bontnewydd". The
# name's second word is on its line (round 47: a subject line's "Ysbyty Gwynedd" took the
# name that opened the message under it).
# Round 56: a dental practice and a pharmacy by their Welsh words too ("Deintyddfa Glan yr Afon",
# "Fferyllfa Tywi"; retired sets v53, v58, v62), and "'R" in capitals ("MEDDYGFA'R LLAN"). Letting
# a name typed in one case go on over the elements of Welsh names ("cartref bryn haul") was
# tried and cost a blind set a story, so it is not done. Round 58: Gaelic's and Irish's own
# words too ("Taigh Slàinte Uibhist", a health centre; "Ospadal", "Ospidéal", a hospital).
# Round 101: the article inside a Welsh name ("Ysbyty Maes y Wern", "Meddygfa Bryn yr Eglwys";
# v153 four times), which had ended the name after its first word.
WELSH = re.compile(
    r"(?<![\w])(?i:ysbyty|meddygfa|deintyddfa|fferyllfa|canolfan\s+(?:iechyd|feddygol)|cartref|"
    r"hosbis|taigh\s+sl[àa]inte|ospadal|osp[ií]d[ée]al)(?:['’][rR])?\s+[^\W\d_][\w'’-]*"
    r"(?=(?P<rest>(?:[ \t]+yr?)?[ \t]+[A-ZÂÊÎÔÛŴŶ][\w'’-]*)?)"
)
WELSH = gated(WELSH)


def _welsh_name_end(text: str, m: re.Match) -> int:
    """Where a Welsh setting's name ends: after its first word, one more capitalised word
    ("Ysbyty Glan"; the listed names take longer ones)."""
    return m.end("rest") if m.group("rest") else m.end()


# "Ward C4", "ward 3B", "Ward 7", "OPD 3", "Outpatients 2". Round 95: on one line, and not a
# time after the ward ("Handover Rainbow Ward 14:30"); a timesheet's "Holly Ward" then a date on
# the next line had become "Ward 26" (v140), as had a person called Ward above their address.
WARD_CODE = re.compile(
    r"(?<![\w])(?:ward|opd|outpatients?(?:\s+department)?)[ \t]+[A-Z]{0,2}\d{1,3}[A-Z]?"
    r"(?![\w]|:\d)",
    re.IGNORECASE,
)
WARD_CODE = gated(WARD_CODE)
# Thirty-fifth round: a ward's number said in words, two words or more ("ward one oh two",
# "ward twenty three"); one word alone is too often a count or a determiner ("the ward one
# night"), and a count's noun after the words ends it ("ward two three times").
_SAID_DIGIT = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|oh|zero|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety)"
)
WARD_IN_WORDS = re.compile(
    rf"(?<![\w'’])(?<!the )ward[ \t]+(?:{_SAID_DIGIT}[ \t-]+){{1,3}}{_SAID_DIGIT}(?![\w'’-])"
    r"(?![ \t]+(?:days?|nights?|weeks?|months?|years?|hours?|times|beds?|nurses|patients|people|"
    r"of|or|more|other)\b)",
    re.IGNORECASE,
)
WARD_IN_WORDS = gated(WARD_IN_WORDS)

# "on C Wing", "F WING", "THE JESSOP WING": a prison's or hospital's wing by a letter (any
# case), or by a name in a text of capitals, where "Wing" no longer tells a name by its capital
# (the mixed-case "Jessop Wing" is found with the other named kinds). Compass and side words
# name a part of any building ("WEST WING", "LEFT WING").
LETTER_WING = re.compile(r"(?<![\w'’&-])[A-Z][ \t]+(?:Wing|WING)(?![\w'’-])")
CAPS_NAMED_WING = re.compile(r"(?<![\w'’&-])(?P<name>[A-Z]{3,})[ \t]+WING\b")
# "A" and "I" are words too ("It was A Wing and a prayer"): only after a preposition of place.
PLACE_PREPOSITION = re.compile(r"(?:on|in|to|from|at|onto|into)[ \t]+$", re.IGNORECASE)
NOT_WING_NAMES = frozenset("north south east west left right new old main front back the a".split())


# "Ward Alaw", "Ward Erddig", "ward Llinos": a ward named after a river, a tree or a person,
# written after the word. The name must not be an English word ("Ward Manager", "Ward Round").
WARD_NAMED = re.compile(
    r"(?<![\w])(?P<ward>[Ww]ard)[ \t]+"
    r"(?P<name>[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷ][a-zâêîôûŵŷ'’]+(?:-[A-Z][a-z]+)?)"
    r"(?:[ \t]+(?P<second>[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷ'’]+))?"  # "Ward Dewi Sant"
    r"(?![\w'’-])"
)
WARD_NAMED = gated(WARD_NAMED)
# Typed in lower case or capitals: "on ward alaw", "dr shah and partners".
WARD_ANY_CASE = re.compile(
    r"(?<![\w])(?P<ward>ward)[ \t]+(?P<name>[^\W\d_]{3,})(?:[ \t]+(?P<second>[^\W\d_]{3,}))?"
    r"(?![\w'’-])",
    re.IGNORECASE,
)
PARTNERS_ANY_CASE = re.compile(
    r"(?<![\w])(?:dr|doctor)\.?\s+[^\W\d_][\w'’-]*\s+(?:and|&)\s+partners\b", re.IGNORECASE
)
# "Dr Shah and Partners", "Dr McCartan & Partners", "Drs Bhatti and Ferris": a practice named
# after its doctors.
_SURNAME = r"(?:[A-Z](?=[\w'’-]*[a-z])[\w'’-]*)"  # one lower-case letter at least
PARTNERS = re.compile(
    rf"(?<![\w])(?:Dr|DR|Doctor)\.?\s+{_SURNAME}(?:\s*(?:,|and|&)\s*(?:Dr\.?\s+)?{_SURNAME})*"
    r"\s+(?:and|&)\s+(?:Partners|Colleagues|Associates)\b"
    rf"|(?<![\w])Drs\.?\s+{_SURNAME}(?:\s*(?:,|and|&)\s*{_SURNAME})+"
)
PARTNERS = gated(PARTNERS)
# "carers from Fellside Care", "two calls a day from Brackenwood Homecare": a home-care
# provider named as where the carers or the calls come from (25th round). The cue keeps out
# kinds of care ("support from Adult Social Care", "referred to Intensive Care").
# Round 55: "cancelled by Sunrise Community Care", "rung the agency, Northern Star Care": the
# calls cancelled by it, or the agency named in apposition, are cues too (a retired set, v61).
HOME_CARE_PROVIDER = re.compile(
    r"\b(?:carers?|care\s+calls?|calls?(?:\s+a\s+day|/day)?|care\s+package|package\s+of\s+care|"
    r"agency|care\s+workers?|support\s+workers?|keyworker)\b"
    r"(?:[^.\n]{0,30}?\b(?:from|by)\s+|(?<=agency)[ \t]*(?:,|:|is|called)[ \t]*)"
    r"(?P<name>(?:[A-Z][a-z'’]+\s+){1,2}(?:Care|Homecare|Home\s+Care|Healthcare))\b(?![ \t]+[A-Z])"
)
HOME_CARE_PROVIDER = gated(HOME_CARE_PROVIDER)
# Twenty-sixth round: a home-care agency named by its own words, with no cue before it
# ("Provider Tyneview Home Support to start", "Spoke to Marshland Homecare", "Pennine Valley
# Home Carers have"): one or two capitalised words, then "Home Support", "Home Carers", "Home
# Care" or "Homecare". A kind of care or a team ("Council Home Care", "Reablement Home
# Support", "The Home Care team") has a first word of NOT_PROVIDER_WORDS or a function word.
# Thirty-eighth round: an agency named for both its trades ("Kestrel Support & Care",
# "Brightwater Care and Support"), the way supported-living and home-care firms call
# themselves; a kind of service before them ("Adult Care & Support") is no name.
# Round 55: the other words agencies and practices call themselves by ("Kinship Supported
# Living", "Lakeland Live-In Care", "Tower Family Healthcare", "Hearts & Homes Care Ltd"; in
# four retired sets), two name words joined by "&" too, and "HOMECARE" after a name in capitals.
AGENCY_NAME = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[A-Z][a-z'’]+[ \t]+(?:&[ \t]+)?){1,2}"
    r"(?:Home[ \t]+(?:Support|Carers|Care)|Homecare|"
    r"Support[ \t]+(?:&|and)[ \t]+Care|Care[ \t]+(?:&|and)[ \t]+Support|"
    r"Supported[ \t]+Living|Live-[Ii]n[ \t]+Care|Healthcare|Care(?=[ \t]+(?:Ltd|Limited))|"
    # Round 73: "Caledonia Care at Home", "Apex Care Solutions", "Thistlebank Support
    # Services", "Sunrise Support Ltd" (v56, v74, v96; v29, v39, v61, v71).
    r"Care[ \t]+at[ \t]+Home|(?:Care|Support)(?=[ \t]+(?:Services|Solutions|Ltd|Limited))|"
    # Round 94: "Abbeyfield Domiciliary Services", "Rosewood Care Agency", "Sunrise Carers Ltd",
    # and in capitals ("AGENCY ROSEWOOD CARE AGENCY", "SUNRISE CARERS LTD"; v138, 23 sets mark
    # agencies by these kinds).
    r"Domiciliary[ \t]+(?:Care|Services)|Care[ \t]+Agency|Carers(?=[ \t]+(?:Ltd|Limited)))"
    r"(?:[ \t]+(?:Services|Solutions|Partners|Ltd|Limited))?"
    r"|(?:[A-Z]{3,}[ \t]+){1,2}(?:HOMECARE|HOME[ \t]+CARE|DOMICILIARY[ \t]+(?:CARE|SERVICES)"
    r"|CARE[ \t]+AGENCY|CARERS?[ \t]+LTD))(?![\w'’-])"
    r"(?![ \t]+(?:Assistants?|Support[ \t]+Workers?|Workers?|Professionals?|Scientists?|"
    r"NHS|Trust|Foundation|Partnership))"
)
AGENCY_NAME = gated(AGENCY_NAME)
# Round 56: an agency's made-up name typed in lower case ("the carer from brightpath homecare";
# a retired set, v62): after "from", "with", "by" or "agency", a word no English list holds,
# then the agency's kind.
LOWER_AGENCY_NAME = gated(
    re.compile(
        r"(?<![\w'’-])(?:from|with|by|agency|agency's|called)[ \t]+"
        r"(?P<name>(?P<word>[a-z]{4,})[ \t]+"
        r"(?:homecare|home[ \t]+care|healthcare|supported[ \t]+living|care[ \t]+ltd))(?![\w'’-])"
    )
)
# Round 73: after "carers from" an agency's name may be an everyday word too ("the carers from
# kingdom home care", "carers from bluebell homecare", "mums carers from sunrise homecare";
# v34, v45, v96).
CARERS_BEFORE = re.compile(r"\bcarers?[ \t]+$")
# The kind's own first words: with the label before it gone, no name is left ("To Healthcare,
# HMP Durham", "Provider Home Care").
AGENCY_KIND_WORDS = frozenset("home homecare healthcare supported live-in care support".split())
# A note's label or a verb before the agency's name: "Provider Tyneview Home Support".
AGENCY_LABELS = frozenset(
    """provider providers agency carers via from with to rang called phoned emailed spoke
    contacted new current""".split()
)
# Kinds of care and services a first word makes of "... Care": no provider's name.
NOT_PROVIDER_WORDS = frozenset(
    """social adult adults primary secondary community intensive critical continuing urgent
    respite personal health palliative day home integrated residential nursing domiciliary
    specialist children's childrens child family elderly older council local private district
    national emergency end hospice dementia mental reablement crisis night live sitting
    overnight housing disability disabilities learning supported independent dental sexual
    women's men's good better quality poor free carers""".split()
)
# "the WRH", "the NCGH": a local hospital's initials after "the", taken only when they end as
# hospital and infirmary initials do (H, I) and a word of care is near. Listed abbreviations
# ("the LGI") are found above without that context.
THE_INITIALS = re.compile(r"(?<![\w])the\s+(?P<abbr>[A-Z]{2,4}[HI])(?![\w&'’-])")
CARE_CONTEXT = re.compile(
    r"\b(?:admitted|admission|discharged?|ward|a&e|a\s*and\s*e|consultant|hospital|ambulance|"
    r"nurses?|clinic|scan|appointment|operation|outpatients?|triage|theatre|bed|surgeon|"
    r"sister|paramedics?|x-?ray|physio|doctors?|transferred|maternity|emergency)\b",
    re.IGNORECASE,
)
CONTEXT_CHARS = 100


def _unlisted_or_place(word: str) -> bool:
    """A ward's name: a word English lacks ("Alaw", "Sant") or a place ("Conwy")."""
    word = word.lower().replace("’", "'")
    return word not in gazetteer().english_words or word in gazetteer().places


def patterned_care_settings(text: str) -> Iterator[Finding]:
    any_case = capitals_mean_little(text)
    for m in (WARD_ANY_CASE if any_case else WARD_NAMED).finditer(text):
        if _unlisted_or_place(m.group("name")):
            second = (m.group("second") or "").lower()
            end = m.end() if second and second not in gazetteer().common_words else None
            yield Finding(m.start(), end or m.end("name"), "CARE_SETTING", 0.8, "care_pattern")
    for m in (PARTNERS_ANY_CASE if any_case else PARTNERS).finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.85, "care_pattern")
    for m in LOWER_AGENCY_NAME.finditer(text):
        word = m.group("word")
        if word in NOT_PROVIDER_WORDS or word in STOP_WORDS:
            continue
        if word not in gazetteer().english_words or (
            m.group().startswith(("from", "with"))
            and CARERS_BEFORE.search(text, max(0, m.start() - 10), m.start())
        ):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.7, "care_pattern")
    for m in HOME_CARE_PROVIDER.finditer(text):
        # A kind of care opens with its kind ("Adult Social Care"); a name before a kind
        # ("Sunrise Community Care") is a provider's.
        if m.group("name").split()[0].lower() not in NOT_PROVIDER_WORDS:
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.75, "care_pattern")
    for m in AGENCY_NAME.finditer(text):
        start = m.start("name")
        first = re.match(r"[A-Z][A-Za-z'’]+", text[start:])
        if first and first.group().lower() in AGENCY_LABELS:  # "Provider Tyneview Home ...",
            # or in capitals: "AGENCY ROSEWOOD CARE AGENCY" (round 94)
            start = m.start("name") + len(first.group())
            start += len(text[start:]) - len(text[start:].lstrip(" \t"))
        words = text[start : m.end("name")].split()
        if words[0].isupper() and len(words) > 2 and words[0].lower() in STOP_WORDS:
            start += len(words[0])  # "CAN OAKTREE HOMECARE": the name starts after "CAN"
            start += len(text[start:]) - len(text[start:].lstrip(" \t"))
        name_words = text[start : m.end("name")].split()
        first_word = name_words[0].lower()
        if first_word in AGENCY_KIND_WORDS or first_word in NOT_PROVIDER_WORDS:
            continue
        kind_at = next((i for i, w in enumerate(name_words) if w.lower() in AGENCY_KIND_WORDS), 0)
        if (
            kind_at
            and name_words[-1] in ("Services", "Solutions", "Home")
            and name_words[kind_at - 1].lower() in NOT_PROVIDER_WORDS
        ):
            continue  # "Hertfordshire Adult Care Services": a council's kind of service
        if first_word not in STOP_WORDS:
            yield Finding(start, m.end("name"), "CARE_SETTING", 0.75, "care_pattern")
    if not text.isupper():
        for m in THE_INITIALS.finditer(text):
            if m.group("abbr") in NOT_HOSPITAL_INITIALS:
                continue
            near = text[max(0, m.start() - CONTEXT_CHARS) : m.end() + CONTEXT_CHARS]
            if CARE_CONTEXT.search(near):
                yield Finding(m.start("abbr"), m.end("abbr"), "CARE_SETTING", 0.7, "care_initials")
    for m in SAINT.finditer(text):
        if _inside_a_listed_place(text, m.start(), m.end()):
            continue  # "St John's Wood", "Wisbech St Mary": the place finder's
        street = STREET_BEFORE_ST.search(text, max(0, m.start() - 30), m.start())
        if street and m.group()[:2] == "St":  # "pharmacy on High St Bridlington": a street
            yield Finding(street.start("name"), m.start() + 2, "ADDRESS", 0.7, "care_saint")
            continue
        if SCHOOL_OR_CHURCH_AFTER.match(text, m.end()):
            continue  # "St Aidan's Church", "St Monica's RC Primary": schools_and_estates'
        if AFTER_A_DEDICATION.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Holy Cross & St Anne's": one church, found in schools_and_estates
        if not (m.group()[:2] == "ST" and not text.isupper() and len(m.group()) < 4):
            yield Finding(m.start(), m.end(), "CARE_SETTING", 0.8, "care_saint")
    for m in SAINT_LOWER.finditer(text):
        yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.75, "care_saint")
    for m in SAINT_LOWER_KIND.finditer(text):
        yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "care_saint")
    for m in GENERIC_THE.finditer(text):
        end = m.end("name")
        named = ROYAL_NAME.match(text, end) if m.group("name") == "Royal" else None
        if named and named.group("word").lower() not in NOT_ROYAL_HOSPITALS:
            end = named.end("word")  # "the Royal Jubilee", "up at the Royal Gwent" (round 39)
        yield Finding(m.start("name"), end, "CARE_SETTING", 0.7, "care_generic")
    for m in COMPASS_THE.finditer(text):
        near = text[max(0, m.start() - CONTEXT_CHARS) : m.end() + CONTEXT_CHARS]
        if CARE_CONTEXT.search(near) or NOTE_CARE_WORDS.search(near):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.7, "care_generic")
    for m in LETTER_WING.finditer(text):
        if text[m.start()] not in "AI" or PLACE_PREPOSITION.search(text, 0, m.start()):
            yield Finding(m.start(), m.end(), "CARE_SETTING", 0.8, "care_pattern")
    if text.isupper() or capitals_mean_little(text):
        for m in CAPS_NAMED_WING.finditer(text):
            words = m.group("name").lower().split()
            if not any(w in NOT_WING_NAMES or w in gazetteer().common_words for w in words):
                yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "care_pattern")
    for m in WELSH.finditer(text):
        yield Finding(m.start(), _welsh_name_end(text, m), "CARE_SETTING", 0.85, "care_pattern")
    for pattern in (WARD_CODE, WARD_IN_WORDS):
        for m in pattern.finditer(text):
            yield Finding(m.start(), m.end(), "CARE_SETTING", 0.85, "care_pattern")


def care_setting_findings(text: str) -> list[Finding]:
    found = [
        *listed_care_settings(text),
        *patterned_care_settings(text),
        *hospital_units(text),
        *care_setting_kind_findings(text),
        *hospital_initials(text),
        *shortened_care_settings(text),
        *house_named_settings(text),  # "in the laurels", "(the hollies)" (round 43)
    ]
    # "Holy Trinity & St George's" is one church, found in schools_and_estates, not a hospital;
    # "live in Small Heath" is a district, though "the Heath" alone is a hospital.
    districts = [(d.start, d.end) for d in cued_districts(text)]
    return [
        f
        for f in found
        if not AFTER_A_DEDICATION.search(text, max(0, f.start - 40), f.start)
        and not SCHOOL_OR_CHURCH_AFTER.match(text, f.end)
        and not any(
            s <= f.start and f.end <= e and (s, e) != (f.start, f.end) for s, e in districts
        )
    ]
