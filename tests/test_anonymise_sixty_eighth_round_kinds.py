"""Kinds built in the sixty-eighth round (issue 20), from the retired sets v86 and v87 and the
development sets that share each kind.

- The years said with an age after a name, in a bracket or between commas ("(81 years)",
  ", 90 yrs,"), and the age a record brackets after a date of birth ("(26 yrs)", "(57)").
- The age someone will be, with when ("and will be 18 next month", "she'll be ninety at
  Easter").
- A date of birth further on in its cue's sentence ("date of birth is shown on their file as
  3 February 1947"), after "born ... on" ("was born at 04:12 on 14 February 2024"), or written
  year first after a name ("Siân Thompson, 1936-11-23").
- Wards and suites named after birds and gentle things ("the Dove Suite", "robin ward", "the
  forget me not suite").

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
        ("Her uncle Bishnu Gurung (79 years) served in Hong Kong.", "79", "AGE"),
        ("Mrs Olive Dunn (91 yrs) waited six hours for transport.", "91", "AGE"),
        ("Pham Thi Hoa (52 years, cleaner) told us about her back.", "52", "AGE"),
        ("Resident mr alan price, 88 yrs, was asleep in his chair.", "88", "AGE"),
        ("Patient DOB: August 3rd 1979 (45 yrs) Ward: 7", "45", "AGE"),
        ("Tomas, who is 15 and will be 16 next week, wants his own appointments.", "16", "AGE"),
        ("Dad says he'll be ninety on Sunday and wants no fuss.", "ninety", "AGE"),
        (
            "Her date of birth is on their system as 9 October 1952, which is wrong.",
            "9 October 1952",
            "DATE_OF_BIRTH",
        ),
        (
            "Our son was born at 23:50 on 3 March 2024 at the midwife-led unit.",
            "3 March 2024",
            "DATE_OF_BIRTH",
        ),
        ("Our daughter was born sleeping on 2022-06-14.", "2022-06-14", "DATE_OF_BIRTH"),
        (
            "Applicant: Rhian MacLeod, 1971-08-30\nCurrent address: Flat 2",
            "1971-08-30",
            "DATE_OF_BIRTH",
        ),
        (
            "We were given time together in the Dove Suite at the hospital.",
            "Dove Suite",
            "CARE_SETTING",
        ),
        ("mum was moved onto kingfisher ward last night", "kingfisher ward", "CARE_SETTING"),
        (
            "thank you for the forget me not suite after our loss",
            "forget me not suite",
            "CARE_SETTING",
        ),
    ],
)
def test_the_sixty_eighth_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I worked for Dr Anna Price 3 years, then moved away.", "3"),
        ("Ex-navy here (22 years, mostly at sea) and never had a problem.", "22"),
        ("We will be 12 at the table on Sunday.", "12"),
        ("It will be 10 minutes at most.", "10"),
        (
            "They took her date of birth and booked her in for 12/03/2025 at the clinic.",
            "12/03/2025",
        ),
        ("She was born in Krakow and came here on 3 May 2004.", "3 May 2004"),
        ("the rainbow room at the hotel was lovely", "rainbow room"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
