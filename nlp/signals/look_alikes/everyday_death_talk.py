"""Everyday talk of dying or of killing oneself that is no risk (issue 19, round 19; and round 21
for the teller's own threat in jest).

Why apart: people speak of death in care and in jest. The sentence model's readings held back
here (`model_held_back`, called from `detector.py`) are end-of-life wishes told in care, a
threat over one more household annoyance said with a laugh, "I thought I was going to die" of
an illness now over, and one's own death spoken of as a practical future with the person well
or joking ("when I'm gone you'll have to sort the shed"). The rules' "I'll kill myself" on a
condition ("if they call me in again") with a laugh or called a joke, and no low mood or means
told, is left to the model (`own_threat_in_jest`, called from `held_back.py`); a risk laughed
off is a risk minimised, not a jest. None holds back a sentence that says the danger is now, a
threat meant, a plan or a means, a weapon or an attempt, whoever the sentence is about. The
words of harm and hurry here (`HARM_WORDS`, `HURRIED`, `THOUGHT_I_WOULD_DIE`) are read by
`notes_of_no_risk` too.
"""

from __future__ import annotations

import re

from nlp.signals.core import context as signal_context
from nlp.signals.phrasings.suicide_hints import LOW_MOOD
from nlp.signals.phrasings.witness_suicide_risk import MEANS

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


# "If they call me in again I'll kill myself" with a laugh or called a joke: the teller's
# hyperbole over a trivial thing. "Laughed it off" is not this: a risk laughed off is a risk
# minimised (a hairdresser's client who "won't be here by then" and laughed it off).
LAUGHED_OFF = re.compile(r"\blaugh(?:ed|ing|s)? (?:it|this|that) off\b")
NOT_JOKING = re.compile(r"\b(?:not joking|wasn'?t joking|means it|meant it|serious(?:ly)?)\b")
CONDITION = re.compile(r"\b(?:if|when|unless|one more|another)\b")


def own_threat_in_jest(phrase: list[str], sentence: str, after: str, story: str) -> bool:
    """ "I'll kill myself" on a condition ("if they call me in again"), with a laugh or a joke
    in the sentence or the next, no low mood or means told, and nothing said to be meant."""
    if not phrase or phrase[-1] not in ("myself", "meself", "mysel"):
        return False
    around = f"{sentence} {after}".lower().replace("\u2019", "'")
    return bool(
        CONDITION.search(sentence.lower())
        and signal_context.JEST.search(around)
        and not LAUGHED_OFF.search(around)
        and not NOT_JOKING.search(around)
        and not MEANS.search(around)
        and not LOW_MOOD.search(story.lower())
    )
