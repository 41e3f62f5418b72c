"""Kinds built in the seventy-fourth round (issue 20), from the retired sets v98 and v99 and the
development sets that share each kind.

- A code that names one person or one case by its kind: a settled status share code, a needle
  exchange's anonymous or client code, a mystery shopper's code; letters with a figure or two
  are enough after such a cue ("Client code: RT41K").
- References after "refs" ("client refs KDAS 20417 / KDAS 20533").
- An age after a date of birth and a comma, with its years on it or its bracket closing ("DOB
  02/03/1958, 66y"); a house number after the comma stays part of the address.
- A surname written first in capitals with letters beyond ASCII ("ŻURAWSKA, Anna").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Pre-settled status, share code: KX4 7PD 2QW, seen today.", "KX4 7PD 2QW", "OTHER_ID"),
        ("Walk-in at the hub. Anon code BR2208M. Wants filters.", "BR2208M", "OTHER_ID"),
        ("Client code: RT41K Issued: 10 x 1ml", "RT41K", "OTHER_ID"),
        ("Shopper code TW-C-09 rang at 8.02am.", "TW-C-09", "OTHER_ID"),
        ("Known to them (client refs KDAS 20417 / KDAS 20533).", "KDAS 20417", "OTHER_ID"),
        ("Review: Mrs Ola Bakare (DOB 02/03/1958, 66y), stable.", "66", "AGE"),
        ("Seen: Ted Rowe, DOB 11/04/1941, 83 yrs. Bloods taken.", "83", "AGE"),
        ("10:00 ŻURAWSKA, Anna 33F  SLE review", "ŻURAWSKA", "PERSON"),
    ],
)
def test_the_seventy_fourth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Re: Ann Lowe, DOB 10/02/33, 59 Mill Street, Leek", "59"),
        ("DOB 10/02/1944, 3 children at home.", "3"),
        ("Clinic code: DEN-B2   Priority: routine", "DEN-B2"),
        ("Use the discount code SAVE10 at the till.", "SAVE10"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert covering_label(text, word) in (None, "ADDRESS")


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
