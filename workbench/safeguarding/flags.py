"""Flags for the safeguarding lead, and the count of storytellers who asked to complain.

A story with a risk signal is flagged, never held back: it keeps flowing through the normal
path. Each flag moves open → acknowledged → action taken → closed, with who and when at each
step, and every step is in the audit log (ids and states only, never the notes or the phrase).
Flag details stay with the safeguarding lead: analysts can ask only whether a story was routed
(`routed`), and the published database never reads these tables. Withdrawal deletes both
tables' rows for the story (the clean-ups below, and ON DELETE CASCADE). The `signals` job looks
for signals with the classifier as well as the rules, in the worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import sqlite_utils

from consent import register_cleanup
from nlp import signals as detection
from nlp.signals import SAFEGUARDING_SIGNALS, Signal
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso
from plumbing.jobs import Progress, job

STATES = {
    "open": "Not yet acknowledged",
    "acknowledged": "Acknowledged",
    "action_taken": "Action taken",
    "closed": "Closed",
}


class FlagError(ValueError):
    """A step that does not fit the flag's state, or a missing note: shown as it is."""


@register_cleanup("safeguarding_flags")
def _forget_flags(db: sqlite_utils.Database, story_id: int) -> None:
    """A withdrawn story's flags go with it."""
    db.execute("DELETE FROM safeguarding_flags WHERE story_id = ?", [story_id])


@register_cleanup("complaint_requests")
def _forget_complaint(db: sqlite_utils.Database, story_id: int) -> None:
    """And the mark that its teller asked to complain."""
    db.execute("DELETE FROM complaint_requests WHERE story_id = ?", [story_id])


@job("signals")
def detect_signals(
    db: sqlite_utils.Database,
    progress: Progress,
    story_id: int | None = None,
    story_ids: list[int] | None = None,
) -> None:
    """Look for risk signals (rules and classifier) in one story or several (an import); flag
    them for the safeguarding lead and mark complaint requests. Nothing is held back: the
    stories carry on regardless."""
    ids = ([story_id] if story_id is not None else []) + list(story_ids or [])
    for done, one in enumerate(ids, start=1):
        text = story_for_lead(db, one)["text"]
        if text:  # no text: withdrawn, or the original is no longer kept and not yet anonymised
            record_signals(db, one, detection.detect(text).signals)
        # The jobs list is visible to all staff: say nothing about what was found.
        progress(done / len(ids), f"Checked {done} of {len(ids)}")


def record_signals(
    db: sqlite_utils.Database,
    story_id: int,
    signals: Iterable[Signal],
    actor: str = "system",
) -> list[int]:
    """Flag the story for each safeguarding signal and mark a complaint request.

    Idempotent: a signal already flagged for the story is not flagged twice (its reason is
    extended if a new source found it too). Returns the ids of flags created now.
    """
    created: list[int] = []
    with wdb.write(db):
        for signal in signals:
            if signal.name == "complaint":
                mark_complaint_requested(db, story_id, signal.source, actor)
                continue
            if signal.name not in SAFEGUARDING_SIGNALS:
                continue
            existing = db.execute(
                "SELECT id, why FROM safeguarding_flags WHERE story_id = ? AND signal = ?",
                [story_id, signal.name],
            ).fetchone()
            if existing:
                if signal.why not in existing[1]:
                    db.execute(
                        "UPDATE safeguarding_flags SET why = ? WHERE id = ?",
                        [f"{existing[1]}; {signal.why}", existing[0]],
                    )
                continue
            flag_id = (
                db["safeguarding_flags"]
                .insert(
                    {
                        "story_id": story_id,
                        "signal": signal.name,
                        "source": signal.source,
                        "why": signal.why,
                        "state": "open",
                        "created_at": now_iso(),
                    }
                )
                .last_pk
            )
            created.append(flag_id)
            audit.record(
                db,
                actor,
                "safeguarding_flagged",
                "safeguarding_flag",
                flag_id,
                f"story={story_id} signal={signal.name} source={signal.source}",
            )
    return created


def mark_complaint_requested(
    db: sqlite_utils.Database, story_id: int, source: str, actor: str = "system"
) -> None:
    """Mark that the storyteller asked (or seems to ask) to complain; once per story."""
    with wdb.write(db):
        cursor = db.execute(
            "INSERT OR IGNORE INTO complaint_requests (story_id, source, requested_at) "
            "VALUES (?, ?, ?)",
            [story_id, source, now_iso()],
        )
        if cursor.rowcount:
            audit.record(db, actor, "complaint_requested", "story", story_id, f"source={source}")


def complaint_count(db: sqlite_utils.Database, activity_id: int | None = None) -> int:
    """How many stories (in one activity, or in all) asked how to complain."""
    sql = "SELECT count(*) FROM complaint_requests c JOIN stories s ON s.id = c.story_id"
    if activity_id is None:
        return db.execute(sql).fetchone()[0]
    return db.execute(sql + " WHERE s.activity_id = ?", [activity_id]).fetchone()[0]


_FLAG_SQL = """
SELECT f.*, s.reference, s.activity_id, s.channel, a.title AS activity_title,
       ua.username AS acknowledged_by_name, ub.username AS action_by_name,
       uc.username AS closed_by_name
FROM safeguarding_flags f
JOIN stories s ON s.id = f.story_id
LEFT JOIN activities a ON a.id = s.activity_id
LEFT JOIN users ua ON ua.id = f.acknowledged_by
LEFT JOIN users ub ON ub.id = f.action_by
LEFT JOIN users uc ON uc.id = f.closed_by
"""


