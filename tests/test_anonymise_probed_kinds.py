"""Kinds the context probes found (issue 20, twenty-second session): holes no writer's set
showed, found by crossing our own contexts with identifiers from our own lists
(benchmarks/anonymisation_probes.py).

- a listed one-word hospital name that is part of a person's name: after a personal title
  ("Mrs Freeman", "Dr Churchill") or a first name before a surname ("my cousin Rosie Smith");
- a listed hospital's name with "'s" ("Glan Clwyd's car park", "Barnet General's A&E");
- a whole date said first and named a date of birth after it ("12/03/1941 is her date of
  birth");
- a listed place named with "'s" ("Bullen's Green") or holding a saint ("St John's Wood",
  "Wisbech St Mary").

Every sentence was written for this file, and each kind has look-alikes of its shape that must
stay as they are: the hospital said as a hospital, a person's possession that is no place, an
event's date near the words "date of birth".
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged, labelled

from nlp.anonymise import ENGINE_VERSION, detect

# --- a listed hospital name that is part of a person's name ----------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mrs Freeman was the only one who listened to us.", "Freeman"),
        ("Dr Churchill saw Dad at ten and explained the scan.", "Churchill"),
        ("Sister Christie let us stay past visiting time.", "Christie"),
        ("Mr. Salisbury rang back the same afternoon.", "Salisbury"),
        ("WE WAITED FOR DR CHURCHILL ALL DAY", "CHURCHILL"),
        ("nurse heath was lovely with my nan", "heath"),
        ("Consultant: Mrs Freeman\nClinic: Thursdays", "Freeman"),
        ("My cousin Rosie Smith drove me to the appointment.", "Rosie Smith"),
        ("Freeman Baker sat with Mum until the ambulance came.", "Freeman Baker"),
        ("Rosie Smith's kindness got us through that week.", "Rosie Smith"),
        ("my mum was looked after by rosie mohamed on the ward", "rosie mohamed"),
    ],
)
def test_a_hospital_name_in_a_persons_name_is_the_person(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They took him to the Freeman in the middle of the night.", "the Freeman"),
        ("She had her operation at Churchill Hospital last spring.", "Churchill Hospital"),
        ("The midwives at the Rosie were wonderful.", "the Rosie"),
        ("Seen at Freeman Hospital in May.", "Freeman Hospital"),
        ("My sister works nights at Freeman now.", "Freeman"),
    ],
)
def test_the_hospital_said_as_a_hospital_stays_a_care_setting(text, value):
    assert "CARE_SETTING" in labelled(text, value)


def test_a_hospital_name_before_a_street_word_is_no_surname():
    text = "The bus stops on Kingston Road outside the shop."
    assert covering_label(text, "Kingston") != "PERSON"


# --- a listed hospital's name with "'s" ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Glan Clwyd's car park is full by nine every morning.", "Glan Clwyd"),
        ("Barnet General's A&E had no chairs left.", "Barnet General"),
        ("We queued at Northampton General's front desk for an hour.", "Northampton General"),
        ("Royal Berkshire's discharge lounge is freezing.", "Royal Berkshire"),
    ],
)
def test_a_listed_hospital_with_s_is_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


def test_the_s_of_a_hospital_stays_outside_its_finding():
    text = "He spent a week at Torbay Hospital's stroke unit."
    found = [f for f in detect(text) if f.label == "CARE_SETTING"]
    assert [text[f.start : f.end] for f in found] == ["Torbay Hospital"]


def test_a_listed_name_ending_in_s_still_takes_its_kind_word():
    text = "She was moved to Noah's Ark Children's Hospital overnight."
    assert covered(text, "Noah's Ark Children's Hospital")


# --- a date said first, named a date of birth after it ---------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14/07/1952 is her date of birth, not the one on the letter.", "14/07/1952"),
        ("3rd October 1947 was Grandad's DOB.", "3rd October 1947"),
        ("They had 1988-02-09 (date of birth) on the wrong line.", "1988-02-09"),
        ("9 Nov 44 is my date of birth.", "9 Nov 44"),
        ("April 2, 1960 was his date of birth.", "April 2, 1960"),
    ],
)
def test_a_date_named_a_date_of_birth_after_it_is_one(text, value):
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On 4 June 2022 her date of birth was checked twice.", "4 June 2022"),
        ("12 May 2021 was her birthday and nobody came.", "12 May 2021"),
    ],
)
def test_an_events_date_near_birth_words_is_no_date_of_birth(text, value):
    assert "DATE_OF_BIRTH" not in labelled(text, value)


# --- a listed place named with "'s" or holding a saint ---------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We moved to Bullen's Green after Dad's fall.", "Bullen's Green"),
        ("A woman from Maynard's Green waited all night.", "Maynard's Green"),
        ("THE BUS FROM BULLEN'S GREEN NEVER COMES", "BULLEN'S GREEN"),
        ("My sister in St John's Wood has him at weekends.", "St John's Wood"),
        ("They cover March, Wisbech St Mary and the villages round.", "Wisbech St Mary"),
    ],
)
def test_a_listed_place_with_s_or_a_saint_is_covered_whole(text, value):
    assert covered(text, value)


def test_a_persons_possession_in_lower_case_is_no_place():
    text = "Mr Bullen's green jumper was on the chair."
    assert not flagged(text, "green jumper")


def test_a_saints_hospital_alone_stays_a_care_setting():
    text = "She was in St Mary's for a week after the fall."
    assert covering_label(text, "St Mary's") == "CARE_SETTING"


def test_the_engine_names_the_probed_kinds():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
