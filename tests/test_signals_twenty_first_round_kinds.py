"""Issue 19, the twenty-first round: kinds read from v25 (retired into a development set), what
someone else writes down about a person from workplaces not usually asked (pharmacists, school
nurses, housing officers, paramedics, volunteers, faith leaders, hairdressers, taxi drivers).

Sentences written for these tests (none from a measuring set, none from the training files),
each kind beside look-alikes that must not fire: end-of-life wishes, the assisted-dying debate,
good deaths, routine tablet rounds, holidays and moves, itches and accidents, cooking knives and
talks on knife crime, children walking to school, oxygen safety advice, stock rooms, weddings
abroad, screening answered no, and risks checked and ruled out.
"""

from __future__ import annotations

import pytest
from signal_readings import RISK, found, ruled

from nlp.signals.label_pairs import medicines_kept_by_family, suicide_told_as_now
from nlp.signals.look_alikes import everyday_death_talk, notes_of_no_risk
from nlp.signals.phrasings import witness_danger


# A request for help to die, now (the lead's own kind): suicide.
@pytest.mark.parametrize(
    "text",
    [
        "Carer's log: Mr P, very poorly with his cancer, begged me to give him all his tablets so"
        " he could just go.",
        "She keeps asking her son to help her die, she says she has had enough of the pain.",
        "Please just help me go, he whispered to the night nurse.",
        "Mum asked me to bring her all of her morphine at once and let her go.",
        "Dywedodd Dad wrtha i: please help me die, I can't do this.",
    ],
)
def test_a_request_for_help_to_die_fires_on_the_rules(text: str) -> None:
    assert "suicide_self_harm" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dad wants to die at home with the dog on his bed, and the hospice team are arranging it.",
        "We had a long talk about the assisted dying bill and whether it should be legal.",
        "The hospice helped her die peacefully, with all of us around her.",
        "The carer gives her all her tablets at breakfast from the blister pack.",
        "She asked me to help her go to the toilet and then back to bed.",
        "Nan had a good death, she went peacefully in her sleep.",
        "He asked me to help him go upstairs before the nurse came.",
    ],
)
def test_end_of_life_look_alikes_stay_quiet(text: str) -> None:
    assert not ruled(text) & RISK


# Hints others write down: not here "by then" beside grief or things given away; asked and
# answered yes; "all to stop" beside means; letters and a day; self-injury with a sharp thing.
@pytest.mark.parametrize(
    "text",
    [
        "The barber said an old regular told him he won't be around for Christmas, and he has"
        " been giving his tools away since his wife died.",
        "I asked him straight out whether he was thinking of ending it and he said 'most days'.",
        "She asked the pharmacist for three packs of paracetamol and said she wants everything"
        " to stop.",
        "He has written letters to his whole family and told a friend Saturday is the day.",
        "Nurse note: pupil has been cutting her forearms with a pencil sharpener blade.",
        "Lad told the youth worker he's been burning his arm with a lighter most nights.",
    ],
)
def test_hints_others_write_down_fire_on_the_rules(text: str) -> None:
    assert "suicide_self_harm" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "I won't be here next week, love, I'm off to Spain with my sister.",
        "She won't be around by then, she's moving to Leeds for her new job.",
        "I asked her if she was thinking of ending the tenancy and she said no.",
        "The kids have been screaming all day and I just want it all to stop for an hour.",
        "She wrote thank-you cards to everyone and Friday is the day of the party.",
        "He keeps scratching his arms with his nails because the eczema is so itchy.",
        "She burnt her arm with the iron by accident while ironing his shirts.",
    ],
)
def test_hint_look_alikes_stay_quiet(text: str) -> None:
    assert not ruled(text) & RISK


