"""Kinds built in the sixty-sixth round (issue 20), from the retired sets v82 and v83 and the
development sets that share each kind.

- A listed town before the initials of a place of care ("Sheffield GIC", "Worthing DGH",
  "Hackney CMHT"); the initials alone ("the CMHT", "the UTC") stay unmarked.

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
        ("I was referred to Sheffield GIC two years ago.", "Sheffield GIC", "CARE_SETTING"),
        ("She waited nine hours in Worthing DGH on a trolley.", "Worthing DGH", "CARE_SETTING"),
        ("my care coordinator at Hackney CMHT rang me back", "Hackney CMHT", "CARE_SETTING"),
    ],
)
def test_the_sixty_sixth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The CMHT said they would ring me back.", "CMHT"),
        ("We went to the UTC in the end.", "UTC"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
