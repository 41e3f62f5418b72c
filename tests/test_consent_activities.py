"""Engagement activities: the promises shown before every story, in plain English."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from consent_support import ACTIVITY, consent_db, open_activity, row_counts, staff_user

from consent import activities
from consent.errors import ConsentError
from consent.purposes import PURPOSES
from plumbing.clock import today

db = consent_db


def test_a_new_activity_has_notice_version_1_with_the_hash_of_its_exact_text(db):
    activity_id = open_activity(db, staff_user(db, "analyst"))
    notice = activities.current_notice(db, activity_id)
    assert notice["version"] == 1
    assert notice["sha256"] == hashlib.sha256(notice["text"].encode("utf-8")).hexdigest()
    for key in ("purpose", "can_influence", "cannot_influence", "how_used", "feedback_plan"):
        assert ACTIVITY[key] in notice["text"]
    for purpose in PURPOSES.values():
        assert purpose.label in notice["text"]
    assert ACTIVITY["partners"] in notice["text"]


def test_the_notice_sections_answer_the_charter_questions_in_order(db):
    activity = activities.get_activity(db, open_activity(db, staff_user(db, "analyst")))
    headings = [heading for heading, _text in activities.notice_sections(activity)]
    assert headings[:6] == [
        "Why we are asking",
        "What you can influence",
        "What you cannot influence",
        "How your story will be used",
        "Who will see it",
        "When you will hear back",
    ]


def test_get_activity_decodes_channels_and_knows_whether_it_is_open(db):
    user = staff_user(db, "analyst")
    open_id = open_activity(db, user)
    closed_id = open_activity(
        db,
        user,
        opens_on=(today() - timedelta(days=9)).isoformat(),
        closes_on=(today() - timedelta(days=2)).isoformat(),
    )
    assert activities.get_activity(db, open_id)["channels"] == ACTIVITY["channels"]
    assert activities.get_activity(db, open_id)["is_open"] is True
    assert activities.get_activity(db, closed_id)["is_open"] is False
    assert [a["id"] for a in activities.list_activities(db, open_only=True)] == [open_id]
    assert {a["id"] for a in activities.list_activities(db)} == {open_id, closed_id}
    assert activities.get_activity(db, 404) is None


def test_an_invalid_activity_lists_every_problem_and_writes_nothing(db):
    user = staff_user(db, "analyst")
    before = row_counts(db)
    with pytest.raises(ConsentError) as raised:
        activities.create_activity(
            db,
            {
                "title": " ",
                "opens_on": "2026-02-30",
                "closes_on": "soon",
                "channels": ["carrier_pigeon"],
                "retention_days": 0,
            },
            created_by=user,
        )
    assert {"title", "purpose", "opens_on", "closes_on", "channels", "retention_days"} <= set(
        raised.value.errors
    )
    assert row_counts(db) == before


def test_closing_before_opening_is_refused(db):
    with pytest.raises(ConsentError) as raised:
        open_activity(db, staff_user(db, "analyst"), closes_on="2000-01-01")
    assert "closes_on" in raised.value.errors
