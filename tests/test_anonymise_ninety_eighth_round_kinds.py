"""Kinds built in the ninety-eighth round (issue 20), from the retired sets v146 and v147 and the
development sets that share each kind.

- A police officer's collar number after their rank, and the surname after it ("Referrer: PC
  4471 Shaw").
- A ward board pasted as a table, its columns parted by two spaces or more ("Bed 3  PATEL
  Priya  83  IV abx").
- A ward named by its specialty and number alone ("two nights on Medical 1").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.ward_specialties import specialty_numbered_wards
from nlp.identifiers.numbers.worker_numbers import officer_numbers
from nlp.identifiers.people.bed_board_names import bed_board_names

# --- police officers' collar numbers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "surname"),
    [
        ("Referrer: PC 2817 Okonjo, Thames Valley Police", "2817", "Okonjo"),
        ("OFFICER: PC 6630 HARGREAVES CRIME REF: 11/220044/24", "6630", "HARGREAVES"),
        ("attended by DC 4419 Whitlock from the CID", "4419", "Whitlock"),
        ("PCSO 70215 Ferreira came to the door", "70215", "Ferreira"),
        ("Referrer: PC 3318 Green, Merseyside Police", "3318", "Green"),  # a surname, a word too
    ],
)
def test_an_officers_collar_number_and_surname(text: str, number: str, surname: str) -> None:
    assert found_values(officer_numbers, text) == [number, surname]
    assert covering_label(text, number) == "OTHER_ID"
    assert covering_label(text, surname) == "PERSON"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("PC 4471 attended the ward at 2am", "4471"),  # an everyday word after the number
        ("Sgt B512 took the statement", "B512"),
        ("PC 4471 Attended at 02:10 with the crew", "4471"),  # a capitalised everyday word
    ],
)
def test_an_officers_collar_number_alone(text: str, number: str) -> None:
    assert found_values(officer_numbers, text) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "HER NATIONAL INSURANCE NUMBER IS PC 87 53 43 B",  # a National Insurance number's pair
        "my pc 2000 keeps crashing",  # not the rank as written
        "the PC was 12 years old",
        "PC 45 Shaw",  # too few figures for a collar number
        "PC 123456 Shaw",  # too many
        "ref PC4471 on the form",  # glued to the rank
        "order PC 123 456 for the printer",  # one group of a longer number
    ],
)
def test_look_alikes_of_an_officers_collar_number_stay(text: str) -> None:
    assert found_values(officer_numbers, text) == []


# --- boards pasted as a table ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bed 1  TREHARNE Gwilym  77  for home Sat Bed 2", "TREHARNE Gwilym"),
        ("Bed 6\tKowalski Ania\t\t81\t\tIV abx", "Kowalski Ania"),
    ],
)
def test_a_board_name_closed_by_an_age_and_a_column_gap(text: str, value: str) -> None:
    assert value in found_values(bed_board_names, text)


@pytest.mark.parametrize(
    "text",
    [
        "Bed 1  TREHARNE Gwilym  77 for home",  # one space after the age: no column gap
        "Bed 2 side room  12  cleaned",  # everyday words
    ],
)
def test_look_alikes_of_a_table_board_name_stay(text: str) -> None:
    assert found_values(bed_board_names, text) == []


# --- wards by their specialty and number -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She spent two nights on Surgical 3 before theatre.", "Surgical 3"),
        ("dad was moved to medical 2 at the infirmary", "medical 2"),
        ("Transfer to Elderly Care 4B this afternoon.", "Elderly Care 4B"),
        ("he was on care of the elderly 1 for a month", "care of the elderly 1"),
        ("DISCHARGE SUMMARY  Royal Infirmary, Medical 12 Patient:", "Medical 12"),
    ],
)
def test_a_ward_by_its_specialty_and_number(text: str, value: str) -> None:
    assert found_values(specialty_numbered_wards, text) == [value]
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "she had surgical 2 weeks ago and is healing",
        "medical 1/52 sick note given",
        "medical 3 times this year",
        "surgical 1-2 days stay expected",
        "medical 1 – 2 visits a month",
        "medical 10% of the budget",
        "medical 2 or 3 visits a week",
        "medical 1.5 hours late",
        "paramedical 2 crews",
        "medical 12mg daily",
    ],
)
def test_look_alikes_of_a_specialty_ward_stay(text: str) -> None:
    assert found_values(specialty_numbered_wards, text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
