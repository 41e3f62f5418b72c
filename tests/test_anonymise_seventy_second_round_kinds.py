"""Kinds built in the seventy-second round (issue 20), from the retired sets v94 and v95 and the
development sets that share each kind.

- An Irish surname after "Ni", "Nic" or "Ui" typed without the fada, the name after it lenited
  ("Ms Ni Mhaolain", "dr ni dhonnell"); Northern Ireland's initials before a word stay.
- A lower-case setting's name with the words its kind is told with ("hexham family practice",
  "wigan urgent care centre", "fernside eyecare"); a "community centre" stays.
- A surname in capitals, a comma and a capitalised first name, as records write a patient
  ("OYELARAN, Funmilayo"); a role's initials before a comma and a name ("the ENP, Dafydd")
  stay.

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
        ("Letter to Ms Ni Mhaolain about her repeat prescription.", "Ni Mhaolain", "PERSON"),
        ("Booked in with Dr Nic Dhonnchadha on Friday.", "Nic Dhonnchadha", "PERSON"),
        ("Roisin Ni Dhonnell rang the surgery twice.", "Roisin Ni Dhonnell", "PERSON"),
        (
            "cant get through to hexham family practice at all",
            "hexham family practice",
            "CARE_SETTING",
        ),
        (
            "we ended up at wigan urgent care centre till 2am",
            "wigan urgent care centre",
            "CARE_SETTING",
        ),
        ("eye test booked at fernside eyecare next week", "fernside eyecare", "CARE_SETTING"),
        ("Re: review of OYELARAN, Funmilayo  Dear Sir", "OYELARAN", "PERSON"),
        ("Re: review of OYELARAN, Funmilayo  Dear Sir", "Funmilayo", "PERSON"),
        ("Patient: DOCHERTY, Siobhan   DOB 3/3/61", "DOCHERTY", "PERSON"),
        ("KOWALCZYK, Agnieszka Maria 999 123 4560 attended", "KOWALCZYK", "PERSON"),
        ("Re: review of GREEN, Matilda  Dear Sir", "GREEN", "PERSON"),
        ("eye test booked at hexham eyecare next week", "hexham eyecare", "CARE_SETTING"),
    ],
)
def test_the_seventy_second_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Services across NI Health boards are stretched.", "NI"),
        ("Back in NI Sarah found work quickly.", "NI"),
        ("we meet at the ashton community centre on tuesdays", "centre"),
        ("Thanks to the ENP, Dafydd, for the splint.", "ENP"),
        ("I have an IMHA, Gethin, who helps me.", "IMHA"),
        ("Delivery: SVD, Rowan Ward, no tear.", "SVD"),
        ("URGENT, Sarah please call the ward back", "URGENT"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
