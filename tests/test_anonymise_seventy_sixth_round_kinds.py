"""Kinds built in the seventy-sixth round (issue 20), from the retired sets v102 and v103 and
the development sets that share each kind.

- A key safe's code of four figures, though it reads like a year ("Keysafe 1984"), and its code
  in brackets after it ("in the key safe (code 3071)").
- A date of birth straight after a found person in brackets, in the ISO order of an export, or
  with spaces for its strokes ("Gwyneth Parry (1931-04-17)", "Dorota Kaminska, 1940-02-28",
  "ALAN PRICE 3 9 1950"); an event's date after a name stays ("Jane Smith (12/03/2024)").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.dates_and_ages.record_dates import birth_dates_after_names


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Double up. Keysafe 1984. Ring the office if stuck.", "1984"),
        ("Spare key in the key safe (code 3071) by the back door.", "3071"),
        ("Key safe code 2010, carers to use front door.", "2010"),
    ],
)
def test_key_safe_codes_are_found(text: str, value: str) -> None:
    assert covering_label(text, value) == "OTHER_ID"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Key safe fitted in 2019 by the council.", "2019"),
        ("Policy ref 2024 (annual review) is attached.", "2024"),  # a year after other cues
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert covering_label(text, word) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gwyneth Parry (1931-04-17) - memory clinic 4/9, seen alone.", "1931-04-17"),
        ("Prescription request for Dorota Kaminska, 1940-02-28. Thanks.", "1940-02-28"),
        ("RE MY DAD ALAN PRICE 3 9 1950 STILL NO CALL BACK", "3 9 1950"),
        ("Booked: Hilary Watson (12/5/47) into respite from Monday.", "12/5/47"),
    ],
)
def test_birth_dates_after_names_are_found(text: str, value: str) -> None:
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Seen by Jane Smith (12/03/2024) in clinic.", "12/03/2024"),
        ("Jane Smith 2024-03-12 review done.", "2024-03-12"),
        ("Dr Patel (2 3 2019) said no.", "2 3 2019"),
    ],
)
def test_event_dates_after_names_stay(text: str, word: str) -> None:
    assert covering_label(text, word) in (None, "OTHER_ID")


@pytest.mark.parametrize(("source", "found"), [("ner", True), ("age_cue", False)])
def test_only_the_models_age_inside_the_date_gives_way(source: str, found: bool) -> None:
    text = "Gwyneth Parry (1931-04-17) seen."
    person = Finding(0, 13, "PERSON", 0.9, "capitals")
    age = Finding(23, 25, "AGE", 0.5, source)
    dates = list(birth_dates_after_names(text, [person, age]))
    assert bool(dates) is found


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
