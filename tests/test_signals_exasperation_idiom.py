"""Issue 19, round 22: "I could kill him" said of a snoring husband or a child on the console is
exasperation, read by the sentence model in plain words (`context.plain_idioms`); a threat with
a weapon, a time of now or a word that it is meant, or said by someone else, is read as it was.
Sentences written for these tests, none from a measuring set.
"""

from __future__ import annotations

import pytest

from nlp.signals.core.context import plain_idioms


@pytest.mark.parametrize(
    "text",
    [
        "the wee one's been up since five, honestly I could kill her.",
        "Ah could happily throttle my brother, he's borrowed the car again.",
        "a could murder me man, he's left the washing in the machine all day",
    ],
)
def test_exasperation_is_read_in_plain_words(text: str) -> None:
    plain = plain_idioms(text).lower()
    assert not any(word in plain for word in ("kill", "throttle", "murder"))


@pytest.mark.parametrize(
    "text",
    [
        "I could kill him, I've put the knife in my bag for when he gets in.",
        "I could kill him tonight for what he did to her.",
        "I could kill him. I mean it this time.",
        "He could kill me if he finds out.",
        "I'm going to kill him when he comes home.",
    ],
)
def test_a_threat_is_read_as_it_was(text: str) -> None:
    assert plain_idioms(text) == text
