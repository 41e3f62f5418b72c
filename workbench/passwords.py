"""Whether a new password is strong enough, by zxcvbn's estimate of how hard it is to guess.

Length alone let "password1234" through: zxcvbn knows common passwords, words, names, keyboard
walks, dates and l33t spellings, and scores a password 0 (guessed at once) to 4 (very hard).
We ask for 3, "safely unguessable" against an offline attack on a slow hash, which a few
unrelated words reach easily.
"""

from __future__ import annotations

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


def weakness(password: str, username: str = "") -> str | None:
    """Why `password` is too weak, in words a person can act on; None when it is strong enough."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        return f"The new password needs at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"The new password can have at most {MAX_LENGTH} characters."
    result = zxcvbn(password[:ESTIMATED_LENGTH], user_inputs=[username, *CONTEXT_WORDS])
    if result["score"] >= MIN_SCORE:
        return None
    feedback = result["feedback"]
    advice = " ".join(
        part for part in (feedback.get("warning"), *feedback.get("suggestions", [])) if part
    )
    return (
        "That password is too easy to guess. "
        + (advice + " " if advice else "")
        + "A few unrelated words make a strong one."
    ).strip()
