"""Kinds built in the ninety-sixth round (issue 20), from the retired sets v142 and v143 and the
development sets that share each kind.

- A private hospital by its group's name and its own ("Spire Leeds", "Nuffield Health Tees",
  "BMI Three Shires", "Ramsay Duchy Hospital"), in any case, and by the group alone where it
  can only be the hospital ("at the Nuffield in Leicester", "dr hammond at spire").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.private_hospitals import private_hospitals


def _values(text: str) -> list[str]:
    return [text[f.start : f.end] for f in private_hospitals(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My hip was done at Spire Harrogate in the end.", "Spire Harrogate"),
        ("Moved to Spire Leeds Hospital, Lister Ward", "Spire Leeds Hospital"),
        ("then paid at the BMI Beaumont in Bolton", "BMI Beaumont"),
        ("Referred on to Nuffield Health Wessex under the NHS", "Nuffield Health Wessex"),
        ("site: ramsay oaklands hospital, next of kin", "ramsay oaklands hospital"),
        ("appt moved to 10:30 at spire harrogate?? ring me", "spire harrogate"),
        ("TRANSFER TO NUFFIELD HEALTH WESSEX HOSPITAL FOR THR", "NUFFIELD HEALTH WESSEX HOSPITAL"),
        ("DISCHARGE SUMMARY – NUFFIELD HEALTH WESSEX NAME: A PATIENT", "NUFFIELD HEALTH WESSEX"),
        ("OP BOOKED AT SPIRE HARROGATE NEXT MONTH", "SPIRE HARROGATE"),
        ("REFERRED TO BMI BEAUMONT HOSPITAL, BOLTON", "BMI BEAUMONT HOSPITAL"),
    ],
)
def test_a_private_hospital_by_its_group_and_its_name(text: str, value: str) -> None:
    assert value in _values(text)
    assert covering_label(text, value) == "CARE_SETTING"


def test_a_private_hospitals_name_ends_before_a_records_next_field() -> None:
    assert _values("Site: Spire Harrogate Ward: Lister") == ["Spire Harrogate"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We paid to be seen privately at the Nuffield in Leicester.", "Nuffield"),
        ("the consultant at spire saw me within a week", "spire"),
        ("Bed 6 empty, next admission from Spire tomorrow.", "Spire"),
    ],
)
def test_a_private_hospital_by_its_group_alone(text: str, value: str) -> None:
    assert value in _values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her BMI centile was above the 98th. BMI Was checked again.",  # body mass index
        "BMI CENTILE ABOVE 98TH",
        "BMI ON HOSPITAL SCALES WAS 41",  # a small word is no hospital's name
        "It's a Circle of doom with the referrals.",
        "Ramsay MacDonald Road is closed",  # a surname
        "The Nuffield Trust published a report on waits.",  # a body, not a hospital
        "see the Nuffield Department of Surgery",
        "the church spire was lit up at night",
        "we live at 12 Spire Road, Leeds",  # a street
        "It was as good as a Spire hospital if not better.",  # the group, no hospital
        "Spire is the tallest in the county.",  # a sentence's first word
        "NUFFIELD HEALTH GYM MEMBERSHIP",  # the group's gym
        "booked at spire view surgery",  # in lower case, no place after the group
    ],
)
def test_look_alikes_of_a_private_hospital_stay(text: str) -> None:
    assert _values(text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