def queue(db: sqlite_utils.Database, include_closed: bool = False) -> list[dict]:
    """Flags for the safeguarding lead: unacknowledged first, then oldest first."""
    where = "" if include_closed else " WHERE f.state != 'closed'"
    order = (
        " ORDER BY CASE f.state WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 "
        "WHEN 'action_taken' THEN 2 ELSE 3 END, f.created_at, f.id"
    )
    return list(db.query(_FLAG_SQL + where + order))


def get_flag(db: sqlite_utils.Database, flag_id: int) -> dict | None:
    rows = list(db.query(_FLAG_SQL + " WHERE f.id = ?", [flag_id]))
    return rows[0] if rows else None


def overdue(
    db: sqlite_utils.Database, older_than: timedelta, now: datetime | None = None
) -> list[dict]:
    """Open (unacknowledged) flags raised more than `older_than` ago, oldest first."""
    cutoff = ((now or datetime.now(UTC)) - older_than).isoformat(timespec="seconds")
    return list(
        db.query(
            _FLAG_SQL + " WHERE f.state = 'open' AND f.created_at <= ? ORDER BY f.created_at",
            [cutoff],
        )
    )


def story_for_lead(db: sqlite_utils.Database, story_id: int) -> dict:
    """What the safeguarding lead needs to act: the words (original while it is kept, else the
    anonymised text) and the contact details the storyteller gave, if any."""
    text = db.execute("SELECT text FROM stories WHERE id = ?", [story_id]).fetchone()
    words, which = (text[0], "original") if text and text[0] else (None, None)
    if words is None and "anonymisations" in db.table_names():
        row = db.execute(
            "SELECT text FROM anonymisations WHERE story_id = ?", [story_id]
        ).fetchone()
        words, which = (row[0], "anonymised") if row and row[0] else (None, None)
    contact = None
    if "contacts" in db.table_names():
        rows = list(db.query("SELECT * FROM contacts WHERE story_id = ?", [story_id]))
        contact = rows[0] if rows else None
    return {"text": words, "text_kind": which, "contact": contact}


def routed(db: sqlite_utils.Database, story_id: int) -> bool:
    """Whether the story went to the safeguarding lead: all an analyst may know."""
    return (
        db.execute(
            "SELECT 1 FROM safeguarding_flags WHERE story_id = ? LIMIT 1", [story_id]
        ).fetchone()
        is not None
    )


# For each step: when, by whom and the note, as columns of safeguarding_flags.
STEP_COLUMNS = {
    "acknowledged": ("acknowledged_at", "acknowledged_by", "acknowledge_note"),
    "action_taken": ("action_at", "action_by", "action_note"),
    "closed": ("closed_at", "closed_by", "close_note"),
}


def _step(
    db: sqlite_utils.Database,
    flag_id: int,
    user_id: int,
    state: str,
    note: str | None,
    allowed_from: tuple[str, ...],
) -> None:
    at_column, by_column, note_column = STEP_COLUMNS[state]
    with wdb.write(db):
        row = db.execute(
            f"SELECT state, acknowledged_at, {note_column} FROM safeguarding_flags WHERE id = ?",
            [flag_id],
        ).fetchone()
        if row is None:
            raise FlagError("There is no such flag.")
        current, acknowledged_at, old_note = row
        if current not in allowed_from:
            raise FlagError(f"This flag is {STATES[current].lower()}: that step is not possible.")
        now = now_iso()
        if note and old_note:
            # Several actions on one flag: keep each, in order, with its time.
            note = f"{old_note}\n[{now}] {note}"
        update = {"state": state, at_column: now, by_column: user_id, note_column: note}
        if acknowledged_at is None:
            # Acting on or closing a flag also acknowledges it: the time shows who saw it first.
            update |= {"acknowledged_at": now, "acknowledged_by": user_id}
        db["safeguarding_flags"].update(flag_id, update)
        audit.record(db, f"user:{user_id}", f"safeguarding_{state}", "safeguarding_flag", flag_id)


def _required(note: str | None, what: str) -> str:
    note = (note or "").strip()
    if not note:
        raise FlagError(f"Say {what}.")
    return note


def acknowledge(
    db: sqlite_utils.Database, flag_id: int, user_id: int, note: str | None = None
) -> None:
    """The lead has seen the flag and owns it (the note is optional)."""
    _step(db, flag_id, user_id, "acknowledged", (note or "").strip() or None, ("open",))


def record_action(db: sqlite_utils.Database, flag_id: int, user_id: int, note: str) -> None:
    """Record what was done (a referral, a call, a decision that no referral was needed)."""
    note = _required(note, "what action was taken")
    _step(db, flag_id, user_id, "action_taken", note, ("open", "acknowledged", "action_taken"))


def close(db: sqlite_utils.Database, flag_id: int, user_id: int, note: str) -> None:
    """Close the flag with the reason (action complete, or no concern on review)."""
    note = _required(note, "why the flag can be closed")
    _step(db, flag_id, user_id, "closed", note, ("open", "acknowledged", "action_taken"))
