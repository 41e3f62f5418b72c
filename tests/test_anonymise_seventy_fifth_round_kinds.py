"""Kinds built in the seventy-fifth round (issue 20), from the retired sets v100 and v101 and the
development sets that share each kind.

- A care home's unit named after a plant or a bird with "Floor", "Suite" or "Unit": after a
  form's field or a room's number ("Unit: Lilac Floor", "Room 12, Daisy floor"), after a cue with
  care near ("on Tulip floor"), or with both words capitalised ("Swan Suite").
- A care home typed in lower case by its house-like name after a form's field ("placement:
  thornbury lodge"), years lived there ("been in hazelwood view"), "the home" or "the respite
  place" before it, or a carer's work there ("i work lates at linden court").
- A resident's and an invoice's number after "resident number" and "invoice no".

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.lower_case_named_settings import lower_case_named_settings
from nlp.identifiers.care_settings.plant_named_wards import plant_named_wards
from nlp.identifiers.numbers.cued_references import reference_findings


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("FALLS LOG Home: Elm Bank   Unit: Lilac Floor   Resident: Ida Kaye", "Lilac Floor", None),
        ("Review today. Room 12, Daisy floor. Likes her tea weak.", "Daisy floor", None),
        ("Since May the nurses on Tulip floor work in teams.", "Tulip floor", None),
        ("The manager of Swan Suite rang about the visiting times.", "Swan Suite", None),
        ("referral form placement: thornbury lodge, derby", "thornbury lodge", None),
        ("mum has been in hazelwood view 3 years now", "hazelwood view", None),
        ("can you ring the home cedar grange and tell them", "cedar grange", None),
        ("the respite place ashdown house cancelled again", "ashdown house", None),
        ("i work lates at linden court and the families are lovely", "linden court", None),
        ("Please quote Ivy's resident number 318/22 when paying.", "318/22", "OTHER_ID"),
        ("Invoice no: 58213 is attached for March.", "58213", "OTHER_ID"),
    ],
)
def test_the_seventy_fifth_rounds_kinds_are_found(text: str, value: str, label: str | None) -> None:
    assert covering_label(text, value) == (label or "CARE_SETTING")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We laid a new oak floor in the hall last summer.", "oak floor"),
        ("He was sitting on the pine floor of the ward, cold.", "pine floor"),
        ("Holly Wing said she would visit on Friday.", "Wing"),
        ("he has been in crown court all morning", "crown court"),
        ("we were in village hall for the craft fair", "village hall"),
        ("she was in full view of the nurses station", "full view"),
        ("The resident numbers 40 in total this winter.", "40"),
    ],
)
def test_look_alikes_stay(text: str, word: str) -> None:
    assert covering_label(text, word) in (None, "PERSON", "LOCATION")


@pytest.mark.parametrize(
    ("rule", "text", "value"),
    [
        # each step's own rule, where another rule also finds the example above
        (plant_named_wards, "The manager of Swan Suite rang about visiting.", "Swan Suite"),
        (lower_case_named_settings, "placement: thornbury lodge, derby", "thornbury lodge"),
        (lower_case_named_settings, "care home: ashgrove manor  by: son", "ashgrove manor"),
        (lower_case_named_settings, "mum has been in hazelwood view 3 years now", "hazelwood view"),
        (lower_case_named_settings, "she lives at: orchard lea, flat 4", "orchard lea"),
        (lower_case_named_settings, "i work at linden court and love it", "linden court"),
        (lower_case_named_settings, "i work lates at linden court and love it", "linden court"),
        (reference_findings, "Invoice number 58213 is attached for March.", "58213"),
    ],
)
def test_each_step_finds_its_own(rule, text: str, value: str) -> None:
    start = text.index(value)
    assert any(f.start == start and f.end == start + len(value) for f in rule(text))


@pytest.mark.parametrize(
    ("rule", "text", "value"),
    [
        (plant_named_wards, "Holly Wing said she would visit on Friday.", "Holly Wing"),
        (lower_case_named_settings, "she was in full view of the nurses", "full view"),
        (lower_case_named_settings, "we were in sea view for an hour", "sea view"),
        (plant_named_wards, "Lavender suite rates went up, the spa said.", "Lavender suite"),
    ],
)
def test_each_step_leaves_its_look_alikes(rule, text: str, value: str) -> None:
    start = text.index(value)
    assert not any(f.start <= start < f.end for f in rule(text))


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
