"""Initials that stand for a person (issue 20, tenth round): the subject of a person's verb in
minutes and notes, the owner of what only a person has, and a note's author line; the other
mentions of the same initials follow.

Each sentence was written for this file, with initials of its own (none taken from a measuring
set). Each kind has reverses: acronyms of services, roles and bodies in the same slots stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import flagged, labelled

from nlp.anonymise import detect
from nlp.identifiers.people.initials import initials_findings


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Item 3. Parking. TW asked whether the barrier could stay up at night.", "TW"),
        ("Minutes: HR-led session. Then GD explained the new rota for the hub.", "GD"),
        ("Visit at 14:10. Neighbour holds MJK's keys and does the shopping.", "MJK"),
        ("Daughter says she pays the rent from RB's pension each month.", "RB"),
        ("Carer did not arrive, client distressed.\nLogged by PW", "PW"),
        ("Advice given on blue badge renewal.\nInitials: CT-free\nBy: DH", "DH"),
        ("Call from son.\n\nEntered by: NQ", "NQ"),
        ("The group met at the library. YO will chase the pharmacy about the delivery.", "YO"),
    ],
)
def test_initials_in_a_persons_slot_are_a_person(text, value):
    assert "PERSON" in labelled(text, value)


def test_their_other_mentions_follow():
    text = "Home visit. FB's daughter was present. FB reports poor sleep. Plan: FB to see GP."
    starts = [i for i in range(len(text)) if text.startswith("FB", i)]
    assert sorted(f.start for f in initials_findings(text)) == starts[:2]  # not "FB to see"
    found = detect(text)
    assert all(any(f.start <= s and f.end >= s + 2 for f in found) for s in starts)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At the review the OT said the rails should go in before discharge.", "OT"),
        ("The GP's letter said the CPN reported no concerns.", "GP"),
        ("The GP's letter said the CPN reported no concerns.", "CPN"),
        ("PALS said they would pass it on to the ward manager.", "PALS"),
        ("The team at KB advised us to ring the surgery first.", "KB"),
        ("In the end the DWP refused the claim again.", "DWP"),
        ("I RANG AGAIN AND MO SAID NOBODY COULD COME TILL FRIDAY.", "MO"),
        ("We signed the forms and BP checked twice, which was fine.", "BP"),
    ],
)
def test_acronyms_and_bodies_in_the_same_slots_stay(text, value):
    assert not flagged(text, value)
