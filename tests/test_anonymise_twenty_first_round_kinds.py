"""Round 21 kinds (issue 20): districts by layout or "near", a care setting's name part
repeated alone, abstract nouns and departments that are no people. Sentences written for
these tests; each kind has look-alikes that must stay unflagged."""

from __future__ import annotations

import pytest
from anonymise_support import covered as _covered

from nlp.anonymise import detect
from nlp.identifiers.care_settings.setting_parts import setting_name_parts
from nlp.identifiers.places.neighbourhoods import neighbourhoods


def _flagged(text: str) -> set[str]:
    return {text[f.start : f.end] for f in detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12 Mill Lane\nGreen End\nBedford\nMK40 2QP\n\nDear team,", "Green End"),
        ("Flat 2, 8 Park Crescent\nNew Moston\nManchester\nM40 3AB\n\nHello", "New Moston"),
        ("Visit notes - parents' group at the library, Hollins Bank\nThree came.", "Hollins Bank"),
        ("Household: the Doyle family, Ferry Side\nLanguage: Irish", "Ferry Side"),
        ("We tried a pharmacy near Bishop's Gate but it had shut.", "Bishop's Gate"),
        ("Rose Villa\nCastle Street\nTain\nIV19 1AB\n\nDear Sir,", "Rose Villa"),
    ],
)
def test_districts_by_layout_or_near(text: str, value: str) -> None:
    assert _covered(text, value)


@pytest.mark.parametrize(
    ("text", "house", "district"),
    [
        ("Ivy Cottage\nMill Green\nCroston\nPR26 9AA\n\nDear team,", "Ivy Cottage", None),
        ("The Laurels\nOrchard Chase\nLeyland\nPR25 3XY\n", "The Laurels", None),
        ("Willow Barn\nChurch Rd\nGreat Ayton\nTS9 6AA\n", "Willow Barn", "Great Ayton"),
    ],
)
def test_a_block_street_line_knows_every_street_word_the_address_rules_know(
    text: str, house: str, district: str | None
) -> None:
    """The block's street line uses the address rules' street words (Green, Chase, Rd ...),
    not a shorter list of its own."""
    found = {(text[f.start : f.end], f.label) for f in neighbourhoods(text)}
    assert (house, "ADDRESS") in found
    assert district is None or (district, "LOCATION") in found


@pytest.mark.parametrize(
    "text",
    [
        "Present: Dr Okoro, Amy Green",  # a person, not a district
        "The ward was quiet, the staff were kind, and the food was good.",
        "We went near the end of the day, after the nurse had gone.",
    ],
)
def test_district_look_alikes_stay(text: str) -> None:
    found = detect(text)
    assert not any(f.label == "LOCATION" for f in found)
    if "Okoro" not in text:
        assert not found


def test_a_setting_name_part_repeats_alone() -> None:
    text = (
        "Kestrel - my dad's stay\n\nDad was moved to the Kestrel Unit in May. "
        "Later he went to Ward 4C. The nurses on 4C were kind."
    )
    flagged = [text[f.start : f.end] for f in detect(text)]
    assert flagged.count("4C") == 1 and "Kestrel" in flagged


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("Kestrel Unit", ["Kestrel"]),
        ("Ward 4C", ["4C"]),
        ("Ward 7", []),  # a bare number never repeats
        ("Rose Ward", []),  # too short and an everyday word
        ("Elizabeth House", []),  # a first name repeats as a person, if at all
        ("Royal Infirmary", []),
    ],
)
def test_setting_name_parts(value: str, parts: list[str]) -> None:
    assert setting_name_parts(value) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Independent Advocacy - Case Summary\n\nThe meeting went well.",
        "Friendliness was praised by everyone at the drop-in.",
        "Chemistry was the subject she loved, and Psychology was her plan.",
        "Reply from Gwen Morgan, Ward Sister, Cardiology\n\nThank you.",
    ],
)
def test_abstract_nouns_and_departments_are_no_people(text: str) -> None:
    flagged = _flagged(text)
    for word in ("Advocacy", "Friendliness", "Chemistry", "Psychology", "Cardiology"):
        assert word not in flagged


def test_people_beside_those_kinds_stay_found() -> None:
    text = "Reply from Gwen Morgan, Ward Sister, Cardiology. My wife, Carly, was there."
    flagged = _flagged(text)
    assert "Gwen Morgan" in flagged and "Carly" in flagged
