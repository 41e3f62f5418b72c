"""Hints of suicide the rules hear, and the ordinary words beside them (issue 19, round 19; read
by kind from v23's misses and false alarms).

Why apart: the round's rules (`rule_patterns.PATTERNS`, the last suicide patterns) hear how
people often unheard hint at a risk to life — self-harm told with a wink ("been 'decorating' my
arms again, if you know what I mean"), affairs shown or a pet handed on beside low mood,
medicines that keep a person alive stopped because there is "no point" or with "don't tell the
doctor" — and the checks here (called from `held_back.py`) say when the same words are
ordinary: affairs shown or a pet handed on with no low mood told (an organised parent in good
spirits), a pet only minded for a while, a dose stopped on advice. `LOW_MOOD` is read too by
`witness_suicide_risk` ("I won't be here by then" beside low mood) and `everyday_death_talk`
(a threat in jest is no jest beside low mood).
"""

from __future__ import annotations

import re

# Low mood, grief or giving up told anywhere in the story: what makes affairs shown or a pet
# handed on a farewell ("very low since the diagnosis", "not been himself since Mum died").
LOW_MOOD = re.compile(
    r"\b(?:low|(?:feeling|so|very|been|really) down|depressed|depression|hopeless|withdrawn"
    r"|given up|giving up|no point"
    r"|not (?:him|her|my|them)sel(?:f|ves)|since (?:the|his|her|my) (?:diagnosis|wife|husband"
    r"|partner)|grie(?:f|ving)|bereaved|lost (?:his|her|my) (?:wife|husband|partner|son"
    r"|daughter)|struggling|can'?t cope|not coping|lonely|tired of|had enough|goodbye|dark)\b"
)
# A pet minded for a while, not handed on: "while he's in hospital", "for the week".
FOR_A_WHILE = re.compile(
    r"\b(?:while|whilst|when (?:he|she|they|i|we)(?:'s| is| are|'re)? ?(?:away|in|on|at)"
    r"|for (?:the|a) (?:week|weekend|night|fortnight|few days)|holiday|hospital stay|op\b"
    r"|operation)"
)
# A medicine stopped on advice or for a reason that is no giving up ("the GP said to stop",
# "no point as the infection has cleared").
STOPPED_ON_ADVICE = re.compile(
    r"\b(?:gp|doctor|dr|nurse|pharmacist|consultant|specialist|hospital|clinic)\b.{0,40}"
    r"\b(?:said|told|advised|agreed|stopped|changed|switched|took me off|taken off)\b"
    r"|\bside[- ]effects?\b|\b(?:cleared|cured|finished|course|better|working|normal"
    r"|allergic|reaction)\b"
)
FAREWELL_RULES = frozenset({"will", "bank", "passwords", "pin", "insurance", "deeds", "funeral"})
PETS = frozenset({"dog", "cat", "dogs", "cats", "pets", "budgie"})
# The first words of the affairs and pet rules (round 20: no other rule's phrase is read here).
SHOWN_OR_ASKED = frozenset("showed shown showing show told tells telling asked asking asks".split())


def affairs_without_low_mood(phrase: list[str], story: str, around: str) -> bool:
    """Affairs shown or a pet handed on with no low mood, grief or giving up told in the story,
    or a pet only minded for a while: an organised person, left to the model."""
    words = set(phrase)
    if phrase[:1] and phrase[0] not in SHOWN_OR_ASKED:
        return False  # another rule's phrase ("will find another way")
    if not words & (FAREWELL_RULES | PETS):
        return False
    if words & PETS and FOR_A_WHILE.search(around):
        return True
    return not LOW_MOOD.search(story)


def medicine_stopped_on_advice(phrase: list[str], sentence: str) -> bool:
    """A medicine stopped on advice or for a reason, with no secret kept ("don't tell")."""
    if not {"stopped", "stopping", "stop", "quit", "binned", "ditched"} & set(phrase):
        return False
    if "tell" in phrase:
        return False
    return bool(STOPPED_ON_ADVICE.search(sentence))
