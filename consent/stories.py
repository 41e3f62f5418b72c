"""What other packages may read of a story and its consents, and what the stages may do to it.

Other packages call these functions, never the consent tables. Facts about a story carry no
text; the original text is read only by the stages that must (anonymisation, the safeguarding
lead) and forgotten when the retention policy says so. The consent rules (who agreed to what)
are applied here, once: a caller asking for contact details or equality answers gets only those
the storyteller agreed to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

from consent.purposes import EQUALITY_QUESTIONS
from plumbing import db as wdb

FACTS = "id, activity_id, reference, channel, service, setting, area, created_at, created_by"
CONTACT = "story_id, name, email, phone, postal_address, language"


def _ids(story_ids: Iterable[int]) -> str:
    """Story ids as one JSON parameter: any number of them, without building SQL from values."""
    return json.dumps(sorted({int(s) for s in story_ids}))


def _among(column: str, story_ids: Iterable[int] | None) -> tuple[str, list]:
    if story_ids is None:
        return "", []
    return f" AND {column} IN (SELECT value FROM json_each(?))", [_ids(story_ids)]


def story_ids(db: sqlite_utils.Database, activity_id: int | None = None) -> list[int]:
    """Every story's id (or one activity's), in the order they were received."""
    where, params = (
        ("WHERE activity_id = ?", [activity_id]) if activity_id is not None else ("", [])
    )
    return [row[0] for row in db.execute(f"SELECT id FROM stories {where} ORDER BY id", params)]


def story_facts(
    db: sqlite_utils.Database, story_ids: Iterable[int] | None = None
) -> dict[int, dict]:
    """What may be shown about each story (all, or those given) without its text: id,
    activity_id, reference, channel, service, setting, area, created_at and created_by."""
    among, params = _among("id", story_ids)
    return {
        row["id"]: row
        for row in db.query(f"SELECT {FACTS} FROM stories WHERE 1{among} ORDER BY id", params)
    }


def received_at(db: sqlite_utils.Database, story_ids: Iterable[int]) -> dict[int, str]:
    """When each given story was received (UTC, ISO 8601), by id: trends count by month."""
    return dict(
        db.execute(
            "SELECT id, created_at FROM stories WHERE id IN (SELECT value FROM json_each(?))",
            [_ids(story_ids)],
        ).fetchall()
    )


def original_text(db: sqlite_utils.Database, story_id: int) -> str | None:
    """The story as told, while the retention policy keeps it; LookupError if no such story."""
    row = db.execute("SELECT text FROM stories WHERE id = ?", [story_id]).fetchone()
    if row is None:
        raise LookupError(f"no story {story_id}")
    return row[0]


def original_texts(db: sqlite_utils.Database) -> dict[int, str]:
    """Every original text still kept, by story id (for the leak check before publishing)."""
    return dict(db.execute("SELECT id, text FROM stories WHERE text IS NOT NULL").fetchall())


def stories_with_original(db: sqlite_utils.Database, activity_id: int | None = None) -> list[int]:
    """Stories (all, or one activity's) whose original text is still kept, by id."""
    where, params = (" AND activity_id = ?", [activity_id]) if activity_id is not None else ("", [])
    return [
        row[0]
        for row in db.execute(
            f"SELECT id FROM stories WHERE text IS NOT NULL{where} ORDER BY id", params
        )
    ]


def forget_original(db: sqlite_utils.Database, story_id: int) -> None:
    """Delete the original text once a person has checked its anonymisation; joins the
    caller's transaction."""
    with wdb.write(db):
        db.execute("UPDATE stories SET text = NULL WHERE id = ?", [story_id])


def granted(db: sqlite_utils.Database, story_id: int, purpose: str) -> bool:
    """Whether the storyteller agreed to `purpose` (and has not withdrawn it)."""
    return bool(granted_story_ids(db, purpose, [story_id]))


def granted_story_ids(
    db: sqlite_utils.Database, purpose: str, story_ids: Iterable[int] | None = None
) -> set[int]:
    """The stories (all, or among those given) whose tellers agreed to `purpose`."""
    among, params = _among("story_id", story_ids)
    return {
        row[0]
        for row in db.execute(
            f"SELECT story_id FROM consents WHERE purpose = ? AND granted = 1{among}",
            [purpose, *params],
        )
    }


def consent_records(
    db: sqlite_utils.Database, story_ids: Iterable[int], purpose: str
) -> dict[int, dict]:
    """How each storyteller who agreed to `purpose` agreed: purpose, method, recorded_at and
    the notice version they saw. Only stories with the consent granted are keys."""
    rows = db.execute(
        "SELECT c.story_id, c.purpose, c.method, c.recorded_at, n.version "
        "FROM consents c LEFT JOIN notices n ON n.id = c.notice_id "
        "WHERE c.story_id IN (SELECT value FROM json_each(?)) AND c.purpose = ? "
        "AND c.granted = 1",
        [_ids(story_ids), purpose],
    ).fetchall()
    fields = ("purpose", "method", "recorded_at", "notice_version")
    return {row[0]: dict(zip(fields, row[1:], strict=True)) for row in rows}


def contact_details(
    db: sqlite_utils.Database, story_ids: Iterable[int] | None = None
) -> dict[int, dict]:
    """The contact details kept (all, or for the stories given): name, email, phone,
    postal_address and language. They are kept only while the teller agrees to contact."""
    among, params = _among("story_id", story_ids)
    return {
        row["story_id"]: row
        for row in db.query(f"SELECT {CONTACT} FROM contacts WHERE 1{among}", params)
    }


def contactable(
    db: sqlite_utils.Database, story_ids: Iterable[int] | None = None
) -> dict[int, dict]:
    """Contact details of the tellers who agreed to hear what changed, with their story's
    reference (updates name the receipt): the only details an update may be sent to."""
    among, params = _among("k.story_id", story_ids)
    return {
        row["story_id"]: row
        for row in db.query(
            "SELECT k.story_id, s.reference, k.name, k.email, k.phone, k.postal_address, "
            "k.language FROM contacts k JOIN stories s ON s.id = k.story_id "
            "JOIN consents c ON c.story_id = k.story_id AND c.purpose = 'contact' "
            f"AND c.granted = 1 WHERE 1{among}",
            params,
        )
    }


def equality_answers(
    db: sqlite_utils.Database, story_ids: Iterable[int] | None = None
) -> dict[int, dict]:
    """Equality monitoring answers, only of tellers who agreed to their use (all stories, or
    those given), by story id; each maps every question to its answer or None."""
    columns = ", ".join(f"e.{name}" for name in EQUALITY_QUESTIONS)
    among, params = _among("e.story_id", story_ids)
    return {
        row.pop("story_id"): row
        for row in db.query(
            f"SELECT e.story_id, {columns} FROM equality_answers e "
            "JOIN consents c ON c.story_id = e.story_id AND c.purpose = 'equality_monitoring' "
            f"AND c.granted = 1 WHERE 1{among}",
            params,
        )
    }


def withdrawn_references(db: sqlite_utils.Database) -> list[str]:
    """The receipt references of withdrawn stories, which their tombstones keep."""
    return [row[0] for row in db.execute("SELECT reference FROM withdrawals ORDER BY reference")]
