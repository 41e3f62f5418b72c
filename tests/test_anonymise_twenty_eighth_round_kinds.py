"""Kinds found general in the twenty-eighth round (issue 20), from the misses and false
positives of the retired blind set v31 (people's accounts and working documents) checked
against every earlier writer's set: ages on a handover sheet and after a date of birth,
Edinburgh's tenement flats, notes signed off by initials, e-mail headers written surname first,
an organisation's NHS code, hospitals named after people inside a person's name; and, for
precision, a form's field labels, organisations' names, letters' captions and greetings,
titles, Welsh dates, abstract nouns and regional care partnerships. The two rules for an age at
an event of a life are one rule now.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import detect


def _spans(text: str) -> list[tuple[str, str]]:
    return [(f.label, text[f.start : f.end]) for f in detect(text)]


# Ages on a handover sheet, glued to the sex with no comma after the name.


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Bed 3 – Agnes PRIOR 88F  bloods due at 06:00", "88"),
        ("Bed 6 – Mr Okafor 61M\tnil by mouth from midnight", "61"),
        ("Side room 2 – Lena Virtanen 47F\nIV antibiotics day 4", "47"),
    ],
)
def test_an_age_glued_to_the_sex_after_a_name_is_an_age(text, age):
    assert covering_label(text, age) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Leeds 2M people live within the area, says the report.", "2"),
        ("She lives in Room 7F, Holland House, on the campus.", "7"),
        ("Ward 4F is on the fourth floor, next to the lifts.", "4"),
    ],
)
def test_figures_glued_to_a_letter_elsewhere_are_no_age(text, value):
    assert covering_label(text, value) != "AGE"


# The age in brackets right after a date of birth.


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Name: Callum Reid\nDOB: 14/03/1951 (73y)\nWard: Ward 8", "73"),
        ("D.O.B. 02.09.2006 (17 yrs), lives with her aunt.", "17"),
        ("Date of birth: 5 May 1939 (aged 85)", "85"),
    ],
)
def test_an_age_in_brackets_after_a_birth_date_is_an_age(text, age):
    assert covering_label(text, age) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOB: 14/03/1951 (80 kg on admission)", "80"),
        ("Seen 14/03/2024 (12 weeks after surgery).", "12"),
    ],
)
def test_other_brackets_after_a_date_are_no_age(text, value):
    assert covering_label(text, value) != "AGE"


# Edinburgh's tenement flats by floor and door.


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Home address: 2F1, 33 Marchmont Road, Edinburgh EH9 1HU", "2F1, 33 Marchmont Road"),
        ("The neighbour in flat 4F2 heard the fall.", "flat 4F2"),
        ("She is at PF3, 12 Comely Bank Avenue now.", "PF3, 12 Comely Bank Avenue"),
    ],
)
def test_an_edinburgh_tenement_flat_is_part_of_the_address(text, address):
    assert covering_label(text, address) == "ADDRESS"


def test_a_code_like_a_tenement_flat_without_a_street_stays():
    text = "Form 3F2 was sent to the panel for review."
    assert not flagged(text, "3F2")


# A note signed off by its writer's initials.


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Visited at home, fridge stocked, no concerns. Review in a month. JW", "JW"),
        ("Rang the surgery to chase the referral.\nDCR", "DCR"),
        ("Left a leaflet about carers' breaks. RH.", "RH"),
    ],
)
def test_initials_ending_a_note_are_a_person(text, initials):
    assert covering_label(text, initials) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was discharged with a referral to the CMHT", "CMHT"),
        ("Plan agreed at the meeting. MDT", "MDT"),
        ("Thank you all for looking after her. XX", "XX"),
        ("ARE YOU A CARER? NO. DO YOU SMOKE? NO.", "NO"),
        ("Follow up booked with the practice. GP", "GP"),
    ],
)
def test_acronyms_kisses_and_answers_ending_a_text_stay(text, value):
    assert not flagged(text, value)


# A log entry's worker in brackets after its date or time, and a volunteer's initials.


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Next visit: 04/06 (LB). Keys with the neighbour.", "LB"),
        ("Rang back 14:20 (KM), no answer.", "KM"),
        ("Stall at the summer fair. Notes by volunteer (SP).", "SP"),
    ],
)
def test_initials_after_a_date_or_a_volunteer_are_a_person(text, initials):
    assert covering_label(text, initials) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The call is booked for 19:00 (BST) on Friday.", "BST"),
        ("Seen 12/03 (AM) by the nurse at the clinic.", "AM"),
    ],
)
def test_time_zones_and_halves_of_the_day_stay(text, value):
    assert not flagged(text, value)


# An e-mail header's person written surname first.


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("From: Reception\nTo: Morgan, Bethan\nSubject: your appointment", "Morgan, Bethan"),
        ("Sent: 3 May\nCc: Thompson, Gareth\nSubject: RE: the referral", "Thompson, Gareth"),
    ],
)
def test_a_header_surname_first_is_one_person(text, person):
    assert (("PERSON", person)) in _spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "To: Manager, Rosewood Care Home\nSubject: visiting",
        "Cc: Matron, Medicine\nSubject: staffing",
    ],
)
def test_a_role_or_a_home_in_a_header_is_no_person(text):
    assert not any(label == "PERSON" for label, _ in _spans(text))


# An organisation's NHS code after its label.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pharmacy: Castle Chemists\nODS code: FX482\nReported by: the pharmacist", "FX482"),
        ("Practice code: Y02817   Date of referral: 03/03/2025", "Y02817"),
    ],
)
def test_an_organisation_code_is_an_identifier(text, code):
    assert covering_label(text, code) == "OTHER_ID"


def test_a_code_of_conduct_is_no_identifier():
    text = "The practice code of conduct was updated in 2019."
    assert not flagged(text, "2019")


# A hospital named after a person, inside a person's full name.


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Incident form\nReported by: Kerry Whiston\nDescription: a fall", "Kerry Whiston"),
        ("Written up by Gemma Freeman after the home visit.", "Gemma Freeman"),
    ],
)
def test_a_hospital_name_inside_a_full_name_is_a_person(text, person):
    assert (("PERSON", person)) in _spans(text)


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("He was moved to Whiston for the operation.", "Whiston"),
        ("She was treated at Royal Papworth last spring.", "Papworth"),
    ],
)
def test_the_hospital_alone_stays_a_care_setting(text, setting):
    assert covering_label(text, setting) == "CARE_SETTING"


# Precision: a form's field labels before a colon, in a text that reads as a thread.


def test_field_labels_of_a_form_are_no_speakers():
    text = (
        "Kaz: how was clinic?\nJo: fine, long wait\nKaz: ok\n"
        "Medications: ramipril 5mg\nAllergies: none known\nFinances: managed by daughter"
    )
    for word in ("Medications", "Allergies", "Finances"):
        assert not flagged(text, word)
    assert covering_label(text, "Kaz") == "PERSON"


# Precision: organisations' names are no people.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Social worker, Dorset County Council, rang on Monday.", "County"),
        ("Adult Social Care, Thurrock Borough Council, wrote back.", "Borough"),
        ("He gets support from the Nai Ming Society every week.", "Nai Ming Society"),
        ("Yours faithfully,\nPenrose Hartwell LLP", "LLP"),
        ("She goes to the Elsie Project drop-in on Fridays.", "Elsie Project"),
    ],
)
def test_an_organisations_name_is_no_person(text, value):
    assert covering_label(text, value) != "PERSON"


# Precision: a letter's caption is no address line; titles are no names.


def test_a_letters_caption_is_no_address():
    text = "Ref: AB/12\n\nPRIVATE AND CONFIDENTIAL\nMrs Jean Hollis\n4 Mill Lane\nLeek\nST13 5AB"
    assert not flagged(text, "PRIVATE AND CONFIDENTIAL")
    assert covering_label(text, "4 Mill Lane") == "ADDRESS"


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("The letter went to Mr ap Rhys last week.", "ap Rhys", "Mr"),
        ("The nurse saw Mrs T.K. on the ward.", "T.K.", "Mrs"),
    ],
)
def test_titles_are_left_out_of_names(text, kept, dropped):
    assert flagged(text, kept)
    assert not flagged(text, dropped)


# Precision: Welsh dates.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dyddiad / Date: 9 Gorffennaf / July 2024", "Gorffennaf"),
        ("Cefais y llawdriniaeth ym mis Medi.", "Medi"),
        ("Dydd Gwener / Friday\nMam was tired today.", "Dydd Gwener"),
    ],
)
def test_welsh_months_and_days_in_dates_are_no_people(text, value):
    assert covering_label(text, value) != "PERSON"


def test_a_welsh_month_that_is_a_name_elsewhere_stays_a_name():
    assert covering_label("Mai rang the ward about her dad.", "Mai") == "PERSON"


# Precision: capitalised abstract nouns and treatments are no people.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Radiotherapy was offered and then withdrawn.", "Radiotherapy"),
        ("Associate, Clinical Negligence\nBrightside Law", "Negligence"),
        ("Confidentiality is poor on the ward.", "Confidentiality"),
    ],
)
def test_abstract_nouns_are_no_people(text, value):
    assert covering_label(text, value) != "PERSON"


def test_a_name_with_such_an_ending_stays_a_name():
    assert covering_label("Florence was kind to my mum.", "Florence") == "PERSON"


# Precision: a region's health and social care partnership is no care setting.


def test_a_care_partnership_is_no_care_setting():
    text = "I would like Angus Health and Social Care Partnership to review her care."
    assert not flagged(text, "Health and Social Care Partnership")


# The merged rule for an age at an event of a life.


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("She took ill-health retirement at 58 due to her back.", "58"),
        ("He was widowed at forty-one and never remarried.", "forty-one"),
        ("Dad went down the pit at fifteen.", "fifteen"),
        ("She was referred to the team at 17 by the school nurse.", "17"),
        ("He was diagnosed at 9 months old with a heart defect.", "9"),
    ],
)
def test_an_age_at_an_event_of_a_life_is_an_age(text, age):
    assert covering_label(text, age) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We moved at 16 Castle Street last year.", "16"),
        ("She went at 3 and came back at 5.", "3"),
        ("He retired at 10 o'clock every night.", "10"),
        ("Diagnosed at 32 weeks pregnant.", "32"),
    ],
)
def test_times_measures_and_addresses_after_an_event_are_no_age(text, value):
    assert covering_label(text, value) != "AGE"


# An age after a name in a note's list or a table: a cell's gap, an arrow, a bar or "w/" after.


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Name            Age  Town\nGwen Pritchard  68   Bala        carer", "68"),
        ("- Tomasz Nowak 47 → waited six hours at the walk-in", "47"),
        ("- Ruby 19 w/ her key worker, asked about the pill", "19"),
    ],
)
def test_an_age_after_a_name_in_a_list_or_table_is_an_age(text, age):
    assert covering_label(text, age) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Session - 4/5 - vol JR\n1) Mrs Allen said the bus is late", "1"),
        ("Gwen Pritchard 68 Bala Road is the address.", "68"),
    ],
)
def test_a_list_number_or_a_house_number_after_a_name_is_no_age(text, value):
    assert covering_label(text, value) != "AGE"


# Volunteers and typists by their initials.


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Drop-in, Ely library - 12/4 - vol KW\nThree carers came.", "KW"),
        ("Home visit - vols DS/MK - 3/3\npt Mr Barrett", "MK"),
        ("Site visit - vols TB AO'N\nMet the warden.", "AO'N"),
        ("Seen in clinic by Dr Eze.\nTyped: LH", "LH"),
    ],
)
def test_volunteers_and_typists_by_initials_are_people(text, initials):
    assert covering_label(text, initials) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("See vol 2 of the report; Vol IV is missing.", "IV"),
        ("The vol GP list was sent round.", "GP"),
    ],
)
def test_volumes_and_roles_after_vol_stay(text, value):
    assert not flagged(text, value)


# A hospital's gate (its signed ward area) said in words, or after the hospital and a slash.


@pytest.mark.parametrize(
    ("text", "gate"),
    [
        ("Mum went up to Gate thirty-two, one of the wards at the top.", "Gate thirty-two"),
        ("Site/Ward: Pinderfields / Gate 41 | hearing aid lost on the ward", "Gate 41"),
    ],
)
def test_a_hospital_gate_is_a_care_setting(text, gate):
    assert covering_label(text, gate) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "The flight boards at Gate 45 and the gate closes at ten.",
        "We parked by the gate, 45 minutes early for the match.",
    ],
)
def test_other_gates_stay(text):
    assert not any(label == "CARE_SETTING" for label, _ in _spans(text))
