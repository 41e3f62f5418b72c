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

import json
from collections.abc import Iterable
from datetime import datetime, timedelta

import sqlite_utils

import consent
from consent import delete_rows, register_cleanup
from nlp import checks
from nlp import signals as detection
from nlp.signals import SAFEGUARDING_SIGNALS, Signal
from plumbing import audit, clock
from plumbing import db as wdb
from plumbing.clock import now_iso
from plumbing.jobs import Progress, job
from workbench import accounts

STATES = {
    "open": "Not yet acknowledged",
    "acknowledged": "Acknowledged",
    "action_taken": "Action taken",
    "closed": "Closed",
}


class FlagError(ValueError):
    """A step that does not fit the flag's state, or a missing note: shown as it is."""


# A withdrawn story's flags go with it, and the mark that its teller asked to complain.
register_cleanup("safeguarding_flags")(delete_rows("safeguarding_flags"))
register_cleanup("complaint_requests")(delete_rows("complaint_requests"))


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
    return db.execute(
        "SELECT count(*) FROM complaint_requests "
        "WHERE story_id IN (SELECT value FROM json_each(?))",
        [json.dumps(consent.story_ids(db, activity_id))],
    ).fetchone()[0]


_FLAG_SQL = "SELECT f.* FROM safeguarding_flags f"
# Who took each step, by the column that holds their user id.
_STEP_NAMES = {
    "acknowledged_by": "acknowledged_by_name",
    "action_by": "action_by_name",
    "closed_by": "closed_by_name",
}


def _described(db: sqlite_utils.Database, flags: list[dict]) -> list[dict]:
    """Flags with what the lead reads beside them: the story's reference, activity and channel
    (consent's facts, never its text) and the names of who took each step."""
    stories = consent.story_facts(db, [f["story_id"] for f in flags])
    titles = {a["id"]: a["title"] for a in consent.list_activities(db)}
    names = accounts.usernames(db, [f[c] for f in flags for c in _STEP_NAMES if f[c]])
    return [
        {
            **flag,
            "reference": stories[flag["story_id"]]["reference"],
            "activity_id": stories[flag["story_id"]]["activity_id"],
            "channel": stories[flag["story_id"]]["channel"],
            "activity_title": titles.get(stories[flag["story_id"]]["activity_id"]),
            **{name: names.get(flag[column]) for column, name in _STEP_NAMES.items()},
        }
        for flag in flags
        if flag["story_id"] in stories
    ]


def queue(db: sqlite_utils.Database, include_closed: bool = False) -> list[dict]:
    """Flags for the safeguarding lead: unacknowledged first, then oldest first."""
    where = "" if include_closed else " WHERE f.state != 'closed'"
    order = (
        " ORDER BY CASE f.state WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 "
        "WHEN 'action_taken' THEN 2 ELSE 3 END, f.created_at, f.id"
    )
    return _described(db, list(db.query(_FLAG_SQL + where + order)))


def get_flag(db: sqlite_utils.Database, flag_id: int) -> dict | None:
    """One flag as the lead reads it, or None."""
    rows = _described(db, list(db.query(_FLAG_SQL + " WHERE f.id = ?", [flag_id])))
    return rows[0] if rows else None


def overdue(
    db: sqlite_utils.Database, older_than: timedelta, now: datetime | None = None
) -> list[dict]:
    """Open (unacknowledged) flags raised more than `older_than` ago, oldest first."""
    cutoff = ((now or clock.now()) - older_than).isoformat(timespec="seconds")
    return _described(
        db,
        list(
            db.query(
                _FLAG_SQL + " WHERE f.state = 'open' AND f.created_at <= ? ORDER BY f.created_at",
                [cutoff],
            )
        ),
    )


def story_for_lead(db: sqlite_utils.Database, story_id: int) -> dict:
    """What the safeguarding lead needs to act: the words (original while it is kept, else the
    anonymised text) and the contact details the storyteller gave, if any."""
    try:
        original = consent.original_text(db, story_id)
    except LookupError:  # withdrawn
        original = None
    words, which = (original, "original") if original else (None, None)
    if words is None:
        anonymised = checks.anonymised_text(db, story_id)
        words, which = (anonymised, "anonymised") if anonymised else (None, None)
    contact = consent.contact_details(db, [story_id]).get(story_id)
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
