"""Welsh weekdays after the words for day, night, morning and afternoon are dates, not people;
a setting the care rules read on into such a day loses it (nineteenth session)."""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, flagged


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Es i at y meddyg ddydd Llun a dywedodd y nyrs wrtha i.", "Llun"),
        ("Roedd y ward yn brysur iawn nos Sadwrn, meddai Mam.", "Sadwrn"),
        ("Daeth y gweithiwr cymdeithasol bore Sul ond roedd hi'n cysgu.", "Sul"),
        ("Ffoniodd y feddygfa brynhawn Gwener i ddweud bod y canlyniadau'n iawn.", "Gwener"),
        ("Cefais apwyntiad ar gyfer fore Iau yn y clinig.", "Iau"),
    ],
)
def test_a_welsh_weekday_after_its_word_is_no_one(text, day):
    assert not flagged(text, day)


def test_a_hospital_visit_on_a_welsh_day_is_no_named_setting():
    text = "Aeth Dad i'r ysbyty ddydd Mawrth a daeth adref wedyn."
    assert not flagged(text, "ddydd Mawrth")


def test_a_named_hospital_keeps_its_name_without_the_day():
    text = "Aeth hi i Ysbyty Gwynedd ddydd Mercher am sgan."
    assert covering_label(text, "Ysbyty Gwynedd") == "CARE_SETTING"
    assert not flagged(text, "Mercher")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mawrth rang the ward to say she was coming.", "Mawrth"),  # alone, left to the name rules
        ("Our neighbour Mrs Gwener brought soup round.", "Gwener"),
    ],
)
def test_the_same_words_without_a_day_word_before_them_are_not_filtered(text, name):
    from nlp.identifiers.core.findings import Finding
    from nlp.identifiers.look_alikes.date_months import in_a_date

    start = text.index(name)
    assert not in_a_date(text, Finding(start, start + len(name), "PERSON"))
