"""Kinds found general in the thirteenth round (issue 20): identifiers read aloud. Spoken
postcodes recur in v4, v5, v10, v13 and v14, and spoken references or hospital numbers with
their letters spelt in v13 and v14; the written-reference rules need digits, so both were left.

Each sentence was written for this file, with letters and numbers of its own (none taken from a
measuring set). Each kind has reverses: ordinary speech of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged

from nlp.identifiers.spoken.spoken_postcodes import spoken_postcodes
from nlp.identifiers.spoken.spoken_references import spoken_references


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Her hospital number is P T, six one two, oh five eight, I read it off the band.",
            "P T, six one two, oh five eight",
        ),
        (
            "The complaint reference they sent me is R-W-four-four-one-nine-two, if that helps.",
            "R-W-four-four-one-nine-two",
        ),
        (
            "My case number, I think it was D, three double seven, two one. Please call back.",
            "D, three double seven, two one",
        ),
    ],
)
def test_a_reference_with_spelt_letters_and_digit_words_after_its_cue_is_found(text, value):
    assert [text[f.start : f.end] for f in spoken_references(text)] == [value]
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Our ref is on the letter. I will ring at four.",  # sentence ends before any letters
        "The case number is 4471, A one two three four was the old form.",  # digits given first
        "Reference to B two weeks ago was made in the notes.",  # too few digits to be one
        "She gave no reference. I think A and B were there at nine.",
    ],
)
def test_speech_without_a_spelt_reference_after_the_cue_stays(text):
    assert list(spoken_references(text)) == []


def test_a_spoken_postcode_a_few_words_after_its_cue_is_found():
    text = "The postcode for the car park's L S six, three H P if the satnav needs it."
    assert [text[f.start : f.end] for f in spoken_postcodes(text)] == ["L S six, three H P"]


@pytest.mark.parametrize(
    "text",
    [
        "The postcode on the letter was wrong. A B and C all said so.",  # sentence ended
        "Her postcode is in my bag with the letters from the surgery.",  # no postcode shape
    ],
)
def test_words_after_a_postcode_cue_that_are_not_a_postcode_stay(text):
    assert list(spoken_postcodes(text)) == []


# --- a specialty before a role word is no name ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kind regards,\nDr H Okonjo\nConsultant Renal Physician\nDictated, not read", "Renal"),
        ("Reviewed by Dr Ffion Pryce, Specialty Registrar, for Dr Lowe.", "Specialty"),
        ("Signed: Mr T Baptiste\nConsultant Orthopaedic Surgeon", "Orthopaedic"),
    ],
)
def test_a_specialty_word_before_a_role_is_not_a_name(text, word):
    assert not flagged(text, word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thanks to Marcy Physiotherapist for the exercises she showed me.", "Marcy"),
        ("Staff nurse Amber Nurse rang to check on him.", "Amber"),
        ("Consultant Rose Physician saw him twice.", "Rose"),
    ],
)
def test_a_name_before_a_role_word_is_still_found(text, name):
    assert flagged(text, name)
