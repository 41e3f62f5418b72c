"""Kinds found general in the thirty-ninth round (issue 20): births told in a story's words,
people introduced with a note in brackets, settings and districts named by their units and
teams, and the smaller shapes a month of every channel showed.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay unmarked (or marked as before).
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION, detect


def _values(text: str) -> set[str]:
    return {text[f.start : f.end] for f in detect(text)}


def test_engine_name_is_round_40():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"


# --- births told in a story's words ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a month in lower case and a bare two-digit year
        ("Grandad was born in march 47 above the butcher's shop.", "march 47"),
        ("my nan was born in sept 39 and still does the crossword", "sept 39"),
        # a season of a year
        ("Mum was born in the winter of 1946 when the snow was deep.", "winter of 1946"),
        ("I was born in the late spring of '58 in a caravan.", "late spring of '58"),
        # how the birth went between the cue and the date
        ("Our lad was born six weeks early in Feb 2017 and was tiny.", "Feb 2017"),
        ("She was born at 29 weeks on 4 October 2020 and is thriving now.", "4 October 2020"),
        ("He was born by emergency c-section on 12 June 2019.", "12 June 2019"),
        # a day and month after the place of birth
        ("Our son Alfie was born at Rosie Hospital on 9th March at 22:10.", "9th March"),
        # another verb of birth
        ("The baby arrived on 14 August 2022 after a two-day labour.", "14 August 2022"),
        ("Our twins came on 3 May 2018, seven weeks before their due date.", "3 May 2018"),
        ("I had my daughter Isla at Wythenshawe on 30 November, a week late.", "30 November"),
        ("She gave birth to our son on 1 January 2020 in the birth pool.", "1 January 2020"),
        ("Our girl arrived three weeks early on 6 July 2016.", "6 July 2016"),
        # a date set beside "a ... baby"
        ("Dad is a Millennium Eve baby, 31 Dec 1999, and never lets us forget it.", "31 Dec 1999"),
        ("Nana was a war baby (1941) and grew up in Salford.", "1941"),
        # the cue with "'s"
        ("His DOB's 4 Sep 1929, the home has it wrong.", "4 Sep 1929"),
        ("Her date of birth's 11/02/1950 on every letter.", "11/02/1950"),
    ],
)
def test_births_told_in_story_words_are_dates_of_birth(text, value):
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value", "nth"),
    [
        # a birth date corrected or hedged just after it
        ("The clinic letter had his dob as 3/9/41 instead of 3/9/44.", "3/9/44", 0),
        ("DOB 12/12/1950, not 12/12/1956 as the ward wrote.", "12/12/1956", 0),
        ("She says she was born in 1933 or 1934, nobody kept papers.", "1934", 0),
        ("Told us he was born '62 or 63, from Wigan.", "63", 0),
    ],
)
def test_a_corrected_or_hedged_birth_date_is_a_birth_date_too(text, value, nth):
    assert covering_label(text, value, nth) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an event's date stays an event's
        ("We arrived on 14 August 2022 at the clinic for the scan.", "14 August 2022"),
        ("My son arrived on 3 May 2021 to stay with me for a fortnight.", "3 May 2021"),
        ("The parcel was delivered on 4 June 2020 to the wrong house.", "4 June 2020"),
        ("I had my son at Derriford on 3 May 2019 for his injections.", "3 May 2019"),
        ("The baby arrived on the ward on 7 March 2021 from theatre.", "7 March 2021"),
        ("I went into labour in the summer of 2019 and it was hot.", "summer of 2019"),
        ("She was born in 1950, not admitted until 2023.", "2023"),
        ("My DOB is 2/2/1960 and I was seen on 3/3/2020 instead of 5/3/2020.", "5/3/2020"),
        ("It was a hard year with a new baby, 2020 was rough on us all.", "2020"),
        ("The baby was born weighing 3 kg after 12 hours in labour.", "12"),
    ],
)
def test_event_dates_near_births_stay_event_dates(text, value):
    assert covering_label(text, value) != "DATE_OF_BIRTH"


def test_calendar_occasions_are_no_people():
    text = "He is a Leap Year baby and we always go out on Boxing Day and Bank Holiday Monday."
    for value in ("Leap Year", "Boxing Day", "Bank Holiday"):
        assert covering_label(text, value) != "PERSON"


def test_a_person_named_like_a_time_is_still_found_after_a_title():
    assert covering_label("Mrs Easter rang the ward twice.", "Easter") == "PERSON"


# --- people introduced with a note in brackets ------------------------------------------------


def test_a_short_form_in_brackets_is_a_person_everywhere():
    text = (
        "I am writing for Rosalind Penhaligon (known as RP), who is 34. RP asked me to write. "
        "The dentist said hello to RP and she smiled."
    )
    people = [f for f in detect(text) if f.label == "PERSON" and text[f.start : f.end] == "RP"]
    assert len(people) == 3


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My husband Tomasz (Tom to everyone) had the stroke in May.", "Tom"),
        ("Her brother Frederick (aka Freddie) brought the forms in.", "Freddie"),
    ],
)
def test_aliases_in_brackets_are_people(text, value):
    assert covering_label(text, value) == "PERSON"


def test_an_alias_after_a_setting_is_no_person():
    text = "She was at the General Infirmary (known as the GI) for a week."
    assert covering_label(text, "GI") != "PERSON"


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Sky (non-binary, 17) told us the clinic misgendered them.", "Sky", "PERSON"),
        ("Sky (non-binary, 17) told us the clinic misgendered them.", "17", "AGE"),
        ('Also at the camp: "Dazza" (male, 40s?) with a bad leg.', "Dazza", "PERSON"),
        ("Aoife & Ciara (twins, 7) drew the nurses a card.", "7", "AGE"),
    ],
)
def test_people_described_in_brackets(text, value, label):
    assert covering_label(text, value) == label


def test_a_ward_described_in_brackets_gives_no_age():
    text = "We were on the Rowan (female, 24 beds) ward for a month."
    assert covering_label(text, "24") != "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Client: KOWALCZYK, Agnieszka (51), rough sleeping since March.", "KOWALCZYK, Agnieszka"),
        ("Patient name (SURNAME, Forename): TRAN, Van Minh", "TRAN, Van Minh"),
    ],
)
def test_surname_first_after_a_persons_field(text, value):
    assert covering_label(text, value) == "PERSON"


def test_a_field_word_in_a_label_is_no_person():
    text = "Patient name (SURNAME, Forename): TRAN, Van Minh"
    assert not flagged(text, "Forename")


def test_a_field_with_everyday_capitals_is_no_surname():
    assert not flagged("Name: URGENT, Please call the ward back", "URGENT")


def test_hyphenated_given_names_are_one_name():
    assert covering_label("Her cousin Lee Seo-yeon (in Busan) phones every week.", "Lee Seo-yeon")
    assert covering_label("I care for my wife Hye-jin since her stroke.", "Hye-jin")


def test_suffixes_after_a_name_stay_words():
    text = "The new rota is very Patel-led and Dr Jones-run clinics overrun."
    assert not flagged(text, "led")
    assert not flagged(text, "run clinics")


def test_a_nickname_word_before_a_found_name_is_part_of_it():
    text = "Big Gary Holroyd said he would not see the nurse."
    assert covering_label(text, "Big Gary Holroyd") == "PERSON"


def test_a_groups_name_is_not_widened_as_a_nickname():
    assert not flagged("We loved Tiny Tumblers at the library on Fridays.", "Tiny")


def test_a_size_word_before_a_shop_stays_outside():
    assert not flagged("We queued at the big Marks and Spencer in town.", "big")


def test_a_lower_case_name_on_the_last_line_after_thanks():
    text = "we cant get a dentist anywhere near Arbroath and she is in pain.\n\nthanks\nmags"
    assert covering_label(text, "mags") == "PERSON"


def test_a_lower_case_everyday_word_after_thanks_is_no_name():
    text = "We waited all night at the hospital and nobody came to help us.\n\nthanks\nagain"
    assert not flagged(text, "again")


# --- settings named by their units, and districts by their teams ------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("After the overdose I was moved to Juniper PICU for a week.", "Juniper PICU"),
        ("Then they took us to the Lavender Delivery Suite at 2am.", "Lavender Delivery Suite"),
        ("The crew took him to RVI ED by ambulance.", "RVI"),
        ("He was rushed to MRI ED after the fall in the street.", "MRI"),
        ("She had our baby at the Royal Bolton in 2011.", "Royal Bolton"),
    ],
)
def test_named_units_and_hospitals(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was on the Paediatric ICU and then on the Neonatal ICU.", "ICU"),
        ("Then PICU rang to say she was settled.", "PICU"),
        ("The Delivery Suite was busy that night.", "Delivery Suite"),
        ("He had an MRI scan and then an MRI in ED later.", "MRI"),
        ("She was referred to CAMHS ED and the CAMHS ED team.", "CAMHS"),
        ("My son works for the Royal Mail in the sorting office.", "Mail"),
    ],
)
def test_generic_units_and_bodies_stay_unmarked(text, value):
    assert covering_label(text, value) != "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our worker Dean from the Hall Green community team rang.", "Hall Green"),
        ("The carers' group in High Fell meets on Tuesdays.", "High Fell"),
        ("We live in Newport Ferry now and the buses are poor.", "Newport Ferry"),
    ],
)
def test_districts_by_team_or_tail(text, value):
    assert covering_label(text, value) == "LOCATION"


def test_a_team_without_a_district_stays_unmarked():
    text = "The Community Team and the Home Treatment Team both rang."
    assert not flagged(text, "Community Team")
    assert not flagged(text, "Home Treatment")


def test_a_fell_that_is_a_fall_stays_a_word():
    assert not flagged("She fell down the stairs at the home twice.", "fell")


# --- addresses, references and e-mails --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Send it to Flat C, 8 Mill Over Road, Preston please.", "Flat C, 8 Mill Over Road"),
        ("Mum lives at 41 Whalley Range now.", "41 Whalley Range"),
        ("His house is 6 Crag Brow, above the chapel.", "6 Crag Brow"),
    ],
)
def test_streets_with_everyday_words_and_rarer_kinds(text, value):
    assert covering_label(text, value) == "ADDRESS"


def test_words_of_distance_are_no_street():
    text = "It was 3 down the road and we waited 10 hours on the ward."
    assert not flagged(text, "3 down")


def test_a_systems_id_after_its_name_is_a_reference():
    text = "Seen at the hostel. LAS ID 48213907. No GP."
    assert covering_label(text, "48213907") == "OTHER_ID"


def test_a_count_after_id_is_no_reference():
    assert not flagged("Bring Photo ID 2 forms of it to the desk.", "2")


@pytest.mark.parametrize(
    "value",
    ["appointments@north-cumbria-ent.nhs.example", "jo.wright @ nhs.net"],
)
def test_emails_with_two_top_level_names(value):
    text = f"Please write to {value} for the letter."
    assert covering_label(text, value) == "EMAIL"


def test_a_lower_case_school_after_a_small_word():
    text = "im 12 and i go to brackenmoor academy in sheffield after tea i help my dad"
    assert covering_label(text, "brackenmoor academy") == "LOCATION"


def test_a_lower_case_everyday_school_stays_unmarked():
    assert not flagged("she goes to the local academy near us", "local academy")


def test_a_dental_brand_with_its_last_word():
    text = "No dentist will take us, not even Harbour Smile Studio for her tooth."
    assert covering_label(text, "Harbour Smile Studio") == "CARE_SETTING"


def test_a_short_name_ending_a_sentence_repeats_without_its_stop():
    text = "The best was Sister Vi. (Vi is retired now, sadly.) Give me a vi to think."
    people = [text[f.start : f.end] for f in detect(text) if f.label == "PERSON"]
    assert people == ["Vi", "Vi"]


def test_a_ward_code_stayed_on_and_its_doubt():
    text = "dad was on F3 (or maybe F4) for a week after the fall, the nurses were kind."
    assert covering_label(text, "F3") == "CARE_SETTING"
    assert covering_label(text, "F4") == "CARE_SETTING"


def test_a_ward_code_far_from_the_care_word_in_a_short_message():
    text = (
        "hi, dad dischargd from the General on friday with the wrong tablets, i only found "
        "out at tea time. he was on G4 i think. please look into it"
    )
    assert covering_label(text, "G4") == "CARE_SETTING"


def test_a_product_stayed_on_is_no_ward():
    text = "After the hospital he was on C2 cream for weeks and on N8 bus to get there."
    assert not flagged(text, "C2")
    assert not flagged(text, "N8")


def test_a_road_or_vitamin_code_stayed_on_is_no_ward():
    text = "He was on D3 tablets and we were on A1 for an hour to reach the hospital."
    assert covering_label(text, "D3") != "CARE_SETTING"
    assert covering_label(text, "A1") != "CARE_SETTING"
