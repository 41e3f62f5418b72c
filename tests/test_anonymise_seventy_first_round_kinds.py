"""Kinds built in the seventy-first round (issue 20), from the retired sets v92 and v93 and the
development sets that share each kind.

- The place a council is named after ("Wyre Forest District Council", "hull council",
  "SALFORD CITY COUNCIL"), a shire district named after no town included; councils named after
  no place ("the council", "Patient and Client Council") stay.
- An age said as "years young", and a death notice's "in her 88th year".
- A register entry's "Date and place of birth:".
- A nurse's PIN after "PIN" alone, by its shape.
- A saint's hospital or hospice in capitals with its "'S", and in lower case without a word of
  place before it.

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
        ("Our appeal went to Wyre Forest District Council in May.", "Wyre Forest", "LOCATION"),
        ("Tendring District Council sent the blue badge back.", "Tendring", "LOCATION"),
        ("i emailed hull council twice and nothing", "hull", "LOCATION"),
        ("FORM RETURNED TO SALFORD CITY COUNCIL ON FRIDAY", "SALFORD", "LOCATION"),
        ("Adult social care at Rochdale Borough Council took a month.", "Rochdale", "LOCATION"),
        ("Happy birthday Grandad Tom, 87 years young today!", "87", "AGE"),
        ("Still dancing at 87 years young!", "87", "AGE"),
        ("Peacefully at home, in her 88th year, surrounded by family.", "88", "AGE"),
        (
            "Entry 51. Date and place of birth: 2 March 1950, Leek. Occupation: fitter.",
            "2 March 1950",
            "DATE_OF_BIRTH",
        ),
        ("Signed by the nurse on duty (PIN 71B0392C) at 15:10.", "71B0392C", "OTHER_ID"),
        ("REFERRED TO ST BRIGID'S HOSPICE DAY UNIT", "ST BRIGID'S HOSPICE", "CARE_SETTING"),
        ("ST NON'S HOSPICE – DAY UNIT. Settled well.", "ST NON'S HOSPICE", "CARE_SETTING"),
        ("if no bed then st non's hospice near us", "st non's hospice", "CARE_SETTING"),
        (
            "first choice is home and then st cuthbert's hospice",
            "st cuthbert's hospice",
            "CARE_SETTING",
        ),
    ],
)
def test_the_seventy_first_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I rang the council and the Patient and Client Council.", "Client"),
        ("We met the Youth Council and the Town Council.", "Youth"),
        ("The Arts Council funded the choir.", "Arts"),
        ("They are in their 25th year of marriage.", "25"),
        ("He is in his 12th year at the school.", "12"),
        ("Enter your PIN 4417 at the door.", "4417"),
        ("from next march council tax goes up again", "march"),
        ("houses for sale council wont buy them", "sale"),
        ("Reading council minutes takes me an hour.", "Reading"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
