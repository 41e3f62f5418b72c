"""Issue 19, the nineteenth round: kinds read from v23 (retired into a development set), messages
from people often unheard. Rules that hear hints: self-harm told with a wink, affairs shown or a
pet handed on beside low mood, medicines that keep a person alive stopped because there is no
point or kept secret. Hold-backs: an organised parent in good spirits, a medicine stopped on
advice, an end-of-life wish told in care, an exasperated threat laughed off, "I thought I was
going to die" of an illness now over, "when I'm gone" said lightly, a Welsh routine medicine, a
Welsh story about someone, a death told as "loses someone to suicide".

Sentences written for these tests (none from a measuring set, none from the training files),
each kind beside look-alikes that must still raise risk to life, for a teller speaking of
themselves and for a note about someone else.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found, ruled

from nlp.signals.look_alikes import everyday_death_talk


@pytest.mark.parametrize(
    "text",
    [
        "Been 'tidying up' my arms again. The nurse at the walk-in was nice about it.",
        "she's been 'doing' her wrists again, you know what I mean, long sleeves in July",
        "My legs are a mess again, if you know what I mean. Plasters everywhere lol",
        "Grandad has been so low since Nan died. Yesterday he showed me where his will and the"
        " insurance papers are.",
        "Pt very withdrawn. She asked if I would have her cat from now on.",
        "I stopped my insulin last week. There's no point any more without him.",
        "Mum has stopped her heart tablets, she says there's no point. She told me not to tell"
        " the GP.",
        "I've quit the tablets for my heart. Don't tell the nurse.",
    ],
)
def test_hints_of_self_harm_and_giving_up_fire_on_the_rules(text: str) -> None:
    assert "suicide_self_harm" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mum is so organised, she showed me where her will is and we laughed about her lists.",
        "My neighbour asked if I'd have the dog while she's in hospital for her hip.",
        "The GP said I could stop the statins, there's no point now my cholesterol is normal.",
        "I stopped the antibiotics after the rash, the pharmacist agreed there was no point.",
        "I'm moisturising my legs every night, the eczema is better.",
    ],
)
def test_ordinary_look_alikes_of_the_hints_do_not_fire_on_the_rules(text: str) -> None:
    assert "suicide_self_harm" not in ruled(text)


def test_end_of_life_wishes_in_care_and_a_wish_to_be_helped_to_die() -> None:
    held = everyday_death_talk.wish_in_end_of_life_care
    assert held("She says she's ready to go.", "Nan is in her last days at the hospice.")
    assert held(
        "I'd rather slip away at home than be kept going on machines.",
        "I've told my GP about my DNACPR.",
    )
    assert not held("She begged me to help her die.", "Nan is in her last days.")
    assert not held("He asked me to bring him all his tablets.", "Dad's in the hospice.")
    assert not held("I'm ready to go.", "I've had enough of everything.")


def test_exasperation_laughed_off_and_a_threat_meant() -> None:
    held = everyday_death_talk.exasperation_laughed
    assert held("I'll kill him if he leaves his boots in the hall one more time haha", "")
    assert held("I'm gonna murder my son if he asks for one more snack", "lol")
    assert not held("I'll kill him if he touches the kids again", "")
    assert not held("I'll kill her if she comes here again, I've got a knife lol", "")
    assert not held("I'm going to kill him if he does that once more, I mean it haha", "")


def test_an_illness_feared_and_over_and_an_attempt() -> None:
    held = everyday_death_talk.illness_feared_and_over
    assert held("Had the flu so bad I honestly thought I was going to die.", "All fine now.")
    assert not held("I took all my tablets and thought I was going to die.", "Fine now.")
    assert not held("The pain was so bad I thought I was going to die.", "It's worse today.")


def test_own_death_spoken_lightly_and_low() -> None:
    held = everyday_death_talk.own_death_spoken_lightly
    assert held("Gran says 'when I'm gone you can have the piano'.", "She's 90 and healthy.")
    assert not held("Dad keeps saying 'when I'm gone'.", "He's been so low since Mum died.")
    assert not held("He says when he's gone we'll be fine, he's saved up his pills.", "lol")


@pytest.mark.parametrize(
    "text",
    [
        "Dwi'n cymryd tabledi pwysau gwaed bob bore. Ydi'r fferyllfa'n gallu helpu?",
        "Mae fy mab yn sgwennu traethawd am ddyn sy'n hunan-niweidio ar gyfer yr ysgol.",
        "Every family who loses someone to suicide should get a support worker.",
    ],
)
def test_talk_of_medicines_stories_and_deaths_does_not_fire_on_the_rules(text: str) -> None:
    assert "suicide_self_harm" not in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dw i wedi cymryd tabledi i gyd heno.",
        "Dw i'n cymryd tabledi bob nos i drio marw.",
        "Dw i'n sgwennu stori am fy hun yn hunan-niweidio achos dw i'n hunan-niweidio.",
        "I'm scared we'll lose him to suicide, he's talking about it every day.",
    ],
)
def test_look_alikes_still_fire_on_the_rules(text: str) -> None:
    assert "suicide_self_harm" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mum's in her last weeks. Last night she swallowed all her tablets.",
        "I'm going to kill him if he leaves that seat up one more time. He's outside with a knife"
        " now.",
        "Had covid and thought I was going to die. Now I've taken a whole box of paracetamol.",
        "When I'm gone they'll be better off. I've saved up my tablets for tonight.",
        "She said she's ready to go. She took an overdose last night.",
    ],
)
def test_danger_now_threat_plan_weapon_or_attempt_still_fires(text: str) -> None:
    assert found(text) & RISK
