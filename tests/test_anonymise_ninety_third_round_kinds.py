"""Kinds built in the ninety-third round (issue 20), from the retired sets v136 and v137 and the
development sets that share each kind.

- A hub named by a place or a word of its own ("Heathfield MSK Hub", "Canalside Hub").
- A patient named on a clinic list's row, between the slot's time and a record's field.
- An age with its years written onto the figure ("Age: 2y", "55y"), an age after a name in
  capitals ("(14 YRS)"), and with a child's months ("(4 yrs 3 mths)").
- A password given with a booking reference.
- Surnames and adults' first names the older lists lacked ("UDDIN, Delroy").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.service_hubs import service_hubs
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.numbers.identifier_shapes import years_on_figures
from nlp.identifiers.numbers.passwords import passwords
from nlp.identifiers.people.clinic_list_rows import clinic_list_rows


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Referred to the Kirkdale Health Hub for bloods.", "Kirkdale Health Hub"),
        ("Physio at Moorside MSK Hub in March, no better.", "Moorside MSK Hub"),
        ("He goes to Denbury Recovery Hub on Tuesdays.", "Denbury Recovery Hub"),
        ("Base: Tamworth Hub. Shift pattern: nights.", "Tamworth Hub"),
        ("attended Brookhaven Hub (day centre) today", "Brookhaven Hub"),
        ("drop-in at the Aldgate Carers' Hub", "Aldgate Carers' Hub"),
        ("your kit from the Swindon Bowel Screening Hub", "Swindon Bowel Screening Hub"),
        ("Site: the Ashbrook Park hub", "Ashbrook Park hub"),
        ("Sessions at Hartley Health and Care Hub from May.", "Hartley Health and Care Hub"),
        ("Since Kirkdale Health Hub opened, waits are shorter.", "Kirkdale Health Hub"),
        ("Base: Bath Hub. Nights.", "Bath Hub"),  # a listed place that is a word too
    ],
)
def test_a_hub_named_by_a_place_or_its_own_word(text: str, value: str) -> None:
    assert value in found_values(service_hubs, text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "Kirsty rang the Clinical Hub and they sent a car.",
        "Signposted to the Family Support Hub.",
        "Women's Health Hub - Referral Form",
        "Please return the kit to the Equipment Hub.",
        "Mental Health Hub call summary (111)",
        "Advocate: Femi, Devon Advocacy Hub",  # writers mark the place alone, or nothing
        "Welcome Hub volunteers meet at ten.",
        "The Hub is open late on Thursdays.",  # no name before the kind
        "NHS Hub opening hours changed",  # letters of a body, no name
        "we met at the Heaton hub",  # a small "hub" after one word is as often a place's
        "Referral to Carers' Hub sent.",
        "Bloods at the Phlebotomy Hub on level 2.",  # a word of clinical care
        "Ring the SPA Hub on the number below.",  # a service's letters
        "Book the course through the Training Hub.",  # a common word, no name
        "Staff Hub opening times are on the intranet.",
    ],
)
def test_a_hub_that_only_says_what_it_does_stays(text: str) -> None:
    assert found_values(service_hubs, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("eye clinic list - dr rao\n09:10  adeyemi tunde  k4411902  new", "adeyemi tunde"),
        ("Clinic list\n2pm  NAKAMURA Keiko  RWX-448120  FU", "NAKAMURA Keiko"),
        ("imms list\n4.15pm  quinn, aoife  03/02/2024  MMR", "quinn, aoife"),
        ("half nine  FERREIRA Joana  07700 900861  new", "FERREIRA Joana"),
        ("Rm 2\n10:00 Mrs Olga Petrova 33018274 review", "Olga Petrova"),  # title left out
        ("list\n08:30 Gwen Pryce RBN 5521809 injection", "Gwen Pryce"),  # letters stay with no.
    ],
)
def test_a_name_on_a_clinic_lists_row(text: str, value: str) -> None:
    assert found_values(clinic_list_rows, text) == [value]
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Clinic\n09:30 New patient K1234567 - consent needed",  # everyday words
        "Rota\n14:00 Nurse Kemp 01632 960001",  # a role, not a patient
        "Rota\n14:00 Interpreter Adeyemi 07700 900001",  # the role rules read this one
        "Clinic\n09:45 Sam dressing 33018274",  # a name and an everyday word
        "Notes\n09:30 Zoladex implant 33018274",  # no word a name list holds
        "Notes\n09:30 dressing changed, 12345 on the batch",
        "Ring at 10:30 Ama Boateng 07700 900455",  # not at a line's start
        "10:15 Ama Boateng rang about her letter",  # no record's field after the name
    ],
)
def test_other_timed_lines_stay(text: str) -> None:
    assert found_values(clinic_list_rows, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient: Mo Rahman  Age: 3y  NHS no: 999 000 0000", "3"),
        ("Re: Mrs Ivy Kent, 91y DOB 01-02-1933", "91"),
        ("K2233445  47Y  New - rash", "47"),
        ("recipient: dan hart (38y), renal", "38"),
    ],
)
def test_years_written_onto_the_figure_are_an_age(text: str, value: str) -> None:
    assert value in found_values(years_on_figures, text)
    assert covering_label(text, value) == "AGE"


@pytest.mark.parametrize(
    "text",
    [
        "limited words at 2y 6m, poor eye contact",  # a developmental age with its months
        "reading age 9y 2m",
        "last dental check >2y ago",  # a bound
        "detained under Section 12Y of the Act",  # a law's numbered part
        "Bed 4y is empty",
        "ward 3Y",
        "patient in room 10y",
    ],
)
def test_other_figures_with_a_y_stay(text: str) -> None:
    assert found_values(years_on_figures, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CONCERN - MARIAM HOSSAIN (13 YRS) - BOLTON", "13"),
        ("Child: Ellis Moore (3 yrs 9 mths). Key worker: Pat.", "3"),
        ("1) OKORO, GRACE, 79 YRS, 4 ELM ROW", "79"),
    ],
)
def test_an_age_after_a_name_in_any_case_and_with_months(text: str, value: str) -> None:
    assert covering_label(text, value) == "AGE"


def test_a_stay_after_a_name_is_still_no_age() -> None:
    assert covering_label("She stayed with Mum 3 YRS, then moved.", "3") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Booking reference: 1234 5678 9012  Password: qz7tw3  Date: 3 May", "qz7tw3"),
        ("your reference is 4321 8765 2109 and your password is mrlkwp.", "mrlkwp"),
        ("UBRN: 0001 2222 3333 PASSWORD: HB44XK", "HB44XK"),
        ('Passcode = "r2d9"', "r2d9"),
    ],
)
def test_a_password_after_its_label(text: str, value: str) -> None:
    assert found_values(passwords, text) == [value]
    assert covering_label(text, value) == "OTHER_ID"


@pytest.mark.parametrize(
    "text",
    [
        "The video link (password sent separately by text).",
        "Password updated on system.",
        "Several said the password reset was too hard.",
        "the password is required to log in",  # an everyday word
        "Password: see the letter",
    ],
)
def test_password_talked_about_stays(text: str) -> None:
    assert found_values(passwords, text) == []


@pytest.mark.parametrize("surname", ["uddin", "nuttall", "greenhalgh", "ndlovu", "georgiou"])
def test_surnames_the_older_lists_lacked_are_listed(surname: str) -> None:
    assert surname in gazetteer().surnames


@pytest.mark.parametrize("first", ["delroy", "hyacinth", "dmytro"])
def test_adults_first_names_are_listed(first: str) -> None:
    assert first in gazetteer().first_names


def test_a_listed_surname_in_capitals_before_a_first_name() -> None:
    text = "Adult at risk: UDDIN, Fatima   DOB 1962-03-28"
    assert covering_label(text, "UDDIN") == "PERSON"


@pytest.mark.parametrize("word", ["lodge", "islam", "senior", "round"])
def test_common_words_stay_off_the_new_lists(word: str) -> None:
    gaz = gazetteer()
    assert word in gaz.common_words  # dropped from uk_surnames.txt, so only older lists decide
    assert word not in {line.strip() for line in open("nlp/data/uk_surnames.txt", encoding="utf-8")}


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
