"""Withdrawal: one transaction that removes everything derived from a story.

Every stage that stores something derived from a story registers a clean-up beside the table it
clears, named after it (`@register_cleanup("quotes")`); `plumbing.registry` lists the modules
that do. `withdraw` loads them, runs every clean-up, deletes the story and keeps only a
tombstone (reference, secret hash, activity, when, how, by whom) as evidence that the
withdrawal happened and so the receipt still answers; then it empties the write-ahead log, so
the deleted text (overwritten in the file by secure_delete) is in no byte of it either. A
clean-up registered for one purpose runs when a storyteller takes back that purpose alone
(`withdraw_purpose`). A test checks that
every table with a `story_id` column has a clean-up, so a new artefact cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

import sqlite_utils

from consent import withdrawal_journal
from consent.errors import ConsentError
from plumbing import audit, registry
from plumbing import db as wdb
from plumbing.clock import now_iso

# fn(db, story_id), inside the withdrawal's transaction; returns the ids of the themes it took
# the story out of (their keywords need refreshing), or None.
Cleanup = Callable[[sqlite_utils.Database, int], Iterable[int] | None]
CLEANUPS: dict[str, list[Cleanup]] = {}
PURPOSE_CLEANUPS: dict[str, dict[str, list[Cleanup]]] = {}
WITHDRAWAL_METHODS = {
    "receipt": "By the storyteller, with their receipt",
    "staff": "By staff on the storyteller's behalf",
    "retention": "At the end of the retention period",
}


@dataclass
class WithdrawalResult:
    """The themes the story belonged to, whose keywords need refreshing."""

    theme_ids: list[int] = field(default_factory=list)
    reference: str | None = None


def register_cleanup(name: str, purpose: str | None = None) -> Callable[[Cleanup], Cleanup]:
    """Register `fn(db, story_id)` to run inside every withdrawal of a story, or, with
    `purpose`, whenever that purpose alone is withdrawn; `name` is what it clears."""

    def register(fn: Cleanup) -> Cleanup:
        chosen = CLEANUPS if purpose is None else PURPOSE_CLEANUPS.setdefault(purpose, {})
        chosen.setdefault(name, []).append(fn)
        return fn

    return register


def delete_story_rows(db: sqlite_utils.Database, story_id: int, table: str) -> None:
    """The usual clean-up: delete the story's rows in `table`, which the package registering it
    owns (and names; consent knows no other package's tables).

    A plain function bound to each table with `partial` (not a closure made at import), so
    what runs at withdrawal is this body as it reads now: mutation testing can change it.
    """
    db.execute(f"DELETE FROM [{table}] WHERE story_id = ?", [story_id])


def delete_rows(table: str) -> Cleanup:
    """`delete_story_rows` bound to `table`, ready to register."""
    return partial(delete_story_rows, table=table)  # pragma: no mutate


# Consent's own tables. The story's row itself goes last, in `withdraw`.
for _table in ("contacts", "equality_answers", "consent_events", "consents"):
    register_cleanup(_table)(delete_rows(_table))
register_cleanup("contacts", purpose="contact")(delete_rows("contacts"))
register_cleanup("equality_answers", purpose="equality_monitoring")(delete_rows("equality_answers"))


def load_stage_cleanups() -> dict[str, list[Cleanup]]:
    """Every registered clean-up, after loading the modules that register them."""
    registry.load()
    return CLEANUPS


def _run(cleanups: dict[str, list[Cleanup]], db: sqlite_utils.Database, story_id: int) -> list:
    theme_ids: set[int] = set()
    for registered in cleanups.values():
        for cleanup in registered:
            theme_ids.update(cleanup(db, story_id) or ())
    return sorted(theme_ids)


def withdraw(db: sqlite_utils.Database, story_id: int, method: str, by: str) -> WithdrawalResult:
    """Remove the story and everything derived from it in one transaction; keep a tombstone.

    After it, the caller queues a refresh of the returned themes' keywords and a rebuild of
    the published database (the web layer's flows do both).
    """
    if method not in WITHDRAWAL_METHODS:
        raise ConsentError({"method": "Say how the withdrawal was made."})
    cleanups = load_stage_cleanups()
    with wdb.write(db):
        story = db.execute(
            "SELECT reference, secret_hash, activity_id FROM stories WHERE id = ?", [story_id]
        ).fetchone()
        if story is None:
            raise ConsentError({"story": "There is no such story (it may already be withdrawn)."})
        theme_ids = _run(cleanups, db, story_id)
        db.execute("DELETE FROM stories WHERE id = ?", [story_id])
        reference, secret_hash, activity_id = story
        db.execute(
            "INSERT INTO withdrawals (reference, secret_hash, activity_id, withdrawn_at, method, "
            "by) VALUES (?, ?, ?, ?, ?, ?)",
            [reference, secret_hash, activity_id, now_iso(), method, by],
        )
        audit.record(
            db, by, "story_withdrawn", "story", story_id, f"method={method} reference={reference}"
        )
    # The log still holds the pages as they were before the delete.
    wdb.truncate_wal(db)
    # Outside the database, so restoring an older backup cannot undo it (written after the
    # commit: a journal line for a withdrawal that failed would erase a story at a restore).
    withdrawal_journal.append(db, reference, withdrawal_journal.STORY, False, method)
    return WithdrawalResult(theme_ids=theme_ids, reference=reference)


def withdraw_purpose(db: sqlite_utils.Database, story_id: int, purpose: str) -> list[int]:
    """Run the clean-ups registered for one purpose, inside the caller's transaction; returns
    the themes whose keywords need refreshing."""
    load_stage_cleanups()
    return _run(PURPOSE_CLEANUPS.get(purpose, {}), db, story_id)
