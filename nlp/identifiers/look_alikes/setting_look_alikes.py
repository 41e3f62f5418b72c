"""Care settings found where a writer names no place (issue 20, round 42).

Two kinds of false care setting were shared by three or more writers' sets:

- a letter's salutation to a practice's staff: "Dear Practice Manager", "Dear Practice team";
- the Marie Curie charity's nurses, night sitters and support line, which come to any home:
  "the Marie Curie nurses", "a Marie Curie night sitter". "Marie Curie Hospice" (one
  building, marked by the writers who write it) stays.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

LABELS = ("CARE_SETTING", "PERSON")
DEAR_BEFORE = re.compile(r"\b(?i:dear)[ \t]+$")
# What the charity's service is called by, after its name.
CHARITY_SERVICE_AFTER = re.compile(
    r"[ \t]+(?i:nurses?|nursing|night|nights|sitters?|support|helpline|team|workers?|"
    r"carers?|volunteers?|charity|fundraising|services?|staff)\b"
)


def _no_setting(text: str, f: Finding) -> bool:
    value = " ".join(text[f.start : f.end].lower().split())
    if f.label == "CARE_SETTING" and value in ("practice", "dear practice"):
        return value == "dear practice" or bool(DEAR_BEFORE.search(text, f.start - 8, f.start))
    if value.removeprefix("the ") == "marie curie":  # as a setting, or as the woman herself
        return CHARITY_SERVICE_AFTER.match(text, f.end) is not None
    return False


def without_setting_look_alikes(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without salutations and a charity's home services taken for settings."""
    return [f for f in found if not (f.label in LABELS and _no_setting(text, f))]
