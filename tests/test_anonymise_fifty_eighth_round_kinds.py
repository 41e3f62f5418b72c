"""Kinds built in the fifty-eighth round (issue 20), from the retired sets v66 and v67.

- The venues where story gatherers meet people: a mosque named in the Urdu way or typed in lower
  case ("Masjid-e-Noor", "jamia masjid farooqia"), a Welsh school named kind first ("Ysgol
  Gynradd Llanfair"), a school by two or three capitalised words ("Cardinal Newman School"), a
  Sure Start centre by its place, and a known place's library, market or leisure centre.
- Gaelic's and Irish's own words for a health centre or a hospital ("Taigh Slàinte Bharraigh").
- A home-care agency of two words in capitals before "HOMECARE".
- A first name and a family name before a bracketed age ("April Baker (38) said").
- "DOB of mum" before a date; a story gatherer's name after "Gatherer:".

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
        ("We ran a stall after prayers at Masjid-e-Noor, Alum Rock.", "Masjid-e-Noor", "LOCATION"),
        (
            "stall at jamia masjid farooqia, leeds. uncle said the gp",
            "jamia masjid farooqia",
            "LOCATION",
        ),
        (
            "Coffee morning, Ysgol Gynradd Llanfair. A dad said the wait",
            "Ysgol Gynradd Llanfair",
            "LOCATION",
        ),
        (
            "Assembly at Cardinal Newman School, Luton. Six young carers.",
            "Cardinal Newman School",
            "LOCATION",
        ),
        (
            "Stay and play at Sure Start Hattersley on Tuesdays.",
            "Sure Start Hattersley",
            "LOCATION",
        ),
        ("Stall at Chorley Market - a man said his wife waits.", "Chorley Market", "LOCATION"),
        ("DROP-IN AT DENTON LIBRARY. SPOKE TO A CARER.", "DENTON LIBRARY", "LOCATION"),
        (
            "She is registered at Taigh Slàinte Bharraigh now.",
            "Taigh Slàinte Bharraigh",
            "CARE_SETTING",
        ),
        (
            "CARERS FROM GOLDEN YEARS HOMECARE COME TWICE A DAY",
            "GOLDEN YEARS HOMECARE",
            "CARE_SETTING",
        ),
        (
            "Visit to the site. April Baker (38) said the surgery refused her.",
            "April Baker",
            "PERSON",
        ),
        ("DOB of mum 1938-11-02, NHS number to follow.", "1938-11-02", "DATE_OF_BIRTH"),
        ("HAPPY TO BE CONTACTED. GATHERER: ZERYA.", "ZERYA", "PERSON"),
    ],
)
def test_the_fifty_eighth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("PA to support with Sure Start Maternity Grant application.", "Maternity Grant"),
        ("We come to Sure Start Play and Stay on Mondays.", "Play and Stay"),
        ("She went to the masjid on friday with her sister.", "masjid"),
        ("He went to Sunday School and Medical School.", "Sunday School"),
        ("The Plan B (2) option was chosen.", "Plan B"),
        ("She shops at the market and the library most days.", "market"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
