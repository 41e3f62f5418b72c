"""Analysts' decisions about tags: confirm, reject, add, one story at a time or for a whole
theme. A decision is ground truth: re-tagging never changes it."""

from __future__ import annotations

from sqlite_utils import Database

import consent
from nlp.priorities import get_framework
from plumbing import db as wdb
from plumbing.clock import now_iso

BULK_ACTIONS = ("accept", "reject", "add")


class UnknownPriorityError(KeyError):
    """A decision names a priority its framework lacks. A KeyError (callers catch lookups),
    whose text is its message as written, not wrapped in quotes as a KeyError's is."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _check_priority(db: Database, framework_id: str, priority_id: str) -> None:
    if not db.execute(
        "SELECT 1 FROM priorities WHERE framework_id = ? AND id = ?", [framework_id, priority_id]
    ).fetchone():
        get_framework(db, framework_id)  # raises UnknownFrameworkError first if need be
        raise UnknownPriorityError(f"framework {framework_id!r} has no priority {priority_id!r}")


def _decide(
    db: Database, story_id: int, framework_id: str, priority_id: str, state: str, user_id: int
) -> None:
    _check_priority(db, framework_id, priority_id)
    if not consent.story_facts(db, [story_id]):
        raise LookupError("That story no longer exists (it may have been withdrawn).")
    now = now_iso()
    with wdb.write(db):
        updated = db.execute(
            "UPDATE tags SET state = ?, reviewed_by = ?, updated_at = ? "
            "WHERE story_id = ? AND framework_id = ? AND priority_id = ?",
            [state, user_id, now, story_id, framework_id, priority_id],
        ).rowcount
        if not updated:
            db["tags"].insert(
                {
                    "story_id": story_id,
                    "framework_id": framework_id,
                    "priority_id": priority_id,
                    "score": None,
                    "source": "analyst",
                    "state": state,
                    "evidence": None,
                    "model_version": None,
                    "updated_at": now,
                    "reviewed_by": user_id,
                }
            )


def confirm_tag(
    db: Database, story_id: int, framework_id: str, priority_id: str, user_id: int
) -> None:
    """The analyst agrees the story is about this priority (creates the tag if none exists)."""
    _decide(db, story_id, framework_id, priority_id, "confirmed", user_id)


def reject_tag(
    db: Database, story_id: int, framework_id: str, priority_id: str, user_id: int
) -> None:
    """The analyst says the story is not about this priority; the model will not propose it
    again for this story."""
    _decide(db, story_id, framework_id, priority_id, "rejected", user_id)


def add_tag(db: Database, story_id: int, framework_id: str, priority_id: str, user_id: int) -> None:
    """The analyst tags a priority the model did not propose; recorded as confirmed."""
    _decide(db, story_id, framework_id, priority_id, "confirmed", user_id)


def bulk_tag_theme(
    db: Database, theme_id: int, framework_id: str, priority_id: str, action: str, user_id: int
) -> int:
    """Apply one decision to every story in a theme; returns how many tags changed.

    `accept` confirms the model's proposals, `reject` rejects them, and `add` confirms the
    priority for every member. None of them overturns a decision an analyst already made about
    a single story, so a bulk action never undoes careful one-by-one review.
    """
    if action not in BULK_ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {', '.join(BULK_ACTIONS)}")
    _check_priority(db, framework_id, priority_id)
    now = now_iso()
    state = "rejected" if action == "reject" else "confirmed"
    with wdb.write(db):
        changed = db.execute(
            "UPDATE tags SET state = ?, reviewed_by = ?, updated_at = ? "
            "WHERE framework_id = ? AND priority_id = ? AND state = 'proposed' "
            "AND story_id IN (SELECT story_id FROM theme_members WHERE theme_id = ?)",
            [state, user_id, now, framework_id, priority_id, theme_id],
        ).rowcount
        if action == "add":
            changed += db.execute(
                "INSERT INTO tags (story_id, framework_id, priority_id, source, state, "
                "updated_at, reviewed_by) "
                "SELECT m.story_id, ?, ?, 'analyst', 'confirmed', ?, ? FROM theme_members m "
                "WHERE m.theme_id = ? AND NOT EXISTS (SELECT 1 FROM tags t "
                "WHERE t.story_id = m.story_id AND t.framework_id = ? AND t.priority_id = ?)",
                [framework_id, priority_id, now, user_id, theme_id, framework_id, priority_id],
            ).rowcount
    return changed
