"""Kinds built in the sixty-fifth round (issue 20), from the retired sets v80 and v81 and the
development sets that share each kind.

- A practice named kind first, then its listed town ("Group Practice Stornoway"), in the
  text's own case; "the Medical Group" alone stays.
- A found practice that opens on a street's word takes the capitalised word before it ("Well
  Street Surgery", of which "Street Surgery" was found); a sentence's small word does not.
- A registered service's number after its initials and "ID" ("RQIA ID 2217").

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
        (
            "My GP at Group Practice Inverness has been very good.",
            "Group Practice Inverness",
            "CARE_SETTING",
        ),
        (
            "the surgery is medical practice wrexham, ask for jo",
            "medical practice wrexham",
            "CARE_SETTING",
        ),
        (
            "Our GP at Well Street Surgery wrote to the council.",
            "Well Street Surgery",
            "CARE_SETTING",
        ),
        ("Oakhill Care Home, Lurgan. RQIA ID 2217. We met three residents.", "2217", "OTHER_ID"),
    ],
)
def test_the_sixty_fifth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Medical Group said they would ring back.", "Medical Group"),
        ("I went to the Street Surgery on Monday.", "the"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
