"""Kinds built in the ninety-fourth round (issue 20), from the retired sets v138 and v139 and the
development sets that share each kind.

- A home care agency by its kinds "Domiciliary Services", "Care Agency" and "Carers Ltd", and in
  capitals ("Willowbrook Domiciliary Services", "SUNRISE CARERS LTD").
- A surname in capitals with its particle ("DE SOUZA, Jade"), a double first name
  ("FERNANDES, Mary-Kate"), and a capitalised first name before a record's field ("BROWNLOW,
  Dennis D.O.B."), or after a bar or a bracket.
- A street named for the top of a bank, a moor or a hill ("117 bank top").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.care_setting_names import patterned_care_settings
from nlp.identifiers.people.listed_surnames_first import (
    capital_pairs_before_fields,
    capital_surnames_first,
)
from nlp.identifiers.places.street_lines import addresses


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Girls from Elmfield Domiciliary Services come at 8.", "Elmfield Domiciliary Services"),
        ("Package restarted with Kestrel Domiciliary Care 4x daily.", "Kestrel Domiciliary Care"),
        ("awaiting package of care from Hollybank Care Agency", "Hollybank Care Agency"),
        ("Complaint about Golden Years Carers Ltd, Leeds.", "Golden Years Carers Ltd"),
        ("POC 4 CALLS PER DAY AGENCY HOLLYBANK CARE AGENCY SW R. PATEL", "HOLLYBANK CARE AGENCY"),
        ("NO CARERS CAME. MEADOWSWEET CARERS LTD SAY NO START DATE", "MEADOWSWEET CARERS LTD"),
        ("PROVIDER: OAKRIDGE DOMICILIARY SERVICES", "OAKRIDGE DOMICILIARY SERVICES"),
    ],
)
def test_a_care_agency_by_its_kind(text: str, value: str) -> None:
    assert value in found_values(patterned_care_settings, text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "The care agency had not been told he was home.",
        "We are a Care Agency in Leeds.",  # no name before the kind
        "She has Council Domiciliary Care twice daily.",  # a council's kind of care
        "Referred to Adult Domiciliary Services for an assessment.",
        "He has been on the domiciliary care waiting list for months.",
    ],
)
def test_care_that_names_no_agency_stays(text: str) -> None:
    found = " ".join(found_values(patterned_care_settings, text))
    assert "Agency" not in found and "Domiciliary" not in found


@pytest.mark.parametrize(
    ("text", "surname", "first"),
    [
        # a surname on the English list and no surname list, before a field: the field decides
        ("Triage note: GLADSTONE, Dennis D.O.B. 4th May '51", "GLADSTONE", "Dennis"),
        ("WILBERFORCE, Ada | DOB 3.3.51 | NHS 999 000 0000", "WILBERFORCE", "Ada"),
        ("Re: ATTLEE, Wilfred dob 4.5.51, 2 Elm Row", "ATTLEE", "Wilfred"),
        # both in capitals, with a particle, a double first name, or a small "c"
        ("PATIENT: DE SOUZA, JADE  DOB 1 MAY 1950", "DE SOUZA", "JADE"),
        ("OKONJO, MARY-KATE DOB 16/08/1945", "OKONJO", "MARY-KATE"),
        ("2. McGRATH, PATRICK   HOSP NO H1234567", "McGRATH", "PATRICK"),
    ],
)
def test_a_surname_first_pair_before_a_records_field(text: str, surname: str, first: str) -> None:
    found = found_values(capital_pairs_before_fields, text)
    assert surname in found and first in found
    assert covering_label(text, surname) == "PERSON"


@pytest.mark.parametrize(
    ("text", "surname", "first"),
    [
        ("Clinic letter - DE SOUZA, Jade, seen today", "DE SOUZA", "Jade"),
        ("Referral for OYELOWO, Jean-Paul – see attached", "OYELOWO", "Jean-Paul"),
        ("Seen: McGRATH, Patrick, who was well", "McGRATH", "Patrick"),
    ],
)
def test_a_capital_surname_with_its_particle_or_a_double_first_name(
    text: str, surname: str, first: str
) -> None:
    found = found_values(capital_surnames_first, text)
    assert surname in found and first in found


@pytest.mark.parametrize(
    "text",
    [
        "Ward round: LEEDS, Monday DOB checks to follow",  # a place and a day
        "Seen in ENT, Dennis DOB 4th May",  # a service's letters, no vowels enough
        "Referral for OYELOWO, Jean-Thing – see attached",  # one part is no name
        "Re: BOLTON, Age UK (DOB form attached)",  # a place; a field's label as first name
    ],
)
def test_other_pairs_before_fields_stay(text: str) -> None:
    found = found_values(capital_pairs_before_fields, text) + found_values(
        capital_surnames_first, text
    )
    assert not any(w in found for w in ("LEEDS", "ENT", "BOLTON", "Jean-Thing"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the nurse came to 117 bank top but left no pads", "117 bank top"),
        ("AT 19 MOOR TOP, HALIFAX", "19 MOOR TOP"),
        ("lives at 4 Hill Top with her son", "4 Hill Top"),
    ],
)
def test_a_street_named_for_a_top(text: str, value: str) -> None:
    assert value in found_values(addresses, text)


@pytest.mark.parametrize(
    "text",
    ["Feeding: breast + 1 formula top up at night.", "around 40 on top of my job", "2 shelf top"],
)
def test_other_tops_stay(text: str) -> None:
    assert found_values(addresses, text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
