"""Withdrawal: one transaction that removes everything derived from a story.

Every stage that stores something derived from a story registers a clean-up here, named
after the table (or artefact) it clears. `withdraw` runs them all, deletes the story and
keeps only a tombstone (reference, secret hash, activity, when, how, by whom) as evidence
that the withdrawal happened and so the receipt still answers. A test checks that every
table with a `story_id` column has a clean-up, so a new artefact cannot be forgotten.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import sqlite_utils

from consent.clock import now_iso
from consent.errors import ConsentError
from workbench import audit
from workbench import db as wdb

Cleanup = Callable[[sqlite_utils.Database, int], None]
CLEANUPS: dict[str, list[Cleanup]] = {}
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


def register_cleanup(name: str) -> Callable[[Cleanup], Cleanup]:
    """Register `fn(db, story_id)` to run inside every withdrawal; `name` is what it clears."""

    def register(fn: Cleanup) -> Cleanup:
        CLEANUPS.setdefault(name, []).append(fn)
        return fn

    return register


def delete_story_rows(db: sqlite_utils.Database, story_id: int, table: str) -> None:
    """The clean-up registered for most tables: delete the story's rows in `table`.

    A plain function bound to each table with `partial` (not a closure made at import), so
    what runs at withdrawal is this body as it reads now: mutation testing can change it.
    """
    if table in db.table_names():
        db.execute(f"DELETE FROM [{table}] WHERE story_id = ?", [story_id])


# Consent's own tables, then the NLP stage tables (nlp/migrations.py). Quotes and theme
# memberships go first: they are what publication reads.
for _table in (
    "quotes",
    "theme_members",
    "theme_points",
    "tags",
    "criticality",
    "embeddings",
    "anonymisations",
    "contacts",
    "equality_answers",
    "consent_events",
    "consents",
    # workbench.safeguarding's tables: flags and complaint marks go with the story.
    "safeguarding_flags",
    "complaint_requests",
):
    register_cleanup(_table)(partial(delete_story_rows, table=_table))


# Modules that register their own clean-ups when imported. `withdraw` imports them first, so
# a withdrawal from any process (web, worker, CLI) runs every clean-up there is.
STAGE_MODULES = ("workbench.actions", "workbench.evaluation", "workbench.outbox")


def load_stage_cleanups() -> dict[str, list[Cleanup]]:
    """Every registered clean-up, after importing the stages that register their own."""
    for module in STAGE_MODULES:
        importlib.import_module(module)
    return CLEANUPS


def themes_of(db: sqlite_utils.Database, story_id: int) -> list[int]:
    """Themes the story is a member of or quoted in."""
    if "theme_members" not in db.table_names():
        return []
    return [
        row[0]
        for row in db.execute(
            "SELECT theme_id FROM theme_members WHERE story_id = ? UNION "
            "SELECT theme_id FROM quotes WHERE story_id = ? ORDER BY 1",
            [story_id, story_id],
        ).fetchall()
    ]


def withdraw(db: sqlite_utils.Database, story_id: int, method: str, by: str) -> WithdrawalResult:
    """Remove the story and everything derived from it in one transaction; keep a tombstone.

    After it, queue `refresh_keywords` for the returned themes and `publish` (see
    workbench.flows.withdraw_story, which does both).
    """
    if method not in WITHDRAWAL_METHODS:
        raise ConsentError({"method": "Say how the withdrawal was made."})
    with wdb.write(db):
        story = db.execute(
            "SELECT reference, secret_hash, activity_id FROM stories WHERE id = ?", [story_id]
        ).fetchone()
        if story is None:
            raise ConsentError({"story": "There is no such story (it may already be withdrawn)."})
        theme_ids = themes_of(db, story_id)
        for cleanups in load_stage_cleanups().values():
            for cleanup in cleanups:
                cleanup(db, story_id)
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
    return WithdrawalResult(theme_ids=theme_ids, reference=reference)
