"""Care-note abbreviations (SH, DSH, OD, SI) told as a risk now (issue 19, round 20, accounts
written down by someone else).

Why: the abbreviations of health and social care notes read as the words they stand for when
the note says the risk is now — a count, a recent time, "again", a plan or intent — and never
beside a team, a group, a training, a policy, a screening or a denial. Capitals only: "si", "sh"
and "od" are words in Welsh and in chat. `abbreviated_risk` is read by
`adult_abuse_by_family.relabel`, which adds suicide or self-harm after the rules and the models
when no risk to life has fired.
"""

from __future__ import annotations

import re

from nlp.signals.core.note_sentences import SENTENCE

# Abbreviations of self-harm, overdose and suicidal ideation as notes write them (capitals:
# "si", "sh" and "od" are words in Welsh and in chat).
ABBREVIATION = re.compile(r"(?<![\w/])(?:\?\s?)?(?:DSH|SH|OD|SI|ODs)(?![\w/])")
# What makes the abbreviation a risk now: a count, a recent time, "again", a plan or intent.
NOW = re.compile(
    r"\b(?:x ?\d|\d ?x|last (?:night|week|month|episode|weekend)|yesterday|today|tonight"
    r"|this (?:morning|afternoon|evening|week|month)|on (?:mon|tues|wednes|thurs|fri|satur"
    r"|sun)day|again|ongoing|current(?:ly)?|recent(?:ly)?|\d+ (?:days?|weeks?) ago"
    r"|(?<!no )plan(?:s|ned|ning)?|(?<!no )intent|since (?:last|the weekend|mon|tues|wednes"
    r"|thurs|fri|satur|sun))\b",
    re.IGNORECASE,
)
# A service, a training, a policy or an answer of no beside the abbreviation: not a person's
# risk told.
NOT_A_PERSON = re.compile(
    r"\b(?:team|group|groups|service|services|awareness|training|policy|policies|leaflets?"
    r"|pathway|clinic|course|workshop|strategy|protocol|screen(?:ed|ing)?|denie[sd]|denial"
    r"|nil|none|no (?:current )?(?:SH|DSH|OD|SI))\b",
    re.IGNORECASE,
)


def abbreviated_risk(text: str) -> str | None:
    """The first sentence where SH, DSH, OD or SI is told with a count, a recent time, a plan
    or "again", and no service, training, policy or denial beside it."""
    for match in SENTENCE.finditer(text):
        sentence = match.group(0)
        if (
            ABBREVIATION.search(sentence)
            and NOW.search(sentence)
            and not NOT_A_PERSON.search(sentence)
        ):
            return " ".join(sentence.split())[:120]
    return None
