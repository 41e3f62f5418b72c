"""Identifier shapes written by other hands (issue 20, fourteenth round, shapes): postcodes with
odd spacing, split over a line, spoken after a street or given as a district alone; e-mail
addresses typed in a hurry; references in organisations' own formats; addresses with flats,
house names, tenement doors and pitches.

Each sentence was written for this file, with letters and numbers of its own (none taken from a
measuring set). Each kind has reverses: ordinary text of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged

from nlp.anonymise import detect, render
from nlp.identifiers.places.postcode_districts import postcode_districts
from nlp.identifiers.places.postcodes import postcode_district

# --- postcodes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Send the forms to 3 Carr Lane, Wakefield WF2\n7QS and mark them private.", "WF2\n7QS"),
        ("the bins at 9 hollis rd ox4 2 rd still not done", "ox4 2 rd"),
        (
            "Caller: Four Beech Close, Ipswich, I P three, one T G. Handler: thanks",
            "I P three, one T G",
        ),
    ],
)
def test_a_full_postcode_written_oddly_is_found(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We moved to WF9 last year and lost our GP.", "WF9"),
        ("My sister lives in DN4 with the kids.", "DN4"),
        ("Housing rehoused us in SR5, nowhere near school.", "SR5"),
        ("we're in the hu9 area, no dentist for miles", "hu9"),
        ("It's hard to get a carer when you live in a BT35 postcode.", "BT35"),
    ],
)
def test_a_district_alone_where_someone_lives_is_found(text, value):
    assert [text[f.start : f.end] for f in postcode_districts(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "She was moved to B4 after theatre, the bay was full.",  # a ward in hospital talk
        "He lives on B12 injections since the diagnosis.",  # a vitamin, and "on"
        "We moved to M62 junction 3 in the traffic.",  # a road
        "They live in fear of the X5 bus being cut.",  # not a postcode area
        "Moved to LS2 ward overnight.",  # a ward by the word after it
        "I moved to Leeds in the summer.",  # a town, for the place rules
        "Mum lives in Ls9 now.",  # mixed case in a text whose capitals mean something
    ],
)
def test_codes_that_are_not_districts_where_someone_lives_stay(text):
    assert list(postcode_districts(text)) == []


def test_an_oddly_spaced_postcode_is_still_generalised_to_its_district():
    assert postcode_district("L S 6 1 A B") == "LS6"
    assert postcode_district("WF2\n7QS") == "WF2"
    assert postcode_district("WF9") == ""


def test_a_district_alone_is_replaced_not_kept():
    text = "We moved to WF9 last year."
    assert "WF9" not in render(text, detect(text)).text


# --- e-mail addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "write back to bev dot hollis 71 at yahoo dot co dot uk please",
            "bev dot hollis 71 at yahoo dot co dot uk",
        ),
        ("Email: r.aston@hotmailcom (sorry, phone typing)", "r.aston@hotmailcom"),
        ("contact g.ferris{at}outlook{dot}com for the rota", "g.ferris{at}outlook{dot}com"),
        ("My email is W.BRADY @ BTINTERNET . COM.", "W.BRADY @ BTINTERNET . COM"),
    ],
)
def test_an_email_typed_in_a_hurry_is_found(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She was at 84 at home with the family.", "84 at home"),
        ("Prices were 2 @ £3 at the canteen.", "2 @ £3"),
        ("We sat at table four at lunch.", "table four at lunch"),
    ],
)
def test_ats_that_join_no_address_stay(text, value):
    assert not any(f.label == "EMAIL" for f in detect(text))
    assert value in text


# --- references -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fine says PCN 55610274 and I was never there.", "PCN 55610274"),
        ("From: Gail Rudd KT40719\nI work nights on the unit.", "KT40719"),
        ("Your case number is TR.5521.07 for any call.", "TR.5521.07"),
        ("Please quote complaint ref. D.7781.K when you reply.", "D.7781.K"),
        ("Bwrdd Iechyd / Ref: TW-JR-551902  Dear Ms Hale,", "TW-JR-551902"),
    ],
)
def test_a_reference_in_an_organisations_format_is_found(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("See ref 3.4.1 of the policy for details.", "3.4.1"),
        ("Fitted to BS7671 and tested to ISO9001.", "BS7671"),
        ("The COVID2021 wave closed the unit.", "COVID2021"),
        ("She has an FP1000 form from the GP.", "FP1000"),
    ],
)
def test_section_numbers_standards_and_years_stay(text, value):
    assert not flagged(text, value)


# --- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lives 3/2 58 Keir St, alone since March.", "3/2 58 Keir St"),
        ("Address: c/o 22 Manor Road, with her aunt.", "c/o 22 Manor Road"),
        ("Patient: Number 11, The Spinney. Receptionist: thank you.", "Number 11, The Spinney"),
        (
            "The spare key is at Kestrel's Rest, 4 Mill Brow Road.",
            "Kestrel's Rest, 4 Mill Brow Road",
        ),
        ("we're on the Hollins site, Pitch 14, since May", "Pitch 14"),
        ("Visited Mrs Bowen at home, 6 Maes y Deri, bloods taken.", "6 Maes y Deri"),
        ("Collected Mr Price from Nant yr Efail this morning.", "Nant yr Efail"),
        ("IT'S ELSIE FROM NUMBER 14 AGAIN", "NUMBER 14"),
        ("Nobody has seen him. I'm at number six. Please send someone.", "number six"),
    ],
)
def test_an_address_with_a_flat_house_name_door_or_pitch_is_found(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It went from number 12 to number 3 on the list.", "number 12"),
        ("I looked at no one in the waiting room.", "no one"),
        ("The pitch was wet so football was off.", "pitch"),
        ("Bryn Thomas rang the ward.", "Thomas"),
    ],
)
def test_look_alikes_of_house_numbers_and_names_stay(text, value):
    assert not any(
        f.label == "ADDRESS" for f in detect(text) if f.start <= text.index(value) < f.end
    )
