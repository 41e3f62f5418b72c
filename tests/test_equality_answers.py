"""Equality monitoring offers every storyteller the same answers, keeps each one as given, and
never keeps more of a postcode than its district.

The answers below are written out and reviewed here, not read from consent.purposes: dropping
or misspelling an answer there fails, because someone who would choose it could no longer say
so; adding one fails until it is reviewed here too.
"""

from __future__ import annotations

import html
import re

import pytest
from consent_support import capture_story, open_activity, staff_user

from consent import EQUALITY_QUESTIONS
from consent.errors import ConsentError
from consent.purposes import normalise_postcode_district

PREFER = "Prefer not to say"
REVIEWED_ANSWERS = {
    "age_band": [
        "Under 18",
        "18-24",
        "25-34",
        "35-44",
        "45-54",
        "55-64",
        "65-74",
        "75-84",
        "85 or over",
        PREFER,
    ],
    "sex": ["Female", "Male", PREFER],
    "gender_identity": [
        "Same as sex registered at birth",
        "Different from sex registered at birth",
        PREFER,
    ],
    "ethnicity": [
        "Asian or Asian British",
        "Black, Black British, Caribbean or African",
        "Mixed or multiple ethnic groups",
        "White",
        "Other ethnic group",
        PREFER,
    ],
    "disability": ["Yes", "No", PREFER],
    "religion": [
        "No religion",
        "Buddhist",
        "Christian",
        "Hindu",
        "Jewish",
        "Muslim",
        "Sikh",
        "Any other religion",
        PREFER,
    ],
    "sexual_orientation": [
        "Bisexual",
        "Gay or lesbian",
        "Heterosexual or straight",
        "Other sexual orientation",
        PREFER,
    ],
    "carer": ["Yes", "No", PREFER],
}
SELECT = re.compile(r'<select[^>]*name="eq_(\w+)"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option[^>]*value="([^"]*)"')


@pytest.fixture
def activity_id(db):
    return open_activity(db, staff_user(db, "analyst"))


def test_the_online_form_offers_exactly_the_reviewed_answers(client, activity_id):
    page = client.get(f"/tell/{activity_id}").get_data(as_text=True)
    offered = {
        name: [html.unescape(value) for value in OPTION.findall(options) if value]
        for name, options in SELECT.findall(page)
    }
    assert offered == REVIEWED_ANSWERS
    # The district is typed, not chosen; its own answer is the only fixed one.
    assert 'name="eq_postcode_district"' in page


def test_every_offered_answer_is_kept_exactly_as_chosen(db, activity_id):
    user = staff_user(db)
    longest = max(len(answers) for answers in REVIEWED_ANSWERS.values())
    # Story n gives the n-th answer to every question that has one, so every answer is used.
    for n in range(longest):
        given = {q: answers[n] for q, answers in REVIEWED_ANSWERS.items() if n < len(answers)}
        receipt = capture_story(db, activity_id, user, equality=given)
        stored = db["equality_answers"].get(receipt.story_id)
        assert {q: stored[q] for q in given} == given


@pytest.mark.parametrize("question", sorted(REVIEWED_ANSWERS))
def test_an_answer_that_was_not_offered_is_refused(db, activity_id, question):
    with pytest.raises(ConsentError) as refused:
        capture_story(db, activity_id, None, equality={question: "Something else entirely"})
    assert set(refused.value.errors) == {f"equality_{question}"}
    assert db["stories"].count == 0


def test_the_only_questions_asked_are_the_reviewed_ones_and_the_district():
    assert set(EQUALITY_QUESTIONS) == {*REVIEWED_ANSWERS, "postcode_district"}


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("cv1", "CV1"),
        ("  b15 ", "B15"),
        ("EC1A", "EC1A"),
        ("w1a", "W1A"),
        ("SW1W", "SW1W"),
        ("GIR", "GIR"),
        ("prefer not to say", PREFER),
        ("  PREFER NOT TO SAY ", PREFER),
        (PREFER, PREFER),
        # A full postcode can single out a household: never kept, not even its first half.
        ("CV1 2AB", None),
        ("cv12ab", None),
        ("Q1", None),
        ("CV", None),
        ("CV123", None),
        ("Prefer not", None),
        ("", None),
        (None, None),
    ],
)
def test_a_postcode_district_is_kept_in_capitals_or_not_at_all(typed, kept):
    assert normalise_postcode_district(typed) == kept


def test_prefer_not_to_say_is_kept_for_the_district_however_it_was_typed(db, activity_id):
    receipt = capture_story(
        db, activity_id, None, equality={"postcode_district": " prefer NOT to say"}
    )
    assert db["equality_answers"].get(receipt.story_id)["postcode_district"] == PREFER


def test_a_full_postcode_is_refused_and_nothing_is_kept(db, activity_id):
    with pytest.raises(ConsentError) as refused:
        capture_story(db, activity_id, None, equality={"postcode_district": "CV1 2AB"})
    assert set(refused.value.errors) == {"equality_postcode_district"}
    assert db["stories"].count == 0 and db["equality_answers"].count == 0
