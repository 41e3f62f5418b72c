"""Dental practices named for a smile (issue 20, round 48).

"Smile Studio", "Sunny Smiles Dental", "Smile Lab Swansea", "Marsden Smiles": dental
practices' names are often built on "Smile", and every development set that names one
(nineteen sets by different writers) marks it as a care setting, with its town or district
when it names the branch. The kind-word rules miss them: "Studio" and "Lab" are no setting's
kind, "Smile" is an everyday word, and "Sunny Smiles" is two of them.

Two shapes are taken:

- "Smile" or "Smiles", in any case, before the kind of a dental practice ("Studio", "Lab",
  "Clinic", "Centre", "Dental", "Dental Care", "Dentistry"), a word of its own allowed between
  ("Smile Right Dental"), one capitalised word allowed before ("Ashford Smile Studio", not a
  verb or a linking word: "PHONED SUNNY SMILES DENTAL" starts at "SUNNY"), and the branch's
  town after it when it is a listed place or, in lower case, no English word ("smile studio
  cheetham");
- a capitalised word and "Smiles" capitalised too ("Kirkby Smiles", "HARBOUR SMILES"), only
  where the text speaks of teeth or a dentist: the verb and the plural ("she smiles at the
  nurses", "big smiles all round") are in lower case or far from any dental word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

_CAP = r"(?:[A-Z][a-z'’]+|[A-Z]{2,})"
_KIND = (
    r"(?i:studio|lab|clinic|centre|center|dentistry|dental(?:[ \t]+(?:care|practice|surgery|"
    r"centre|clinic|studio))?)"
)
SMILE_PRACTICE = re.compile(
    rf"(?<![\w'’@./-])(?:(?P<lead>{_CAP})[ \t]+)?(?P<core>(?i:smiles?)"
    rf"(?:[ \t]+(?P<own>{_CAP}))?[ \t]+{_KIND})(?![\w'’-])"
)
SMILE_PRACTICE = gated(SMILE_PRACTICE)
NAMED_SMILES = re.compile(rf"(?<![\w'’@./-])(?P<lead>{_CAP})[ \t]+(?:Smiles|SMILES)(?![\w'’-])")
NAMED_SMILES = gated(NAMED_SMILES)
DENTAL_CUE = re.compile(
    r"(?i:dentist|dental|teeth|tooth|braces|orthodont|hygienist|filling|denture|invisalign|"
    r"check[ -]?up)"
)
BRANCH = re.compile(r"[ \t]+(?P<town>[A-Za-z][a-z'’]+|[A-Z]{3,})(?P<part>[ \t]+[A-Z][a-z]+)?")
# The words that end a branch's place name ("Cardiff Bay", "Kings Cross").
PLACE_PARTS = frozenset(
    """bay bridge road street park green hill cross village town centre gate quay square lane
    way common heath vale""".split()
)
# Words that stand before a practice's name without being part of it: how the writer reached
# it ("Rang", "Tried"), or a sentence's opening adverb ("Finally", "Luckily").
NOT_A_LEAD = frozenset(
    """rang ring called call phoned phone tried try visited visit booked book joined join left
    avoid went go going saw see seen emailed email contacted contact chose choose""".split()
)
DENTAL_REACH = 250


def smile_named_practices(text: str) -> Iterator[Finding]:
    """Dental practices named for a smile (see the docstring)."""
    for m in SMILE_PRACTICE.finditer(text):
        start = m.start("core")
        lead = m.group("lead")
        if lead is not None and _a_name_word(lead):
            start = m.start("lead")
        end = _branch_end(text, m.end())
        yield Finding(start, end, "CARE_SETTING", 0.8, "smile_practice")
    for m in NAMED_SMILES.finditer(text):
        lead = m.group("lead")
        if not _a_name_word(lead) or lead.lower() in ("big", "more", "many", "all"):
            continue
        near = text[max(0, m.start() - DENTAL_REACH) : m.end() + DENTAL_REACH]
        if DENTAL_CUE.search(near):
            yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "smile_practice")


def _a_name_word(word: str) -> bool:
    low = word.lower()
    return low not in STOP_WORDS and low not in NOT_A_LEAD and not low.endswith("ly")


def _branch_end(text: str, end: int) -> int:
    """Where the practice's name ends: after its branch's town when one follows."""
    m = BRANCH.match(text, end)
    if m is None:
        return end
    town = m.group("town")
    low = town.lower()
    gaz = gazetteer()
    unknown_lower_case = town.islower() and low not in gaz.english_words and low not in STOP_WORDS
    if low not in gaz.places and not unknown_lower_case:
        return end
    part = m.group("part")
    if part and part.strip().lower() in PLACE_PARTS and town[0].isupper():
        return m.end("part")
    return m.end("town")
