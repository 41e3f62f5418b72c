"""Kinds found general in the nineteenth round (issue 20): initials that spell a person the
story names (nlp/identifiers/people/minute_initials.py), the note-taker in a gatherer's note header
(nlp/identifiers/people/note_takers.py), care settings by short local names
(nlp/identifiers/care_settings/care_setting_names.py), address lines without a street word
(nlp/identifiers/places/address_lines.py), regions (nlp/identifiers/places/place_shapes.py), a
loosely typed date of birth, a surname in brackets and a quoted nickname
(nlp/identifiers/people/name_mentions.py).

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label as _covered

from nlp.anonymise import detect

# --- initials spelling a person the story names ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "nth"),
    [
        ("Client: Mrs Nerys Pugh, 84.\nNP adm Glan Clwyd in May with a chest infection.", "NP", 0),
        ("Saw Mr Alan Rhys Bowen (AR) at home.\nAR lives alone, son visits weekly.", "AR", 1),
        ("Visited Ms Fiona Guthrie today.\nF. unhappy that her repeat Rx is late again.", "F.", 0),
        (
            "Mr Kenneth Ogilvie, 79, seen.\nKO's daughter rings daily. Meals left cold for KO.",
            "KO",
            1,
        ),
        (
            "Met Mr Dylan Carr at the library.\nDC d/c from ward 4 last week; v. good per DC.",
            "DC",
            1,
        ),
    ],
)
def test_initials_of_a_named_person_are_that_person(text, value, nth):
    assert _covered(text, value, nth) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mr Gareth Price rang. GP has changed his tablets twice.", "GP"),
        ("Mrs Olive Thomson seen. OT to assess for rails next week.", "OT"),
        ("Mr Alan Evans called. AE was rammed on Saturday night.", "AE"),
        ("Mrs Pat Morgan seen at 3 PM. She was tired.", "PM"),
        ("Mr Samuel Ellis is moving to the SE next spring.", "SE"),
        ("Toddler Time was cancelled. We miss TT a lot.", "TT"),
        ("Mrs Ann Bell came.\nA. review meds\nB. chase podiatry", "A."),
    ],
)
def test_acronyms_a_named_person_spells_stay(text, value):
    assert _covered(text, value) is None


# --- the note-taker in a note's header ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Call log - 02/05 - RW\nCaller: Mr Idris Fenwick about transport.", "RW"),
        ("HOME VISIT - written up 11/03 - KP\nClient lives alone in a bungalow.", "KP"),
        ("Phone - 09:20 - JT Caller: Mrs Helen Ash, re dentist.", "JT"),
        ("Drop-in note (library) - EH\nLady asked about the hearing clinic.", "EH"),
        ("Visit - HB - 21/08\nDaughter present, worried about discharge.", "HB"),
        ("Phone - 14:05 - TO\nCaller wants a copy of the complaints leaflet.", "TO"),
        ("ADVICE LINE\nDate: Weds. Staff: Gethin.\nCaller from Bala.", "Gethin"),
        ("Form filled in at the stall, typed up by LK]\nAge: 67", "LK"),
    ],
)
def test_a_notes_writer_is_a_person(text, value):
    assert _covered(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Phone - 10:15 - GP\nSurgery rang back about the referral.", "GP"),
        ("Call log - 03/06 - OT\nAssessment booked for the stairs.", "OT"),
        ("I WENT TO THE WARD - IT WAS LATE - NO ONE CAME TO SEE US", "TO"),
        ("Appointment - 10:30 - AM slot only, please.", "AM"),
        ("Complaint to the HB - 02/02 - no reply yet.", "HB"),
        ("Staff: Nurse.\nCaller asked about visiting.", "Nurse"),
    ],
)
def test_acronyms_in_a_header_shape_stay(text, value):
    assert _covered(text, value) is None


# --- care settings by short local names -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She has been under RBH for her heart since the referral.", "RBH"),
        ("Three admissions to QMH this winter, each one a long wait.", "QMH"),
        ("Dad is still in North Mid, the ward says maybe Friday.", "North Mid"),
        ("He has been under Guy's for his kidneys for years.", "Guy's"),
        (
            "We ended up in the Children's Hospital overnight with her asthma.",
            "Children's Hospital",
        ),
    ],
)
def test_short_names_of_care_settings_are_found(text, value):
    assert _covered(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She is under CAMHS and the clinic is helpful.", "CAMHS"),
        ("He was admitted with a PPH to the ward.", "PPH"),
        ("We go to the Children's Centre on Tuesdays for the baby group.", "Children's"),
        ("The Women's service at the clinic was brilliant.", "Women's"),
        ("we went to the children's ward and the nurse was lovely", "children's"),
    ],
)
def test_care_look_alikes_stay(text, value):
    assert _covered(text, value) is None


def test_a_hospitals_one_word_name_inside_a_listed_place_is_the_place():
    text = "Caller: Mrs Rita Bloom, Thornton Heath, rang about her hearing aid."
    assert _covered(text, "Thornton Heath") == "LOCATION"


# --- addresses without a street word, and regions --------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Went to see them at Low Gillerthwaite Farm, Ennerdale, CA23 3AX last week.",
            "Low Gillerthwaite Farm",
        ),
        ("Visited Mrs Ross at 9 Achmore, Lochcarron, IV54 8YN, with her son.", "9 Achmore"),
        ("Seen at Bryn Teg Cottage, Llanrug, LL55 4AA about her hearing.", "Bryn Teg Cottage"),
    ],
)
def test_an_address_line_without_a_street_word_is_an_address(text, value):
    assert _covered(text, value) == "ADDRESS"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Took 2 Tablets, Morning and night, as the GP said.", "2 Tablets"),
        ("We had a party at the Village Hall, it was lovely.", "Village Hall"),
        ("The farm shop, Hexham sells eggs.", "farm shop"),
    ],
)
def test_address_look_alikes_stay(text, value):
    assert _covered(text, value) != "ADDRESS"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("There is no NHS dentist taking people in Borders at all.", "Borders"),
        ("Families on the South Isles wait weeks for a visit.", "South Isles"),
        ("Buses across the Valleys are hopeless for appointments.", "Valleys"),
    ],
)
def test_a_region_by_its_land_word_is_a_place(text, value):
    # "the Valleys" mid-sentence is also read as a name by the capitals rule: covered either way
    assert _covered(text, value) in ("LOCATION", "PERSON")


def test_lower_case_land_words_stay():
    text = "the borders of the form were wrong and the islands in the kitchen were tidy"
    assert not detect(text)


# --- dates of birth typed loosely, bracketed surnames, quoted nicknames ----------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ask for Morag, date o birth 5/6/38", "5/6/38"),
        ("his dat of brith is 14/07/1951 if you need it", "14/07/1951"),
    ],
)
def test_a_loosely_typed_date_of_birth_is_found(text, value):
    assert _covered(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Meals late again; family (Pritchard) unhappy\tOpen", "Pritchard"),
        ('my dad, known to everyone as "Huw the Milk", turned 90.', "Huw the Milk"),
        ("Our neighbour, nicknamed 'Tegwen' by the kids, helps out.", "Tegwen"),
    ],
)
def test_a_name_in_brackets_or_a_quoted_nickname_is_a_person(text, value):
    assert _covered(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The family (Other) field on the form was blank.", "Other"),
        ('the condition known as "Long Covid" has floored her', "Covid"),
        ("the date of the birth was 3/4/21 at the unit", "3/4/21"),
    ],
)
def test_bracket_and_quote_look_alikes_stay(text, value):
    assert _covered(text, value) not in ("PERSON", "DATE_OF_BIRTH")
