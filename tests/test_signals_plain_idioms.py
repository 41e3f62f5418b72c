"""Issue 19, precision, fourth round: the sentence model reads hyperbole about death in plain
words, and may not raise suicide or self-harm on a sentence that says the person is well now or
that answers a screening question no. Sentences written for these tests, none from a measuring
set."""

from __future__ import annotations

import pytest

from nlp.signals.core.context import plain_idioms
from nlp.signals.detection import detector
from nlp.signals.sentence_model import model as signal_model


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("I'm dying to hear how the scan went.", "dying"),
        ("That council form will be the death of me.", "death"),
        ("The dog's barking would wake the dead.", "dead"),
        ("The queue at the chemist is killing me.", "killing"),
        ("My knees are killing me on these stairs.", "killing"),
        ("Sorry I'm late, it's been murder on the ward.", "murder"),
        ("The chippy's fish is to die for.", "die"),
        ("The befriending call is a real lifesaver.", "lifesaver"),
        ("I nearly died of embarrassment in the waiting room.", "died of"),
    ],
)
def test_hyperbole_is_read_in_plain_words(text, gone):
    assert gone not in plain_idioms(text).lower()


@pytest.mark.parametrize(
    "text",
    [
        "I want to die.",
        "He is killing me, he won't stop hitting me.",
        "I'm scared to death of what he'll do tonight.",
        "I'm dying to see my wife again, I can't go on without her.",
        "he'll kill me lol if he finds out I told you",
        "The pain is so bad I want to end it.",
    ],
)
def test_a_risk_is_read_as_written(text):
    assert plain_idioms(text) == text


def _units(*sentences: str) -> list[signal_model.Unit]:
    text = " ".join(sentences)
    return signal_model.units(text)


@pytest.mark.parametrize(
    "sentences",
    [
        ("The crisis line rang me every week in the spring.", "I'm alright now, thank you."),
        (
            "The GP asked if I'd been feeling hopeless since the divorce.",
            "Told her no, just tired.",
        ),
    ],
)
def test_the_model_may_not_raise_suicide_on_well_now_or_screened_no(sentences):
    units = _units(*sentences)
    flagged = [i for i in range(len(units)) if detector._over_now("suicide_self_harm", units, i)]
    assert flagged, units


@pytest.mark.parametrize(
    "sentences",
    [
        ("I'm alright now but the thoughts are back and I want to end it.",),
        ("When I asked if he wanted to rebook he said no, no need.", "He gave the dog away."),
        ("The GP asked if I'd been feeling hopeless.", "I said yes, every day."),
    ],
)
def test_the_model_may_still_raise_suicide(sentences):
    units = _units(*sentences)
    assert not any(detector._over_now("suicide_self_harm", units, i) for i in range(len(units)))
