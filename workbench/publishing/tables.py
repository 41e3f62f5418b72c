"""Read the working database and produce the published tables' rows.

Only approved themes count, only stories whose tellers agreed to analysis (and whose
anonymisation a person checked) are counted, and only quotes whose tellers also agreed to
publication are quoted. Public ids are numbered afresh in a meaningful order (activities by
opening date, themes by size), so nothing can be joined back to the working database.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable

import sqlite_utils

from workbench import suppression
from workbench.publishing.feedback_rows import feedback_rows
from workbench.publishing.schema import (
    ALL_AREAS,
    ALL_CHANNELS,
    ALL_GROUPS,
    ALL_MONTHS,
    ALL_PRIORITIES,
    ALL_THEMES,
)

COUNTED_TAG_STATES = ("confirmed", "proposed")
# Equality questions published in aggregate; postcode district is left out because places are
# covered by `area` and a district beside a theme narrows people down too far.
CHARACTERISTICS = (
    ("age_band", "Age"),
    ("sex", "Sex"),
    ("gender_identity", "Gender identity"),
    ("ethnicity", "Ethnicity"),
    ("disability", "Disability"),
    ("religion", "Religion or belief"),
    ("sexual_orientation", "Sexual orientation"),
    ("carer", "Carer"),
)
TONE_BANDS = (
    (-2.0, "mostly critical"),
    (-0.5, "more critical than positive"),
    (0.5, "mixed"),
    (2.0, "more positive than critical"),
)

PUBLISHABLE_STORIES = """
SELECT s.id, s.activity_id, s.channel, s.area, substr(s.created_at, 1, 7) AS month
FROM stories s
JOIN consents c ON c.story_id = s.id AND c.purpose = 'analysis' AND c.granted = 1
JOIN anonymisations a ON a.story_id = s.id AND a.status = 'checked'
"""


def published_rows(
    db: sqlite_utils.Database, k: int = suppression.DEFAULT_K
) -> dict[str, list[dict]]:
    """Every published table's rows (except `changes` and `about`), keyed by table name."""
    stories = {row["id"]: row for row in db.query(PUBLISHABLE_STORIES)}
    activities = _activities(db)
    activity_ids = {row.pop("working_id"): row["id"] for row in activities}
    priorities = _priorities(db)
    priority_ids = {row.pop("working_key"): row["id"] for row in priorities}
    priority_titles = {row["id"]: row["title"] for row in priorities}

    members: dict[int, list[int]] = defaultdict(list)
    for row in db.query(
        "SELECT m.theme_id, m.story_id FROM theme_members m "
        "JOIN themes t ON t.id = m.theme_id AND t.status = 'approved'"
    ):
        if row["story_id"] in stories:
            members[row["theme_id"]].append(row["story_id"])
    story_tags = _story_tags(db, stories, priority_ids)
    themes, theme_ids = _themes(db, members, stories, story_tags, activity_ids, priority_titles, k)

    ordered_members = {theme_ids[w]: members[w] for w in theme_ids}
    return {
        "activities": activities,
        "priorities": priorities,
        "themes": themes,
        "theme_priorities": _theme_priorities(ordered_members, story_tags),
        "quotes": _quotes(db, stories, story_tags, theme_ids, priority_titles),
        "theme_counts": _theme_counts(ordered_members, stories, story_tags, priority_titles, k),
        "community_counts": _community_counts(db, themes, ordered_members, k),
        "area_counts": _area_counts(themes, ordered_members, stories, k),
        **feedback_rows(db, stories, activity_ids, theme_ids, k),
    }


def size_band(n: int) -> str:
    """Bands rather than exact sizes, so a theme's size cannot single anyone out."""
    for upper, band in ((5, "<5"), (10, "5-9"), (25, "10-24"), (50, "25-49"), (100, "50-99")):
        if n < upper:
            return band
    return "100+"


def tone(scores: list[float], k: int = suppression.DEFAULT_K) -> str | None:
    """A theme's mean criticality as words; None when fewer than k stories were scored."""
    if len(scores) < k:
        return None
    mean = sum(scores) / len(scores)
    for upper, band in TONE_BANDS:
        if mean < upper:
            return band
    return "mostly positive"


def _activities(db: sqlite_utils.Database) -> list[dict]:
    rows = db.query(
        "SELECT a.id, a.title, a.purpose, a.can_influence, a.cannot_influence, a.feedback_plan, "
        "a.feedback_date, a.opens_on, a.closes_on, f.title AS framework "
        "FROM activities a LEFT JOIN frameworks f ON f.id = a.framework_id "
        "ORDER BY a.opens_on, a.title, a.id"
    )
    return [
        {
            "working_id": row["id"],
            "id": n,
            "title": row["title"],
            "purpose": row["purpose"],
            "could_influence": row["can_influence"],
            "could_not_influence": row["cannot_influence"],
            "feedback_plan": row["feedback_plan"],
            "feedback_date": row["feedback_date"],
            "opened": (row["opens_on"] or "")[:7],
            "closed": (row["closes_on"] or "")[:7],
            "priority_framework": row["framework"],
        }
        for n, row in enumerate(rows, start=1)
    ]


