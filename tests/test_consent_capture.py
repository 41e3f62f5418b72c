"""Capturing a story: explicit consent per purpose, one transaction, every problem at once."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import datetime, timedelta

import pytest
from consent_support import (
    ALL_YES,
    capture_kwargs,
    capture_story,
    consent_db,
    open_activity,
    row_counts,
)
from consent_support import staff_user as make_staff

from consent import activities, capture
from consent.errors import ConsentError
from consent.references import ALPHABET
from plumbing.clock import today


@pytest.fixture
def staff(db):
    return make_staff(db)


@pytest.fixture
def activity(db, staff):
    return open_activity(db, staff)


db = consent_db


def test_a_story_is_saved_with_one_consent_record_per_purpose(db, staff, activity):
    receipt = capture_story(db, activity, staff, method="verbal", method_note="Agreed on phone")
    notice = activities.current_notice(db, activity)
    consents = {
        row["purpose"]: row
        for row in db.query("SELECT * FROM consents WHERE story_id = ?", [receipt.story_id])
    }
    assert set(consents) == set(ALL_YES)
    for row in consents.values():
        assert row["granted"] == 1
        assert row["method"] == "verbal" and row["method_note"] == "Agreed on phone"
        assert row["notice_id"] == notice["id"]
        assert row["notice_sha256"] == hashlib.sha256(notice["text"].encode()).hexdigest()
        assert datetime.fromisoformat(row["recorded_at"]).utcoffset() == timedelta(0)
        assert row["recorded_by"] == f"user:{staff}"
    assert db["consent_events"].count_where("story_id = ?", [receipt.story_id]) == 5
    assert db["contacts"].get(receipt.story_id)["email"] == "sam@example.org"
    assert db["equality_answers"].get(receipt.story_id)["postcode_district"] == "CV1"


def test_the_receipt_has_a_random_reference_and_an_80_bit_secret_stored_only_hashed(
    db, staff, activity
):
    receipt = capture_story(db, activity, staff)
    other = capture_story(db, activity, staff)
    assert re.fullmatch(r"SW-[A-Z2-9]{4}-[A-Z2-9]{4}", receipt.reference)
    assert receipt.reference != other.reference and receipt.secret != other.secret
    symbols = receipt.secret.replace("-", "")
    assert len(symbols) == 16 and set(symbols) <= set(ALPHABET) and len(ALPHABET) == 32
    stored = db["stories"].get(receipt.story_id)["secret_hash"]
    assert stored.startswith("$argon2id$")
    dump = "\n".join(db.conn.iterdump())
    assert receipt.secret not in dump and symbols not in dump
    assert receipt.spoken_secret.count(",") == 3


def test_the_audit_log_records_the_capture_without_text_or_secret(db, staff, activity):
    receipt = capture_story(db, activity, staff, text="Canary text 4401 about my knee.")
    rows = list(db.query("SELECT * FROM audit_log WHERE action = 'story_captured'"))
    assert [(r["object_id"], r["actor"]) for r in rows] == [
        (str(receipt.story_id), f"user:{staff}")
    ]
    logged = " ".join(str(v) for r in db.query("SELECT * FROM audit_log") for v in r.values())
    assert "Canary" not in logged and receipt.secret not in logged


def test_html_and_script_are_stored_as_the_text_they_are(db, staff, activity):
    text = "<script>alert('x')</script> The <b>ward</b> was & is cold."
    receipt = capture_story(db, activity, staff, text=text)
    assert db["stories"].get(receipt.story_id)["text"] == text


def _closed(db, staff):
    return open_activity(
        db,
        staff,
        opens_on=(today() - timedelta(days=30)).isoformat(),
        closes_on=(today() - timedelta(days=1)).isoformat(),
    )


def _not_yet_open(db, staff):
    return open_activity(db, staff, opens_on=(today() + timedelta(days=2)).isoformat())


BAD_INPUT = {
    "empty story": ({"text": ""}, "text"),
    "whitespace story": ({"text": " \n\t "}, "text"),
    "over the length limit": ({"text": "a" * 101, "max_chars": 100}, "text"),
    "lone surrogate (undecodable bytes)": ({"text": "bad \udcff byte"}, "text"),
    "text that is not a string": ({"text": b"bytes"}, "text"),
    "unknown activity": ({"activity_id": 9999}, "activity"),
    "channel the activity does not use": ({"channel": "home_visit"}, "channel"),
    "forged purpose name": ({"consents": {**ALL_YES, "sell_to_advertisers": True}}, "consents"),
    "a purpose left unanswered": (
        {"consents": {k: v for k, v in ALL_YES.items() if k != "contact"}},
        "consent_contact",
    ),
    "a consent given as a string": (
        {"consents": {**ALL_YES, "analysis": "on"}},
        "consent_analysis",
    ),
    "analysis refused": ({"consents": {**ALL_YES, "analysis": False}}, "consent_analysis"),
    "unknown method": ({"method": "telepathy"}, "method"),
    "verbal consent without a note": ({"method": "verbal"}, "method_note"),
    "stale notice": ({"notice_id": 0}, "notice"),
    "nobody named as recording it": ({"recorded_by": "  "}, "recorded_by"),
    "contact agreed without details": ({"contact": {"name": "Sam"}}, "contact"),
    "contact email that is not one": ({"contact": {"email": "sam at home"}}, "contact_email"),
    "equality answer not offered": ({"equality": {"sex": "Robot"}}, "equality_sex"),
    "full postcode instead of district": (
        {"equality": {"postcode_district": "CV1 2AB"}},
        "equality_postcode_district",
    ),
    "forged equality question": ({"equality": {"income": "high"}}, "equality"),
}


@pytest.mark.parametrize("overrides, field", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_clear_error_and_writes_nothing(db, staff, activity, overrides, field):
    kwargs = capture_kwargs(db, activity, staff, **overrides)
    before = row_counts(db)
    with pytest.raises(ConsentError) as raised:
        capture.capture_story(db, **kwargs)
    assert field in raised.value.errors and raised.value.errors[field]
    assert row_counts(db) == before


@pytest.mark.parametrize("make", [_closed, _not_yet_open], ids=["closed", "not yet open"])
def test_an_activity_not_open_today_takes_no_stories(db, staff, make):
    activity_id = make(db, staff)
    before = row_counts(db)
    with pytest.raises(ConsentError) as raised:
        capture_story(db, activity_id, staff)
    assert "activity" in raised.value.errors
    assert row_counts(db) == before


def test_every_problem_is_reported_together_without_echoing_the_story(db, staff, activity):
    with pytest.raises(ConsentError) as raised:
        capture_story(db, activity, staff, text="x" * 50, max_chars=10, method="", consents={})
    assert {"text", "method", *(f"consent_{p}" for p in ALL_YES)} <= set(raised.value.errors)
    assert "xxxxx" not in str(raised.value)


def test_contact_and_equality_answers_are_kept_only_under_their_own_consent(db, staff, activity):
    receipt = capture_story(
        db,
        activity,
        staff,
        consents={**ALL_YES, "contact": False, "equality_monitoring": False},
    )
    assert db["contacts"].count_where("story_id = ?", [receipt.story_id]) == 0
    assert db["equality_answers"].count_where("story_id = ?", [receipt.story_id]) == 0
    refused = db["consents"].count_where("story_id = ? AND granted = 0", [receipt.story_id])
    assert refused == 2


def test_a_double_submission_is_one_story_and_repeats_the_receipt(db, staff, activity):
    first = capture_story(db, activity, staff, submission_key="form-token-1")
    again = capture_story(db, activity, staff, submission_key="form-token-1")
    assert again.duplicate and again.secret is None
    assert (again.story_id, again.reference) == (first.story_id, first.reference)
    assert db["stories"].count == 1


def test_a_failure_inside_the_transaction_leaves_nothing_half_saved(
    db, staff, activity, monkeypatch
):
    before = row_counts(db)

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(capture.audit, "record", fail)
    with pytest.raises(RuntimeError):
        capture_story(db, activity, staff)
    assert row_counts(db) == before


def test_a_notice_cannot_change_once_a_consent_cites_it(db, staff, activity):
    capture_story(db, activity, staff)
    notice = activities.current_notice(db, activity)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        db.execute("UPDATE notices SET text = 'edited' WHERE id = ?", [notice["id"]])


def test_changing_the_wording_makes_a_new_notice_version_and_old_forms_are_refused(
    db, staff, activity
):
    old_form = capture_kwargs(db, activity, staff)
    fields = {**activities.get_activity(db, activity), "how_used": "Also shared with the ICB."}
    activities.update_activity(db, activity, fields, staff)
    notice = activities.current_notice(db, activity)
    assert notice["version"] == 2 and "Also shared with the ICB." in notice["text"]
    with pytest.raises(ConsentError) as raised:
        capture.capture_story(db, **old_form)
    assert "notice" in raised.value.errors
    receipt = capture_story(db, activity, staff)
    cited = db["consents"].get((receipt.story_id, "analysis"))["notice_id"]
    assert cited == notice["id"]


def test_an_unchanged_wording_keeps_the_notice_version(db, staff, activity):
    activities.update_activity(db, activity, activities.get_activity(db, activity), staff)
    assert activities.current_notice(db, activity)["version"] == 1
