"""What a note written by a witness says is no risk, held back from the sentence model (issue 19,
round 21): a wish about where to die, a questionnaire item answered "not at all", "I want to
die" already assessed as no intent, and "I thought I was going to die" of a busy morning.

Why apart: notes from workplaces not usually asked (pharmacists, school nurses, paramedics,
faith leaders) record a risk asked about and found absent in the words the model hears as the
risk. `model_held_back` (called from `detector.py`, after round 19's in `everyday_death_talk`)
holds back only the model's reading of suicide or danger: a wish about where to die never beside
a hurry, a means or a request for help to die, an assessment or a busy morning never beside harm
named.
"""

from __future__ import annotations

import re

from nlp.signals.core import context as signal_context
from nlp.signals.look_alikes import everyday_death_talk
from nlp.signals.phrasings.witness_suicide_risk import MEANS, request_to_die

WISH_WHERE = re.compile(
    r"\b(?:die|dying|pass away|go)\s+(?:at home|in (?:his|her|their|my) own (?:bed|home)"
    r"|peacefully|in (?:the )?hospice|in hospital|with (?:his|her|their|my) family"
    r"|surrounded|with (?:prayers|dignity))\b",
    re.IGNORECASE,
)
INSTRUMENT = re.compile(
    r"\b(?:phq-?9|item \d+|questionnaire|screening|scale|form|checklist|cwestiynau)\b", re.I
)
BUSY = re.compile(
    r"\b(?:manic|busy|rushed|hectic|chaos|chaotic|mad|run off|crates|queue|embarrass\w*"
    r"|mortified|laugh\w*|funny|hilarious|lol|haha\w*|rollercoaster|ride|scary film)\b",
    re.IGNORECASE,
)


def model_held_back(name: str, sentence: str, before: str, after: str) -> bool:
    """Whether the sentence model's reading of `name` is held back by this round's kinds: a
    wish about where to die with no hurry or means, a questionnaire item answered no, a wish to
    die already assessed as no intent, "I thought I was going to die" of a busy day."""
    if name not in ("suicide_self_harm", "immediate_danger"):
        return False
    lowered = " " + " ".join(sentence.lower().replace("\u2019", "'").split()) + " "
    harm = everyday_death_talk.HARM_WORDS.search(lowered)
    if name == "suicide_self_harm":
        if (
            WISH_WHERE.search(lowered)
            and not everyday_death_talk.HURRIED.search(lowered)
            and not MEANS.search(lowered)
            and not request_to_die(sentence)
        ):
            return True
        if INSTRUMENT.search(lowered) and signal_context.screening_answered_no(
            lowered, after.lower()
        ):
            return True
        if (
            not harm
            and (
                signal_context.checked_no_risk(after.lower())
                or signal_context.checked_no_risk(lowered)
            )
            and not signal_context.ANSWERED_YES.search(after.lower())
        ):
            return True
    return bool(
        everyday_death_talk.THOUGHT_I_WOULD_DIE.search(lowered)
        and BUSY.search(lowered)
        and not harm
    )
