"""What the review pages read: themes with sizes, excerpts and trends, one theme with its
members and quotes, the theme map and sizes over time."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

import sqlite_utils

import consent
from nlp.themes.store.quotes import quote_consents
from nlp.themes.store.scope import ThemeError, current_theme_ids, placeholders, scope_clause
from plumbing import db as wdb

EXCERPT_CHARS = 240

REPRESENTATIVE_EXCERPTS = 3


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a text, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def list_themes(
    db: sqlite_utils.Database, activity_id: int | None = None, include_retired: bool = False
) -> list[dict]:
    """Themes in scope, largest first: id, label, description, status, label_source,
    keywords, size, excerpts (representative anonymised excerpts) and monthly counts
    ({'YYYY-MM': n}) for a trend."""
    where, params = scope_clause(activity_id)
    status_filter = "" if include_retired else " AND status != 'retired'"
    rows = list(db.query(f"SELECT * FROM themes WHERE {where}{status_filter}", params))
    members = _members_by_theme(db, [row["id"] for row in rows])
    result = []
    for row in rows:
        listed = members.get(row["id"], [])
        result.append(
            {
                **_theme_fields(row),
                "size": len(listed),
                "excerpts": [
                    {"story_id": sid, "text": excerpt(text)}
                    for sid, text, _month in listed[:REPRESENTATIVE_EXCERPTS]
                ],
                "monthly": dict(sorted(Counter(month for _s, _t, month in listed).items())),
            }
        )
    return sorted(result, key=lambda t: (-t["size"], t["id"]))


def _members_by_theme(db: sqlite_utils.Database, theme_ids: list[int]) -> dict[int, list[tuple]]:
    """Each theme's members with a checked anonymisation, most representative first, as
    (story_id, text, 'YYYY-MM'), in one query for all themes; the text only for the
    representative few, so a page listing large themes does not read every story."""
    rows = db.execute(
        "SELECT theme_id, story_id, CASE WHEN rank <= ? THEN text END FROM ("
        " SELECT m.theme_id, m.story_id, a.text,"
        "  row_number() OVER (PARTITION BY m.theme_id ORDER BY m.probability IS NULL,"
        "   m.probability DESC, m.story_id) AS rank"
        " FROM theme_members m"
        " JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked'"
        " WHERE m.theme_id IN (SELECT value FROM json_each(?))"
        ") ORDER BY theme_id, rank",
        [REPRESENTATIVE_EXCERPTS, json.dumps(theme_ids)],
    ).fetchall()
    received = consent.received_at(db, (story_id for _theme, story_id, _text in rows))
    grouped: dict[int, list[tuple]] = {}
    for theme_id, story_id, text in rows:
        if story_id in received:
            grouped.setdefault(theme_id, []).append((story_id, text, received[story_id][:7]))
    return grouped


def _theme_fields(row: dict) -> dict:
    return {
        "id": row["id"],
        "activity_id": row["activity_id"],
        "run_id": row["run_id"],
        "label": row["label"],
        "description": row["description"],
        "status": row["status"],
        "label_source": row["label_source"],
        "label_reviewed": bool(row["label_reviewed"]) and not row["words_stale"],
        "keywords": json.loads(row["keywords"] or "[]"),
        "approved_by": row["approved_by"],
        "approved_at": row["approved_at"],
        "updated_at": row["updated_at"],
    }


def theme_detail(
    db: sqlite_utils.Database,
    theme_id: int,
    page: int = 1,
    per_page: int | None = None,
    around: int | None = None,
) -> dict:
    """One theme with its members (excerpt, how placed, whether quotable and under which
    consent) and its chosen quotes.

    With `per_page`, `members` holds one page of them, most representative first (a theme can
    hold hundreds of stories, and each row carries forms); `size` and `monthly` always count
    every member. `page` is clamped to the pages there are; `around`, a member's story id,
    chooses the page that lists that story instead (the theme map links to a story this way).
    """
    rows = list(db.query("SELECT * FROM themes WHERE id = ?", [theme_id]))
    if not rows:
        raise ThemeError("There is no such theme.")
    ranked = [
        row[0]
        for row in db.execute(
            "SELECT m.story_id FROM theme_members m "
            "JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked' "
            "WHERE m.theme_id = ? ORDER BY m.probability IS NULL, m.probability DESC, m.story_id",
            [theme_id],
        )
    ]
    received = consent.received_at(db, ranked)
    ordered = [(story_id, received[story_id]) for story_id in ranked if story_id in received]
    pages = max(1, -(-len(ordered) // per_page)) if per_page else 1
    shown = [story_id for story_id, _created in ordered]
    if per_page and around in shown:
        page = shown.index(around) // per_page + 1
    page = min(max(1, page), pages)
    if per_page:
        shown = shown[(page - 1) * per_page : page * per_page]
    members = _member_rows(db, theme_id, shown)
    quotes = list(db.query("SELECT * FROM quotes WHERE theme_id = ? ORDER BY id", [theme_id]))
    consents = quote_consents(db, [row["story_id"] for row in members + quotes])
    for member in members:
        member["consent"] = consents.get(member["story_id"])
        member["quotable"] = member["consent"] is not None
        member["excerpt"] = excerpt(member["text"])
    for quote in quotes:
        quote["consent"] = consents.get(quote["story_id"])
    months = Counter(created[:7] for _story_id, created in ordered)
    return {
        **_theme_fields(rows[0]),
        "size": len(ordered),
        "members": members,
        "page": page,
        "pages": pages,
        "quotes": quotes,
        "monthly": dict(sorted(months.items())),
    }


def _member_rows(db: sqlite_utils.Database, theme_id: int, story_ids: list[int]) -> list[dict]:
    """The listed members' rows, in the order given."""
    facts = consent.story_facts(db, story_ids)
    found = {
        row["story_id"]: row
        for row in db.query(
            "SELECT m.story_id, m.source, m.probability, a.text "
            "FROM theme_members m "
            "JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked' "
            "WHERE m.theme_id = ? AND m.story_id IN (SELECT value FROM json_each(?))",
            [theme_id, json.dumps(story_ids)],
        )
    }
    return [
        {
            "story_id": story_id,
            "source": found[story_id]["source"],
            "probability": found[story_id]["probability"],
            "reference": facts[story_id]["reference"],
            "created_at": facts[story_id]["created_at"],
            "text": found[story_id]["text"],
        }
        for story_id in story_ids
        if story_id in found and story_id in facts
    ]


