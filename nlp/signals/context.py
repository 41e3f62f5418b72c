"""What the words around a risk phrase say about whose risk it is and when (issue 19, precision,
second round).

Read by kind from the false alarms of a development set, each kind written as a general test
on the words around a hit, never from one sentence:

- **a death told**: "my brother died by suicide in 2015", "bereaved by suicide", "lost his
  son to suicide". A death is grief, not a risk to the teller now (a teller who is at risk
  says so in words the rules and the model still hear).
- **a professional's account of others**: a nurse, paramedic or doctor telling what they see
  at work in general ("last night we had three overdoses", "I see people who've self-harmed").
  Held back only when the sentence tells of many or of their work ("we had", "people",
  "every night") and the phrase is not about the teller or someone of theirs ("my", "I",
  "me"). A gatherer's or volunteer's note about one person is not held back: that is how a
  concern is passed on.
- **past, with when, and well now**: "when I was a teenager I self-harmed ... I'm 45 now",
  "back in 2012 I tried to take my own life ... these days I'm stable". The sentence anchors
  the risk in the past and the next ones say the person is well now, with no word that it is
  back ("again", "still", "started").
- **idioms and information**: "wanted to die of embarrassment", "end it with this GP
  practice", "a leaflet warning about overdose".
- **well now, for the model** (`resolved_now`): immediate danger means now, so a sentence
  that says the person is now fine, stable, home or safe ("he's fine now thank goodness",
  "she's now safe in a refuge") cannot be the one that raises it, nor the sentence just
  before it.
"""

from __future__ import annotations

import re

# "Died by suicide", "death by suicide", "bereaved by suicide", "lost my son to suicide".
DEATH_BEFORE = frozenset(
    "died dying death deaths bereaved bereavement lost losing loss killed funeral inquest "
    "after".split()
)
DEATH_LINK = frozenset({"by", "to", "from", "through", "of"})
# Who tells a story about others at work. Family carers are not here: their "I'm a carer for
# my son who self-harms" is about someone of theirs.
STAFF_ROLES = frozenset(
    "nurse nurses paramedic paramedics doctor doctors gp consultant registrar medic "
    "pharmacist midwife psychologist psychiatrist clinician practitioner".split()
)
# And what they tell is their work in general: many people, every shift, "we had", "I attended".
AT_WORK = re.compile(
    r"\b(?:we (?:had|see|saw|get|got|went|attended|deal|treated)|i (?:see|attended|treated)"
    r"|people|patients|a lot of|lots of|every (?:night|day|shift|week)|many|several|one shift)\b"
)
STAFF_INTRO = re.compile(
    r"\b(?:i'?m an?|i am an?|i work as an?|as an?|i'?ve been an?|i have been an?)"
    r"(?: \w+){0,3}? (" + "|".join(sorted(STAFF_ROLES)) + r")\b"
)
FIRST_PERSON = frozenset("i me my myself i'm i've i'd mine our we've".split())
FAMILY = frozenset(
    "son daughter child children kid kids mum mother dad father husband wife partner brother "
    "sister friend mate boyfriend girlfriend grandson granddaughter nan gran grandad".split()
)
# Time said with a risk that puts it in the past: "when I was a teenager", "back in 2012".
PAST_ANCHOR = re.compile(
    r"\b(?:when (?:i|he|she|they) (?:was|were) (?:a |an |at |in |\d)|as a (?:teenager|child|kid"
    r"|student)|back in (?:19|20)\d\d|back then|in (?:19|20)\d\d|(?:\w+|\d+) years ago|years back"
    r"|at (?:school|university|uni|college)|decades? ago"
    # The same said in a mixed Welsh sentence, and old scars: "yn 2008", "pan o'n i'n student".
    r"|yn (?:19|20)\d\d|pan o ?'?n i|old (?:\w+ )?scars?)"
)
WELL_NOW = re.compile(
    r"(?:'m|\bam|'s|\bis|\bare|'re) (?:\w+ )?(?:now|well|better|fine|stable|okay|ok)\b"
    r"|\b(?:these days|nowadays|since then|ever since|recovery|recovered|in a (?:\w+ )?place"
    r"|has n't|hasn't|have n't|haven't|today i"
    r"|(?:a |an |totally |completely |entirely )?(?:different|new) person"
    r"|it ?'?s been (?:\w+ )?(?:years|decades)|(?:\w+ )?years (?:clean|free|since))\b"
)
BACK_AGAIN = re.compile(
    r"\b(?:again|still|started|starting|back to|relapse|relapsed|lately|recently|this week"
    r"|last night|tonight|yesterday|struggling|worse|low|thoughts|thinking|want to|feel like)\b"
)
# "Die of embarrassment", "die of boredom": an idiom.
DIE_OF = frozenset(
    "embarrassment shame boredom laughing laughter fright cringe jealousy curiosity".split()
)
# "A leaflet warning about overdose", "suicide prevention", "awareness of self-harm".
INFORMATION_BEFORE = frozenset(
    "warning warned warns warnings leaflet leaflets prevent prevention preventing awareness "
    "information info educate education".split()
)
# A sentence that says the person is well, home or safe now.
RESOLVED = re.compile(
    r"\b(?:(?:is|was|'s|s|are|'re|am|'m|were) (?!not |never )(?:\w+ )?(?:fine|okay|ok|alright"
    r"|all right|safe|stable|settled|recovering|doing well|doing fine|much better|better now"
    r"|home now|now home|now safe|now stable|now fine|now a healthy|healthy now|much calmer)"
    r"|fine now|safe now|home now and|stable now|calmer now|thank goodness|but fine"
    r"|thankfully (?:he|she|they|we|i)|all ended well|no harm done)\b"
)
STILL_AT_RISK = re.compile(r"\b(?:still|again|for now|tonight|right now|coming back)\b")


