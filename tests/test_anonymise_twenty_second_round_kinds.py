"""Kinds found general in the twenty-second round (issue 20): identifiers spelt out on the
phone with a word for each letter (nlp/identifiers/spoken/phonetic_spelling.py).

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered as _covered

from nlp.identifiers.spoken.phonetic_spelling import phonetic_spellings


def _spans(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.label) for f in phonetic_spellings(text)]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "She read it out twice: N for Norman, P for Peter, seven, one, J for Juliet, "
            "Q for Queenie.",
            "N for Norman, P for Peter, seven, one, J for Juliet, Q for Queenie",
            "POSTCODE",
        ),
        (
            "and where she lives is c f one four, J for jam, A for apple, so we can send it",
            "c f one four, J for jam, A for apple",
            "POSTCODE",
        ),
        (
            "Surname's Duffy, D as in Delta, U as in Uniform, F, F, Y.",
            "D as in Delta, U as in Uniform, F, F, Y",
            "PERSON",
        ),
        (
            "The complaint number was H for Harry, 2, 0, 9, R for Romeo, 5.",
            "H for Harry, 2, 0, 9, R for Romeo, 5",
            "OTHER_ID",
        ),
    ],
)
def test_spelt_identifiers_are_found_whole(text, value, label):
    assert (value, label) in _spans(text)
    assert _covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "The nurse gave him an A for effort and I for one agreed.",
        "We scored it: C for cleanliness, B for Bertha's cooking.",  # two letters, no spelling
        "Marks out of ten: 7 for food, 9 for kindness, 6 for parking.",
        "They said D for discharge on the board, then nothing happened for a week.",
        "Is it X for the hip and Y for the knee? Nobody knew.",
    ],
)
def test_letters_that_are_not_spelt_stay(text):
    assert _spans(text) == []
