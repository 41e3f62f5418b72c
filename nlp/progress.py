"""Where each story is on the data path, derived from the tables rather than stored twice.

received → anonymised → checked → in a theme → published (its theme approved).
"""

from __future__ import annotations

import sqlite_utils

STAGES = ("received", "anonymised", "checked", "in a theme", "published")

_STAGE_SQL = """
SELECT s.id AS story_id,
  CASE
    WHEN EXISTS (SELECT 1 FROM theme_members m JOIN themes t ON t.id = m.theme_id
                 WHERE m.story_id = s.id AND t.status = 'approved') THEN 'published'
    WHEN EXISTS (SELECT 1 FROM theme_members m WHERE m.story_id = s.id) THEN 'in a theme'
    WHEN a.status = 'checked' THEN 'checked'
    WHEN a.status = 'ready' THEN 'anonymised'
    ELSE 'received'
  END AS stage
FROM stories s LEFT JOIN anonymisations a ON a.story_id = s.id
"""


def story_stage(db: sqlite_utils.Database, story_id: int) -> str | None:
    """The stage of one story, or None if there is no such story."""
    rows = list(db.query(_STAGE_SQL + " WHERE s.id = ?", [story_id]))
    return rows[0]["stage"] if rows else None


def counts(db: sqlite_utils.Database, activity_id: int | None = None) -> dict[str, int]:
    """How many stories are at each stage (every stage present, zero or not)."""
    sql = f"SELECT stage, count(*) AS n FROM ({_STAGE_SQL}"
    params: list = []
    if activity_id is not None:
        sql += " WHERE s.activity_id = ?"
        params.append(activity_id)
    sql += ") GROUP BY stage"
    found = {row["stage"]: row["n"] for row in db.query(sql, params)}
    return {stage: found.get(stage, 0) for stage in STAGES}
