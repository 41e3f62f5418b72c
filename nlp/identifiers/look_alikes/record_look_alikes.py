"""Words and codes of clinical and office paperwork that look like identifiers (issue 20,
thirty-eighth round).

Storytellers paste letters, vaccination cards, prescriptions, ambulance sheets and signed-off
e-mails, and the rules took some of their everyday parts for identifiers. Each kind below is
a kind of paperwork, not a string seen:

- a vaccine's batch or lot number ("Batch FK4471", "Lot no: 30012B"): it names a vial shared
  by thousands, no person, and the writers leave it unmarked;
- a medicine's strength written as a pair or alone in capitals ("50MG/1000MG", "2.5MG"),
  which the reference shapes take for a code;
- a job title standing where a name might ("Kind regards, Bev (Reception Manager)", "HM
  Senior Coroner for Kent", "Thanks, Tom (Dispenser)"): a guess from capitals or the model
  over words that only name a post. A title that is also a surname ("Porter", "Clerk") is
  dropped only where it is plainly a post: in brackets after a name, or after another word
  of the post ("Prescriptions Clerk");
- the word of a telephone extension ("ext. 4471") taken for a place or a person (the
  extension's digits are left as they were: twelve of thirteen writers leave them unmarked);
- a letter signed off by a team or an office ("Yours faithfully, Booking Centre", "Aids &
  Adaptations Team"): everyday words ending in a team's word name no one;
- a relative's home or hospital by its kind alone ("Dad's nursing home", "Nan's care home"):
  no name, so no setting, though the kind's words made the setting rule take it;
- a branch of the armed forces ("14 years Royal Marines", "joined the Royal Navy"), which a
  veteran's story names and which the name lists took for a person;
- a specialty's or a service's letters before the kind of department ("TIA clinic", "ENT
  team", "MASH referral"), which the name lists took for a given name ("Tia");
- a name the model ran on past a note's dash into the note ("Seen by Dr Oduya - antibiotics
  started"): the name ends at the dash.

Only guesses are judged; a name after a title ("Mr Porter") or any name from the lists in the
same span ("Sam Porter") is kept.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

GUESSES = frozenset(("capitals", "ner", "repeat", "name_gazetteer"))
TEAM_GUESSES = GUESSES | {"sign_off"}
# The last word of a team's or an office's name ("Booking Centre", "Adaptations Team").
TEAM_WORDS = frozenset(
    "centre center team office department unit desk hub service services line".split()
)

# "Batch EK9788", "batch no. 30012B", "Lot: FH0161", "Batch number -" just before the code.
BATCH_BEFORE = re.compile(
    r"(?i:\b(?:batch|lot)(?:[ \t]*(?:no\.?|number|num|#))?)[ \t]*[:.#-]?[ \t]*$"
)
# A strength, alone or as a pair of a combined medicine: "25MG/250MG", "2.5 mg", "400MCG".
STRENGTH_UNIT = r"(?:mg|mcg|micrograms?|g|ml|iu|units?|%)"
STRENGTH = re.compile(
    rf"(?i:\d+(?:\.\d+)?[ \t]*{STRENGTH_UNIT}(?:[ \t]*/[ \t]*\d+(?:\.\d+)?[ \t]*{STRENGTH_UNIT})*)"
)
# The last word of a post's title: only a post, never a person's name.
POST_WORDS = frozenset(
    """coroner dispenser clerk receptionist pharmacist technician administrator
    coordinator co-ordinator caseworker ombudsman chaplain secretary porter cleaner
    housekeeper phlebotomist physiotherapist physio optician optometrist dietitian dietician
    podiatrist sonographer radiographer manager officer supervisor navigator adviser
    advisor assistant paramedic receptionists administrators""".split()
)
# Words that may stand before a post in its title and name no one.
POST_QUALIFIERS = frozenset(
    """senior assistant area deputy acting chief head lead principal duty practice reception
    prescriptions prescription pharmacy ward office team medical nursing patient care
    admin administrative""".split()
)
BRACKETED = re.compile(r"\([ \t]*$")
EXTENSION_AFTER = re.compile(r"\.?[ \t]*:?[ \t]*\d{3,6}(?!\d)")
EXTENSION_WORDS = frozenset(("ext", "extn", "extension", "x"))


# "Dad's nursing home", "my nan's care home", "Mum's hospital": a relative's, by kind alone.
RELATIVES_SETTING = re.compile(
    r"(?i:(?:my|our|his|her|their)[ \t]+)?(?i:mum|mam|mom|mother|dad|father|nan|nana|nanna|"
    r"gran|granny|grandma|grandad|grandpa|grandmother|grandfather|auntie|aunty|aunt|uncle|"
    r"husband|wife|partner|brother|sister|son|daughter)['’]s[ \t]+"
    r"(?i:(?:care|nursing|residential)[ \t]+home|home|hospital|hospice|ward|surgery)"
)
ARMED_FORCES = re.compile(
    r"(?:the[ \t]+)?Royal[ \t]+(?:Marines|Navy|Air[ \t]+Force|Engineers|Signals|Artillery|"
    r"Logistic[ \t]+Corps|Military[ \t]+Police|Fusiliers|Anglian[ \t]+Regiment|Irish[ \t]+Regiment)"
)
# A service's letters in capitals before a department's kind in lower case: "TIA clinic".
ACRONYM = re.compile(r"[A-Z]{2,5}")
DEPARTMENT_AFTER = re.compile(
    r"[ \t]+(?:clinic|clinics|team|service|services|department|dept|unit|nurse|nurses|referral|"
    r"pathway|hub|meeting)\b"
)
# A note's dash after a name, then the note in lower case: " - antibiotics started".
DASH_THEN_NOTE = re.compile(r"[ \t]+[-–—][ \t]+(?=[a-z])")


def without_record_look_alikes(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without batch numbers, strengths, posts, extension words, relatives' settings
    and the forces read as identifiers, and names cut at a note's dash (see the module's
    docstring)."""
    kept = []
    for f in found:
        if _look_alike(text, f):
            continue
        if f.label == "PERSON" and f.source == "ner":
            dash = DASH_THEN_NOTE.search(text, f.start, f.end)
            if dash and dash.start() > f.start:
                f = Finding(f.start, dash.start(), f.label, f.score, f.source)
        kept.append(f)
    return kept


