"""Issue 19, the fourteenth round: kinds of risk-to-life false alarm read from two development
sets written by other hands (signals_independent_v17 and v19, the latter two thirds long
accounts), each tested with sentences written for these tests (none from a measuring set, none
from the training files) beside look-alikes that must still fire. Rules are tested through the
rules alone (what the web request runs); checks on the sentence model through the real
detector (rules and both models) and through the check itself.

Kinds: "killing it" and "hurt it" (doing well; a knee), which the danger rule read as "end it
today"; a risk long past with the person well now, said in words the earlier checks did not
know ("six years sober", "doing grand", "well for a decade") or beside treatment kept up ("I
still take a small dose of sertraline"), for the rules and now for the sentence model too; and
a risk question answered no and said to be true ("I told her no, hand on heart"), after which
the sentence model read low mood or "I want to live" as suicide.
"""

from __future__ import annotations

import pytest

from nlp import signals
from nlp.signals.core import context as signal_context
from nlp.signals.detection import detector as signal_detector

RISK = set(signals.RISK_TO_LIFE)


def _rules(text: str) -> set[str]:
    return set(signals.rule_hits(text).names)


def _risk(text: str) -> set[str]:
    return set(signals.detect(text).names) & RISK


# Rules: "killing it", "hurt it" ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Five weeks after the op and I'm killing it at rehab today, stairs with one stick!",
        "Mum's been killing it in the chair exercises class now she's on the new pills.",
        "I hurt it again today lifting the washing basket, the physio wants to see my shoulder.",
    ],
)
def test_killing_it_and_hurt_it_are_no_danger_rule(text: str) -> None:
    assert "immediate_danger" not in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I can't do this any more, I'm going to end it tonight.",
        "He says he's ending it today and he's locked the bathroom door.",
        "I'm going to hang myself tonight when everyone's asleep.",
        "I want to kill myself now.",
    ],
)
def test_end_it_now_still_fires(text: str) -> None:
    assert RISK & _rules(text)


# Rules: past, and well now in other words -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2013 I tried to take my own life. Nine years on from that I'm a youth worker, "
        "and I've been well for a decade. I still take a small dose of sertraline and I'm "
        "not ashamed of it.",
        "My brother and I both self-harmed at school. We're grandparents now, both doing "
        "grand, and we joke about our awful haircuts.",
    ],
)
def test_past_then_well_in_other_words_is_left_to_the_model(text: str) -> None:
    assert "suicide_self_harm" not in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2013 I tried to take my own life. I've been well for years, but I still have the "
        "thoughts most nights and I'm scared.",
        "My brother and I both self-harmed at school. We're doing grand mostly, but he "
        "started cutting again last week.",
        "In 2013 I tried to take my own life. I still think about it every day.",
    ],
)
def test_past_with_the_risk_back_still_fires(text: str) -> None:
    assert "suicide_self_harm" in _rules(text)


def test_medicine_kept_up_is_not_a_risk_back() -> None:
    kept_up = " i still take a small dose of an antidepressant every morning "
    assert not signal_context.BACK_LATER.search(signal_context.STILL_ON_MEDICINE.sub(" ", kept_up))
    back = " i still have the tablets i saved up "
    assert signal_context.BACK_LATER.search(signal_context.STILL_ON_MEDICINE.sub(" ", back))


# The sentence model: past with a when, and well in the next sentences ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "I used to cut myself as a teenager. I'm 41 now and it hasn't been an issue for "
        "twenty years. The new nurse saw the marks and was lovely about it.",
        "Four years sober now since my overdose in 2020. I volunteer as a peer mentor at the "
        "service that helped me.",
    ],
)
def test_past_and_well_now_raises_no_risk(text: str) -> None:
    assert not _risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "I used to cut myself as a teenager. I'm 41 now and last night I cut my arm again.",
        "I took an overdose in 2020. I'm fine now. But lately I want to die again.",
        "I used to cut myself as a teenager. I'm 41 now and I'm struggling, I keep thinking "
        "about the blades in the bathroom cabinet.",
    ],
)
def test_past_then_back_now_still_fires(text: str) -> None:
    assert "suicide_self_harm" in _risk(text)


# The sentence model: a risk question answered no, and said to be true -----------------------


def _units(text: str):
    return signal_detector.signal_model.units(signal_detector.normalise(text))


def test_sworn_no_covers_what_came_before_and_two_sentences_after() -> None:
    text = (
        "Since the hip op I've felt flat. I'd be lying if I said otherwise. The GP asked me "
        "outright whether I ever think about ending my life, and I told her no, hand on heart "
        "no. I want to see my grandson start school. Ken at the bowls club has been good to "
        "me. We play on a Thursday now."
    )
    units = [u.text for u in _units(text)]
    until = signal_context.sworn_no_until(units, signal_detector._ASKED_ABOUT_RISK)
    assert until == 4  # the question's sentence is the third; the two after it are covered


@pytest.mark.parametrize(
    "text",
    [
        # Answered no, but not said to be true.
        "The GP asked me whether I ever think about ending my life. I said no. I just don't "
        "see the point of anything any more.",
        # Said to be true, then taken back.
        "The GP asked whether I ever think about ending my life and I told her no, hand on "
        "heart. That wasn't true. I have the tablets saved up in a drawer.",
        # A question about something else.
        "The receptionist asked if I wanted to rebook and I said no, hand on heart. I don't "
        "want to be here any more.",
    ],
)
def test_a_no_not_sworn_or_taken_back_covers_nothing(text: str) -> None:
    units = [u.text for u in _units(text)]
    assert signal_context.sworn_no_until(units, signal_detector._ASKED_ABOUT_RISK) == -1


@pytest.mark.parametrize(
    "text",
    [
        "The GP asked me whether I ever think about ending my life. I said no. I just don't "
        "see the point of anything any more.",
        "The GP asked whether I ever think about ending my life and I told her no, hand on "
        "heart. That wasn't true. I have the tablets saved up in a drawer.",
        "The nurse asked if I had thoughts of harming myself and I said no and meant it. "
        "That was in March. The bowls club helped. The house is quiet. Then my wife left. "
        "Last night I took the whole box of my tablets and I feel strange now.",
    ],
)
def test_risk_told_beside_or_after_a_no_still_fires(text: str) -> None:
    assert RISK & _risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "At every review the nurse asks whether I have thoughts of hurting myself or of dying. "
        "I say no, and it is true. I want to live. I want to see my daughter again.",
        "Since the stroke I've been low. The GP asked me straight, do you ever think about "
        "harming yourself or ending your life, and I told her no, hand on heart no. It's more "
        "that I'm fed up with not driving.",
    ],
)
def test_low_mood_beside_a_sworn_no_raises_no_suicide(text: str) -> None:
    assert "suicide_self_harm" not in _risk(text)
