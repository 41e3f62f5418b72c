"""'You said, we did': actions recorded against themes and priorities, and the stories they answer.

The rule that makes an action follow stories rather than theme ids: when an action is recorded,
the stories then in its theme (or tagged to its priority) are written to `action_stories`, and
that set is kept. Merging or splitting themes later moves stories between themes but never
changes which stories an action answers, so every storyteller who contributed keeps seeing it on
their receipt, and nobody whose story joined the theme afterwards does. A withdrawn story leaves
`action_stories` with everything else (a registered withdrawal clean-up).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlite_utils

from consent import register_cleanup
from plumbing import audit
from plumbing import db as wdb

STATUSES = {
    "planned": "We will",
    "in_progress": "We are doing it",
    "done": "We did",
    "not_possible": "We could not",
}
COUNTED_TAG_STATES = ("confirmed", "proposed")
MAX_TEXT = 2000


class ActionError(ValueError):
    """What is wrong with an action, field by field (shown beside the form fields)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class ActionFields:
    """What a person types about an action."""

    you_said: str
    we_did: str
    owner: str
    status: str = "planned"
    reason: str | None = None
    due_on: str | None = None
    done_on: str | None = None


@register_cleanup("action_stories")
def _forget_story(db: sqlite_utils.Database, story_id: int) -> None:
    """A withdrawn story stops counting towards any action."""
    db.execute("DELETE FROM action_stories WHERE story_id = ?", [story_id])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _validate(fields: ActionFields) -> dict:
    errors = {}
    clean = {
        "you_said": (fields.you_said or "").strip(),
        "we_did": (fields.we_did or "").strip(),
        "owner": (fields.owner or "").strip(),
        "status": fields.status,
        "reason": (fields.reason or "").strip() or None,
        "due_on": (fields.due_on or "").strip() or None,
        "done_on": (fields.done_on or "").strip() or None,
    }
    for name in ("you_said", "we_did", "owner"):
        if not clean[name]:
            errors[name] = "This is needed."
        elif len(clean[name]) > MAX_TEXT:
            errors[name] = f"Keep this under {MAX_TEXT} characters."
    if clean["status"] not in STATUSES:
        errors["status"] = "Choose planned, in progress, done or not possible."
    elif clean["status"] == "not_possible" and not clean["reason"]:
        errors["reason"] = "Say why it was not possible: people deserve the reason."
    for name in ("due_on", "done_on"):
        if clean[name]:
            try:
                date.fromisoformat(clean[name])
            except ValueError:
                errors[name] = "Use a date like 2026-06-30."
    if errors:
        raise ActionError(errors)
    return clean


def _covered_stories(
    db: sqlite_utils.Database,
    theme_id: int | None,
    framework_id: str | None,
    priority_id: str | None,
) -> set[int]:
    stories: set[int] = set()
    if theme_id is not None:
        stories |= {
            r[0]
            for r in db.execute("SELECT story_id FROM theme_members WHERE theme_id = ?", [theme_id])
        }
    if priority_id is not None:
        stories |= {
            r[0]
            for r in db.execute(
                "SELECT story_id FROM tags WHERE framework_id = ? AND priority_id = ? "
                "AND state IN (?, ?)",
                [framework_id, priority_id, *COUNTED_TAG_STATES],
            )
        }
    return stories


def record_action(
    db: sqlite_utils.Database,
    fields: ActionFields,
    by: int | None,
    theme_id: int | None = None,
    priority: tuple[str, str] | None = None,
) -> int:
    """Record an action on a theme and/or a (framework id, priority id); returns its id.

    The stories it answers are fixed now (see the module docstring). Raises ActionError.
    """
    clean = _validate(fields)
    if theme_id is None and priority is None:
        raise ActionError({"theme": "Choose the theme or priority this action answers."})
    framework_id, priority_id = priority if priority else (None, None)
    with wdb.write(db):
        theme = None
        if theme_id is not None:
            theme = db.execute(
                "SELECT id, label, activity_id FROM themes WHERE id = ?", [theme_id]
            ).fetchone()
            if theme is None:
                raise ActionError({"theme": "There is no such theme."})
        if (
            priority_id is not None
            and not db.execute(
                "SELECT 1 FROM priorities WHERE framework_id = ? AND id = ?",
                [framework_id, priority_id],
            ).fetchone()
        ):
            raise ActionError({"priority": "There is no such priority."})
        stamp = _now()
        action_id = (
            db["actions"]
            .insert(
                {
                    **clean,
                    "activity_id": theme[2] if theme else None,
                    "theme_id": theme_id,
                    "theme_label": theme[1] if theme else None,
                    "framework_id": framework_id,
                    "priority_id": priority_id,
                    "created_by": by,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            .last_pk
        )
        db["action_stories"].insert_all(
            (
                {"action_id": action_id, "story_id": s}
                for s in sorted(_covered_stories(db, theme_id, framework_id, priority_id))
            ),
            pk=("action_id", "story_id"),
        )
        audit.record(db, f"user:{by}", "action_recorded", "action", action_id)
    return action_id


def update_action(db: sqlite_utils.Database, action_id: int, fields: ActionFields, by: int) -> bool:
    """Change an action's text, owner, status or dates; True if anything changed."""
    clean = _validate(fields)
    with wdb.write(db):
        current = get_action(db, action_id)
        if current is None:
            raise ActionError({"action": "There is no such action."})
        if all(current[k] == v for k, v in clean.items()):
            return False
        db["actions"].update(action_id, {**clean, "updated_at": _now()})
        audit.record(db, f"user:{by}", "action_updated", "action", action_id, clean["status"])
    return True


def get_action(db: sqlite_utils.Database, action_id: int) -> dict | None:
    """One action with its priority title, current theme label and number of stories."""
    rows = list(db.query(ACTION_SQL + " WHERE a.id = ?", [action_id]))
    return _shape(rows[0]) if rows else None


def list_actions(db: sqlite_utils.Database, activity_id: int | None = None) -> list[dict]:
    """Every action, newest first; only one activity's when `activity_id` is given."""
    where, params = (" WHERE a.activity_id = ?", [activity_id]) if activity_id else ("", [])
    return [_shape(r) for r in db.query(ACTION_SQL + where + " ORDER BY a.id DESC", params)]


def actions_for_story(db: sqlite_utils.Database, story_id: int) -> list[dict]:
    """The actions that answer this story, for its teller's receipt page (and only theirs)."""
    return [
        _shape(r)
        for r in db.query(
            ACTION_SQL + " JOIN action_stories s ON s.action_id = a.id WHERE s.story_id = ? "
            "ORDER BY a.id",
            [story_id],
        )
    ]


def covered_story_ids(db: sqlite_utils.Database, action_id: int) -> list[int]:
    """The stories an action answers (never shown outside the working database)."""
    return [
        r[0]
        for r in db.execute(
            "SELECT story_id FROM action_stories WHERE action_id = ? ORDER BY story_id",
            [action_id],
        )
    ]


ACTION_SQL = """
SELECT a.*, p.title AS priority_title, t.label AS current_theme_label,
    (SELECT count(*) FROM action_stories s2 WHERE s2.action_id = a.id) AS story_count
FROM actions a
LEFT JOIN priorities p ON p.framework_id = a.framework_id AND p.id = a.priority_id
LEFT JOIN themes t ON t.id = a.theme_id
"""


def _shape(row: dict) -> dict:
    return {
        **row,
        "status_label": STATUSES.get(row["status"], row["status"]),
        "answers": "; ".join(
            x
            for x in (row["current_theme_label"] or row["theme_label"], row["priority_title"])
            if x
        ),
    }
