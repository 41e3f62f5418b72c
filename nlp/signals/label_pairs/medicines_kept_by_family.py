"""Medicines kept by a relative (issue 19, round 21): a family member keeping, withholding, selling
or taking an adult's medicines ("her nephew collects her prescriptions ... he keeps them").

Why: an adult at risk harmed by family is domestic abuse too (the pair of labels of
`adult_abuse_by_family`, here for medicines). The one who keeps them must be the relative, never
the person herself: "has been hiding her tablets" is stockpiling, a risk of its own.
`family_keeps_medicines` is read by `suicide_told_as_now.relabel`, which adds domestic abuse when
adult abuse has fired.
"""

from __future__ import annotations

import re

from nlp.signals.core import note_sentences

# Family keeping an adult's medicines ("her nephew collects her prescriptions ... he keeps
# them"): an adult at risk harmed by family is domestic abuse too.
FAMILY = re.compile(
    r"\b(?:son|daughter|grandson|granddaughter|nephew|niece|husband|wife|brother|sister"
    r"|son-in-law|daughter-in-law|mab|merch|ŵyr|wyres|nai|nith|gŵr|gwraig)\b",
    re.IGNORECASE,
)
MEDICINES = re.compile(
    r"\b(?:prescriptions?|medication|medicines?|tablets|pills|patches|meds|painkillers"
    r"|morphine|insulin|inhalers?)\b",
    re.IGNORECASE,
)
# The one who keeps them is the relative ("he keeps them", "her son sells them"), never the
# person herself ("has been hiding her tablets" is stockpiling, a risk of its own).
KEPT_FROM = re.compile(
    r"\b(?:he|they|son|daughter|grandson|granddaughter|nephew|niece|husband|wife|brother"
    r"|sister)\s+(?:has\s+|had\s+|is\s+|'s\s+)?['\"]?(?:keeps|kept|keeping|withholds|withheld"
    r"|withholding|won'?t give|doesn'?t give|never gives|sells|sold|selling|takes|took"
    r"|taking|pockets|pocketed)\b\W+(?:them|it|her|his|the)\b",
    re.IGNORECASE,
)


def family_keeps_medicines(text: str) -> str | None:
    """A family member and an adult's medicines kept, withheld or taken, in one sentence or
    two together."""
    sentences = note_sentences.sentences(text)
    for i, sentence in enumerate(sentences):
        pair = (sentences[i - 1] if i else "") + " " + sentence
        if KEPT_FROM.search(sentence) and MEDICINES.search(pair) and FAMILY.search(pair):
            return note_sentences.quote(sentence)
    return None
