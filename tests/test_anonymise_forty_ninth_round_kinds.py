"""Kinds built in the forty-ninth round (issue 20): only kinds that three or more development
sets, each by a different writer, share. Missed: a person written surname first as one entry of
a list or a log ("BAKER, Rachel – podiatry"), and a school's unique pupil number ("UPN:
W912345678012"). Found wrongly: a month written alone ("due Mar", "Review 2 (May):", a diary
kept by month), a wait counted on after "it's been" ("a reply in eight weeks; it's been 15"),
the weeks of a pregnancy ("she is 32 weeks", "an induction at 40"), and the lower-case kind
after a home's or a neighbourhood place's name ("Larchmont nursing home", "the Broadfield
Methodist church"), which writers leave outside the name.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged, labelled

from nlp.anonymise import ENGINE_VERSION, detect

# --- a person written surname first as one entry of a list or a log ----------------------------


@pytest.mark.parametrize(
    ("text", "surname", "forename"),
    [
        ("Visits today\nB7731KD BAKER, Rachel – podiatry, seen Thurs\n", "BAKER", "Rachel"),
        (
            "Home visit 11.05\nPt Wright, Dennis (12/01/1939), leg ulcer redressed.",
            "Wright",
            "Dennis",
        ),
        ("Mileage log: Evans, Rhian ; Rhyl ; 9 miles", "Evans", "Rhian"),
        ("row 4 | JONES, MEGAN | DOB: 02/03/61 | housing", "JONES", "MEGAN"),
        ("C2210MM SMITH-OKAFOR, Grace (58) – optician, lost glasses", "SMITH-OKAFOR", "Grace"),
    ],
)
def test_a_surname_first_closing_a_list_entry_is_a_person(text, surname, forename):
    assert covering_label(text, surname) == "PERSON"
    assert covering_label(text, forename) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thanks, Alan – see you Tuesday.", "Thanks"),
        ("Best, Sandra\n", "Best"),
        ("Nurse, Ruth (band 5) was on shift.", "Nurse"),
    ],
)
def test_a_greeting_or_a_role_before_a_name_is_no_surname(text, value):
    assert not flagged(text, value)


def test_a_person_then_a_town_is_not_read_surname_first():
    text = "With love from all of us – Joan Proctor, Peterlee\n"
    assert covering_label(text, "Peterlee") != "PERSON"


# --- a school's unique pupil number -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Name: Tayo Ade   DOB: 03/03/2014   UPN: W912345678012 School: Elm Primary",
            "W912345678012",
        ),
        ("NHS number given. Unique pupil number: R700011122233 Case officer: Jo", "R700011122233"),
    ],
)
def test_a_unique_pupil_number_is_an_identifier(text, value):
    assert covering_label(text, value) == "OTHER_ID"


def test_a_pupil_counted_is_no_number():
    assert not flagged("The pupil number 3 on the register was late again.", "3")


# --- a month written alone -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Second baby due Mar according to the scan, no health visitor yet.", "Mar"),
        ("The hip operation for Dad is pencilled in for June at the earliest.", "June"),
        ("Review 2 (May): seen at home with her son, sleeping better.", "May"),
        ("Notes for the meeting\nJan: first assessment done.\nFeb: equipment delivered.\n", "Jan"),
    ],
)
def test_a_month_alone_is_no_person(text, value):
    assert "PERSON" not in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I have been friends with Jan for forty years and she visits every week.", "Jan"),
        ("Jan: can you ring me when you get this?\nKev: will do, after tea\n", "Jan"),
    ],
)
def test_a_person_called_by_a_month_is_still_a_person(text, value):
    assert covering_label(text, value) == "PERSON"


# --- a wait counted on after "it's been" --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The letter promised a reply in eight weeks; it's been 15 and counting.", "15"),
        ("First they said six months for the ramp. It's now 11.", "11"),
        (
            "We were promised a decision within forty days and it has now been sixty-one.",
            "sixty-one",
        ),
    ],
)
def test_a_wait_counted_on_is_no_age(text, value):
    assert "AGE" not in labelled(text, value)


def test_a_person_who_is_now_an_age_keeps_it():
    assert covering_label("Shelley is now 19 and still on the list.", "19") == "AGE"


# --- the weeks of a pregnancy ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our Kayleigh is 32 weeks with twins and no midwife has visited.", "32"),
        (
            "Through the interpreter she told us she is thirty-six weeks; her midwife is away.",
            "thirty-six",
        ),
        ("In pregnancy her blood pressure rose, so the registrar booked an induction at 40.", "40"),
    ],
)
def test_the_weeks_of_a_pregnancy_are_no_age(text, value):
    assert "AGE" not in labelled(text, value)


def test_a_mothers_own_age_beside_her_pregnancy_stays():
    text = "She is 29 and pregnant with her second; the midwife visits on Fridays."
    assert covering_label(text, "29") == "AGE"


# --- a lower-case kind after a home's or a place's name ---------------------------------------


def _extent(text: str, value: str) -> str | None:
    start = text.index(value)
    for f in detect(text):
        if f.start <= start < f.end:
            return text[f.start : f.end]
    return None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mum moved to Larchmont nursing home in the spring and likes it.", "Larchmont"),
        ("He lives at Birch Court sheltered housing now, on the ground floor.", "Birch Court"),
        ("Dad was diagnosed at the Ashby memory clinic last year.", "Ashby"),
        ("We meet at the Broadfield Methodist church on Thursdays.", "Broadfield"),
    ],
)
def test_a_lower_case_kind_stays_outside_the_name(text, name):
    assert _extent(text, name) == name


def test_a_capitalised_kind_is_part_of_the_name():
    text = "Mum moved to Larchmont Nursing Home in the spring."
    assert covered(text, "Larchmont Nursing Home")


def test_a_faith_alone_before_its_church_is_no_place():
    assert not flagged("The dementia café is at the Baptist church on the corner.", "Baptist")


def test_the_engine_names_this_round():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
