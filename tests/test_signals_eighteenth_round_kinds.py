"""Issue 19, the eighteenth round: risk-to-life false alarms read by kind from v20 (retired
into a development set) and held back generally: medicines talk, an emergency named only as
advice or denied, a death awaited in end-of-life care (English and Welsh), no bad thoughts for
a long time, a danger told with a past date, evidence kept, money taken with nothing else said,
and for the rules: a plot told at length, deaths counted, a procedure that covers the risk,
"self-harm free", Welsh figures, a Welsh end-of-life wish, a Welsh screening answered no, the
Welsh false friend "wedi torri" (broken) and a Welsh question about a medicine.

Sentences written for these tests (none from a measuring set, none from the training files),
each kind beside look-alikes that must still raise risk to life: a danger now, a threat, a
plan or means, a weapon, a recent attempt.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found, ruled

from nlp.signals.core import context as signal_context
from nlp.signals.look_alikes import everyday_talk
from nlp.signals.welsh import welsh as signal_welsh

# The checks, sentence by sentence ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The doctor lowered my dose of amitriptyline to 10mg and I'm sleeping better.",
        "Is it safe to give calpol and ibuprofen together to a four year old?",
        "The pharmacist went through my new tablets with me and explained the dose.",
        "How often can I use my inhaler when my chest is tight?",
    ],
)
def test_medicines_talk_is_care(text: str) -> None:
    assert everyday_talk.medicines_talk(text)


@pytest.mark.parametrize(
    "text",
    [
        "How many of my tablets would it take to not wake up?",
        "The GP upped my dose and I've been saving them in a drawer.",
        "Is it safe to take all my sertraline at once?",
        "My son took 30 paracetamol, how much is too many?",
        "I've been looking up how much codeine it takes, the doctor doubled my dose last week.",
        "Can I give her more calpol, she's gone floppy and won't wake up?",
        "The GP changed my dose and I've made a plan for the weekend.",
        "The pharmacist explained my new tablets, then last week I tried to hang myself.",
        # distress said beside the dose, as a note sums it up
        "GP upped her sertraline dose, says there is no point any more, hx SH.",
        "Pharmacist went through his meds, he told me he can't cope and has urges again.",
        "the doctor changed my dose but the thoughts are still there every night",
    ],
)
def test_medicines_talk_with_means_or_excess_is_not_care(text: str) -> None:
    assert not everyday_talk.medicines_talk(text)


def test_an_emergency_named_as_advice_and_an_emergency_now() -> None:
    assert everyday_talk.emergency_only_named(
        "The leaflet says if it's an emergency call 999, but it was only a rash."
    )
    assert everyday_talk.emergency_only_named("It wasn't an emergency, I just needed a sick note.")
    assert not everyday_talk.emergency_only_named(
        "It's an emergency, she's not breathing, I've called 999."
    )
    assert not everyday_talk.emergency_only_named(
        "They said it wasn't an emergency but he's bleeding and he's got a knife."
    )


def test_a_death_awaited_in_care_and_harm_in_care() -> None:
    before = "Dad is in the hospice now, on the palliative ward."
    assert everyday_talk.death_awaited_in_care("He's peaceful and says he's ready to go.", before)
    assert not everyday_talk.death_awaited_in_care(
        "Last night they left him on the floor for three hours.", before
    )
    assert not everyday_talk.death_awaited_in_care(
        "He keeps asking me to help him end it with his tablets.", before
    )
    assert not everyday_talk.death_awaited_in_care("Now he's choking and nobody comes.", before)
    assert not everyday_talk.death_awaited_in_care(
        "He says he's going to take his own life before the cancer does.", before
    )


def test_no_bad_thoughts_for_long_and_thoughts_back() -> None:
    assert everyday_talk.no_thoughts_for_long("I haven't had a dark thought in years.")
    assert everyday_talk.no_thoughts_for_long("Not had a bad day or a bad thought for months.")
    assert not everyday_talk.no_thoughts_for_long(
        "I hadn't had a dark thought in years but last night I wanted to die."
    )
    assert not everyday_talk.no_thoughts_for_long("I've had dark thoughts for months.")


def test_a_danger_with_a_past_date_and_a_danger_now() -> None:
    assert everyday_talk.danger_told_as_past(
        "My niece was left alone in the flat overnight in March when she was three."
    )
    assert everyday_talk.danger_told_as_past(
        "The toddler was found outside the shop on his own last summer."
    )
    # a danger now, a threat, a weapon, or again: kept
    assert not everyday_talk.danger_told_as_past(
        "In March he put a knife to my throat and he says he'll do it again."
    )
    assert not everyday_talk.danger_told_as_past(
        "He strangled me in January and tonight he's outside the house."
    )
    assert not everyday_talk.danger_told_as_past(
        "She tried to hang herself in August and she still has the rope."
    )


def test_evidence_kept_and_pills_kept() -> None:
    assert everyday_talk.evidence_kept(
        "I've screenshotted them all.", "He sends me horrible texts every night."
    )
    assert not everyday_talk.evidence_kept(
        "I've kept them all.", "The GP gives me a week of tablets at a time."
    )
    assert not everyday_talk.evidence_kept("I've kept them all in a box.", "I hoard my pills.")


def test_money_taken_and_money_with_danger() -> None:
    assert everyday_talk.money_taken_only(
        "Her son has been taking her pension every week and now her savings have gone."
    )
    assert not everyday_talk.money_taken_only(
        "He takes all her money and there's no food in the house."
    )
    assert not everyday_talk.money_taken_only(
        "He took my bank card and he's outside now with a knife."
    )
    assert not everyday_talk.money_taken_only(
        "He takes my money and says he'll kill me if I tell anyone."
    )


def test_a_wait_complained_of_is_said_plainly_and_a_time_is_not() -> None:
    assert "dead" not in signal_context.plain_idioms(
        "Gran says she'll be dead before the council fixes the boiler."
    )
    assert "dead" in signal_context.plain_idioms("I'll be dead before the morning, I've decided.")
    assert "dead" in signal_context.plain_idioms("I'll be dead before they get here.")


# The Welsh checks -------------------------------------------------------------------------


def test_welsh_thing_broken_and_welsh_self_harm() -> None:
    assert signal_welsh.sentence_held_back(
        "suicide_self_harm", "mae'r peiriant golchi wedi torri eto, dw i wedi cael llond bol."
    )
    assert not signal_welsh.sentence_held_back(
        "suicide_self_harm", "mae o wedi torri ei freichiau eto neithiwr."
    )
    assert not signal_welsh.sentence_held_back("suicide_self_harm", "dw i wedi torri fy hun eto.")


def test_welsh_medicine_question_and_welsh_means() -> None:
    assert signal_welsh.sentence_held_back(
        "suicide_self_harm", "alla i gymryd ibuprofen efo'r tabledi pwysau gwaed?"
    )
    assert not signal_welsh.sentence_held_back(
        "suicide_self_harm", "faint o dabledi fyddai angen i fi beidio deffro?"
    )
    assert not signal_welsh.sentence_held_back(
        "suicide_self_harm", "ga i gymryd y tabledi i gyd heno?"
    )


def test_welsh_death_awaited_in_care() -> None:
    story = "roedd nain yn yr hosbis yn ei dyddiau olaf. roedden ni'n poeni am ei hanadlu hi."
    assert signal_welsh.death_awaited_in_care(story, "roedden ni'n poeni am ei hanadlu hi.")
    assert not signal_welsh.death_awaited_in_care(story, "mi wnaethon nhw ei gadael hi ar y llawr.")
    assert not signal_welsh.death_awaited_in_care("mae taid yn sâl.", "dydy o ddim yn anadlu.")
    assert not signal_welsh.death_awaited_in_care(story, "dydy hi ddim yn anadlu rŵan.")


# The rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a plot told at length
        "Our youth theatre staged a drama about a girl who is bullied online by people at"
        " school and in the last act she takes her own life.",
        # deaths counted
        "The coroner's report listed twelve suicides across the county in the spring.",
        # a procedure that covers the risk
        "Every new starter completes a screening questionnaire that includes suicide and"
        " self-harm.",
        # free of it
        "Our daughter is now self-harm free and back at college.",
        # Welsh figures, a Welsh end-of-life wish, a Welsh screening answered no
        "Mae cyfraddau hunanladdiad yn uwch yng nghefn gwlad.",
        "Roedd Nain isio marw adra efo'r teulu, ac mi gafodd hi.",
        "The health visitor asked os oeddwn i'n meddwl am frifo fy hun. Dywedais i na.",
    ],
)
def test_talk_of_the_risk_is_not_fired_by_the_rules(text: str) -> None:
    assert not ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        # a plot, and the teller's own risk
        "I watched a film about a man who takes his own life and I want to take my own life.",
        # deaths counted beside the teller's own thoughts
        "After two suicides on my street I keep thinking about suicide myself.",
        # a procedure about the teller
        "My risk assessment says I'm at high risk of suicide and I have a plan.",
        # free of it, then back
        "I was self-harm free for a year but I cut myself again last night.",
        # free of it for a few days only: a self-harm days ago
        "Support worker notes: she has been self-harm free for four days.",
        # an assessment done because of the person's risk, as a gatherer's note tells it
        "Pt seen today for an assessment of her suicidal thoughts.",
        "Her social worker has started a risk assessment for self-harm after Friday.",
        # Welsh, the teller's own wish now
        "Dw i isio marw heno.",
    ],
)
def test_look_alikes_still_fire_on_the_rules(text: str) -> None:
    assert ruled(text) & RISK


# Through the real detector ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The GP doubled my dose of sertraline last month and I feel a lot better on it.",
        "How much calpol can I give a one year old? I've lost the leaflet.",
        "Receptionist said if it's an emergency ring 999, it wasn't, I only wanted my results.",
        "I haven't had a drink or a dark thought in a long time.",
    ],
)
def test_everyday_talk_is_no_risk_to_life(text: str) -> None:
    assert not found(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        # a danger now, a threat, a plan or means, a weapon, a recent attempt
        "The GP doubled my dose and I've been saving them up to take them all at once.",
        "How much calpol can I give a one year old? She's floppy and won't wake up.",
        "It's an emergency, my husband has collapsed and isn't breathing.",
        "I haven't had a dark thought in years but tonight I want to end my life.",
        "My ex is outside the door right now with a knife.",
        "He said he is going to kill me when he gets home tonight.",
        "She took an overdose last night and is in A&E now.",
        "I've got the rope and I've picked the tree.",
        "Last week I tried to hang myself and I still want to die.",
        # the reason a dose was changed, told in the next sentence (not a dosing question)
        "GP has changed her antidepressant dose. She told me she doesn't see a future for herself.",
        "Her GP increased the sertraline last month. She said she feels like a burden to everyone.",
    ],
)
def test_danger_now_threat_plan_weapon_or_attempt_still_fires(text: str) -> None:
    assert found(text) & RISK
