"""Kinds built in the seventieth round (issue 20), from the retired sets v90 and v91 and the
development sets that share each kind.

- The clinical shorthand of age and sex standing alone ("pre-alert — 31M, cyclist", "on the
  vehicle: 88F ?NOF"); a ward, a bay or a class numbered the same way ("Ward 12F", "Class: 4F")
  stays.
- The years glued onto an age after a name ("Pt Ann Roe 67y, NHS ...").
- A pupil's Unique Pupil Number, one capital and twelve figures, with or without its cue.

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
        ("Pre-alert to the MTC — 31M, cyclist, head injury, ETA 8 min.", "31", "AGE"),
        ("Waiting on the vehicle: 88F ?NOF, 52M chest pain.", "88", "AGE"),
        ("Waiting on the vehicle: 88F ?NOF, 52M chest pain.", "52", "AGE"),
        ("Pt Ann Roe 67y, NHS 9994567890, seen at home.", "67", "AGE"),
        (
            "Reading support for Ella Hart (J406118293047, Y4) after lunch.",
            "J406118293047",
            "OTHER_ID",
        ),
    ],
)
def test_the_seventieth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Bay 4M had no working call bell.", "4"),
        ("Class: 4F   Teacher: Mrs Hale", "4"),
        ("He ran the 400M in under a minute.", "400"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