def death_told(before: list[str]) -> bool:
    """ "Died by suicide", "lost his son to suicide": the two or three words before the phrase
    tell a death."""
    window = before[-4:]
    return bool(window) and window[-1] in DEATH_LINK and bool(DEATH_BEFORE & set(window[:-1]))


def staff_account(story: str, before: list[str], phrase: list[str]) -> bool:
    """A professional tells what they see at work, and this phrase is not about the teller or
    someone of theirs: "I work as a nurse in A&E. Last night we had three overdoses"."""
    if not STAFF_INTRO.search(story) or not AT_WORK.search(" ".join([*before, *phrase])):
        return False
    near = set(before[-5:]) | set(phrase)
    return not (FIRST_PERSON & near) and not ({"my", "our"} & set(before))


def past_with_a_when(sentence: str, after: str) -> bool:
    """ "When I was a teenager I self-harmed. I'm 45 now": a time that puts the risk in the past
    in its sentence, and well now in that sentence or the next two, with no word it is back."""
    if not PAST_ANCHOR.search(sentence):
        return False
    if BACK_AGAIN.search(sentence) or BACK_AGAIN.search(after):
        return False
    return bool(WELL_NOW.search(after))


def idiom_or_information(before: list[str], phrase: list[str], after: list[str]) -> str | None:
    """ "Wanted to die of embarrassment", "end it with this GP practice", "a leaflet warning
    about overdose": why the phrase is not a risk, or None."""
    if phrase[-1:] in (["die"], ["dead"]) and after[:1] == ["of"] and set(after[1:3]) & DIE_OF:
        return 'idiom ("die of ...")'
    if phrase[-2:] in (["end", "it"], ["end", "things"]) and after[:1] == ["with"]:
        return 'idiom ("end it with" someone or something)'
    if INFORMATION_BEFORE & set(before[-3:]):
        return "information about the risk, not a person at risk"
    return None


def resolved_now(text: str) -> bool:
    """A sentence that says the person is now fine, home, stable or safe, with no "still",
    "again", "for now" or "tonight" to say otherwise."""
    lowered = text.lower().replace("\u2019", "'")
    return bool(RESOLVED.search(lowered)) and not STILL_AT_RISK.search(lowered)


# A screening question (issue 19, precision, third round): "the GP did the PHQ-9 with me. The
# question about being better off dead, I ticked 'not at all'"; "nes i ateb 'na' i'r questions
# am self-harm". A question is named, and the answer given is no.
SCREENING = re.compile(
    r"\b(?:questions?|questionnaire|screening|screened|phq-?9|form|asked|asks|checklist|"
    r"assessment|cwestiwn|cwestiynau|gofyn|gofynnodd)\b"
)
ANSWERED_NO = re.compile(
    r"\b(?:answered|answer|ticked|tick|said|put|circled|wrote|replied|ateb|atebais|dweud)"
    r"\s*['\"]?\s*(?:no|na|nage|naddo|not at all|never|none)\b"
    r"|['\"]\s*not at all\s*['\"]|\bwhich i (?:have|had|do|did) ?n'?t\b"
)
ANSWERED_YES = re.compile(
    r"\b(?:answered|ticked|said|put|circled|replied|ateb|admitted)\s*['\"]?\s*(?:yes|ie|do|"
    r"nearly every day|more than half|several days)\b"
)


def screening_answered_no(sentence: str, after: str = "") -> bool:
    """A screening question named beside the phrase and answered no, in its sentence or the
    next, with no answer of yes: "they asked if I'd had thoughts of harming myself, which I
    haven't". "They asked ... and I said yes" is the teller's risk, and is not held back."""
    around = f"{sentence} {after}"
    if ANSWERED_YES.search(around) or BACK_AGAIN_NOW.search(around):
        return False
    return bool(SCREENING.search(sentence)) and bool(ANSWERED_NO.search(around))


# Said beside a screening answer, these tell the risk is there now whatever was ticked.
BACK_AGAIN_NOW = re.compile(
    r"\b(?:but (?:actually|really|honestly|truthfully)|lied|wasn't true|was n't true|not true)\b"
)
