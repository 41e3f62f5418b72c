"""Issue 19, the thirteenth round: kinds of wording read from a development set's misses and
false alarms (signals_independent_v17), each tested with sentences written for these tests
(none from a measuring set, none from the training files) beside look-alikes that must not
fire. Rules are tested through the rules alone (what the web request runs); kinds taught to
the sentence model through the real detector (rules and both models).

Kinds: a way pictured as a scene ("the urges about stepping in front of the train"); a person
at a session saying it of themselves (not what the session taught); Welsh "years ago" said in
the plural, then well now; a threat said in jest in Welsh, and the teller's own exasperation
at one more annoyance in English; care planned for the end of life (not a wish to die) beside
a wish to die told with it; danger reported by staff now, and ordinary cancellations.
Farewell arrangements said in passing and a body in trouble told on the way to hospital were
taught to a retrained model and not kept (docs/measured/signals.md, round 13): no test claims
them."""

from __future__ import annotations

import pytest

from nlp import signals

RISK = set(signals.RISK_TO_LIFE)


def _rules(text: str) -> set[str]:
    return set(signals.rule_hits(text).names)


# Rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Since the dose changed the pictures of stepping off the edge of the tracks are back.",
        "I keep getting the urge to walk out in front of a lorry on the bypass.",
        "All week it's been thoughts of jumping in front of the train on my way to work.",
        "the ones about throwing myself in front of a bus are getting louder",
    ],
)
def test_a_way_pictured_as_a_scene_fires(text: str) -> None:
    assert "suicide_self_harm" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The station staff helped me step onto the train with my wheelchair.",
        "My son is thinking of walking to school on his own now he's eleven.",
        "We sat in front of the bus station waiting for the taxi.",
    ],
)
def test_ordinary_trains_and_buses_do_not_fire(text: str) -> None:
    assert "suicide_self_harm" not in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the youth club session a girl told me she'd rather be dead than go home tonight.",
        "During the listening session an older man said he wants to end his life.",
    ],
)
def test_a_person_at_a_session_saying_it_of_themselves_fires(text: str) -> None:
    assert "suicide_self_harm" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The training session covered how to respond if someone wants to end their life.",
        "The trainer said many people would rather be dead than ask for help, which surprised us.",
    ],
)
def test_what_a_session_taught_is_held_back(text: str) -> None:
    assert "suicide_self_harm" not in _rules(text)


def test_welsh_plural_years_ago_and_well_now_is_held_back() -> None:
    text = "Flynyddoedd yn ôl roedd fy chwaer yn hunan-niweidio, ond mae hi'n iawn rŵan."
    assert "suicide_self_harm" not in _rules(text)
    back = "Flynyddoedd yn ôl roedd hi'n hunan-niweidio, ac mae hi wedi ail-ddechrau eto."
    assert "suicide_self_harm" in _rules(back)


def test_a_welsh_threat_said_in_jest_is_left_to_the_model() -> None:
    jest = "Mae Mam yn mynd i fy lladd i pan welith hi'r llanast yn y gegin, haha."
    assert "immediate_danger" not in _rules(jest)
    assert "immediate_danger" in _rules("Mae o'n mynd i fy lladd i heno, dw i'n siŵr.")


@pytest.mark.parametrize(
    "text",
    [
        "I swear I'll strangle him if he leaves the milk out one more time.",
        "I'm going to murder my brother if he borrows my charger again.",
    ],
)
def test_the_tellers_exasperation_is_left_to_the_model(text: str) -> None:
    assert "immediate_danger" not in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "He'll kill me if I leave again, and he means it.",
        "She says she'll kill me if I tell anyone one more time.",
        "I'm going to kill him tonight, I've had enough of him.",
    ],
)
def test_threats_from_another_or_without_a_trifle_still_fire(text: str) -> None:
    assert "immediate_danger" in _rules(text)


# Sentence model (the real detector) ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please cancel my eye clinic appointment next month, the consultant has discharged me.",
        "We've found a new home for the rabbit because my niece moved to a bigger house.",
    ],
)
def test_ordinary_cancellations_do_not_raise_risk_to_life(text: str) -> None:
    assert not RISK & set(signals.detect(text).names)


@pytest.mark.parametrize(
    "text",
    [
        "Warden reports shouting and a crash from flat 6 for the last half hour, we've called "
        "the police and been told to stay out of the corridor.",
    ],
)
def test_danger_reported_now_by_staff_raises_it(text: str) -> None:
    assert RISK & set(signals.detect(text).names)


def test_an_end_of_life_plan_does_not_raise_risk_to_life() -> None:
    text = (
        "Gran's end of life plan is written up and the hospice has a copy, she was part of "
        "every decision."
    )
    assert not RISK & set(signals.detect(text).names)


@pytest.mark.parametrize(
    "text",
    [
        "Since the hospice said there's nothing more they can do, Dad says he wants to die "
        "now and keeps asking me to bring him all his pills.",
        "Her palliative care is sorted but she told me she's been saving her tablets to end it.",
    ],
)
def test_a_wish_to_die_beside_end_of_life_care_still_raises_it(text: str) -> None:
    assert "suicide_self_harm" in set(signals.detect(text).names)
