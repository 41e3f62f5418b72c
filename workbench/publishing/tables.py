"""Read the working database and produce the published tables' rows.

Only approved themes count, only stories whose tellers agreed to analysis (and whose
anonymisation a person checked) are counted, and only quotes whose tellers also agreed to
publication are quoted. Public ids are numbered afresh in a meaningful order (activities by
opening date, themes by size), so nothing can be joined back to the working database. Every
row comes through the packages' APIs: consent says who agreed to what, nlp what was found.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import sqlite_utils

import consent
from nlp import checks
from nlp.priorities import list_frameworks
from nlp.tagging import store as tag_store
from nlp.themes import store as theme_store
from workbench import suppression
from workbench.publishing.bands import size_band, tone
from workbench.publishing.feedback_rows import feedback_rows
from workbench.publishing.schema import (
    ALL_AREAS,
    ALL_CHANNELS,
    ALL_GROUPS,
    ALL_MONTHS,
    ALL_PRIORITIES,
    ALL_THEMES,
)

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


def published_rows(
    db: sqlite_utils.Database, k: int = suppression.DEFAULT_K
) -> dict[str, list[dict]]:
    """Every published table's rows (except `changes` and `about`), keyed by table name."""
    return published_rows_and_members(db, k)[0]


def published_rows_and_members(
    db: sqlite_utils.Database, k: int = suppression.DEFAULT_K
) -> tuple[dict[str, list[dict]], dict[int, list[int]]]:
    """`published_rows`, and the stories each published theme counts (working ids), which
    receipts are told of once the file is served."""
    stories = publishable_stories(db, k)
    activities = _activities(db)
    activity_ids = {row.pop("working_id"): row["id"] for row in activities}
    priorities = _priorities(db)
    priority_ids = {row.pop("working_key"): row["id"] for row in priorities}
    priority_titles = {row["id"]: row["title"] for row in priorities}

    approved = [
        t for t, theme in theme_store.themes_by_id(db).items() if theme["status"] == "approved"
    ]
    members: dict[int, list[int]] = defaultdict(list)
    for theme_id, story_ids in theme_store.members(db, approved).items():
        members[theme_id] = [s for s in story_ids if s in stories]
    story_tags = _story_tags(db, stories, priority_ids)
    themes, theme_ids = _themes(db, members, stories, story_tags, activity_ids, priority_titles, k)

    ordered_members = {theme_ids[w]: members[w] for w in theme_ids}
    rows = {
        "activities": activities,
        "priorities": priorities,
        "themes": themes,
        "theme_priorities": _theme_priorities(ordered_members, story_tags, k),
        "quotes": _quotes(db, stories, story_tags, theme_ids, priority_titles),
        "theme_counts": _theme_counts(ordered_members, stories, story_tags, priority_titles, k),
        "community_counts": _community_counts(db, themes, ordered_members, k),
        "area_counts": _area_counts(themes, ordered_members, stories, k),
        **feedback_rows(db, stories, activity_ids, theme_ids, k),
    }
    return rows, {w: members[w] for w in theme_ids}


def publishable_stories(
    db: sqlite_utils.Database, k: int = suppression.DEFAULT_K
) -> dict[int, dict]:
    """Stories whose tellers agreed to analysis and whose anonymisation a person checked, by id:
    activity_id, channel, area and month (YYYY-MM).

    `area` is None unless it is one of its activity's listed areas (older stories may hold
    free text) and at least k publishable stories share it: an area few people name can point
    at one of them.
    """
    agreed = consent.granted_story_ids(db, "analysis", checks.checked_story_ids(db))
    activities = {a["id"]: a for a in consent.list_activities(db)}
    stories = {
        story_id: {
            "id": story_id,
            "activity_id": story["activity_id"],
            # Published in words ("In person"), never as the working code ("in_person").
            "channel": consent.CHANNELS.get(story["channel"], story["channel"]),
            "area": consent.listed_area(activities[story["activity_id"]], story["area"]),
            "month": (story["created_at"] or "")[:7],
        }
        for story_id, story in consent.story_facts(db, agreed).items()
    }
    shared = Counter(story["area"] for story in stories.values() if story["area"])
    for story in stories.values():
        if shared[story["area"]] < k:
            story["area"] = None
    return stories


