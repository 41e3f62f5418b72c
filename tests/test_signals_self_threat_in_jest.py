"""Issue 19, round 22: the teller's threat against themself over one more annoyance, with a
laugh, is hyperbole for the sentence model too (`nlp.signals.look_alikes.self_threat_in_jest`);
meant, with low mood or a means, it is a risk. Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found

from nlp.signals.look_alikes.self_threat_in_jest import model_held_back


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        (
            "if i have to fill in that blue badge form again i'll throw meself off the multi"
            " storey haha.",
            "no but seriously does anyone know who helps with it",
        ),
        ("If I hear that hold music again I swear I'll hang myself lol", ""),
        ("If I have to sit through another audit meeting, shoot me.", "Only joking, it was fine."),
    ],
)
def test_a_threat_against_oneself_in_jest_is_held_back(sentence: str, after: str) -> None:
    for name in RISK:
        assert model_held_back(name, sentence, after, f"{sentence} {after}")


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        # Meant, with a means, without a laugh, or low mood told.
        (
            "if i have to go back to that job one more time ill kill myself haha",
            "not even jokin, i think about it every day",
        ),
        ("If they send me home again I'll kill myself, I've got the tablets ready lol", ""),
        ("I'll kill myself if he leaves me again.", ""),
        ("If I get one more rejection I'll hang myself lol", "I've been so low since the divorce."),
    ],
)
def test_a_threat_meant_is_not_held_back(sentence: str, after: str) -> None:
    assert not model_held_back("suicide_self_harm", sentence, after, f"{sentence} {after}")


def test_a_threat_meant_still_fires_through_the_worker() -> None:
    text = (
        "if i have to go back to that job one more time ill kill myself haha. not even jokin,"
        " i think about it every day"
    )
    assert found(text) & RISK
