"""Kinds built in the eighty-sixth round (issue 20), from the retired sets v122 and v123 and the
development sets that share each kind.

- A carers' charity named by its place, before or after "Carers" and its kind ("Cumbria
  Carers", "Carers Network Cheltenham", "carers hub lambeth").

Every sentence here was written for this file (none taken from a measuring set), and the kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.carers_organisations import carers_organisations


def _charities(text: str) -> list[str]:
    return [text[f.start : f.end] for f in carers_organisations(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I went to see the benefits adviser at Dorset Carers on Tuesday.", "Dorset Carers"),
        ("She was referred to Leicester Carers Centre for a break.", "Leicester Carers Centre"),
        ("Our group runs with Carers Network Swindon every month.", "Carers Network Swindon"),
        ("Ask Carers Trust Bolton about a grant.", "Carers Trust Bolton"),
        ("The form came from Carers in Hampshire last week.", "Carers in Hampshire"),
        ("My worker is from Kent Young Carers and she is lovely.", "Kent Young Carers"),
        ("dad's carer is from carers hub hackney, she comes mondays", "carers hub hackney"),
        ("i go to oldham young carers after school on fridays", "oldham young carers"),
    ],
)
def test_carers_charities_named_by_a_place_are_settings(text: str, value: str) -> None:
    assert value in _charities(text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "Referral to the Young Carers group on Thursdays.",  # no place
        "Carers Trust Heart of England runs a group for young adults.",  # no listed place
        "Worker: Siobhan Kerr, Carers Support Officer",  # a role
        "Contact Mrs Patel, Young Carers Lead, about the trip.",
        "Leeds Carers Allowance claims rose last year.",  # a benefit after the place
        "She applied for Carers Allowance in March.",
        "it was carers week so we had cake",
        "Oldham Carers Worker Jo will ring you.",  # a role after the place
        "Our carers support Leeds families every day.",  # lower case in a text with capitals
        "theres no carers in dudley for him, he needs double up",  # care workers
        "THE DISCHARGE TEAM SAY THERE ARE NO CARERS IN BELPER.",
    ],
)
def test_other_carers_words_stay(text: str) -> None:
    assert _charities(text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
