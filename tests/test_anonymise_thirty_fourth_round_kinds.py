"""Kinds found general in the thirty-fourth round (issue 20), from the false positives and
misses of the development set v39 (paperwork inside people's stories): medicines, the Welsh
half of bilingual forms, title-cased headings, services and roles, table headers and cells,
months bounding a period, letters after a name, departments as care settings, a table's
column gap, an addressee's line in an address block, and numbers of measurements and counts.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.anonymise import detect

# Medicines: before a strength, by an INN stem, and the dose's time after a strength.


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Her tablets were changed:\n - Citalopram 20mg each morning\n - Bisoprolol 5mg",
            "Bisoprolol",
        ),
        ("Meds on leaving: Ramipril 2.5mg OD, Edoxaban 60mg OD.", "Edoxaban"),
        ("Meds on leaving: Ramipril 2.5mg OD, Edoxaban 60mg OD.", "OD"),
        ("He was started on Pregabalin 75 mg twice a day.", "Pregabalin"),
        (
            "The syrup (Movicol 13.8g sachets) ran out. Movicol is what keeps him regular.",
            "Movicol",
        ),
        ("They swapped her Lansoprazole for something cheaper in the spring.", "Lansoprazole"),
        ("| Mirtazapine 15mg tablet | 21:00 | AB | AB |", "Mirtazapine"),
    ],
)
def test_a_medicine_is_no_person(text, word):
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dr Priya Ramnath prescribed the 20mg dose on Friday.", "Ramnath"),
        ("I gave Shirley 5mg of the liquid at six like the nurse said.", "Shirley"),
        ("My daughter April came with me to the clinic.", "April"),
    ],
)
def test_names_near_doses_and_stems_stay(text, name):
    assert covering_label(text, name) == "PERSON"


# The Welsh half of a bilingual form.


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Enw / Name: Elfed Pritchard\nRhif ysbyty / Hospital No: W7730121", "Rhif"),
        ("Meddyg Teulu / GP: Dr Hafina Rowlands\nDyddiad / Date: 03/02", "Meddyg Teulu"),
        (
            "Kind regards\nBeca\nYmgynghorydd | Swyddog Cyswllt\nFfôn / Tel: 01632 960 118",
            "Swyddog",
        ),
        ("Gwasanaeth Anadlol / Respiratory Service\nCanolfan Iechyd Penrhos", "Gwasanaeth Anadlol"),
    ],
)
def test_a_welsh_form_label_is_no_person(text, word):
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Enw / Name: Elfed Pritchard\nRhif ysbyty / Hospital No: W7730121", "Elfed Pritchard"),
        ("Llinos / Lynne (she uses both) came to the door with the forms.", "Llinos"),
    ],
)
def test_names_on_a_welsh_form_stay(text, name):
    assert covered(text, name)


# Title-cased headings, services and roles; a numbered part of a document.


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Please read the enclosed Carer Information Booklet before the visit.", "Booklet"),
        ("The form says (see Appendix 3) that the decision stands.", "Appendix"),
        ("Signed for the Panel: the Independent Assessor on 4 June.", "Assessor"),
        ("You will hear from our Hearing Therapy Service within a month.", "Therapy Service"),
        ("It came from the Mobility & Posture Team last week.", "Mobility"),
        ("Copied to our Stroke Navigator and the ward.", "Navigator"),
        ("Your Community Mobility Engineer will call before Friday.", "Mobility"),
    ],
)
def test_a_title_cased_heading_service_or_role_is_no_person(text, word):
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We moved Mum to Brambles in March and she settled well.", "Brambles"),
        ("The nurse, Bethan Tudor, rang from the ward at six.", "Bethan Tudor"),
        ("Nurse Okonkwo was the only one who listened.", "Okonkwo"),
        ("Our neighbour Gethin Bramble drove us to the hospital.", "Gethin Bramble"),
    ],
)
def test_names_among_title_case_stay(text, name):
    assert covered(text, name)


# Tables: a header row, an everyday word alone in a cell.


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Item          Qty     Price\nCommode       1       £0.00", "Qty"),
        ("Date  | Wound  | Odour | Sig\n03/05 | 3 x 2  | Low    | RT", "Odour"),
        ("Time  | Fluid   | Given | Initials\n09:00 | Juice   | 150ml | PD", "Initials"),
        ("Time  | Fluid   | Given | Initials\n09:00 | Cordial | 150ml | PD", "Cordial"),
    ],
)
def test_a_table_header_or_cell_word_is_no_person(text, word):
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Staff on shift:   Bernadette   Kwabena   Lorna", "Bernadette"),
        (
            "Time  | Fluid   | Given | Signed\n09:00 | Juice   | 150ml | Tegwen Harries",
            "Tegwen Harries",
        ),
    ],
)
def test_names_in_tables_stay(text, name):
    assert covered(text, name)


# Months bounding a period or heading a month's measurement.


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The statement covers June to November and shows a shortfall.", "June"),
        ("Weights: Jan 70.1kg, Feb 68.4kg, Mar 66.0kg.", "Jan"),
        ("Weights: Jan 70.1kg, Feb 68.4kg, Mar 66.0kg.", "Mar"),
    ],
)
def test_a_month_in_a_range_is_no_person(text, word):
    assert not flagged(text, word)


def test_a_month_name_as_a_person_stays():
    assert covering_label("June rang to say she had the results.", "June") == "PERSON"


# Letters after a name; a department's name; a table's column gap.


@pytest.mark.parametrize(
    ("text", "name", "tail"),
    [
        ("Seen by Dr Kwame Asante MRCP on the Monday.", "Kwame Asante", "MRCP"),
        ("Given by: T. Okafor RGN", "T. Okafor", "RGN"),
    ],
)
def test_letters_after_a_name_are_left_out(text, name, tail):
    assert covered(text, name)
    assert not flagged(text, tail)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He was sent to the Acute Assessment Unit overnight.", "Acute Assessment Unit"),
        ("Mum was looked after on the Virtual Ward for a week.", "Virtual Ward"),
    ],
)
def test_a_department_is_no_care_setting(text, word):
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He was moved to Larch Ward after the scan.", "Larch Ward"),
        ("She was seen at the Wolfson Assessment Unit in the end.", "Wolfson"),
    ],
)
def test_named_wards_and_units_stay(text, name):
    assert covered(text, name)


def test_a_care_setting_ends_at_a_table_gap():
    text = "GP: Dr Abara, Millbrook Surgery   Chemist: Hilltop Pharmacy"
    assert covered(text, "Millbrook Surgery")
    assert covering_label(text, "Chemist") is None


# An address block's addressee; a field's word before an address line.


def test_an_addressee_line_is_the_person_without_the_title():
    text = "Dear sir\n\nMrs Rhiannon Pugh\n14 Maes y Dderwen\nLlanelli\nSA15 3PQ\n\nThank you."
    assert covering_label(text, "Rhiannon Pugh") == "PERSON"
    assert not flagged(text, "Mrs")


def test_a_field_word_is_no_part_of_an_address():
    text = "Decision notice\nAddress 22 Willowbank Road Preston PR2 6XY\n"
    assert covered(text, "22 Willowbank Road")
    assert not flagged(text, "Address")


# Numbers the NER reads as ages: measurements, counts, a list's number.


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Obs on arrival: BP 130/80, HR 88, temp 37.9, GCS 15.", "88"),
        ("She was given a week of respite (6 nights) at the home.", "6"),
    ],
)
def test_a_measurement_or_count_is_no_age(text, number):
    assert not any(f.label == "AGE" and text[f.start : f.end] == number for f in detect(text))


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My son, who is 14, was seen by the nurse.", "14"),
        ("Patient is 88 and lives alone.", "88"),
    ],
)
def test_ages_stay(text, age):
    assert covering_label(text, age) == "AGE"
