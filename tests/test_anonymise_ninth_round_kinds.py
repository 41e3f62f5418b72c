"""Kinds of identifier found general in the ninth round (issue 20): hospitals by a short name,
ward and bay codes, postcodes typed oddly, rooms in buildings, and ids in brackets, after "ID"
or read out with phonetics; a capital "The" mid-sentence as part of a care home's name.

Each sentence was written for this file, with names, places and numbers of its own (none taken
from a measuring set). Each kind has reverses: ordinary text of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged, labelled

# --- hospitals by a short name ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My hip was replaced at Harrogate District and the ward was calm.", "Harrogate District"),
        ("The scan at Kettering General took ten minutes.", "Kettering General"),
        (
            "Bloods were done at Halewood Centre for Health and Care on Monday.",
            "Halewood Centre for Health and Care",
        ),
        ("He re-attended at George's two days later with the same pain.", "George's"),
        ("the nurse said go to Marys we waited in a&e all night", "Marys"),
        (
            "She was sectioned in Luton and taken to Orchard Lodge, then to a ward in Bedford.",
            "Orchard Lodge",
        ),
    ],
)
def test_a_hospital_by_its_short_name_is_found(text, value):
    assert "CARE_SETTING" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We walked in the Lake District before his operation.", "Lake District"),
        ("Ripon District Council sent a letter about the bins.", "Ripon District"),
        ("The Ilkley District Nurse team came after the op.", "Ilkley District"),
        ("We went to Georges for tea after the school run.", "Georges"),
        (
            "He was detained at work, then taken to Riverside Park for the fireworks.",
            "Riverside Park",
        ),
    ],
)
def test_a_council_a_park_or_a_cafe_is_no_hospital(text, value):
    assert "CARE_SETTING" not in labelled(text, value)


def test_a_dental_practice_by_its_brand_is_found_even_shouted():
    text = "NO DENTIST FOR MONTHS. HARBOUR VIEW SMILES SAID TO RING BACK IN MAY."
    assert "CARE_SETTING" in labelled(text, "HARBOUR VIEW SMILES")


def test_smiles_without_a_dentist_are_smiles():
    text = "LOTS OF BIG SMILES AT THE PARTY TODAY, THE KIDS LOVED IT."
    assert "CARE_SETTING" not in labelled(text, "BIG SMILES")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mum spent a fortnight at The Poplars in Kirkham for respite.", "The Poplars"),
        ("Her room at The Rowans looks over the car park, the staff say.", "The Rowans"),
    ],
)
def test_a_capital_the_mid_sentence_is_part_of_the_home(text, value):
    assert covered(text, value)


def test_a_lower_case_the_stays_outside_the_name():
    text = "Dad is happy at the Rowans care home, the staff are kind."
    assert not flagged(text, "the")


# --- ward and bay codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gran was in the General for a week on C4 and the nurses were kind.", "C4"),
        ("Department: Ward D2 or D3, the chest one", "D3"),
        ("HE WAS LEFT IN A CHAIR ON SAU 3 FOR A WHOLE NIGHT.", "SAU 3"),
    ],
)
def test_a_ward_code_in_a_hospital_is_found(text, value):
    assert "CARE_SETTING" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The nurse put him on B12 injections every three months.", "B12"),
        ("She is on D3 tablets since the hospital found her levels low.", "D3"),
        ("He is on D3 from the GP since his hospital stay.", "D3"),
        ("I got on X5 bus to the hospital and it was late.", "X5"),
        ("Stuck on M6 for an hour on the way to the hospital.", "M6"),
        ("We were transferred from B4 7XY to a flat nearer the hospital.", "B4"),
    ],
)
def test_a_vitamin_a_bus_or_a_road_is_no_ward(text, value):
    assert "CARE_SETTING" not in labelled(text, value)


# --- postcodes typed oddly --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We live in Heckmondwike, wf16 0 hb, if you need to post it.", "wf16 0 hb"),
        ("Address: 4 Fern Close, Sale, M33  5 RT", "M33  5 RT"),
        ("post to ls6 2  ab please", "ls6 2  ab"),
    ],
)
def test_a_postcode_typed_oddly_is_found(text, value):
    assert "POSTCODE" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("he lost b12 3 st in weight since the op", "b12 3 st"),
        ("the qq1 2 ab form was wrong", "qq1 2 ab"),  # no such area
        ("Bay 4 2 am was when they came", "4 2 am"),
    ],
)
def test_a_weight_or_a_time_is_no_postcode(text, value):
    assert "POSTCODE" not in labelled(text, value)


# --- rooms, units and streets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He is housed at Room 22, Corder House. Staff check daily.", "Room 22, Corder House"),
        ("Practice meeting at Suite 5, Mill Yard, Otley", "Suite 5, Mill Yard"),
        ("Thanks to the chemist on Tor Hill, who sorted it.", "Tor Hill"),
    ],
)
def test_a_room_in_a_building_or_a_shops_street_is_an_address(text, value):
    assert "ADDRESS" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We sat in Room 4, Nurse Abbey came in later.", "Room 4, Nurse Abbey"),
    ],
)
def test_a_nurse_after_a_room_or_a_day_is_no_address(text, value):
    assert "ADDRESS" not in labelled(text, value)


# --- ids --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hi team, pt Fenwick (KGH 5102884) is waiting for transport.", "KGH 5102884"),
        ("Interpreter on the call (Mr Osei, Big Word ID 40952).", "40952"),
        ("My patient number is T as in tango, 3, 8, 1, 0, 6.", "T as in tango, 3, 8, 1, 0, 6"),
    ],
)
def test_an_id_in_brackets_after_id_or_read_out_is_found(text, value):
    assert "OTHER_ID" in labelled(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bring photo ID 2024 rules say, the receptionist told me.", "2024"),
        ("The number is 4, maybe 5, people on the ward.", "4, maybe 5"),
    ],
)
def test_a_year_after_id_or_a_count_is_no_id(text, value):
    assert "OTHER_ID" not in labelled(text, value)
