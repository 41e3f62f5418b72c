"""Whether a new password is strong enough, by zxcvbn's estimate of how hard it is to guess.

Length alone let "password1234" through: zxcvbn knows common passwords, words, names, keyboard
walks, dates and l33t spellings, and scores a password 0 (guessed at once) to 4 (very hard).
We ask for 3, "safely unguessable" against an offline attack on a slow hash, which a few
unrelated words reach easily.

zxcvbn scores a password by the cheapest way to split it into pieces, and adds a penalty for
every piece, so the app's own names padded with a year and a symbol ("Storyworkbench2026!",
"Consent-Stories-2026") reached 3 from the penalty alone: zxcvbn-python knows years only up
to 2019, and even one it knows is lumped with the symbol beside it into a "random" piece. So
a password must also be hard to guess once the context words, the username and any year from
1900 to ten years ahead are taken out of it.
"""

from __future__ import annotations

import datetime
import re

from zxcvbn import zxcvbn

MIN_LENGTH = 12
MIN_SCORE = 3
# Words anyone guessing a Story Workbench password would try first.
CONTEXT_WORDS = ("story", "workbench", "stories", "healthwatch", "consent")
# Nobody types a longer password by hand.
MAX_LENGTH = 256
# zxcvbn's time grows steeply with length (seconds at 256 characters, a way to tie up the web
# workers), so it judges the first 72 characters, its own limit: a password whose first 72
# characters are hard to guess is hard to guess.
ESTIMATED_LENGTH = 72
# Years anyone would add to a word: from 1900 to this many years ahead.
FIRST_YEAR = 1900
YEARS_AHEAD = 10


def _guessable_parts(username: str) -> re.Pattern[str]:
    """The context words, the username and the years a guesser would try, longest first."""
    last = datetime.date.today().year + YEARS_AHEAD
    years = [str(year) for year in range(FIRST_YEAR, last + 1)]
    words = [w for w in (username.strip(), *CONTEXT_WORDS) if len(w) >= 3]
    parts = sorted({*map(str.lower, words), *years}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, parts)), re.IGNORECASE)


def weakness(password: str, username: str = "") -> str | None:
    """Why `password` is too weak, in words a person can act on; None when it is strong enough."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        return f"The new password needs at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"The new password can have at most {MAX_LENGTH} characters."
    judged = password[:ESTIMATED_LENGTH]
    result = zxcvbn(judged, user_inputs=[username, *CONTEXT_WORDS])
    if result["score"] >= MIN_SCORE:
        # What is left once the names and years are out must be hard to guess on its own.
        rest = _guessable_parts(username or "").sub("", judged)
        if rest == judged or zxcvbn(rest)["score"] >= MIN_SCORE:
            return None
        return (
            "That password is too easy to guess: it is mostly a name anyone would try first "
            "(this app's, the organisation's or your own) or a year. "
            "A few unrelated words make a strong one."
        )
    feedback = result["feedback"]
    advice = " ".join(
        part for part in (feedback.get("warning"), *feedback.get("suggestions", [])) if part
    )
    return (
        "That password is too easy to guess. "
        + (advice + " " if advice else "")
        + "A few unrelated words make a strong one."
    ).strip()
