"""Identifiers typed with no space beside a bracket, a plus, an ampersand or a field's colon are
found as they are with spaces; "A&E", "B&Q", times and URLs keep their shape."""

from __future__ import annotations

import pytest

from nlp.anonymise import detect, engine
from nlp.identifiers.core.glued_punctuation import split_glued_punctuation
from nlp.identifiers.ner.ner_model import ner_pipeline


def found(text: str) -> dict[str, str]:
    return {text[f.start : f.end]: f.label for f in detect(text)}


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Big thanks to Bernadette(physio) and the night team.", "Bernadette", "PERSON"),
        ("thanks kayleigh(physio) x", "kayleigh", "PERSON"),
        ("Seen by Dr.Okonjo(consultant)on Tuesday.", "Okonjo", "PERSON"),
        ("Nurses Priya&Tomasz were so kind.", "Tomasz", "PERSON"),
        ("Thanks to Priya+Tomasz on nights.", "Priya", "PERSON"),
        ("thanks to Bernadette;she was great", "Bernadette", "PERSON"),
        ("Moved from Wrexham(near the border)last year.", "Wrexham", "LOCATION"),
        ("My dad(84)waited six hours in the corridor.", "84", "AGE"),
        ("Ring me on:07700 900 461(mobile) after six.", "07700 900 461", "PHONE"),
    ],
)
def test_an_identifier_glued_to_punctuation_is_found(text, value, label):
    assert found(text).get(value) == label


def test_a_spaced_nhs_number_after_a_fields_colon_is_found_but_not_after_a_time():
    assert found("Call me on:2217 751 913(mobile)").get("2217 751 913") == "NHS_NUMBER"
    assert not found("the clock said 10:2217 751 913 x")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("A&E was heaving and B&Q had shut by then.", ["A&E", "B&Q"]),
        ("M&S sandwiches at 10:30 on https://www.nhs.uk/conditions", ["M&S", "10:30"]),
        ("Section 5(2) holding power was used once.", ["5(2"]),
    ],
)
def test_abbreviations_times_statutes_and_links_keep_their_tokens(text, kept):
    tokens = [t.text for t in engine().nlp.tokenizer(text)]
    assert set(kept) <= set(tokens)
    assert set(found(text).values()) <= {"URL"}  # a link is found whole, as before


def test_both_pipelines_split_alike_and_the_rule_is_applied_once():
    text = "Sarah(physio)+the team&Tom at dob:12/03/1950"
    ours = [t.text for t in engine().nlp.tokenizer(text)]
    ner = [t.text for t in ner_pipeline().tokenizer(text)]
    assert ours == ner
    assert "Sarah" in ours and "(" in ours and "12/03/1950" in ours
    pattern = engine().nlp.tokenizer.infix_finditer.__self__.pattern
    split_glued_punctuation(engine().nlp)
    assert engine().nlp.tokenizer.infix_finditer.__self__.pattern == pattern


@pytest.mark.parametrize("text", ["The page showed alert(1) instead of my story.", "print(42)"])
def test_a_number_in_a_bracket_typed_against_a_word_is_code_not_an_age(text):
    assert "AGE" not in found(text).values()


@pytest.mark.parametrize(("text", "age"), [("My dad(84)waited.", "84"), ("Sian(7) loved it", "7")])
def test_a_relative_or_a_name_typed_against_an_age_keeps_it(text, age):
    assert found(text).get(age) == "AGE"


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "The night was long.Bernadette sat with Dad.Then the doctor came.",
            "Bernadette",
            "PERSON",
        ),
        ("1.Moved from Wrexham.2.Waited a year.", "Wrexham", "LOCATION"),
        ("Please ring.5334046739.Any time after six.", "5334046739", "NHS_NUMBER"),
        ("Please ring.2217 751 913.Any time", "2217 751 913", "NHS_NUMBER"),
    ],
)
def test_an_identifier_after_a_full_stop_typed_with_no_space_is_found(text, value, label):
    assert found(text).get(value) == label


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("St.John and J.R. Smith took 1.5 mg", ["St.", "J.R.", "1.5"]),
        ("see www.Example.com today", ["www.Example.com"]),
    ],
)
def test_initials_titles_decimals_and_links_keep_their_full_stops(text, kept):
    assert set(kept) <= {t.text for t in engine().nlp.tokenizer(text)}


def test_a_version_or_a_decimal_before_ten_figures_is_no_nhs_number():
    assert "NHS_NUMBER" not in found("build v1.5334046739 failed").values()
