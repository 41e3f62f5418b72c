"""Kinds found general in the twelfth round (issue 20): numbers said aloud and written in words
(phones in nine of eleven development sets, dates of birth in four, an NI number spelt out in
one), and hospitals by initials derived from the list of names (missed in six sets).

Every sentence was written for this file, with names and numbers of its own (none from a
measuring set); each kind has look-alikes that must stay: times, doses, prices, buses, counts,
"one or two", "double checked", event dates without a birth cue, initials that are other things.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged, labelled

from nlp.identifiers.care_settings.hospital_initials import derived_initials, hospital_initials
from nlp.identifiers.spoken.spoken_numbers import (
    digits_of,
    spoken_dates_of_birth,
    spoken_ni_numbers,
    spoken_phones,
)

# --- the normaliser -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("run", "digits"),
    [
        ("oh seven seven double oh nine hundred", "07700900"),
        ("zero one four, treble two, five", "0142225"),
        ("oh-eight-double-one", "0811"),
        ("oh one nine four two, twenty two, sixty", "019422260"),
        ("three 4 five", "345"),
    ],
)
def test_a_spoken_run_reads_as_its_digits(run, digits):
    assert digits_of(run) == digits


@pytest.mark.parametrize("run", ["double twenty", "one double", "hundred and one", "oh double"])
def test_a_run_that_is_no_plain_string_of_digits_reads_as_nothing(run):
    assert digits_of(run) is None


# --- phones read out ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Could you ring my son on oh seven nine double one, four hundred, three eight two?",
            "oh seven nine double one, four hundred, three eight two",
        ),
        (
            "Her landline is zero one two nine four, seven six three, oh five one, any time.",
            "zero one two nine four, seven six three, oh five one",
        ),
        (
            "new mobile: oh-seven-four-treble-six, two-oh-nine, one-eight.",
            "oh-seven-four-treble-six, two-oh-nine, one-eight",
        ),
    ],
)
def test_a_phone_number_read_out_is_found(text, value):
    assert [text[f.start : f.end] for f in spoken_phones(text)] == [value]
    assert "PHONE" in labelled(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "She takes one or two tablets at nine, then two more at three and one at ten.",
        "I double checked the dose: five hundred milligrams, two times a day, one week.",
        "We got the seven four two bus, then the one one eight, then walked.",
        "It cost one hundred and twenty pounds and took two or three weeks.",
        "oh one two three four five",  # a count, too short for a phone
        "Oh, one more thing: nine out of ten nurses were lovely, two were not.",
    ],
)
def test_counts_doses_buses_and_prices_in_words_are_no_phone(text):
    assert list(spoken_phones(text)) == []


# --- NI numbers spelt out -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("His NI number is J-K, four-two, one-one, nine-eight, B, if you need it.", None),
        ("national insurance: ab, 61, 07, 33, c thanks", "ab, 61, 07, 33, c"),
        ("NI no for the form is tm double four eighty two seventy one a", None),
    ],
)
def test_an_ni_number_spelt_after_its_cue_is_found(text, value):
    found = [text[f.start : f.end] for f in spoken_ni_numbers(text)]
    assert len(found) == 1
    if value:
        assert found == [value]


@pytest.mark.parametrize(
    "text",
    [
        "My NI number is in the drawer, I'll read it to you at two or three.",
        "NI letters came on the fourth, and the ward rang at nine.",
        "I was born in NI and moved to Leeds at twenty one.",
    ],
)
def test_an_ni_cue_without_an_ni_number_finds_nothing(text):
    assert list(spoken_ni_numbers(text)) == []


# --- dates of birth said aloud ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Receptionist: Date of birth? Caller: the second of the ninth, fifty-eight.",
            "second of the ninth, fifty-eight",
        ),
        (
            "DOB is twenty-first of October nineteen sixty seven, lives alone.",
            "twenty-first of October nineteen sixty seven",
        ),
        (
            "born on the eighth of March two thousand and four in Rotherham",
            "eighth of March two thousand and four",
        ),
        ("her date of birth, 9th of Febuary 1977, was wrong on the letter", "9th of Febuary 1977"),
    ],
)
def test_a_date_of_birth_said_aloud_after_its_cue_is_found(text, value):
    assert covered(text, value)
    assert "DATE_OF_BIRTH" in labelled(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "We married on the fifth of June nineteen eighty and the ward was lovely.",
        "The operation is on the third of May, twenty past nine, bay four.",
        "His birthday party was great; on the tenth of August I collected him.",
    ],
)
def test_a_spoken_date_without_a_birth_cue_before_it_is_no_date_of_birth(text):
    assert list(spoken_dates_of_birth(text)) == []


# --- hospitals by initials derived from the list ------------------------------------------------


def test_initials_are_derived_from_the_listed_names_not_written_by_hand():
    known = derived_initials()
    # the list holds "Leicester Royal Infirmary" and "Royal Infirmary of Edinburgh", not "LRI"
    assert {"LRI", "RIE", "RIOE"} <= known
    assert not known & {"GBH", "STD", "PPH", "DGH", "MRI"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient's wife rang: he is in RIE now, ward 20, after a fall.", "RIE"),
        ("transferred from LRI to the community hospital for rehab", "LRI"),
        ("my nan is still at lgi on the stroke ward and the nurses are lovely", "lgi"),
    ],
)
def test_a_listed_hospital_by_its_initials_is_found(text, value):
    assert value in [text[f.start : f.end] for f in hospital_initials(text)]
    assert "CARE_SETTING" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He was a POW in the war and the doctor said it explains a lot.", "POW"),
        ("The RIE figures were published last week by the council.", "RIE"),
        ("I got my GBH conviction overturned before the hospital job.", "GBH"),
        ("The Lgi Bank sent a letter about the doctor's bill.", "Lgi"),
    ],
)
def test_initials_as_other_things_or_without_a_cue_stay(text, value):
    assert value not in [text[f.start : f.end] for f in hospital_initials(text)]


def test_lower_case_initials_need_a_writer_who_types_in_lower_case():
    text = "The nurse said Mum would go to lri after the scan at the GP's."
    assert not flagged(text, "lri")


@pytest.mark.parametrize(
    "text",
    [
        "born on 2nd May 1950, and on the fourth of June two thousand and ten I moved.",
        "Date of birth is on the form. Later that year, after the sixth of July nineteen ninety, "
        "she was admitted on the ninth of August nineteen ninety-one.",
    ],
)
def test_a_second_date_after_the_birth_cue_is_an_event(text):
    assert list(spoken_dates_of_birth(text)) == []


# --- a house or flat number in words before a capitalised street or building --------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The carer goes to nineteen Linnet Close every morning.", "nineteen Linnet Close"),
        ("Is he still at thirty-two Saxby Wynd? Yes.", "thirty-two Saxby Wynd"),
        ("Patient: Flat seven, Marlowe Court. Receptionist: Thanks.", "Flat seven, Marlowe Court"),
    ],
)
def test_a_street_line_with_its_number_in_words_is_found(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It took three Kestrel Way buses to get to the clinic.", "three"),
        ("We waited two Long Hours and one more in the corridor.", "two"),
        ("Flat Five, the House of Commons and the rest were on the telly.", "Flat Five"),
    ],
)
def test_a_count_before_capitals_is_no_house_number(text, value):
    assert not flagged(text, value)
