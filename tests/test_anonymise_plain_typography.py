"""Text pasted with no-break or thin spaces, or with dashes between figures, is read as if typed
with plain ones; the story itself keeps its characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.anonymise import anonymise, detect
from nlp.identifiers.recogniser.plain_typography import plain_typography

NBSP, THIN, NARROW = "\u00a0", "\u2009", "\u202f"
EN, NB_HYPHEN, MINUS = "\u2013", "\u2011", "\u2212"


def found(text: str) -> dict[str, str]:
    return {text[f.start : f.end]: f.label for f in detect(text)}


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (f"Her postcode is LS1{NBSP}1BA if you write.", f"LS1{NBSP}1BA", "POSTCODE"),
        (f"postcode CF10{THIN}3NP on the form", f"CF10{THIN}3NP", "POSTCODE"),
        (f"NHS number 943{NBSP}476{NBSP}5919 please.", f"943{NBSP}476{NBSP}5919", "NHS_NUMBER"),
        (f"We were seen by Dr{NBSP}Okonjo on Tuesday.", "Okonjo", "PERSON"),
        (
            f"She was born on 12{NARROW}March{NARROW}1950 in Hull.",
            f"12{NARROW}March{NARROW}1950",
            "DATE_OF_BIRTH",
        ),
    ],
)
def test_an_identifier_pasted_with_other_spaces_is_found_whole(text, value, label):
    assert found(text).get(value) == label


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (f"Ring 07700{EN}900{EN}461 after six.", f"07700{EN}900{EN}461", "PHONE"),
        (
            f"Ring 07700{NB_HYPHEN}900{NB_HYPHEN}461 after six.",
            f"07700{NB_HYPHEN}900{NB_HYPHEN}461",
            "PHONE",
        ),
        (f"DOB 12{EN}03{EN}1950 on the form", f"12{EN}03{EN}1950", "DATE_OF_BIRTH"),
        (f"NHS no 943{MINUS}476{MINUS}5919", f"943{MINUS}476{MINUS}5919", "NHS_NUMBER"),
    ],
)
def test_an_identifier_with_a_word_processors_dashes_is_found_whole(text, value, label):
    assert found(text).get(value) == label


def test_dashes_between_words_are_left_as_written():
    text = f"Rachel {EN} podiatry {EN} 2{EN}3 pm"
    assert plain_typography(text) == f"Rachel {EN} podiatry {EN} 2-3 pm"


def test_the_story_keeps_its_own_spaces_around_what_is_taken_out():
    text = f"Write to LS1{NBSP}1BA,{NBSP}thank{NBSP}you."
    rendered = anonymise(text).text
    assert "1BA" not in rendered and f",{NBSP}thank{NBSP}you." in rendered  # district kept


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_plain_typography_keeps_length_and_changes_only_spaces_and_dashes(text):
    read = plain_typography(text)
    assert len(read) == len(text)
    for before, after in zip(text, read, strict=True):
        space = after == " " and before.isspace() and before not in "\t\n\r"
        assert (
            after == before
            or space
            or (after == "-" and before in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d")
        )


@pytest.mark.parametrize(
    "text",
    [
        "The current waiting time is 52-60 weeks for the operation.",
        f"The wait in your area is 18{EN}24 months, the letter said.",
    ],
)
def test_a_range_of_weeks_or_months_is_a_wait_not_an_age(text):
    assert "AGE" not in found(text).values()
