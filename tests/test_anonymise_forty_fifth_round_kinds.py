"""Kinds built in the forty-fifth round (issue 20): only kinds of miss or false finding that
three or more development sets, each by a different writer, share. Medicines by their brand,
Scots words and words for someone's role taken for people, a birthday's ordinal as an age, a
number in words with its unit as said or heard, a chain pharmacy pinned to its branch as
people write it, a district named with a hospital's one-word name ("... Heath"), a
university's own practice, and a fare or a journey "each way" taken for a street.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay unmarked (or marked as before).
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.anonymise import anonymise

# --- a medicine, a dressing or a vaccine by its brand is no person -------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Started on Fostair two puffs twice a day after the review.", "Fostair"),
        ("Heel dressed with Mepilex, to be checked again on Friday.", "Mepilex"),
        ("She takes Keppra morning and night and has had no fits.", "Keppra"),
        ("The district nurse gave him Clexane injections for a week.", "Clexane"),
        ("Booked her Shingrix jab at the surgery for next month.", "Shingrix"),
        ("His Eliquis was missed twice on the ward.", "Eliquis"),
    ],
)
def test_a_medicine_by_its_brand_is_no_person(text, value):
    assert not flagged(text, value)


def test_a_brand_after_a_title_is_still_a_name():
    text = "Mr Lantus rang the ward about his wife."
    assert covering_label(text, "Lantus") == "PERSON"


def test_a_name_beside_a_brand_stays_a_person():
    text = "Tegan gave her dad his Tegretol before the taxi came."
    assert covering_label(text, "Tegan") == "PERSON"
    assert not flagged(text, "Tegretol")


# --- Scots words taken for people -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ah'm no happy wi the home, they never phone.", "Ah'm"),
        ("The carers came late again. Ah'll phone them the morra.", "Ah'll"),
        ("A've been at the hospital aw day wi ma faither.", "A've"),
        ("Worker: Did they call you back? Gran: Aye, eventually.", "Aye"),
    ],
)
def test_a_scots_word_is_no_person(text, value):
    assert not flagged(text, value)


def test_aye_after_a_title_stays_a_name():
    text = "Ms Aye rang from the clinic about the results."
    assert covering_label(text, "Aye") == "PERSON"


# --- a word for someone's part in a form, a meeting or a household is no person -----------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Section 2 – Referrer\nName: Dawn Pike   Role: Health visitor", "Referrer"),
        ("Participant chose to be called Mo for the interview.", "Participant"),
        ("Young mum with toddler. Toddler has a cough, no GP yet.", "Toddler"),
        ("Caller upset about fees | Signposted to the ombudsman", "Signposted"),
        ("Dr R. Okoye, Specialty Doctor, Elderly Care", "Specialty"),
        ("Landlord says the damp is her fault.", "Landlord"),
    ],
)
def test_a_role_word_is_no_person(text, value):
    assert not flagged(text, value)


def test_a_name_after_a_role_word_stays_a_person():
    text = "Solicitor Jane Hartley wrote to the trust on her behalf."
    assert covering_label(text, "Jane Hartley") == "PERSON"


# --- a birthday's ordinal is an age ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Happy 90th birthday Grandad Joe from all the staff on Larch!", "90th"),
        ("He fell three days after his seventieth birthday.", "seventieth"),
        ("The kitchen made a sponge for Mavis's 95th.", "95th"),
        ("Nan's 100th! The whole home sang.", "100th"),
        ("She spent her eighty-second birthday on a trolley.", "eighty-second"),
    ],
)
def test_a_birthday_ordinal_is_an_age(text, value):
    assert covering_label(text, value) == "AGE"


def test_a_birthday_ordinal_is_written_as_an_age_band():
    result = anonymise("He fell three days after his 84th birthday.")
    assert "84" not in result.text
    assert "80-89" in result.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her third was born at the Royal last spring.", "third"),
        ("It's 2nd on the list, the receptionist said.", "2nd"),
        ("We came in on Friday's 3rd.", "3rd"),
        ("He came 4th in the egg and spoon race.", "4th"),
        ("It was my first birthday without him.", "first"),
    ],
)
def test_an_ordinal_that_is_no_birthday_is_no_age(text, value):
    assert covering_label(text, value) != "AGE"


# --- a number in words with its unit as said or heard ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("he's seventy wan and still wants to drive", "seventy wan"),
        ("Ma da is sixty-wan and lives on his own.", "sixty-wan"),
        ("I'm fifty twa and my knees are done.", "fifty twa"),
        ("my gran's eighty too and they left her in the chair all night", "eighty too"),
    ],
)
def test_an_age_with_its_unit_as_heard_is_found_whole(text, value):
    assert covering_label(text, value) == "AGE"


def test_a_ward_with_its_unit_as_heard_is_found_whole():
    text = "he's been on ward twenty wan since the weekend"
    assert covered(text, "ward twenty wan")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the bus was twenty minutes too late again", "too"),
        ("there was one nurse too many on the rota", "too"),
    ],
)
def test_too_after_no_tens_word_is_no_part_of_a_number(text, value):
    assert not flagged(text, value)


# --- a chain pharmacy pinned to its branch as people write it -------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("picked up her prescription from Boots on the high road", "Boots"),
        ("the pharmacist at boots in the shopping centre was lovely with him", "boots"),
        ("her tablets come from lloyds on market street every week", "lloyds"),
        ("Day Lewis on Ferry Road has had none of her patches for a month.", "Day Lewis"),
    ],
)
def test_a_chain_pharmacy_pinned_to_its_branch_is_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i went to lloyds on the high street about the mortgage", "lloyds"),
        ("he left his boots in the hall and went out in slippers", "boots"),
        ("she put her walking boots on the back step", "boots"),
    ],
)
def test_a_bank_or_footwear_is_no_pharmacy(text, value):
    assert not flagged(text, value)


# --- a district named with a hospital's one-word name is the district -----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the police found him wandering in Kingstanding Heath at midnight", "Kingstanding Heath"),
        ("The lunch club meets at Heath Town library on Fridays.", "Heath Town"),
        ("we have lived in thornton heath since the kids were small", "thornton heath"),
    ],
)
def test_a_district_ending_or_opening_with_a_hospitals_name_is_found_whole(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was taken to the Heath with chest pain.", "Heath"),
        ("Visited Morriston yesterday for his scan.", "Morriston"),
        ("He was moved to Morriston A&E at three in the morning.", "Morriston"),
    ],
)
def test_a_hospitals_one_word_name_alone_stays_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


# --- a university's own practice is a care setting ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "I signed up with University Health Centre in freshers' week.",
            "University Health Centre",
        ),
        ("The nurse at University Health Service did my jabs.", "University Health Service"),
        (
            "Transferred to University Medical Practice after the move.",
            "University Medical Practice",
        ),
    ],
)
def test_a_university_practice_is_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


def test_a_university_health_board_is_no_practice():
    text = "Swansea Bay University Health Board replied after a month."
    assert not flagged(text, "University Health")


# --- a fare or a journey "each way" is no street --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The taxi is £27 each way and I can't drive any more.", "27 each way"),
        ("It's 3 hrs each way on the train for a ten-minute appointment.", "3 hrs each way"),
        ("the cab was 30 quid each way so we missed it", "30 quid each way"),
    ],
)
def test_a_fare_or_a_journey_each_way_is_no_address(text, value):
    assert not flagged(text, value)


def test_a_street_named_way_stays_an_address():
    text = "She lives at 8 Broad Way, Bolton, with her son."
    assert covering_label(text, "8 Broad Way") == "ADDRESS"
