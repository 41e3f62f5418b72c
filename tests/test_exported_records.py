"""Identifiers in records pasted from another system (nlp/identifiers/numbers/exported_records.py):
a table under its header row, and fields given as key and value.

Every record here was written for this file (none taken from a measuring set). The look-alikes
are fields whose names say nothing identifying, and rows that do not line up with a header.
"""

from __future__ import annotations

import pytest

from nlp.anonymise import detect
from nlp.identifiers.numbers.exported_records import exported_records, key_kind


def _labels(text: str) -> dict[str, str]:
    return {text[f.start : f.end]: f.label for f in exported_records(text)}


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("patient_dob", "DATE_OF_BIRTH"),
        ("Date of birth", "DATE_OF_BIRTH"),
        ("nhs_no", "NHS_NUMBER"),
        ("client.hc_no", "OTHER_ID"),
        ("NOK phone", "PHONE"),
        ("first_name", "PERSON"),
        ("service_name", "CARE_SETTING"),
        ("town", "LOCATION"),
        ("nhs_trust", None),
        ("relationship", None),
        ("patient_type", None),
        ("rating", None),
        ("comment", None),
    ],
)
def test_a_field_name_says_what_its_value_is(key, kind):
    assert key_kind(key) == kind


def test_a_table_under_its_header_row_is_read_by_column():
    text = (
        "Export 12/03\n"
        "ref,surname,forename,dob,nhs_number,postcode,mobile,rating,comment\n"
        "QX-2201,Achterberg,Wim,1958-02-14,463 118 2093,YO31 7HX,07700 900 611,2,too long\n"
        'QX-2202,Nwosu,Chidi,,,"LS6 2AB",07700 900 612,5,"lovely, thanks"\n'
    )
    found = _labels(text)
    assert found["Achterberg"] == "PERSON" and found["Chidi"] == "PERSON"
    assert found["1958-02-14"] == "DATE_OF_BIRTH"
    assert found["463 118 2093"] == "NHS_NUMBER"
    assert found["LS6 2AB"] == "POSTCODE"
    assert found["07700 900 612"] == "PHONE"
    assert "2" not in found and "lovely, thanks" not in found and "5" not in found


def test_an_unquoted_comma_in_an_address_is_lined_up_from_both_ends():
    text = (
        "id,name,address,postcode,phone\n7,Ola Berg,Flat 3, 9 Quay Street,DD1 4AB,01382 496 100\n"
    )
    found = _labels(text)
    assert found["Flat 3, 9 Quay Street"] == "ADDRESS"
    assert found["DD1 4AB"] == "POSTCODE"
    assert found["01382 496 100"] == "PHONE"


def test_key_value_fields_in_json_and_with_equals_signs():
    text = (
        '{"patient": {"full_name": "Ines Duarte", "dob": "03/09/1971", "age": 53}, '
        '"service_name": "Oakfield Surgery", "rating": 4}\n'
        "case.id=RT-0091 client.surname=Kowal client.tel=0117 496 0032 status=closed"
    )
    found = _labels(text)
    assert found["Ines Duarte"] == "PERSON"
    assert found["03/09/1971"] == "DATE_OF_BIRTH"
    assert found["53"] == "AGE"
    assert found["Oakfield Surgery"] == "CARE_SETTING"
    assert found["Kowal"] == "PERSON"
    assert found["0117 496 0032"] == "PHONE"
    assert "4" not in found and "closed" not in found


@pytest.mark.parametrize(
    "text",
    [
        "name,score,comment\nAA,12,fine\n",  # one known heading only: no table of people
        "We waited, sat, and waited; then left.\nThe nurse, kind as ever, said so.",
        "dob,phone\nnull,n/a\n",  # empty values mark nothing
        "age=unknown rating=5 wait=40",
    ],
)
def test_no_known_table_or_empty_values_mark_nothing(text):
    assert _labels(text) == {}


def test_the_detector_takes_them_through_the_whole_pipeline():
    text = "first_name|last_name|postcode\nAgnieszka|Wróbel|CF24 3AA\n"
    found = {text[f.start : f.end] for f in detect(text)}
    assert {"Agnieszka", "Wróbel", "CF24 3AA"} <= found
