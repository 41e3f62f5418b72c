"""What is current in a theme scope: its themes and their members, its latest run, and the
helpers every theme module shares.

Scope: `activity_id=None` means the themes fitted across all activities (rows whose
activity_id IS NULL); an id means that activity's own themes. A theme an analyst has touched
(renamed, approved, marked not for publication, or given a story by hand) is *protected*: a
refit never relabels it or takes its stories away on its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

import consent
from consent import delete_rows, register_cleanup
from nlp.checks import checked_story_ids
from plumbing import db as wdb

Progress = Callable[[float, str], None]


class ThemeError(ValueError):
    """An edit that cannot be made; the message is safe to show and holds no story text."""


@register_cleanup("theme_members")
def _forget_memberships(db: sqlite_utils.Database, story_id: int) -> list[int]:
    """A withdrawn story leaves its themes; returns them, for their keywords to be refreshed.

    Their keywords and machine labels may hold words only this story used: they are marked
    stale (publishing rebuilds them before it builds, `refresh_keywords` clears the mark) and
    a machine label goes back to an analyst for review before a receipt page shows it again.
    Retired themes and refit proposals of its scopes lose their machine words.
    """
    themes = [
        row[0]
        for row in db.execute("SELECT theme_id FROM theme_members WHERE story_id = ?", [story_id])
    ]
    db.execute("DELETE FROM theme_members WHERE story_id = ?", [story_id])
    db.execute(
        "UPDATE themes SET words_stale = 1, label_reviewed = "
        "CASE WHEN label_source = 'model' THEN 0 ELSE label_reviewed END "
        "WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(themes)],
    )
    _forget_retired_and_proposed_words(db, story_id)
    return themes


RETIRED_LABEL = "Retired theme"


def _forget_retired_and_proposed_words(db: sqlite_utils.Database, story_id: int) -> None:
    """In the story's scopes (its activity's, and the one across activities), retired themes
    and refit proposals keep no machine words (keywords, and a proposed theme's name made from
    them): they were counted with the story and are never recomputed. The story also leaves
    the proposals' lists of members and moves. A pending proposal can no longer be applied as
    it stands, so it is superseded and the analyst fits again."""
    facts = consent.story_facts(db, [story_id]).get(story_id)
    activity_id = facts["activity_id"] if facts else None
    db.execute(
        "UPDATE themes SET keywords = '[]', words_stale = 0, label = CASE "
        "WHEN label_source = 'model' THEN ? ELSE label END "
        "WHERE status = 'retired' AND (activity_id IS NULL OR activity_id = ?)",
        [RETIRED_LABEL, activity_id],
    )
    rows = db.execute(
        "SELECT id, status, changes FROM theme_proposals WHERE activity_id IS NULL "
        "OR activity_id = ?",
        [activity_id],
    ).fetchall()
    for proposal_id, status, changes in rows:
        plan = json.loads(changes)
        for item in plan.get("new_themes", []):
            item["keywords"] = []
            item["name"] = None  # made from the keywords by the model: machine words too
        for item in [*plan.get("new_themes", []), *plan.get("additions", [])]:
            item["members"] = [m for m in item.get("members", []) if m[0] != story_id]
        plan["moves"] = [m for m in plan.get("moves", []) if m["story_id"] != story_id]
        db.execute(
            "UPDATE theme_proposals SET changes = ?, status = ? WHERE id = ?",
            [json.dumps(plan), "superseded" if status == "pending" else status, proposal_id],
        )


# And its dot on the theme map.
register_cleanup("theme_points")(delete_rows("theme_points"))


def quiet(fraction: float, message: str = "") -> None:
    """Progress sink for callers that do not report progress."""


def scope_clause(activity_id: int | None) -> tuple[str, list]:
    """The WHERE clause (and its parameter) that keeps one scope's rows."""
    return "activity_id IS ?", [activity_id]


def placeholders(values: list) -> str:
    """One `?` per value, for an IN (...) list."""
    return ",".join("?" * len(values))


def model_root(db: sqlite_utils.Database) -> Path:
    """Saved theme models live beside the working database file."""
    return Path(wdb.path_of(db)).parent / "theme_models"


def activities_with_checked_stories(db: sqlite_utils.Database) -> list[int]:
    """Activities that have at least one checked story, in id order."""
    facts = consent.story_facts(db, checked_story_ids(db))
    return sorted({story["activity_id"] for story in facts.values()})


def current_theme_ids(db: sqlite_utils.Database, activity_id: int | None) -> list[int]:
    """The scope's themes that are not retired, by id."""
    where, params = scope_clause(activity_id)
    return [
        row[0]
        for row in db.execute(
            f"SELECT id FROM themes WHERE {where} AND status != 'retired' ORDER BY id", params
        ).fetchall()
    ]


def memberships(db: sqlite_utils.Database, theme_ids: list[int]) -> dict[int, tuple[int, str]]:
    """story_id -> (theme_id, source) within the given themes."""
    if not theme_ids:
        return {}
    rows = db.execute(
        f"SELECT story_id, theme_id, source FROM theme_members "
        f"WHERE theme_id IN ({placeholders(theme_ids)})",
        theme_ids,
    ).fetchall()
    return {story: (theme, source) for story, theme, source in rows}


def protected_theme_ids(db: sqlite_utils.Database, activity_id: int | None) -> list[int]:
    """The scope's themes an analyst has touched, which no refit changes on its own."""
    where, params = scope_clause(activity_id)
    return [
        row[0]
        for row in db.execute(
            f"""SELECT id FROM themes WHERE {where} AND status != 'retired' AND (
                    status IN ('approved', 'not_for_publication') OR label_source = 'analyst'
                    OR EXISTS (SELECT 1 FROM theme_members m
                               WHERE m.theme_id = themes.id AND m.source = 'analyst'))
                ORDER BY id""",
            params,
        ).fetchall()
    ]


def unthemed_story_ids(db: sqlite_utils.Database, activity_id: int | None = None) -> list[int]:
    """Checked stories in scope that belong to no current theme."""
    themed = memberships(db, current_theme_ids(db, activity_id))
    return [sid for sid in checked_story_ids(db, activity_id) if sid not in themed]


def current_run(db: sqlite_utils.Database, activity_id: int | None = None) -> dict | None:
    """The latest applied run in scope (its model assigns new stories)."""
    where, params = scope_clause(activity_id)
    rows = list(
        db.query(
            f"SELECT * FROM theme_runs WHERE {where} AND status = 'done' ORDER BY id DESC LIMIT 1",
            params,
        )
    )
    return rows[0] if rows else None


def list_runs(db: sqlite_utils.Database, activity_id: int | None = None) -> list[dict]:
    """Every run in scope, newest first, with its status and message."""
    where, params = scope_clause(activity_id)
    return list(db.query(f"SELECT * FROM theme_runs WHERE {where} ORDER BY id DESC", params))


def live_theme(db: sqlite_utils.Database, theme_id: int) -> dict:
    """A theme that is not retired; ThemeError otherwise, for an edit to refuse."""
    rows = list(db.query("SELECT * FROM themes WHERE id = ?", [theme_id]))
    if not rows or rows[0]["status"] == "retired":
        raise ThemeError("There is no such theme (it may have been merged or replaced).")
    return rows[0]


def theme_labels(db: sqlite_utils.Database) -> dict[int, str]:
    """Every theme's label, by id."""
    return dict(db.execute("SELECT id, label FROM themes").fetchall())
