"""Kinds of identifier found general in the seventh round (issue 20): references after a cue in
any grouping, dates of birth without the word, ages in clinical shorthand and Welsh words, and
street lines in words or any case.

Each sentence was written for this file, with names, places and numbers of its own (none taken
from a measuring set). Each kind has reverses: ordinary text of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged, labelled

from nlp.anonymise import detect
from plumbing.clock import today

# --- references after a cue -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Seen in clinic. Hosp no: JT4 118 2290. Plan to review.", "JT4 118 2290"),
        ("his dob is on file, hosp no c7 4410 38. cheers", "c7 4410 38"),
        ("Ref: CV 0417 / 2283\nConcern raised by neighbour.", "CV 0417 / 2283"),
        ("Client ID: 412 907 335 Following the review we wrote.", "412 907 335"),
        ("Logged as incident no. INC 3390-1175 by the crew.", "INC 3390-1175"),
        ("PC Harte attended, warrant number 2291, and took a statement.", "2291"),
        ("Her unit number is MRX 0056 1184 on the band.", "MRX 0056 1184"),
        ("my hospital no was lgi 0472 915 back then", "lgi 0472 915"),
        ("The hospital number was something like T4-562-09 I think.", "T4-562-09"),
        ("I still have his hospital number WVH 2203981 somewhere.", "WVH 2203981"),
    ],
)
def test_a_reference_after_its_cue_is_found_whole(text, value):
    assert "OTHER_ID" in labelled(text, value)


def test_an_nhs_number_grouped_with_dots_after_its_cue_is_found():
    text = "Patient: Ivy Lamb. NHS number 401.023.2137. Lives alone."
    assert "NHS_NUMBER" in labelled(text, "401.023.2137")


def test_a_hospitals_own_number_is_found_by_its_shape():
    text = "My old number was lost but the one at the General is NGH 0092 4417 now."
    assert "OTHER_ID" in labelled(text, "NGH 0092 4417")


def test_a_helplines_name_before_its_number_is_no_reference():
    text = "Ring CRUSE 0808 808 1677 if it gets too much."
    assert not flagged(text, "CRUSE")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ref: 14/05/2024 letter enclosed.", "14/05/2024"),  # a date
        ("The case in 2019 went to tribunal.", "2019"),  # a year
        ("Patient 2 of 3 was seen first.", "2 of 3"),
        ("He takes insulin, unit dose 12 mg at night.", "12 mg"),
        ("Please call no. 111 if worse.", "111"),  # a public service number
        ("Our ref is the letter from March, page 4.", "page 4"),
        ("I got a refund 4410 days later, apparently.", "4410"),
        ("Covid jabs in 2020 2021 2022 all done.", "2020 2021 2022"),
        ("Our ref: £1,250 was refunded in full.", "1,250"),  # money
        ("Case: 14:30 at the Civic, room 3.", "14:30"),  # a time
        ("Case: s136 detention overnight, then home.", "s136"),  # a section of an Act
    ],
)
def test_dates_counts_and_service_numbers_after_a_cue_stay(text, value):
    assert not flagged(text, value)


# --- dates of birth without the word ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14:20 Pt Okafor, Ada (14/02/1951), NHS no to follow.", "14/02/1951"),
        ("My brother Ewan Reid (9.7.48) collects his tablets here.", "9.7.48"),
        ("TO WHOM IT MAY CONCERN. MY HUSBAND KEITH MARSH (30/01/1944) HAS FALLEN.", "30/01/1944"),
        ("Nora (21/11/1939, hospital no. RX2 4410 77) was moved twice.", "21/11/1939"),
        ("i'm the twin born nineteen fifty eight, not my sister", "nineteen fifty eight"),
        ("Born 3rd June weighing 6lb, now thriving.", "3rd June"),
        ("they asked her date of birth again\nMo: 07/10/1958 honestly", "07/10/1958"),
        ("her date of brith is 02/12/1947 on the form", "02/12/1947"),
        ("Name: T. Ojo   DOB: 17-Sep-1956   Ward 4", "17-Sep-1956"),
        ("dob 2nd feb 49, lives with son", "2nd feb 49"),
    ],
)
def test_a_date_of_birth_without_the_word_is_found(text, value):
    assert "DATE_OF_BIRTH" in labelled(text, value)


def test_a_recent_date_in_brackets_after_a_name_is_an_event():
    recent = f"12/03/{today().year - 1}"
    text = f"Reviewed by Dr Imran Shah ({recent}) and discharged."
    assert "DATE_OF_BIRTH" not in labelled(text, recent)


def test_a_date_in_brackets_after_a_document_is_no_birth_date():
    text = "The Letter (05/06/1990) was lost in the move."
    assert "DATE_OF_BIRTH" not in labelled(text, "05/06/1990")


# --- ages in shorthand ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bay 1 bed 2: Achterberg, 67M, day 2 post hip.", "67"),
        ("Side room: Lowe, 81 F. Settled overnight.", "81"),
        ("New referral (F, 79) lives alone, no carers.", "79"),
        ("Triage note: M/66 chest pain since noon.", "66"),
        ("Mae fy mam yn saith deg pump oed ac yn byw ar ei phen ei hun.", "saith deg pump"),
        ("Mae Elis yn bump oed (five) ac yn yr ysgol.", "five"),
        ("She said he's ninety-one, no, ninety-two now.", "ninety-two"),
        ("visited. wife marguerite 79 coping but tired.", "79"),
        ("Kids: Ayo (6), Femi (4 months).", "4 months"),
    ],
)
def test_an_age_in_shorthand_is_found(text, value):
    assert "AGE" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Given 58 mg at 10:00.", "58"),
        ("Moved to bed 4 M side of the ward.", "4"),
        ("Escalated to Ward 12F overnight.", "12"),
        ("Size 14 F fitting bra ordered.", "14"),
        ("my son got 9 stitches", "9"),
        ("Mae'r bws yn dod am naw.", "naw"),  # nine o'clock, no "oed"
        ("Bradford, 2M people in the district.", "2"),  # millions
    ],
)
def test_numbers_beside_a_letter_or_a_name_that_are_no_age_stay(text, value):
    assert "AGE" not in labelled(text, value)


@pytest.mark.parametrize(
    "text", ["Caller approx 30s, male, would not give a name.", "A woman in her 40s was seen."]
)
def test_a_decade_is_no_age(text):
    # The renderer writes an exact age as a ten-year band; a decade already is one.
    assert not any(f.label == "AGE" for f in detect(text))


# --- street lines in words or any case --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("address is flat eight cobden court hexham if that helps", "flat eight cobden court"),
        ("Seen at home seventeen hazel grove, breathless.", "seventeen hazel grove"),
        ("we are at number 9 the avenue near the shops", "number 9 the avenue"),
        ("We stop at Pitch 7, Sandy Lane Caravan Park, most winters.", "Pitch 7, Sandy Lane"),
        ("He rents Flat 2, Orme House, Tidings Causeway, in town.", "Orme House, Tidings Causeway"),
        ("hiya its kath from flat eleven, the buzzer is broken", "flat eleven"),
        ("we live at 14 the paddock behind the school", "14 the paddock"),
        ("MY MOTHER LIVES AT 9 HAWTHORN BROW, TODMORDEN.", "9 HAWTHORN BROW"),
        ("Flat 4, 22 Eastgate, above the bakery.", "Flat 4, 22 Eastgate"),
    ],
)
def test_a_street_line_in_words_or_any_case_is_found(text, value):
    assert covered(text, value)
    assert "ADDRESS" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It is a ten minute drive to the surgery.", "ten minute drive"),
        ("There are two long roads out of the village.", "two long roads"),
        ("The tyre went flat two days before the appointment.", "flat two"),
        ("He explained it in one simple way.", "one simple way"),
        ("Bay 2 bed 4 is by the window.", "Bay 2"),
        ("Leaving six residents who can't walk inside.", "six residents who can't walk"),
        ("She lives at the home with two other residents.", "two other residents"),
        ("We lived at 2 with the bank manager next door.", "2 with the bank"),
    ],
)
def test_counts_and_distances_before_a_street_word_stay(text, value):
    assert "ADDRESS" not in labelled(text, value)
