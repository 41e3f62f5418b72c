"""Issue 19, the fifteenth round: kinds of risk to life missed on a development set written by
another hand (signals_independent_v22), each tested with sentences written for these tests
(none from a measuring set, none from the training files) beside look-alikes that must not
fire. Every rule here is tested through the rules alone: what the web request acts on at once.

Kinds: farewell behaviour (goodbyes said, things given away, affairs put in order), a risk
question answered yes and then taken back, a professional's watch that says the risk
(one-to-one with a guard, constant obs), and danger happening now to a body or a person unseen
(a floppy baby, breathing stopped, lips gone blue, curtains shut for days, the police sent to
check on someone).
"""

from __future__ import annotations

import pytest

from nlp import signals

RISK = set(signals.RISK_TO_LIFE)


def _rules(text: str) -> set[str]:
    return set(signals.rule_hits(text).names)


# Farewell behaviour ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Can't face any of it now. I've said my goodbyes to my sister.",
        "He's been writing his goodbyes in a notebook and won't tell us why.",
        "She gave away all her things last week, even the guitar she loved.",
        "My brother has been giving his games and his bike away to his friends.",
        "I've put my affairs in order and I feel calm about it.",
        "Dad keeps sorting his affairs in order and says we'll be fine without him.",
    ],
)
def test_farewell_behaviour_fires(text: str) -> None:
    assert "suicide_self_harm" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "We said our goodbyes to Gran at the hospice and she passed that night.",
        "I said my goodbyes to the team on my last shift before I retired.",
        "She gave away all her baby clothes to a charity shop.",
        "He gave his old bike away to his cousin because he'd outgrown it.",
        "Dad put his affairs in order after the cancer diagnosis, with the palliative nurse.",
        "We gave away all his things after the funeral.",
        "I gave my spare tickets away to my friends.",
    ],
)
def test_ordinary_farewells_do_not_fire(text: str) -> None:
    assert "suicide_self_harm" not in _rules(text)


# A "yes, I'm safe" taken back --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The nurse asked if I was safe. I said yes. I'm not really.",
        "My GP asked whether I felt safe and I nodded, but I am not, honestly.",
    ],
)
def test_safe_answer_taken_back_fires(text: str) -> None:
    assert "suicide_self_harm" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The nurse asked if I was safe at home and I said yes, I'm not scared of anyone.",
        "They asked if I felt safe on the ward, and I did.",
    ],
)
def test_safe_answer_kept_does_not_fire(text: str) -> None:
    assert not RISK & _rules(text)


# A professional's watch ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "After what I told the nurse they put me on one-to-one with a security guard.",
        "She was put on constant obs on the ward after telling them what she planned.",
        "They kept him on eyesight observation all weekend because of what he'd said.",
    ],
)
def test_watch_that_says_the_risk_fires(text: str) -> None:
    assert "suicide_self_harm" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "After the operation she was kept on constant observation overnight.",
        "Mum was on constant obs because of her falls and her dementia.",
        "Dad has one-to-one care at the home and the staff are lovely.",
        "The security guard at the A&E door was very helpful.",
    ],
)
def test_watch_for_the_body_does_not_fire(text: str) -> None:
    assert "suicide_self_harm" not in _rules(text)


# Danger happening now --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My baby has gone floppy and won't wake properly.",
        "The toddler is limp and really hot and I can't get the GP.",
        "My husband has stopped breathing and the ambulance is still not here.",
        "He's not breathing and his lips are blue.",
        "Her lips have gone grey and she's not answering me.",
        "My neighbour's curtains have not been opened for four days.",
        "I asked the police to do a welfare check on my brother after his text.",
        "The welfare check was done by the police last night.",
        "Grandad fell asleep after his tea and now he's making a gurgling noise and won't wake.",
    ],
)
def test_danger_now_fires(text: str) -> None:
    assert "immediate_danger" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The baby loved his floppy rabbit.",
        "In his last hours at the hospice Dad was making a rattling noise, and the nurse "
        "explained it was part of dying.",
        "The boiler is making a rattling noise again.",
        "My son has floppy hair and a cheeky grin.",
        "I'm not breathing a word of it to my mum.",
        "At birth he stopped breathing for a few seconds and the midwife was brilliant.",
        "I haven't opened my curtains for days, I just can't face the light.",
        "The sky was blue and the staff took her out into the garden.",
        "The practice does welfare calls to the over-75s each winter.",
    ],
)
def test_danger_look_alikes_do_not_fire(text: str) -> None:
    assert "immediate_danger" not in _rules(text)
