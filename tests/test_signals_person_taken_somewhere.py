"""Issue 19, round 22: taking a person somewhere is not taking their money
(`nlp.signals.look_alikes.person_taken_somewhere`), read by the money-taken rule for adults at risk
and by the pairing of adult and domestic abuse by family. Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from signal_readings import ruled

from nlp.signals.label_pairs import adult_abuse_by_family
from nlp.signals.look_alikes import person_taken_somewhere


@pytest.mark.parametrize(
    "text",
    [
        "Her son took her to buy a birthday card for the twins.",
        "My daughter takes me out for cash at the post office on Fridays.",
        "Her nephew took her to the card shop in town.",
        "Their grandson takes them round the supermarket and helps with the money.",
    ],
)
def test_a_person_taken_somewhere_is_no_money_taken(text: str) -> None:
    assert "adult_abuse_neglect" not in ruled(text)
    assert adult_abuse_by_family._family_takes(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Her son takes her card every week and she has nothing left.",
        "Her son took her to the bank and then took all her money.",
        "My nephew keeps my pension card and gives me twenty pounds.",
    ],
)
def test_money_taken_by_family_still_reads_as_taken(text: str) -> None:
    assert adult_abuse_by_family._family_takes(text) is not None


def test_taken_somewhere_reads_from_the_verb() -> None:
    assert person_taken_somewhere.taken_somewhere("took her to buy a card")
    assert person_taken_somewhere.taken_somewhere("takes my mum shopping for cash")
    assert not person_taken_somewhere.taken_somewhere("takes her card")
    assert not person_taken_somewhere.taken_somewhere("took all her savings")


@pytest.mark.parametrize(
    "text",
    [
        "The carer took my gran's bank card and her account is empty.",
        "A worker at the home takes the residents' spending money for herself.",
        "Her lodger stole my aunt's pension money and left.",
    ],
)
def test_money_named_through_its_owner_is_still_money_taken(text: str) -> None:
    # the owner's name ("my gran's", "the residents'") sits between the verb and the money
    assert "adult_abuse_neglect" in ruled(text)


def test_a_person_taken_to_spend_their_own_money_is_not_money_taken() -> None:
    assert "adult_abuse_neglect" not in ruled("The carer took my gran to the bank to pay in cash.")
