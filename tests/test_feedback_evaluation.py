"""'How was it for you?': asked at the end of telling a story and on the receipt page."""

from __future__ import annotations

import pytest
from conftest import post_form
from consent_support import capture_story, open_activity, staff_user
from test_capture_web import issued, record, story_form
from test_receipt_web import online_form, open_receipt, tell

from consent import withdraw
from workbench.blueprints import capture as capture_views
from workbench.feedback import evaluation


@pytest.fixture
def activity_id(db):
    return open_activity(db, staff_user(db, "analyst"))


def _answer(client, reference, secret, asked_at, **answers):
    return post_form(
        client,
        "/receipt/evaluation",
        {"reference": reference, "secret": secret, "asked_at": asked_at, **answers},
        form_page="/receipt",
    )


def test_a_storyteller_answers_after_telling_and_again_on_the_receipt(
    client, db, activity_id, login_as, monkeypatch
):
    # Anonymisation is not under test: queueing it here would run the whole NLP stage.
    monkeypatch.setattr(capture_views, "enqueue", lambda name, **params: 0)
    submitted = tell(client, activity_id, online_form())
    assert submitted.status_code == 201
    assert "How was it for you?" in submitted.get_data(as_text=True)
    reference, secret = issued(submitted)

    thanks = _answer(client, reference, secret, "capture", purpose_clear="yes", listened="no")
    assert "Thank you for telling us" in thanks.get_data(as_text=True)
    receipt_page = open_receipt(client, reference, secret).get_data(as_text=True)
    assert "How was it for you?" in receipt_page
    again = _answer(client, reference, secret, "receipt", listened="partly", accessible="yes")
    assert "Thank you for telling us" in again.get_data(as_text=True)

    results = {r["question"]: r for r in evaluation.results(db, activity_id)}
    # The receipt's answers are the latest word: one person, counted once.
    assert results["listened"]["counts"] == {"yes": 0, "partly": 1, "no": 0}
    assert results["accessible"]["answered"] == 1
    assert results["purpose_clear"]["answered"] == 0

    login_as("analyst")
    page = client.get(f"/evaluation/{activity_id}").get_data(as_text=True)
    assert evaluation.QUESTIONS["listened"] in page


def test_a_wrong_secret_records_nothing_and_withdrawal_removes_the_answers(client, db, activity_id):
    reference, secret = issued(tell(client, activity_id, online_form()))
    refused = _answer(client, reference, "AAAA-BBBB-CCCC-DDDD", "capture", listened="yes")
    assert refused.status_code == 401
    assert db["evaluations"].count == 0
    _answer(client, reference, secret, "capture", listened="yes")
    assert db["evaluations"].count == 1
    story_id = db.execute("SELECT id FROM stories WHERE reference = ?", [reference]).fetchone()[0]
    withdraw(db, story_id, "receipt", "storyteller")
    assert db["evaluations"].count == 0


def test_an_empty_answer_is_not_recorded(db, activity_id, client):
    receipt = capture_story(db, activity_id, None, channel="online", method="online")
    page = _answer(client, receipt.reference, receipt.secret, "receipt")
    assert "Nothing was answered" in page.get_data(as_text=True)
    assert db["evaluations"].count == 0


def test_a_gatherer_can_ask_the_questions_at_the_end_of_a_recorded_story(
    client, db, activity_id, login_as, monkeypatch
):
    from workbench.blueprints import capture

    monkeypatch.setattr(capture, "enqueue", lambda name, **params: 0)
    login_as("gatherer")
    saved = record(client, activity_id, story_form())
    assert saved.status_code == 201
    assert "How was it for you?" in saved.get_data(as_text=True)
    reference, secret = issued(saved)
    _answer(client, reference, secret, "capture", accessible="no")
    assert [r["accessible"] for r in db["evaluations"].rows] == ["no"]