# Danger now others write down.
@pytest.mark.parametrize(
    "text",
    [
        "Youth worker: a boy showed me a blade in his coat and said he's getting him tonight.",
        "Bus driver found a boy of about 5 on his own on the dual carriageway at 11pm.",
        "Toddler left alone in the park since this morning, no adult has come back for him.",
        "Mae'r plentyn bach ar ei ben ei hun yn y tywyllwch ar y ffordd fawr.",
        "Girl said a man in the flat wouldn't let her leave, so she climbed out of the window.",
        "Housing officer: his oxygen tubing is right beside the lit candles and he smokes.",
        "Her parents have booked a flight for next Friday to marry her to a man she has never"
        " met; she is terrified.",
    ],
)
def test_danger_others_write_down_fires_on_the_rules(text: str) -> None:
    assert "immediate_danger" in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "He used a knife to cut the cake at the party today.",
        "The police gave a knife crime talk after school today.",
        "My 8 year old walks home from school on her own now.",
        "Library policy: a child under 8 should not be left alone in the children's section.",
        "Mum wouldn't let her go out on a school night, so she sulked in her room.",
        "Fire safety visit: reminded him never to smoke near his oxygen.",
        "They are flying to Lahore next Tuesday for her cousin's wedding, she's so excited.",
    ],
)
def test_danger_look_alikes_stay_quiet(text: str) -> None:
    assert not ruled(text) & RISK


def test_a_home_hoarded_is_adult_neglect_and_a_stock_room_is_not() -> None:
    assert "adult_abuse_neglect" in ruled(
        "Tenant living among bags and newspapers stacked to the ceiling, sleeping in a chair."
    )
    assert "adult_abuse_neglect" not in ruled(
        "The stock room has boxes piled to the ceiling, which the shop manager must sort."
    )


def test_welsh_forced_marriage_is_domestic_and_child_under_eighteen() -> None:
    names = ruled("Mae hi'n 16 ac mae ei thad yn ei gorfodi i briodi dyn o'r pentref.")
    assert {"domestic_abuse", "child_abuse_neglect"} <= names
    assert "domestic_abuse" not in ruled("Mae hi'n mynd i briodi Dafydd ym mis Mai, mae'n hapus.")


# Danger beside suicide told as now (the recent-incident decision) and the model's hold-backs.
@pytest.mark.parametrize(
    "text",
    [
        "Paramedic: she took an overdose of her sleeping tablets last night and was unconscious"
        " when we arrived; taken to A&E.",
        "He told the pharmacist he has been saving them up and will take them tonight.",
        "I found a rope tied to the banister and she said she'd been planning to end her life.",
    ],
)
def test_suicide_told_as_now_is_danger_too(text: str) -> None:
    assert {"suicide_self_harm", "immediate_danger"} <= found(text)


def test_suicide_long_past_and_well_now_is_not_danger() -> None:
    text = "He took an overdose years ago, last night he told us he is doing well now."
    assert suicide_told_as_now.danger_beside_suicide(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Family meeting: Mrs R said she wants to die in her own bed with her grandchildren near.",
        "PHQ-9 at review: question 9 on thoughts of being better off dead answered 'not at all'.",
        "Volunteer note: the lunch rush was so manic I thought I was going to die.",
    ],
)
def test_model_look_alikes_stay_quiet(text: str) -> None:
    assert not found(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "She said she wants to die, she has saved up her tablets in a drawer.",
        "PHQ-9 at review: question 9 on thoughts of being better off dead answered 'nearly every"
        " day'.",
    ],
)
def test_model_look_alikes_that_still_fire(text: str) -> None:
    assert found(text) & RISK


def test_thought_i_would_die_with_harm_is_not_held_back() -> None:
    sentence = "It was manic at home, he choked me and I thought I was going to die."
    assert not notes_of_no_risk.model_held_back("immediate_danger", sentence, "", "")
    assert notes_of_no_risk.model_held_back(
        "immediate_danger", "The queue was so manic I thought I was going to die.", "", ""
    )


def test_dementia_wish_assessed_no_intent_is_held_back() -> None:
    assert not notes_of_no_risk.model_held_back(
        "suicide_self_harm", "He says he wants to die.", "", "He means it and has a plan."
    )
    assert notes_of_no_risk.model_held_back(
        "suicide_self_harm",
        "He often says he wants to die when tired in the evening.",
        "",
        "Assessed by the liaison team last week: no intent.",
    )


