"""Engagement activities and the versioned notice each one shows before a story is told.

The notice is the exact plain-English text a storyteller agreed to. It is stored as a new
version whenever the wording changes, with the sha256 of its text, so every consent can cite
what was shown; the database refuses to alter a notice once a consent cites it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from datetime import date

import sqlite_utils

from consent.errors import ConsentError
from consent.purposes import CHANNELS, PURPOSES
from plumbing import audit
from plumbing import db as wdb
from plumbing.clock import now_iso, today

REQUIRED_TEXT = {
    "title": "Give the activity a title.",
    "purpose": "Say why you are asking people for their stories.",
    "can_influence": "Say what people's stories can influence.",
    "cannot_influence": "Say what cannot be influenced, and why.",
    "how_used": "Say how stories will be used.",
    "who_sees": "Say who will see the stories.",
    "feedback_plan": "Say when and how people will hear back.",
}
OPTIONAL_TEXT = ("partners", "framework_id")
# The same wording in Welsh, each optional: Welsh pages show it where given, English where not.
WELSH_TEXT = tuple(f"{name}_cy" for name in (*REQUIRED_TEXT, "partners"))
MAX_FIELD_CHARS = 4000
MAX_AREA_CHARS = 100
MAX_AREAS = 500


def _parse_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


def _validated(fields: dict, frameworks: Collection[str] | None) -> dict:
    """The activity row to store, or ConsentError listing every problem at once."""
    errors: dict[str, str] = {}
    row: dict = {}
    for name, message in REQUIRED_TEXT.items():
        value = str(fields.get(name) or "").strip()
        if not value:
            errors[name] = message
        elif len(value) > MAX_FIELD_CHARS:
            errors[name] = f"Keep this under {MAX_FIELD_CHARS} characters."
        row[name] = value
    for name in (*OPTIONAL_TEXT, *WELSH_TEXT):
        value = str(fields.get(name) or "").strip()
        if len(value) > MAX_FIELD_CHARS:
            errors[name] = f"Keep this under {MAX_FIELD_CHARS} characters."
        row[name] = value or None
    if row["framework_id"] and frameworks is not None and row["framework_id"] not in frameworks:
        errors["framework_id"] = "Choose a priority framework that exists."
    for name in ("opens_on", "closes_on"):
        parsed = _parse_date(fields.get(name))
        if parsed is None:
            errors[name] = "Give a date as YYYY-MM-DD."
        row[name] = parsed.isoformat() if parsed else None
    if row["opens_on"] and row["closes_on"] and row["closes_on"] < row["opens_on"]:
        errors["closes_on"] = "The closing date must be on or after the opening date."
    feedback = fields.get("feedback_date")
    row["feedback_date"] = None
    if feedback:
        parsed = _parse_date(feedback)
        if parsed is None:
            errors["feedback_date"] = "Give a date as YYYY-MM-DD, or leave it empty."
        else:
            row["feedback_date"] = parsed.isoformat()
    channels = fields.get("channels") or []
    if isinstance(channels, str):
        channels = [channels]
    if not channels:
        errors["channels"] = "Choose at least one way for people to take part."
    elif any(c not in CHANNELS for c in channels):
        errors["channels"] = "Choose channels from the list."
    row["channels"] = json.dumps([c for c in CHANNELS if c in channels])
    row["areas"] = _validated_areas(fields.get("areas"), errors)
    try:
        retention = int(str(fields.get("retention_days", "")).strip())
        if retention <= 0:
            raise ValueError
        row["retention_days"] = retention
    except ValueError:
        errors["retention_days"] = "Give the retention period as a whole number of days."
    if errors:
        raise ConsentError(errors)
    return row


def _validated_areas(value, errors: dict[str, str]) -> str:
    """The areas as a JSON list: one a line (or a list), blanks and repeats dropped."""
    lines = value.splitlines() if isinstance(value, str) else list(value or [])
    areas: list[str] = []
    for line in lines:
        area = " ".join(str(line).split())
        if area and area not in areas:
            areas.append(area)
    if any(len(area) > MAX_AREA_CHARS for area in areas):
        errors["areas"] = f"Keep each area under {MAX_AREA_CHARS} characters."
    elif len(areas) > MAX_AREAS:
        errors["areas"] = f"List at most {MAX_AREAS} areas."
    return json.dumps(areas)


def listed_area(activity: dict, area: str | None) -> str | None:
    """The area if it is one of the activity's listed areas, else None.

    Stories saved before areas were a choice may hold free text; only a listed area is ever
    counted or published.
    """
    area = " ".join((area or "").split())
    return area if area and area in activity["areas"] else None


def notice_sections(activity: dict) -> list[tuple[str, str]]:
    """The plain-English sections every capture form shows before the story, in order."""
    who_sees = activity["who_sees"]
    if activity.get("partners"):
        who_sees += f"\nNamed partners (only if you agree): {activity['partners']}"
    hear_back = activity["feedback_plan"]
    if activity.get("feedback_date"):
        hear_back += f"\nWe aim to report back by {activity['feedback_date']}."
    return [
        ("Why we are asking", activity["purpose"]),
        ("What you can influence", activity["can_influence"]),
        ("What you cannot influence", activity["cannot_influence"]),
        ("How your story will be used", activity["how_used"]),
        ("Who will see it", who_sees),
        ("When you will hear back", hear_back),
        (
            "How long we keep it",
            f"We keep stories for {activity['retention_days']} days, then delete them. You can "
            "change your mind or withdraw your story at any time with your receipt.",
        ),
    ]


def notice_text(activity: dict) -> str:
    """The exact text a storyteller agrees to: the sections and the consent wording."""
    lines = [activity["title"], ""]
    for heading, text in notice_sections(activity):
        lines += [heading, text, ""]
    lines.append("What you can agree to (nothing is ticked for you)")
    for purpose in PURPOSES.values():
        need = "Needed to keep your story." if purpose.required else "Optional."
        lines.append(f"- {purpose.label}: {purpose.description} {need}")
    # What Welsh readers are shown is part of what they agree to: a change to it is a new
    # version too.
    welsh = [(name, activity.get(name)) for name in WELSH_TEXT if activity.get(name)]
    if welsh:
        lines += ["", "Cymraeg"]
        lines += [f"{name}: {text}" for name, text in welsh]
    return "\n".join(lines)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _add_notice(db: sqlite_utils.Database, activity_id: int, version: int, text: str) -> int:
    return (
        db["notices"]
        .insert(
            {
                "activity_id": activity_id,
                "version": version,
                "text": text,
                "sha256": _sha256(text),
                "created_at": now_iso(),
            }
        )
        .last_pk
    )


def create_activity(
    db: sqlite_utils.Database,
    fields: dict,
    created_by: int | None,
    frameworks: Collection[str] | None = None,
) -> int:
    """Create an activity with notice version 1; returns its id. ConsentError on bad fields.

    `frameworks` are the ids of the priority frameworks that exist (nlp keeps them): a
    `framework_id` outside them is refused. Without them the id is not checked.
    """
    row = _validated(fields, frameworks)
    with wdb.write(db):
        activity_id = (
            db["activities"]
            .insert({**row, "created_by": created_by, "created_at": now_iso()})
            .last_pk
        )
        _add_notice(db, activity_id, 1, notice_text(row))
        audit.record(db, f"user:{created_by}", "activity_created", "activity", activity_id)
    return activity_id


def update_activity(
    db: sqlite_utils.Database,
    activity_id: int,
    fields: dict,
    user_id: int,
    frameworks: Collection[str] | None = None,
) -> None:
    """Change an activity; a new notice version when the wording people see changes.
    `frameworks` as for `create_activity`."""
    if get_activity(db, activity_id) is None:
        raise ConsentError({"activity": "There is no such activity."})
    row = _validated(fields, frameworks)
    text = notice_text(row)
    with wdb.write(db):
        db["activities"].update(activity_id, row)
        current = current_notice(db, activity_id)
        detail = None
        if current["sha256"] != _sha256(text):
            _add_notice(db, activity_id, current["version"] + 1, text)
            detail = f"notice version {current['version'] + 1}"
        audit.record(db, f"user:{user_id}", "activity_updated", "activity", activity_id, detail)


def _decoded(row: dict) -> dict:
    activity = dict(row)
    activity["channels"] = json.loads(activity["channels"])
    activity["areas"] = json.loads(activity.get("areas") or "[]")
    now = today().isoformat()
    activity["is_open"] = activity["opens_on"] <= now <= activity["closes_on"]
    return activity


def get_activity(db: sqlite_utils.Database, activity_id: int) -> dict | None:
    """The activity with `channels` as a list and `is_open` for today (UTC), or None."""
    rows = list(db.query("SELECT * FROM activities WHERE id = ?", [activity_id]))
    return _decoded(rows[0]) if rows else None


def list_activities(db: sqlite_utils.Database, open_only: bool = False) -> list[dict]:
    """Every activity, newest first; only those open today when `open_only`."""
    activities = [
        _decoded(row)
        for row in db.query("SELECT * FROM activities ORDER BY opens_on DESC, id DESC")
    ]
    return [a for a in activities if a["is_open"]] if open_only else activities


def is_responsible(db: sqlite_utils.Database, activity_id: int, user_id: int) -> bool:
    """Whether a member of staff answers for an activity: they set it up, or they gathered
    stories for it. Only they may act on its stories for a teller (a new receipt secret)."""
    return bool(
        db.execute(
            "SELECT EXISTS (SELECT 1 FROM activities WHERE id = ? AND created_by = ?) "
            "OR EXISTS (SELECT 1 FROM stories WHERE activity_id = ? AND created_by = ?)",
            [activity_id, user_id, activity_id, user_id],
        ).fetchone()[0]
    )


def current_notice(db: sqlite_utils.Database, activity_id: int) -> dict:
    """The latest notice version of an activity: id, version, text, sha256."""
    rows = list(
        db.query(
            "SELECT id, version, text, sha256 FROM notices WHERE activity_id = ? "
            "ORDER BY version DESC LIMIT 1",
            [activity_id],
        )
    )
    if not rows:
        raise ConsentError({"activity": "There is no such activity."})
    return rows[0]
