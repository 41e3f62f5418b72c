"""Row ids that are never given out twice, for tables whose rows are deleted.

Why: SQLite gives a new row the largest id in its table plus one, so deleting the newest row (a
withdrawn story, and its safeguarding flags with it) hands that id to the next row. Anything
that still names the old id then names someone else's: a check page opened before the
withdrawal was confirmed onto the next teller's story, unread, and her name reached the
published quotes; audit entries and alert e-mails about a flag pointed at another flag. A
table made `never_reuse` keeps the largest id it ever gave (a trigger writes it to
`id_high_water`), and its inserts take `next_id`.
"""

from __future__ import annotations

import sqlite_utils

# Created by plumbing's migration m010; one row per table whose ids are never reused.
HIGH_WATER_TABLE = "id_high_water"


def never_reuse(db: sqlite_utils.Database, table: str) -> None:
    """Remember the largest id `table` has given, now and on every insert (a migration step)."""
    db.execute(
        f"INSERT INTO {HIGH_WATER_TABLE} (name, last) "
        f"SELECT ?, coalesce(max(id), 0) FROM {table} WHERE true "
        "ON CONFLICT(name) DO UPDATE SET last = max(last, excluded.last)",
        [table],
    )
    db.execute(
        f"CREATE TRIGGER {table}_high_water AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {HIGH_WATER_TABLE} (name, last) VALUES ('{table}', NEW.id) "
        "ON CONFLICT(name) DO UPDATE SET last = max(last, excluded.last); END"
    )


def next_id(db: sqlite_utils.Database, table: str) -> int:
    """The id for a new row of `table`: above every id it has ever given. Call inside the
    write transaction that inserts the row (it begins IMMEDIATE, so no other writer races)."""
    return db.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0), "
        f"coalesce((SELECT last FROM {HIGH_WATER_TABLE} WHERE name = ?), 0)) + 1",
        [table],
    ).fetchone()[0]
