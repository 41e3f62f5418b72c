"""Kinds built in the seventy-eighth round (issue 20), from the retired sets v106 and v107 and
the development sets that share each kind.

- A community team or service named by its place and what it does ("the Rochdale Crisis and
  Home Treatment Team", "North Tyneside Memory Service", "harrogate cmht").
- A house's number and a street named without a street's kind, before its town or postcode or
  after words that say where someone lives ("9 Larkspur Bank, Otley", "I live at 3 The
  Spinney.").
- A reference's figures after its letters and a hyphen are not a phone number
  ("DAT-0722-4419 14:05").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, labelled

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.care_settings.place_named_teams import place_named_teams
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.numbers.phone_numbers import phones
from nlp.identifiers.places.numbered_house_lines import numbered_house_lines


def _team_values(text: str) -> list[str]:
    return [text[f.start : f.end] for f in place_named_teams(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "He is under the Rochdale Crisis and Home Treatment Team now.",
            "Rochdale Crisis and Home Treatment Team",
        ),
        ("Letter from North Tyneside Memory Service today.", "North Tyneside Memory Service"),
        ("Referred to the Kendal Community Drug Team in May.", "Kendal Community Drug Team"),
        ("Seen by Dorset North Crisis Team overnight.", "Dorset North Crisis Team"),
        ("Care coordinator, Central Wigan Community Mental Health Team", "Central Wigan"),
        ("Referral to the Bath and Wells Wheelchair Service was sent.", "Bath and Wells"),
        ("follow up booked with the harrogate cmht next week", "harrogate cmht"),
        (
            "Referred to Harrogate Adult Community Mental Health Team.",
            "Harrogate Adult Community Mental Health Team",
        ),
        ("REFERRED TO THE ROTHERHAM HOME TREATMENT TEAM", "ROTHERHAM HOME TREATMENT TEAM"),
        (
            "Handover to the Cwmbrwla Early Intervention in Psychosis Team.",
            "Cwmbrwla Early Intervention in Psychosis Team",
        ),
    ],
)
def test_place_named_teams_are_found(text: str, value: str) -> None:
    assert covering_label(text, value) == "CARE_SETTING"
    assert any(value in found for found in _team_values(text))


def test_a_team_starts_at_its_place() -> None:
    text = "Peer Support Worker, East Bolton Home Treatment Team"
    assert _team_values(text) == ["East Bolton Home Treatment Team"]
    text = "A big thank you to Megan and Leeds Recovery Service."
    assert _team_values(text) == ["Leeds Recovery Service"]
    assert _team_values("Thanks to the Otley and Megan Memory Service.") == []
    assert _team_values("Plan shared with OOH and Skye DN team today.") == ["Skye DN team"]
    assert _team_values("the Leeds Community Mental Health Team called") == [
        "Leeds Community Mental Health Team"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Community Mental Health Team rang me back.",
        "Our Home Treatment Team was brilliant.",
        "Sunderland Adult Services sent the letter.",  # a council's department
        "Complain to the Parliamentary and Health Service Ombudsman.",
        "Yorkshire Ambulance Service came in an hour.",  # no word of a team's care
        "The Leeds team were lovely with him.",  # no word of a team's care
        "Thanks to the Fisher Crisis Resolution Team.",  # an English word, no listed place
        "Thanks to the Kestrel Crisis Resolution Team.",  # an English word, no listed place
        "Letter from the Brackwell Memory Service.",  # no listed place, one word of care
        "we rang the crisis team and the cmht.",
        "He was seen by the Leeds crisis resolution team on Monday.",  # its words uncapitalised
    ],
)
def test_teams_without_a_place_stay(text: str) -> None:
    assert _team_values(text) == []


def _house_values(text: str) -> list[str]:
    return [text[f.start : f.end] for f in numbered_house_lines(text, detect(text))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She lives at 9 Larkspur Bank, Otley, with her son.", "9 Larkspur Bank"),
        ("PLEASE VISIT 41 THE SPINNEY, MATLOCK TODAY", "41 THE SPINNEY"),
        ("Name: Idris Pugh, 17 Maes yr Haf, Llandeilo. Tel below.", "17 Maes yr Haf"),
        ("new address flat 2 88 eastfield wf3 2jq ok", "flat 2 88 eastfield"),
        ("I live at 3 The Spinney. My daughter visits.", "3 The Spinney"),
        ("im fine, i'm at 22 Larkspur Bank.", "22 Larkspur Bank"),
        ("KEY SAFE AT 214 NORBURY HEIGHTS, SW16 4PL", "214 NORBURY HEIGHTS"),
    ],
)
def test_numbered_house_lines_are_found(text: str, value: str) -> None:
    assert covering_label(text, value) == "ADDRESS"
    assert value in _house_values(text)


@pytest.mark.parametrize(
    "text",
    [
        "She took 2 Paracetamol, Otley GP said that was fine.",
        "We waited 3 Hours, Leeds was busy.",
        "Room 5 Oak Ward, Leeds, then home.",
        "Mrs Ellis, aged 84, Rose Cottage, Ilkley.",
        "mae'n 20 munud o abergwaun i'r fferm",
        "METHADONE 60ML 2019, CGL BARNET CONTACT",
        "It has been 6 Months Bradford way.",
        "Moved to Room 12 Heather View, Otley.",
        "We saw 3 lovely nurses, Leeds staff too.",
        "It took 2 Long Weeks, Leeds said sorry.",
        "Seen at 2 Elm Surgery, Leeds on Friday.",
    ],
)
def test_numbers_of_other_things_stay(text: str) -> None:
    assert _house_values(text) == []


def test_a_number_read_as_an_age_is_no_house() -> None:
    text = "Mrs Ellis, 84, Larkspur Bank, Otley."
    found = [Finding(11, 13, "AGE", 0.9, "test"), Finding(30, 35, "LOCATION", 0.8, "test")]
    assert list(numbered_house_lines(text, found)) == []
    assert [text[f.start : f.end] for f in numbered_house_lines(text, found[1:])] == [
        "84, Larkspur Bank"
    ]


def test_a_reference_s_figures_are_no_phone() -> None:
    text = "DAT-0722-4419 14:05 caller reports a fall"
    assert [f for f in phones(text) if f.label == "PHONE"] == []
    assert "PHONE" not in labelled(text, "DAT-0722-4419")
    assert covering_label(text, "DAT-0722-4419") == "OTHER_ID"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ring me, tel-07700 900123, after six", "07700 900123"),
        ("Mob-07700 900456 is best", "07700 900456"),
    ],
)
def test_a_phone_after_its_own_word_and_a_hyphen_stays_a_phone(text: str, value: str) -> None:
    start = text.index(value)
    assert any(f.start <= start and f.end >= start + len(value) for f in phones(text))


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
