"""A teller who said "no" to equality monitoring and later says "yes" to a gatherer (on the
phone, at an event) can give their answers then too: staff record them with the consent, as the
teller could on their receipt page. Answers typed without that "yes" are refused with a reason,
never silently dropped or kept without consent."""

from __future__ import annotations

import pytest
from conftest import post_form
from test_capture_web import gatherer_recorded_story

from consent import activities, receipts

FIND = "/capture/stories/find"


@pytest.fixture
def told(app, db):
    """A story a gatherer recorded with "no" to equality monitoring; the gatherer's client."""
    client, activity_id, reference = gatherer_recorded_story(app, db)
    notice = activities.current_notice(db, activity_id)
    return client, reference, notice["id"]


def record_change(client, reference: str, notice_id: int, **fields: str):
    data = {
        "reference": reference,
        "notice_id": str(notice_id),
        "answer": "yes",
        "method": "verbal",
        "method_note": "Read the notice on the phone; she said yes to the equality questions.",
        "identity_check": "call_back",
        "confirm": "y",
        **fields,
    }
    return post_form(client, "/capture/stories/consent", data, FIND, follow_redirects=True)


def test_the_find_page_asks_the_equality_questions_with_the_change_of_mind(told):
    client, reference, _notice = told
    page = post_form(client, FIND, {"reference": reference}).get_data(as_text=True)
    assert 'name="eq_religion"' in page and 'name="eq_carer"' in page


def test_staff_record_a_later_yes_with_the_answers_given_then(told, db):
    client, reference, notice = told
    story_id = receipts.key_for_reference(db, reference).story_id
    assert db["equality_answers"].count == 0
    answers = {"eq_religion": "Buddhist", "eq_postcode_district": "ll55", "eq_carer": "Yes"}
    response = record_change(client, reference, notice, purpose="equality_monitoring", **answers)
    assert "is recorded" in response.get_data(as_text=True)
    assert db["consents"].get((story_id, "equality_monitoring"))["granted"] == 1
    stored = db["equality_answers"].get(story_id)
    assert (stored["religion"], stored["postcode_district"], stored["carer"]) == (
        "Buddhist",
        "LL55",
        "Yes",
    )
    # The answers stay apart from the story: not on the page that confirmed them.
    assert "Buddhist" not in response.get_data(as_text=True)


def test_answers_typed_beside_another_change_are_refused_not_dropped(told, db):
    client, reference, notice = told
    story_id = receipts.key_for_reference(db, reference).story_id
    response = record_change(
        client,
        reference,
        notice,
        purpose="contact",
        contact_phone="01766 123 456",
        eq_religion="Buddhist",
    )
    assert "Equality answers are kept only with a" in response.get_data(as_text=True)
    assert db["consents"].get((story_id, "contact"))["granted"] == 0
    assert db["equality_answers"].count == 0
