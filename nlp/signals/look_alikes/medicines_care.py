"""Medicines looked after, not a risk (issue 19, round 22): a carer or patient asking where to
keep a strong medicine, guarding against a double dose by mistake, or telling of a pharmacy's
dispensing errors.

Why: the sentence model hears "morphine", "patches", "tablets", "overdo it" and "double" as
overdose talk, and read such sentences as suicide or danger ("where do we store dad's morphine?
he has the liquid and the patches", "I don't want to take too much by mistake",
"the chemist keeps sending the wrong strength of pills"). Round 18's medicines talk
(`everyday_talk.medicines_talk`) reads a dose asked about or changed by a professional; these
are three more kinds of care for a medicine:

- **keeping it safe**: where to keep, store or lock a medicine away (and the sentence after the
  question, which says what it is);
- **a guard against taking too much by mistake**: "I don't want to overdo it by accident",
  "don't want her taking a double" (the words of excess are inside the wish not to);
- **a dispensing error**: the wrong strength sent, tablets mixed up or in the wrong slot of a
  blister pack, a chemist run out.

Never held back when the sentence says more than a dose once the guard is read out (all of them,
the lot, saved up, enough, tonight, harm or death: `everyday_talk.EXCESS`), or a danger now
(`context.danger_said`): "the chemist sent the wrong strength and I took the lot" is a risk.
"""

from __future__ import annotations

import re

from nlp.signals.core import context as signal_context
from nlp.signals.look_alikes.everyday_talk import EXCESS, MEDICINE, signal_context_lower

RISK_SIGNALS = frozenset({"suicide_self_harm", "immediate_danger"})
# Medicines named beyond `everyday_talk.MEDICINE`: the strong ones carers ask how to keep.
NAMED = re.compile(
    r"\b(?:oxycodone|oxycontin|oramorph|fentanyl|tramadol|methadone|buprenorphine|diazepam"
    r"|zopiclone|pregabalin|gabapentin|warfarin|naproxen|solution|drops|water tablets)\b"
)
KEPT_SAFE = re.compile(
    r"\bwhere (?:should|do|can|would|shall|is best to) (?:i|we|you|they|he|she) (?:keep|store"
    r"|put|lock|leave)\b|\block(?:ed|ing)? (?:it |them )?away (?:properly|safely|from the"
    r" (?:kids|children|grandkids|grandchildren))|\bout of (?:the )?reach of\b"
)
GUARD = re.compile(
    r"\b(?:do ?n'?t|dont|do not|did ?n'?t|didnt|not|never) want(?:ed)? (?:to |her |him |them "
    r"|me |us |anyone )?(?:to )?\w+(?:\W+\w+){0,5}?\W+(?:by accident|by mistake|accidentally"
    r"|a double(?: dose)?|double(?:d| up| dose)?|twice|too (?:much|many)|overdo(?:ing)? it)\b"
    r"(?:(?:\W+\w+){0,2}?\W+(?:by accident|by mistake|accidentally))?"
)
# An error said: a blister pack or a dosette box alone is no error, and a month of tablets in
# one is a means.
DISPENSING = re.compile(
    r"\bwr[ao]ng (?:strength|dose|tablets|pills|ones|slot|medicine|medication|box|packs?)"
    r"|\b(?:keep|keeps|kept) (?:comin|coming|arriving) wrong"
    r"|\bin the (?:wrong|night|morning|evening|dinner) slot"
    r"|\b(?:mixed|mixing|mixes|mix) up (?:the|her|his|my|mum's|dad's) (?:tablets|pills|meds"
    r"|medication|blister|dosette)"
    r"|\b(?:chemist|pharmacy)s? (?:keeps |kept |has |have |is |are )?(?:run\w* out|ran out)"
)

# A store of a medicine is a means, whatever else the sentence says ("a month of tablets in
# her dosette box by the bed").
STORED_UP = re.compile(
    r"\b(?:a|one|two|three|four|six|\d+|several|few) (?:months?|weeks?)(?:'s| of| worth)\b"
    r"|\b(?:boxes|packets|bottles|box|packet|bottle) of\b|\bspare ones\b|\bput (?:by|aside)\b"
)
MEDICINE_FOR_BLOOD = re.compile(r"\bblood (?:pressure|thinners?|thinning|sugars?)\b")


def care_of_a_medicine(sentence: str, before: str = "") -> bool:
    """Whether `sentence` looks after a medicine (kept safe, guarded against a double, or
    dispensed wrongly), or follows a question about where to keep one, and says nothing of
    more than a dose or of a danger now."""
    lowered = signal_context_lower(sentence)
    earlier = signal_context_lower(before)
    if not (_medicine(lowered) or DISPENSING.search(lowered) or _medicine(earlier)):
        return False
    care = (
        KEPT_SAFE.search(lowered)
        or GUARD.search(lowered)
        or DISPENSING.search(lowered)
        or (KEPT_SAFE.search(earlier) and _medicine(earlier))
    )
    if not care:
        return False
    # The guard's own words of excess, and a medicine named for the blood, are no danger.
    rest = MEDICINE_FOR_BLOOD.sub(" ", GUARD.sub(" ", lowered))
    return (
        not EXCESS.search(rest)
        and not STORED_UP.search(rest)
        and not signal_context.danger_said(rest)
    )


def _medicine(lowered: str) -> bool:
    return bool(MEDICINE.search(lowered) or NAMED.search(lowered))


def model_held_back(name: str, sentence: str, before: str) -> bool:
    """Whether the sentence model may not raise a risk to life on `sentence` (see
    `care_of_a_medicine`)."""
    return name in RISK_SIGNALS and care_of_a_medicine(sentence, before)
