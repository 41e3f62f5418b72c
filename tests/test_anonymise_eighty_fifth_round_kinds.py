"""Look-alikes settled in the eighty-fifth round (issue 20), from the retired sets v120 and v121
and the development sets that share each kind. Each was taken for an identifier in several
writers' sets and marked in none:

- "Hosp no", a hospital number's label, is no person; nor is "Tel" before a number or a call.
- LeDeR, the programme that reviews deaths of people with a learning disability, is no person.
- A wound's slough is no town ("Slough 33%", "Wound: slough").
- A dose is no age ("Abasaglar 31 units"), nor is a risk score ("Waterlow 22"), and the score's
  deviser is no person.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay identifiers.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label

from nlp.anonymise import ENGINE_VERSION, detect


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.label, text[f.start : f.end]) for f in detect(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Transfer note: Olwen Pryce (Hosp no K4471902) moved to Ward 6.", "Hosp"),
        ("Hosp No: R2231870. Seen in clinic.", "Hosp"),
        ("Discharge planned. Tel (0161) 496 0123 for the ward.", "Tel"),
        ("8am Tel call from Margaret Reid about her mother's transport.", "Tel"),
        ("TEL: 07700 900 456 AFTER 6PM", "TEL"),
        ("The LeDeR reviewer rang us in the summer.", "LeDeR"),
        ("Our LeDeR annual report is out next week.", "LeDeR"),
    ],
)
def test_labels_and_programmes_are_no_people(text: str, word: str) -> None:
    assert ("PERSON", word) not in _found(text)
    assert not any(label == "PERSON" and word in value for label, value in _found(text))


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Transfer note: Olwen Pryce (Hosp no K4471902) moved to Ward 6.", "Olwen Pryce", "PERSON"),
        ("Transfer note: Olwen Pryce (Hosp no K4471902) moved to Ward 6.", "K4471902", "OTHER_ID"),
        ("Mr Tel Hughes rang about his appointment.", "Tel Hughes", "PERSON"),
        ("Thanks to Tel and Sue for the lift home.", "Tel", "PERSON"),  # Terry, as friends say
        ("Discharge planned. Tel (0161) 496 0123 for the ward.", "(0161) 496 0123", "PHONE"),
    ],
)
def test_what_the_labels_name_stays_found(text: str, value: str, label: str) -> None:
    assert covering_label(text, value) == label


def test_a_hospital_written_short_stays_hidden() -> None:
    text = "Tony had a TIA; Southend Hosp stroke unit were great."
    hidden = {i for f in detect(text) for i in range(f.start, f.end)}
    start = text.index("Southend Hosp")
    assert all(i in hidden for i in range(start, start + len("Southend Hosp")) if text[i] != " ")


@pytest.mark.parametrize(
    "text",
    [
        "Site: sacrum. Exudate: moderate. Slough 40%. Periwound dry.",
        "WOUND BED: GRANULATION 60%, SLOUGH 40%",
        "Wound: slough and some granulation, no odour.",
    ],
)
def test_a_wounds_slough_is_no_town(text: str) -> None:
    assert not any(label == "LOCATION" for label, _ in _found(text))


@pytest.mark.parametrize(
    "text",
    [
        "She moved to Slough in 2019 to be near her son.",
        "The slough in Slough: our wound clinic moved to Upton Hospital.",
    ],
)
def test_the_town_of_slough_stays_a_place(text: str) -> None:
    assert covering_label(text, "Slough", nth=text.count("Slough") - 1) == "LOCATION"


@pytest.mark.parametrize(
    "text",
    [
        "Insulin visit. BM 14.2 mmol/L. Lantus 24 units given s/c abdomen.",
        "Mrs Khan Levemir 16 units at 8pm.",
        "Grade 3 pressure ulcer sacrum, Waterlow 22, needs air mattress.",
        "She has been on the Waterlow chart since she came in.",
    ],
)
def test_doses_and_risk_scores_are_no_ages_or_people(text: str) -> None:
    found = _found(text)
    assert not any(label == "AGE" for label, _ in found)
    assert not any(label == "PERSON" and "Waterlow" in value for label, value in found)


def test_an_age_beside_a_dose_stays() -> None:
    text = "Mrs Khan, 84, has Levemir 16 units at 8pm."
    assert covering_label(text, "84") == "AGE"


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
