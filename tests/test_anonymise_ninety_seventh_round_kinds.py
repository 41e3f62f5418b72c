"""Kinds built in the ninety-seventh round (issue 20), from the retired sets v144 and v145 and the
development sets that share each kind.

- A patient on a ward's board closed by their age ("Bed 10 PROSSER Kwame 85 – vascular
  dementia"), and names in any script's letters there ("jones siân").
- A ten-figure number in the health number's 3-3-4 grouping whose check digit fails.
- A sexual health or gender service by its own name ("Riverside Sexual Health", "leeds gic").
- A person's row pasted from a system without its header: surname, forename, birth date.
- A date's tail is never an address's house number ("1936-04-07 ATTENDED CANNOCK CHASE").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION, detect
from nlp.identifiers.care_settings.sexual_and_gender_services import sexual_and_gender_services
from nlp.identifiers.numbers.health_and_ni_numbers import nhs_numbers
from nlp.identifiers.people.bed_board_names import bed_board_names
from nlp.identifiers.people.headerless_record_rows import headerless_record_rows
from nlp.identifiers.places.street_lines import addresses

# --- bed boards closed by an age ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Board round Monday Bed 4 HOLLAND Priya 79 – chest infection, EDD Sat", "HOLLAND Priya"),
        ("handover – bed 11: teodor marsh, 91. fall at home, for ot", "teodor marsh"),
        ("bed 3 pryce ffion 66 – cellulitis, iv abx", "pryce ffion"),
        ("Bed 9 Okafor Ngozi 58; awaiting MRI", "Okafor Ngozi"),
        ("BED 2 ÓDÓNAILL SEÁN 84 – UTI", "ÓDÓNAILL SEÁN"),
    ],
)
def test_a_board_name_closed_by_its_age(text: str, value: str) -> None:
    assert value in found_values(bed_board_names, text)
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Bed 4 side room 2 – needs a deep clean",  # everyday words before a number
        "bed 6 on ward 12 - moved overnight",
        "Bed 3 empty 14 – admission expected",
        "bed 5 patient 78 – see notes",  # a role, not a name
    ],
)
def test_look_alikes_of_a_board_name_stay(text: str) -> None:
    assert found_values(bed_board_names, text) == []


def test_a_hyphenated_name_with_an_initial_on_a_board_is_still_whole() -> None:
    text = "Bed 2 R. Al-Amin - for discharge"
    assert found_values(bed_board_names, text) == ["R. Al-Amin"]


# --- numbers in the health number's grouping -------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["943 476 5918", "401-023-2130", "712 334 9082"],  # each with its check digit wrong
)
def test_a_number_in_the_health_numbers_grouping_is_taken_when_its_check_fails(value) -> None:
    text = f"my old one was {value} and they still use it"
    assert value in found_values(nhs_numbers, text)
    assert covering_label(text, value) == "OTHER_ID"  # its check digit says it is no NHS number


def test_a_birth_date_after_a_name_and_a_grouped_health_number_is_still_a_birth_date() -> None:
    text = "Dad - Arthur Penhale - 943 476 5918 - 19/03/1941 - Ward 12"
    assert covering_label(text, "19/03/1941") == "DATE_OF_BIRTH"


def test_a_grouped_health_number_after_a_birth_date_is_taken() -> None:
    text = "Pt: A Person 19/01/1987 943 476 5918 vomiting"
    assert found_values(nhs_numbers, text) == ["943 476 5918"]


@pytest.mark.parametrize(
    "text",
    [
        "the code was 9434765918 on the slip",  # ungrouped: only its check digit could say
        "dialled 011 496 0123 twice",  # a trunk zero: the phone rules' to read
        "version 943.476.5918 of the app",  # dotted
        "shelf 943 476 5918 7 in the store",  # part of a longer run of figures
        "codes 1 943 476 5918 on the box",
        "ratio 943 476-5918 was odd",  # the groups split unlike each other
    ],
)
def test_look_alikes_of_a_grouped_health_number_stay(text: str) -> None:
    assert found_values(nhs_numbers, text) == []


# --- sexual health and gender services --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was seen at Harbourgate Sexual Health on Tuesday.", "Harbourgate Sexual Health"),
        ("Waiting for Pennine Vale GIC since 2020.", "Pennine Vale GIC"),
        ("a letter from Thornbury Gender Identity Clinic came", "Thornbury Gender Identity Clinic"),
        ("REFERRED TO ASHGROVE SEXUAL HEALTH CLINIC TODAY", "ASHGROVE SEXUAL HEALTH CLINIC"),
        ("got my appointment at wakefield gic next month", "wakefield gic"),
        ("results from brackley sexual health came back fine", "brackley sexual health"),
        ("Thank you to the Centre for Sexual Health for the kindness.", "Centre for Sexual Health"),
        ("Dr Obi, Kestrel Gender Dysphoria Service", "Kestrel Gender Dysphoria Service"),
    ],
)
def test_a_sexual_health_or_gender_service_by_its_own_name(text: str, value: str) -> None:
    assert value in found_values(sexual_and_gender_services, text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "I went to the sexual health clinic on my own.",
        "My GIC said to ask the GP.",
        "Integrated Sexual Health is commissioned by the council.",
        "The NHS Gender Identity Clinic waits are years long.",
        "She was on the Welsh Gender Service list for years.",  # a nation's service
        "I saw Dr Obi at Harbourgate sexual health clinic.",  # lower-case kind: a description
        "went to a named sexual health clinic today",  # lower case: everyday words
        "the local gender clinic rang back",
        "it was the centre for sexual health in lower case",
    ],
)
def test_look_alikes_of_a_sexual_health_or_gender_service_stay(text: str) -> None:
    assert found_values(sexual_and_gender_services, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Then Sexual Health rang me back.",  # a capitalised sentence's first word
        "They booked a routine Sexual Health check.",  # a lower-case word among capitals
        "got an urgent sexual health appointment today",  # in lower case: an everyday word
        "ring Scottish Gender Service for advice",  # a nation's service
    ],
)
def test_words_that_name_no_service_stay_out_of_its_name(text: str) -> None:
    assert found_values(sexual_and_gender_services, text) == []


def test_a_place_that_is_an_everyday_word_names_a_service_in_lower_case() -> None:
    text = "got an appointment at bath sexual health on monday"
    assert found_values(sexual_and_gender_services, text) == ["bath sexual health"]


def test_a_services_own_name_is_three_words_at_most() -> None:
    text = "Leaflets Posters Harbourgate Vale Sexual Health"
    assert found_values(sexual_and_gender_services, text) == [
        "Posters Harbourgate Vale Sexual Health"
    ]


# --- rows pasted without their header ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "birth"),
    [
        (
            "AB1234567,Pemberton,Aisha,3.7.58,LS6 2QT,Hill Top Surgery,seen,routine",
            ["Pemberton", "Aisha"],
            "3.7.58",
        ),
        (
            "W0093344|KOWALCZYK|Marta|1990-11-02|CF10 1AA|943 476 5919|clinic 4",
            ["KOWALCZYK", "Marta"],
            "1990-11-02",
        ),
        (
            "ref 88|oduya|tunde|march 3rd 1961|m14 5lt|booked|dna x1",
            ["oduya", "tunde"],
            "march 3rd 1961",
        ),
    ],
)
def test_a_persons_row_pasted_without_its_header(text, names, birth) -> None:
    found = {(text[f.start : f.end], f.label) for f in headerless_record_rows(text)}
    assert found == {(names[0], "PERSON"), (names[1], "PERSON"), (birth, "DATE_OF_BIRTH")}
    for name in names:
        assert covering_label(text, name) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        # no postcode or ten-figure number in the row: nothing says it is a person's
        "AB1234567,Pemberton,Aisha,3.7.58,Hill Top Surgery,seen,routine",
        # the cells before the date are everyday words
        "AB1234567,referral,received,3.7.58,LS6 2QT,Hill Top Surgery,routine",
        # written unlike each other
        "AB1234567,pemberton,Aisha,3.7.58,LS6 2QT,Hill Top Surgery,routine",
        # too few cells for a row
        "Pemberton,Aisha,3.7.58,LS6 2QT",
        # two words in a cell
        "AB1234567,Mary Pemberton,Aisha,3.7.58,LS6 2QT,Hill Top Surgery,routine",
        # no date after the names
        "AB1234567,Pemberton,Aisha,LS6 2QT,Hill Top Surgery,routine,none",
        # neither word is a listed name
        "AB1234567,Qzxv,Wrrp,3.7.58,LS6 2QT,Hill Top Surgery,routine",
        # one cell an everyday word that is no name
        "AB1234567,Pemberton,Routine,3.7.58,LS6 2QT,Hill Top Surgery,seen",
        # a capitalised surname before a forename in capitals
        "AB1234567,Pemberton,AISHA,3.7.58,LS6 2QT,Hill Top Surgery,seen",
    ],
)
def test_look_alikes_of_a_headerless_row_stay(text: str) -> None:
    assert list(headerless_record_rows(text)) == []


def test_each_line_of_a_pasted_export_is_read_on_its_own() -> None:
    text = (
        "notes follow\n"
        "X1,Pemberton,Aisha,3.7.58,LS6 2QT,a,b\n"
        "X2,Holloway,Deepak,12/01/1949,BD7 1DP,c,d"
    )
    values = found_values(headerless_record_rows, text)
    assert values == ["Pemberton", "Aisha", "3.7.58", "Holloway", "Deepak", "12/01/1949"]


# --- a date's tail is no house number ---------------------------------------------------------


def test_a_dates_tail_is_no_house_number() -> None:
    text = "PT SEEN DOB 1936-04-07 ATTENDED CANNOCK CHASE HOSPITAL ED"
    assert found_values(addresses, text) == []
    assert covering_label(text, "CANNOCK CHASE HOSPITAL") == "CARE_SETTING"
    assert covering_label(text, "1936-04-07") is not None


def test_a_range_of_house_numbers_is_still_an_address() -> None:
    text = "we are at 27-29 Westgate Crescent now"
    assert "27-29 Westgate Crescent" in found_values(addresses, text)


def test_every_found_span_in_a_board_is_a_person_not_a_place() -> None:
    text = "Bed 10 PROSSER Kwame 85 – vascular dementia"
    labels = {text[f.start : f.end]: f.label for f in detect(text)}
    assert labels.get("PROSSER Kwame") == "PERSON"


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
