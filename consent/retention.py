"""Retention: stories older than their activity's retention period are erased, through the
same withdrawal that a storyteller uses, so nothing derived from them survives either."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from consent.withdrawal import WithdrawalResult, withdraw

_DUE_SQL = """
SELECT s.id, s.activity_id, a.title, a.retention_days
FROM stories s JOIN activities a ON a.id = s.activity_id
WHERE date(s.created_at, '+' || a.retention_days || ' days') <= ?
ORDER BY s.id
"""


def due_for_erasure(db: sqlite_utils.Database, today: date) -> list[int]:
    """Stories whose retention period has ended by `today` (kept `retention_days` days)."""
    return [row[0] for row in db.execute(_DUE_SQL, [today.isoformat()]).fetchall()]


def due_by_activity(db: sqlite_utils.Database, today: date) -> list[dict]:
    """How many stories each activity has due for erasure: what a dry run reports."""
    counts: dict[int, dict] = {}
    for _story_id, activity_id, title, days in db.execute(_DUE_SQL, [today.isoformat()]):
        entry = counts.setdefault(
            activity_id,
            {"activity_id": activity_id, "title": title, "retention_days": days, "stories": 0},
        )
        entry["stories"] += 1
    return list(counts.values())


def erase_due(db: sqlite_utils.Database, today: date, by: str) -> list[WithdrawalResult]:
    """Withdraw every story due for erasure, one transaction each; returns what each touched."""
    return [withdraw(db, story_id, "retention", by) for story_id in due_for_erasure(db, today)]


def apply_retention(db: sqlite_utils.Database, today: date, by: str) -> int:
    """Erase every story due by `today`; returns how many were erased."""
    return len(erase_due(db, today, by))
