"""Issue 19, the sixteenth round ("safeguarding that hears plain words"): kinds of risk to life
missed by the rules on a development set written by another hand (signals_independent_v21),
and a kind noticed earlier and never built (an eating disorder that threatens life). Each kind
is tested with sentences written for these tests (none from a measuring set, none from the
training files) beside look-alikes that must not fire, through the rules alone: what the web
request acts on at once.
"""

from __future__ import annotations

import pytest

from nlp import signals

RISK = set(signals.RISK_TO_LIFE)


def _rules(text: str) -> set[str]:
    return set(signals.rule_hits(text).names)


@pytest.mark.parametrize(
    "text",
    [
        # Self-harm told through the body part.
        "My nephew has been cutting his arms again and hides it under his hoodie.",
        "I keep burning my wrists with a hot spoon when it gets too loud in my head.",
        "She slit her wrist in the bath last night and her mum found her.",
        # Letters written as a farewell.
        "He's written notes to his family saying sorry and that none of it was their fault.",
        "I left a letter to my children so they know I loved them.",
        # A goodbye, then silence.
        "She texted me goodbye at midnight and now she isn't answering anything.",
        "Got a message from him saying sorry for everything, and his phone is switched off.",
        # A way looked up.
        "I've been looking up ways to die on my phone every night this week.",
        "Been googling ways to end my life since the letter came.",
        "I keep checking how many tablets it would take.",
        # The wish in plain words.
        "Honestly everyone would be better off if I wasn't around.",
        "Mum says she would like to go to sleep and never wake up.",
        "My flatmate talked about ending it all on Saturday night.",
        "imma end it after my shift",
        "Since the divorce I see little point in continuing.",
        # Joining the dead.
        "Since Dad died my mum keeps saying she wants to join him.",
        "After the funeral Gran told me she's ready to join him.",
        # An eating disorder that threatens life.
        "My sister has stopped eating on purpose since the court case.",
        "He's refused food and fluids for four days on the mental health ward.",
        "I'm purging after every meal again and my heart keeps fluttering.",
        "Since Christmas she has been making herself sick in the school toilets.",
    ],
)
def test_suicide_kinds_fire(text: str) -> None:
    assert RISK & _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # Danger said as not leaving alive, a house to be burnt with someone inside.
        "Her brother keeps telling her she won't get out of that flat alive.",
        "He threatened to set the flat on fire with us inside it.",
        # Someone on the floor now, or not waking.
        "Grandad has been on the bathroom floor since the early hours.",
        "My aunt is on the kitchen floor and can't get up, I'm on my way.",
        "I can't wake her and there's an empty bottle beside the bed.",
        "the baby's not responding and she's very pale",
        # Shouting for help now, gas.
        "The man upstairs has been screaming for help for half an hour.",
        "It smells of gas all through the hallway and nobody is answering next door.",
        # A vulnerable person missing now.
        "My son is autistic and went missing from the park an hour ago, it's getting dark.",
        "Mum has Alzheimer's and she's wandered off from the day centre in her slippers.",
        "Our 13 year old has not been home for three nights.",
        # A dangerously low weight.
        "She's down to 5 stone and keeps fainting at college.",
        "His BMI is 13 and the ward still won't take him.",
        "She hasn't eaten or drunk anything for three days.",
    ],
)
def test_danger_kinds_fire(text: str) -> None:
    assert RISK & _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # Body parts hurt by accident, a skin condition, a surgeon.
        "I cut my arms on the brambles clearing the garden.",
        "My son keeps scratching his legs because the eczema is so bad.",
        "The cream was burning my skin so the pharmacist changed it.",
        # Letters that are not a farewell.
        "I wrote a letter to my family about the parking at the hospital.",
        "The school sent letters to the children about the trip.",
        # Ways looked up for something else; a medicine question.
        "I've been looking up ways to end my tenancy early.",
        "Nobody told me how many tablets to take after the operation.",
        # Joining the living, or a place.
        "I'll be going to join her at the hospice for lunch tomorrow.",
        "My wife wants to join him at the allotment on Sundays.",
        # Eating at the end of life, fasting, worry.
        "Dad stopped eating and drinking in his last days and the hospice kept him comfortable.",
        "I was nil by mouth and not eaten or drunk anything for two days before the surgery.",
        "I'm making myself sick with worry about the biopsy results.",
        # Missing as no danger: things missed, found, or a habit.
        "She's missing her mum since the move to the care home.",
        "Dad has dementia and went missing last spring, but the police found him at the station.",
        "Mum has been missing appointments because the bus times changed.",
        # Help, gas and air, waking as usual.
        "She's been calling for help with her benefits form for weeks.",
        "The smell of gas and air in the delivery suite made me queasy.",
        "The baby's not waking at night for feeds any more, which is lovely.",
        "Dad is not responding to the antibiotics, so they're changing them.",
        "I can't wake him for school in the mornings, he's a teenager.",
        # Continuing a thing.
        "There was no point continuing the physio once my knee had healed.",
        # Floors with no one on them.
        "The office on the second floor is not answering the phone.",
    ],
)
def test_look_alikes_do_not_fire(text: str) -> None:
    assert not RISK & _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # An attempt told is not a death told.
        "My dad was admitted on Monday after trying to hang himself, and they discharged him.",
        # A wish said with "little reason", even beside a bereavement.
        "Since my husband passed I have found little reason to continue.",
    ],
)
def test_attempt_and_bereaved_risk_fire(text: str) -> None:
    assert "suicide_self_harm" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # The topic of a programme, research or a service; a negation across a list; a worry
        # found untrue; a wish at the end of life with its care in the next sentence.
        "The self-harm episode of that soap was handled really well.",
        "I'm doing a research project on suicide in rural men, can anyone help?",
        "I've never had thoughts of suicide or self-harm, just poor sleep.",
        "I run a support group for people who self-harm and the trust funds it.",
        "We worried he was self-harming but it turned out it was the cat scratching him.",
        "Nana said she was ready to die. The GP filled in the DNACPR form with her that day.",
    ],
)
def test_topic_negation_and_end_of_life_do_not_fire(text: str) -> None:
    assert "suicide_self_harm" not in _rules(text)


def test_a_death_told_still_held_back() -> None:
    assert "suicide_self_harm" not in _rules("We lost my brother to suicide in 2019.")


def test_service_for_someone_of_the_tellers_still_fires() -> None:
    assert "suicide_self_harm" in _rules("I rang the helpline for my son who is suicidal tonight.")


# Welsh: precise phrasings, with their look-alikes -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mae hi'n dweud bod hi'n well ei byd yn farw.",
        "Mae o am gymryd y tabledi i gyd ar ôl swper.",
        "Mae fy mrawd yn torri'i freichia eto.",
        "Mae Nain ar y llawr ers neithiwr a does neb wedi dod.",
        "Mae Taid wedi mynd ar goll o'r ward ac mae ganddo fo ddementia.",
    ],
)
def test_welsh_kinds_fire(text: str) -> None:
    assert RISK & _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Roedd y rhaglen ar S4C am hunanladdiad yn dda iawn.",
        "Flynyddoedd yn ôl ro'n i'n hunan-niweidio ond dw i'n iach ers blynyddoedd.",
        "Es i ar goll yn y dre ddoe ond roedd yn iawn.",
        "Mae ganddi boen yn ei gwddf ar ôl y llawdriniaeth.",
    ],
)
def test_welsh_look_alikes_do_not_fire(text: str) -> None:
    assert not RISK & _rules(text)
