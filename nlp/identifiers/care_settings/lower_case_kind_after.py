"""A name typed in lower case takes the setting's kind word after it (twenty-fifth session).

`whole_setting_names` grows a name found in part over a capitalised run up to its kind word
("Canal Side Medical Practice"), so it reads capitals. Writers typing on a phone leave the
capitals out: "the cullen centre", "shes at the bradgate unit", "oakwood house not giving
meds", "my dentist bonnington dental". The rules find the name's own word (a place, a person, a
listed setting) and leave the kind, so the finding hides too little of the setting's name.
Development sets by several writers mark such names whole. Here a finding typed in lower case,
right before a lower-case word that names a kind of setting, takes that word and becomes a care
setting.

Left alone: a kind with a figure after it ("ward 5" is a ward of its own), a person before a
kind that is also a surname ("dave ward", "sue house": hidden either way), and kinds that are as
often a plain word after a place ("home": "the bolton home game"; "college", "court").
"""

from __future__ import annotations

import re

from nlp.identifiers.care_settings.whole_setting_names import SURNAME_KINDS
from nlp.identifiers.core.findings import Finding

KINDS = (
    "hospital|infirmary|surgery|practice|centre|center|clinic|unit|ward|hospice|lodge|house|"
    "pavilion|dental|pharmacy|chemist|opticians|wing|eyecare|optometrists"
)
# Round 72: the words a setting's kind is often told with ("nottingham family practice",
# "corby urgent care centre", "eastfield eyecare"; v84 and v94, typed in lower case).
# A "community centre" is a hall (`_venue`).
KIND_WORDS = (
    r"family|medical|group|general|community|district|memorial|cottage|royal|university|"
    r"teaching|children'?s|urgent[ \t]+care|walk[ -]in|health|dental|eye|day|"
    # Round 83: the kinds of centre and unit of `article_free_centres` ("harmony birth centre",
    # "ninewells renal unit"; v109, v117).
    r"birth|renal|dialysis|satellite|neonatal|resource|memory"
)
KIND_AFTER = re.compile(
    rf"[ \t]+(?P<words>(?:(?:{KIND_WORDS})[ \t]+){{0,2}})(?P<kind>{KINDS})(?![\w'’-])"
    r"(?![ \t]*\d)"
)
LABELS = frozenset({"PERSON", "LOCATION", "CARE_SETTING"})


def _venue(words: str, kind: str) -> bool:
    """A "community centre" is a hall, not a setting."""
    return kind in ("centre", "center") and "community" in words


def with_lower_case_kinds(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each lower-case name before a lower-case kind word grown over it."""
    out = []
    changed = False
    for f in findings:
        value = text[f.start : f.end]
        m = KIND_AFTER.match(text, f.end) if f.label in LABELS and value.islower() else None
        if m and _venue(m.group("words"), m.group("kind")):
            m = None
        if m and not (f.label == "PERSON" and m.group("kind") in SURNAME_KINDS):
            out.append(Finding(f.start, m.end(), "CARE_SETTING", f.score, "whole_name"))
            changed = True
        else:
            out.append(f)
    return out if changed else findings
