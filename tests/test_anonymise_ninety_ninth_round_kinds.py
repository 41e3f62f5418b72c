"""Kinds built in the ninety-ninth round (issue 20), from the retired sets v148 and v149 and the
development sets that share each kind.

- A name field's value typed in lower case, up to the next field's label ("surname: evans
  forenames: sunita date of birth:").
- The answer to a date-of-birth question written as a date is written ("Caller: 1988-09-26.",
  "Caller: 22 Aug 1996.").
- A text's case is read from the writer's letters, not the anonymiser's placeholders.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION, anonymise
from nlp.identifiers.core.letter_case import capitals_mean_little, case_mode
from nlp.identifiers.dates_and_ages.worded_birth_dates import worded_birth_dates
from nlp.identifiers.people.paperwork_fields import lower_case_name_fields, name_fields

# --- name fields in lower case ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "registration form surname: pryce forenames: eluned date of birth: 2/3/61",
            ["pryce", "eluned"],
        ),
        ("temporary resident surname: okafor forename: chidi dob: 1 may 1970", ["okafor", "chidi"]),
        ("First name: tomasz Surname: o'donnell DOB: 4.4.04", ["tomasz", "o'donnell"]),
        ("patient surname: van dyk    forename(s): pieter", ["van dyk", "pieter"]),
        ("surname: mcallister\nforename: ruairi\n", ["mcallister", "ruairi"]),
        ("last name: nakamura | given names: yui", ["nakamura", "yui"]),
        ("online form surname: da costa first names: ines", ["da costa", "ines"]),
        ("surname: okoro\tref: 2291", ["okoro"]),  # a table's cell ends at its tab
        ("surname: okoro    ward: 7", ["okoro"]),  # or at a wide gap
    ],
)
def test_a_lower_case_name_fields_value(text: str, values: list[str]) -> None:
    assert found_values(lower_case_name_fields, text) == values
    for value in values:
        assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "surname: same as above forename: see form",  # everyday words
        "surname: unknown dob: unknown",
        "the surname: wrong again on the letter",  # a sentence goes on after the value
        "surname: pryce and her sister came too",
        "Surname: Pryce  Forename: Eluned",  # capitalised: the capital rule's
    ],
)
def test_look_alikes_of_a_lower_case_name_field_stay(text: str) -> None:
    assert found_values(lower_case_name_fields, text) == []


def test_a_name_fields_label_may_say_forenames_with_a_bracket() -> None:
    assert found_values(name_fields, "Forename(s): MIHAI   Date of birth: 01.05.1950") == ["MIHAI"]


# --- a birth date answered as written ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Handler: And her date of birth? Caller: 1979-04-23. Handler: Postcode?", "1979-04-23"),
        ("Q: What's his date of birth? A: 3rd March 1948. Q: And the address?", "3rd March 1948"),
        ("Nurse: DOB? Mum: um, 14 Feb 2019", "14 Feb 2019"),
        ("Operator: date of birth? Caller: August 9, 1966.", "August 9, 1966"),
    ],
)
def test_a_birth_date_answered_as_written(text: str, value: str) -> None:
    assert value in found_values(worded_birth_dates, text)
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    "text",
    [
        "Handler: date of birth? Caller: I don't know it. Tomorrow is 2024-05-01 though.",
        "Q: Do you have her date of birth? A: no, sorry",
        "Operator: date of birth? Caller: 1979-13-40.",  # no month or day of that number
    ],
)
def test_look_alikes_of_an_answered_birth_date_stay(text: str) -> None:
    assert found_values(worded_birth_dates, text) == []


# --- the anonymiser's own placeholders say nothing of the writer's case ---------------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("son GP surgery. [PHONE]. [NHS NUMBER]", "mixed"),
        ("rang [NAME 1] at [CARE SETTING 2] today", "lower"),
        ("RANG [NAME 1] AT HOME", "upper"),
        ("[PHONE] [NHS NUMBER]", "mixed"),  # no letters of the writer's
    ],
)
def test_placeholders_do_not_set_a_texts_case(text: str, mode: str) -> None:
    assert case_mode(text) == mode
    assert capitals_mean_little(text) == (mode != "mixed")


def test_anonymising_an_anonymised_text_again_changes_nothing() -> None:
    once = anonymise("son GP surgery. 07700 000000. 0000000019").text
    assert anonymise(once).text == once


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
