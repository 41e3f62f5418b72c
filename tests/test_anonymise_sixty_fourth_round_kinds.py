"""Kinds built in the sixty-fourth round (issue 20), from the retired sets v78 and v79 and the
development sets that share each kind.

- A place set off by dashes in a heading, as notes of a meeting name where it was held
  ("Carers' forum – Leeds – notes by Sam"); the dashes of a sentence's aside do not make a
  person's name or an everyday word a place.
- Where people are held: a prison by "HMP" in any case ("HMP RISLEY HEALTHCARE", "hmp
  durham"), a removal centre by its initials ("Brook House IRC"), a custody suite or police
  station by its town ("Salford police station"), a barracks by its name ("Tidworth
  barracks"); "the police station" and "the army barracks" stay.
- A form's "No." before a number ("Prisoner: Sam Okoro   No. 884512").
- A note's bracketed age with its "y" ("Ruth Kane (77y)").

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
        ("Carers' forum – Leeds – notes by Sam Ward", "Leeds", "LOCATION"),
        ("Listening event – Manchester – summary of the tables", "Manchester", "LOCATION"),
        (
            "PLEASE CAN I SEE THE DENTIST AT HMP RISLEY HEALTHCARE THIS WEEK",
            "HMP RISLEY",
            "CARE_SETTING",
        ),
        ("my brother is in hmp durham and has no inhaler", "hmp durham", "CARE_SETTING"),
        ("She was moved to Brook House IRC last week.", "Brook House IRC", "CARE_SETTING"),
        (
            "Seen at Salford police station by the custody nurse.",
            "Salford police station",
            "LOCATION",
        ),
        ("we were posted to tidworth barracks in may", "tidworth barracks", "LOCATION"),
        ("Prisoner: Sam Okoro   No. 884512   DOB 01/02/1990", "884512", "OTHER_ID"),
        ("Referral. Ruth Kane (77y), lives alone.", "77y", "AGE"),
    ],
)
def test_the_sixty_fourth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He was taken to the police station and then home.", "police station"),
        ("We drove past the army barracks on the way.", "army barracks"),
        ("No. We did not hear back from anyone.", "No."),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
