"""Issue 19, precision: danger is now or very soon; talk about a risk in general is not a risk;
a phrase held back in one sentence still fires in another."""

from __future__ import annotations

import pytest

from nlp import signals
from nlp.signals.model_training import corpus as signal_corpus


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Suicide rates among older men in the valleys keep rising.", "in general"),
        ("The paper said self-harm admissions doubled over ten years.", "in general"),
        ("Our survey asked about overdose figures in the county.", "in general"),
        ("We'd be better off without the new appointments app, honestly.", "a thing"),
        ("The ward would be better off without that agency, they never turn up.", "a thing"),
    ],
)
def test_talk_about_a_risk_in_general_is_held_back(text, reason):
    """Numbers, research and "better off without" a thing: signposted, never a flag."""
    found = signals.rule_hits(text)
    assert found.signals == []
    assert any(reason in p.why for p in found.possible)


@pytest.mark.parametrize(
    "text",
    [
        "Everyone would be better off without a useless lump like me.",
        "They'd all be better off without me.",
        "I took an overdose on Friday.",
        "The suicide rates don't matter to me, I think about suicide every night.",
    ],
)
def test_the_teller_at_risk_still_fires(text):
    assert "suicide_self_harm" in signals.rule_hits(text).names


def test_a_phrase_held_back_in_one_sentence_still_fires_in_another():
    """Each phrase was reported once: when its first occurrence was held back, a later one
    that should fire was skipped with it."""
    text = "I was never suicidal before the baby. These last weeks I am suicidal most days."
    assert "suicide_self_harm" in signals.rule_hits(text).names


@pytest.mark.parametrize(
    "text",
    [
        # "Prevention" comes before the risk in Welsh: the suicide prevention team.
        "Mae'r tîm atal hunanladdiad wedi bod yn help mawr i'r teulu.",
        # A question reported without its question mark: "the doctor asked whether ...".
        "Gofynnodd y meddyg a oeddwn i wedi meddwl am niweidio fy hun, a dywedais i na.",
    ],
)
def test_welsh_services_and_reported_questions_are_held_back(text):
    found = signals.rule_hits(text)
    assert "suicide_self_harm" not in found.names
    assert "suicide_self_harm" in found.possible_names


def test_a_welsh_risk_said_plainly_still_fires():
    assert "suicide_self_harm" in signals.rule_hits("Dw i'n meddwl am niweidio fy hun.").names


def test_domestic_abuse_happening_now_is_taught_as_both_signals():
    """Danger now from a partner is domestic abuse too, and abuse told as habitual or past is
    domestic abuse without danger: the model learns danger from the time, not from "he"."""
    examples = signal_corpus.training_examples()
    both = [e for e in examples if set(e.labels) == {"domestic_abuse", "immediate_danger"}]
    only_danger = [e for e in examples if e.labels == ("immediate_danger",)]
    only_domestic = [e for e in examples if e.labels == ("domestic_abuse",)]
    assert len(both) >= 150
    assert len(only_danger) >= 150  # bodies, places and strangers in danger now
    assert any("last year" in e.text or "for years" in e.text for e in only_domestic)
