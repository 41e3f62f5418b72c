"""Labels that come in pairs when family harms an adult at risk (issue 19, round 20, accounts
written down by someone else): the abuse of an adult at risk by a member of their family is both
adult abuse and domestic abuse.

Why: UK guidance (and the sets written by other hands) count abuse between family members aged
16+ as domestic abuse, and abuse of an adult with care and support needs as adult abuse. A
gatherer's note ("after her daughter visits her purse is always empty", "mae'r mab yn mynd â'i
phension hi", "my husband hides my walking frame") fires one of the two and the reader needs
both: the adult safeguarding route and the domestic abuse route. Each rule adds the other label
only when the first has already fired and the sentence (or the story) names what makes it so —
a family member beside money taken or harm, or care needs of the person harmed — so neither
fires on a family or a frailty merely mentioned.

`relabel` runs after the rules and the models (`detector.detect_many`), before
`suicide_told_as_now.relabel`, and first adds suicide or self-harm for a care-note abbreviation
told as now (`care_note_abbreviations`). Medicines kept by a relative are read in
`medicines_kept_by_family`.
"""

from __future__ import annotations

import re

from nlp.signals.core.findings import Detection, Signal
from nlp.signals.core.note_sentences import SENTENCE
from nlp.signals.look_alikes.person_taken_somewhere import PERSON, WHERE
from nlp.signals.phrasings.care_note_abbreviations import abbreviated_risk

FAMILY = re.compile(
    r"\b(?:son|sons|daughter|daughters|grandson|granddaughter|nephew|niece|son-in-law"
    r"|daughter-in-law|husband|wife|brother|sister|mab|merch|ŵyr|wyres|gŵr|gwraig|brawd"
    r"|chwaer|nai)\b",
    re.IGNORECASE,
)
# Money taken or gone, or harm, said in the same sentence as the family member.
TAKEN = re.compile(
    r"\b(?:purse|wallet|pension|phension|bension|benefits|savings|bank card|cash|money|pres"
    r"|arian)\b.{0,60}\b(?:empty|gone|missing|taken|takes|took|short|nothing left)\b"
    # Round 22: never a person taken somewhere ("took her to buy a card", `person_taken_somewhere`).
    rf"|\b(?:takes|took|taking|empties|emptied|emptying|keeps|kept|mynd â|cymryd|dwyn)\b"
    rf"(?!\s+{PERSON}\s+{WHERE}\b).{{0,30}}"
    r"\b(?:purse|wallet|pension|phension|bension|benefits|savings|card|cash|money|pres|arian"
    # Round 21: a Welsh bank card, with its mutations ("cymryd ei cherdyn banc hi").
    r"|cerdyn|gerdyn|cherdyn|nghardyn)\b",
    re.IGNORECASE,
)
# Care and support needs of the person harmed, said anywhere in the story: a walking frame is
# theirs ("hides my walking frame", "walks with a frame"); an age, dementia or a stroke is not
# enough, being as often the abuser's ("since his stroke he hits me") or a capable teller's.
CARE_NEEDS = re.compile(
    r"\b(?:(?:my|her|his|their) (?:walking )?(?:frame|zimmer|rollator)"
    r"|walks? with (?:a|her|his) (?:walking )?(?:frame|zimmer|rollator)|zimmer frame)\b",
    re.IGNORECASE,
)


def _family_takes(text: str) -> str | None:
    """The first sentence naming a family member beside money taken or gone."""
    for match in SENTENCE.finditer(text):
        sentence = match.group(0)
        if FAMILY.search(sentence) and TAKEN.search(sentence):
            return " ".join(sentence.split())[:120]
    return None


def relabel(text: str, detection: Detection) -> None:
    """Add domestic abuse to an adult's abuse by family, and adult abuse to domestic abuse of
    a person with care needs (in place, as rules)."""
    names = set(detection.names)
    if not names & {"suicide_self_harm", "immediate_danger"}:
        words = abbreviated_risk(text)
        if words:
            detection.signals.append(
                Signal(
                    "suicide_self_harm",
                    "rules",
                    f'a note\'s abbreviation told as now (round 20) on the words "{words}"',
                )
            )
    if "adult_abuse_neglect" in names and "domestic_abuse" not in names:
        words = _family_takes(text)
        if words:
            detection.signals.append(
                Signal(
                    "domestic_abuse",
                    "rules",
                    f'an adult at risk harmed by family (round 20) on the words "{words}"',
                )
            )
    if "domestic_abuse" in names and "adult_abuse_neglect" not in names:
        needs = CARE_NEEDS.search(text)
        if needs:
            detection.signals.append(
                Signal(
                    "adult_abuse_neglect",
                    "rules",
                    f'domestic abuse of a person with care needs (round 20): "{needs.group(0)}"',
                )
            )
