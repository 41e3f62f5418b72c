"""'You said, we did': actions recorded against themes and priorities, and the stories they answer.

The rule that makes an action follow stories rather than theme ids: when an action is recorded,
the stories then in its theme (or tagged to its priority) are written to `action_stories`, and
that set is kept. Merging or splitting themes later moves stories between themes but never
changes which stories an action answers, so every storyteller who contributed keeps seeing it on
their receipt, and nobody whose story joined the theme afterwards does. An action points at its
theme by id and shows the theme's label as it is now, never a copy: a label rebuilt after a
withdrawal must not survive in an old action. A withdrawn story leaves
`action_stories` with everything else (a registered withdrawal clean-up).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

import consent
from consent import delete_rows, register_cleanup
from nlp.tagging import store as tag_store
from nlp.themes import store as theme_store
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso

STATUSES = {
    "planned": "We will",
    "in_progress": "We are doing it",
    "done": "We did",
    "not_possible": "We could not",
}
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


# A withdrawn story stops counting towards any action.
register_cleanup("action_stories")(delete_rows("action_stories"))


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
        stories |= set(theme_store.members(db, [theme_id]).get(theme_id, []))
    if priority_id is not None:
        stories |= set(
            tag_store.stories_with_priority(
                db, framework_id, priority_id, tag_store.COUNTED_TAG_STATES
            )
        )
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
            theme = theme_store.themes_by_id(db, [theme_id]).get(theme_id)
            if theme is None:
                raise ActionError({"theme": "There is no such theme."})
        if priority_id is not None and (framework_id, priority_id) not in _priority_titles(db):
            raise ActionError({"priority": "There is no such priority."})
        stamp = now_iso()
        action_id = (
            db["actions"]
            .insert(
                {
                    **clean,
                    "activity_id": theme["activity_id"] if theme else None,
                    "theme_id": theme_id,
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
        db["actions"].update(action_id, {**clean, "updated_at": now_iso()})
        audit.record(db, f"user:{by}", "action_updated", "action", action_id, clean["status"])
    return True


def get_action(db: sqlite_utils.Database, action_id: int) -> dict | None:
    """One action with its priority title, current theme label and number of stories."""
    rows = _shaped(db, ACTION_SQL + " WHERE a.id = ?", [action_id])
    return rows[0] if rows else None


def list_actions(db: sqlite_utils.Database, activity_id: int | None = None) -> list[dict]:
    """Every action, newest first; only one activity's when `activity_id` is given."""
    where, params = (" WHERE a.activity_id = ?", [activity_id]) if activity_id else ("", [])
    return _shaped(db, ACTION_SQL + where + " ORDER BY a.id DESC", params)


def actions_for_story(db: sqlite_utils.Database, story_id: int) -> list[dict]:
    """The actions that answer this story, for its teller's receipt page (and only theirs)."""
    return _shaped(
        db,
        ACTION_SQL + " JOIN action_stories s ON s.action_id = a.id WHERE s.story_id = ? "
        "ORDER BY a.id",
        [story_id],
    )


def answerable_themes(db: sqlite_utils.Database, approved_only: bool = False) -> list[dict]:
    """The themes an action may answer: every current theme of an activity (only approved
    ones when `approved_only`, for planners, who see published material only), with the
    activity's title, by activity title then label."""
    titles = {a["id"]: a["title"] for a in consent.list_activities(db)}
    shown = {"approved"} if approved_only else None
    themes = [
        {**theme, "activity": titles[theme["activity_id"]]}
        for theme in theme_store.themes_by_id(db).values()
        if theme["status"] != "retired"
        and (shown is None or theme["status"] in shown)
        and theme["activity_id"] in titles
    ]
    return sorted(themes, key=lambda t: (t["activity"], t["label"], t["id"]))


def covered_story_ids(db: sqlite_utils.Database, action_id: int) -> list[int]:
    """The stories an action answers (never shown outside the working database)."""
    return [
        r[0]
        for r in db.execute(
            "SELECT story_id FROM action_stories WHERE action_id = ? ORDER BY story_id",
            [action_id],
        )
    ]


def covered_stories(db: sqlite_utils.Database) -> dict[int, list[int]]:
    """The stories each action answers, by action id (for publishing)."""
    covered: dict[int, list[int]] = {}
    for action_id, story_id in db.execute(
        "SELECT action_id, story_id FROM action_stories ORDER BY action_id, story_id"
    ):
        covered.setdefault(action_id, []).append(story_id)
    return covered


ACTION_SQL = """
SELECT a.*, (SELECT count(*) FROM action_stories s2 WHERE s2.action_id = a.id) AS story_count
FROM actions a
"""


def _priority_titles(db: sqlite_utils.Database) -> dict[tuple[str, str], str]:
    return {(p["framework_id"], p["id"]): p["title"] for p in tag_store.all_priorities(db)}


def _shaped(db: sqlite_utils.Database, sql: str, params: list) -> list[dict]:
    """Actions with the priority's title and their theme's label now, as pages show them."""
    rows = list(db.query(sql, params))
    titles = _priority_titles(db) if any(r["priority_id"] for r in rows) else {}
    labels = theme_store.themes_by_id(db, [r["theme_id"] for r in rows if r["theme_id"]])
    return [
        _shape(
            {
                **row,
                "priority_title": titles.get((row["framework_id"], row["priority_id"])),
                "current_theme_label": labels[row["theme_id"]]["label"]
                if row["theme_id"] in labels
                else None,
            }
        )
        for row in rows
    ]


def _shape(row: dict) -> dict:
    return {
        **row,
        "status_label": STATUSES.get(row["status"], row["status"]),
        "answers": "; ".join(x for x in (row["current_theme_label"], row["priority_title"]) if x),
    }


def on_approved_themes(db: sqlite_utils.Database, rows: list[dict]) -> list[dict]:
    """The actions among `rows` a planner may see: those answering an approved theme or a
    priority alone (planners see approved, published material only)."""
    ids = [row["theme_id"] for row in rows if row["theme_id"] is not None]
    approved = {
        t for t, theme in theme_store.themes_by_id(db, ids).items() if theme["status"] == "approved"
    }
    return [row for row in rows if row["theme_id"] is None or row["theme_id"] in approved]
