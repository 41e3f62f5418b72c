"""Kinds built in the fifty-sixth round (issue 20), from the retired sets v62 and v63.

- A flat's number before its building's name ("Flat 12, Harbour View House"), and a floor or a
  level before a numbered street ("First floor, 14 Castle Street").
- A title before a name that ends in a word of a care setting's ("Mr Chan Wing Lok"): a person.
- A Welsh dental practice or pharmacy by its Welsh words ("Deintyddfa Bro Dysynni",
  "Fferyllfa Penrhos"), and "'R" in capitals ("MEDDYGFA'R WAUN").
- A home-care agency's made-up name typed in lower case ("carers from sunbeck homecare").
- A message ending with the writer's name and a telephone number, no closing phrase between.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "She lives at Flat 12, Harbour View House, near the docks.",
            "Flat 12, Harbour View House",
            "ADDRESS",
        ),
        (
            "SEND IT TO APARTMENT 3, ST DAVIDS COURT PLEASE",
            "APARTMENT 3, ST DAVIDS COURT",
            "ADDRESS",
        ),
        ("The clinic (First floor, 14 Castle Street) has a lift.", "First floor", "ADDRESS"),
        ("Clinic address: Level 3, 20 Dock Road, Hull.", "Level 3", "ADDRESS"),
        ("Please call me back. Mr Chan Wing Lok", "Chan Wing Lok", "PERSON"),
        (
            "We waited a year at Deintyddfa Bro Dysynni for a filling.",
            "Deintyddfa Bro",
            "CARE_SETTING",
        ),
        ("The staff at Fferyllfa Penrhos were kind.", "Fferyllfa Penrhos", "CARE_SETTING"),
        ("I RANG MEDDYGFA'R WAUN THREE TIMES TODAY", "MEDDYGFA'R WAUN", "CARE_SETTING"),
        ("the carers from sunbeck homecare are always late", "sunbeck homecare", "CARE_SETTING"),
        (
            "THEY GAVE HIM 500MG TWICE A DAY.\n\nIS THAT REALLY RIGHT?\n\nFAITH\n07700 900 318",
            "FAITH",
            "PERSON",
        ),
    ],
)
def test_the_fifty_sixth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("She is in flat 5, the old house, with her sister.", "the old house"),
        ("Level 2, 3 times a week, she does the stairs.", "Level 2"),
        ("The new wing opened. Our Kingfisher Wing is lovely.", "The new"),
        ("the carers from council homecare and from private healthcare", "council homecare"),
        ("Please ring. Mum 07700 900123 is the best number.", "Mum"),
        ("Ma number's 0141 496 0782 if you need it.", "Ma number's"),
        ("Call 0161 496 0000 for help.", "Call"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
