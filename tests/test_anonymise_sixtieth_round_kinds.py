"""Kinds built in the sixtieth round (issue 20), from the retired sets v70 and v71.

- An estate's name with its kind word ("on the Tollgate Estate", "church end estate"), as most
  development sets mark it, and after "at" too ("AT THE HOLLYBUSH ESTATE HALL").
- A community organisation or venue by its own kind of name ("Hanwell Somali Community
  Association", "Acton Food Bank", "Kurdish Welfare Association"), in capitals too; "the
  Community Centre" and a sentence's words before the kind ("CLUB AT THE COMMUNITY CENTRE") stay.

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
            "We have lived on the Tollgate Estate since 1992 and the lift is broken.",
            "Tollgate Estate",
            "LOCATION",
        ),
        ("i live on the pembury estate and the damp is bad", "pembury estate", "LOCATION"),
        ("CLINIC AT THE HOLLYBUSH ESTATE HALL ON MONDAY", "HOLLYBUSH ESTATE", "LOCATION"),
        (
            "She goes to the Hanwell Somali Community Association on Fridays.",
            "Hanwell Somali Community Association",
            "LOCATION",
        ),
        ("He volunteers at Acton Food Bank now.", "Acton Food Bank", "LOCATION"),
        (
            "REFERRING AGENCY: KURDISH WELFARE ASSOCIATION REFERRER: A. SMITH",
            "KURDISH WELFARE ASSOCIATION",
            "LOCATION",
        ),
    ],
)
def test_the_sixtieth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We went to the Community Centre and the food bank.", "Community Centre"),
        ("SHE GOT ME GOING TO A LUNCH CLUB AT THE COMMUNITY CENTRE EVERY WEEK.", "CLUB AT THE"),
        ("FOOD BANK VOUCHER REFERRAL\nFOOD BANK: THE HUB", "VOUCHER"),
        ("We live on a council estate near the park.", "council estate"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
