"""Kinds built in the sixty-second round (issue 20), from the retired sets v74 and v75 and the
development sets that share each kind.

- A note's age straight after a found name ("re dad Stanley 81 cb pls", "Mrs Okoro 67 H&C no
  …"); not a house number before its street, a count before its unit or a verse's number.
- The clubs where older people meet ("Moorside Bowling Club", "Heaton Social Club"); "the
  Bowling Club" alone stays.
- A reference given "from the home" ("The deposit reference from the home is 48213").
- The town or district written straight after a found street ("14 Heather Close Aberdeen she
  said", "9 brook lane wigan if"); in lower case, a place that is also an everyday word only
  where the line or clause ends.
- A child's age told as what the child is now, in weeks or months ("our son Idris is now seven
  months", "he's 6 weeks tomorrow"); not a wait, a pregnancy, an appointment or a baby's jabs.

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
        ("Caller: Janet, re dad Stanley 81 cb pls on 0161 496 0555", "81", "AGE"),
        ("seen: winifred mcbride 88 seen at home, pressure area ok", "88", "AGE"),
        # a house number before its street stays the address's, not an age
        ("Mary Smith 74 Church Street is her address.", "74 Church Street", "ADDRESS"),
        ("I play at the Moorside Bowling Club every Tuesday.", "Moorside Bowling Club", "LOCATION"),
        ("The deposit reference from the home is 48213, I was told.", "48213", "OTHER_ID"),
        (
            "my dad lives 14 Heather Close Aberdeen she said, and he is alone",
            "Aberdeen",
            "LOCATION",
        ),
        ("i stay at 9 brook lane wigan if you need to post it", "wigan", "LOCATION"),
        ("Our son Idris is now seven months and sleeping better.", "seven months", "AGE"),
        ("he's 6 weeks tomorrow and feeding well", "6 weeks", "AGE"),
    ],
)
def test_the_sixty_second_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Dr Jones 20 mins late again today.", "20"),
        ("We read Psalm 23 in Welsh with her.", "23"),
        ("We went to the Bowling Club on Sunday.", "Bowling Club"),
        ("at 12 mill lane reading the letter she cried", "reading"),
        ("The wait is 18 months now for a hip.", "18 months"),
        ("She is 6 months pregnant with her second.", "6 months"),
        ("Appointment was 3 months away, far too long.", "3 months"),
        ("my baby's 8 week jabs were on Monday", "8 week"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
