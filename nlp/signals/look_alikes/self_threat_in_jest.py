"""The teller's threat against themself over one more annoyance, said with a laugh, is
hyperbole for the sentence model too (issue 19, round 22).

Why: "if I get sent that form again I swear I'll throw meself off the roof haha" is
held back by the rules and left to the model (round 21, `everyday_death_talk.own_threat_in_jest`),
and the model then reads it as suicide at its possible tier: the words of the act are there and
the laugh is one token. Over the development sets the kind recurs with a form, hold music, a
meeting, a waiting list ("shoot me", "hang meself from the nearest lamppost"). The teller is
exasperated at a thing, not at life.

Held back for the model (suicide and danger) on the sentence that holds the threat when: the
threat is the teller's own, against themself (or "shoot me", "kill me now"), on a condition of
one more of something ("if I have to ... one more time", "another", "again"); a laugh or a joke
is said in it or the next sentence; and nothing says it is meant ("not even joking", "I mean
it", "every day"), no low mood, grief or means is told in the story. "No but seriously, is
there anyone who can help with the form" turns from the joke to the real question; it is no
word that the threat was meant.
"""

from __future__ import annotations

import re

from nlp.signals.core import context as signal_context
from nlp.signals.phrasings.suicide_hints import LOW_MOOD
from nlp.signals.phrasings.witness_suicide_risk import MEANS

SELF_THREAT = re.compile(
    r"\b(?:i'?ll|i will|a'?ll|i'?m (?:going to|gonna)|i swear i'?ll) (?:\w+ ){0,3}?"
    r"(?:hang|throw|kill|shoot|top|drown|jump off) (?:myself|meself|mysel|masel)\b"
    r"|\bshoot me\b|\bkill me now\b|\bput me out of my misery\b"
)
ONE_MORE = re.compile(r"\b(?:one more|another|once more|again|if i (?:have|hear|get) to)\b")
MEANT = re.compile(
    r"\bnot (?:even )?(?:jok\w*|kidd\w*)|\bmean(?:s|t)? it\b|\bi'?m (?:being )?serious\b"
    r"|\bevery (?:day|night|morning)\b|\bserious(?:ly)?,? (?:though|tho)?,? i\b"
)
# "No but seriously, is there ...": the turn from a joke to the question asked.
TURN_TO_THE_QUESTION = re.compile(r"\b(?:no,? )?but serious(?:ly)?,?(?: though| tho)?,?")


def model_held_back(name: str, sentence: str, after: str, story: str) -> bool:
    """Whether the model may not raise `name` on `sentence`, the teller's threat against
    themself over one more annoyance said with a laugh (`after`: the next sentence)."""
    if name not in ("suicide_self_harm", "immediate_danger"):
        return False
    lowered = sentence.lower().replace("\u2019", "'")
    later = TURN_TO_THE_QUESTION.sub(" ", after.lower().replace("\u2019", "'"))
    return bool(
        SELF_THREAT.search(lowered)
        and ONE_MORE.search(lowered)
        and (signal_context.JEST.search(lowered) or signal_context.JEST.search(later))
        and not MEANT.search(lowered)
        and not MEANT.search(later)
        and not MEANS.search(lowered)
        and not LOW_MOOD.search(story.lower())
    )
