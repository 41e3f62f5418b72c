"""Issue 19, the twentieth round: kinds read from v24 (retired into a development set), accounts
written down by someone else. Reported speech and third person ("he asked me how many
tablets...", "if she goes home tonight he'll hurt her"), means bought round pack limits, means
taken away and "another way" promised, a burden "much longer", forced marriage and honour-based
abuse, a threat of suicide to stop a partner leaving, papers kept, Welsh threats and bruises no
one explains, abuse of an adult at risk by family (both labels), and the abbreviations of care
notes (SH, DSH, OD, SI) told as now.

Sentences written for these tests (none from a measuring set, none from the training files),
each kind beside look-alikes that must not fire: services named, policies, training, past and
resolved, routine screening answered no, ordinary errands and travel.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found, ruled

from nlp import signals
from nlp.signals.label_pairs import adult_abuse_by_family
from nlp.signals.phrasings import care_note_abbreviations


@pytest.mark.parametrize(
    "text",
    [
        "Volunteer's note: Mr D asked me how many paracetamol it would take to die, then laughed"
        " it off.",
        "She asked the pharmacist how many of her sleeping tablets would be fatal.",
        "Neighbour says he has been buying paracetamol in three different chemists this week.",
        "Pt got codeine from several pharmacies on the same day.",
        "Ward took her belt and cords off her, and she said she'll find another way at home.",
        "He told his sister he won't be a burden to anyone for much longer.",
        "Dywedodd hi na fydd hi ddim yn faich i neb am lawer hirach.",
    ],
)
def test_reported_means_and_burden_fire_on_the_rules(text: str) -> None:
    assert "suicide_self_harm" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "How many tablets a day should I take for my back?",
        "I bought paracetamol and plasters at the chemist for the kids.",
        "They lost my bag with my belt and laces in it, so we had to find another way to pay.",
        "Don't worry, I won't be a bother to anyone, I'll get the bus.",
        "Mae'r meddyg yn dweud nad ydy o'n broblem i neb.",
    ],
)
def test_means_and_burden_look_alikes_stay_quiet(text: str) -> None:
    assert not ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        'Told to the nurse in private: "if I go home tonight he will hurt me again".',
        "If she goes back he'll beat her, her mum told our volunteer.",
        "Her uncle says they are taking her abroad on Saturday to get married.",
        "He has threatened to send her back home to deal with her if she talks.",
        "They are forcing him to marry his cousin, the flight is booked for next week.",
    ],
)
def test_harm_on_going_home_and_removal_abroad_are_danger(text: str) -> None:
    assert "immediate_danger" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "When I go home tonight my husband will have cooked tea.",
        "We are going abroad next spring to get married, so excited.",
        "My parents are taking me abroad to see my sister get married.",
        "The clinic sent him back home to rest.",
    ],
)
def test_home_and_wedding_look_alikes_are_not_danger(text: str) -> None:
    assert "immediate_danger" not in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her partner says he'll kill himself if she leaves him.",
        "Interpreter's note: her husband keeps her passport in his car.",
        "Her father told her she has shamed the family by going out with a boy.",
        "School nurse: girl, 17, frightened she will be forced to marry this summer.",
        "Mae ei gŵr wedi bygwth ei lladd hi os aiff hi at y meddyg.",
        "Mae o'n dweud bydd o'n lladd ei hun os dwi'n gadael.",
    ],
)
def test_coercion_honour_and_forced_marriage_are_domestic(text: str) -> None:
    assert "domestic_abuse" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "I kept my passport in the hotel safe.",
        "I felt I had let the family down when I failed my exams.",
        "We watched a documentary about forced marriage, really moving.",
    ],
)
def test_domestic_look_alikes_stay_quiet(text: str) -> None:
    assert "domestic_abuse" not in ruled(text)


def test_welsh_bruises_no_one_explains_are_adult_abuse() -> None:
    text = (
        "Roedd ganddo gleisiau ar ei freichiau, a doedd neb yn gwybod sut ddigwyddodd o yn y"
        " cartref."
    )
    assert "adult_abuse_neglect" in ruled(text)
    assert "adult_abuse_neglect" not in ruled("Roedd ganddo gleisiau ar ôl syrthio yn yr ardd.")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Carers worry that her grandson takes her pension every Friday and there is no money"
            " for food. She has dementia.",
            {"adult_abuse_neglect", "domestic_abuse"},
        ),
        (
            "Mr P, 84, walks with a frame. His wife locks him in the bedroom when she goes out and"
            " hits him.",
            {"adult_abuse_neglect", "domestic_abuse"},
        ),
    ],
)
def test_adult_abused_by_family_gets_both_labels(text: str, wanted: set[str]) -> None:
    assert wanted <= found(text)


def test_family_named_without_money_taken_adds_no_domestic() -> None:
    detection = signals.Detection(signals=[signals.Signal("adult_abuse_neglect", "rules", "test")])
    adult_abuse_by_family.relabel(
        "Her son visits on Sundays. The home left her in wet pads.", detection
    )
    assert "domestic_abuse" not in detection.names


@pytest.mark.parametrize(
    "text",
    [
        "She is 32 and her husband checks her phone.",
        "I'm 79 and since his stroke he hits me with his walking stick.",
        "My wife has dementia and has started pushing me.",
    ],
)
def test_domestic_abuse_without_the_victims_care_needs_adds_no_adult_label(text: str) -> None:
    detection = signals.Detection(signals=[signals.Signal("domestic_abuse", "rules", "test")])
    adult_abuse_by_family.relabel(text, detection)
    assert "adult_abuse_neglect" not in detection.names


@pytest.mark.parametrize(
    "text",
    [
        "DSH x3 this month, last episode on Sunday.",
        "SI with plan, says she would use her insulin.",
        "Hx OD, another OD 2 weeks ago, lives alone.",
        "SH again since the weekend, superficial cuts to forearms.",
    ],
)
def test_care_note_abbreviations_told_as_now_fire(text: str) -> None:
    assert "suicide_self_harm" in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The SH support group meets on Tuesdays and was really welcoming.",
        "Hx SH as a teenager in 2009, well for many years.",
        "Asked about SI at the review today, denied.",
        "OD awareness training for staff again this month.",
        "Our policy on SH and SI was updated this week.",
    ],
)
def test_abbreviation_look_alikes_stay_quiet(text: str) -> None:
    assert care_note_abbreviations.abbreviated_risk(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Pt said he has a knife and will use it on his brother tonight.",
        "She told the volunteer she took 40 tablets an hour ago.",
        "Her ex is outside the house now with a hammer.",
    ],
)
def test_danger_now_a_weapon_or_an_attempt_still_fires(text: str) -> None:
    assert found(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "Nath y nyrs ofyn os o'n i wedi meddwl am frifo fy hun. Nes i ddeud na, dim o gwbl.",
        "Ges i amser anodd yn 2015, o'n i'n meddwl am ladd fy hun, ond dwi'n grêt rŵan.",
        "Comments on the draft self-harm care pathway: the leaflet needs plainer words.",
        "Training notes. Case examples (invented for training):\nA) A woman says she wants to end"
        " her life. Discussion: ask directly, stay with her.",
    ],
)
def test_screening_past_services_and_invented_examples_stay_quiet(text: str) -> None:
    assert not ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "Nath y nyrs ofyn os o'n i wedi meddwl am frifo fy hun. Nes i ddeud do, bob nos.",
        "O'n i'n meddwl am ladd fy hun yn 2015 a dw i'n dal i feddwl amdano eto.",
        "Training was useful (invented examples).\n\nMy own son says he wants to end his life.",
    ],
)
def test_their_look_alikes_still_fire(text: str) -> None:
    assert ruled(text) & RISK


def test_thinking_of_killing_oneself_is_not_a_threat_to_kill() -> None:
    assert "immediate_danger" not in ruled("Mae o'n meddwl am ladd ei hun.")
    assert "immediate_danger" in ruled("Mae o'n mynd i fy lladd i heno.")


def test_a_welsh_screening_answered_no_then_taken_back_still_fires() -> None:
    text = (
        "Nath y meddyg ofyn os o'n i wedi meddwl am frifo fy hun, nes i ddeud na achos o'n i ofn."
        " Ond dw i wedi. Sawl gwaith."
    )
    assert "suicide_self_harm" in ruled(text)
