"""Issue 19, precision, third round: a story of abuse is not a risk to life unless something
is happening now or a wish to die is told. The largest kind of false alarm on rounds v13-v15
was abuse (past, ongoing control, neglect lasting days, a child telling what is done to them)
that the sentence model also raised as immediate danger or suicide. The real detector (rules
and both models) must hear the abuse and not the risk to life in the first kind, and both in
the look-alikes told with a danger now. Sentences written for these tests, none from a
measuring set and none from the training files."""

from __future__ import annotations

import pytest

from nlp import signals

RISK = set(signals.RISK_TO_LIFE)
ABUSE = {"child_abuse_neglect", "adult_abuse_neglect", "domestic_abuse"}


@pytest.mark.parametrize(
    "text",
    [
        # Past abuse told, the teller out of it.
        "Fifteen years ago my husband used to knock me about when he'd had a drink. "
        "We divorced and I've remarried a gentle man.",
        "As a child I was beaten by my father with whatever was to hand. I'm 52 now.",
        # Control that goes on, with no threat for now.
        "My partner keeps my wages card and gives me twenty pounds a week for the bus.",
        "She reads my messages every night and won't let me see my mates from football.",
        # Neglect lasting days, no body in trouble this hour.
        "The carers keep missing Dad's lunch visit, so he's been eating crisps most days.",
        "The kids two doors down are always in dirty clothes and never have a coat.",
        # A child telling what is done to them.
        "my mums boyfriend calls me thick and twists my ear when mum isnt looking",
        # Abuse found and handled, the person safe.
        "On the late shift I saw a carer shove Mr T into his chair. I took over and "
        "the carer was sent home; Mr T is fine.",
    ],
)
def test_abuse_without_a_danger_now_is_abuse_and_not_a_risk_to_life(text):
    found = set(signals.detect(text).names)
    assert found & ABUSE, found
    assert not found & RISK, found


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        # The same kinds, with something happening now or within hours.
        (
            "My husband is drunk and banging on the bedroom door I've locked, he says he'll "
            "kill me when he gets in.",
            "immediate_danger",
        ),
        (
            "She's got the bread knife and she's stood in the hall saying I'm not leaving "
            "this house alive.",
            "immediate_danger",
        ),
        (
            "Dad's been on the bathroom floor since the carers didn't come last night, "
            "he's freezing and can't get up.",
            "immediate_danger",
        ),
        (
            "The baby upstairs has been screaming alone for hours, both parents went out "
            "at six and nobody's answering.",
            "immediate_danger",
        ),
        # Abuse told with a wish to die.
        (
            "My stepdad hits me every night and I've decided I'm going to kill myself.",
            "suicide_self_harm",
        ),
    ],
)
def test_abuse_with_a_danger_now_is_still_a_risk_to_life(text, signal):
    assert signal in signals.detect(text).names
