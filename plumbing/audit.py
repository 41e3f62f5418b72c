"""The append-only audit log: who did what, when (UTC), to which object.

Never story text, secrets or tokens: callers pass ids and short fixed words.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Search:
    """What to look for in the log; every field left empty matches everything.

    `actor` is exact (`user:3`, `storyteller`, `system`). A story is found by its ids (events
    about `story` objects) and by its receipt `reference`: events about that `reference`
    object (a failed receipt attempt) and events of the `reference_actions` whose detail
    names it (the withdrawal that removed the story). Naming those actions keeps the search
    on an index instead of reading every detail in the log. `since` and `until` are UTC ISO
    8601 bounds, the first inclusive and the second exclusive.
    """

    actor: str | None = None
    action: str | None = None
    story_ids: tuple[int, ...] = ()
    reference: str | None = None
    reference_actions: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None


def _where(search: Search) -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []

    def given(clause: str, value: str | None) -> None:
        """A one-parameter condition, only for a field the search fills in."""
        if value:
            clauses.append(clause)
            params.append(value)

    given("actor = ?", search.actor)
    given("action = ?", search.action)
    if search.story_ids or search.reference:
        story = [
            "(object_type = 'story' AND object_id IN (SELECT value FROM json_each(?)))",
            "(object_type = 'reference' AND object_id = ?)",
            "(action IN (SELECT value FROM json_each(?)) AND instr(detail, ?) > 0)",
        ]
        clauses.append("(" + " OR ".join(story) + ")")
        reference = search.reference or "\x00"  # matches nothing when only ids are given
        params += [
            json.dumps([str(i) for i in search.story_ids]),
            reference,
            json.dumps(list(search.reference_actions)),
            reference,
        ]
    given("at >= ?", search.since)
    given("at < ?", search.until)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def search(
    db: sqlite_utils.Database, where: Search, before_id: int | None = None, limit: int = 200
) -> list[dict]:
    """One page of matching events, newest first: those older than event `before_id` when
    given, so a page links to the next by the last id it showed."""
    sql, params = _where(where)
    if before_id is not None:
        sql += (" AND " if sql else " WHERE ") + "id < ?"
        params.append(before_id)
    return list(
        db.query(f"SELECT * FROM audit_log{sql} ORDER BY id DESC LIMIT ?", [*params, limit])
    )


def every_match(db: sqlite_utils.Database, where: Search) -> Iterator[dict]:
    """Every matching event, newest first, read as it is consumed (for exports)."""
    sql, params = _where(where)
    yield from db.query(f"SELECT * FROM audit_log{sql} ORDER BY id DESC", params)


def distinct_values(db: sqlite_utils.Database, column: str) -> list[str]:
    """The actions (or actors) the log holds, sorted, to choose from when searching."""
    if column not in ("action", "actor"):
        raise ValueError(f"not a searchable column: {column}")
    return [row[0] for row in db.execute(f"SELECT DISTINCT {column} FROM audit_log ORDER BY 1")]
