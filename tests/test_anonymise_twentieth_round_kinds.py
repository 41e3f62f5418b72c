"""Kinds found general in the twentieth round (issue 20): nicknames after other cues ("goes
by", "calls herself", "everyone calls"; nlp/identifiers/people/name_mentions.py), ages said of a
named person or at a life event (nlp/identifiers/dates_and_ages/stated_ages.py), a date of birth a
few words from its cue (nlp/identifiers/dates_and_ages/birth_dates.py), a farm's name after a
person's in a list (nlp/identifiers/places/address_lines.py), and precision: capitalised English
adjectives and verbs need a person's cue, hashtags are no people, such words repeat only as written.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label as _covered

# --- nicknames after other cues ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "nth"),
    [
        ('Spoke to Trevor, who goes by "T", at the soup run. T has no GP.', "T", 1),
        ('Spoke to Trevor, who goes by "T", at the soup run. T has no GP.', "T", 2),
        ("There is an old boy everyone calls Dazza Kay who sleeps by the bus station.", "Dazza", 0),
        ("She calls herself 'Bunty' and the staff play along.", "Bunty", 0),
    ],
)
def test_nicknames_after_other_cues_are_found(text, value, nth):
    assert _covered(text, value, nth) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Everyone calls Mum on a Sunday evening.", "Mum"),
        ("We go by the book on this ward.", "book"),
    ],
)
def test_nickname_look_alikes_stay(text, value):
    assert _covered(text, value) != "PERSON"


# --- ages said of a named person or at a life event ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two kids. The baby, Zofia, is 11 months and has eczema.", "11"),
        ("I'm mum to Gethin who is almost 3 and very lively.", "3"),
        ("He was offered medical retirement at 44 and took it.", "44"),
    ],
)
def test_stated_ages_are_found(text, value):
    assert _covered(text, value) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sarah is 36 weeks pregnant and still has no midwife.", "36"),
        ("The wait for a scan is 11 months.", "11"),
        ("Mum was diagnosed at 30 weeks into the pregnancy.", "30"),
        ("He retired at 11 o'clock and slept all night.", "11"),
        ("My appointment at 14:30 was cancelled.", "14"),
    ],
)
def test_age_look_alikes_stay(text, value):
    assert _covered(text, value) != "AGE"


# --- a date of birth a few words from its cue ------------------------------------------------


def test_date_of_birth_a_few_words_away():
    text = "The nurse wanted his date of birth again – 2nd March 1936 – so I wrote it down."
    assert _covered(text, "2nd March 1936") == "DATE_OF_BIRTH"


def test_date_far_from_birth_cue_without_a_dash_stays():
    text = "Check the date of birth field on the form; the clinic is on 2nd March 2024."
    assert _covered(text, "2nd March 2024") != "DATE_OF_BIRTH"


# --- a farm's name after a person's in a list -------------------------------------------------


def test_farm_after_a_persons_name_is_an_address():
    text = "Visits:\n1. Ellis Bowman, Low Crag Farm, near Keswick. Lives alone."
    assert _covered(text, "Low Crag Farm") == "ADDRESS"


def test_house_name_after_a_heading_stays():
    text = "Meeting Notes, Manor Farm, Leeds. We discussed the budget."
    assert _covered(text, "Manor Farm") != "ADDRESS"


# --- precision ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was referred to the Occupational health team last spring.", "Occupational"),
        ("Positives:\n- Homely feel, and the garden is lovely.", "Homely"),
        ("Great day out, so proud of our ward #CareMatters #TeamSpirit", "CareMatters"),
        ("The Occupational therapist came. The occupational therapist was kind.", "occupational"),
    ],
)
def test_everyday_capitals_and_hashtags_are_no_people(text, value):
    assert _covered(text, value) != "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We sat with Mags on Monday. mags is still on the ward.", "mags"),
        ("The nurse on duty, Tegwyn, was lovely.", "Tegwyn"),
    ],
)
def test_lower_case_repeats_and_cued_names_are_kept(text, value):
    assert _covered(text, value) == "PERSON"