def _look_alike(text: str, f: Finding) -> bool:
    value = text[f.start : f.end]
    if f.label == "OTHER_ID":
        line_start = text.rfind("\n", 0, f.start) + 1
        if BATCH_BEFORE.search(text, max(line_start, f.start - 24), f.start):
            return True
        return STRENGTH.fullmatch(value) is not None
    if f.label in ("LOCATION", "PERSON") and value.lower() in EXTENSION_WORDS:
        return EXTENSION_AFTER.match(text, f.end) is not None
    if f.label == "CARE_SETTING":
        return RELATIVES_SETTING.fullmatch(value) is not None
    if ARMED_FORCES.fullmatch(value) and f.source in GUESSES:
        return True
    if f.label == "PERSON" and f.source in TEAM_GUESSES and _team_name(value):
        return True
    if f.label == "PERSON" and f.source in GUESSES and ACRONYM.fullmatch(value):
        return DEPARTMENT_AFTER.match(text, f.end) is not None
    if f.label == "PERSON" and f.source in GUESSES:
        return _post_title(text, f, value)
    return False


def _post_title(text: str, f: Finding, value: str) -> bool:
    """A guessed person whose words are a post's title ("Reception Manager", "Coroner")."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", value.lower())
    if not words or words[-1] not in POST_WORDS:
        return False
    gaz = gazetteer()
    if any(w in gaz.first_names and w not in POST_WORDS for w in words):
        return False
    if not all(w in POST_QUALIFIERS or w in POST_WORDS or w in gaz.english_words for w in words):
        return False
    if words[-1] in gaz.surnames or words[-1] in gaz.first_names:
        bracketed = BRACKETED.search(text, max(0, f.start - 3), f.start) is not None
        return bracketed or len(words) > 1
    return True


def _team_name(value: str) -> bool:
    """Everyday words ending in a team's word: "Booking Centre", "Aids & Adaptations Team"."""
    words = re.findall(r"[^\W\d_]+", value.lower())
    if len(words) < 2 or words[-1] not in TEAM_WORDS:
        return False
    gaz = gazetteer()
    return all(
        w in gaz.english_words
        and w not in gaz.first_names
        and w not in gaz.surnames
        and w not in gaz.places  # "Ashfield Day Services": a place's name, a setting's
        for w in words
    )
