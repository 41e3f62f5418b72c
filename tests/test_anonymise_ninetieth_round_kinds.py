"""Kinds built in the ninetieth round (issue 20), from the retired sets v130 and v131 and the
development sets that share each kind.

- A phone number's country code before a number that keeps its trunk zero ("(+44) 07700 …").
- A child's birth date after the name whatever its year: in brackets, or after a word for a
  child ("Child Tyrone Sutcliffe, 08/03/2021").
- A family hub or a children's centre by its name ("Sunshine Family Hub").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.family_hubs import family_hubs
from nlp.identifiers.numbers.phone_numbers import phones


def _phones(text: str) -> list[str]:
    return [text[f.start : f.end] for f in phones(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mobile: (+44) 07700-900-612 Email: on file", "(+44) 07700-900-612"),
        ("please ring me on +44 07700 900 377 after six", "+44 07700 900 377"),
        ("Contact (44) 0113 496 0571 for the clinic.", "(44) 0113 496 0571"),
        ("Tel 0044 07700900251 (mum)", "0044 07700900251"),
        ("Switchboard +44 (01632) 960 123 ext 4", "+44 (01632) 960 123 ext 4"),
    ],
)
def test_a_country_code_before_a_trunk_zero_joins_the_number(text: str, value: str) -> None:
    assert value in _phones(text)
    assert covering_label(text, value) == "PHONE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Call +44 7700 900123 today.", "+44 7700 900123"),  # already whole
        ("Room 44 07700 900 377 is her mobile", "07700 900 377"),  # a room's number, no code
        ("Ref AB+44 07700 900 377", "07700 900 377"),  # glued to a reference
    ],
)
def test_other_figures_before_a_number_stay_out(text: str, value: str) -> None:
    assert value in _phones(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The prescription for Oliver Kaczmarek (12/08/2019) came back wrong.", "12/08/2019"),
        ("Practice note: Amara Osei (2023-02-14) seen for her 12-month jabs.", "2023-02-14"),
        ("New to area. Child Reggie Thornton, 03/05/2022. Previous HV in Leeds.", "03/05/2022"),
        ("Your daughter Nia Pryce, 1 March 2018, is on the list.", "1 March 2018"),
    ],
)
def test_a_childs_recent_birth_date(text: str, value: str) -> None:
    assert covering_label(text, value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Seen by Jane Hollis, 12/03/2024. Plan to review.", "12/03/2024"),  # an event
        ("Spoke to Oliver Kaczmarek 12/08/2019 about the bill.", "12/08/2019"),
        ("Feedback from Loch Ness Ward, Raigmore (14 April 2024): kind staff", "14 April 2024"),
        ("Oliver Kaczmarek (12/08/2019 to 14/08/2019) was on the ward.", "12/08/2019"),  # a stay
        ("Reviewed by Dr Amir Latif (03/09/2024) and discharged.", "03/09/2024"),  # a review
        ("seen by Nurse Jo Bell (3/4/2024) at home", "3/4/2024"),
        ("Ewan Price NHS no 943 476 5919 (01/02/2023) - date referred", "01/02/2023"),
    ],
)
def test_recent_dates_after_a_name_stay_events(text: str, value: str) -> None:
    assert covering_label(text, value) != "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Next weigh-in is at Buttercup Family Hub on Thursday.", "Buttercup Family Hub"),
        ("We met at the Lark Lane Family Centre last week.", "Lark Lane Family Centre"),
        ("Her review is at Marsden Children's Centre.", "Marsden Children's Centre"),
        ("hi, its jo from the baby group at daisy bank family hub", "daisy bank family hub"),
    ],
)
def test_family_hubs_by_name(text: str, value: str) -> None:
    assert value in [text[f.start : f.end] for f in family_hubs(text)]
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "Ask at your local Family Hub about it.",
        "The Council Family Hub team will call.",
        "She goes to the family hub on Mondays.",  # lower case in a text with capitals
        "Visit a Children's Centre near you.",
        "i like having links to the children's centre, bundles run weekly",  # one case, no name
        "we love sunshine family centre sessions",  # no preposition or mark before the name
    ],
)
def test_hubs_named_by_no_one_stay(text: str) -> None:
    assert list(family_hubs(text)) == []


def test_the_stays_out_of_a_hubs_name() -> None:
    text = "Is the drop in at the Beacon Family Hub still on?"
    assert covering_label(text, "Beacon Family Hub") == "CARE_SETTING"
    assert covering_label(text, "the Beacon Family Hub") is None


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
