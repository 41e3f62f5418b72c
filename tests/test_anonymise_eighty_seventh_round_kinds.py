"""Kinds built in the eighty-seventh round (issue 20), from the retired sets v124 and v125 and
the development sets that share each kind.

- An abbreviation's plural or an abbreviation with one small letter inside ("LFTs", "PrEP",
  "GnRH") is no person or place.
- A birth date after a name or an NHS number in a list's line whose fields are parted by a
  semicolon, a slash or a full stop.
- An age with a small "f" after it ("62f", "(47f)").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.look_alikes.abbreviation_shapes import (
    abbreviation_shaped,
    without_abbreviation_people,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bloods today: U&Es and LFTs normal, Hb 121.", "LFTs"),
        ("The HCAs on the night shift were kind to him.", "HCAs"),
        ("Two DNAs in a row and they discharged her.", "DNAs"),
        ("She asked the clinic about PrEP and got a leaflet.", "PrEP"),
        ("Started GnRH injections last month.", "GnRH"),
        ("The SpR on call reviewed him at midnight.", "SpR"),
        ("Her HbSS crisis meant three nights in.", "HbSS"),
        ("Dizzy when standing, PoTS suspected by the cardiologist.", "PoTS"),
    ],
)
def test_abbreviation_shapes_are_no_one(text: str, value: str) -> None:
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mrs McAllister was seen by the nurse.", "McAllister"),
        ("Dr MacLeod rang back after lunch.", "MacLeod"),
        ("DeShawn Carter was discharged on Friday.", "DeShawn"),
    ],
)
def test_names_with_capitals_inside_stay(text: str, value: str) -> None:
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        ("TFTs", True),
        ("EHCPs", True),
        ("PrEP", True),
        ("EoL", True),
        ("McC", False),  # a surname cut short
        ("McAllister", False),
        ("MacLeod", False),
        ("MacDONALD", False),  # a surname in capitals after its "Mac"
        ("Ts", False),  # one capital
        ("TFTS", False),  # capitals only: another rule's business
        ("Tfts", False),
        ("DeShawn", False),
    ],
)
def test_abbreviation_shape(word: str, shaped: bool) -> None:
    assert abbreviation_shaped(word) is shaped


def test_only_guesses_of_abbreviations_and_everyday_words_go() -> None:
    text = "Dr LFTs saw Ade TFTs and PrEP. Eighteen TTOs. Jo"
    ruled = Finding(0, 7, "PERSON", 0.9, "title_cue")  # after a title: a name as written
    named = Finding(12, 20, "PERSON", 0.6, "capitals")  # "Ade" is more than an abbreviation
    guess = Finding(25, 29, "PERSON", 0.6, "capitals")
    setting = Finding(25, 29, "CARE_SETTING", 0.6, "capitals")  # not a person or a place
    place = Finding(25, 29, "LOCATION", 0.6, "ner")
    everyday = Finding(31, 44, "PERSON", 0.6, "ner")  # "Eighteen TTOs"
    plain = Finding(46, 48, "PERSON", 0.6, "capitals")  # no abbreviation in it
    kept = without_abbreviation_people(text, [ruled, named, guess, setting, place, everyday, plain])
    assert kept == [ruled, named, setting, plain]


def test_initials_after_a_plural_stay_with_it() -> None:
    text = "Visit 3/12 - ARs KT, manager on leave."
    guess = Finding(13, 19, "PERSON", 0.6, "capitals")  # "ARs KT": KT's initials
    assert without_abbreviation_people(text, [guess]) == [guess]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Clinic list: Marcus Oyelaran; 3 June 1964; 943 476 5919; Flat 2, 9 Hill Rise",
            "3 June 1964",
        ),
        (
            "Pharmacy check - Teodora Lis / 943 476 5919 / 11th Feb 1988 Sources: GP record",
            "11th Feb 1988",
        ),
        ("Ifeoma Nnamdi. 22/07/1949. 943-476-5919. 14 Orchard Way, Leeds", "22/07/1949"),
        ("Hamish Drummond / 09/11/1930 / lives alone", "09/11/1930"),
    ],
)
def test_birth_dates_in_a_lists_fields(text: str, value: str) -> None:
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Clinic list: Marcus Oyelaran; 3 June 2024; reviewed", "3 June 2024"),  # an event
        ("Seen by Teodora Lis / 11/02/2025 / follow up in six weeks", "11/02/2025"),
    ],
)
def test_recent_dates_in_a_lists_fields_are_no_birth(text: str, value: str) -> None:
    assert covering_label(text, value) != "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("62f, lives near the coast, chronic pain for years", "62"),
        ("tel review w/ bernadette (47f). wants her hrt changed", "47"),
        ("2. okafor j  h/221/30981  71f  knee replacement", "71"),
    ],
)
def test_an_age_with_a_small_f(text: str, value: str) -> None:
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("walked 40m with the frame then sat down", "40"),  # metres
        ("waited 2h 15m in the corridor", "15"),  # minutes
        ("she lives in flat 12f on the top floor", "12"),  # a flat's number
        ("the oven was at 180f for an hour", "180"),  # too high for an age
    ],
)
def test_other_small_letters_after_a_figure_stay(text: str, value: str) -> None:
    assert covering_label(text, value) != "AGE"


def test_detect_returns_findings_for_an_age_line() -> None:
    found = detect("58f, mid devon, fibro since 2019")
    assert any(f.label == "AGE" for f in found)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
