"""A hazard reported with its harm denied is a request to fix it, not a danger now (issue 19,
round 22).

Why: people ask a service to fix a hazard and say in the same breath that nothing has happened
("the lane needs a street light, you can't see a thing after five. No one's hurt, it's just grim",
"the gas check is overdue, no smell or anything, just want it done"). The sentence model hears
the hazard (dark paths, gas) and the wish ("just want it done") as danger or suicide. The
denial is the teller's own word that no one is hurt and nothing is leaking.

Held back for the model (danger and suicide) on a sentence that denies harm or a sign of it
(nobody hurt, no smell, no leak, nothing happened) and on the sentence just before it, when
neither says a danger now (`context.danger_said`: a body in trouble, a threat, a weapon, a
fire, "tonight"), no "yet" that waits for harm, and no low mood or wish to die.
"""

from __future__ import annotations

import re

from nlp.signals.core import context as signal_context
from nlp.signals.phrasings.suicide_hints import LOW_MOOD

DENIED = re.compile(
    r"\b(?:no ?(?:one|body)|naebody|nae ?body|naebdy|nobdy|neb)(?:'s|s| has| is| was)?"
    r" (?:been |got |getting )?(?:hurt|injured|harmed)\b"
    r"|\b(?:no|nae|not any|without any) (?:smell|leak|leaks|fumes|sparks|injur\w*)"
    r"(?: of (?:gas|burning|smoke))?\b"
    r"|\bnothing(?:'s| has)? (?:happened|gone wrong)\b"
)
# Harm waited for ("nobody's been hurt yet") or wished: not a denial.
NOT_DENIED = re.compile(
    r"\b(?:yet|till|until|before someone|die|dead|dying|end it|to end|over with|kill\w*|myself"
    r"|suicid\w*|can'?t go on)\b"
)


def _denies_harm(sentence: str) -> bool:
    lowered = sentence.lower().replace("\u2019", "'")
    return bool(DENIED.search(lowered)) and not NOT_DENIED.search(lowered)


def _quiet(sentence: str) -> bool:
    """No danger now and no low mood, once the denial itself ("no smell of gas") is read out."""
    lowered = DENIED.sub(" ", sentence.lower().replace("\u2019", "'"))
    return not signal_context.danger_said(lowered) and not LOW_MOOD.search(lowered)


def model_held_back(name: str, sentence: str, after: str) -> bool:
    """Whether the model may not raise `name` on `sentence` (`after`: the next sentence): one
    of them denies harm, and neither says a danger now or a low mood."""
    if name not in ("suicide_self_harm", "immediate_danger"):
        return False
    return (_denies_harm(sentence) or _denies_harm(after)) and _quiet(sentence) and _quiet(after)
