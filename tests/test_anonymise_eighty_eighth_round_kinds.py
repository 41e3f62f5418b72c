"""Kinds built in the eighty-eighth round (issue 20), from the retired sets v126 and v127 and
the development sets that share each kind.

- A vehicle's registration in the current format ("YK19 HZT").
- A ward by its number with its specialty before it ("Respiratory Ward 2").
- Capitals with one small letter anywhere inside are an abbreviation ("HFpEF", "GPhC").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.ward_specialties import with_ward_specialties
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.look_alikes.abbreviation_shapes import abbreviation_shaped
from nlp.identifiers.numbers.reference_numbers import other_ids


def _ids(text: str) -> list[str]:
    return [text[f.start : f.end] for f in other_ids(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The carer parks outside in a blue Corsa, reg KM21 TPA, most mornings.", "KM21 TPA"),
        ("Badge holder's car: BD68 XWR (please keep on file)", "BD68 XWR"),
        ("my van is WR05 LJH if the parking office asks", "WR05 LJH"),
        ("Permit issued for vehicle GY73 NFE until March.", "GY73 NFE"),
    ],
)
def test_vehicle_registrations(text: str, value: str) -> None:
    assert value in _ids(text)
    assert covering_label(text, value) == "OTHER_ID"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She lives at 4 Mill Lane, Leeds LS12 4AB.", "LS12 4AB"),  # a postcode: a figure
        ("Code: KM21 TPAX was the batch", "KM21 TPA"),  # runs on into a longer code
        ("the code KM21TPA was on the box", "KM21TPA"),  # no space: not as a plate shows it
        ("reg km21 tpa", "km21 tpa"),  # lower case: not how a plate is written
        ("the van is WR01 LJH", "WR01 LJH"),  # an age no plate carries
        ("IQ21 TPA is no plate", "IQ21 TPA"),  # plates use no I or Q first
    ],
)
def test_other_shapes_are_no_vehicle(text: str, value: str) -> None:
    assert not any(value in found or found in value for found in _ids(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dad was moved to Respiratory Ward 7 at the Royal last night.", "Respiratory Ward 7"),
        ("she is on renal ward 4, bed 12", "renal ward 4"),
        ("Thank you to the team on Stroke Ward 21 for everything.", "Stroke Ward 21"),
        ("Transferred to Children's Ward 3 after surgery.", "Children's Ward 3"),
    ],
)
def test_wards_take_their_specialty(text: str, value: str) -> None:
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He was moved to the new Ward 7 at the Royal.", "new Ward 7"),
        ("She was very happy on Ward 4 and the staff were kind.", "on Ward 4"),
        ("Moved to a non-surgical Ward 4 overnight.", "surgical Ward 4"),  # part of a word
    ],
)
def test_other_words_before_a_ward_stay_out(text: str, value: str) -> None:
    assert covering_label(text, value) is None
    assert covering_label(text, value.split(" ", 1)[1]) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Echo shows HFrEF, EF 30%. Start bisoprolol.", "HFrEF"),
        ("Newly diagnosed HFpEF, refer to the heart failure nurses.", "HFpEF"),
        ("Pharmacist registered with the GPhC since 2015.", "GPhC"),
    ],
)
def test_abbreviations_with_a_small_letter_inside_are_no_one(text: str, value: str) -> None:
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        ("HFpEF", True),
        ("GPhC", True),
        ("RMcA", False),  # initials with "Mc"
        ("KMcG", False),
        ("McDONALD", False),
        ("MacDONALD", False),
    ],
)
def test_abbreviation_shape_inside(word: str, shaped: bool) -> None:
    assert abbreviation_shaped(word) is shaped


def test_initials_with_mc_stay_people() -> None:
    text = "Minutes taken by RMcA. Actions below."
    assert covering_label(text, "RMcA") == "PERSON"


def test_finding_type_is_kept() -> None:
    text = "on Respiratory Ward 2 today"
    ward = Finding(15, 21, "CARE_SETTING", 0.8, "care_pattern")
    person = Finding(15, 21, "PERSON", 0.8, "capitals")  # only care settings grow
    assert with_ward_specialties(text, [ward, person]) == [
        Finding(3, 21, "CARE_SETTING", 0.8, "care_pattern"),
        person,
    ]
    other = "on renal Oak Unit today"
    unit = Finding(9, 17, "CARE_SETTING", 0.8, "care_pattern")  # no ward by its number
    assert with_ward_specialties(other, [unit]) == [unit]


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
