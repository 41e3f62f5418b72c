"""Issue 19, round 22: a hazard reported with its harm denied is a request to fix it, not a
danger now (`nlp.signals.look_alikes.hazard_denied`); harm waited for, a body in trouble, a threat
or a wish to die beside it still fire. Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found

from nlp.signals.look_alikes.hazard_denied import model_held_back


@pytest.mark.parametrize(
    ("name", "sentence", "after"),
    [
        (
            "immediate_danger",
            "The lane behind the school has no lights at all, it is black as pitch by five.",
            "Nobody has been hurt but the kids walk it every night.",
        ),
        (
            "suicide_self_harm",
            "The boiler service is two months overdue, no smell of gas or anything, I just want"
            " it sorted.",
            "",
        ),
        ("immediate_danger", "The landing light's been out for weeks, naebody's been hurt.", ""),
    ],
)
def test_a_hazard_with_its_harm_denied_is_held_back(name: str, sentence: str, after: str) -> None:
    assert model_held_back(name, sentence, after)


@pytest.mark.parametrize(
    ("name", "sentence", "after"),
    [
        ("immediate_danger", "There's no smell of gas but mum is unconscious on the floor.", ""),
        ("immediate_danger", "Nobody's been hurt yet but he says he'll burn the flat down.", ""),
        ("suicide_self_harm", "Nobody has been hurt, I just want everything to end now.", ""),
        (
            "immediate_danger",
            "I can smell gas in the hall and the old man next door isn't answering.",
            "No smell in our flat though.",
        ),
    ],
)
def test_a_danger_or_a_wish_beside_a_denial_is_not_held_back(
    name: str, sentence: str, after: str
) -> None:
    assert not model_held_back(name, sentence, after)


def test_a_danger_now_beside_a_denial_still_fires_through_the_worker() -> None:
    text = (
        "There's no smell of gas in the hall but my neighbour is lying on her kitchen floor and"
        " she isn't breathing."
    )
    assert found(text) & RISK
