"""A crisis of the last few days told as rescued is recent, not past (issue 19, round 22).

Why: the rules and the sentence model hold a risk back as past and over when the teller says
someone "saved my life" beside it (`held_back.RECOVERED`, read by `held_back._past_and_over`
and `detector._over_now`). That is right for "the crisis team saved my life two years ago", but
"I took an overdose on Sunday and the crew saved my life" tells an attempt of this week:
docs/safeguarding.md decided (round 21) that a recent incident (last night's overdose, an
ambulance called) is a risk now, because the lead must hear of it and its cause is not over.
Being rescued says the person lived, not that they are well.

So a rescue cue alone no longer makes a risk past when its words name a recent time (last
night, yesterday, a weekday, this week or weekend, a few days ago, this morning, today). A cue
that says the person is well or safe now ("I'm safe now", "doing much better", "in a better
place") still does, as does any time long past ("years ago", a year).
"""

from __future__ import annotations

import re

# The cues of `held_back.RECOVERED` that say only that someone was rescued.
RESCUE_ONLY = (" saved my life ", " saved his life ", " saved her life ", " stopped me from ")
RECENT = re.compile(
    r"\b(?:last night|yesterday|this (?:morning|afternoon|evening|week|weekend)|today|tonight"
    r"|last (?:week|weekend)|(?:\d+|a|one|two|three|four|five|few|couple of) days? ago"
    r"|(?:on |last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: night| morning)?"
    r"|the other (?:day|night)|at the weekend|over the weekend)\b"
)
LONG_PAST = re.compile(
    r"\b(?:years? ago|months ago|(?:19|20)\d\d|as a (?:teenager|child|kid)|when i was (?:\d+|young"
    r"|a teenager|at school|at uni)|used to|last year|long (?:ago|behind))\b"
)


def rescued_recently(words: str, cues: tuple[str, ...]) -> bool:
    """Whether the past-and-over cues found in `words` (lower case, spaced) are only rescue
    cues and the words name a recent time and no time long past: then the risk is recent and
    not held back as over."""
    found = [cue for cue in cues if cue in words]
    return (
        bool(found)
        and all(cue in RESCUE_ONLY for cue in found)
        and bool(RECENT.search(words))
        and not LONG_PAST.search(words)
    )
