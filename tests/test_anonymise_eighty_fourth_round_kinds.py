"""Kinds built in the eighty-fourth round (issue 20), from the retired sets v118 and v119 and
the development sets that share each kind.

- A court is no care setting; the place it sits in is a place ("Held at Burnley Coroner's
  Court" hides "Burnley" as a place, not the court as a care setting).
- "The Duty of Candour" is no person.
- An age told as "you are now 19" or "when I turn 18".
- A block between the room and the street ("Room 39, Block C, 15 Ash Road").
- A university typed "uni of york", and a college named by a compass point and a county
  ("South Devon College").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.look_alikes.court_names import without_court_settings
from nlp.identifiers.places.places_of_learning import named_places_of_learning


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.label, text[f.start : f.end]) for f in detect(text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The inquest was held at Wakefield Coroner's Court on 3 May.", "Wakefield"),
        ("Court liaison note – Leeds Magistrates' Court, client seen in cells.", "Leeds"),
        ("He was sentenced at Chester Crown Court last year.", "Chester"),
        ("The hearing moved to Oxford County Court.", "Oxford"),
    ],
)
def test_a_court_hides_its_place_only(text: str, place: str) -> None:
    found = _found(text)
    assert ("LOCATION", place) in found
    assert not any(label == "CARE_SETTING" for label, _ in found)


def test_a_court_without_a_place_is_nothing() -> None:
    text = "A pre-inquest review will be held at the Coroner's Court next month."
    assert not any(label == "CARE_SETTING" for label, _ in _found(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mum moved to Willow Court last week and likes her room.", "Willow Court"),
        ("Visits at Fox Court care home are booked by phone.", "Fox Court"),
    ],
)
def test_a_home_called_court_stays_a_setting(text: str, value: str) -> None:
    assert covering_label(text, value) == "CARE_SETTING"


def test_court_settings_are_cut_back_to_their_place() -> None:
    text = "Held at Burnley Coroner's Court"
    setting = Finding(8, len(text), "CARE_SETTING", 0.8, "care_pattern")
    other = Finding(0, 4, "PERSON", 0.8, "capitals")
    out = without_court_settings(text, [other, setting])
    assert [(f.label, text[f.start : f.end]) for f in out] == [
        ("PERSON", "Held"),
        ("LOCATION", "Burnley"),
    ]
    assert without_court_settings(text, [other]) == [other]
    alone = Finding(16, len(text), "CARE_SETTING", 0.8, "care_pattern")  # "Coroner's Court"
    assert without_court_settings(text, [alone]) == []


@pytest.mark.parametrize(
    "text",
    [
        "I am writing to you under the Duty of Candour to tell you what happened.",
        "Duty of Candour letter sent to the family on Monday.",
    ],
)
def test_the_duty_of_candour_is_no_person(text: str) -> None:
    assert not any(label == "PERSON" for label, _ in _found(text))


def test_a_person_is_still_found_beside_the_duty() -> None:
    text = "Duty of Candour letter sent to Mrs Agnes Whitlow by the ward manager."
    assert covering_label(text, "Agnes Whitlow") == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We note that as you are now 19 your care has moved to the adult team.", "19"),
        ("what happens to my meds when i turn 18? my birthday is soon", "18"),
        ("As you will turn 16 in March, we will write to you again.", "16"),
    ],
)
def test_ages_told_as_now_or_a_birthday_to_come(text: str, value: str) -> None:
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    "text",
    [
        "You are 2 weeks late for the review.",
        "you are 1 of 3 people on the list",
        "Turn 180 degrees and walk to the desk.",
        "Please turn 2 pages on to the form's end.",
        "People think once they turn eighteen it all gets easier.",  # young people at large
    ],
)
def test_other_numbers_after_those_words_stay(text: str) -> None:
    assert not any(label == "AGE" for label, _ in _found(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "She has moved to Room 12, Block B, 40 Mill Road. Reports low mood.",
            "Room 12, Block B, 40 Mill Road",
        ),
        ("my address is flat 6, block a, 9 station road now", "flat 6, block a, 9 station road"),
    ],
)
def test_a_block_before_the_street_is_part_of_the_address(text: str, value: str) -> None:
    assert covering_label(text, value) == "ADDRESS"


def test_a_block_of_time_is_no_address() -> None:
    text = "We need to block 2 hours for the review on the ward."
    assert not any(label == "ADDRESS" for label, _ in _found(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("im 19 and at uni of leeds, how do i register with a gp", "uni of leeds"),
        ("She starts at North Devon College in September.", "North Devon College"),
    ],
)
def test_places_of_learning_as_students_name_them(text: str, value: str) -> None:
    assert covering_label(text, value) == "LOCATION"


@pytest.mark.parametrize(
    "text",
    [
        "the uni of life taught me more than any course",
        "she is at a college of further education now",
    ],
)
def test_other_unis_and_colleges_stay(text: str) -> None:
    assert not any(label == "LOCATION" for label, _ in _found(text))


def test_only_a_compass_point_joins_the_county() -> None:
    text = "He went to Thomas Rotherham College and then to West Suffolk College."
    found = [text[f.start : f.end] for f in named_places_of_learning(text)]
    assert found == ["Rotherham College", "West Suffolk College"]


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
