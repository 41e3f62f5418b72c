"""Care settings found where a writer names no place (issue 20, round 42).

Two kinds of false care setting were shared by three or more writers' sets:

- a letter's salutation to a practice's staff: "Dear Practice Manager", "Dear Practice team";
- the Marie Curie charity's nurses, night sitters and support line, which come to any home:
  "the Marie Curie nurses", "a Marie Curie night sitter". "Marie Curie Hospice" (one
  building, marked by the writers who write it) stays.

Round 43 added two more, each false in three sets or more:

- a bay of a ward named alone ("moved to bay 3", "Bay 2 bed 4: settled"): a bay is part of a
  ward, and only one writer marks one, and that one straight after the ward's name ("RUBY
  WARD BAY 2"), which stays;
- a regiment, a corps or the Royal Mail, not a Royal hospital: "the Royal Engineers",
  "Royal Marines", "the Royal Signals", "Royal Welsh".
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


BAY = re.compile(r"(?i:bay)[ \t]+\d{1,2}[A-Za-z]?(?:[ \t]+(?i:bed)[ \t]+\d{1,2})?")
# What follows "Royal" in the name of a regiment, a corps, a service or a body.
ROYAL = re.compile(r"(?:the[ \t]+)?royal", re.IGNORECASE)
REGIMENT_AFTER = re.compile(
    r"[ \t]+(?:Engineers|Signals|Marines|Navy|Air[ \t]+Force|Artillery|Logistics|Anglian|Welsh|"
    r"Fusiliers|Scots|Irish|Dragoons?|Regiment|Corps|Military|Mail|British[ \t]+Legion|"
    r"Green[ \t]+Jackets|Lancers|Hussars|Gurkha|Tank|Army|Yorkshire[ \t]+Regiment)\b",
    re.IGNORECASE,
)


def _after_ward(found_ends: set[int], text: str, f: Finding) -> bool:
    """Whether a found setting ends just before `f` ("RUBY WARD" before "BAY 2")."""
    return any(end in found_ends for end in range(max(0, f.start - 3), f.start + 1))


def _regiment(text: str, f: Finding) -> bool:
    royal = ROYAL.match(text, f.start)
    return royal is not None and REGIMENT_AFTER.match(text, royal.end()) is not None


def _no_setting(text: str, f: Finding) -> bool:
    if _regiment(text, f):
        return True
    value = " ".join(text[f.start : f.end].lower().split())
    if f.label == "CARE_SETTING" and value in ("practice", "dear practice"):
        return value == "dear practice" or bool(DEAR_BEFORE.search(text, f.start - 8, f.start))
    if value.removeprefix("the ") == "marie curie":  # as a setting, or as the woman herself
        return CHARITY_SERVICE_AFTER.match(text, f.end) is not None
    return False


def without_setting_look_alikes(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without salutations, a charity's home services, bays and regiments taken for
    settings."""
    ends = {f.end for f in found if f.label == "CARE_SETTING"}
    return [
        f
        for f in found
        if not (f.label in LABELS and _no_setting(text, f))
        and not (
            f.label == "CARE_SETTING"
            and BAY.fullmatch(text, f.start, f.end)
            and not _after_ward(ends, text, f)
        )
    ]
