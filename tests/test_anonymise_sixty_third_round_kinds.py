"""Kinds built in the sixty-third round (issue 20), from the retired sets v76 and v77 and the
development sets that share each kind.

- The region that names a regional NHS body, marked as a place ("NHS Tayside", "Cardiff and
  Vale University Health Board", "Swansea Bay UHB", "Aberdeen City Health and Social Care
  Partnership", "Belfast Health and Social Care Trust"); a Welsh board named after a person
  ("Hywel Dda") and a direction alone ("the Western Trust") stay unmarked.
- An address line whose street has no kind word, before a postcode: the town straight before
  the postcode ("27 Millbrook, Omagh BT79 0AA"), a line in lower case ("4 birchgrove, bangor
  ll57 2aa"), and no comma between street and listed town ("61 Ashcombe Norwich NR2 1AB"); a
  count before a town ("2 weeks, leeds ls6 ...") stays.
- A birthday in the Iranian calendar, and the calendar named between the cue and the date ("my
  birthday in the Persian calendar is 9 Azar 1350").

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
        ("I wrote to NHS Tayside about the clinic and the ward.", "Tayside", "LOCATION"),
        ("Cardiff and Vale University Health Board replied.", "Cardiff and Vale", "LOCATION"),
        ("Swansea Bay UHB sent me a reply after six weeks.", "Swansea Bay", "LOCATION"),
        (
            "Complaints Team, Aberdeen City Health and Social Care Partnership",
            "Aberdeen",
            "LOCATION",
        ),
        ("Body complained about: Belfast Health and Social Care Trust", "Belfast", "LOCATION"),
        ("Write to me at 27 Millbrook, Omagh BT79 0AA please.", "27 Millbrook", "ADDRESS"),
        ("i live at 4 birchgrove, bangor ll57 2aa if u need it", "4 birchgrove", "ADDRESS"),
        ("Reply to Joy Adams 61 Ashcombe Norwich NR2 1AB by post", "61 Ashcombe", "ADDRESS"),
        (
            "My birthday in the Persian calendar is 9 Azar 1350, not what the form says.",
            "9 Azar 1350",
            "DATE_OF_BIRTH",
        ),
        ("Her real birthday is 3 Esfand 1342 by our calendar.", "3 Esfand 1342", "DATE_OF_BIRTH"),
    ],
)
def test_the_sixty_third_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I complained to Hywel Dda University Health Board in May.", "Hywel Dda"),
        ("The Western Trust has still not replied.", "Western"),
        ("we waited 2 weeks, leeds ls6 3ab was the address they had", "2 weeks"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