def _activities(db: sqlite_utils.Database) -> list[dict]:
    frameworks = {f["id"]: f["title"] for f in list_frameworks(db)}
    rows = sorted(
        (
            {**activity, "framework": frameworks.get(activity["framework_id"])}
            for activity in consent.list_activities(db)
        ),
        key=lambda a: (a["opens_on"], a["title"], a["id"]),
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
    rows = tag_store.all_priorities(db)
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
    for row in tag_store.counted_tags(db):
        public = priority_ids.get((row["framework_id"], row["priority_id"]))
        if row["story_id"] in stories and public is not None:
            tags[row["story_id"]][public] = row["state"]
    return tags


def _themes(db, members, stories, story_tags, activity_ids, priority_titles, k):
    scores = tag_store.criticality_for_stories(db, list(stories))
    working = [
        row
        for row in theme_store.themes_by_id(db).values()
        if row["status"] == "approved" and members.get(row["id"])
    ]
    working.sort(key=lambda row: (-len(members[row["id"]]), row["label"], row["id"]))
    themes, theme_ids = [], {}
    for n, row in enumerate(working, start=1):
        ids = members[row["id"]]
        months = sorted(stories[s]["month"] for s in ids if stories[s]["month"])
        shares = tag_store.shared_priorities(ids, story_tags)
        theme_ids[row["id"]] = n
        themes.append(
            {
                "id": n,
                # Both popped before writing (the leak check refuses the columns): they let
                # "What changed" tell a theme an analyst renamed from a new one.
                "working_id": row["id"],
                "label_source": row["label_source"],
                "activity_id": activity_ids.get(row["activity_id"]),
                # A machine label no analyst has seen as it is (rebuilt after a withdrawal)
                # waits for review before it is published (found by probing).
                "label": row["label"]
                if row["label_reviewed"]
                else f"Theme {n} (name under review)",
                "description": row["description"],
                "size_band": size_band(len(ids)),
                "keywords": ", ".join(row["keywords"]),
                "priorities": "; ".join(
                    priority_titles[p]
                    for p, _ in sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
                "first_month": months[0] if months else None,
                "last_month": months[-1] if months else None,
                "tone": tone([scores[s] for s in ids if s in scores], k),
            }
        )
    return themes, theme_ids


# The share of a theme's stories that carry a priority, published as a band: an exact
# percentage beside the theme's size band gave the count away (27 % of a theme of 10-24
# stories can only be 3 of 11, 4 of 15 or 6 of 22; 87 % beside it pinned 15).
SHARE_BANDS = (
    (0.75, "three quarters or more"),
    (0.5, "half to three quarters"),
    (0.0, "a quarter to a half"),
)


def _share_band(share: float) -> str:
    return next(words for floor, words in SHARE_BANDS if share >= floor)


def _theme_priorities(members: dict[int, list[int]], story_tags, k: int) -> list[dict]:
    """A theme's priorities: only those enough of its stories carry
    (`tag_store.THEME_PRIORITY_SHARE`) and at least `k` of them (the count tables withhold
    fewer), each with its share as a band and how it is known."""
    rows = []
    for theme_id, ids in members.items():
        shares = tag_store.shared_priorities(ids, story_tags)
        for priority in sorted(shares):
            carrying = sum(1 for s in ids if priority in story_tags.get(s, {}))
            if carrying < k:
                continue
            confirmed = any(story_tags.get(s, {}).get(priority) == "confirmed" for s in ids)
            how = "confirmed by an analyst" if confirmed else "suggested by the model"
            rows.append(
                {
                    "theme_id": theme_id,
                    "priority_id": priority,
                    "evidence": f"{_share_band(shares[priority])} of its stories; {how}",
                }
            )
    return rows


def _quotes(db, stories, story_tags, theme_ids, priority_titles) -> list[dict]:
    """Chosen excerpts from stories whose tellers agreed to publication.

    A quote that still contains its teller's reference or contact details is left out here;
    the leak check would refuse the whole publish otherwise.
    """
    contacts = {
        story_id: [v for v in (row["name"], row["email"], row["phone"]) if v]
        for story_id, row in consent.contact_details(db).items()
    }
    references = {story_id: row["reference"] for story_id, row in consent.story_facts(db).items()}
    quotable = consent.granted_story_ids(db, "publish_quotes")
    rows = []
    for quote in theme_store.quotes(db):
        story = quote["story_id"]
        if quote["theme_id"] not in theme_ids or story not in stories or story not in quotable:
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
            # The grand total is the theme's size (or could be): published only as a band.
            forced = {(len(months), len(channels))}
            for cell in _cells(grid, months, channels, ALL_MONTHS, ALL_CHANNELS, k, forced):
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
    answers = consent.equality_answers(db)
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
            grid, list(range(len(themes))), groups, None, ALL_GROUPS, k, _theme_totals(grid)
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
        (theme_id, stories[s]["area"])
        for theme_id, ids in members.items()
        for s in ids
        if stories[s]["area"]
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
            grid, list(range(len(themes))), areas, None, ALL_AREAS, k, _theme_totals(grid)
        )
    ]


def _theme_totals(grid: list[list[int]]) -> set[tuple[int, int]]:
    """Each theme row's total: when every story answered, it is the theme's size, which is
    published only as a band."""
    return {(i, len(grid[0])) for i in range(len(grid))}


def _cells(
    grid: list[list[int]],
    row_keys: list,
    column_keys: list,
    row_total_key,
    column_total_key,
    k,
    forced: set[tuple[int, int]],
) -> Iterable[tuple]:
    """(row key, column key, shown count) for every non-zero or withheld entry and the totals.

    Zero cells are left out (a planner reads a missing row as none); a withheld zero is kept,
    since leaving it out would give it away. `forced` grid positions are always withheld.
    """
    table = suppression.suppress(grid, k, forced)
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
                suppression.display(shown),
            )
