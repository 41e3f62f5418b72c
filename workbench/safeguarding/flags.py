"""Flags for the safeguarding lead, and the count of storytellers who asked to complain.

A story with a risk signal is flagged, never held back: it keeps flowing through the normal
path. The detector flags what it finds; staff raise a concern by hand from any page where they
read a story (`raise_concern`), and it joins the same queue. Each flag moves open →
acknowledged → action taken → closed, with who and when at each step, and every step is in the
audit log (ids and states only, never the notes, the reason or the phrase).
Flag details stay with the safeguarding lead: analysts can ask only whether a story was routed
(`routed`), and the published database never reads these tables. Withdrawal deletes both
tables' rows for the story (the clean-ups below, and ON DELETE CASCADE). The `signals` job looks
for signals with the classifier as well as the rules, in the worker.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

import consent
from consent import delete_rows, register_cleanup
from nlp import checks
from nlp import signals as detection
from nlp.identifiers.core.placeholders import PLACEHOLDER_NAMES
from nlp.signals import SAFEGUARDING_SIGNALS, SIGNALS, Signal
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso
from plumbing.jobs import Progress, job
from plumbing.row_ids import next_id
from workbench.safeguarding import alerts

STATES = {
    "open": "Not yet acknowledged",
    "acknowledged": "Acknowledged",
    "action_taken": "Action taken",
    "closed": "Closed",
}
# What staff may raise by hand: the detector's signals, or a concern none of them names.
OTHER_CONCERN = "other_concern"
RAISABLE = (*SAFEGUARDING_SIGNALS, OTHER_CONCERN)
LABELS = {**SIGNALS, OTHER_CONCERN: "Another safeguarding concern"}
REASON_MAX_CHARS = 2_000


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
    them for the safeguarding lead, mark complaint requests, and send the lead what is due.
    Nothing is held back: the stories carry on regardless."""
    ids = ([story_id] if story_id is not None else []) + list(story_ids or [])
    for done, one in enumerate(ids, start=1):
        text = story_for_lead(db, one)["text"]
        if text:  # no text: withdrawn, or the original is no longer kept and not yet anonymised
            record_signals(db, one, detection.detect(text).signals)
        # The jobs list is visible to all staff: say nothing about what was found.
        progress(done / len(ids), f"Checked {done} of {len(ids)}")
    # The lead hears of the model's flags from here, at once, without waiting for a job.
    alerts.send_due_from_settings(db)


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
            # A closed flag counts too: the detector never raises again what the lead closed.
            existing = db.execute(
                "SELECT id, why FROM safeguarding_flags WHERE story_id = ? AND signal = ? "
                "ORDER BY state = 'closed', id DESC LIMIT 1",
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
                        "id": next_id(db, "safeguarding_flags"),
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


def raise_concern(
    db: sqlite_utils.Database, story_id: int, signal: str, reason: str, user_id: int
) -> tuple[int, bool]:
    """A member of staff raises a concern about a story by hand, with their reason; returns the
    flag's id and whether it is new.

    The concern joins the same queue as the detector's flags. When the story already has a
    flag for that signal that is not closed, the reason is added to it (the lead reads both);
    after a closed one, a new flag is raised. The audit log records who raised what about
    which story, never the reason.
    """
    reason = " ".join((reason or "").split())
    if signal not in RAISABLE:
        raise FlagError("Choose what kind of concern it is.")
    if not reason:
        raise FlagError("Say why you are concerned.")
    if len(reason) > REASON_MAX_CHARS:
        raise FlagError(f"Keep the reason under {REASON_MAX_CHARS} characters.")
    why = f"raised by staff: {reason}"
    with wdb.write(db):
        if not consent.story_facts(db, [story_id]):
            raise FlagError("There is no such story (it may have been withdrawn).")
        existing = db.execute(
            "SELECT id, why FROM safeguarding_flags "
            "WHERE story_id = ? AND signal = ? AND state != 'closed'",
            [story_id, signal],
        ).fetchone()
        if existing:
            db.execute(
                "UPDATE safeguarding_flags SET why = ? WHERE id = ?",
                [f"{existing[1]}; {why}", existing[0]],
            )
            flag_id, new = existing[0], False
        else:
            flag_id = (
                db["safeguarding_flags"]
                .insert(
                    {
                        "id": next_id(db, "safeguarding_flags"),
                        "story_id": story_id,
                        "signal": signal,
                        "source": "staff",
                        "why": why,
                        "state": "open",
                        "created_at": now_iso(),
                        "raised_by": user_id,
                    }
                )
                .last_pk
            )
            new = True
        audit.record(
            db,
            f"user:{user_id}",
            "safeguarding_raised" if new else "safeguarding_concern_added",
            "safeguarding_flag",
            flag_id,
            f"story={story_id} signal={signal} source=staff",
        )
    return flag_id, new


def complaint_count(db: sqlite_utils.Database, activity_id: int | None = None) -> int:
    """How many stories (in one activity, or in all) asked how to complain."""
    return db.execute(
        "SELECT count(*) FROM complaint_requests "
        "WHERE story_id IN (SELECT value FROM json_each(?))",
        [json.dumps(consent.story_ids(db, activity_id))],
    ).fetchone()[0]


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


def forget_identifiers(
    db: sqlite_utils.Database, story_id: int, identifiers: Iterable[tuple[str, str]]
) -> None:
    """Replace, in the reasons of the story's flags, each identifier a person confirmed on
    the check page (value, label) with its placeholder, as in the anonymised text.

    Why: a flag quotes the sentence that raised it, from the story as told. Once the check
    forgets the original, the lead reads the anonymised story, so the flag must not keep the
    names, numbers and dates the check took out (probing found them there, under "the
    original is no longer kept", and in closed flags for ever). Staff's own words in a
    concern they raised stay as written."""
    values = sorted({(v, label) for v, label in identifiers if v.strip()}, key=lambda x: -len(x[0]))
    if not values:
        return
    with wdb.write(db):
        for flag_id, why in db.execute(
            "SELECT id, why FROM safeguarding_flags WHERE story_id = ? AND source != 'staff'",
            [story_id],
        ).fetchall():
            kept = why
            for value, label in values:
                kept = kept.replace(value, f"[{PLACEHOLDER_NAMES.get(label, 'ID')}]")
            if kept != why:
                db.execute("UPDATE safeguarding_flags SET why = ? WHERE id = ?", [kept, flag_id])
