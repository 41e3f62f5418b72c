"""Kinds built in the eighty-ninth round (issue 20), from the retired sets v128 and v129 and
the development sets that share each kind.

- A care institute named by its place, a founder, a saint or its field ("Leeds Dental
  Institute", "Institute of Neurological Sciences").
- A dentist or a dental service only described is no setting ("the Public Dental Service",
  "a domiciliary dentist").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.care_institutes import care_institutes
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.look_alikes.described_dentists import without_described_dentists


def _institutes(text: str) -> list[str]:
    return [text[f.start : f.end] for f in care_institutes(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Her fillings were done at Sheffield Dental Institute last spring.",
            "Sheffield Dental Institute",
        ),
        ("He had his stents at the Norwich Heart Institute.", "Norwich Heart Institute"),
        ("Referred to St Mark's Institute for the bowel tests.", "St Mark's Institute"),
        ("transferred to the Institute of Neurology overnight", "Institute of Neurology"),
        ("She waits for the Institute of Child Health clinic.", "Institute of Child Health"),
        ("seen at bristol dental institute for ga assessment", "bristol dental institute"),
        ("SEEN AT CARDIFF HEART INSTITUTE ON MONDAY", "CARDIFF HEART INSTITUTE"),
    ],
)
def test_care_institutes_are_settings(text: str, value: str) -> None:
    assert value in _institutes(text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "Mum goes to the Women's Institute on Tuesdays.",  # no field of care
        "He is a member of the Chartered Institute of Housing.",
        "Referred to the Dental Institute for review.",  # the kind alone, no name
        "The Heart Institute rang back.",
        "she went to the dental institute near work",  # lower case in a text with capitals
        "She trained at the old dental institute in Leeds.",  # ditto, with a describing word
        "The Bradford Science Institute opened a cafe.",  # no field of care
    ],
)
def test_other_institutes_stay(text: str) -> None:
    assert _institutes(text) == []


def test_the_stays_out_of_an_institutes_name() -> None:
    text = "His angiogram was done at the Exeter Heart Institute on Friday."
    found = list(care_institutes(text))
    assert [text[f.start : f.end] for f in found] == ["Exeter Heart Institute"]
    assert covering_label(text, "the Exeter Heart Institute") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He can get help from the Public Dental Service in Fife.", "Public Dental"),
        ("The home has booked a domiciliary dentist for Tuesday.", "domiciliary dentist"),
        ("my mum's dentist says the bridge has to come out", "mum's dentist"),
        ("WORST DENTIST EVER, WAITED TWO HOURS", "WORST DENTIST"),
    ],
)
def test_described_dentists_are_no_setting(text: str, value: str) -> None:
    assert not flagged(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She is registered at Harbourside Dental in the town.", "Harbourside Dental"),
        ("we go to castle dental on the high street", "castle dental"),
        ("Appointment at Thornton Family Dental next week.", "Thornton Family Dental"),
    ],
)
def test_practices_named_dental_stay(text: str, value: str) -> None:
    assert covering_label(text, value) == "CARE_SETTING"


def test_only_care_settings_of_the_dental_kind_are_judged() -> None:
    text = "the public dental. Nice Dental. Local Clinic. Ashgrove Community Dental"
    described = Finding(0, 17, "CARE_SETTING", 0.8, "care_pattern")
    named = Finding(19, 30, "CARE_SETTING", 0.8, "care_pattern")  # "Nice" describes
    person = Finding(19, 30, "PERSON", 0.8, "capitals")  # not a setting
    clinic = Finding(32, 44, "CARE_SETTING", 0.8, "care_pattern")  # not the dental kind
    practice = Finding(46, 71, "CARE_SETTING", 0.8, "care_pattern")  # "Ashgrove" names it
    found = [described, named, person, clinic, practice]
    assert without_described_dentists(text, found) == [person, clinic, practice]
    alone = Finding(4, 10, "CARE_SETTING", 0.8, "care_pattern")  # "public": no kind word
    kind_only = Finding(11, 17, "CARE_SETTING", 0.8, "care_pattern")  # "dental" alone
    assert without_described_dentists(text, [alone, kind_only]) == [alone, kind_only]


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
