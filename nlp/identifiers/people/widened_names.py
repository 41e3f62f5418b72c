"""Widen a found name over the words that belong to it (issue 20, tenth round).

The rules and the NER often find the distinctive word of a name and stop short of the words
people write around it, so half the name stays in the story:

- a hospital or home by its everyday short form keeps its "the": "in the Ulster", "phoned
  the Vicky", "at the royal" (a short form has no word of its kind; "the" is part of how it
  is said, and a reader of "[CARE_SETTING]" loses nothing);
- a found place, street or name followed by the word of a care setting's kind is that care
  setting: "<town> Health", "<name> Medical", "<street> Walk-in Centre", "<name> unit", and
  "<town> General" or "<town> District General", a district general hospital as people say
  it (twenty-fourth round);
- a name found after a lower-case "the" ("phoned the Vicky", "born at the Florence") is no
  person's, as nobody writes "the Sarah": it is a place, a care setting if care is near;
- a street line found without its number written after it ("Holly Close, no. 12") or a flat
  found without the street that follows ("flat 4 / 82 Parkway") takes them in;
- a found word after a place-name prefix ("Upper", "Lower", "Great", "Little", "Bishop's",
  "King's", "Nether", "Chipping" ...) is a place of two words, not a person's surname;
- a home-care agency's name found up to its "Home" or "Homecare" takes the words of an
  agency after it: "Alder Home Support", "Harrow Homecare Partners" (twenty-sixth round);
- a found name after a capitalised word of a nickname ("Big Tam", "Wee Shug", "Young Dave")
  is called by both words, and both go (twenty-fourth round): a lower-case
  "wee Shug" describes and stays;
- a found name joined by a hyphen to a first name before or after it is one double name
  ("john-paul", "Mary-Kate", "anne-marie"): both halves go (thirty-first round).

Only a finding already made is widened, so no word is flagged here on its own: precision
rests on the finding, and the words added are closed lists.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.token_words import CARE_NEAR
from nlp.identifiers.places.short_place_kinds import HOME_NEAR

NEAR = 150

# Words that make a care setting's kind: a name that holds one is said with it, not with "the"
# (round 89: "Bristol Heart Institute", "Institute of Neurological Sciences"; round 90: "Beacon
# Family Hub").
KIND_WORDS = frozenset(
    """hospital hospitals infirmary ward wards unit units surgery practice centre center clinic
    home homes hospice lodge house court manor grange hall view gardens mews place medical
    dental health healthcare pharmacy chemist suite wing department dept service services team
    ysbyty meddygfa institute hub""".split()
)
THE_BEFORE = re.compile(r"(?<![\w'’-])(?:the|The|THE)[ \t]$")
LOWER_THE_BEFORE = re.compile(r"(?<![\w'’-])the[ \t]$")
ONE_NAME = re.compile(r"[A-Z][a-z]+(?<!s)")  # "Vicky", not "Smiths" ("the Smiths" are a family)

# What a care setting's name ends with after the name of a place, street or person.
KIND_TAIL = re.compile(
    r"(?<=[Ww]alk)-[Ii]n(?:[ \t][Cc]entre)?(?![\w'’-])|"  # "Mill Street Walk" + "-in Centre"
    r"[ \t](?:(?:District[ \t])?General(?:[ \t](?:Hospital|Infirmary))?"
    r"(?![ \t]+(?:Election|Practice|Manager|Secretary|Assembly|Medical|Public|Office))|"
    r"Medical(?:[ \t](?:Centre|Center|Practice|Group))?|Health(?:care)?"
    r"(?:[ \t]Centre)?|Family[ \t](?:Healthcare|Practice|Doctors)|Walk-?[ \t]?[Ii]n"
    r"(?:[ \t][Cc]entre)?|Dental(?:[ \t](?:Care|Practice|Surgery|Centre))?|Surgery|Pharmacy|"
    r"Homecare|"
    r"(?:unit|ward|suite|Unit|Ward|Suite)(?![ \t]+(?:round|rounds|manager|sister|staff|"
    r"clerk|meeting)\b))(?![\w'’-])"
)
# The same kinds typed in lower case after a found name ("Carluke health centre", "bridgewater
# medical centre", "dr rahmans surgery"): only the unambiguous ones, never a bare "health" or
# "unit" ("Leeds health" is no setting, "the Bristol unit" may be a team).
LOWER_KIND_TAIL = re.compile(
    r"[ \t](?:health[ \t](?:centre|center|clinic)|medical[ \t](?:centre|center|practice)|"
    r"surgery|walk-in[ \t]centre|gp[ \t]surgery|(?<=(?:st|rd)[ \t])medical)(?![\w'’-])"
)
# A lower-case person before "surgery" is a practice only as its owner: "dr rahmans surgery".
OWNER = re.compile(r"(?:['’]s|s)$")
DR_BEFORE = re.compile(r"(?<![\w'’-])(?:dr|Dr|DR)\.?[ \t]$")

# After the tail, a capitalised word makes it a body or a longer name ("Leeds Health Board",
# "Kirkby Health Authority"), which other rules judge.
BODY_AFTER = re.compile(
    r"[ \t]+(?:Board|Authority|Trust|Service|Services|Partnership|Team|"
    # round 63: "Belfast Health and Social Care Trust" is a body, not a "Belfast Health" clinic
    r"and[ \t]+Social[ \t]+Care)\b"
)

# A house number after its street ("Holly Close, no. 12", "Rose Avenue, number 14"), and the
# street after a flat's number ("flat 4 / 82 Parkway", "Flat 2, 19 Broadway").
NUMBER_AFTER = re.compile(r",?[ \t]*(?:[Nn]o\.?|[Nn]umber|#)[ \t]*\d{1,4}[A-Za-z]?\b")
FLAT = re.compile(r"(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?)[ \t]+\d{1,4}[A-Za-z]?")
# Fifty-third round: what names the home before a found street line, once and after a comma
# or a space: a house number in words ("Eight, Kettering Road", "Number eight, The Paddocks"),
# a tenement flat's floor and side ("2/L, 45 Kirk Road"), a room, unit or pitch with a letter
# ("Room B17, Carrick Halls", "Unit C, Hillend Farm").
_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[ -](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?)"
)
# A house number in words, after a cue that an address follows (a line's or a field's start,
# "at", "is") or after "Number": not "about twenty, Station Road was packed".
WORDED_HOUSE_NUMBER = re.compile(
    r"(?:(?:^|(?<=[:\n])|(?<=\bat)|(?<=\bis))[ \t]*(?i:" + _WORD_NUMBER + r")"
    r"|(?<![\w'’-])(?i:number|no\.?)[ \t]+(?i:" + _WORD_NUMBER + r"))[ \t]*,?[ \t]*$",
    re.MULTILINE,
)
FLAT_BEFORE_STREET = re.compile(
    r"(?<![\w'’/-])(?:\d{1,2}/[LRlr]|(?:Room|ROOM|Unit|UNIT|Caravan|Chalet|Pitch|Plot|Cabin)"
    r"[ \t]+(?:[A-Z]\d{0,3}|\d{1,3}[A-Z]?))[ \t]*,?[ \t]*$"
)
STREET_AFTER_FLAT = re.compile(
    r"[ \t]*[/,][ \t]*\d{1,4}[A-Za-z]?[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
)

# Words that open a place's name of two words ("Upper Slaughter", "Bishop's Stortford").
PLACE_PREFIX = re.compile(
    r"(?<![\w'’-])(?:Upper|Lower|Nether|Great|Little|Much|Long|Market|Chipping|Steeple|"
    r"Castle|Bishop['’]?s|King['’]?s|Queen['’]?s|Monk['’]?s|Abbots?|Kirkby|Temple|Old|New|"
    r"Higher|Over|Nether|Middle)[ \t]$"
)


# Twenty-sixth round: a home-care agency's name runs on past the "Home", "Homecare" or "Home
# Care" a rule stopped at ("Alder Home Support", "Wymondham Home Carers", "Harrow Homecare
# Partners", "Tennyson Home Care Services"); capitalised as written, so "Ashdene Home carers"
# and a sentence's next word stay.
AGENCY_HEAD = re.compile(r"(?:Home|Homecare|Home[ \t]Care|Care)$")
AGENCY_TAIL = re.compile(
    r"[ \t]+(?:Support(?:[ \t]Services)?|Carers|Care(?:[ \t]Services)?|Services|Partners|"
    r"Helpers|Agency)(?![\w'’-])"
)

# A nickname's first word, capitalised as part of the name: "Big Tam", "Wee Jimmy", "Auld Bob".
# ("Little" and "Old" before a first name describe a child or an old man: "Little Jack".)
NICKNAME_BEFORE = re.compile(r"(?<![\w'’-])(?:Big|Wee|Young|Auld|Lil)[ \t]$")
# The other half of a double first name, written on with a hyphen: "john-[paul]".
HALF_BEFORE = re.compile(r"(?<![\w'’-])(?P<half>[A-Za-z]{2,12})-$")
HALF_AFTER = re.compile(r"-(?P<half>[A-Za-z]{2,12})(?![\w'’-])")


def widened(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings, each widened over its short form's "the", a care setting's kind word
    after it, or a place-name prefix before it. Sorted as given; may overlap a neighbour
    only where the neighbour is inside the added words (the caller resolves overlaps)."""
    return [_widen(text, f) for f in findings]


