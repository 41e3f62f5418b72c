"""Issue 19, quality: plain words the web form's rules now hear, the hard negatives they now
hold back, and the model's lower "possible risk" tier for risk to life."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nlp import signals
from nlp.signals.sentence_model import model as signal_model


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("I don't see the point in going on", "suicide_self_harm"),
        ("honestly i dont see any point in living", "suicide_self_harm"),
        ("i dont want to be here anymore", "suicide_self_harm"),
        ("I can't go on any more, I've had it.", "suicide_self_harm"),
        ("I've taken about thirty of my co-codamol", "suicide_self_harm"),
        ("she swallowed a handful of her sertraline", "suicide_self_harm"),
        ("He's outside with a knife.", "immediate_danger"),
        ("hes kicking the door in", "immediate_danger"),
        ("I'm hiding in the bathroom with the baby.", "immediate_danger"),
        ("Tried to hang myself on Saturday and they sent me home.", "suicide_self_harm"),
        ("I cut myself on purpose last night.", "suicide_self_harm"),
    ],
)
def test_the_web_rules_hear_plain_words(text, signal):
    """The online form acts on the rules alone: these said nothing before."""
    assert signal in signals.rule_hits(text).names


@pytest.mark.parametrize(
    "text",
    [
        "I can't see the point of going to the GP if they never listen.",
        "I can't go on like this with my knee, the wait is too long.",
        "I don't want to be here on the ward over Christmas.",
        "I took my tablets this morning as usual.",
    ],
)
def test_the_new_rules_leave_ordinary_words_alone(text):
    assert signals.rule_hits(text).signals == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Mum said she was ready to die and asked to stop the antibiotics.",
            "end of life",
        ),
        ("Dad wanted to die at home in his own bed.", "end of life"),
        ("We watched a film about a man who wants to die.", "film"),
        ("I read a novel about domestic abuse on holiday.", "film"),
        (
            "The GP checked whether I'd had thoughts of hurting myself, which I haven't.",
            "question",
        ),
        ("My son used to self harm at school but he's at university now.", "past"),
        ("I was suicidal once but therapy turned everything around.", "past"),
        ("The domestic abuse outreach worker was great.", "service"),
        ("I burnt myself on the oven door getting the tea out.", "idiom"),
        ("Mum was worried I might hurt myself, but I never would.", "denied"),
    ],
)
def test_hard_negatives_are_held_back_with_their_reason(text, reason):
    detection = signals.rule_hits(text)
    assert detection.signals == []
    assert any(reason in s.why for s in detection.possible), detection.possible


@pytest.mark.parametrize(
    "text",
    [
        "I used to self harm and I've started again this week.",
        "I want to die. The hospice nurse came today.",
        "My friend in the film club wants to die and told me so.",
        "I want to hurt myself but I never would tell anyone.",
    ],
)
def test_a_risk_that_is_back_or_merely_beside_those_words_still_fires(text):
    assert "suicide_self_harm" in signals.rule_hits(text).names


def test_a_possible_risk_to_life_reaches_the_lead_marked_please_read():
    """Between the lower and the sure threshold the model still raises the risk-to-life flag
    (the lead's queue gets it), with a reason that says it is only possible."""
    model = signal_model.load()
    column = model.names.index("suicide_self_harm")
    text = "Most nights I lie awake wishing I could just stop existing."
    score = float(model.score_units(signal_model.units(text))[:, column].max())
    sure = np.array(model.thresholds, copy=True)
    sure[column] = min(0.999, score + 0.01)
    lower = np.array(model.possible_thresholds(), copy=True)
    lower[column] = score - 0.01
    tiered = dataclasses.replace(model, thresholds=sure, possible=lower)
    detection = signals.detect(text, tiered)
    found = next(s for s in detection.signals if s.name == "suicide_self_harm")
    assert found.tier == "possible" and found.severity == "urgent"
    assert found.why.startswith(signals.POSSIBLE_PREFIX)
    lower[column] = score + 0.005
    assert "suicide_self_harm" not in signals.detect(text, tiered).names


def test_the_shipped_model_has_a_lower_tier_only_for_risk_to_life():
    model = signal_model.load()
    for column, name in enumerate(model.names):
        lower, sure = model.possible_thresholds()[column], model.thresholds[column]
        if name in signals.RISK_TO_LIFE:
            assert lower < sure
        else:
            assert lower == sure


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Hoffwn i farw.", "suicide_self_harm"),
        ("Byddai'n well gen i fod yn farw.", "suicide_self_harm"),
        ("Dw i ddim yn gweld pwynt mynd ymlaen.", "suicide_self_harm"),
        ("Dw i'n meddwl am ddod â'r cyfan i ben.", "suicide_self_harm"),
        ("Dw i wedi cymryd gormod o dabledi.", "suicide_self_harm"),
        ("Mae e tu allan gyda chyllell.", "immediate_danger"),
        ("Mae e'n fy mwrw i bob nos.", "domestic_abuse"),
        ("Mae fy mhartner yn rheoli fy arian i gyd.", "domestic_abuse"),
        ("Mae'r plant yn cael eu gadael ar eu pen eu hunain.", "child_abuse_neglect"),
    ],
)
def test_more_explicit_welsh_phrasings_fire(text, signal):
    assert signal in signals.rule_hits(text).names


def test_a_welsh_end_of_life_wish_is_held_back_but_a_wish_to_die_is_not():
    wish = signals.rule_hits("Bu farw Mam yn yr hosbis, roedd hi eisiau marw adref.")
    assert wish.signals == [] and "end of life" in wish.possible[0].why
    assert "suicide_self_harm" in signals.rule_hits("Dw i eisiau marw.").names


def test_a_one_word_answer_is_not_read_by_the_model_but_two_words_are():
    """A survey's "No" or "Nothing" tells no story: with every threshold at zero the model
    would raise every signal on anything it reads, and it raises none on one word."""
    model = signal_model.load()
    zero = np.zeros(len(model.names), dtype=np.float32)
    eager = dataclasses.replace(
        model, thresholds=zero, possible=zero, possible_long=np.zeros_like(model.possible_long)
    )
    for answer in ("No", "Nothing.", " none "):
        assert signals.model_signals(answer, eager) == []
    assert signals.model_signals("No thanks", eager)
