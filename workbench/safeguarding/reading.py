"""What the safeguarding lead's pages read: the queue grouped by story, one flag, the overdue
ones, and the count behind the badge.

A flood of flagged stories must leave the queue usable: it is grouped by story (one row per
story, however many signals it raised) and by activity, paged, ordered by what needs someone
first (an urgent flag waiting, then any flag overdue, then the oldest waiting), and nothing is
ever dropped from it. Each flag carries whether its alert reached the lead's inbox.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta

import sqlite_utils

import consent
from plumbing import clock
from workbench import accounts
from workbench.safeguarding.severity import RISK_TO_LIFE, SEVERITIES, only_possible, severity

PAGE_SIZE = 25
_FLAG_SQL = (
    "SELECT f.*, a.status AS alert_status, a.sent_at AS alerted_at, a.error AS alert_error, "
    "a.attempts AS alert_attempts, a.tried_at AS alert_tried_at, "
    "e.status AS escalation_status, e.sent_at AS escalated_at "
    "FROM safeguarding_flags f "
    "LEFT JOIN safeguarding_alerts a ON a.id = f.alert_id "
    "LEFT JOIN safeguarding_alerts e ON e.id = f.escalation_id"
)
# Who took each step (or raised the flag), by the column that holds their user id.
_STEP_NAMES = {
    "acknowledged_by": "acknowledged_by_name",
    "action_by": "action_by_name",
    "closed_by": "closed_by_name",
    "raised_by": "raised_by_name",
}
_STATE_ORDER = (
    "CASE f.state WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 "
    "WHEN 'action_taken' THEN 2 ELSE 3 END"
)


def _described(db: sqlite_utils.Database, flags: list[dict]) -> list[dict]:
    """Flags with what the lead reads beside them: severity, the story's reference, activity and
    channel (consent's facts, never its text) and the names of who raised it and took each
    step."""
    stories = consent.story_facts(db, [f["story_id"] for f in flags])
    titles = {a["id"]: a["title"] for a in consent.list_activities(db)}
    names = accounts.usernames(db, [f[c] for f in flags for c in _STEP_NAMES if f[c]])
    return [
        {
            **flag,
            "severity": severity(flag["signal"]),
            "reference": stories[flag["story_id"]]["reference"],
            "activity_id": stories[flag["story_id"]]["activity_id"],
            "channel": stories[flag["story_id"]]["channel"],
            "activity_title": titles.get(stories[flag["story_id"]]["activity_id"]),
            **{name: names.get(flag[column]) for column, name in _STEP_NAMES.items()},
        }
        for flag in flags
        if flag["story_id"] in stories
    ]


def queue(db: sqlite_utils.Database, include_closed: bool = False) -> list[dict]:
    """Every flag for the safeguarding lead: unacknowledged first, then oldest first."""
    where = "" if include_closed else " WHERE f.state != 'closed'"
    order = f" ORDER BY {_STATE_ORDER}, f.created_at, f.id"
    return _described(db, list(db.query(_FLAG_SQL + where + order)))


def get_flag(db: sqlite_utils.Database, flag_id: int) -> dict | None:
    """One flag as the lead reads it, or None."""
    rows = _described(db, list(db.query(_FLAG_SQL + " WHERE f.id = ?", [flag_id])))
    return rows[0] if rows else None


def flags_by_id(db: sqlite_utils.Database, flag_ids: list[int]) -> list[dict]:
    """These flags as the lead reads them, oldest first (those withdrawn meanwhile left out)."""
    return _described(
        db,
        list(
            db.query(
                f"{_FLAG_SQL} WHERE f.id IN (SELECT value FROM json_each(?)) "
                "ORDER BY f.created_at, f.id",
                [json.dumps(flag_ids)],
            )
        ),
    )


def overdue_condition(
    older_than: timedelta, now: datetime | None = None, urgent_after: timedelta | None = None
) -> tuple[str, list]:
    """SQL (over `safeguarding_flags f`) and its parameters for flags still unacknowledged
    after their time: `older_than` for any flag, `urgent_after` (when given) for urgent ones."""
    moment = now or clock.now()
    sql = "f.state = 'open' AND (f.created_at <= ?"
    params: list = [(moment - older_than).isoformat(timespec="seconds")]
    if urgent_after is not None:
        sql += " OR (f.signal IN (SELECT value FROM json_each(?)) AND f.created_at <= ?)"
        params += [json.dumps(RISK_TO_LIFE), (moment - urgent_after).isoformat(timespec="seconds")]
    return sql + ")", params


def overdue(
    db: sqlite_utils.Database,
    older_than: timedelta,
    now: datetime | None = None,
    urgent_after: timedelta | None = None,
) -> list[dict]:
    """Open (unacknowledged) flags raised more than `older_than` ago, or urgent ones more than
    `urgent_after` ago, oldest first."""
    where, params = overdue_condition(older_than, now, urgent_after)
    return _described(
        db, list(db.query(f"{_FLAG_SQL} WHERE {where} ORDER BY f.created_at, f.id", params))
    )


def overdue_for(
    db: sqlite_utils.Database, limits: Mapping[str, timedelta], now: datetime | None = None
) -> list[dict]:
    """Overdue flags by the limits `severity.overdue_limits` reads from the configuration."""
    return overdue(db, limits["high"], now, urgent_after=limits["urgent"])


def waiting_urgent(db: sqlite_utils.Database) -> int:
    """How many urgent flags no one has acknowledged yet: the number on the lead's badge."""
    return db.execute(
        "SELECT count(*) FROM safeguarding_flags WHERE state = 'open' "
        "AND signal IN (SELECT value FROM json_each(?))",
        [json.dumps(RISK_TO_LIFE)],
    ).fetchone()[0]


def lead_summary(
    db: sqlite_utils.Database, limits: Mapping[str, timedelta], now: datetime | None = None
) -> dict:
    """What the lead's dashboard says at the top: the urgent flags waiting (all of them), the
    overdue ones, and how many waiting flags' alerts the mail server failed to take."""
    waiting = _described(
        db,
        list(
            db.query(
                f"{_FLAG_SQL} WHERE f.state = 'open' "
                "AND f.signal IN (SELECT value FROM json_each(?)) ORDER BY f.created_at, f.id",
                [json.dumps(RISK_TO_LIFE)],
            )
        ),
    )
    failed = db.execute(
        "SELECT count(*), max(a.tried_at), max(a.error) FROM safeguarding_flags f "
        "JOIN safeguarding_alerts a ON a.id = f.alert_id "
        "WHERE f.state = 'open' AND a.status = 'failed'"
    ).fetchone()
    return {
        "urgent": waiting,
        "overdue": overdue_for(db, limits, now),
        "failed": failed[0],
        "last_tried": failed[1],
        "last_error": failed[2],
    }


def story_groups(
    db: sqlite_utils.Database,
    limits: Mapping[str, timedelta],
    activity_id: int | None = None,
    include_closed: bool = False,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    now: datetime | None = None,
) -> dict:
    """One page of the queue, a row per story: its flags, severity, activity and whether it
    waits for someone. Stories with an urgent flag waiting come first (a sure one before one
    resting only on the model's "possible" tier), then those with a
    flag overdue, then the longest waiting; closed stories (when shown) last. Also the count
    of stories per activity, for the activity filter, and the number of pages."""
    where = "" if include_closed else " WHERE f.state != 'closed'"
    light = list(
        db.query(
            "SELECT f.id, f.story_id, f.signal, f.state, f.created_at, f.why "
            f"FROM safeguarding_flags f{where} ORDER BY f.created_at, f.id"
        )
    )
    facts = consent.story_facts(db, sorted({f["story_id"] for f in light}))
    late = {f["id"] for f in overdue_for(db, limits, now)}
    stories: dict[int, dict] = {}
    for flag in light:
        if flag["story_id"] not in facts:
            continue  # withdrawn while this page was read
        group = stories.setdefault(
            flag["story_id"],
            {
                "story_id": flag["story_id"],
                "activity_id": facts[flag["story_id"]]["activity_id"],
                "urgent_waiting": False,
                "sure_urgent_waiting": False,
                "overdue": False,
                "waiting_since": None,
                "open": False,
            },
        )
        waiting = flag["state"] == "open"
        group["urgent_waiting"] |= waiting and severity(flag["signal"]) == "urgent"
        group["sure_urgent_waiting"] |= (
            waiting and severity(flag["signal"]) == "urgent" and not only_possible(flag["why"])
        )
        group["overdue"] |= flag["id"] in late
        group["open"] |= flag["state"] != "closed"
        if waiting and group["waiting_since"] is None:
            group["waiting_since"] = flag["created_at"]
    titles = {a["id"]: a["title"] for a in consent.list_activities(db)}
    by_activity: dict[int, int] = {}
    for group in stories.values():
        by_activity[group["activity_id"]] = by_activity.get(group["activity_id"], 0) + 1
    chosen = [g for g in stories.values() if activity_id is None or g["activity_id"] == activity_id]
    chosen.sort(
        key=lambda g: (
            not g["open"],
            # A sure risk to life before one the model only thinks possible (docs/safeguarding.md)
            not g["sure_urgent_waiting"],
            not g["urgent_waiting"],
            not g["overdue"],
            g["waiting_since"] is None,
            g["waiting_since"] or "",
            g["story_id"],
        )
    )
    pages = max(1, -(-len(chosen) // page_size))
    page = min(max(1, page), pages)
    shown = chosen[(page - 1) * page_size : page * page_size]
    flags = _flags_of(db, [g["story_id"] for g in shown], include_closed)
    rows = []
    for group in shown:
        its = flags.get(group["story_id"], [])
        if not its:
            continue
        rows.append(
            {
                **group,
                "reference": its[0]["reference"],
                "channel": its[0]["channel"],
                "activity_title": titles.get(group["activity_id"]),
                "severity": "urgent" if any(f["severity"] == "urgent" for f in its) else "high",
                "flags": [{**f, "overdue": f["id"] in late} for f in its],
            }
        )
    return {
        "stories": rows,
        "page": page,
        "pages": pages,
        "total_stories": len(chosen),
        "by_activity": sorted(
            ({"id": a, "title": titles.get(a), "stories": n} for a, n in by_activity.items()),
            key=lambda a: (-a["stories"], a["title"] or ""),
        ),
        "severities": SEVERITIES,
    }


def _flags_of(
    db: sqlite_utils.Database, story_ids: list[int], include_closed: bool
) -> dict[int, list[dict]]:
    """The flags of these stories, described, most urgent and earliest first per story."""
    closed = "" if include_closed else " AND f.state != 'closed'"
    rows = _described(
        db,
        list(
            db.query(
                f"{_FLAG_SQL} WHERE f.story_id IN (SELECT value FROM json_each(?)){closed} "
                f"ORDER BY {_STATE_ORDER}, f.created_at, f.id",
                [json.dumps(story_ids)],
            )
        ),
    )
    grouped: dict[int, list[dict]] = {}
    for flag in sorted(rows, key=lambda f: SEVERITIES.index(f["severity"])):
        grouped.setdefault(flag["story_id"], []).append(flag)
    return grouped
