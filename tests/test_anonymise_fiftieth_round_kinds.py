"""Kinds built in the fiftieth round (issue 20). A setting's or a dwelling's name found only in
part (one word read as a person, a place or a street) grows to the whole name when its last word
names the kind ("… Medical Practice", "… Farm"): fourteen development sets by different writers
mark such names whole. A place given as a map reference, a what3words address or a grid
reference after "grid ref", is an address. And a whole number standing alone as a sentence
("— new. 39. Polish, worked at …") is an age, as four sets mark it. A longer name or place
("Leighton Buzzard", "Isle of Bute") is not cut short by a setting or an address found inside
it ("Leighton" Hospital, "Bute" ward). A surname's initial goes with the name ("Bethan P"), and
text relay's prefix with the phone number it is dialled before ("18001 07700 900 461").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.care_settings.whole_setting_names import grown_to_whole_names
from nlp.identifiers.core.findings import Finding, resolve_overlaps
from nlp.identifiers.dates_and_ages.lone_ages import lone_ages


def _finding(text: str, value: str, label: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), label, 0.8, "test")


def _grown(text: str, value: str, label: str) -> list[tuple[str, str]]:
    found = grown_to_whole_names(text, [_finding(text, value, label)])
    return [(text[f.start : f.end], f.label) for f in found]


# --- a name found in part grows to the whole name of its kind ---------------------------------


@pytest.mark.parametrize(
    ("text", "part", "label", "whole", "kind"),
    [
        (
            "We rang Heron Side Medical Practice twice.",
            "Heron",
            "PERSON",
            "Heron Side Medical Practice",
            "CARE_SETTING",
        ),
        (
            "He goes to Oldbury Day Opportunities on Mondays.",
            "Oldbury",
            "LOCATION",
            "Oldbury Day Opportunities",
            "CARE_SETTING",
        ),
        (
            "Seen at Minster View Physiotherapy last week.",
            "Minster",
            "PERSON",
            "Minster View Physiotherapy",
            "CARE_SETTING",
        ),
        (
            "She stays at Ashgrove Street Approved Premises now.",
            "Ashgrove Street",
            "ADDRESS",
            "Ashgrove Street Approved Premises",
            "CARE_SETTING",
        ),
        (
            "The van stops at Carrick Women's Night Shelter.",
            "Carrick",
            "LOCATION",
            "Carrick Women's Night Shelter",
            "CARE_SETTING",
        ),
        (
            "Post goes to Craigbrae Farm, by Oban.",
            "Craigbrae",
            "PERSON",
            "Craigbrae Farm",
            "ADDRESS",
        ),
        (
            "They live at Upper Thornsett Cottage now.",
            "Thornsett",
            "PERSON",
            "Thornsett Cottage",
            "ADDRESS",
        ),
        (
            "A bed at Linwood and Marsh Lane Surgeries.",
            "Linwood",
            "PERSON",
            "Linwood and Marsh Lane Surgeries",
            "CARE_SETTING",
        ),
    ],
)
def test_a_name_found_in_part_grows_to_its_kind(text, part, label, whole, kind):
    grown = _grown(text, part, label)
    assert any(whole in value and found_kind == kind for value, found_kind in grown)


@pytest.mark.parametrize(
    ("text", "part", "label"),
    [
        # a kind with a figure after it is a setting of its own
        (
            "She was moved from Foxglove Ward and Ward 3B overnight.",
            "Foxglove Ward",
            "CARE_SETTING",
        ),
        # a title before a surname that is a kind of place
        ("Many thanks to Dr Farm and the reception team.", "Farm", "PERSON"),
        # bodies and services: writers mark the place as often as the whole
        ("Complaint to Harrowdale Hospitals NHS Trust.", "Harrowdale", "LOCATION"),
        ("Referred to Wyvern Advocacy Service in May.", "Wyvern", "LOCATION"),
        # capitals that mean little: no run of capitals is a name
        ("we rang heron side medical practice twice", "heron", "PERSON"),
        ("WE RANG HERON SIDE MEDICAL PRACTICE TWICE", "HERON", "PERSON"),
        # a kind in lower case is a description, not part of the name
        ("Mum went to Heron surgery on the corner.", "Heron", "PERSON"),
        # a run broken by a comma or a line
        ("Ask Oldbury, Day Centre staff know.", "Oldbury", "LOCATION"),
    ],
)
def test_look_alikes_do_not_grow(text, part, label):
    assert _grown(text, part, label) == [(part, label)]


def test_everyday_words_before_the_name_stay_outside():
    text = "I just want to say Thank You Bramble Ward for everything."
    assert _grown(text, "Bramble", "LOCATION") == [("Bramble Ward", "CARE_SETTING")]


def test_a_first_name_before_a_surname_that_is_a_kind_stays_a_person():
    text = "Then Holly Ward from the council rang me back."
    assert _grown(text, "Holly", "PERSON") == [("Holly Ward", "PERSON")]
    assert covering_label(text, "Holly Ward") != "CARE_SETTING"


def test_a_neighbour_the_grown_name_reaches_keeps_its_own_letters():
    text = "Sent to Kelso Row Farm lane end yesterday."
    found = grown_to_whole_names(
        text,
        [_finding(text, "Kelso Row", "ADDRESS"), _finding(text, "Farm lane end", "LOCATION")],
    )
    assert [(text[f.start : f.end], f.label) for f in found] == [
        ("Kelso Row Farm", "ADDRESS"),
        (" lane end", "LOCATION"),
    ]


def test_whole_names_through_the_detector():
    text = "Dad has been going to Oldbury Day Opportunities since the spring."
    assert covered(text, "Oldbury Day Opportunities")
    text = "Letters for him go to Craigbrae Farm, near Oban."
    assert covered(text, "Craigbrae Farm")


# --- map references -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "The crew found the caravan with ///lamps.jolly.tiger in the end.",
            "///lamps.jolly.tiger",
        ),
        ("Our what3words is kettle.orange.sweeps for the carers.", "kettle.orange.sweeps"),
        ("what3words address: ///cones.shiny.fever", "///cones.shiny.fever"),
        ("He read the grid ref NY 364 072 to the call handler.", "NY 364 072"),
        ("Grid reference: SD123456, the barn behind the chapel.", "SD123456"),
    ],
)
def test_a_map_reference_is_an_address(text, value):
    assert covering_label(text, value) == "ADDRESS"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The file notes.v2.final is on the shared drive.", "notes.v2.final"),
        ("He scored NT 91 06 on the mobility form.", "NT 91 06"),
        ("Dose changed to 2.5.10 on the chart.", "2.5.10"),
    ],
)
def test_look_alikes_of_map_references_stay(text, value):
    assert not flagged(text, value)


# --- a longer name or place over a setting or address found inside it -------------------------


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("We moved to Leighton Buzzard last year and the surgery is full.", "Leighton Buzzard"),
        ("Mum was sent from Queens Med to a rehab unit.", "Queens Med"),
        ("The ferry to the Isle of Bute was cancelled twice.", "Isle of Bute"),
    ],
)
def test_a_setting_inside_a_longer_name_does_not_cut_it_short(text, whole):
    assert covered(text, whole)


def test_the_setting_itself_is_still_a_setting():
    text = "She works at Leighton Hospital on the wards."
    assert covering_label(text, "Leighton Hospital") == "CARE_SETTING"


def test_only_findings_wholly_inside_a_longer_name_give_way():
    # "From Leighton Buzzard Health Centre": the place, a setting inside it, a setting holding it
    place = Finding(5, 21, "LOCATION", 0.75, "uk_places")
    part = Finding(5, 13, "CARE_SETTING", 0.85, "care_list")
    assert resolve_overlaps([place, part]) == [place]
    whole = Finding(5, 35, "CARE_SETTING", 0.8, "care_pattern")
    assert [(f.start, f.end, f.label) for f in resolve_overlaps([place, part, whole])] == [
        (5, 35, "CARE_SETTING")
    ]
    # crossing, not inside: the tiers decide as before
    crossing = Finding(14, 28, "CARE_SETTING", 0.8, "care_pattern")
    assert resolve_overlaps([place, crossing]) == [crossing]
    # a phone number inside a name's guess is not a part of the name
    text = "Ring 07700 900123 Sandra"
    guess = Finding(0, len(text), "PERSON", 0.6, "capitals")
    phone = Finding(5, 17, "PHONE", 1.0, "uk_phone")
    assert resolve_overlaps([guess, phone]) == [phone]


# --- an age written as a sentence of its own --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Referral for Dorota — new. 41. Romanian, worked in a packing plant.", "41"),
        ("I clean rooms at the hotel on nights. 37. i lost a baby in the spring.", "37"),
        ("Been in Dundee since the mill shut. 62. Ten year on and off the streets.", "62"),
    ],
)
def test_a_number_alone_as_a_sentence_is_an_age(text, value):
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a list that numbers its items on either side
        ("Actions. 16. Budget agreed. 17. Next meeting in May.", "17"),
        # a number with its figures before it (a time typed with a space): no lone sentence
        ("We were seen at 11. 40 minutes later the nurse came.", "40"),
        # below sixteen: list numbers and children, told apart elsewhere
        ("Points raised. 3. Parking at the front.", "3"),
    ],
)
def test_look_alikes_of_a_lone_age_are_not_taken_by_the_rule(text, value):
    start = text.index(value)
    assert not [f for f in lone_ages(text) if f.start == start]


# --- a surname's initial after a found name ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("[19:04] Samuel T: no bro all full tonight", "Samuel T"),
        ("Volunteers on shift: Gwen, Bethan P, and the cook.", "Bethan P"),
        ("Rota says Lisa B but the office says Lisa M.", "Lisa M."),
    ],
)
def test_a_surnames_initial_goes_with_the_name(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The receptionist (Kerry I think) was polite.", "I think"),
        ("My name is Gareth I am deaf and use BSL.", "I am"),
    ],
)
def test_a_pronoun_after_a_name_is_no_initial(text, value):
    assert not flagged(text, value)


# --- a text relay prefix before a phone number --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Deaf, uses text relay: 18001 07700 900 461 after six.", "18001 07700 900 461"),
        ("Contact through Relay UK 18002 0113 496 0871 only.", "18002 0113 496 0871"),
    ],
)
def test_a_relay_prefix_goes_with_the_number(text, value):
    assert covering_label(text, value) == "PHONE"


def test_a_relay_prefix_alone_is_no_number():
    assert not flagged("The caller dialled prefix 18001 first, then waited.", "18001")


def test_engine_version_in_round_fifty():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
    assert detect("") == []
