"""Issue 19, precision, third round: a rule hit told as past and over, a screening question
answered no, or a wish about where to die is held back by the rules and left to the model's
judgement (not barred from it). Sentences written for these tests, none from a measuring set,
each beside a risk told in nearly the same words that must still fire."""

from __future__ import annotations

import pytest

from nlp.signals.detection import rules as signal_rules

RISK = "suicide_self_harm"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "The practice nurse went through a form with me. The question about hurting "
            "myself, I answered no. I mainly came about my knee.",
            "screening",
        ),
        (
            "On the mood questionnaire the line about being better off dead, I ticked "
            "'not at all'. Money is the worry.",
            "screening",
        ),
        (
            "Atebais 'na' i'r cwestiynau am self-harm, dim ond eisiau help gyda chysgu.",
            "screening",
        ),
        (
            "I took an overdose yn 2011 pan o'n i'n fyfyriwr. Completely different person "
            "nawr, gweithio fel athrawes.",
            "past, with when",
        ),
        (
            "Back in 2004 I tried to end my life. It's been twenty years and I coach netball.",
            "past, with when",
        ),
        ("Grandad wanted to die at home with the dog on the bed.", "end of life"),
        (
            "Roedd gen i broblem pan o'n i'n hunan-niweidio yn y coleg. Dw i heb wneud ers "
            "pymtheg mlynedd.",
            "past, and well now",
        ),
    ],
)
def test_a_past_or_screened_or_end_of_life_hit_is_held_back(text, reason):
    detection = signal_rules.rule_hits(text)
    assert RISK not in detection.names
    assert any(reason in s.why for s in detection.possible if s.name == RISK)


@pytest.mark.parametrize(
    "text",
    [
        # The same words with the risk here now.
        "The practice nurse went through a form with me. The question about hurting myself, "
        "I answered yes, most days.",
        "They asked if I'd had thoughts of harming myself and I said yes.",
        "Back in 2004 I tried to end my life. The thoughts are back again this month.",
        "I took an overdose in 2011 and last night I took another overdose.",
        "I want to die. Nobody at the hospice listens to me about the pain.",
        "Pan o'n i'n hunan-niweidio yn y coleg roedd neb yn gwrando. Dw i'n dal i hunan-niweidio.",
    ],
)
def test_a_past_attempt_with_a_risk_now_or_a_yes_still_fires(text):
    assert RISK in signal_rules.rule_hits(text).names


def test_a_hit_left_to_the_model_does_not_bar_the_model_from_its_sentence():
    """A negated phrase bars the model from its sentence; a past-and-over, screened-no or
    end-of-life hit does not: the model's score on the sentence decides."""
    _, held = signal_rules.run_rules(
        "Back in 2004 I tried to end my life. It's been twenty years and I coach netball."
    )
    assert held == []
    _, held = signal_rules.run_rules("I am not suicidal.")
    assert [signal for signal, _, _ in held] == [RISK]
