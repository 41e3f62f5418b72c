"""Consent changes that ripple: call the consent API, then queue the jobs that carry the
change into derived data (theme keywords, stale priority taggers) and into the published
database."""

from __future__ import annotations

from datetime import date

import sqlite_utils
from huey import Huey

from consent.receipts import ConsentChange, change_consent
from consent.retention import erase_due
from consent.withdrawal import WithdrawalResult, withdraw
from nlp.tagging import store as tag_store
from plumbing import jobs
from plumbing.jobs import enqueue


def _queue_follow_ups(
    db: sqlite_utils.Database, huey: Huey, config: dict, theme_ids: list[int], republish: bool
) -> None:
    # A withdrawn story's decisions left its frameworks' taggers stale: retrain them without it.
    for framework_id in tag_store.stale_frameworks(db):
        if not jobs.queued(db, "train_tagger", framework_id=framework_id):
            enqueue(huey, db, "train_tagger", framework_id=framework_id)
    if theme_ids:
        enqueue(huey, db, "refresh_keywords", theme_ids=sorted(set(theme_ids)))
    if republish:
        enqueue(huey, db, "publish", published_path=config["WORKBENCH_PUBLISHED_DB"])


def withdraw_story(
    db: sqlite_utils.Database, huey: Huey, config: dict, story_id: int, method: str, by: str
) -> WithdrawalResult:
    """Withdraw a story, then refresh its themes' keywords and rebuild the published file."""
    result = withdraw(db, story_id, method, by)
    _queue_follow_ups(db, huey, config, result.theme_ids, republish=True)
    return result


def change_story_consent(
    db: sqlite_utils.Database,
    huey: Huey,
    config: dict,
    story_id: int,
    purpose: str,
    granted: bool,
    by: str,
    method: str,
    **details,
) -> ConsentChange:
    """Change one consent; queue republishing when it took something out of publication.
    `details` (notice_id, method_note, contact, equality) go to `consent.change_consent`."""
    change = change_consent(db, story_id, purpose, granted, by, method, **details)
    _queue_follow_ups(db, huey, config, change.theme_ids, change.republish)
    return change


def apply_retention(
    db: sqlite_utils.Database, huey: Huey, config: dict, today: date, by: str
) -> int:
    """Erase the stories past their retention period; returns how many were erased."""
    results = erase_due(db, today, by)
    if results:
        theme_ids = [theme_id for result in results for theme_id in result.theme_ids]
        _queue_follow_ups(db, huey, config, theme_ids, republish=True)
    return len(results)
