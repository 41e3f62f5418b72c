"""Issue 19, round 22: the sentence model's "possible" reading of a risk to life held back on a
complaint told and on a hesitation in a story that discloses abuse
(`nlp.signals.look_alikes.possible_readings`); sure readings, danger said now, and risks the rules
hear still fire. Sentences written for these tests, none from a measuring set.
"""

from __future__ import annotations

import numpy as np
import pytest
from signal_readings import RISK, found

from nlp.signals.look_alikes import possible_readings

NAMES = (
    "suicide_self_harm",
    "child_abuse_neglect",
    "adult_abuse_neglect",
    "domestic_abuse",
    "immediate_danger",
    "complaint",
)
THRESHOLDS = np.array([0.62, 0.33, 0.41, 0.30, 0.52, 0.77])


def scores(*rows: list[float]) -> np.ndarray:
    return np.array(rows)


def test_a_complaint_told_holds_back_a_possible_risk_on_its_sentence() -> None:
    story = scores([0.50, 0.0, 0.0, 0.0, 0.48, 0.90])
    assert possible_readings.held_back(NAMES, THRESHOLDS, "suicide_self_harm", story, 0, "x")
    assert possible_readings.held_back(NAMES, THRESHOLDS, "immediate_danger", story, 0, "x")
    # A complaint under its threshold, or in another sentence, holds nothing back.
    weak = scores([0.50, 0.0, 0.0, 0.0, 0.48, 0.60], [0.0, 0.0, 0.0, 0.0, 0.0, 0.95])
    assert not possible_readings.held_back(NAMES, THRESHOLDS, "suicide_self_harm", weak, 0, "x")


def test_a_hesitation_in_a_story_of_abuse_told_surely_holds_back_suicide_only() -> None:
    story = scores([0.05, 0.95, 0.1, 0.6, 0.2, 0.0], [0.50, 0.3, 0.1, 0.2, 0.48, 0.0])
    sentence = "There's nobody else I can say this to."
    assert possible_readings.held_back(NAMES, THRESHOLDS, "suicide_self_harm", story, 1, sentence)
    assert not possible_readings.held_back(
        NAMES, THRESHOLDS, "immediate_danger", story, 1, sentence
    )
    # Abuse read only unsurely in the story: the reading stands.
    unsure = scores([0.05, 0.85, 0.1, 0.6, 0.2, 0.0], [0.50, 0.3, 0.1, 0.2, 0.48, 0.0])
    assert not possible_readings.held_back(
        NAMES, THRESHOLDS, "suicide_self_harm", unsure, 1, sentence
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "He's outside the door right now with a knife.",
        "She isn't breathing properly and won't wake up.",
        "He says he'll kill me tonight when he gets in.",
    ],
)
def test_a_danger_said_now_is_never_held_back(sentence: str) -> None:
    story = scores([0.50, 0.95, 0.1, 0.95, 0.50, 0.90])
    for name in RISK:
        assert not possible_readings.held_back(NAMES, THRESHOLDS, name, story, 0, sentence)


@pytest.mark.parametrize(
    "text",
    [
        "I am putting in an official complaint. The crisis team sent me home and I still"
        " want to end my life.",
        "My stepdad whacks me with a slipper. Please don't tell him. I've started cutting my"
        " arms again at night.",
        "He punched me in the face last night and said he'll kill me if I leave. I don't know"
        " who to say it to, he's downstairs now.",
        "My husband hits me and locks me in the bedroom. There's nobody I can say it to. I've"
        " been thinking the kids would do better without me around.",
    ],
)
def test_a_risk_beside_a_complaint_or_a_disclosure_still_fires(text: str) -> None:
    assert found(text) & RISK
