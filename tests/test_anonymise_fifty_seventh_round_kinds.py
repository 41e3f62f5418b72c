"""Kinds built in the fifty-seventh round (issue 20), from the retired sets v64 and v65.

- A name written with its accents in lower case or capitals ("joão", "INÊS", "łukasz"), found
  through the ASCII name lists; short Welsh words with accents ("tîm", "tŷ", "sâl") stay words.
- An age in a form's fields parted by slashes ("/ age 37 /"); "3/4" stays a fraction.
- A mobile number whose trunk zero is typed apart ("0 7700 900 576").
- A bracketed date of birth with the month first ("(JUNE 9 1970)") or in six figures
  ("(090970)"), and a child's after "mum of" however recent.
- A postcode district closing a numbered street ("78 mill lane bt36").
- A hospital's initials typed in lower case after a word of place, with a word of care near
  ("the ambulance took her to wgh").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.core.name_gazetteer import gazetteer, without_accents


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("can someone ring my brother joão about the visit", "joão", "PERSON"),
        ("the nurse said małgorzata could go home friday", "małgorzata", "PERSON"),
        ("Name Aled Price / age 41 / nhs no unknown / GP Bridge St", "41", "AGE"),
        ("try 0 7700 900 233 after six", "0 7700 900 233", "PHONE"),
        ("PLEASE CONFIRM IFOR LEWIS (MARCH 3 1944) FOR TRANSPORT", "MARCH 3 1944", "DATE_OF_BIRTH"),
        ("Booked: Ruth Amankwah (140352) for the eye clinic.", "140352", "DATE_OF_BIRTH"),
        (
            "This is Dami, mum of Tobi Ade (3 Feb 2021), about his review.",
            "3 Feb 2021",
            "DATE_OF_BIRTH",
        ),
        ("lives alone 14 station road cf44 / gp branch surgery", "cf44", "POSTCODE"),
        ("she had a seizure, the ambulance took her to wgh. can u ring", "wgh", "CARE_SETTING"),
    ],
)
def test_the_fifty_seventh_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Diolch i'r tîm am bopeth.", "tîm"),
        ("Roedd hi'n sâl iawn ddoe.", "sâl"),
        ("She was aged 3/4 of the way through the course.", "3/4"),
        ("The score went from 0 7 to 9 in a week.", "0 7"),
        ("Meeting notes (120 people) and the hall (2025) booked.", "2025"),
        ("The ward was busy with the rush and the push at night.", "rush"),
        ("We went to bph clinic", "bph"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_names_are_looked_up_without_their_accents() -> None:
    assert without_accents("łukasz") == "lukasz"
    assert without_accents("gráinne") == "grainne"
    assert "joão" in gazetteer().first_names
    assert "tîm" not in gazetteer().first_names


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
