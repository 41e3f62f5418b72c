"""Changes held for an analyst: approved themes change only when an analyst accepts.

A newly checked story the model places in an approved theme, or a refit that would add a story
to an approved theme or take one out of it, is recorded here instead of in `theme_members`.
Publishing reads `theme_members` only, so nothing held reaches the published file. The theme's
page lists what is held; accepting moves the stories (and the caller re-publishes), rejecting
leaves them where they were and keeps the decision, so the same placement is not offered again
until a refit proposes it afresh.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

import consent
from consent import delete_rows, register_cleanup
from nlp.themes.store.scope import ThemeError, checked_story_ids, current_theme_ids, live_theme
from plumbing import db as wdb
from plumbing.clock import now_iso

# A withdrawn story's held change goes with it; no theme's membership changes by that.
register_cleanup("theme_pending")(delete_rows("theme_pending"))


def approved_ids(db: sqlite_utils.Database, theme_ids: Iterable[int]) -> set[int]:
    """Those of the given themes that are approved."""
    return {
        row[0]
        for row in db.execute(
            "SELECT id FROM themes WHERE status = 'approved' "
            "AND id IN (SELECT value FROM json_each(?))",
            [_json_ids(theme_ids)],
        )
    }


def hold(db: sqlite_utils.Database, changes: list[dict], origin: str, run_id: int | None) -> None:
    """Record changes for review inside the caller's transaction. Each change is a dict with
    story_id, to_theme_id, from_theme_id (or None) and probability; a story's newer change
    replaces its older one."""
    stamp = now_iso()
    db["theme_pending"].insert_all(
        (
            {
                "story_id": change["story_id"],
                "to_theme_id": change["to_theme_id"],
                "from_theme_id": change.get("from_theme_id"),
                "probability": change.get("probability"),
                "origin": origin,
                "run_id": run_id,
                "status": "pending",
                "created_at": stamp,
            }
            for change in changes
        ),
        pk="story_id",
        replace=True,
    )


def held_story_ids(db: sqlite_utils.Database) -> set[int]:
    """Stories with a change awaiting review or already turned down: placing new stories
    leaves them alone (the analyst has them, or has said no)."""
    return {row[0] for row in db.execute("SELECT story_id FROM theme_pending")}


def pending_counts(db: sqlite_utils.Database, activity_id: int | None) -> dict[int, int]:
    """theme_id -> how many held changes would add stories to it or take stories from it."""
    ids = current_theme_ids(db, activity_id)
    counts: dict[int, int] = {}
    for to_id, from_id in db.execute(
        "SELECT to_theme_id, from_theme_id FROM theme_pending WHERE status = 'pending'"
    ):
        for theme_id in {to_id, from_id} & set(ids):
            counts[theme_id] = counts.get(theme_id, 0) + 1
    return counts


def proposed_changes(db: sqlite_utils.Database, theme_id: int) -> dict:
    """What is held for one theme: `joining` and `leaving` rows with story_id, reference,
    text (anonymised), origin, probability and the other theme's id and label."""
    rows = list(
        db.query(
            "SELECT p.story_id, p.to_theme_id, p.from_theme_id, p.origin, p.probability, "
            "p.created_at, a.text, tt.label AS to_label, ft.label AS from_label "
            "FROM theme_pending p "
            "JOIN anonymisations a ON a.story_id = p.story_id AND a.status = 'checked' "
            "JOIN themes tt ON tt.id = p.to_theme_id "
            "LEFT JOIN themes ft ON ft.id = p.from_theme_id "
            "WHERE p.status = 'pending' AND (p.to_theme_id = ? OR p.from_theme_id = ?) "
            "ORDER BY p.probability IS NULL, p.probability DESC, p.story_id",
            [theme_id, theme_id],
        )
    )
    facts = consent.story_facts(db, [row["story_id"] for row in rows])
    joining, leaving = [], []
    for row in rows:
        if row["story_id"] not in facts:
            continue
        item = {
            "story_id": row["story_id"],
            "reference": facts[row["story_id"]]["reference"],
            "text": row["text"],
            "origin": row["origin"],
            "probability": row["probability"],
            "created_at": row["created_at"],
        }
        if row["to_theme_id"] == theme_id:
            joining.append({**item, "other_id": row["from_theme_id"], "other": row["from_label"]})
        else:
            leaving.append({**item, "other_id": row["to_theme_id"], "other": row["to_label"]})
    return {"joining": joining, "leaving": leaving}


def accept_changes(
    db: sqlite_utils.Database,
    theme_id: int,
    story_ids: Iterable[int] | None = None,
) -> list[int]:
    """Carry out the held changes of a theme (all, or those of the given stories): each story
    leaves its current theme of the scope and joins the proposed one. Returns the themes whose
    membership changed, for their keywords to be refreshed and, if approved, re-published."""
    with wdb.write(db):
        theme = live_theme(db, theme_id)
        rows = _chosen(db, theme_id, story_ids)
        if not rows:
            raise ThemeError("There are no proposed changes to accept for this theme.")
        scope = current_theme_ids(db, theme["activity_id"])
        checked = set(checked_story_ids(db, theme["activity_id"]))
        changed: set[int] = set()
        for story_id, to_id, _from_id, probability in rows:
            if to_id not in scope or story_id not in checked:
                continue  # merged away, or the story's text is being checked again
            held_in = [
                row[0]
                for row in db.execute(
                    "SELECT theme_id FROM theme_members WHERE story_id = ? "
                    "AND theme_id IN (SELECT value FROM json_each(?))",
                    [story_id, _json_ids(scope)],
                )
            ]
            db.execute(
                "DELETE FROM theme_members WHERE story_id = ? "
                "AND theme_id IN (SELECT value FROM json_each(?))",
                [story_id, _json_ids(scope)],
            )
            db["theme_members"].insert(
                {
                    "theme_id": to_id,
                    "story_id": story_id,
                    "source": "model",
                    "probability": probability,
                },
                replace=True,
            )
            changed.update([to_id, *held_in])
        db.execute(
            "DELETE FROM theme_pending WHERE story_id IN (SELECT value FROM json_each(?))",
            [_json_ids(row[0] for row in rows)],
        )
    return sorted(changed)


def reject_changes(
    db: sqlite_utils.Database,
    theme_id: int,
    story_ids: Iterable[int] | None = None,
    by: int | None = None,
) -> int:
    """Turn down the held changes of a theme (all, or those of the given stories): the stories
    stay where they are. Returns how many were turned down."""
    with wdb.write(db):
        live_theme(db, theme_id)
        rows = _chosen(db, theme_id, story_ids)
        if not rows:
            raise ThemeError("There are no proposed changes to turn down for this theme.")
        db.execute(
            "UPDATE theme_pending SET status = 'rejected', decided_by = ?, decided_at = ? "
            "WHERE story_id IN (SELECT value FROM json_each(?))",
            [by, now_iso(), _json_ids(row[0] for row in rows)],
        )
    return len(rows)


def _chosen(db: sqlite_utils.Database, theme_id: int, story_ids: Iterable[int] | None) -> list:
    """(story_id, to, from, probability) of the theme's pending changes, all or those asked."""
    rows = db.execute(
        "SELECT story_id, to_theme_id, from_theme_id, probability FROM theme_pending "
        "WHERE status = 'pending' AND (to_theme_id = ? OR from_theme_id = ?) ORDER BY story_id",
        [theme_id, theme_id],
    ).fetchall()
    if story_ids is None:
        return rows
    wanted = {int(s) for s in story_ids}
    return [row for row in rows if row[0] in wanted]


def _json_ids(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"
