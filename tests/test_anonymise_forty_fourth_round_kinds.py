"""Kinds built in the forty-fourth round (issue 20): only kinds of miss or false finding that
three or more development sets, each by a different writer, share. A school, college or
university named by a found place or name, a practice or care provider named by a found name
and its kind of service, and a word of praise taken for a place.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay unmarked (or marked as before).
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

# --- a school, college or university named by a found place or name ----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our lad has just started at Morley School and loves the drama club.", "Morley School"),
        ("My daughter is back at Wakefield College doing childcare.", "Wakefield College"),
        ("He got a place at Durham University but deferred it.", "Durham University"),
        ("She lectures at the University of Exeter and visits her mum.", "University of Exeter"),
        ("my girl goes to thirsk high. the senco is useless", "thirsk high"),
        ("He boarded at Cardinal Heenan's School till sixteen.", "Cardinal Heenan's School"),
    ],
)
def test_a_place_of_learning_is_named_whole(text, value):
    assert covering_label(text, value) == "LOCATION"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("he went to Sunday School every week as a boy", "Sunday School"),
        ("She trained at Medical School in Leeds before the accident.", "Medical School"),
        ("The Royal College of Nursing sent a leaflet about it.", "Royal College"),
    ],
)
def test_a_kind_of_school_alone_is_no_place(text, value):
    assert not flagged(text, value)


def test_a_hospital_named_after_a_university_stays_a_care_setting():
    text = "Mum was moved to Bristol University Hospital overnight."
    assert covering_label(text, "Bristol University Hospital") == "CARE_SETTING"


def test_a_high_street_is_no_school():
    text = "we walked down leeds high street to the chemist"
    assert covering_label(text, "leeds high") != "LOCATION"


# --- a practice or care provider named by a found name and its kind ----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We are registered with Pennine Health but can never get through.", "Pennine Health"),
        ("Wharfedale Support Services sent a new carer on Tuesday.", "Wharfedale Support Services"),
        ("My GP is at Calderbrook Health Park near the station.", "Calderbrook Health Park"),
    ],
)
def test_a_provider_named_by_its_name_and_kind_is_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


def test_a_supported_living_house_is_covered_whole():
    text = "She lives at Thornaby Supported Living and the staff are kind."
    assert covered(text, "Thornaby Supported Living")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Powys Health Board wrote back after six weeks.", "Health Board"),
        ("We are still waiting on a Continuing Healthcare assessment.", "Continuing Healthcare"),
        ("Public Health Wales says the jab is safe.", "Public Health"),
    ],
)
def test_a_body_or_a_kind_of_care_is_no_provider(text, value):
    assert not flagged(text, value)


# --- a word of praise taken for a place ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the midwife was fab and so was the student", "fab"),
        ("STAFF WERE BRILL ON NIGHTS", "BRILL"),
        ("The ward sister (fab, by the way) sorted it.", "fab"),
        ("the physio was Brill, really patient", "Brill"),
    ],
)
def test_praise_is_no_place(text, value):
    assert not flagged(text, value)


def test_a_village_of_the_same_name_stays_a_place():
    text = "We moved out to Brill last spring to be near my sister."
    assert covering_label(text, "Brill") == "LOCATION"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thank you to Rosalind Healthcare Assistant on nights.", "Rosalind Healthcare"),
        ("He was offered a Long Term Health Conditions review.", "Long Term Health"),
    ],
)
def test_a_role_or_a_condition_after_the_kind_is_no_provider(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


def test_a_name_before_a_misspelt_role_stays_a_person():
    text = "There's one nurse, Hillary Healthcare Manger & Jo in reception who listen."
    assert covering_label(text, "Hillary") == "PERSON"


# --- a lower-case first name before its role ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i have to pay kate the PA out of my own money", "kate"),
        ("dee the HCA was really gentle with her", "dee"),
        ("i rang lisa in the SEN team and heard nothing", "lisa"),
    ],
)
def test_a_lower_case_first_name_before_its_role(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("will the nurse come back later", "will"),
        ("i hope the nurse comes soon", "hope"),
        ("the manager said the GP should ring", "said"),
        ("when they took me to the ward the HCA was rude", "ward"),
    ],
)
def test_a_word_before_a_role_is_no_name(text, value):
    assert not flagged(text, value)


# --- districts of Northern Ireland ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we went to the advice centre in shantallow and they helped", "shantallow"),
        ("hes back home in cregagh now and the nurse comes daily", "cregagh"),
        ("she has lived in harryville all her life", "harryville"),
    ],
)
def test_a_district_of_northern_ireland_is_a_place(text, value):
    assert covered(text, value)


def test_a_waterside_in_lower_case_without_a_cue_stays_a_word():
    text = "the waterside was lovely and the ducks came up to us"
    assert not flagged(text, "waterside")
