"""Round 19 (issue 19; read by kind from v23's misses and false alarms): how people often
unheard hint at a risk to life, and everyday words that sound like one.

Why apart: the round's rules (`rule_patterns.PATTERNS`, the last suicide patterns) hear hints —
self-harm told with a wink ("been 'decorating' my arms again, if you know what I mean"), affairs
shown or a pet handed on beside low mood, medicines that keep a person alive stopped because
there is "no point" or with "don't tell the doctor" — and the checks here say when the same
words are ordinary (an organised parent in good spirits, a dose stopped on advice). The
sentence model's readings held back here (`model_held_back`) are end-of-life wishes told in
care, a threat over one more household annoyance said with a laugh, and "I thought I was going
to die" of an illness now over. None holds back a sentence that says the danger is now, a
threat meant, a plan or a means, a weapon or an attempt, whoever the sentence is about.
"""

from __future__ import annotations

import re

from nlp.signals import context as signal_context

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


# End-of-life care or wishes about treatment told beside the sentence ("in her last weeks",
# "when the time comes I'd rather go peacefully than be kept going on machines").
LAST_DAYS = re.compile(
    r"\b(?:(?:her|his|their|my|mum's|dad's) last (?:few )?(?:days|weeks|months)"
    r"|hospital bed downstairs|when the time comes|kept (?:alive|going) (?:on|by) machines"
    r"|life support|resuscitat\w*|dnacpr|dnr|hospice|palliative|advance care"
    r"|end[- ]of[- ]life (?:care|plan|team|nurse|wishes))\b"
)
# What a wish beside end-of-life care must not say: help to die, a means, giving up, a burden,
# a hurry, or that the illness is not terminal ("she isn't terminal", "not terminally ill").
HURRIED = re.compile(
    r"\b(?:help (?:her|him|me|them) (?:die|go)|end it|take (?:her|his|my|their) (?:own )?life"
    r"|tablets|pills|patches|overdose|stockpil\w*|saved up|putting aside|put aside|kill|sooner"
    r"|get it over|can'?t wait|can'?t go on|burden|better (?:off )?without|done with|misery"
    r"|no wish|continue|affairs|letters?|terminal\w*|not dying|depressed|had enough)\b"
)


def wish_in_end_of_life_care(sentence: str, before: str, after: str = "") -> bool:
    """A wish about dying told in end-of-life care or as a wish about treatment, named in the
    sentence, the one before or the one after, with no help to die, means, or hurry asked
    for."""
    lowered = sentence.lower()
    return (
        bool(any(LAST_DAYS.search(s.lower()) for s in (lowered, before, after)))
        and not any(HURRIED.search(s.lower()) for s in (lowered, before, after))
        and not signal_context.WISH_TO_DIE.search(lowered)
        and not signal_context.danger_said(lowered)
    )


# What an exasperated threat must not say to be held back: a weapon, now, or where he is.
NOW_OR_WEAPON = re.compile(
    r"\b(?:knife|knives|gun|weapon|hammer|blade|tonight|right now|now|outside|at the door"
    r"|on (?:his|her|their) way|999|police|really|seriously|mean it|not joking)\b"
)


def exasperation_laughed(sentence: str, after: str) -> bool:
    """The teller's own threat over one more household annoyance, with a laugh in it or just
    after ("I'm going to kill him if he leaves the seat up one more time lol")."""
    lowered = re.sub(r"\bi(['’])", r"i \1", sentence.lower()).replace("’", "'")
    return bool(
        signal_context.EXASPERATED.search(lowered)
        and (signal_context.JEST.search(lowered) or signal_context.JEST.search(after.lower()))
        and not NOW_OR_WEAPON.search(lowered)
    )


# "I thought I was going to die" of an illness or pain, told as over.
THOUGHT_I_WOULD_DIE = re.compile(
    r"\bthought (?:i|he|she|they) (?:was|were|'d|would) (?:going to |gonna )?(?:die|dying)\b"
)
ILLNESS = re.compile(
    r"\b(?:covid|flu|virus|bug|infection|toothache|tooth|pain|labour|labor|migraine"
    r"|kidney stones?|appendix|food poisoning|sick|ill|fever|chest|dannodd|ddannodd|nannodd|poen)\b"
)
OVER_NOW = re.compile(
    r"\b(?:fine now|ok now|okay now|all good now|better now|sorted|recovered|back to normal"
    r"|iawn rŵan|iawn rwan|iawn nawr|well now)\b"
)
HARM_WORDS = re.compile(
    r"\b(?:overdose|tablets|pills|cut|cutting|jump\w*|hang\w*|kill\w*|myself|attempt\w*"
    r"|hit|hits|punch\w*|strangl\w*|choked?|knife|threat\w*)\b"
)


def illness_feared_and_over(sentence: str, after: str) -> bool:
    """ "Honestly I thought I was going to die" of an illness or pain, told as over in the
    sentence or the next two, with no harm done by anyone."""
    lowered = sentence.lower()
    return bool(
        THOUGHT_I_WOULD_DIE.search(lowered)
        and ILLNESS.search(lowered)
        and (OVER_NOW.search(lowered) or OVER_NOW.search(after.lower()))
        and not HARM_WORDS.search(lowered)
    )


# One's own death spoken of as a practical future ("when I'm gone you'll have to sort the
# shed"), with the person said to be well or joking just after.
WHEN_GONE = re.compile(
    r"\b(?:when|after|once) (?:i'm|i am|he's|he is|she's|she is|i've|i have|he's|she's)"
    r" (?:gone|dead|passed)\b|\bwhen i (?:die|pop my clogs|kick the bucket)\b"
)
WELL_OR_JOKING = re.compile(
    r"\b(?:fit as a fiddle|fit and well|healthy|in good health|dramatic|morbid|joking|jokes"
    r"|lol|haha\w*|bless (?:him|her))\b"
)


def own_death_spoken_lightly(sentence: str, after: str) -> bool:
    """ "When I'm gone you'll have to ..." with the person well or joking in the next two
    sentences, and no low mood, means or harm named."""
    lowered, later = sentence.lower(), after.lower()
    return bool(
        WHEN_GONE.search(lowered.replace("’", "'"))
        and WELL_OR_JOKING.search(lowered + " " + later)
        and not LOW_MOOD.search(lowered + " " + later)
        and not HARM_WORDS.search(lowered)
        and not HURRIED.search(lowered)
    )


def model_held_back(name: str, sentence: str, before: str, after: str) -> bool:
    """Whether the sentence model's reading of `name` is held back by this round's kinds
    (`after` is the next few sentences, the first of them first)."""
    if name not in ("suicide_self_harm", "immediate_danger"):
        return False
    if name == "suicide_self_harm" and (
        wish_in_end_of_life_care(sentence, before, after)
        or own_death_spoken_lightly(sentence, after)
    ):
        return True
    if exasperation_laughed(sentence, after):
        return True
    return illness_feared_and_over(sentence, after)
