"""Kinds built in the sixty-first round (issue 20), from the retired sets v72 and v73 and the
development sets that share each kind.

- A college or university named by a listed town, in any case ("the university of
  aberdeen", "at derby uni", "Sheffield City College", "Perth and Kinross College", "at Bath
  Met"), and Northern Ireland's regional colleges by their compass names.
- Youth clubs and projects by their own names ("Riverside Youth Club", "from bluebell youth
  project"); a description before the kind ("the local youth club") stays.
- A room in a named hall or block ("Flat 9, room B, Hollins Park", "room 212, Ashdown Court").
- An age in words after "at", "since" or "of" a person ("at seventy-three", "diabetes
  since thirty-five", "a retired farmer of eighty-one"), but not a time, a count or a year in
  words; "about" before a stated age; coming out as a turning point ("came out at 17,").
- A number after its own thing's name ("locker number is 88213"), a form's "ID:", and a
  Discord tag; a phone's, a house's or a count's number stays.
- A school by one capitalised name ("Cotswold School"), and a school named for a saint or
  Our Lady in any case ("st columba's rc high").
- A student health service by its place ("Exeter Student Health", "the Student Health Centre
  at Bangor").

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
            "im in first year at the university of aberdeen and skint",
            "university of aberdeen",
            "LOCATION",
        ),
        ("my mate at derby uni said the gp there is good", "derby uni", "LOCATION"),
        (
            "He does plumbing at Sheffield City College on Mondays.",
            "Sheffield City College",
            "LOCATION",
        ),
        ("MY TUTOR AT PERTH AND KINROSS COLLEGE RANG ME", "PERTH AND KINROSS COLLEGE", "LOCATION"),
        ("she finished her nursing at Bath Met and came home", "Bath Met", "LOCATION"),
        (
            "now i'm at south eastern regional college doing hair",
            "south eastern regional college",
            "LOCATION",
        ),
        (
            "The girls meet at Riverside Youth Club on Thursdays.",
            "Riverside Youth Club",
            "LOCATION",
        ),
        (
            "my worker from bluebell youth project came to the meeting",
            "bluebell youth project",
            "LOCATION",
        ),
        (
            "Term address: Flat 9, room B, Hollins Park. Course: History",
            "Flat 9, room B, Hollins Park",
            "ADDRESS",
        ),
        (
            "I'm in room 212, Ashdown Court and my flatmate is not eating.",
            "room 212, Ashdown Court",
            "ADDRESS",
        ),
        ("She fell again, and at seventy-three that frightened her.", "seventy-three", "AGE"),
        ("She has had diabetes since thirty-five, and it is worse now.", "thirty-five", "AGE"),
        (
            "I write for my neighbour, a retired farmer of eighty-one living on his own.",
            "eighty-one",
            "AGE",
        ),
        ("He has been unwell since he was about thirty-two, on and off.", "thirty-two", "AGE"),
        ("I came out at 17, and my mum took it badly.", "17", "AGE"),
        ("My locker number is 88213 if you need it.", "88213", "OTHER_ID"),
        ("Applicant: Zainab Ali ID: 4471902k Course: Law", "4471902k", "OTHER_ID"),
        (
            "add me on discord, it's moonlit_fox#2231 if you want to chat",
            "moonlit_fox#2231",
            "OTHER_ID",
        ),
        ("Her son is at Cotswold School and the bus is late.", "Cotswold School", "LOCATION"),
        ("got sent home from st columba's rc high again", "st columba's rc high", "LOCATION"),
        (
            "I'm registered at Exeter Student Health but they never answer.",
            "Exeter Student Health",
            "CARE_SETTING",
        ),
        (
            "The Student Health Centre at Bangor gave me a sick note.",
            "Student Health Centre at Bangor",
            "CARE_SETTING",
        ),
    ],
)
def test_the_sixty_first_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He goes to the local youth club on Fridays.", "local youth club"),
        ("We waited in room 3, Sarah said it would not be long.", "room 3"),
        ("The train left at seventeen hundred and we got in at twenty past nine.", "seventeen"),
        ("We have lived here since nineteen ninety.", "nineteen"),
        ("There was a group of twenty people in the waiting room.", "twenty"),
        ("The results came out at 10, and we went home.", "10"),
        ("The total number is 2000 across the region.", "2000"),
        ("His house number is 1204 on the new estate.", "1204"),
        ("She misses school some days to help at home.", "misses school"),
        ("He went to Sunday School as a boy.", "Sunday School"),
        ("The student health centre was shut all week.", "student health centre"),
        ("She trained at the Royal College of Nursing.", "College of Nursing"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
