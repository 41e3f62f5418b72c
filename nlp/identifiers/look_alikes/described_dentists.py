"""A dentist or a dental service described, not named (issue 20, round 89).

Practices call themselves "<Name> Dental" ("Parkside Dental", "Castle Dental", "bridge street
dental"), and the setting rules take one or two words before "Dental" or "dentist" as such a
name. Where those words only describe the dentist or the service, no practice is named: "the
Public Dental Service", "a domiciliary dentist", "HSC dental", "Mum's dentist", "the WORST
DENTIST", "ur dentist". Such findings were false in ten development sets by different writers
(v19, v35, v49, v67, v74, v76, v94, v102, v110, v129; 27 findings), and no writer marks one.

Here a care setting ending in "dental" or "dentist" whose every word before it is a describing
word (a service's kind, a judgement, a determiner, a possessive, NHS and HSC) is no setting.
A practice's own name ("Smile Dental", "Quay Dental", "Evington Family Dental") holds a word
that is not on that list, and stays.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding

DENTAL_KIND = re.compile(r"(?:dental|dentists?)", re.IGNORECASE)
DESCRIBING = frozenset(
    """public community domiciliary paediatric special salaried senior emergency urgent private
    nhs hsc free local nearest new old good best better worst lovely nice great terrible
    awful usual regular proper decent teh ur yr mums mum's dads dad's nan's nans mam's
    mams""".split()
)


def without_described_dentists(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the care settings that only describe a dentist or a dental service."""
    return [f for f in found if not _described(text, f)]


def _described(text: str, f: Finding) -> bool:
    if f.label != "CARE_SETTING":
        return False
    words = re.findall(r"[^\W\d_][\w'’]*", text[f.start : f.end])
    if len(words) < 2 or not DENTAL_KIND.fullmatch(words[-1]):
        return False
    return all(
        w.lower().replace("’", "'") in DESCRIBING or w.lower() in STOP_WORDS for w in words[:-1]
    )
