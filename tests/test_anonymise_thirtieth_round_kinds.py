"""Kinds found general in the thirtieth round (issue 20), from the misses and false positives
of the retired blind set v32 (people's accounts and working documents across the four nations)
checked against every earlier writer's set: postcodes typed in lower case in the "L" areas and
after a form's label with a note, a record's cell or export field written surname first, a date
of birth straight after a name in a record's row, Irish townlands, a place's compass or size
word, a note signed with one letter, who checked a transcript, an addressee's name above a
named house; and, for precision, a form's field names guessed as people.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

# Postcodes in lower case whose area begins with "l": once read as scanned figures.


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("Tomasz Wójcik      | la4 6ty   | 07700 900 218", "la4 6ty"),
        ("we moved last year, postcode is l8 3pq if that helps", "l8 3pq"),
        ("Gwen Parry, ll57 2dw, wants a call back about the clinic.", "ll57 2dw"),
        ("new address is 4 Elm Grove, ls11 9rt.", "ls11 9rt"),
    ],
)
def test_a_lower_case_postcode_in_an_l_area_is_a_postcode(text, postcode):
    assert covering_label(text, postcode) == "POSTCODE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Call us on O77OO 9OO 318 any time.", "O77OO 9OO 318"),
        ("Scanned DOB 2l.O3.l955 on the form", "2l.O3.l955"),
    ],
)
def test_scanned_figures_are_still_read_as_figures(text, value):
    assert covered(text, value)


# A postcode's outward code after a form's label that carries a note in brackets.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Q4 Postcode (first part only): LS12", "LS12"),
        ("Post code (optional): CF24\nQ5 Anything else?", "CF24"),
    ],
)
def test_an_outward_code_after_a_labelled_note_is_a_postcode(text, code):
    assert covering_label(text, code) == "POSTCODE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Postcode (see the ward B3 sign): not given", "B3"),
        ("Post code (first part): B12 injections are due", "B12"),
    ],
)
def test_a_ward_or_a_dose_after_the_label_is_no_postcode(text, value):
    assert covering_label(text, value) != "POSTCODE"


# A record's cell or an export's field holding a name surname first.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2   | PATTERSON, Irene    | 84  | bed rails", "PATTERSON, Irene"),
        ("3   | LIU, Wen           | 77  | diabetic diet", "LIU, Wen"),
        ("ref-11\t07700900318\tFRASER, Morag\tCrieff", "FRASER, Morag"),
        ('2024-06-01,Phone,"Baker, Denise",52,Goole', "Baker, Denise"),
        ("From: office@trust.example\nTo: Dunmore, Pauline\nSubject: visit", "Dunmore, Pauline"),
    ],
)
def test_a_name_written_surname_first_in_a_cell_is_one_person(text, name):
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("See you on Monday.\nThanks, Gareth\n", "Thanks"),
        ("All the best.\nLove, Bethan", "Love"),
        ("| Manager, Julie | rota |", "Manager"),
        ("| Yes, Brian |", "Yes"),
    ],
)
def test_a_sign_off_or_a_role_before_a_name_is_no_surname(text, value):
    assert not flagged(text, value)


# A date of birth right after a name in a record's row.


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("PALS-0091 | Okafor, Grace 14/02/1939 | Ward 12 | lost glasses", "14/02/1939"),
        ("C-20\tBELL, Morag\t03/05/1961\t9 Kirk Wynd", "03/05/1961"),
        ("In memory of Ellen Rourke, 8.11.1940 – 2.2.2024.", "8.11.1940"),
        ("Attendees: Ivan Petrov, 2nd June 1955, came with his son.", "2nd June 1955"),
    ],
)
def test_a_date_right_after_a_name_in_a_record_is_a_date_of_birth(text, date):
    assert covering_label(text, date) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Seen by Kate Morris 14/03/2025 in the clinic.", "14/03/2025"),
        ("Home visit to Alan Pike 05/06/2009 at 14:30 went well.", "05/06/2009"),
        ("Complaint from Ruth Hale 12/01/2024 closed.", "12/01/2024"),
    ],
)
def test_an_event_date_after_a_name_is_no_date_of_birth(text, date):
    assert covering_label(text, date) != "DATE_OF_BIRTH"


# Irish townlands by their first syllable.


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("3. Cathal Doyle     52   Ballynure      07700 900 441", "Ballynure"),
        ("we are out past ballygawley so the bus is hopeless", "ballygawley"),
    ],
)
def test_an_irish_townland_is_a_place(text, place):
    assert covering_label(text, place) == "LOCATION"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("There was a lot of ballyhoo about the new car park.", "ballyhoo"),
        ("She bought Bally shoes in the sale.", "Bally"),
    ],
)
def test_ballyhoo_and_a_shop_are_no_place(text, value):
    assert not flagged(text, value)


# A place's compass or size word.


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("After the fire we were rehoused in North Ormesby for a year.", "North Ormesby"),
        ("My mam still lives in Little Hulton.", "Little Hulton"),
    ],
)
def test_a_compass_or_size_word_stays_with_its_place(text, place):
    assert covered(text, place)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Old Tom from next door fed the cat.", "Old"),
        ("Great, Sarah, thanks for ringing back.", "Great"),
    ],
)
def test_a_word_before_a_first_name_is_no_place(text, value):
    assert not flagged(text, value)


# A note signed with one letter, and who checked a transcript.


@pytest.mark.parametrize(
    ("text", "initial"),
    [
        ("I waited all day and nobody came. — K. 07700 900 119", "K."),
        ("Lovely staff, would go back. – R.", "R."),
        ("Please ring him after five.\n\nT.\n\nTemitope Adeyemi\nEngagement Lead", "T."),
    ],
)
def test_a_one_letter_sign_off_is_a_person(text, initial):
    assert covering_label(text, initial) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Options:\nB.\nBlood Tests\n", "B."),
        ("We need a Plan - B.\nThen lunch.", "B."),
        ("Screening for Hep - C. 0300 123 1234 for advice", "C."),
    ],
)
def test_a_letter_that_heads_or_names_something_is_no_sign_off(text, value):
    assert covering_label(text, value) != "PERSON"


def test_who_checked_a_transcript_is_a_person():
    text = "Voicemail, auto-transcribed and checked by JW\n\nHello, it's about my mum."
    assert covering_label(text, "JW") == "PERSON"


def test_a_service_that_checked_something_is_no_person():
    text = "The letter was checked by GP reception and reviewed by OT on Friday."
    assert not flagged(text, "GP")
    assert not flagged(text, "OT")


# An addressee's name above a named house.


def test_an_addressee_above_a_named_house_keeps_both():
    text = "Our ref: PX/7\n\nMr Dennis Holroyd\nMill Cottage, 4 Low Lane\nHebden Bridge\nHX7 8AB"
    assert covering_label(text, "Dennis Holroyd") == "PERSON"
    assert covering_label(text, "Mill Cottage, 4 Low Lane") == "ADDRESS"
