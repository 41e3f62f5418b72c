"""Words taken for a person that no one is called, shared by many writers (issue 20, round 42).

Round 42 pooled the false findings of every development set again and kept the kinds that
three or more writers share:

- care's shorthand written in capitals: "had a TIA", "daughter, LPA", "TTOs", "RNs", "Rx"
  (the capitals make them look like initials; in lower case or with a title they stay: "Tia"
  is a first name, "Dr Rx" a person);
- a word for any man or woman standing alone: "Man in his 50s sleeping in a car", "Spider-Man
  pyjamas", and the unsigned "anon" of a survey's name column ("Man, 55:" stays found: the
  age after it hangs on it);
- a model or scale named after the one who made it: "Gibbs' reflective cycle", "the Waterlow
  score", "Barthel index" (a found person right before the model's word, and no first name:
  "Amy's score" stays Amy);
- a pet's name: "my cat Biscuit", "a spaniel called Biscuit", "Biscuit the spaniel".

A finding is dropped only when it is the word alone (or the pet's or model's name alone).

Round 44 added a word of praise taken for a place (three sets): "the nurse was fab", "(Mrs
Grundy, fab)", "STAFF WERE FAB": the place list holds "fab" and "brill" (Brill is a village), so
a praise typed in lower case or capitals, or after a word of being ("was Brill"), is no place;
"lives in Brill" stays.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

CAPITAL_SHORTHAND = frozenset("TIA TIAS TIAs LPA LPAs TTO TTOs TTOS RNs RNS Rx RX".split())
ANYONE = frozenset("man woman men women lady gent gentleman boy girl anon anonymous".split())
AGE_AFTER = re.compile(r"[ \t]*[,(][ \t]*\d")
TITLE_BEFORE = re.compile(
    r"\b(?i:mr|mrs|ms|miss|mx|dr|doctor|nurse|sister|prof|professor|father|rev)\.?[ \t]+$"
)
# "Gibbs' reflective cycle", "Waterlow score", "the Barthel index": a model's maker.
MODEL_AFTER = re.compile(
    r"(?:['’]s?)?[ \t]+(?:(?:reflective|pressure|risk|ulcer|coma|stool|early|warning|"
    r"hierarchy|learning|experiential)[ \t]+)?(?i:cycle|model|score|scale|index|criteria|"
    r"hierarchy)\b"
)
# Twenty-ninth session: a clinical scale, score or pathway named after the city it came from
# ("Glasgow Coma Scale", "Edinburgh Postnatal Depression Scale", "Liverpool Care Pathway"),
# its words capitalised: no one's place. The development sets leave all of them unmarked.
NAMED_INSTRUMENT_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+){0,3}[ \t]+(?:Scale|Score|Chart|Pathway|Index|Criteria|Questionnaire)\b"
)
PETS = (
    r"cat|cats|dog|dogs|kitten|puppy|pup|spaniel|labrador|lab|terrier|collie|greyhound|whippet|"
    r"lurcher|poodle|budgie|parrot|rabbit|bunny|hamster|guinea[ \t]+pig|tortoise|pony|horse|"
    r"staffy|staffie|jack[ \t]+russell"
)
PET_BEFORE = re.compile(rf"\b(?i:(?:{PETS})(?:,)?(?:[ \t]+(?:called|named))?)[ \t]+$")
PET_AFTER = re.compile(rf"[ \t]+the[ \t]+(?i:{PETS})\b")
PRAISE = frozenset({"fab", "brill"})
BEING_BEFORE = re.compile(
    r"\b(?i:was|were|is|are|been|be|so|really|absolutely|just|honestly|totally|always|very)"
    r"[ \t]+$"
)


def _praise(text: str, f: Finding) -> bool:
    value = text[f.start : f.end]
    if value.lower() not in PRAISE:
        return False
    return value.islower() or value.isupper() or bool(BEING_BEFORE.search(text, 0, f.start))


def _no_ones_name(text: str, f: Finding) -> bool:
    value = text[f.start : f.end]
    before = text[max(0, f.start - 24) : f.start]
    if TITLE_BEFORE.search(before):
        return False
    if value in CAPITAL_SHORTHAND:
        return True
    if value.lower() in ANYONE:  # "Man, 55:" keeps its age's anchor (the age rules need it)
        return AGE_AFTER.match(text, f.end) is None
    if " " in value:
        return False
    if MODEL_AFTER.match(text, f.end):  # a maker, unless a first name ("Amy's score")
        return value.lower() not in gazetteer().first_names
    return bool(PET_BEFORE.search(before) or PET_AFTER.match(text, f.end))


def without_shared_word_guesses(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without people that are shorthand, anyone, a model's maker or a pet, and
    without places that are praise (see the module's docstring)."""
    return [
        f
        for f in found
        if not (f.label == "PERSON" and _no_ones_name(text, f))
        and not (f.label == "LOCATION" and _praise(text, f))
        and not (f.label == "LOCATION" and NAMED_INSTRUMENT_AFTER.match(text, f.end))
        and not (f.label == "PERSON" and f.source == "capitals" and _instrument_words(text, f))
    ]


def _instrument_words(text: str, f: Finding) -> bool:
    """ "Coma Scale", "Care Pathway": the capitals of an instrument's name, not a person's."""
    return NAMED_INSTRUMENT_AFTER.fullmatch(" " + text[f.start : f.end]) is not None
