"""Kinds built in the sixty-seventh round (issue 20), from the retired sets v84 and v85 and the
development sets that share each kind.

- A large town, city or county whose name is also a frequent word only because the place is
  famous, capitalised inside a well-cased sentence, with no "in" or "from" before it
  ("call Birmingham Register Office", "assessed by Glasgow social work"); at a sentence's start,
  as an everyday word ("Deal or no Deal"), or naming a clinical scale or chart ("the Glasgow
  Coma Scale", "a Bristol Stool Chart") or a football club ("Leeds United") it stays as it
  was.
- Eircodes, the Republic of Ireland's postcodes, replaced by their routing key as a UK postcode
  is by its outward code; a road or a prison number of the same letters stays.
- Ireland's PPS numbers; Northern Ireland's area and acute hospitals by their initials.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION, anonymise


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Please ring Birmingham Register Office for a slot.", "Birmingham", "LOCATION"),
        ("Mum was assessed by Glasgow social work in June.", "Glasgow", "LOCATION"),
        ("Healthwatch Bristol wrote to us in May.", "Bristol", "LOCATION"),
        ("We asked Westminster to find a Cantonese speaker.", "Westminster", "LOCATION"),
        ("She means the Manchester one, not ours.", "Manchester", "LOCATION"),
        ("My son moved down from Newcastle and Hull is too far.", "Newcastle", "LOCATION"),
        ("My daughter lives in Letterkenny (F92 K7D3) and visits.", "F92 K7D3", "POSTCODE"),
        ("Her Eircode is h91 x2e4 if you post it.", "h91 x2e4", "POSTCODE"),
        ("Send it to eircode:D02XK85 please.", "D02XK85", "POSTCODE"),
        ("PPSN: 7301845TA, DOB 04/05/1950", "7301845TA", "OTHER_ID"),
        ("Appointment: Eye Clinic, CAH Time: 10:30", "CAH", "CARE_SETTING"),
        ("The nearest A&E for us is either SWAH or Cavan.", "SWAH", "CARE_SETTING"),
    ],
)
def test_the_sixty_seventh_rounds_kinds_are_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Birmingham was where my son was born.", "Birmingham"),
        ("We watched Deal or no Deal on the ward every afternoon.", "Deal"),
        ("Her Glasgow Coma Scale was 13 on arrival.", "Glasgow"),
        ("She was scored on the Edinburgh Postnatal Depression Scale at booking.", "Edinburgh"),
        ("They said I was never to drive on the A42 M1 link again.", "A42"),
        ("They said her Bristol Stool Chart was normal.", "Bristol"),
        ("Dad loves Leeds United more than any of us.", "Leeds"),
        ("It was all Reading and no writing at the Oxford group.", "Reading"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert not flagged(text, word)


def test_an_eircode_is_replaced_by_its_routing_key() -> None:
    assert "[POSTCODE F92]" in anonymise("She lives at F92 K7D3 now.").text


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
