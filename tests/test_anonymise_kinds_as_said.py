"""Identifiers written the way people say them (issue 20), through the real detector.

Each test is a kind with several phrasings, written for these tests (not taken from any
measuring set): care homes and wards as people name them, practices named after doctors or
streets, hospital abbreviations near a care word, ages in a phrase, Welsh street words, names in
sign-offs and lists, NHS numbers with odd gaps, phone numbers read out. And the reverse: job
titles, Welsh words, acronyms that are not places, numbers that fail the NHS check.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered

from nlp.anonymise import detect


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her bed on Ward Alaw was by the window.", "Ward Alaw"),
        ("They kept him on Ward Cefni for a fortnight.", "Ward Cefni"),
        ("I visited Ward Erddig every evening.", "Ward Erddig"),
        ("Mam was on Ward Dewi Sant over Christmas.", "Ward Dewi Sant"),
        ("Dad was moved onto ward Llinos at midnight.", "ward Llinos"),
    ],
)
def test_wards_named_after_the_word_ward(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We are with Dr Varghese and Partners in town.", "Varghese and Partners"),
        ("I phoned Dr Kowalczyk & Partners three times.", "Kowalczyk & Partners"),
        ("Drs Bhatti and Ferris were always helpful.", "Bhatti and Ferris"),
        ("She is registered at Pont-y-Clun Surgery.", "Pont-y-Clun Surgery"),
        ("Our practice, Hollinwood Medical Group, closed its list.", "Hollinwood Medical Group"),
        ("I go to Caerau Lane Health Centre for bloods.", "Caerau Lane Health Centre"),
        ("The dentist at Tanners Row Dental Care pulled the tooth.", "Tanners Row Dental Care"),
        ("Aberdaron Family Practice sent a text.", "Aberdaron Family Practice"),
    ],
)
def test_practices_named_after_people_or_streets(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He was admitted to the WRH after the fall.", "WRH"),
        ("The ambulance took us to the NCGH and we waited in A&E for hours.", "NCGH"),
        ("Mum had her scan at the PRUH and the consultant was kind.", "PRUH"),
        ("The ward sister at the SMH never called back.", "SMH"),
    ],
)
def test_hospital_abbreviations_after_the_near_care_words(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "We complained to the CQC and the PALS team about the ward.",
        "The DVLA took my licence after the stroke; the GP agreed.",
        "Staff on the MDT and the SALT team were lovely to Dad in hospital.",
        "The BBC ran a piece about the hospital.",
        "He was kept in the HDU then the ward.",
    ],
)
def test_acronyms_that_are_not_places_stay(text):
    assert not [f for f in detect(text) if f.label == "CARE_SETTING"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our son is 20 months old and was seen within the hour.", "20"),
        ("A woman of 84 left on a trolley all night.", "84"),
        ("They treated a lady of ninety like a nuisance.", "ninety"),
        ("For a gentleman of 91 he was very patient.", "91"),
        ("My baby, just 6 weeks old, was admitted.", "6"),
    ],
)
def test_ages_inside_a_phrase(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mam lives at 12 Cilgant y Bryn on her own.", "12 Cilgant y Bryn"),
        ("Send it to 4 Stryd y Castell please.", "4 Stryd y Castell"),
        ("Our address is 27 Heol Glyndwr.", "27 Heol Glyndwr"),
        ("The ambulance went to Rhodfa'r Orsaf by mistake.", "Rhodfa'r Orsaf"),
        ("It is the third house on Lôn Ganol, near the chapel.", "Lôn Ganol"),
        ("Please write to The Old Bakery on Quay Street.", "The Old Bakery"),
    ],
)
def test_welsh_street_words_and_house_names(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Please pass this on to the ward.\n\nThanks,\nEilidh", "Eilidh"),
        ("I hope this helps others.\n\nRegards,\nTariq Mahmood", "Tariq Mahmood"),
        ("Sorry it's so long.\nKind regards\nOlwen\nSent from my iPhone", "Olwen"),
        ("That's all I wanted to say. Many thanks, Ruaridh", "Ruaridh"),
        ("Best wishes,\nGwenllian", "Gwenllian"),
    ],
)
def test_names_in_sign_offs(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The nurse becca or bekki, not sure which, was lovely.", "bekki"),
        ("Staff nurse Shona and Morven looked after her.", "Morven"),
    ],
)
def test_names_joined_to_a_name(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "The consultant anaesthetist explained everything.",
        "The Occupational Therapist visited on day three.",
        "A Discharge Coordinator rang us.",
        "Mae hi'n braf iawn heddiw, diolch.",
        "The registrar radiologist and the physiotherapist agreed.",
    ],
)
def test_job_titles_and_welsh_words_are_not_names(text):
    assert not [f for f in detect(text) if f.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My NHS number is 943  476  5919.", "943  476  5919"),
        ("NHS no 943 4765 919 on the letter", "943 4765 919"),
        ("number 943476 5919 is mine", "943476 5919"),
        ("ref 943-476 5919 please", "943-476 5919"),
    ],
)
def test_nhs_numbers_with_odd_gaps(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        # Wrong check digit and no NHS cue (after the cue it is caught as written: see
        # tests/test_anonymise_unseen_kinds.py).
        "The code on the box was 943  476  5918.",
        "We waited 123  456  7890 minutes, or so it felt.",
    ],
)
def test_odd_gaps_without_a_valid_check_digit_stay(text):
    assert not [f for f in detect(text) if f.label == "NHS_NUMBER"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "ring me on oh seven seven double oh nine double oh one two three",
            "oh seven seven double oh nine double oh one two three",
        ),
        (
            "Her number is zero one one three, four nine six, oh double one two.",
            "zero one one three, four nine six, oh double one two",
        ),
        (
            "text oh double seven double oh nine oh oh four five six please",
            "oh double seven double oh nine oh oh four five six",
        ),
    ],
)
def test_phone_numbers_read_out_in_words(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "We waited one two three hours, I lost count.",
        "She took two tablets, then one, then two again.",
    ],
)
def test_counting_in_words_is_no_phone(text):
    assert not [f for f in detect(text) if f.label == "PHONE"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I'm from SPLOTT and proud of it.", "SPLOTT"),
        ("i'm from llanrumney originally", "llanrumney"),
    ],
)
def test_places_in_capitals_or_lower_case_after_from(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "XXXX was working hard to support us. Thank you XXXX",
        "The nurse xxx was extremely considerate.",
        "Best ward I’ve been on, and the ward I'm on now is good too.",
        "The baby was born at 29.5 weeks old by section.",
        "Dad went to Boots for his tablets.",
        "We moved to The Netherlands when I retired.",
    ],
)
def test_redaction_marks_pronouns_and_shops_stay(text):
    assert not [f for f in detect(text) if f.label in ("PERSON", "CARE_SETTING", "AGE")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My dad (79) waited nine hours.", "79"),
        ("Her husband (82) was on the floor.", "82"),
        ("Bill, 82, was left on a trolley.", "82"),
        ("At 19 I was diagnosed with Crohn's.", "19"),
        ("at 23 she became a carer for her mum", "23"),
    ],
)
def test_ages_after_relatives_between_commas_and_at(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, 12, patients were moved.",
        "at 3 I was told to wait in the car.",
        "We have been married 52 years.",
    ],
)
def test_weekdays_and_clock_times_are_no_ages(text):
    assert not [f for f in detect(text) if f.label == "AGE"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("Bill, 82, was left on a trolley.", "Bill"), ("Rose, 90, who lives alone, fell.", "Rose")],
)
def test_everyday_word_names_beside_an_age(text, name):
    assert (name, "PERSON") in {(text[f.start : f.end], f.label) for f in detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A lad from Sale Moor helped us onto the bus.", "Sale Moor"),
        ("we live in moss side near the park", "moss side"),
    ],
)
def test_listed_place_with_a_district_word_after_it(text, value):
    assert (value, "LOCATION") in {(text[f.start : f.end], f.label) for f in detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the doctor was lovely. thanks, eilidh", "eilidh"),
        ("A nurse called becca looked after us.", "becca"),
        ("There was a carer named shaz who sang to her.", "shaz"),
    ],
)
def test_lower_case_names_after_a_sign_off_or_called(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "A clinic called cardiology rang me.",
        "Then I called reception again.",
        "the doctor was lovely. thanks, everyone",
        "Thanks again to the Ward Team",
    ],
)
def test_called_and_thanks_without_a_name(text):
    assert not [f for f in detect(text) if f.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mum was on ward alaw for a week and the nurses were lovely", "ward alaw"),
        ("we are with dr varghese and partners and they never answer", "varghese and partners"),
        ("SHE WAS ON WARD CEFNI AND DR KHAN AND PARTNERS NEVER RANG", "KHAN AND PARTNERS"),
        ("mam lives at 12 heol y bont on her own", "12 heol y bont"),
    ],
)
def test_the_same_kinds_typed_in_lower_case_or_capitals(text, value):
    assert covered(text, value)


def test_ward_words_typed_in_lower_case_stay():
    text = "the ward staff were great and the ward round was late, ward manager lovely"
    assert detect(text) == []


@pytest.mark.parametrize("tail", ["96012", "96045", "96078", "96099"])
def test_phone_numbers_with_odd_gaps_are_never_nhs_numbers(tail):
    text = f"ring me on 01632 {tail} after six"
    assert not [f for f in detect(text) if f.label == "NHS_NUMBER"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Year of birth: 1947. Lives alone.", "1947"),
        ("YOB 1952, female, carer.", "1952"),
        ("I'm a 1961 baby and never been in hospital.", "1961"),
    ],
)
def test_a_bare_year_of_birth(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text", ["We are a 1950s family.", "The 1948 founding of the NHS was a good thing."]
)
def test_eras_and_history_years_are_no_birth_years(text):
    assert not [f for f in detect(text) if f.label == "DATE_OF_BIRTH"]
