"""The append-only audit log: who did what, when (UTC), to which object.

Never story text, secrets or tokens: callers pass ids and short fixed words.
"""

from __future__ import annotations

import sqlite_utils

from plumbing import db as wdb
from plumbing.clock import now_iso


def record(
    db: sqlite_utils.Database,
    actor: str,
    action: str,
    object_type: str | None = None,
    object_id: str | int | None = None,
    detail: str | None = None,
) -> None:
    """Append one event; joins the caller's transaction when there is one."""
    with wdb.write(db):
        db["audit_log"].insert(
            {
                "at": now_iso(),
                "actor": actor,
                "action": action,
                "object_type": object_type,
                "object_id": None if object_id is None else str(object_id),
                "detail": detail,
            }
        )


def recent(db: sqlite_utils.Database, limit: int = 100) -> list[dict]:
    """The latest events, newest first."""
    return list(db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit]))
