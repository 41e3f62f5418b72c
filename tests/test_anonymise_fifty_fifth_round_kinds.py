"""Kinds built in the fifty-fifth round (issue 20), from the retired sets v60 and v61.

- A rarer registered first name typed in capitals for emphasis inside mixed-case writing
  ("especially ELUNED who", "the physio, TAMSIN, was"), when no word in capitals stands beside it.
- A form's or a note's field holding a person surname first, in whatever case the note is typed
  ("client: brennan, tadhg, dob", "PUPIL NOTE: PEREIRA, INÊS, YEAR 9").
- A postcode whose outward code is split after its area's letters ("CF 14 4XW").
- Home-care agencies and practices by the other words they call themselves ("Meadowlark
  Supported Living", "Larkspur Live-In Care", "Hollins Family Healthcare", "Owl & Oak Care Ltd"),
  calls cancelled by one ("by Thornfield Community Care"), an agency named in apposition ("the
  agency, Bright Horizon Care,"), and "HOMECARE" after a name in capitals.
- A ward's number with the part of the building it names ("ward 7 west"); "handover" is no
  ward's name.
- A child's bracketed birth date however recent ("my daughter Amira (14/05/2019)"), and a date
  with a two-figure year of this century after a person ("Tobi Adeleke, 21/6/04").
- A care home typed in lower case by its house-like name after a cue that someone was placed
  there ("discharged to rowan tree lodge").
- A house's name before its street in an address field, in any one case ("Lives at: Hafod,
  27 Church Road", "address: the firs, meadow lane").
- A one-word hospital name right after a house number is the street it was named after ("19
  Kingsway").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.anonymise import ENGINE_VERSION


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("The nurses were kind, especially ELUNED who sat with Dad all night.", "ELUNED", "PERSON"),
        ("The physio, TAMSIN, was brilliant with her knee.", "TAMSIN", "PERSON"),
        ("client: brennan, tadhg, dob 04-05-1961, lives alone", "brennan", "PERSON"),
        ("name: walsh, gráinne dob: 12-nov-1960", "gráinne", "PERSON"),
        ("PUPIL NOTE: PEREIRA, INÊS, YEAR 9, SEEN AT DROP-IN", "PEREIRA", "PERSON"),
        ("PUPIL NOTE: PEREIRA, INÊS, YEAR 9, SEEN AT DROP-IN", "INÊS", "PERSON"),
        ("Home: Flat 2, 9 Hill Street, CF 14 4XW. Mobile below.", "CF 14 4XW", "POSTCODE"),
        (
            "Her support comes from Meadowlark Supported Living now.",
            "Meadowlark Supported Living",
            "CARE_SETTING",
        ),
        ("We pay Larkspur Live-In Care for the weekends.", "Larkspur Live-In Care", "CARE_SETTING"),
        (
            "Appointments at Hollins Family Healthcare are by phone.",
            "Hollins Family Healthcare",
            "CARE_SETTING",
        ),
        (
            "the carers from Owl & Oak Care Ltd were late again",
            "Owl & Oak Care Ltd",
            "CARE_SETTING",
        ),
        (
            "Six calls were cancelled by Thornfield Community Care last week.",
            "Thornfield Community Care",
            "CARE_SETTING",
        ),
        (
            "I phoned the agency, Bright Horizon Care, and nobody knew.",
            "Bright Horizon Care",
            "CARE_SETTING",
        ),
        ("PLEASE CAN OAKTREE HOMECARE SEND WOMEN CARERS", "OAKTREE HOMECARE", "CARE_SETTING"),
        ("handover ward 7 west 08:00, two beds free", "ward 7 west", "CARE_SETTING"),
        (
            "Please update my daughter Amira (14/05/2019) on the list.",
            "14/05/2019",
            "DATE_OF_BIRTH",
        ),
        ("Prescription for Tobi Adeleke, 21/6/04. Collect Friday.", "21/6/04", "DATE_OF_BIRTH"),
        ("mum was discharged to rowan tree lodge on friday", "rowan tree lodge", "CARE_SETTING"),
        ("Lives at: Hafod, 27 Church Road, Llandeilo", "Hafod, 27 Church Road", "ADDRESS"),
        ("address: the firs, meadow lane, near the school", "the firs, meadow lane", "ADDRESS"),
        ("Regards, Gwen Morgan, 19 Kingsway, Swansea", "19 Kingsway", "ADDRESS"),
    ],
)
def test_the_fifty_fifth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We went to the ABI group and the NICE guidance was read out.", "ABI"),
        ("Please READ THIS: TAMSIN AND I are tired.", "TAMSIN"),
        ("Subject: Discharge, Monday morning", "Discharge"),
        ("Kemi: Sorry, Bisi is on her way", "Sorry"),
        ("Score: 12, 3 and 4 on the scale", "12, 3"),
        ("The Riverside Healthcare Assistant post was advertised.", "Healthcare"),
        ("To Healthcare, HMP Durham: a second letter.", "Healthcare"),
        ("We get support from Adult Social Care and Intensive Care.", "Adult Social Care"),
        ("She needs Supported Living, not a care home.", "Supported Living"),
        ("He was moved to the M 25 junction by the ambulance.", "M 25"),
        ("he was discharged to his sons house in the end", "sons house"),
        ("she moved to a halfway house last year", "halfway house"),
        ("Lives at: her daughter's, 4 Mill Lane for now", "her daughter's"),
        ("He was in Kingsway for three weeks.", "for three weeks"),
        ("Letter from Dr Jones, 12/6/24, said the referral was made.", "12/6/24"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_a_ward_after_handover_is_its_number() -> None:
    text = "handover ward 7 west 08:00, two beds free"
    assert not flagged(text, "handover")
    assert covered(text, "ward 7 west")


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
