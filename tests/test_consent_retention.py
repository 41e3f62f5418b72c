"""Retention: stories past their activity's period are erased through withdrawal."""

from __future__ import annotations

from datetime import timedelta

from consent_support import capture_story, consent_db, open_activity, staff_user

from consent import retention
from plumbing.clock import today

db = consent_db


def aged(db, story_id: int, days: int) -> None:
    """Pretend the story was captured `days` ago."""
    created = (today() - timedelta(days=days)).isoformat() + "T09:30:00+00:00"
    db["stories"].update(story_id, {"created_at": created})


def test_a_story_is_due_on_the_day_its_retention_period_ends(db):
    user = staff_user(db)
    activity = open_activity(db, user, retention_days=30)
    kept, due, long_due = (capture_story(db, activity, user).story_id for _ in range(3))
    aged(db, kept, 29)
    aged(db, due, 30)
    aged(db, long_due, 400)
    assert retention.due_for_erasure(db, today()) == [due, long_due]
    assert retention.due_by_activity(db, today()) == [
        {
            "activity_id": activity,
            "title": "Getting a GP appointment",
            "retention_days": 30,
            "stories": 2,
        }
    ]


def test_applying_retention_withdraws_with_a_retention_tombstone(db):
    user = staff_user(db)
    short = open_activity(db, user, retention_days=10)
    long = open_activity(db, user, retention_days=1000)
    old_short = capture_story(db, short, user)
    old_long = capture_story(db, long, user)
    aged(db, old_short.story_id, 11)
    aged(db, old_long.story_id, 11)
    assert retention.apply_retention(db, today(), "system:retention") == 1
    assert [r["id"] for r in db.query("SELECT id FROM stories")] == [old_long.story_id]
    tombstone = db["withdrawals"].get(old_short.reference)
    assert (tombstone["method"], tombstone["by"]) == ("retention", "system:retention")
    assert db["consents"].count_where("story_id = ?", [old_short.story_id]) == 0
