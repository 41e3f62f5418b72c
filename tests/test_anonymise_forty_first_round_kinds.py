"""Kinds built in the forty-first round (issue 20): only kinds of miss that three or more
development sets, each by a different writer, share. Ward codes beside their hospital or with
their side of the building, districts after the people who live there, lower-case names that
run past the found first name, wards named after trees and flowers, lower-case care homes
named by two everyday words, the hospital whose initials are a scan's, and lower-case
localities after a word of living.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay unmarked (or marked as before).
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.identifiers.core.prefilter import GatedPattern

# --- ward codes beside a hospital, with a side, or between two codes --------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Grandad was sent home from UHW C9 at midnight without his tablets.", "C9"),
        ("Auntie is at Derriford E12 and wants a visit on Sunday.", "E12"),
        ("Admitted through AMU then D14, where the night staff were great.", "D14"),
        ("Bed moves: MAU2 → WD9 (frailty) then home.", "WD9"),
        ("Gran was moved to C7 East after the stroke.", "C7 East"),
        ("They shifted him from F3 to H2 South during the night shift on the ward.", "H2 South"),
        ("Dad went up to 6 West after theatre and the nurses were kind.", "6 West"),
        ("WARD 9 NORTH - the ward sister sorted his pressure mattress.", "WARD 9 NORTH"),
    ],
)
def test_ward_codes_beside_hospitals_and_sides(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a road between two codes
        ("We drove from A1 to A6 in heavy traffic to reach the hospital.", "A6"),
        # a street with its side
        ("The clinic moved to 3 North Street last spring, near the hospital.", "3 North"),
        # a vitamin after a hospital's initials
        ("At UHW B12 injections are given on Tuesdays.", "B12"),
        # a region after a side
        ("She was on a ward from North Wales to see the consultant.", "Wales"),
    ],
)
def test_roads_streets_and_vitamins_stay_no_wards(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


# --- districts after the people who live there ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Polish families in Quarry Hall often wait weeks for a dentist.", "Quarry Hall"),
        ("Young mums in Sparrow Heath told us the clinic is too far.", "Sparrow Heath"),
        ("Since March I'm in Kettle Fell with my sister and her kids.", "Kettle Fell"),
        ("The taxi from Otter Common to the surgery costs twelve pounds.", "Otter Common"),
        ("Gurkha elders in Pine Camp want a Nepali speaker at the GP.", "Pine Camp"),
    ],
)
def test_districts_after_people_in_or_a_journey_from(text, value):
    assert covering_label(text, value) == "LOCATION"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a building's hall
        ("The residents in Town Hall meetings asked about parking.", "Town Hall"),
        # a listed first name before a tail: a person
        ("Local women in Amy Green's group meet on Fridays.", "Amy Green"),
        # a street after the district
        ("Families in Cherry Hall Road had no post for a week.", "Cherry Hall"),
    ],
)
def test_halls_names_and_streets_are_no_districts(text, value):
    assert covering_label(text, value) != "LOCATION"


# --- lower-case names running past the found first name ---------------------------------------


def test_big_before_a_lower_case_first_name_is_part_of_the_nickname():
    text = "the porters were a laugh, esp big steve on nights"
    assert covering_label(text, "big steve") == "PERSON"


def test_big_before_an_everyday_noun_stays():
    assert not flagged("honestly a big thank you to all of you", "big thank")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hello my name is fiona macaskill and i want to complain", "fiona macaskill"),
        ("hiya this is gareth prytherch about my mams care", "gareth prytherch"),
    ],
)
def test_lower_case_surnames_after_a_naming_cue(text, value):
    assert covering_label(text, value) == "PERSON"


def test_a_chat_word_after_a_lower_case_name_stays_outside():
    text = "thanks so much dave lol you saved the day"
    assert not flagged(text, "lol")


# --- wards, suites and rooms named after trees and flowers ------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nan is in bed 4 rowan ward, the food is awful", "rowan ward"),
        ("They moved Dad to the bluebell room when the end was near on the ward.", "bluebell room"),
        ("Mam has been on Ward Hawthorn since Friday.", "Ward Hawthorn"),
        ("Grandad spent his last week in your Maple suite, thank you.", "Maple suite"),
    ],
)
def test_plant_named_wards(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We sat under the oak tree and had a picnic.", "oak"),
        ("Holly Ward said she would ring the council tomorrow.", "Holly Ward"),
        ("The lavender room at the hotel smelt lovely.", "lavender room"),
    ],
)
def test_plants_that_name_no_ward_stay(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


# --- lower-case care homes and hospitals named by two everyday words --------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my gran is at oak lodge care home near the coast", "oak lodge care home"),
        ("why is fern bank surgery never answering", "fern bank surgery"),
        ("they sent him to kings cross hospital first", "kings cross hospital"),
    ],
)
def test_lower_case_settings_named_by_two_words(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "she went to the local hospital and then a good care home",
        "the new health centre opens in may",
        "there is a big car park hospital shuttle",
    ],
)
def test_described_settings_are_not_named_settings(text):
    from nlp.identifiers.care_settings.lower_case_named_settings import (
        lower_case_named_settings,
    )

    assert list(lower_case_named_settings(text)) == []


# --- the hospital whose initials are a scan's -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Grandma was taken to the MRI by ambulance after her fall.", "MRI"),
        ("He did thirty years as a porter at the MRI before retiring.", "MRI"),
        ("Sent home from Ward 12, the MRI, with no care plan.", "MRI"),
    ],
)
def test_the_mri_as_a_place(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "She had an MRI on her knee last week.",
        "He is still waiting for the MRI after six weeks.",
        "We got to the MRI appointment late because of the bus.",
    ],
)
def test_the_mri_as_a_scan_stays(text):
    assert not flagged(text, "MRI")


def test_a_scan_after_the_hospital_is_not_repeated_as_the_hospital():
    text = "At the MRI they were kind. Later she had an MRI scan in the afternoon."
    assert covering_label(text, "MRI", nth=0) == "CARE_SETTING"
    assert covering_label(text, "MRI", nth=1) is None


# --- lower-case localities after a word of living ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we live levenshulme and the bus is rubbish", "levenshulme"),
        ("my sister lives on bransholme near the shops", "bransholme"),
    ],
)
def test_lower_case_localities_after_living(text, value):
    assert covering_label(text, value) == "LOCATION"


@pytest.mark.parametrize("text", ["we live on benefits now", "i live near the park"])
def test_living_before_an_english_word_stays(text):
    word = text.split()[-1]
    assert not flagged(text, word)


# --- gates -----------------------------------------------------------------------------------


def test_new_whole_text_patterns_are_gated():
    from nlp.identifiers.care_settings import (
        lower_case_named_settings,
        plant_named_wards,
        scan_named_hospitals,
        ward_code_neighbours,
    )
    from nlp.identifiers.places import lower_case_localities, people_in_districts

    for pattern in (
        ward_code_neighbours.BARE_SIDE,
        ward_code_neighbours.BETWEEN_CODES,
        people_in_districts.PEOPLE_IN,
        plant_named_wards.PLANT_THEN_WARD,
        plant_named_wards.WARD_THEN_PLANT,
        lower_case_named_settings.LOWER_NAMED,
        scan_named_hospitals.PLACE_MRI,
        lower_case_localities.LIVING_CUE,
    ):
        assert isinstance(pattern, GatedPattern)


# --- a country someone came from is no identifier ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My grandfather came over from Barbados in 1958 to work on the buses.", "Barbados"),
        ("Some of the mums fly back to Romania for their dental treatment.", "Romania"),
        ("He said he was treated better in Portugal than here.", "Portugal"),
    ],
)
def test_a_country_of_origin_or_travel_is_not_marked(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # where someone lives now
        ("Her brother lives in Canada and cannot visit until spring.", "Canada"),
        # a birthplace after its town
        ("Born Accra, Ghana, she came to Leeds in 1990.", "Accra"),
        # a district abroad stays a place
        ("Her family came from Mirpur in the sixties.", "Mirpur"),
    ],
)
def test_where_someone_lives_or_a_district_abroad_stays_marked(text, value):
    assert flagged(text, value)


# --- words of care's paperwork are no people ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("[Voicemail, left Tuesday] Hello, it's about my dad's hearing aid.", "Voicemail"),
        ("The sister said she would log it on Datix straight away.", "Datix"),
        ("Nobody gave Grandad his Sinemet for a whole afternoon.", "Sinemet"),
        ("The nurse typed it into Google Translate on her phone.", "Translate"),
        ("Dear Sirs,\nI write about my mother's discharge.", "Sirs"),
        ("He walks with a Zimmer indoors now.", "Zimmer"),
        ("Church group came round Sat and Sun.", "Sun"),
    ],
)
def test_words_of_cares_paperwork_are_no_people(text, value):
    assert covering_label(text, value) != "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mr Porter on the ward was very kind to us.", "Porter"),
        ("My classmate Sun Li helped me book the GP.", "Sun Li"),
    ],
)
def test_such_words_after_a_title_or_before_a_surname_stay_people(text, value):
    assert covering_label(text, value) == "PERSON"


def test_a_relatives_country_where_they_live_stays_marked():
    assert flagged("I send clothes to my sister, who lives in Lithuania.", "Lithuania")


# --- an age given as "at" and a number ending its clause --------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They let her walk home alone in the dark at 88", "88"),
        ("Being moved to a strange home at 96 or 97, it's cruel.", "96"),
        ("i had to move back in with my dad at 31. it's hard.", "31"),
    ],
)
def test_an_age_at_a_clauses_end(text, value):
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her oxygen sats were sitting at 88.", "88"),
        ("We were seen at 11. Not bad.", "11"),
        ("The ambulance came to the flat she lives at 42.", "42"),
    ],
)
def test_readings_times_lines_and_house_numbers_stay(text, value):
    assert covering_label(text, value) != "AGE"


def test_the_service_lines_are_no_clause_end_ages():
    from nlp.identifiers.dates_and_ages.clause_end_ages import clause_end_ages

    for text in ("thanks to my GP, to the kind voice at 111, to all", "I rang the police at 101."):
        assert list(clause_end_ages(text)) == []


# --- the international access code written apart from the country code ----------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("From Spain my son rings on 00 44 7700 900418 most days.", "00 44 7700 900418"),
        ("Office line abroad: 00 44 161 496 0733.", "00 44 161 496 0733"),
    ],
)
def test_an_access_code_apart_from_the_country_code_is_a_phone(text, value):
    assert covering_label(text, value) == "PHONE"


def test_two_short_numbers_are_no_phone():
    assert not flagged("The team won 00 44 in the quiz", "00 44")
