"""Accounts of care (issue 19, precision on real stories): a risk to life a patient tells as
past and over in a story about a service, or says of people in general.

Why: real patient stories (Care Opinion, read by kind) rarely hold a risk to life now, yet the
rules flagged many of them, on two kinds of sentence that stories written by other hands hold
as well:

- **a past crisis told as rescued**: "last year I was close to ending my life; the crisis team
  stayed with me and I'm now getting the help I need", "I was ready to die, this team changed
  my life". The rules' past-and-over hold-backs (`held_back._past_and_over`,
  `context.past_then_well`) want "years ago" or "used to"; a story of care says "last year",
  "in 2018", "when I was in crisis", or only "was", and says it is over by thanking the service
  that got the teller through ("changed my life", "I wouldn't be here", "no longer feel
  suicidal").
- **a risk said of people in general**: what a service's users "will be feeling, possibly
  suicidal", what other patients "will probably" do, "if you're suicidal they tell you ...", a
  service's bar ("has to be self-harming before they get referred"). No one is named at risk.

Neither holds back a hit whose sentence or the rest of the story says the risk is back or now
("again", "still", "last night", "at the moment", "struggling"), a plan or a means now, an
attempt with a recent day, or whose subject is the teller or someone they name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy's runtime import pulls in torch, which anonymising must not load
    from spacy.tokens import Doc

RISK_SIGNALS = frozenset({"suicide_self_harm", "immediate_danger"})
SENTENCE_END = frozenset({".", "!", "?"})

PAST_CRISIS = "a past crisis told as over in an account of care"
IN_GENERAL = "said of people in general or of a service's bar, not of a person at risk"

# A time that puts the crisis in the past, as accounts of care say it (beyond `PAST_ANCHOR`):
# "last year", "around this time last year", a year, a month and year, "when I was in crisis",
# "at my lowest", "before I was referred".
PAST_WHEN = re.compile(
    r"\b(?:last year|a year ago|this time last year|(?:in |of |since )?(?:19|20)\d\d"
    r"|when i was (?:in crisis|at my (?:lowest|worst)|(?:really |very |so |seriously )?(?:ill"
    r"|unwell|poorly|low|depressed|at rock bottom))|at my (?:lowest|worst)(?: point)?"
    r"|(?:\w+ ){0,2}years ago|at rock bottom|before (?:i|we) (?:was|were|got) (?:referred"
    r"|admitted|seen)|(?:when|before) i (?:came|started|was referred|met)"
    r"|(?:i|he|she) (?:was|had been|felt) (?:so |very |really |completely )?(?:ready|close|near"
    r"|\w+ (?:steps|minutes) away))\b"
)
# The teller thanks a service that got them through, or says the risk is gone: what makes the
# past crisis over.
RESCUED = re.compile(
    r"\b(?:changed my life|saved my life|turned my life around|given me my life back"
    r"|(?:would|might|will) (?:not|n't|never) (?:be|have been) here|not be here (?:today|now)"
    r"|(?:do not|don't|no longer|not) (?:feel |felt )?suicidal (?:any ?more|now)"
    r"|no longer (?:feel|want|have)|light at the end of the tunnel|got me through"
    r"|helped me (?:through|to get|get|back|recover|so much)|pulled me through"
    r"|(?:i'm|i am|i'm now|i am now) (?:now )?(?:getting the help|on the right|in a better"
    r"|doing (?:well|better)|well|better|myself again)|(?:can't|cannot|can not) thank"
    r"|thank (?:them|you|the team) (?:so much|enough|with all)|forever grateful"
    r"|eternally grateful|so grateful)"
)
# The risk is back, now, or recent: never held back then.
NOW_OR_BACK = re.compile(
    r"\b(?:again|still|lately|recently|this week|last (?:night|week|weekend)|tonight|yesterday"
    r"|today|at the moment|right now|currently|struggling|worse|relaps\w*|every day|daily"
    r"|want to die|want to end|going to (?:kill|end|take)|plan to|planning|tablets saved"
    r"|stockpil\w*|(?:\d+|two|three|few) (?:days|weeks) ago|this (?:morning|afternoon|evening)"
    r"|(?:on |last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:at |this |last )weekend)\b"
)

# Said anywhere later in the story, these say the crisis is back whatever the sentence is about.
BACK_SAID = re.compile(
    r"\b(?:do it again|try (?:it )?again|happen(?:s|ed)? again|(?:feel|feeling|felt) (?:like that"
    r"|that way|the same) again|back (?:to|where) (?:square one|where i was|i was)"
    r"|thoughts (?:are|have|came|come) back|(?:are|is|has|have) (?:come )?back)\b"
)
# A later sentence about the risk or the teller's mood, in which a word of now or back counts.
RISK_WORDS = re.compile(
    r"\b(?:suicid\w*|self[- ]?harm\w*|harm(?:ing)? myself|hurt(?:ing)? myself|overdos\w*"
    r"|kill\w* myself|end(?:ing)? (?:my|it)|die|dying|dead|thoughts|low|hopeless|crisis"
    r"|dark|unsafe|urges?|cutting|tablets|pills|mood|depress\w*|feel|feeling)\b"
)

# People in general: the subject of a risk no one is named at.
GENERAL_SUBJECT = re.compile(
    r"\b(?:people|patients|service users|others|those|someone|somebody|anyone|anybody"
    r"|vulnerable (?:people|patients|adults)|callers|users)\b(?:(?! i | we | my ).){0,80}?"
    r"\b(?:will|would|could|might|may|can|must) (?:probably |possibly |likely |then |even )?"
    r"[^.!?]{0,60}$"
)
# "if you're suicidal", "if your suicidal", "if you feel suicidal": the second person in general.
IF_YOU = re.compile(r"\bif (?:you'?re|your|you are|you feel|you're feeling|you are feeling) $")
# A service's bar: "has to be self harming before they get referred", "unless you're suicidal".
SERVICE_BAR = re.compile(
    r"\b(?:(?:have|has|had) to be|unless (?:you'?re|your|you are|they'?re|they are)) $"
)
BAR_AFTER = re.compile(
    r"^\W*(?:\w+ )?(?:to|before (?:you|they)) (?:be |get )?(?:seen|help|referred|accepted"
    r"|taken|treated|an appointment|a bed)"
)


def why_held_back(doc: Doc, start: int, end: int, signal: str) -> str | None:
    """Why a risk-to-life rule hit in an account of care does not count, or None."""
    if signal not in RISK_SIGNALS:
        return None
    before, rest = _sentence_before(doc, start), _rest_of_sentence(doc, end)
    if in_general(before, rest):
        return IN_GENERAL
    if signal == "suicide_self_harm" and past_crisis_rescued(
        _previous_sentence(doc, start) + " " + before,
        doc[start:end].text.lower(),
        rest,
        doc[end:].text.lower(),
    ):
        return PAST_CRISIS
    return None


def in_general(before: str, rest: str) -> bool:
    """The risk is said of people in general ("people ringing them will be feeling possibly
    suicidal", "other patients will probably take their own lives"), of "you" in general ("if
    you're suicidal they ..."), or as a service's bar ("you would have to be self harming to be
    seen"), and the rest of its sentence puts no teller at risk."""
    clause, rest = _plain(before[-120:]) + " ", _plain(rest)
    if re.search(r"\b(?:i|i'm|i've|we|my)\b", rest[:40]):
        return False
    if NOW_OR_BACK.search(rest[:60]):
        return False
    if IF_YOU.search(clause):
        return True
    if SERVICE_BAR.search(clause) and BAR_AFTER.search(rest):
        return True
    return bool(GENERAL_SUBJECT.search(clause))


def past_crisis_rescued(before: str, phrase: str, rest: str, story_after: str) -> bool:
    """A crisis told in the past ("last year ...", "I was ready to die", "in 2018") and over
    (the teller thanks the service that got them through, or says it is gone) in its sentence
    or the rest of the story, with nothing after it saying the risk is back or now."""
    sentence = _plain(f"{before} {phrase} {rest}")
    story_after = _plain(story_after)
    if not PAST_WHEN.search(sentence):
        return False
    # "I wouldn't be here today" says it is over; the "today" in it is no risk now.
    if NOW_OR_BACK.search(RESCUED.sub(" ", sentence)) or BACK_SAID.search(story_after):
        return False
    # Later in the story, "again" or "struggling" counts when said of the risk or the mood
    # ("the thoughts came back again"), not of a phone call ("I won't ring them again").
    if any(
        RISK_WORDS.search(later) and NOW_OR_BACK.search(RESCUED.sub(" ", later))
        for later in re.split(r"(?<=[.!?])\s+|\n+", story_after)
    ):
        return False
    return bool(RESCUED.search(story_after) or RESCUED.search(sentence))


def _plain(text: str) -> str:
    return text.replace("\u2019", "'")


def _sentence_before(doc: Doc, start: int) -> str:
    first = start
    while first > 0 and doc[first - 1].text not in SENTENCE_END:
        first -= 1
    return doc[first:start].text.lower()


def _previous_sentence(doc: Doc, start: int) -> str:
    first = start
    while first > 0 and doc[first - 1].text not in SENTENCE_END:
        first -= 1
    if first == 0:
        return ""
    begin = first - 1
    while begin > 0 and doc[begin - 1].text not in SENTENCE_END:
        begin -= 1
    return doc[begin:first].text.lower()


def _rest_of_sentence(doc: Doc, end: int) -> str:
    last = end
    while last < len(doc) and doc[last].text not in SENTENCE_END:
        last += 1
    return doc[end:last].text.lower()


# The sentence model (`detector._over_now`) reads "myself" and "self" as self-harm: on real
# stories it raised suicide on a teller saying they are themself again ("I've been able to be
# myself", "nearly back to my old self", "proud of myself", "a journey of self-discovery").
WELL_SELF = re.compile(
    r"\b(?:(?:be|been|being|feel|feeling|felt) (?:like )?(?:more )?myself|myself again"
    r"|my old self|proud of myself|believe in myself|confident in myself|self[- ](?:discovery"
    r"|esteem|confidence|belief|worth|care|awareness|help)|(?:look|looking|take|taking) care of"
    r" myself|look(?:ing)? after myself)\b"
)
# What such a sentence must not say: a negation of the self ("not been myself"), or any word of
# the risk itself.
NOT_WELL = re.compile(
    r"\b(?:not|n't|never|no longer|don't|can't|cannot|stopped|lost)\b(?:\W+\w+){0,3}\W+"
    r"(?:myself|my old self|self)"
    r"|\b(?:suicid\w*|harm\w*|hurt\w*|kill\w*|die|dying|dead|death|end(?:ing)? (?:it|my)|overdos\w*"
    r"|cut\w*|tablets|pills|hopeless|no point|give up|giving up|can't go on|burden|gone"
    r"|ligature|jump\w*|bridge|rope|knife|blade)\b"
)


# A survey's "what could we do better?" answered with praise: the model reads "nothing" and
# "couldn't" as hopelessness ("nothing could be bettered", "there is nothing you could do
# better", "couldn't have done any more for me", "can't think of anything at the moment").
# "Nothing will get better" and "nothing can be done for me" are hopelessness, not praise.
NOTHING_TO_IMPROVE = re.compile(
    r"\bnothing (?:(?:you|they|the staff|staff|anyone|that) )?(?:could|can|would|should)"
    r" (?:have |of )?(?:be |been )?(?:done |do )?(?:any |much )?(?:better|bettered|improved"
    r"|improve|differently)\b"
    r"|\b(?:couldn't|could not|could n't|can't|cannot) (?:have )?(?:do|done) (?:enough|any ?more"
    r"|more|any better|better) for (?:me|us|him|her|them|my|our)\b"
    r"|\bnothing was (?:too|to) much trouble\b"
    r"|^\W*(?:i )?(?:can't|cannot|can not|could n't|couldn't) think of anything(?: (?:at the"
    r" moment|else|really|to (?:improve|change|add)|right now))?\W*$"
)


def model_held_back(name: str, sentence: str) -> bool:
    """Whether the sentence model may not raise a risk to life on `sentence`: the teller says
    they are themself again (suicide only), or answers "what could we do better?" with praise
    (suicide or danger), with no negation of the self and no word of the risk."""
    if name not in RISK_SIGNALS:
        return False
    lowered = _plain(sentence.lower())
    if NOT_WELL.search(lowered):
        return False
    if NOTHING_TO_IMPROVE.search(lowered):
        return True
    return name == "suicide_self_harm" and bool(WELL_SELF.search(lowered))
