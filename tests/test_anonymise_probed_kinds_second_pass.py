"""Kinds the second pass of the context probes found (issue 20, twenty-second session):
benchmarks/anonymisation_probes.py now also crosses addresses, hurried e-mails, phone, NHS and
NI numbers in odd groupings, organisations' references, ages with their years, wards and
practices with its contexts.

- an age with its years written onto it ("aged 88yrs", "my dad (79 years)") or between commas
  after a relative ("My husband, 79yrs, has dementia");
- an NHS number grouped with dots and no cue ("978.392.9968"), passing its check digit;
- a day, a month and a two-figure year after a birth cue in Welsh ("Dyddiad geni: 5 Jul 36",
  "ganwyd 3 Ebrill 52"), the year kept with the date as the English cue's rule keeps it;
- a capitalised tree or flower before a lower-case "ward" at a sentence's start or with "'s"
  ("Alder ward was brilliant", "Elm ward's nurses");
- a named house and its street typed in one case after "at", "to" or "address" ("we live at
  hazel cottage, weis road", "AT THE OLD VICARAGE, CEDAR DRIVE");
- a capital "A" opening a reference of six figures or more after its cue ("hosp no A 58 85
  01"), read as the system's letter rather than the article;
- a letter or two and six figures in groups with no cue ("H123 456"): offered on the check page,
  never redacted.

Every sentence was written for this file, and each kind has look-alikes of its shape that must
stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.review.check_hints import review_hints

# --- an age with its years, or between commas after a relative -------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Age: 91yrs\nLives: alone", "91"),
        ("Our nan, aged 87yrs, was left on a trolley.", "87"),
        ("she's 76yr and still drives to the shops", "76"),
        ("My grandad (84yrs) was sent home at midnight.", "84"),
        ("my mum (93 years) waited four hours for a bed", "93"),
        ("My wife, 68yrs, has had two falls this month.", "68"),
        ("Her dad, eighty three years, lives on his own.", "eighty three"),
        ("My brother, 57, has epilepsy and was not believed.", "57"),
    ],
)
def test_an_age_with_its_years_is_found(text, value):
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I waited 3yrs for the operation.", "3yrs"),
        ("The bathroom was refitted (12 years) ago by the council.", "12"),
        ("We saw Mum, 14 miles from home, in a ward she did not know.", "14"),
        ("My husband, 2 doctors and a nurse were in the room.", "2"),
    ],
)
def test_a_count_of_years_or_things_is_no_age(text, value):
    assert not flagged(text, value)


# --- an NHS number grouped with dots ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Contact: 943.476.5919\nBest time: mornings",
        "my details are 401.023.2137 if that helps",
    ],
)
def test_an_nhs_number_grouped_with_dots_is_found(text):
    number = text.split()[1] if text.startswith("Contact") else "401.023.2137"
    assert covering_label(text, number) == "NHS_NUMBER"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The software was version 943.476.5918 on the old tablet.", "943.476.5918"),
        ("The address is 192.168.100.4 on the ward's network.", "192.168.100.4"),
        ("Sales were 1.234.567 units last year.", "1.234.567"),
    ],
)
def test_dotted_numbers_failing_the_check_are_left(text, value):
    assert not flagged(text, value)


# --- a two-figure year after a Welsh birth cue ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dyddiad geni: 9 Aug 47, as on the form.", "9 Aug 47"),
        ("Dyddiad geni 22 Tachwedd 38 - she lives in Bangor now.", "22 Tachwedd 38"),
        ("Cafodd ei ganwyd 3 Ebrill 52, and has always lived here.", "3 Ebrill 52"),
    ],
)
def test_a_two_figure_year_after_a_welsh_birth_cue_stays_with_its_date(text, value):
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dyddiad geni: 9 Aug 12:15 was when the letter came.", "12:15"),
        ("Dyddiad geni 22 Nov 10am is written on the card.", "10am"),
        ("Dyddiad geni: 9 Aug 40 mins late and no apology.", "40 mins"),
    ],
)
def test_a_clock_or_a_count_after_the_day_and_month_is_no_year(text, value):
    assert not flagged(text, value)


# --- a tree or flower before a lower-case "ward" ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Maple ward was spotless and calm every visit.", "Maple ward"),
        ("Juniper ward's night staff could not do enough.", "Juniper ward"),
        ("Thanks to everyone on oak ward's day room team.", "oak ward"),
    ],
)
def test_a_plant_named_ward_opening_a_sentence_or_owning_is_found(text, value):
    assert covered(text, value)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Holly Ward said she would ring us back.", "Holly Ward"),
        ("HOLLY WARD SAID SHE WOULD RING", "HOLLY WARD"),
    ],
)
def test_a_person_called_ward_stays_a_person(text, value):
    assert covering_label(text, value) == "PERSON"


def test_a_tree_with_an_apostrophe_and_no_ward_stays():
    assert not flagged("The oak tree's leaves covered the car park.", "oak")


# --- a named house and its street in one case ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mum lives at bramble cottage, ferris lane on her own", "bramble cottage, ferris lane"),
        ("post it to the old rectory, kiln road please", "the old rectory, kiln road"),
        ("SEND IT TO ASHDOWN FARM, PENNY LANE", "ASHDOWN FARM, PENNY LANE"),
        ("address: millbrook lodge, quarry close", "millbrook lodge, quarry close"),
    ],
)
def test_a_named_house_and_its_street_in_one_case_is_an_address(text, value):
    assert covering_label(text, value) == "ADDRESS"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we went back to gran's house, kiln road was closed", "gran's house, kiln road"),
        ("we stayed at a holiday cottage, the lane was flooded", "holiday cottage"),
        ("they drove to my cottage, then up the hill road", "my cottage"),
        ("we walked to the farm, past the mill lane shops", "the farm"),
    ],
)
def test_a_house_said_in_passing_is_no_address(text, value):
    assert not flagged(text, value)


# --- a capital "A" opening a cued reference --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Form: hosp no A 31 07 64\nSeen: Tuesday", "A 31 07 64"),
        ("Her MRN A 4410 972 was on the wristband.", "A 4410 972"),
    ],
)
def test_a_capital_a_opening_a_cued_reference_is_part_of_it(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The complaint ref A 12 week wait was never answered.", "A 12"),
        ("Case no a 2 page letter arrived on Friday.", "a 2"),
    ],
)
def test_an_article_before_a_short_count_stays_out_of_a_reference(text, value):
    assert not flagged(text, value)


# --- a lettered reference with no cue: a hint, never a finding --------------------------------


def offered(text: str) -> dict[str, str]:
    return {h.text: h.label for h in review_hints(text, []) if h.kind == "nearby"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They wrote J417 203 on the top of the letter.", "J417 203"),
        ("the sticker said k902 118 so i rang them", "k902 118"),
        ("Please quote B 44 19 07 when you ring.", "B 44 19 07"),
        ("Mum's card had HN510 332 in the corner.", "HN510 332"),
    ],
)
def test_a_lettered_reference_without_a_cue_is_offered(text, value):
    assert offered(text).get(value) == "OTHER_ID"
    assert not flagged(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Our postcode is CF10 3AT and the bus stops outside.",
        "The part was X100 200 300 according to the engineer.",
        "grid ref SU 12 34 56 78 for the car park",
        "She took 2 x 500 mg twice a day.",
    ],
)
def test_postcodes_part_numbers_and_doses_are_not_offered_as_references(text):
    assert "OTHER_ID" not in offered(text).values()


def test_engine_version_names_this_round():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