def test_joke_about_oneself_is_left_to_the_model_but_laughed_off_is_not() -> None:
    assert not everyday_death_talk.own_threat_in_jest(
        ["kill", "myself"],
        "she said if they cancel again I'll kill myself and laughed it off",
        "",
        "she said if they cancel again I'll kill myself and laughed it off",
    )
    assert everyday_death_talk.own_threat_in_jest(
        ["kill", "myself"],
        "if they make me do one more fire drill I'll kill myself, joking obviously",
        "",
        "if they make me do one more fire drill I'll kill myself, joking obviously",
    )


def test_family_keeping_medicines_adds_domestic_but_self_hiding_does_not() -> None:
    assert medicines_kept_by_family.family_keeps_medicines(
        "Her grandson picks up her prescriptions. She says he keeps them for himself."
    )
    assert not medicines_kept_by_family.family_keeps_medicines(
        "Her daughter says she has been hiding her tablets in her handbag."
    )


def test_welsh_screening_no_thoughts_and_past_and_well_are_held() -> None:
    assert not ruled("Adolygiad: dim meddyliau am hunan-niweidio, yn cysgu'n well.") & RISK
    assert (
        not ruled("Mi wnes i hunan-niweidio yn yr ysgol, deng mlynedd yn ôl, dw i'n iawn rŵan.")
        & RISK
    )
    assert "suicide_self_harm" in ruled("Dw i wedi bod yn hunan-niweidio eto wythnos yma.")


def test_a_topic_taught_is_not_a_disclosure() -> None:
    assert not ruled("We did the bit about self-harm being a cry for attention.") & RISK
    assert "suicide_self_harm" in ruled("She told me she's been self-harming again this week.")


def test_a_welsh_bank_card_taken_by_family_is_money_taken() -> None:
    from nlp.signals.label_pairs import adult_abuse_by_family

    assert adult_abuse_by_family._family_takes(
        "Mae ei mab wedi cymryd ei cherdyn banc ers mis Mai."
    )
    assert not adult_abuse_by_family._family_takes("Mae ei mab wedi anfon cerdyn pen-blwydd ati.")


# Kinds heard in the remaining misses of the earlier development sets, said anew.
@pytest.mark.parametrize(
    ("text", "signal"),
    [
        (
            "The twins next door have been on their own since last night, the youngest is under 4.",
            "immediate_danger",
        ),
        (
            "Little ones left alone overnight again, maybe two and four years, crying.",
            "immediate_danger",
        ),
        (
            "Reckon I'll be gone by the end of the month one way or another, funeral's paid.",
            "suicide_self_harm",
        ),
        (
            "On the ward she said if they discharge her she'll do it properly this time.",
            "suicide_self_harm",
        ),
        (
            "He told his coach he feels like stepping in front of a train most mornings.",
            "suicide_self_harm",
        ),
        (
            "Nain's gone grey and she's not responding to her name, the carer says.",
            "immediate_danger",
        ),
        ("Mae hi'n crafu ei breichiau nes eu bod yn gwaedu bob nos.", "suicide_self_harm"),
    ],
)
def test_more_plain_words_fire_on_the_rules(text: str, signal: str) -> None:
    assert signal in ruled(text)


@pytest.mark.parametrize(
    "text",
    [
        "The kids play on their own in the garden for hours; the youngest is about 5, I watch.",
        "I'll be gone by Christmas, off to my son's in Canada for a month.",
        "If the weather holds I'll finish the job this time, the shed is nearly done.",
        "Some days I feel like walking into the sea for a swim before work.",
        "The housing office is not responding to my emails now.",
        "Mae o wedi torri ei fraich yn chwarae rygbi, mae o'n iawn.",
    ],
)
def test_more_look_alikes_stay_quiet(text: str) -> None:
    assert not ruled(text) & RISK


@pytest.mark.parametrize(
    "text",
    [
        "I was left alone for hours on the ward, unable to reach my baby, who was crying.",
        "Our baby was left in the incubator overnight and the nurses checked him hourly.",
    ],
)
def test_a_child_in_care_or_the_teller_alone_is_no_child_alone(text: str) -> None:
    assert not witness_danger.child_alone_now(text)
