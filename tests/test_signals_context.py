"""Issue 19, precision, second round: whose risk it is and when. Each kind of false alarm
found on a development set has its own examples here, written for these tests (none is a
sentence of a measuring set), with a risk told in nearly the same words that must still fire."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nlp import signals
from nlp.signals.detection import detector as signals_detector
from nlp.signals.sentence_model import model as signal_model
from nlp.signals.welsh import welsh as signal_welsh


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Our uncle died by suicide when I was small and I'd like to join a walk.", "death"),
        ("She lost her husband to suicide and the bereavement group helped.", "death"),
        (
            "I'm a paramedic. On nights we attended a fall, a stabbing and an overdose.",
            "professional",
        ),
        (
            "As a ward doctor I see patients every week who have self-harmed while waiting.",
            "professional",
        ),
        (
            "When I was at university I self-harmed for a while. I'm 38 now and a teacher.",
            "past, with when",
        ),
        (
            "Back in 2009 I tried to take my own life. These days I run a walking group.",
            "past, with when",
        ),
        ("When the doctor said it out loud I wanted to die of shame.", "idiom"),
        ("I'm going to end it with this dentist and find another.", "idiom"),
        ("The box came with a leaflet warning about overdose in children.", "information"),
    ],
)
def test_a_risk_that_is_not_the_tellers_now_is_held_back_with_its_reason(text, reason):
    detection = signals.rule_hits(text)
    assert "suicide_self_harm" not in detection.names
    assert any(reason in s.why for s in detection.possible), detection.possible


@pytest.mark.parametrize(
    "text",
    [
        "I'm a nurse and I have been thinking of ending my life.",
        "I'm a paramedic and my daughter has been self-harming since Easter.",
        "When I was at university I self-harmed, and I've started again this month.",
        "Back in 2009 I tried to take my own life. I'm struggling the same way now.",
        "My brother died by suicide and I want to die too.",
        "I want to die, and not of shame.",
        "I'm going to end it tonight.",
        "I'm a volunteer at the hub. A man told me he wants to end his life.",
    ],
)
def test_the_same_words_about_the_teller_now_still_fire(text):
    assert "suicide_self_harm" in signals.rule_hits(text).names


@pytest.mark.parametrize(
    "text",
    [
        "The nurse asked if I was having thoughts of suicide and I said yes.",
        "The GP asked whether I had thoughts of hurting myself, which I have.",
    ],
)
def test_a_screening_question_answered_yes_is_the_tellers_risk(text):
    assert "suicide_self_harm" in signals.rule_hits(text).names


def test_a_screening_question_answered_no_is_still_held_back():
    detection = signals.rule_hits(
        "The GP asked whether I had thoughts of harming myself, which I haven't."
    )
    assert detection.names == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Dw i wedi bod yn hunan-niweidio eto ers y Pasg.", "suicide_self_harm"),
        ("Mae gen i raff yn y garej.", "suicide_self_harm"),
        ("Dw i ddim yn meddwl ei bod hi'n werth byw.", "suicide_self_harm"),
        ("Byddai pawb yn well off hebdda i.", "suicide_self_harm"),
        ("Mae o eisiau dod â'i fywyd i ben.", "suicide_self_harm"),
        ("Mae hi wedi bod yn torri ei breichiau bob nos.", "suicide_self_harm"),
        ("Mi wnes i gymryd gormod o dabledi ddoe.", "suicide_self_harm"),
        ("Mae e wedi dweud y bydd e'n fy lladd i.", "immediate_danger"),
        ("Dydy'r babi ddim yn anadlu'n iawn.", "immediate_danger"),
        ("Mae rhywun yn trio agor y drws ffrynt rŵan.", "immediate_danger"),
    ],
)
def test_the_welsh_rules_hear_more_plain_words(text, signal):
    assert signal in signals.rule_hits(text).names


@pytest.mark.parametrize(
    "text",
    [
        "Mae hi wedi torri ei braich ar ôl cwympo yn yr ardd.",
        "Mae'r rhaff yn y sied ar gyfer y ceffylau.",
        "Roedd y gwyliau yn werth pob ceiniog.",
        "Saith mlynedd yn ôl mi wnes i drio lladd fy hun. Dw i'n iawn rŵan, diolch i'r tîm.",
    ],
)
def test_the_welsh_rules_leave_a_broken_arm_a_rope_for_horses_and_past_risk_alone(text):
    assert "suicide_self_harm" not in signals.rule_hits(text).names


def test_english_inside_a_welsh_sentence_is_read_by_the_english_model():
    text = "Dw i ddim yn cysgu ac mae popeth yn ddu, and last week I was thinking about the pills."
    clauses = [text[s:e] for s, e in signal_welsh.english_clauses(text)]
    assert clauses == ["and last week I was thinking about the pills"]
    units = signals_detector._english_units(signal_model.units(text))
    assert [u.text for u in units] == ["and last week I was thinking about the pills"]
    assert signal_welsh.english_clauses("Diolch yn fawr i bawb yn yr ysbyty, chwarae teg.") == []


def _danger_fires_on(model: signal_model.SentenceModel, text: str) -> signal_model.SentenceModel:
    """The model with danger's thresholds just under what `text`'s best sentence scores, so
    that the model raises danger on it unless a check after scoring holds it back."""
    column = model.names.index("immediate_danger")
    score = float(model.score_units(signal_model.units(text))[:, column].max())
    sure = np.array(model.thresholds, copy=True)
    lower = np.array(model.possible_thresholds(), copy=True)
    sure[column] = lower[column] = score - 0.01
    return dataclasses.replace(model, thresholds=sure, possible=lower)


def test_the_model_raises_no_danger_on_an_emergency_said_to_be_over():
    model = signal_model.load()
    told = "Grandad collapsed at the bus stop and waited two hours for an ambulance."
    assert "immediate_danger" in signals.detect(told, _danger_fires_on(model, told)).names
    over = f"{told} He's fine now, thank goodness, but it was far too long."
    assert "immediate_danger" not in signals.detect(over, _danger_fires_on(model, over)).names


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Some nights I think about driving into a tree on the bypass.", "suicide_self_harm"),
        ("Easy read: I am sad all the time. I want to hurt me.", "suicide_self_harm"),
        ("Her tongue is swelling up after the prawns and she sounds hoarse.", "immediate_danger"),
        ("Dw i'n meddwl am farw bron bob dydd.", "suicide_self_harm"),
        ("Mae o wedi sôn am neidio oddi ar y bont.", "suicide_self_harm"),
        ("Mae tân yn y tŷ drws nesa a does neb wedi dod allan.", "immediate_danger"),
    ],
)
def test_second_round_plain_words_fire(text, signal):
    assert signal in signals.rule_hits(text).names


@pytest.mark.parametrize(
    "text",
    [
        "We thought about driving into town for the late clinic instead.",
        "He wants to kill me when I beat him at cards, ha.",
        "My lips were a bit swollen after the filler but it settled.",
    ],
)
def test_second_round_plain_words_leave_ordinary_words_alone(text):
    assert signals.rule_hits(text).signals == []


def test_the_possible_tier_rises_with_a_long_story_but_not_for_a_short_one():
    """A story is flagged on its best sentence, so eight ordinary sentences have more chances
    than one to pass by accident: the shipped tier rises past three sentences, up to the sure
    threshold, and is unchanged for a story as short as the comments it was calibrated on."""
    model = signal_model.load()
    column = model.names.index("suicide_self_harm")
    short = model.possible_thresholds(1)[column]
    assert model.possible_thresholds(3)[column] == short
    assert short < model.possible_thresholds(8)[column] <= model.thresholds[column]
    assert model.possible_thresholds(30)[column] == model.possible_thresholds(8)[column]


def test_a_weak_sentence_among_many_ordinary_ones_needs_more_to_raise_a_possible_flag():
    model = signal_model.load()
    column = model.names.index("suicide_self_harm")
    weak = "Most nights I lie awake wishing I could just stop existing."
    ordinary = [
        "The car park was full again.",
        "Reception were polite enough on the phone.",
        "The waiting room had a new water machine.",
        "My appointment ran about twenty minutes late.",
        "The physio gave me a sheet of exercises to do.",
        "I got the bus home afterwards without any trouble.",
        "The leaflet about the new app was useful.",
    ]
    story = " ".join([*ordinary[:4], weak, *ordinary[4:]])
    units = signal_model.units(story)
    assert len(units) == 8
    score = float(model.score_units(units)[:, column].max())
    sure = np.array(model.thresholds, copy=True)
    lower = np.array(model.possible_thresholds(), copy=True)
    sure[column], lower[column] = score + 0.05, score - 0.005
    tuned = dataclasses.replace(model, thresholds=sure, possible=lower)
    flat = dataclasses.replace(tuned, possible_long=None)  # the tier before this change
    assert "suicide_self_harm" in signals.detect(story, flat).names
    assert "suicide_self_harm" not in signals.detect(story, tuned).names