def _priorities(db: sqlite_utils.Database) -> list[dict]:
    rows = db.query(
        "SELECT p.framework_id, p.id, p.title, p.description, f.title AS framework "
        "FROM priorities p JOIN frameworks f ON f.id = p.framework_id "
        "ORDER BY f.title, p.title, p.id"
    )
    return [
        {
            "working_key": (row["framework_id"], row["id"]),
            "id": n,
            "framework": row["framework"],
            "code": row["id"],
            "title": row["title"],
            "description": row["description"],
        }
        for n, row in enumerate(rows, start=1)
    ]


def _story_tags(
    db: sqlite_utils.Database, stories: dict[int, dict], priority_ids: dict
) -> dict[int, dict[int, str]]:
    """Story -> {public priority id: tag state}, counting confirmed and proposed tags."""
    tags: dict[int, dict[int, str]] = defaultdict(dict)
    placeholders = ", ".join("?" for _ in COUNTED_TAG_STATES)
    for row in db.query(
        f"SELECT story_id, framework_id, priority_id, state FROM tags "
        f"WHERE state IN ({placeholders})",
        COUNTED_TAG_STATES,
    ):
        public = priority_ids.get((row["framework_id"], row["priority_id"]))
        if row["story_id"] in stories and public is not None:
            tags[row["story_id"]][public] = row["state"]
    return tags


