"""Text pasted with no-break or thin spaces is read as if typed with plain ones; the story
itself keeps its spaces."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.anonymise import anonymise, detect
from nlp.identifiers.recogniser.plain_spaces import plain_spaces

NBSP, THIN, NARROW = "\u00a0", "\u2009", "\u202f"


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


def test_the_story_keeps_its_own_spaces_around_what_is_taken_out():
    text = f"Write to LS1{NBSP}1BA,{NBSP}thank{NBSP}you."
    rendered = anonymise(text).text
    assert "1BA" not in rendered and f",{NBSP}thank{NBSP}you." in rendered  # district kept


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_plain_spaces_keeps_length_and_changes_only_space_separators(text):
    read = plain_spaces(text)
    assert len(read) == len(text)
    for before, after in zip(text, read, strict=True):
        assert after == before or (after == " " and before.isspace() and before not in "\t\n\r")
