"""The villages and neighbourhoods of Great Britain only Ordnance Survey lists
(`nlp/data/uk_localities.txt`, built by `nlp/data/build_localities.py`).

People name where they live by its neighbourhood, and GeoNames' towns of 500 people or more
leave most neighbourhoods out. These sentences were written for this file; the places in them
appear in no measuring set. Each kind has its look-alike: a dialect word typed in lower case,
a family name that is also a village, a house named after one.
"""

from __future__ import annotations

import re

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.data.build_localities import has_own_word, localities
from nlp.identifiers.core.name_gazetteer import DATA, gazetteer


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My grandad still lives up in Craigmillar and gets the bus in.", "Craigmillar"),
        ("The health visitor covers Penrhys as well as the valley towns.", "Penrhys"),
        ("we moved from mosspark to be nearer my sister", "mosspark"),
        ("she's over in glyncoch most days helping her mam", "glyncoch"),
        ("Our family have been in Lochend for three generations.", "Lochend"),
    ],
)
def test_a_neighbourhood_only_ordnance_survey_lists_is_found(text, value):
    assert covered(text, value)


def test_a_small_place_in_lower_case_needs_a_cue():
    # "Towpath" is a settlement's name too: typed in lower case it is a towpath without a cue
    assert not flagged("we walked the dog along the towpath every morning", "towpath")
    assert not flagged("Got there along the towpath in the end, it was lovely.", "towpath")
    assert covered("we moved from mosspark to be nearer my sister", "mosspark")


def test_a_family_name_that_is_a_village_stays_one_name():
    text = "Concern raised by: Ailsa Crombie, support worker, on the Tuesday."
    assert covering_label(text, "Ailsa Crombie") == "PERSON"


def test_a_house_named_after_a_village_is_covered_whole():
    assert covered("He has farmed at Penrhiw Farm all his life and will not move.", "Penrhiw Farm")


def test_small_places_do_not_stop_other_rules():
    gaz = gazetteer()
    assert gaz.small_places and not gaz.small_places & gaz.places
    assert "craigmillar" in gaz.small_places and "craigmillar" not in gaz.places


def test_the_list_keeps_only_distinctive_settlements():

    english = gazetteer().english_words
    lines = [e for e in (DATA / "uk_localities.txt").read_text(encoding="utf-8").splitlines() if e]
    assert lines == sorted(lines) and len(lines) > 10_000
    assert not [e for e in lines if e.startswith("the ") or e != e.lower()]
    assert all(has_own_word(e, english) for e in lines), "a name of English words only"


def test_the_build_keeps_kinds_and_drops_everyday_names():
    rows = [
        {"name": "Craigmillar", "type": "Suburban Area"},
        {"name": "Cross Green", "type": "Suburban Area"},  # English words only
        {"name": "The Bank", "type": "Village"},
        {"name": "Achnacarry", "type": "Hamlet"},  # hamlets are left out
        {"name": "Leeds", "type": "City"},  # already listed
        {"name": "Aber-banc", "type": "Village"},
    ]
    english = {"cross", "green", "the", "bank"}
    kept = localities(rows, english, listed={"leeds"})
    assert kept == {"craigmillar", "aber-banc"}
    assert all(re.fullmatch(r"[^\W\d_][\w'\- .]+", k) for k in kept)
