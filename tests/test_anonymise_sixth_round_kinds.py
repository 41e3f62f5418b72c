"""Kinds of identifier found general in the sixth round (issue 20).

Each sentence was written for this file, with names, places and numbers of its own (none taken
from a measuring set). Each kind has reverses: ordinary text of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged, labelled

from nlp.anonymise import detect

# --- strict identifiers read out or spaced --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # 401 023 2137 passes the mod-11 check; read out in words with "oh" and "double".
        (
            "He gave it as four oh one, oh two three, two one three seven.",
            "four oh one, oh two three, two one three seven",
        ),
        (
            "Her NHS number is four zero one zero two three two one three seven.",
            "four zero one zero two three two one three seven",
        ),
        ("The number on the letter: 4 0 1 0 2 3 2 1 3 7 and the date.", "4 0 1 0 2 3 2 1 3 7"),
        ("Her wristband read 40 10 232 137, checked twice.", "40 10 232 137"),
    ],
)
def test_an_nhs_number_read_out_or_spaced_is_found(text, value):
    assert covered(text, value)


def test_counting_in_words_is_no_number():
    text = "We sang one two three four five six seven eight nine ten at the party."
    assert not flagged(text, "one two three")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("NI: QV 40 27 19 C on the form.", "QV 40 27 19 C"),  # prefix never issued
        ("ni no fq 55 12 04 b for the claim", "fq 55 12 04 b"),
    ],
)
def test_an_ni_number_with_any_prefix_is_found(text, value):
    assert "NI_NUMBER" in labelled(text, value)


def test_an_unissued_prefix_without_its_suffix_or_a_cue_is_no_ni_number():
    text = "The parcel label read TN 11 52 88 on the side."
    assert "NI_NUMBER" not in labelled(text, "TN 11 52 88")


# --- dates of birth ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("D.O.B : 07 / 11 / 1949 and address below", "07 / 11 / 1949"),
        ("dob its 3/9/61 if they ask", "3/9/61"),
        ("I was born on the twenty-third of June 1940, in Hull.", "twenty-third of June 1940"),
        ("Visit to Marjorie Pell, 19/06/44, lives alone, falls risk.", "19/06/44"),
    ],
)
def test_a_date_of_birth_in_a_looser_shape_is_found(text, value):
    assert "DATE_OF_BIRTH" in labelled(text, value)


def test_an_appointment_date_after_a_clinic_name_is_no_birth_date():
    text = "Appointment at the clinic on 19/06/2024 was cancelled."
    assert "DATE_OF_BIRTH" not in labelled(text, "19/06/2024")


# --- ages --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My daughter Priya is 7 year and she has asthma.", "7"),
        ("Dad said at 84 he's not having another op.", "84"),
        ("she's 15 now, was 11 when it started", "11"),
        ("His 80th is next Saturday, cake ordered.", "80"),
        ("Seen pt 77M from the bungalow, SOB.", "77"),
        ("Child: Rory Mace, 3 yrs. Rash since Monday.", "3"),
        ("Miss Edna Cole (103!) opened the fete.", "103"),
        ("I was diagnosed at 9 in the children's hospital.", "9"),
        ("Dwi'n 17 ac yn byw gyda Mam.", "17"),
        ("I miss my grandson. He 6. He like football.", "6"),
        ("He says he's nearly 70 but he's really 74.", "74"),
    ],
)
def test_an_age_in_a_new_shape_is_found(text, value):
    start = text.index(value)
    assert any(f.label == "AGE" and f.start <= start < f.end for f in detect(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He took 2 tablets at 10 he was fine after.", "10"),
        ("We waited and it was 5 when we finally got home from the clinic.", "5"),
        ("Her 3rd appointment was cancelled.", "3"),
        ("The wait is 2 years for a new hip.", "2"),
        ("We paid 40 pounds for the taxi.", "40"),
        ("At Leo's 2 year review the health visitor weighed him.", "2"),
    ],
)
def test_numbers_that_are_no_age_stay(text, value):
    start = text.index(value)
    assert not any(f.label == "AGE" and f.start <= start < f.end for f in detect(text))


# --- care settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They moved her to the Tregarrow for rehab after the ward.", "Tregarrow"),
        ("The ambulance crew said the Royal Penrith was full so we waited.", "Royal Penrith"),
        ("The nurse at the Carnmoor Hub dressed his leg.", "Carnmoor Hub"),
        ("The chemist said Superdrug in Kendal had the inhaler in stock.", "Superdrug"),
        ("Mam is back in WCH, they put her on the stroke ward.", "WCH"),
    ],
)
def test_a_care_setting_of_a_general_kind_is_found(text, value):
    assert "CARE_SETTING" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We had lunch at the Moment cafe, then the doctor rang.", "Moment"),
        ("NHS England published the figures on waiting lists in hospital.", "NHS England"),
        ("The Trust apologised for my scan being late.", "Trust"),
        ("He put his boots on and walked to the clinic.", "boots"),
        ("I saw it in the MRI report from the hospital.", "MRI"),
        ("The doctor came at the Weekend to the ward.", "Weekend"),
    ],
)
def test_ordinary_words_near_care_stay(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The letter from NHS Orkney said my clinic was cancelled.", "NHS Orkney"),
        (
            "I wrote to Fellbrook Partnership NHS Foundation Trust about the ward.",
            "Fellbrook Partnership NHS Foundation Trust",
        ),
    ],
)
def test_a_health_board_or_trust_is_no_care_setting(text, value):
    """The body that runs the care covers a region; the conventions mark the places of care."""
    assert "CARE_SETTING" not in labelled(text, value)


# --- people named as speakers in a thread ------------------------------------------------------


def test_speakers_in_an_inline_chat_are_people():
    text = (
        "Tam: has anyone seen the new dentist yet? Bex: yes, took ages. "
        "Tam: thanks x Bex: ring them early. Tam: will do."
    )
    assert "PERSON" in labelled(text, "Bex")
    assert "PERSON" in labelled(text, "Tam")


def test_form_labels_and_roles_in_a_thread_stay():
    text = (
        "To: reception. Caller: wants a callback. Postcode: not given. "
        "Caller: rang again. To: duty doctor."
    )
    found = {text[f.start : f.end] for f in detect(text) if f.label == "PERSON"}
    assert not found & {"To", "Caller", "Postcode"}


def test_a_diary_by_days_names_no_one_by_its_day_labels():
    text = (
        "Week one. M: carers late again. T: Rang Denise at the agency. Promised it won't "
        "happen. W: It happened. Th: Mam fell. F: Surgery went OK, I'm tired. Sun: better."
    )
    found = {text[f.start : f.end] for f in detect(text) if f.label == "PERSON"}
    assert found == {"Denise"}


def test_an_initial_found_once_does_not_take_letters_of_other_words():
    text = "Nic: anyone had the jab? K: yeah I'm fine. Nic: ta. K: np, it won't hurt."
    found = [text[f.start : f.end] for f in detect(text) if f.label == "PERSON"]
    assert sorted(found) == ["K", "K", "Nic", "Nic"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nurse to ring back on 0113 496 0781 2. Visit booked for Friday.", "0113 496 0781"),
        ("Notes: 1. call 07700 900 461 2. chase the referral", "07700 900 461"),
    ],
)
def test_a_phone_followed_by_a_list_number_is_still_the_phone(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dear Sir, my brother (prison number K7310TB) has had no insulin.", "K7310TB"),
        ("Name: Sean Moss. No: W2281QA. Houseblock 2.", "W2281QA"),
    ],
)
def test_a_prison_number_is_found(text, value):
    assert "OTHER_ID" in labelled(text, value)


def test_a_road_number_is_no_prison_number():
    text = "We drove up the A1234 and the M62 to the hospital."
    assert not flagged(text, "A1234")