def _themes(db, members, stories, story_tags, activity_ids, priority_titles, k):
    scores: dict[int, float] = {
        row["story_id"]: row["score"] for row in db.query("SELECT story_id, score FROM criticality")
    }
    working = [
        row
        for row in db.query(
            "SELECT id, activity_id, label, description, keywords FROM themes "
            "WHERE status = 'approved'"
        )
        if members.get(row["id"])
    ]
    working.sort(key=lambda row: (-len(members[row["id"]]), row["label"], row["id"]))
    themes, theme_ids = [], {}
    for n, row in enumerate(working, start=1):
        ids = members[row["id"]]
        months = sorted(stories[s]["month"] for s in ids if stories[s]["month"])
        priority_counts = Counter(p for s in ids for p in story_tags.get(s, {}))
        theme_ids[row["id"]] = n
        themes.append(
            {
                "id": n,
                "activity_id": activity_ids.get(row["activity_id"]),
                "label": row["label"],
                "description": row["description"],
                "size_band": size_band(len(ids)),
                "keywords": ", ".join(json.loads(row["keywords"] or "[]")),
                "priorities": "; ".join(
                    priority_titles[p]
                    for p, _ in sorted(priority_counts.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
                "first_month": months[0] if months else None,
                "last_month": months[-1] if months else None,
                "tone": tone([scores[s] for s in ids if s in scores], k),
            }
        )
    return themes, theme_ids


def _theme_priorities(members: dict[int, list[int]], story_tags) -> list[dict]:
    rows = []
    for theme_id, ids in members.items():
        states: dict[int, set[str]] = defaultdict(set)
        for story in ids:
            for priority, state in story_tags.get(story, {}).items():
                states[priority].add(state)
        for priority in sorted(states):
            confirmed = "confirmed" in states[priority]
            rows.append(
                {
                    "theme_id": theme_id,
                    "priority_id": priority,
                    "evidence": "confirmed by an analyst"
                    if confirmed
                    else "suggested by the model",
                }
            )
    return rows


def _quotes(db, stories, story_tags, theme_ids, priority_titles) -> list[dict]:
    """Chosen excerpts from stories whose tellers agreed to publication.

    A quote that still contains its teller's reference or contact details is left out here;
    the leak check would refuse the whole publish otherwise.
    """
    contacts = {
        row["story_id"]: [v for v in (row["name"], row["email"], row["phone"]) if v]
        for row in db.query("SELECT story_id, name, email, phone FROM contacts")
    }
    references = {
        row["id"]: row["reference"] for row in db.query("SELECT id, reference FROM stories")
    }
    rows = []
    for quote in db.query(
        "SELECT q.theme_id, q.story_id, q.text FROM quotes q "
        "JOIN consents c ON c.story_id = q.story_id AND c.purpose = 'publish_quotes' "
        "AND c.granted = 1"
    ):
        story = quote["story_id"]
        if quote["theme_id"] not in theme_ids or story not in stories:
            continue
        identifiers = [references.get(story), *contacts.get(story, [])]
        if any(value and value.strip() and value.strip() in quote["text"] for value in identifiers):
            continue
        rows.append(
            {
                "theme_id": theme_ids[quote["theme_id"]],
                "text": quote["text"],
                "priorities": "; ".join(
                    priority_titles[p] for p in sorted(story_tags.get(story, {}))
                ),
                "month": stories[story]["month"] or None,
            }
        )
    rows.sort(key=lambda row: (row["theme_id"], row["text"]))
    for n, row in enumerate(rows, start=1):
        row["id"] = n
    return rows


def _theme_counts(members, stories, story_tags, priority_titles, k) -> list[dict]:
    """Theme x priority x channel x month, each (theme, priority) a table with its totals."""
    rows = []
    for theme_id, ids in members.items():
        months = sorted({stories[s]["month"] or "unknown" for s in ids})
        channels = sorted({stories[s]["channel"] for s in ids})
        slices: dict[int | None, list[int]] = {None: ids}
        for story in ids:
            for priority in story_tags.get(story, {}):
                slices.setdefault(priority, []).append(story)
        for priority, slice_ids in sorted(
            slices.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0)
        ):
            counts = Counter(
                (stories[s]["month"] or "unknown", stories[s]["channel"]) for s in slice_ids
            )
            grid = [[counts[(m, c)] for c in channels] for m in months]
            label = priority_titles[priority] if priority is not None else ALL_PRIORITIES
            for cell in _cells(grid, months, channels, ALL_MONTHS, ALL_CHANNELS, k):
                month, channel, stories_shown = cell
                rows.append(
                    {
                        "theme_id": theme_id,
                        "priority_id": priority,
                        "priority": label,
                        "channel": channel,
                        "month": month,
                        "stories": stories_shown,
                    }
                )
    return rows


def _community_counts(db, themes, members, k) -> list[dict]:
    """Theme x community group for each equality question, from consenting answers only."""
    columns = ", ".join(f"e.{name}" for name, _ in CHARACTERISTICS)
    answers = {
        row["story_id"]: row
        for row in db.query(
            f"SELECT e.story_id, {columns} FROM equality_answers e "
            "JOIN consents c ON c.story_id = e.story_id AND c.purpose = 'equality_monitoring' "
            "AND c.granted = 1"
        )
    }
    labels = [theme["label"] for theme in themes]
    theme_ids = [theme["id"] for theme in themes]
    rows = []
    for column, characteristic in CHARACTERISTICS:
        counts = Counter(
            (theme_id, str(answers[s][column]).strip())
            for theme_id, ids in members.items()
            for s in ids
            if s in answers and answers[s][column] and str(answers[s][column]).strip()
        )
        groups = sorted({group for _, group in counts})
        if not groups:
            continue
        grid = [[counts[(t, g)] for g in groups] for t in theme_ids]
        for theme_index, group, shown in _cells(
            grid, list(range(len(themes))), groups, None, ALL_GROUPS, k
        ):
            rows.append(
                {
                    "theme_id": theme_ids[theme_index] if theme_index is not None else None,
                    "theme": labels[theme_index] if theme_index is not None else ALL_THEMES,
                    "characteristic": characteristic,
                    "community_group": group,
                    "stories": shown,
                }
            )
    return rows


def _area_counts(themes, members, stories, k) -> list[dict]:
    counts = Counter(
        (theme_id, stories[s]["area"].strip())
        for theme_id, ids in members.items()
        for s in ids
        if stories[s]["area"] and stories[s]["area"].strip()
    )
    areas = sorted({area for _, area in counts})
    if not areas:
        return []
    theme_ids = [theme["id"] for theme in themes]
    grid = [[counts[(t, a)] for a in areas] for t in theme_ids]
    return [
        {
            "theme_id": theme_ids[theme_index] if theme_index is not None else None,
            "theme": themes[theme_index]["label"] if theme_index is not None else ALL_THEMES,
            "area": area,
            "stories": shown,
        }
        for theme_index, area, shown in _cells(
            grid, list(range(len(themes))), areas, None, ALL_AREAS, k
        )
    ]


def _cells(
    grid: list[list[int]], row_keys: list, column_keys: list, row_total_key, column_total_key, k
) -> Iterable[tuple]:
    """(row key, column key, shown count) for every non-zero or withheld entry and the totals.

    Zero cells are left out (a planner reads a missing row as none); a withheld zero is kept,
    since leaving it out would give it away.
    """
    table = suppression.suppress(grid, k)
    r, c = len(row_keys), len(column_keys)
    for i in range(r + 1):
        for j in range(c + 1):
            if i < r and j < c:
                true, shown = grid[i][j], table.cells[i][j]
            elif i < r:
                true, shown = sum(grid[i]), table.row_totals[i]
            elif j < c:
                true, shown = sum(row[j] for row in grid), table.column_totals[j]
            else:
                true, shown = sum(map(sum, grid)), table.total
            if true == 0 and shown is not None:
                continue
            yield (
                row_keys[i] if i < r else row_total_key,
                column_keys[j] if j < c else column_total_key,
                suppression.display(shown, (i, j), table, k),
            )
