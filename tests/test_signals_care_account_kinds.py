"""Issue 19, precision on real stories: kinds of false alarm read from the detector's flags on
real patient stories (accounts of care), held back in `nlp.signals.look_alikes.care_accounts`.

A past crisis told as rescued (a year ago, and a team that got the teller through), a risk
said of people in general or as a service's bar (what callers to a line may feel, what a
service asks before it sees anyone), and the sentence model hearing "myself" in a teller who
is themself again. Sentences written for these tests (none from a measuring set or a real story),
each kind beside look-alikes that must still fire: a risk now, back again, a plan or a means,
a recent attempt, a person named at risk.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found, ruled

from nlp.signals.look_alikes import care_accounts


@pytest.mark.parametrize(
    "text",
    [
        "Last year I was two minutes away from ending my life on the motorway bridge. The"
        " crisis team changed my life and I can't thank them enough.",
        "When I was at my lowest I wanted to kill myself. I'm now on the right medication and"
        " I don't feel suicidal any more.",
        "About a year ago I had written notes to say goodbye and meant to end my life. The"
        " home treatment team got me through it and I can't thank them enough.",
        "When I was in crisis I kept hoping not to wake up. The peer support group changed"
        " my life.",
        "In 2019 I attempted suicide and the liaison nurse was wonderful. I would not be here"
        " without her.",
        "I was ready to die when I first met the team, they have saved my life and I'm so"
        " grateful to every one of them.",
    ],
)
def test_past_crisis_told_as_rescued_is_held_back_by_the_rules(text: str) -> None:
    assert not ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        # A risk back again, now, or recent, after a past rescued crisis.
        "Last year I nearly ended my life. The crisis team changed my life. The thoughts"
        " are back again this week.",
        "In 2019 I tried to take my own life. The team got me through it, but I'm struggling"
        " with the same thoughts at the moment.",
        "When I was at my lowest I wanted to kill myself. I still want to die most days.",
        # A recent attempt, whatever the thanks.
        "I took an overdose on Saturday. I can't thank the A&E staff enough.",
        "Last year the team changed my life, but last night I cut myself again.",
        # A plan or a means now.
        "I was ready to die last year, the team helped me, but I have been saving my tablets"
        " and I am planning to end it.",
        # No rescue said.
        "Last year I tried to end my life and nobody from the team ever rang me back.",
    ],
)
def test_a_risk_back_now_or_unrescued_still_fires(text: str) -> None:
    assert ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "The people who ring the crisis line will often be feeling distressed and possibly"
        " suicidal, so the staff should be patient.",
        "If you're suicidal they just tell you to have a bath and a cup of tea.",
        "Our GP reckons a teenager has to be self harming before they get referred to CAMHS.",
    ],
)
def test_risk_said_of_people_in_general_or_a_bar_is_held_back(text: str) -> None:
    assert not ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "If you're suicidal tonight please ring us, I said, because I am suicidal tonight.",
        "The receptionist said you must be self harming before they'll see you, and I am"
        " self harming every night now.",
        "My brother is suicidal and says he will end his life this weekend.",
        "People on the ward will tell you I tried to hang myself yesterday.",
        "I'm suicidal and nobody at the practice will listen.",
    ],
)
def test_a_person_at_risk_beside_general_words_still_fires(text: str) -> None:
    assert ruled(text) & RISK


@pytest.mark.parametrize(
    "sentence",
    [
        "I've been able to be myself again since the group started.",
        "With the physio's help my husband says I'm almost my old self.",
        "I feel really proud of myself for going to the shop alone.",
        "The course was a journey of self-discovery.",
    ],
)
def test_the_model_may_not_read_a_teller_themself_again_as_self_harm(sentence: str) -> None:
    assert care_accounts.model_held_back("suicide_self_harm", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I haven't felt like myself for months and I want to end it.",
        "I don't feel like myself and I keep thinking about hurting myself.",
        "Some old self I am, cutting my arms every night.",
        "I've lost all belief in myself and I can't go on.",
    ],
)
def test_a_self_negated_or_beside_a_risk_is_not_held_back(sentence: str) -> None:
    assert not care_accounts.model_held_back("suicide_self_harm", sentence)
    assert not care_accounts.model_held_back("immediate_danger", "I'm proud of myself.")


@pytest.mark.parametrize(
    "text",
    [
        "I haven't felt like myself for months and I want to end my life.",
        "Last year the crisis team saved my life, but this week I've started cutting again.",
        "If you're suicidal they tell you to have a bath. I am suicidal now and I have the"
        " tablets in front of me.",
    ],
)
def test_the_whole_detector_still_fires_on_a_risk_now(text: str) -> None:
    assert found(text) & RISK


def test_whole_detector_quiet_on_a_rescued_past_told_in_praise() -> None:
    text = (
        "I want to thank the home treatment team. At my lowest I hoped each night I would not"
        " wake."
        " They visited every evening for a month and they have changed my life. I'm now doing"
        " well and back at work."
    )
    assert not found(text) & RISK


@pytest.mark.parametrize(
    "sentence",
    [
        "Honestly nothing could have been done any better.",
        "There's nothing the staff could do better, thank you.",
        "The nurses couldn't do enough for us.",
        "I can't think of anything at the moment.",
    ],
)
def test_praise_answering_what_could_be_better_is_no_risk(sentence: str) -> None:
    assert care_accounts.model_held_back("suicide_self_harm", sentence)
    assert care_accounts.model_held_back("immediate_danger", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nothing will ever get better for me.",
        "Nothing can be done for me and I want to die.",
        "I can't think of anything except ending it.",
        "I couldn't do any more for her and she took all her tablets.",
    ],
)
def test_hopelessness_and_risk_beside_nothing_are_not_held_back(sentence: str) -> None:
    assert not care_accounts.model_held_back("suicide_self_harm", sentence)
