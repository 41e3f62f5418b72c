"""The sentence model's "possible" reading of a risk to life held back on two kinds of sentence
(issue 19, round 22, precision): a complaint told, and the teller's hesitation in a story that
discloses abuse.

Why: a story flagged only by the model's lower tier ("possible risk, please read") was a true
risk in 76 of 446 such stories over the 27 development sets; the other 370 are most of the
worker's false alarms. Two kinds among them are read surely by another of the model's own
signals, so the model's evidence is combined rather than a threshold moved:

- **a complaint told**: "I'm taking this to the local paper", "that's it, I'm done", "Dw i
  am wneud cwyn swyddogol" read at the possible tier of suicide or danger, while the same
  sentence reads as a complaint over the complaint threshold. A person at risk who also
  complains is heard in another sentence or by the rules; on the development sets no risk
  story rested on such a sentence (11 false alarms, no risk story lost).
- **a hesitation in a disclosure of abuse**: "I've nobody else to tell", "please don't say
  it was me", "I haven't slept since", "I hope this helps the next person" read as suicide at
  the possible tier in a story that reads as abuse surely in some sentence (`ABUSE_SURE`, round
  17's bound, not chosen on these sets). Round 17 held such a reading back when the same
  sentence read as abuse surely; the hesitation is usually another sentence than the abuse.
  Suicide only: a danger reading in an abuse story is often the danger (a girl of thirteen
  kept by "friends" who give her drink), and one was lost on the development sets. Never on a
  sentence that says a danger now, a threat, a weapon or the body in danger
  (`context.danger_said`). On the development sets: 36 false alarms, no risk story lost.

Sure readings stand in both kinds (round 17: a sure reading is the model's evidence of a risk).
"""

from __future__ import annotations

import numpy as np

from nlp.signals.core import context as signal_context

ABUSE_SIGNALS = ("child_abuse_neglect", "adult_abuse_neglect", "domestic_abuse")
RISK_SIGNALS = ("suicide_self_harm", "immediate_danger")
# The bound at which the model reads abuse surely (round 17's `detector.ABUSE_SURE`).
ABUSE_SURE = 0.9


def held_back(
    names: tuple[str, ...],
    thresholds: np.ndarray,
    name: str,
    scores: np.ndarray,
    i: int,
    sentence: str,
) -> bool:
    """Whether the model's possible-tier reading of `name` on sentence `i` (scores: units by
    signals) is held back: the sentence reads surely as a complaint, or (suicide) the story
    reads surely as abuse, and the sentence says no danger now."""
    if name not in RISK_SIGNALS or signal_context.danger_said(sentence.lower()):
        return False
    if "complaint" in names:
        column = names.index("complaint")
        if float(scores[i, column]) >= float(thresholds[column]):
            return True
    if name != "suicide_self_harm":
        return False
    return any(
        float(scores[:, names.index(abuse)].max()) >= ABUSE_SURE
        for abuse in ABUSE_SIGNALS
        if abuse in names
    )
