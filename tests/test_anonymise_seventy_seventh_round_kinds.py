"""Kinds built in the seventy-seventh round (issue 20), from the retired sets v104 and v105 and
the development sets that share each kind.

- A hotel or an inn by its own name, where people seeking asylum and families placed by a
  council live for months ("the Harbourview Lodge Hotel", "Room 31, Ashdown Park Hotel", "IN
  THE HOTEL NORTH STAR HOTEL LUTON", "the Meadow Grange Inn").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.places.named_hotels import named_hotels


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We were moved to the Harbourview Lodge Hotel last week.", "Harbourview Lodge Hotel"),
        ("Address: Room 31, Ashdown Park Hotel, Crawley", "Ashdown Park Hotel"),
        ("I LIVE IN THE HOTEL NORTH STAR HOTEL LUTON 5 MONTHS", "NORTH STAR HOTEL"),
        ("Since the Meadow Grange Inn opened as contingency housing", "Meadow Grange Inn"),
    ],
)
def test_named_hotels_are_found(text: str, value: str) -> None:
    assert covering_label(text, value) is not None
    start = text.index(value)
    assert any(f.start <= start and start + len(value) <= f.end for f in named_hotels(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hotel staff were kind to the children.",
        "WE ARE AT THE HOTEL NOW AND IT IS COLD",
        "They put us in a Contingency Hotel for a month.",
        "Then an Asylum Inn, the same again.",
        "The Hotel was cold and the food was bad.",
        "Surname spelled Papa Echo Romeo Sierra Alpha Hotel, thanks.",
    ],
)
def test_hotels_without_a_name_stay(text: str) -> None:
    assert list(named_hotels(text)) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
