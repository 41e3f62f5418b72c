"""Kinds found general in the thirty-eighth round (issue 20): documents and forms pasted or
retyped into a story (letters, care records, minutes, ambulance sheets, vaccination cards,
text messages, prescription screens).

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay unmarked (or marked as before).
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.anonymise import detect


def _values(text: str) -> set[str]:
    return {text[f.start : f.end] for f in detect(text)}


# --- recall: initials in minutes and in a log's signed entries --------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3. Accounts approved. Proposed JD, seconded MB.", "JD"),
        ("3. Accounts approved. Proposed JD, seconded MB.", "MB"),
        ("Motion carried, proposer: KT and seconder: PW.", "PW"),
        ("Tue  Dressing renewed, site clean. Ate half of lunch. PL\nWed  No visit.", "PL"),
        ("14/03  Seen by GP at home, chest clear. RH", "RH"),
    ],
)
def test_minute_and_entry_initials_are_people(text, value):
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The proposed RF amendment was seconded by the room.", "RF"),
        ("Tue  Bloods taken and sent off. FBC\nWed  Seen by GP. OT", "FBC"),
        ("Wed  Catheter bag changed. Plan discussed with GP", "GP"),
    ],
)
def test_acronyms_and_words_in_those_places_stay(text, value):
    assert not flagged(text, value)


# --- recall: key safes, counties, districts after a town, named settings, house names -------


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Key safe code: 7-3-0-1   Pendant: checked", "7-3-0-1", "OTHER_ID"),
        ("Home: 9 Orchard Rise, Newry, Co. Down, BT34 2QQ", "Co. Down", "LOCATION"),
        ("Registered practice: Peckham Rye Surgery, London SE15", "SE15", "POSTCODE"),
        ("Nominated pharmacy: Well Pharmacy, 3 Mill Street, Hull", "Well Pharmacy", "CARE_SETTING"),
        (
            "We went via Kestrel Support & Care for the hours.",
            "Kestrel Support & Care",
            "CARE_SETTING",
        ),
        (
            "Location: Corn Exchange vaccination centre  Dose 2",
            "Corn Exchange vaccination centre",
            "CARE_SETTING",
        ),
        ('We bought "Larchmere", 11 Foxglove Close in 1988.', "Larchmere", "ADDRESS"),
    ],
)
def test_form_values_are_found(text, value, label):
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The key safe was fitted last week, 2 visits a day since.", "2"),
        ("Harris & Co. Down the lane is the bakery.", "Down"),
        ("Dr Amal Okafor (FY1) saw him on the ward.", "FY1"),
        ("Pharmacy: Please collect from the counter after 2pm.", "Please"),
        ("Your Care and Support Plan is attached; Adult Care & Support will review.", "Adult"),
        ("Book at the NHS vaccination centre or a Local vaccination site.", "Local"),
        ('She said "Rosie", 2 of them came round.', "2"),
    ],
)
def test_form_look_alikes_stay(text, value):
    assert not flagged(text, value)


# --- recall: names in capitals, hyphenated halves in lower case -------------------------------


def test_initial_and_surname_in_capitals_are_a_person():
    text = "HANDOVER 14:20. ATTENDED: R. OYELOWO-PRICE (PARAMEDIC), K. MALLENDER (TECH)"
    assert covered(text, "R. OYELOWO-PRICE")
    assert covered(text, "K. MALLENDER")


def test_capitals_surname_after_found_first_names():
    text = "CLIENT: DOROTHY JEAN MALLENDER     DOB: 02/02/1941\nWRITTEN BY BRENDA (BREN) OYELOWO"
    assert covered(text, "DOROTHY JEAN MALLENDER")
    assert covered(text, "OYELOWO")
    assert not flagged(text, "DOB")


@pytest.mark.parametrize("value", ["T. WAVE", "NO. 55"])
def test_capitals_initial_look_alikes_stay(value):
    text = "ECG: T. WAVE INVERSION IN V2. SEE REF NO. 55 ON THE SHEET."
    assert not covered(text, value)


def test_lower_case_double_barrelled_surname_is_whole():
    text = "the deputy head mrs okafor-bell rang me again today"
    assert covered(text, "okafor-bell")


# --- recall: ages to come ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("by the time they see me i will be nearly 16 and its too late", "16"),
        ("he'll be 18 in March and adult services take over", "18"),
        ("when your 14 nobody listens to you", "14"),
    ],
)
def test_ages_to_come_are_found(text, value):
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    "text",
    [
        "I'll be 10 minutes, tell them to wait.",
        "We'll be 9 till 5 on the stall.",
        "if your 2 minutes late they cancel you",
        "when your 3 streets away you can see it",
    ],
)
def test_times_and_counts_after_will_be_stay(text):
    assert not any(f.label == "AGE" for f in detect(text))


# --- precision: clinical and office look-alikes -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dose 1: AstraZeneca  Batch PV4410  Date 02/02/21", "PV4410"),
        ("Booster lot no: FH0161 given left arm", "FH0161"),
        ("METFORMIN/SITAGLIPTIN 50MG/1000MG TABLETS   56", "50MG/1000MG"),
        ("ECG: NO ACUTE ST CHANGES. ST ELEVATION ABSENT.", "ST CHANGES"),
        ('"Oakfield Surgery: Your appointment on 3/4 is confirmed."', "Your"),
        ('"Oakfield Surgery: Unfortunately we must cancel."', "Unfortunately"),
        ("Kind regards, Bev (Reception Manager)", "Reception Manager"),
        ("Thanks, Tom (Dispenser)", "Dispenser"),
        ("The Area Coroner for the county opened the inquest.", "Coroner"),
        ("Yours faithfully\nBooking Centre\n", "Booking Centre"),
        ("Outpatients Department 3 is by the lifts.", "Outpatients Department 3"),
        ("They moved the ENT clinic to another block.", "ENT clinic"),
        ("Here's the bill from Dad's nursing home for May.", "Dad's nursing home"),
        ("Ex-forces, served with the Royal Engineers then left.", "Royal Engineers"),
        ("In line with our Allocations Policy we cannot help.", "Policy"),
        ("Signed: Dr Priya Venn (FY2), ext 3391", "ext"),
    ],
)
def test_paperwork_look_alikes_are_not_identifiers(text, value):
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thu pm  Seen by Dr Oduya - antibiotics started.", "Oduya"),
        ("Kind regards, Bev Porter (Reception Manager)", "Bev Porter"),
        ("Booking ref: QH-20931 for the clinic", "QH-20931"),
        ("Moved from Blackpool (FY1) in May.", "FY1"),
        ("She stayed at St Anne's Hospice for a week.", "St Anne's"),
        ("We moved her to Oakleigh House nursing home.", "Oakleigh House"),
    ],
)
def test_identifiers_beside_the_look_alikes_stay_found(text, value):
    assert covered(text, value)


def test_name_cut_at_a_notes_dash():
    text = "Thu pm  Seen by Dr Oduya - antibiotics started."
    assert "antibiotics" not in " ".join(_values(text))
