"""Kinds built in the sixty-ninth round (issue 20), from the retired sets v88 and v89 and the
development sets that share each kind.

- A first name with its possessive "s" typed without the apostrophe ("jaydens dad", "Tylers
  school"); an everyday word ("marks the forms"), a word of family ("at nans") or a plural
  ("at marts") stays.
- The second and later ages of a list after "aged" or "ages" ("aged 9, 6 and 18 months",
  "(ages 2 and 8)"); a count or a time after "and" stays.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("can you ask brookes mum if she can take him tomorrow", "brooke", "PERSON"),
        ("Kianas school rang again about the forms.", "Kiana", "PERSON"),
        ("we are staying round at ayeshas place this week", "ayesha", "PERSON"),
        ("me and my kids, who are aged 8, 5 and 14 months. We share one room", "5", "AGE"),
        ("me and my kids, who are aged 8, 5 and 14 months. We share one room", "14", "AGE"),
        ("adults 1 children 2 (ages 4 and 9) referring agency: food bank", "9", "AGE"),
    ],
)
def test_the_sixty_ninth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("he said marks mum was fine", "marks"),
        ("my nans dad was a miner all his life", "nan"),
        ("the vet goes to marts on a Tuesday", "mart"),
        ("Two sessions for people aged 18 and 25 minutes apart.", "25"),
        ("Carers aged 65, 3 times a week, get a sitter.", "3"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
