"""Kinds found general in the twenty-seventh round (issue 20), from the misses of the retired
blind set v29 (free accounts in many voices) checked against every earlier writer's set: a ward
code right after the word "ward" or its staff, a birth label with a note in brackets before its
date, the year after where someone was born, and a whole date in brackets restating a birth
year.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

# A ward code right after "ward" or its staff: "the ward, D12", "ward sister on AB4".


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lovely ward, D12, and the night staff were kind.", "D12"),
        ("The ward, G21 if I remember, was freezing all week.", "G21"),
        ("I asked to speak to the ward manager of E6 about it.", "E6"),
        ("My sister was a ward clerk on CM4 until she retired.", "CM4"),
        ("Which one? The ward: K9, near the lifts.", "K9"),
    ],
)
def test_a_ward_code_right_after_ward_is_a_care_setting(text, code):
    assert covering_label(text, code) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On the ward, B12 injections were given late every week.", "B12"),
        ("The ward printed the leaflet on A4 paper for us.", "A4"),
        ("Ward staff on the M6 were stuck for hours in traffic.", "M6"),
        ("The ward (C5) had no beds and we waited.", "C5"),
        ("She went back to the ward, then home to LS6 3AB by taxi.", "LS6"),
        ("Ward round at 10, then bloods and a chat.", "10"),
    ],
)
def test_codes_that_are_not_wards_stay(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


# A birth label with a note in brackets before its answer.


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Name: Ruth Adeyemi\nDate of birth (optional): 1972-03-09\nTown: Luton", "1972-03-09"),
        ("DOB (if known) 14/02/1949, lives alone.", "14/02/1949"),
        ("Date of birth (dd/mm/yyyy): 02/10/1966", "02/10/1966"),
    ],
)
def test_a_birth_date_after_a_bracketed_note_is_a_date_of_birth(text, date):
    assert covering_label(text, date) == "DATE_OF_BIRTH"


def test_a_bracketed_note_without_a_date_finds_nothing():
    text = "Date of birth (optional): prefer not to say\nService: podiatry"
    assert not flagged(text, "prefer not to say")


# The year or date after where someone was born, and a whole date restating it.


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Mam was born in Walker in 1944 and never left the street.", "1944"),
        ("He was born at the Simpson on 12 June 1987, a big lad.", "12 June 1987"),
        ("Grandad was born in Ballymena, County Antrim in 1931.", "1931"),
        ("She was born in Dundee in 1950 (4 March 1950, a Saturday).", "4 March 1950"),
    ],
)
def test_the_date_after_a_birthplace_is_a_date_of_birth(text, date):
    assert covering_label(text, date) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a move, a diagnosis or an event after the birthplace is no birth
        ("Dad was born in Leeds, moved to Hull in 1960.", "1960"),
        ("She was born in Wrexham and was diagnosed in 2019.", "2019"),
        ("The clinic opened in Bangor in 1998 (4 May 1998, a Monday).", "1998"),
        ("We met in Derby in 1975 and married a year later.", "1975"),
    ],
)
def test_years_of_other_events_stay(text, value):
    assert covering_label(text, value) != "DATE_OF_BIRTH"


# A person written surname first in capitals, as letters, lists and exports do.


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Patient: ROBSON, Alan Keith      Hosp no: K1234567", "ROBSON"),
        ("Resident: O'BRIEN, Sean Patrick\nRoom 4", "O'BRIEN"),
        ("Name\tDOB\nDOCHERTY, Margaret\t03/02/1941", "DOCHERTY"),
    ],
)
def test_a_surname_in_capitals_before_a_first_name_is_a_person(text, surname):
    assert covering_label(text, surname) == "PERSON"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("THANK YOU SO MUCH, Alan and the team.", "MUCH"),
        ("Please ring PALS, Brenda will help you.", "PALS"),
        ("URGENT, Alan please call the ward back.", "URGENT"),
        ("Seen in the ICU, Mary said the nurses were kind.", "ICU"),
    ],
)
def test_capitals_that_are_no_surname_stay(text, word):
    assert not flagged(text, word)
