"""Build the published database: approved, de-identified themes, counts and quotes only.

The file is built beside the served one, checked (integrity and leaks), then swapped in with
`os.replace`, so Datasette never sees a half-built file.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from workbench.jobs import job

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class LeakError(RuntimeError):
    """The built file contains something that must never be published."""


def metadata_path(published: str | Path) -> Path:
    published = Path(published)
    return published.with_name(published.stem + ".metadata.json")


def metadata() -> dict:
    """Datasette metadata: what planners are looking at, its licence and its source."""
    return {
        "title": "Story Workbench: what people told us",
        "description": (
            "Themes, counts and quotes from people's stories about health and care, published "
            "only after an analyst approved them and only where storytellers consented. Stories "
            "are anonymised and small numbers are suppressed."
        ),
        "license": LICENCE,
        "license_url": LICENCE_URL,
        "source": "Story Workbench",
        "databases": {
            "published": {
                "tables": {
                    "activities": {
                        "description": "Engagement activities: why we asked, and what could "
                        "and could not be influenced."
                    },
                    "themes": {"description": "Approved themes with their keywords."},
                    "quotes": {
                        "description": "Anonymised excerpts chosen by analysts from stories "
                        "whose tellers agreed to publication."
                    },
                }
            }
        },
    }


def build(db: sqlite_utils.Database, published_path: str | Path) -> dict:
    """Build, check and atomically swap in the published database; returns row counts."""
    published_path = Path(published_path)
    published_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=".publishing-", suffix=".db", dir=published_path.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        out = sqlite_utils.Database(tmp)
        counts = _write_tables(db, out)
        _check(db, out)
        out.conn.commit()
        out.close()
        os.replace(tmp, published_path)
        metadata_path(published_path).write_text(json.dumps(metadata(), indent=2))
    finally:
        tmp.unlink(missing_ok=True)
    return counts


def _write_tables(db: sqlite_utils.Database, out: sqlite_utils.Database) -> dict:
    activities = list(
        db.query(
            "SELECT id, title, purpose, can_influence, cannot_influence, feedback_plan, "
            "feedback_date FROM activities ORDER BY id"
        )
    )
    public_activity = {row["id"]: n for n, row in enumerate(activities, start=1)}
    out["activities"].insert_all(
        [{**{k: v for k, v in row.items() if k != "id"}, "id": public_activity[row["id"]]}
         for row in activities],
        pk="id",
        columns={"id": int, "title": str, "purpose": str, "can_influence": str,
                 "cannot_influence": str, "feedback_plan": str, "feedback_date": str},
    )
    themes = list(
        db.query(
            "SELECT t.id, t.activity_id, t.label, t.description, t.keywords, "
            "(SELECT count(*) FROM theme_members m WHERE m.theme_id = t.id) AS size "
            "FROM themes t WHERE t.status = 'approved' ORDER BY t.id"
        )
    )
    public_theme = {row["id"]: n for n, row in enumerate(themes, start=1)}
    out["themes"].insert_all(
        [
            {
                "id": public_theme[row["id"]],
                "activity_id": public_activity.get(row["activity_id"]),
                "label": row["label"],
                "description": row["description"],
                "size_band": size_band(row["size"]),
                "keywords": ", ".join(json.loads(row["keywords"] or "[]")),
            }
            for row in themes
        ],
        pk="id",
        columns={"id": int, "activity_id": int, "label": str, "description": str,
                 "size_band": str, "keywords": str},
        foreign_keys=[("activity_id", "activities", "id")],
    )
    quotes = list(
        db.query(
            "SELECT q.theme_id, q.text FROM quotes q "
            "JOIN themes t ON t.id = q.theme_id AND t.status = 'approved' "
            "JOIN consents c ON c.story_id = q.story_id AND c.purpose = 'publish_quotes' "
            "AND c.granted = 1 "
            "JOIN consents a ON a.story_id = q.story_id AND a.purpose = 'analysis' "
            "AND a.granted = 1 "
            "JOIN anonymisations n ON n.story_id = q.story_id AND n.status = 'checked' "
            "ORDER BY q.theme_id, q.id"
        )
    )
    out["quotes"].insert_all(
        [{"theme_id": public_theme[q["theme_id"]], "text": q["text"]} for q in quotes],
        columns={"theme_id": int, "text": str},
        foreign_keys=[("theme_id", "themes", "id")],
    )
    out["about"].insert(
        {"key": "built_at", "value": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")},
        pk="key",
    )
    return {"activities": len(activities), "themes": len(themes), "quotes": len(quotes)}


def size_band(n: int) -> str:
    """Bands rather than exact sizes, so a theme's size cannot single anyone out."""
    if n < 5:
        return "<5"
    if n < 10:
        return "5-9"
    if n < 25:
        return "10-24"
    if n < 50:
        return "25-49"
    if n < 100:
        return "50-99"
    return "100+"


def _check(db: sqlite_utils.Database, out: sqlite_utils.Database) -> None:
    if out.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise LeakError("integrity check failed")
    forbidden_tables = {"stories", "consents", "contacts", "equality_answers", "users"}
    if forbidden_tables & set(out.table_names()):
        raise LeakError("a working table was copied")
    references = {r["reference"] for r in db.query("SELECT reference FROM stories")}
    raw = [r["text"] for r in db.query("SELECT text FROM stories WHERE text IS NOT NULL")]
    for table in out.table_names():
        for row in out[table].rows:
            for value in row.values():
                if not isinstance(value, str):
                    continue
                if value in references or any(len(t) > 40 and t in value for t in raw):
                    raise LeakError(f"working data found in published table {table}")


@job("publish")
def publish_job(db: sqlite_utils.Database, progress, published_path: str) -> None:
    progress(0.1, "building")
    build(db, published_path)
    progress(1.0, "published")
