"""Issue 19, precision: a negation that governs a risk phrase through a wish, an attempt or an
intent ("I have never wanted to kill myself", "I didn't try to hurt myself") holds the rule
back, and leaves the sentence to the model rather than barring it, because the same words can
lead into a risk ("I never said I wanted to die"). Sentences written for these tests, none
from a measuring set, each beside a look-alike that must still fire."""

from __future__ import annotations

import pytest

from nlp.signals.detection import rules as signal_rules
from nlp.signals.look_alikes import held_back as signal_held_back

RISK = "suicide_self_harm"


@pytest.mark.parametrize(
    "text",
    [
        "I have never wanted to kill myself, I just can't sleep with the pain.",
        "I didn't try to hurt myself, the cut was from the tin lid.",
        "I would never want to take my own life, whatever the waiting list does to me.",
        "She has never really wanted to harm herself, she wanted someone to listen.",
        "I did not plan to end my life, the double dose was a muddle with the blister packs.",
        "I'm not going to kill myself, I'm just fed up of ringing at eight.",
    ],
)
def test_a_wish_or_attempt_denied_is_held_back_and_left_to_the_model(text):
    detection, held = signal_rules.run_rules(text)
    assert RISK not in detection.names
    assert any(
        s.why.endswith(signal_held_back.NEGATED_WISH) for s in detection.possible if s.name == RISK
    )
    # Not barred: the model still reads the sentence.
    assert [signal for signal, _, _ in held if signal == RISK] == []


@pytest.mark.parametrize(
    "text",
    [
        # The same words, with the wish said, or the negation about something else.
        "I have wanted to kill myself every day this week.",
        "Nobody wanted to listen and I want to kill myself.",
        "I tried to hurt myself last night with the razor from the bathroom.",
        "No one at the surgery knows I want to end my life.",
        "I never told anyone that I wanted to kill myself.",
        "I don't know why but I want to take my own life.",
        "I'm trying not to cut myself but the urge is really strong tonight.",
        "I try hard not to hurt myself when the voices start.",
    ],
)
def test_a_wish_said_or_a_negation_elsewhere_still_fires(text):
    assert RISK in signal_rules.rule_hits(text).names


def test_a_plain_negation_still_bars_the_model():
    """A negation straight before the phrase ("I am not suicidal") is a denial the rule can
    read on its own: the sentence stays barred from the model, as before."""
    detection, held = signal_rules.run_rules("I am not suicidal, I am angry about the wait.")
    assert RISK not in detection.names
    assert [signal for signal, _, _ in held] == [RISK]
