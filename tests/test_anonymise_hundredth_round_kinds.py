"""Kinds built in the hundredth round (issue 20), from the retired sets v150 and v151 and the
development sets that share each kind.

- A phone number never runs across a line break into the next line's figures.
- A CAMHS team named by its place or its base ("Wakefield CAMHS", "Hollybank CAMHS").
- The independent abortion providers' clinics, the provider and then the place ("BPAS
  Streatham").
- The first line of an address field's answer ("Address line 1: Meadowside").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.care_settings.named_mental_health_teams import named_mental_health_teams
from nlp.identifiers.care_settings.private_hospitals import private_hospitals
from nlp.identifiers.numbers.phone_numbers import phones
from nlp.identifiers.places.address_field_answers import address_field_answers

# --- a phone number ends at its line ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone", "after"),
    [
        ("Tel: 07700 900431\n\n52 year old woman, lives alone.", "07700 900431", "52"),
        ("mob 07700 900 218\n3. Review in clinic", "07700 900 218", None),
        ("Contact: 0113 496 0571\n14 Larch Grove, Leeds", "0113 496 0571", None),
        ("+44 7700 900654\n2 children at home", "+44 7700 900654", None),
        ("Ward 0121 496 001\n4 beds free tonight", "0121 496 001", None),  # nine figures, no cue
    ],
)
def test_a_phone_number_ends_at_its_line(text: str, phone: str, after: str | None) -> None:
    assert set(found_values(phones, text)) == {phone}  # found by its cue and by its shape
    if after:
        assert covering_label(text, after) == "AGE"


def test_a_phone_number_grouped_on_one_line_is_still_whole() -> None:
    text = "ring me on 0161 496 0022 or text 07700-900-377"
    assert set(found_values(phones, text)) == {"0161 496 0022", "07700-900-377"}


# --- CAMHS teams by name ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She has been under Kirklees CAMHS since March.", "Kirklees CAMHS"),
        ("Referred on to North Somerset CAMHS by the school nurse.", "North Somerset CAMHS"),
        ("My son waited a year for Thornbank CAMHS to call.", "Thornbank CAMHS"),
        ("Choice appointment at Willow View CAMHS on Monday", "Willow View CAMHS"),
        ("he was seen at Larkfield CYPMHS in the end", "Larkfield CYPMHS"),
        ("ive been on the list at brookvale camhs for two years", "brookvale camhs"),
        ("REFERRED TO ROTHERHAM CAMHS IN 2023", "ROTHERHAM CAMHS"),
        ("Transferred from East Lancashire CAMHS last year.", "East Lancashire CAMHS"),
    ],
)
def test_a_camhs_team_by_its_name(text: str, value: str) -> None:
    assert found_values(named_mental_health_teams, text) == [value]
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "We were finally referred to CAMHS in May.",
        "The CAMHS worker rang. Her CAMHS nurse was lovely.",
        "Community CAMHS and Tier 4 CAMHS both said no.",
        "Feedback for the Healthwatch CAMHS report was shared.",
        "Needs CAMHS liaison review before discharge.",
        "Her social worker says the LAC CAMHS wait is nine months.",
        "Ayesha's CAMHS appointment was moved again.",
        "he would rather not see the on-call camhs team",
        "WE ARE STILL WAITING FOR CAMHS TO CALL",
        "Thanks CAMHS for everything.",
        "The Eating Disorders CAMHS team rang back.",  # what the team does, not its name
        "She was moved to the Adolescent CAMHS unit.",
        "i was referred to nhs camhs in the end",
    ],
)
def test_look_alikes_of_a_named_camhs_team_stay(text: str) -> None:
    assert found_values(named_mental_health_teams, text) == []


# --- abortion providers' clinics --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was booked in at BPAS Doncaster the following week.", "BPAS Doncaster"),
        ("i self-referred to bpas luton on the monday", "bpas luton"),
        ("Seen at MSI Reproductive Choices Norwich.", "MSI Reproductive Choices Norwich"),
    ],
)
def test_an_abortion_providers_clinic_by_its_place(text: str, value: str) -> None:
    assert found_values(private_hospitals, text) == [value]
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "I rang BPAS and they were kind.",
        "bpas said to wait for a call back",
        "BPAS and MSI both run the helpline.",
    ],
)
def test_look_alikes_of_an_abortion_providers_clinic_stay(text: str) -> None:
    assert found_values(private_hospitals, text) == []


# --- an address field's first line -------------------------------------------------------------


def _answers(text: str) -> list[str]:
    """The address field answers given over what the other rules found."""
    found = [f for f in detect(text) if f.source != "address_field"]
    return [text[f.start : f.end] for f in address_field_answers(text, found)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Address line 1: Brackenside  Town: Ripon  Postcode: HG4 2QT", "Brackenside"),
        ("Previous address: Room 114, The Station Hotel, Crewe", "Room 114"),
        ("Cyfeiriad / Address: Hafod Wen, Trefor, Caernarfon", "Hafod Wen"),
        ("home address: glyndwr isaf, llanrug ll55 4aa", "glyndwr isaf"),
        ("ADDRESS: TIGH NA BRUAICH, ULLAPOOL", "TIGH NA BRUAICH"),
        ("Address line 1: Brackenside Town: Ripon", "Brackenside"),  # the next label, one space
        ("Address: Glenmorven   Isle of Mull", "Glenmorven"),  # a wide gap ends the line
    ],
)
def test_an_address_fields_first_line(text: str, value: str) -> None:
    assert _answers(text) == [value]
    assert covering_label(text, value) == "ADDRESS"


@pytest.mark.parametrize(
    "text",
    [
        "Address: No fixed abode. Last seen near the bus station.",
        "Address: NFA, sofa surfing",
        "Address: withheld for safety reasons",
        "Discharge address: c/o daughter, her flat",
        "Occupation and usual address: Shop assistant, Kendal",
        "E-mail address: not given",
        "Address: 12 weeks ago I moved in with my sister and she said no",
        "Address: Same as above, thanks",
        "My address - I have moved twice since then and nobody wrote it down properly.",
        "Name and address: Oluwaseun Adeyemi, Kendal",  # the first answer is the name's
        "IP address: 192.168.4.20",
        "Current address: Ashdene Care Home, Priory Gardens",  # the care home's own rule
        "Address: c/o the ahmeds, Leeds",  # no capital where capitals tell a name
        "Address: 3 weeks at my sister's, then home",  # a count of time
        "Address: I moved in with Chidinma after the flood",  # a sentence, not a line
        "Address: Unknown. Rm 4B on the ward",  # the line ends at its full stop
    ],
)
def test_look_alikes_of_an_address_fields_first_line_stay(text: str) -> None:
    assert _answers(text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
