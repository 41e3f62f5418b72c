"""Places by kind, through the real detector: counties, unitary authorities, Welsh principal
areas (English and Welsh names), lower-case towns after a cue; and everyday words that are also
towns ("sale", "bath", "reading", "march", "wells") left alone in ordinary use.

The sentences are written for this file, not taken from a measuring set.
"""

from __future__ import annotations

import pytest

from nlp.anonymise import detect


def places(text: str) -> set[str]:
    return {text[f.start : f.end].lower() for f in detect(text) if f.label == "LOCATION"}


def covered(text: str, value: str) -> bool:
    start = text.lower().index(value.lower())
    return any(f.start <= start and f.end >= start + len(value) for f in detect(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We moved down from North Yorkshire when Dad retired.", "North Yorkshire"),
        ("She was born in Cornwall and never left.", "Cornwall"),
        ("My aunt lives in Rhondda Cynon Taf, near the old pit.", "Rhondda Cynon Taf"),
        ("The ambulance came all the way from Pen-y-bont ar Ogwr.", "Pen-y-bont ar Ogwr"),
        ("Mae fy mam yn byw ym Mro Morgannwg ac yn Sir Gâr.", "Sir Gâr"),
        ("I grew up in the Vale of Glamorgan.", "Vale of Glamorgan"),
        ("They sent him to a unit in Greater Manchester.", "Greater Manchester"),
        ("He used to work in Tower Hamlets before the stroke.", "Tower Hamlets"),
        ("Visiting from Powys took two buses each way.", "Powys"),
    ],
)
def test_counties_and_areas_are_places(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My mum was admitted after a fall at home in merthyr last spring.", "merthyr"),
        ("We live near cheshire so the drive was long.", "cheshire"),
        ("Staff said the beds in the essex area were all full.", "essex"),
        ("My brother lives in sale and visits on Sundays.", "sale"),
        ("Since we moved to bath the GP has been brilliant.", "bath"),
        ("She comes from wells, somerset and speaks very fast.", "wells"),
        ("The taxi driver took us to reading, berkshire by mistake.", "reading"),
        ("we live in sale and my dad was on the ward for a week", "sale"),
        ("my nan is from powys and hates hospitals", "powys"),
    ],
)
def test_lower_case_places_with_a_place_context(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "The pharmacy had a sale on vitamins so I stocked up.",
        "The nurse gave him a bath and changed the sheets.",
        "Reading the leaflet helped me understand the operation.",
        "I was reading in bed when the doctor came round.",
        "We had to march up three flights of stairs because the lift was broken.",
        "The wells of goodwill in that team never ran dry.",
        "They found the car for sale on the street outside.",
        "He needs a bath every morning and help with his reading glasses.",
        "The staff went to great lengths to help.",
        "She was treated in March and again in May 2023.",
    ],
)
def test_everyday_words_that_are_also_towns_stay(text):
    assert places(text) == set()


def labelled(text: str) -> set[tuple[str, str]]:
    return {(text[f.start : f.end], f.label) for f in detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The nurse, Kavita Ward, was lovely to my mum.", "Kavita Ward"),
        ("Kavita Ward told us the results.", "Kavita Ward"),
        ("I met Sarah Ward at the clinic.", "Sarah Ward"),
        ("Staff nurse Jenny Hall looked after him.", "Jenny Hall"),
        ("I was seen by Mr Hall on Tuesday.", "Hall"),
        ("Dr Church explained everything.", "Church"),
    ],
)
def test_a_surname_that_is_a_setting_word_after_a_name_or_title_is_a_person(text, value):
    assert (value, "PERSON") in labelled(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was moved to Victoria Ward overnight.", "Victoria Ward"),
        ("Mum spent a week on Florence Ward.", "Florence Ward"),
        ("Dyfi Ward was clean and calm.", "Dyfi Ward"),
    ],
)
def test_named_wards_stay_care_settings(text, value):
    assert (value, "CARE_SETTING") in labelled(text)


def test_county_abbreviations_that_are_words_stay():
    assert places("Staffs are very helpful. He wilts in the heat and bucks the trend.") == set()


@pytest.mark.parametrize(
    ("text", "value", "outside"),
    [
        ("Staff on Elizabeth Ward were great.", "Elizabeth Ward", "Staff"),
        ("Mum on Florence Ward was happy.", "Florence Ward", "Mum"),
    ],
)
def test_a_ward_name_does_not_swallow_the_words_before_on(text, value, outside):
    found = labelled(text)
    assert (value, "CARE_SETTING") in found
    assert not any(outside in span for span, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "He was taken to Newcastle upon Tyne Hospitals.",
        "Southend on Sea Hospital was busy.",
    ],
)
def test_a_town_with_on_or_upon_stays_whole_in_a_setting_name(text):
    name = text.removeprefix("He was taken to ").split(" was")[0].rstrip(".")
    assert (name, "CARE_SETTING") in labelled(text)
