"""Issue 19, the seventeenth round: the largest kind of risk-to-life false alarm over the
development sets written by other hands (318 of 862), the sentence model raising abuse told
as ongoing or past (control, stalking, neglect at home or in care) as immediate danger or
suicide. On such a sentence the model reads abuse surely and the risk unsurely; the risk
reading is now held back there when it is unsure (the possible tier; a sure reading never
is), unless the sentence says the danger is now, names a threat
or a weapon, or a body or place in danger. Sentences written for these tests (none from a
measuring set, none from the training files), each kind beside look-alikes that must still
raise risk to life; the check itself is also tested with scores set by hand on the real
model's thresholds.
"""

from __future__ import annotations

import numpy as np
import pytest
from signal_readings import RISK, found

from nlp.signals.core import context as signal_context
from nlp.signals.detection import detector as signal_detector

ABUSE = set(signal_detector.ABUSE_SIGNALS)


# Through the real detector ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # control, told as what he does
        "My neighbour's husband won't let her out to the shops on her own.",
        "My mum's partner won't let her have a key to her own house.",
        "He tells the kids their mum is mad and locks me out of the bedroom.",
        # stalking told as a habit
        "My ex keeps driving past my house late at night.",
        # a threat of staff about a buzzer, read as suicide
        "The night staff told Dad to stop pressing his buzzer or they'd unplug it.",
    ],
)
def test_abuse_told_as_ongoing_is_abuse_not_a_risk_to_life(text: str) -> None:
    raised = found(text)
    assert raised & ABUSE
    assert not raised & RISK


@pytest.mark.parametrize(
    "text",
    [
        # the same stories with a danger now, a threat, a weapon, or a place in danger
        "My ex keeps driving past my house late at night and he's parked outside now.",
        "My ex keeps driving past my house late at night. He's got a knife in the car.",
        "My ex keeps driving past my house late at night, he says he'll kill me.",
        "My mum's partner won't let her have a key to her own house and tonight he's locked her"
        " out.",
        "My mum's partner won't let her have a key to her own house and it's freezing out there.",
        "He's outside with a knife now and he's banging on the window.",
        "My husband hits me. He's downstairs now smashing the kitchen and says he'll kill me"
        " when he comes up.",
        "Her partner has beaten her before and tonight he's locked her in the bedroom.",
        "My ex has hit me before and right now he's trying to get in through the back door.",
        "My dad keeps hitting my mum and I'm scared he'll kill her tonight.",
        "The children are alone in the flat and there's smoke coming from under the door.",
        "He has strangled me twice and he said next time he will finish it.",
    ],
)
def test_danger_now_inside_an_abuse_story_still_fires(text: str) -> None:
    assert found(text) & RISK


def test_suicide_beside_abuse_still_fires() -> None:
    text = (
        "My husband says I'm useless and takes all my money. Most nights I lie awake wishing"
        " I just wouldn't wake up."
    )
    assert "suicide_self_harm" in found(text)


# The check itself, on the shipped model's thresholds ----------------------------------------


@pytest.fixture(scope="module")
def model() -> signal_detector.signal_model.SentenceModel:
    return signal_detector.signal_model.load()


def _row(model, **scores: float) -> np.ndarray:
    row = np.zeros((1, len(model.names)), dtype=np.float32)
    for name, value in scores.items():
        row[0, model.names.index(name)] = value
    return row


def _tiers(model, name: str) -> tuple[float, float]:
    column = model.names.index(name)
    return float(model.possible_thresholds(1)[column]), float(model.thresholds[column])


def _held(model, name: str, sentence: str = "He keeps my phone.", **scores: float) -> bool:
    return signal_detector._told_as_abuse(
        model, name, _row(model, **scores), sentence, 0, _tiers(model, name)
    )


def test_unsure_danger_on_a_sure_abuse_sentence_is_held_back(model) -> None:
    low, sure = _tiers(model, "immediate_danger")
    assert _held(model, "immediate_danger", immediate_danger=low + 0.01, domestic_abuse=0.95)
    low, sure = _tiers(model, "suicide_self_harm")
    assert _held(model, "suicide_self_harm", suicide_self_harm=low + 0.01, adult_abuse_neglect=0.95)


def test_sure_risk_or_weak_abuse_or_danger_said_is_not_held_back(model) -> None:
    low, sure = _tiers(model, "immediate_danger")
    # danger at its sure tier, however sure the abuse (a sure reading is never held back: the
    # one blind set that judged a looser bound lost a risk story by it)
    assert not _held(model, "immediate_danger", immediate_danger=sure * 1.05, domestic_abuse=0.99)
    assert not _held(model, "immediate_danger", immediate_danger=sure * 1.3, domestic_abuse=0.99)
    # suicide at its sure tier
    s_low, s_sure = _tiers(model, "suicide_self_harm")
    assert not _held(
        model, "suicide_self_harm", suicide_self_harm=s_sure + 0.01, domestic_abuse=0.99
    )
    # abuse read only weakly
    assert not _held(model, "immediate_danger", immediate_danger=low + 0.01, domestic_abuse=0.35)
    # no abuse read at all
    assert not _held(model, "immediate_danger", immediate_danger=low + 0.01)
    # the sentence says the danger is now, a weapon, or a place in danger
    for sentence in (
        "He keeps my phone and he's outside now.",
        "He keeps my phone and he has a knife.",
        "She's left in a freezing flat.",
    ):
        assert not _held(
            model, "immediate_danger", sentence, immediate_danger=low + 0.01, domestic_abuse=0.95
        )
    # other signals are never held back by it
    assert not _held(model, "domestic_abuse", domestic_abuse=0.95)


@pytest.mark.parametrize(
    "sentence",
    [
        "He's on his way back from the pub.",
        "She's bleeding from her head.",
        "There's a smell of gas in the flat.",
        "He threatened to burn the place down.",
        "I'm hiding in the bathroom.",
    ],
)
def test_danger_said_hears_now_threats_and_places(sentence: str) -> None:
    assert signal_context.danger_said(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He keeps my bank card in his wallet.",
        "The carers never stay more than ten minutes.",
        "She isn't allowed to see her friends.",
    ],
)
def test_danger_said_is_quiet_on_abuse_told_as_a_habit(sentence: str) -> None:
    assert not signal_context.danger_said(sentence)
