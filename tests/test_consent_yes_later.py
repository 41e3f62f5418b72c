"""Saying yes later: a purpose answered "No" can become "Yes", recorded as a new consent against
the notice as it reads now (not the one shown when the story was told), with the contact
details or equality answers that come with it, in one transaction; a stale page is refused."""

from __future__ import annotations

import pytest
from consent_support import ACTIVITY, capture_story, consent_db, open_activity, staff_user

from consent import activities, contact_details, equality_answers, receipts
from consent.errors import ConsentError

NO_EXTRAS = {
    "analysis": True,
    "publish_quotes": False,
    "share_partners": False,
    "contact": False,
    "equality_monitoring": False,
}


db = consent_db


@pytest.fixture
def told(db):
    user = staff_user(db, "analyst")
    activity = open_activity(db, user)
    receipt = capture_story(
        db, activity, None, consents=NO_EXTRAS, contact=None, equality=None, method="online"
    )
    first = activities.current_notice(db, activity)
    activities.update_activity(
        db,
        activity,
        {**db["activities"].get(activity), **ACTIVITY, "who_sees": "Also the ICB."},
        user,
    )
    return activity, receipt, first, activities.current_notice(db, activity)


def online_yes(db, receipt, purpose: str, notice: dict, **extras):
    """The storyteller saying yes to `purpose` online, on a page showing `notice`."""
    return receipts.change_consent(
        db,
        receipt.story_id,
        purpose,
        True,
        "storyteller",
        "online",
        notice_id=notice["id"],
        **extras,
    )


def consent_row(db, story_id: int, purpose: str) -> dict:
    return db["consents"].get((story_id, purpose))


def test_a_later_yes_is_recorded_against_the_notice_as_it_reads_now(db, told):
    _activity, receipt, first, now = told
    assert first["version"] == 1 and now["version"] == 2
    change = online_yes(
        db, receipt, "contact", now, contact={"email": "later@example.org", "language": "cy"}
    )
    assert change.changed
    row = consent_row(db, receipt.story_id, "contact")
    assert (row["granted"], row["notice_id"], row["notice_sha256"]) == (1, now["id"], now["sha256"])
    event = list(db.query("SELECT * FROM consent_events ORDER BY id DESC LIMIT 1"))[0]
    assert (event["purpose"], event["granted"], event["notice_sha256"]) == (
        "contact",
        1,
        now["sha256"],
    )
    assert contact_details(db, [receipt.story_id])[receipt.story_id]["email"] == "later@example.org"
    # The answers given when the story was told still cite the notice shown then.
    assert consent_row(db, receipt.story_id, "analysis")["notice_id"] == first["id"]
    audited = db.execute(
        "SELECT detail FROM audit_log WHERE action = 'consent_changed'"
    ).fetchone()[0]
    assert "contact=granted" in audited and now["sha256"][:12] in audited


def test_a_yes_from_a_page_showing_an_older_notice_is_refused_and_nothing_changes(db, told):
    _activity, receipt, first, _now = told
    with pytest.raises(ConsentError) as raised:
        online_yes(db, receipt, "publish_quotes", first)
    assert "notice" in raised.value.errors
    assert consent_row(db, receipt.story_id, "publish_quotes")["granted"] == 0


def test_bad_contact_details_refuse_the_yes_and_store_nothing(db, told):
    _activity, receipt, _first, now = told
    with pytest.raises(ConsentError) as raised:
        online_yes(db, receipt, "contact", now, contact={"email": "not an address"})
    assert "contact_email" in raised.value.errors
    assert consent_row(db, receipt.story_id, "contact")["granted"] == 0
    assert db["contacts"].count == 0


def test_equality_answers_come_with_a_later_yes(db, told):
    _activity, receipt, _first, now = told
    online_yes(
        db,
        receipt,
        "equality_monitoring",
        now,
        equality={"age_band": "25-34", "postcode_district": "ll49"},
    )
    answers = equality_answers(db, [receipt.story_id])[receipt.story_id]
    assert answers["age_band"] == "25-34" and answers["postcode_district"] == "LL49"


def test_a_verbal_yes_recorded_by_staff_needs_their_note_and_keeps_it(db, told):
    _activity, receipt, _first, now = told
    with pytest.raises(ConsentError) as raised:
        receipts.change_consent(db, receipt.story_id, "share_partners", True, "user:1", "verbal")
    assert "method_note" in raised.value.errors
    receipts.change_consent(
        db,
        receipt.story_id,
        "share_partners",
        True,
        "user:1",
        "verbal",
        method_note="Read the notice v2 aloud; she said yes.",
    )
    row = consent_row(db, receipt.story_id, "share_partners")
    assert (row["method"], row["recorded_by"], row["notice_id"]) == ("verbal", "user:1", now["id"])
    assert row["method_note"].startswith("Read the notice v2")
