"""Reading a published file: the one Datasette serves (its status, themes and history) or one
just built (its quotes and every text value, for the leak check).

With the schema and the metadata's canned queries, the only SQL that speaks to a published
database rather than the working one; it never writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils


def status(published_path: str | Path) -> dict | None:
    """When the served file was built and how many rows each table has; None if none yet."""
    path = Path(published_path)
    if not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        about = dict(conn.execute("SELECT key, value FROM about").fetchall())
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counts = {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return {"built_at": about.get("built_at"), "counts": counts}


def previous(published_path: Path) -> tuple[dict, list[dict]]:
    """The served file's themes and change history; nothing if it is missing or unreadable."""
    if not published_path.exists():
        return {}, []
    try:
        old = sqlite_utils.Database(sqlite3.connect(f"file:{published_path}?mode=ro", uri=True))
    except sqlite3.DatabaseError:
        return {}, []
    try:
        themes = {
            (r["label"], r["activity"]): r["size_band"]
            for r in old.query(
                "SELECT t.label, a.title AS activity, t.size_band FROM themes t "
                "LEFT JOIN activities a ON a.id = t.activity_id"
            )
        }
        history = list(
            old.query(
                "SELECT published_at, change, theme, activity, detail FROM changes "
                "ORDER BY published_at DESC"
            )
        )
    except sqlite3.DatabaseError:
        return {}, []
    finally:
        old.close()
    return themes, history


def quote_texts(out: sqlite_utils.Database) -> list[str]:
    """The text of every quote in a published file."""
    return [row["text"] for row in out.query("SELECT text FROM quotes")]


def text_values(out: sqlite_utils.Database) -> list[str]:
    """Every text value of every table in a published file."""
    values: list[str] = []
    for table in out.table_names():
        for row in out.execute(f"SELECT * FROM [{table}]").fetchall():
            values.extend(v for v in row if isinstance(v, str))
    return values


def about(out: sqlite_utils.Database) -> dict[str, str]:
    """The facts a published file records about itself (key -> value)."""
    return {row["key"]: row["value"] for row in out.query("SELECT key, value FROM about")}


def areas(out: sqlite_utils.Database, totals: frozenset[str]) -> list[tuple[str, str]]:
    """(table, area) for every area named in a published file, leaving out the totals' names."""
    found = [("area_counts", r["area"]) for r in out.query("SELECT DISTINCT area FROM area_counts")]
    found += [
        ("reach_counts", r["community_group"])
        for r in out.query(
            "SELECT DISTINCT community_group FROM reach_counts WHERE characteristic = 'Area'"
        )
    ]
    return [(table, area) for table, area in found if area not in totals]