def _widen(text: str, f: Finding) -> Finding:
    start, end, label = f.start, f.end, f.label
    if label in ("PERSON", "LOCATION", "ADDRESS", "CARE_SETTING"):
        tail = KIND_TAIL.match(text, end)
        if (
            tail
            and not BODY_AFTER.match(text, tail.end())
            and _name_like(text, start, end)
            and not (label == "PERSON" and tail.group().strip().startswith("Health"))
        ):  # "Occupational Health": a person's name is no place's health service
            end, label = tail.end(), "CARE_SETTING"
        else:
            tail = LOWER_KIND_TAIL.match(text, end)
            if tail and (label != "PERSON" or OWNER.search(text[start:end])):
                end, label = tail.end(), "CARE_SETTING"
                if DR_BEFORE.search(text, max(0, start - 4), start):
                    start = DR_BEFORE.search(text, max(0, start - 4), start).start()
    if label in ("PERSON", "LOCATION", "CARE_SETTING") and AGENCY_HEAD.search(text, start, end):
        tail = AGENCY_TAIL.match(text, end)
        if tail and text[start : start + 1].isupper():
            end, label = tail.end(), "CARE_SETTING"
    if label == "PERSON" and ONE_NAME.fullmatch(text[start:end]) and _listed(text[start:end]):
        the = LOWER_THE_BEFORE.search(text, max(0, start - 4), start)
        if the:
            near = text[max(0, start - NEAR) : end + NEAR]
            cared = CARE_NEAR.search(near) or HOME_NEAR.search(near)
            return Finding(
                the.start(), end, "CARE_SETTING" if cared else "LOCATION", f.score, f.source
            )
    if label in ("ADDRESS", "LOCATION") and not text[start : start + 1].isdigit():
        home = WORDED_HOUSE_NUMBER.search(text, max(0, start - 24), start)
        if home and (label == "ADDRESS" or home.group().lstrip()[:2].lower() in ("nu", "no")):
            start, label = home.start() + len(home.group()) - len(home.group().lstrip()), "ADDRESS"
    if label == "ADDRESS":
        flat = FLAT_BEFORE_STREET.search(text, max(0, start - 16), start)
        if flat:
            start = flat.start()
        number = NUMBER_AFTER.match(text, end)
        if number:
            end = number.end()
        elif FLAT.fullmatch(text, start, end):
            street = STREET_AFTER_FLAT.match(text, end)
            if street:
                end = street.end()
    if label == "PERSON" and ONE_NAME.fullmatch(text[start:end]):
        nick = NICKNAME_BEFORE.search(text, max(0, start - 7), start)
        if nick:
            return Finding(nick.start(), end, label, f.score, f.source)
    if label == "PERSON" and "-" in text[max(0, start - 1) : end + 1]:
        start, end = _double_name(text, start, end)
    if label in ("PERSON", "LOCATION") and f.end == end:
        prefix = PLACE_PREFIX.search(text, max(0, start - 10), start)
        if prefix and text[start : start + 1].isupper() and not _first_name(text[start:end]):
            start, label = prefix.start(), "LOCATION"
    if label == "CARE_SETTING":
        the = THE_BEFORE.search(text, max(0, start - 4), start)
        words = re.findall(r"[^\W\d_]+", text[start:end].lower())
        if the and words and not KIND_WORDS & set(words):
            start = the.start()
    if (start, end, label) == (f.start, f.end, f.label):
        return f
    return Finding(start, end, label, f.score, f.source)


def _double_name(text: str, start: int, end: int) -> tuple[int, int]:
    """ "john-[paul]" -> "[john-paul]": a listed first name across a hyphen joins the name."""
    first_names = gazetteer().first_names
    before = HALF_BEFORE.search(text, max(0, start - 13), start)
    if before and before.group("half").lower() in first_names:
        start = before.start()
    after = HALF_AFTER.match(text, end)
    if after and after.group("half").lower() in first_names:
        end = after.end()
    return start, end


def _name_like(text: str, start: int, end: int) -> bool:
    """A capitalised name (or a street line), not a word in lower case: "rowan unit" in a
    text of lower case stays for the NER and the other rules."""
    return text[start : start + 1].isupper()


def _listed(word: str) -> bool:
    """A name or place the lists know ("Vicky", "Jessop"), not a word the capitals rule took
    for one ("the Velcro", "the Counsellor")."""
    gaz = gazetteer()
    low = word.lower()
    return (gaz.is_name_part(low) or low in gaz.places) and low not in gaz.common_words


def _first_name(value: str) -> bool:
    """ "Little Alfie" is a child: a person's first name after "Little" or "Old" stays."""
    gaz = gazetteer()
    low = value.split()[0].lower()
    return low in gaz.first_names and low not in gaz.places
