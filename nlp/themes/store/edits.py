"""Analyst edits: rename, approve or hold back, merge, split, and move stories between themes.

Every edit marks what it touches as the analyst's, so no refit undoes it. Edits change rows
only and answer at once: merge, split and move return the themes whose stories changed, and
the caller queues the `refresh_keywords` job for them (recomputing keywords loads the topic
model, which took 15 s on a page's first move).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from consent.text import clean_text
from nlp.themes.store.scope import (
    ThemeError,
    checked_story_ids,
    current_theme_ids,
    live_theme,
    memberships,
    placeholders,
)
from plumbing import db as wdb
from plumbing.clock import now_iso

STATUSES = ("draft", "approved", "not_for_publication")


def rename_theme(
    db: sqlite_utils.Database, theme_id: int, label: str, description: str | None = None
) -> None:
    """Give a theme a human label (and description); refits never change it afterwards. Both
    are kept as stories are (`consent.text.clean_text`): they are published."""
    label = clean_text(label or "").strip()
    if not label:
        raise ThemeError("A theme needs a label.")
    with wdb.write(db):
        live_theme(db, theme_id)
        fields = {
            "label": label[:200],
            "label_source": "analyst",
            "label_reviewed": 1,
            "updated_at": now_iso(),
        }
        if description is not None:
            fields["description"] = clean_text(description).strip()
        db["themes"].update(theme_id, fields)


def set_theme_status(
    db: sqlite_utils.Database, theme_id: int, status: str, by: int | None = None
) -> None:
    """Approve a theme, mark it not for publication, or return it to draft. Approving or
    holding back a theme reviews its label as it stands (receipt pages may show it)."""
    if status not in STATUSES:
        raise ThemeError(f"Status must be one of: {', '.join(STATUSES)}.")
    with wdb.write(db):
        live_theme(db, theme_id)
        fields: dict[str, Any] = {"status": status, "updated_at": now_iso()}
        if status != "draft":
            fields["label_reviewed"] = 1
        if status == "approved":
            fields.update(approved_by=by, approved_at=now_iso())
        else:
            fields.update(approved_by=None, approved_at=None)
        db["themes"].update(theme_id, fields)


def approve_theme(db: sqlite_utils.Database, theme_id: int, by: int | None = None) -> None:
    """Approve a theme for publication."""
    set_theme_status(db, theme_id, "approved", by)


def mark_not_for_publication(
    db: sqlite_utils.Database, theme_id: int, by: int | None = None
) -> None:
    """Keep a theme for internal use only."""
    set_theme_status(db, theme_id, "not_for_publication", by)


def merge_themes(db: sqlite_utils.Database, target_id: int, source_ids: Iterable[int]) -> list[int]:
    """Move every story of the source themes into the target and retire the sources; returns
    the target, whose keywords need refreshing.

    The moved stories count as placed by the analyst, so no refit moves them back.
    """
    sources = [int(s) for s in source_ids if int(s) != target_id]
    if not sources:
        raise ThemeError("Choose at least one other theme to merge.")
    with wdb.write(db):
        target = live_theme(db, target_id)
        for source_id in sources:
            if live_theme(db, source_id)["activity_id"] != target["activity_id"]:
                raise ThemeError("Only themes of the same activity can be merged.")
        marks = placeholders(sources)
        db.execute(
            f"INSERT OR REPLACE INTO theme_members (theme_id, story_id, source, probability) "
            f"SELECT ?, story_id, 'analyst', probability FROM theme_members "
            f"WHERE theme_id IN ({marks})",
            [target_id, *sources],
        )
        db.execute(f"DELETE FROM theme_members WHERE theme_id IN ({marks})", sources)
        db.execute(
            f"UPDATE quotes SET theme_id = ? WHERE theme_id IN ({marks})", [target_id, *sources]
        )
        db.execute(
            f"UPDATE theme_topics SET theme_id = ? WHERE theme_id IN ({marks})",
            [target_id, *sources],
        )
        db.execute(
            f"UPDATE themes SET status = 'retired', updated_at = ? WHERE id IN ({marks})",
            [now_iso(), *sources],
        )
    return [target_id]


def split_theme(
    db: sqlite_utils.Database, theme_id: int, story_ids: Iterable[int], label: str
) -> int:
    """Move the selected stories of a theme into a new theme with the analyst's label; returns
    the new theme's id (its keywords and the old theme's need refreshing)."""
    ids = sorted({int(s) for s in story_ids})
    label = clean_text(label or "").strip()
    if not ids:
        raise ThemeError("Select the stories to split off.")
    if not label:
        raise ThemeError("The new theme needs a label.")
    with wdb.write(db):
        theme = live_theme(db, theme_id)
        members = {
            row[0]
            for row in db.execute(
                "SELECT story_id FROM theme_members WHERE theme_id = ?", [theme_id]
            )
        }
        if not set(ids) <= members:
            raise ThemeError("Only stories of this theme can be split off.")
        if len(ids) == len(members):
            raise ThemeError("Leave at least one story in the theme, or rename it instead.")
        stamp = now_iso()
        new_id = (
            db["themes"]
            .insert(
                {
                    "run_id": theme["run_id"],
                    "activity_id": theme["activity_id"],
                    "label": label[:200],
                    "label_source": "analyst",
                    "label_reviewed": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            .last_pk
        )
        _move(db, ids, theme_id, new_id)
    return new_id


def move_story(db: sqlite_utils.Database, story_id: int, to_theme_id: int) -> list[int]:
    """Put one story in another theme of the same scope, pinned there by the analyst; returns
    the themes it left and joined, whose keywords need refreshing."""
    with wdb.write(db):
        target = live_theme(db, to_theme_id)
        current = memberships(db, current_theme_ids(db, target["activity_id"])).get(story_id)
        if story_id not in checked_story_ids(db, target["activity_id"]):
            raise ThemeError("That story is not a checked story of this activity.")
        _move(db, [story_id], current[0] if current else None, to_theme_id)
        # An analyst's placement settles the story: a held proposal for it is moot.
        db.execute("DELETE FROM theme_pending WHERE story_id = ?", [story_id])
    return [to_theme_id] + ([current[0]] if current else [])


def _move(db: sqlite_utils.Database, story_ids: list[int], from_id: int | None, to_id: int) -> None:
    marks = placeholders(story_ids)
    if from_id is not None:
        db.execute(
            f"DELETE FROM theme_members WHERE theme_id = ? AND story_id IN ({marks})",
            [from_id, *story_ids],
        )
        db.execute(
            f"UPDATE quotes SET theme_id = ? WHERE theme_id = ? AND story_id IN ({marks})",
            [to_id, from_id, *story_ids],
        )
    db["theme_members"].insert_all(
        ({"theme_id": to_id, "story_id": sid, "source": "analyst"} for sid in story_ids),
        pk=("theme_id", "story_id"),
        replace=True,
    )
