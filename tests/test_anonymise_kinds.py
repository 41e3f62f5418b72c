"""Identifiers of the kinds people actually write, through the real detector (spaCy+Presidio).

Each case is a kind, not a string from a measuring set: ages in words, bracketed or inside a
phrase; references in organisations' own formats; hurried e-mail addresses; house names and
flats; postcodes with odd spacing. And the reverse: code, dates and durations stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered

from nlp.anonymise import anonymise, detect


def found(text: str) -> set[tuple[str, str]]:
    return {(text[f.start : f.end], f.label) for f in detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Grandad's ninety-three and still sharp as a tack.", "ninety-three"),
        ("im fifty six and never been treated like that", "fifty six"),
        ("My sister Agnieszka (seventy) was moved twice.", "seventy"),
        ("When our daughter (then 11) had her op the staff were kind.", "11"),
        ("I was 47 when they finally diagnosed it.", "47"),
        ("He is eighty-one years of age and lives alone.", "eighty-one"),
        ("Twelve years old and already a carer for her mum.", "Twelve"),
    ],
)
def test_ages_in_words_brackets_and_phrases(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our complaint ref is HDUHB/CX/19/2231 and nobody replied.", "HDUHB/CX/19/2231"),
        ("They gave a new number, CNC-5582-B, last week.", "CNC-5582-B"),
        ("Case 2021-ICB-4410 is still open.", "2021-ICB-4410"),
        ("His hospital number is T 339 0451.", "T 339 0451"),
        ("Unit no: KRX 004 1187", "KRX 004 1187"),
    ],
)
def test_references_in_organisations_own_formats(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("reach me on pete_r_61 @ hotmail.co.uk thanks", "pete_r_61 @ hotmail.co.uk"),
        ("Email: m.ahmed(at)outlook.com.", "m.ahmed(at)outlook.com"),
        ("write to me: kelly at btinternet dot com", "kelly at btinternet dot com"),
    ],
)
def test_hurried_email_addresses(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Please write to Ivy Cottage, Station Road, Settle.", "Ivy Cottage, Station Road"),
        ("She lives at Bryn Awel, Heol y Bont in Bala.", "Bryn Awel, Heol y Bont"),
        ("Flat 6, Dock View, 8 Ferry Road was our address.", "Flat 6, Dock View, 8 Ferry Road"),
        ("postcode is M14  5TQ and", "M14  5TQ"),
    ],
)
def test_addresses_with_house_names_and_odd_postcodes(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "The page showed alert(1) instead of my story.",
        "I looked at home for advice and rang 111 at 2am.",
        "She's one of the best nurses; the wait was 24/7 and it was covid-19 season.",
        "We went in 2019-2020 and again on 12/03/2021, for three hours each time.",
    ],
)
def test_code_dates_and_sentences_are_not_identifiers(text):
    assert found(text) == set()


def test_an_age_in_words_is_generalised_to_a_band():
    result = anonymise("My dad, who is eighty-four, waited all night.")
    assert "eighty-four" not in result.text
    assert "[AGE 80-89]" in result.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They blue-lighted him to Glangwili and then to Morriston.", "Glangwili"),
        ("Mum was in Withybush General for a week.", "Withybush General"),
        ("We were sent to the RVI, then back to the local hospital.", "RVI"),
        ("She died peacefully at St Barnabas' Hospice.", "St Barnabas' Hospice"),
        ("THEY MOVED HIM TO ST ANNE AT MIDNIGHT", "ST ANNE"),
        ("honestly the staff at the royal were so kind", "royal"),
        ("He spent a month in Ysbyty Maelor last year.", "Ysbyty Maelor"),
        ("I was put on Ward D7 overnight, then OPD 2 in the morning.", "Ward D7"),
        ("I was put on Ward D7 overnight, then OPD 2 in the morning.", "OPD 2"),
    ],
)
def test_care_settings_named_the_way_people_say_them(text, value):
    assert covered(text, value)


def test_a_welsh_hospital_name_is_a_care_setting_not_a_person():
    text = "My aunt was admitted to Ysbyty Glan Clwyd on Tuesday."
    labels = {text[f.start : f.end]: f.label for f in detect(text)}
    assert labels == {"Ysbyty Glan Clwyd": "CARE_SETTING"}


@pytest.mark.parametrize(
    "text",
    [
        "you guys at the general practice were brilliant, thank you",
        "I went to the local hospital and then the ward sister rang me.",
    ],
)
def test_generic_care_words_alone_are_not_identifiers(text):
    assert found(text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was rushed to County Hospital in the night.", "County Hospital"),
        ("Thanks to all at Dr Malik's surgery for the help.", "Dr Malik's surgery"),
        ("We see Dr Obi at the Beech practice now.", "Beech practice"),
        ("Reception at Hollins Dental was rude.", "Hollins Dental"),
    ],
)
def test_generic_names_and_practices_named_after_people_or_places(text, value):
    assert covered(text, value)


def test_departments_are_not_people():
    assert found("I went to the Cardiology ward and then the Maternity unit.") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hughes, the sister in charge, was lovely.", "Hughes"),
        ("Nguyen said she would ring back.", "Nguyen"),
        ("Consultant: Mbeki. Staff nurse: Ellie.", "Mbeki"),
        ("To be fair Dr Lloyd-Jones is thorough.", "Lloyd-Jones"),
    ],
)
def test_surnames_at_sentence_start_after_a_colon_or_double_barrelled(text, value):
    assert (value, "PERSON") in found(text)


def test_everyday_words_opening_a_sentence_are_not_surnames():
    assert found("Everything was fine. Baker was the best of the bunch.") == set()


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # A capital "The" is part of the house's name as written (fifth round, issue 20).
        ("Nan moved into The Laurels in the spring.", "The Laurels", "CARE_SETTING"),
        ("The home is called Foxgloves and it is fine.", "Foxgloves", "CARE_SETTING"),
        # a name without a word of its kind keeps its "the" (widened_names.py, tenth round)
        ("My surgery, the Hollies, is awful.", "the Hollies", "CARE_SETTING"),
        ("\u201cTegid,\u201d she said, \u201csit down.\u201d", "Tegid", "PERSON"),
        ("Mum (1931\u20132023) loved that garden.", "1931", "DATE_OF_BIRTH"),
        ("Grandad (b.1940) still drives.", "1940", "DATE_OF_BIRTH"),
        ("email jo.smith@gmail,com please", "jo.smith@gmail,com", "EMAIL"),
    ],
)
def test_house_named_homes_names_in_speech_lifespans_and_sloppy_emails(text, value, label):
    assert (value, label) in found(text)


def test_a_year_range_opening_a_sentence_is_not_a_birth_year():
    assert found("Reports (2019-2020) were bad. We moved to The Netherlands.") == set()


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Send it to CF10-3NP please.", "CF10-3NP", "POSTCODE"),
        ("I live at No. 5 Moor Mount with my son.", "No. 5 Moor Mount", "ADDRESS"),
        ("She was born in '58, the year of the floods.", "'58", "DATE_OF_BIRTH"),
    ],
)
def test_postcodes_with_dashes_numbered_houses_and_short_birth_years(text, value, label):
    assert (value, label) in found(text)


def test_roads_and_vitamins_are_not_postcode_districts():
    assert found("We were stuck on the M6 for hours; I take B12 and drove the A1.") == set()


def test_an_everyday_word_from_a_hospital_name_is_not_a_care_setting_alone():
    assert found("the hope centre helped and you guys were great") == set()
    assert ("Hope Hospital", "CARE_SETTING") in found("She went to Hope Hospital.")