def theme_map(db: sqlite_utils.Database, activity_id: int | None = None) -> list[dict]:
    """Map points of the themed stories in scope: story_id, x, y (0..1), theme_id, label."""
    ids = current_theme_ids(db, activity_id)
    if not ids:
        return []
    return list(
        db.query(
            "SELECT p.story_id, p.x, p.y, m.theme_id, t.label FROM theme_points p "
            "JOIN theme_members m ON m.story_id = p.story_id "
            f"JOIN themes t ON t.id = m.theme_id WHERE m.theme_id IN ({placeholders(ids)}) "
            "ORDER BY m.theme_id, p.story_id",
            ids,
        )
    )


def sizes_over_time(db: sqlite_utils.Database, activity_id: int | None = None) -> dict:
    """Stories per theme per month: {'months': [...], 'series': [{theme_id, label,
    counts}]}, months without stories included so the trend has no gaps."""
    listed = list_themes(db, activity_id)
    found = sorted({m for t in listed for m in t["monthly"]})
    months = _month_range(found[0], found[-1]) if found else []
    return {
        "months": months,
        "series": [
            {
                "theme_id": t["id"],
                "label": t["label"],
                "counts": [t["monthly"].get(m, 0) for m in months],
            }
            for t in listed
        ],
    }


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def story_themes(db: sqlite_utils.Database, story_id: int) -> list[dict]:
    """The current (not retired) themes a story is in, by id: id, label, status,
    `label_reviewed` (an analyst has seen the label as it is, and no withdrawal has made it
    stale since) and `published` (the story is counted in the published file now served)."""
    return list(
        db.query(
            "SELECT t.id, t.label, t.status, t.label_reviewed AND NOT t.words_stale "
            "AS label_reviewed, m.published FROM theme_members m JOIN themes t "
            "ON t.id = m.theme_id WHERE m.story_id = ? AND t.status != 'retired' ORDER BY t.id",
            [story_id],
        )
    )


def themes_by_id(
    db: sqlite_utils.Database, theme_ids: Iterable[int] | None = None
) -> dict[int, dict]:
    """Themes (all, or those given, retired ones included) by id: id, activity_id, label,
    description, keywords (a list), status, label_source ("model" or "analyst") and
    label_reviewed (an analyst has seen the label as it is now)."""
    where, params = _among("id", theme_ids)
    return {
        row["id"]: {
            **row,
            "keywords": json.loads(row["keywords"] or "[]"),
            "label_reviewed": bool(row["label_reviewed"]),
        }
        for row in db.query(
            "SELECT id, activity_id, label, description, keywords, status, label_source, "
            f"label_reviewed AND NOT words_stale AS label_reviewed FROM themes{where}",
            params,
        )
    }


def members(
    db: sqlite_utils.Database, theme_ids: Iterable[int] | None = None
) -> dict[int, list[int]]:
    """The stories in each theme (all themes, or those given), by theme id."""
    where, params = _among("theme_id", theme_ids)
    found: dict[int, list[int]] = {}
    for theme_id, story_id in db.execute(
        f"SELECT theme_id, story_id FROM theme_members{where} ORDER BY theme_id, story_id", params
    ):
        found.setdefault(theme_id, []).append(story_id)
    return found


def _among(column: str, theme_ids: Iterable[int] | None) -> tuple[str, list]:
    """A WHERE clause keeping rows whose `column` is one of the themes (all when None)."""
    if theme_ids is None:
        return "", []
    return f" WHERE {column} IN (SELECT value FROM json_each(?))", [
        json.dumps(sorted(set(theme_ids)))
    ]


def mark_published(db: sqlite_utils.Database, members: dict[int, Iterable[int]]) -> None:
    """Record which stories of which themes the published file now served counts (and that
    no other is), so a receipt says "published" only once it is true."""
    pairs = [[theme_id, story_id] for theme_id, ids in members.items() for story_id in ids]
    with wdb.write(db):
        db.execute("UPDATE theme_members SET published = 0 WHERE published = 1")
        db.execute(
            "UPDATE theme_members SET published = 1 WHERE (theme_id, story_id) IN "
            "(SELECT value ->> 0, value ->> 1 FROM json_each(?))",
            [json.dumps(pairs)],
        )
