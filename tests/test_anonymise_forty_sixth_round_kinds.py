"""Kinds built in the forty-sixth round (issue 20): only kinds of false finding that three or
more development sets, each by a different writer, share. A hospice's own word standing alone
and the personal assistants that direct payments employ taken for people, a grant named by what
it pays for taken for a surname, a year said in words taken for an age, the words of Welsh
services, schemes and groups taken for people, and a person's hospital number or passport taken
for a hospital.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay marked.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged, labelled

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.core.number_words import as_int

# --- a hospice's word alone and personal assistants are no people ---------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Hospice at Home nurses came every night that week.", "Hospice"),
        ("Dad went to the Day Hospice on Thursdays and liked the painting.", "Hospice"),
        ("Nobody wants to hear the word Hospice, but it was the kindest place.", "Hospice"),
        ("We pay four PAs from the direct payment and two are off sick.", "PAs"),
        ("Recruiting PAs in a rural area is almost impossible now.", "PAs"),
    ],
)
def test_a_hospice_word_or_personal_assistants_are_no_person(text, value):
    assert not flagged(text, value)


def test_a_named_hospice_stays_a_care_setting():
    text = "She spent her last week at Larkfield Hospice near the river."
    assert covering_label(text, "Larkfield Hospice") == "CARE_SETTING"


def test_a_personal_assistant_by_name_stays_a_person():
    text = "My PA Roisin Kavanagh helps me with my shopping on Tuesdays."
    assert covering_label(text, "Roisin Kavanagh") == "PERSON"


# --- a grant named by what it pays for is no surname ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The council turned down the Disabled Facilities Grant for a stairlift.",
        "She claimed the Sure Start Maternity Grant before the baby came.",
        "A Discretionary Housing Grant covered the gap in the rent for three months.",
    ],
)
def test_a_named_grant_is_no_person(text):
    assert not flagged(text, "Grant")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our social worker Lorna Grant chased the adaptations for us.", "Lorna Grant"),
        ("Mrs Grant from the housing team visited on Monday.", "Grant"),
    ],
)
def test_a_surname_grant_stays_a_person(text, value):
    assert covering_label(text, value) == "PERSON"


# --- a year said in words is no age -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I qualified as a midwife in nineteen seventy-two in Glasgow.", "nineteen seventy-two"),
        ("We moved over from Lagos in nineteen eighty-five.", "nineteen eighty-five"),
        ("She has been waiting since twenty eighteen for the operation.", "twenty eighteen"),
    ],
)
def test_a_year_said_in_words_is_no_age(text, value):
    assert not flagged(text, value)


def test_an_age_said_in_words_stays_an_age():
    text = "My mother is ninety-three and still lives on her own."
    assert covering_label(text, "ninety-three") == "AGE"


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("nineteen sixty", None),
        ("twenty twenty-two", None),
        ("seven four", None),
        ("twenty-one", 21),
        ("a hundred and four", 104),
        ("eighty wan", 81),
    ],
)
def test_number_words_are_read_in_order(words, number):
    assert as_int(words) == number


# --- the words of Welsh services, schemes and groups are no people ---------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("None of the nurses wore the Iaith Gwaith badge that week.", "Iaith Gwaith"),
        ("She filled in the Cerdyn Adborth at the desk on her way out.", "Cerdyn Adborth"),
        ("I sent a complaint to Llais about the ward and nobody replied.", "Llais"),
        ("Sioned from Mind Cymru came to the review.", "Cymru"),
        ("Her appointment is at the Clinig Clust, Trwyn a Gwddf on Monday.", "Gwddf"),
    ],
)
def test_a_welsh_service_word_is_no_person(text, value):
    assert "PERSON" not in labelled(text, value)


def test_a_welsh_name_beside_a_service_word_stays_a_person():
    text = "Dear Llais, my nain Gwenllian Pritchard was left on a trolley overnight."
    assert covering_label(text, "Gwenllian Pritchard") == "PERSON"


# --- a person's hospital number, passport or bag is no hospital -----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ayesha's hospital number is on the appointment letter.", "Ayesha"),
        ("I packed Tomasz's hospital bag the night before.", "Tomasz"),
        ("The nurses never read Callum's hospital passport.", "Callum"),
    ],
)
def test_a_persons_hospital_record_is_no_care_setting(text, name):
    assert "CARE_SETTING" not in labelled(text, "hospital")
    assert covering_label(text, name) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dr Rahman's surgery is shut on Wednesdays.", "Dr Rahman's surgery"),
        ("She was in St Anne's hospital for a week.", "St Anne's hospital"),
    ],
)
def test_a_setting_named_by_a_possessive_stays_a_care_setting(text, value):
    assert covering_label(text, value) == "CARE_SETTING"


def test_the_engine_names_this_round():
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
