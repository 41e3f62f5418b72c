"""What the planner pages show, read from the published database.

The queries are fixed and the shaping is plain functions, tested without Datasette.
"""

from __future__ import annotations

from collections import OrderedDict

from markupsafe import Markup

from datasette_plugins import breakdowns, filters, spc
from datasette_plugins.charts import bar_chart, spc_chart

TOP_THEMES = 3
# The published tables' total rows (see workbench/publishing/schema.py; not imported, as the
# plugin depends on no workbench package).
ALL_AREAS, ALL_GROUPS = "All areas", "All groups"


def top_themes_per_priority(rows: list[dict], limit: int = TOP_THEMES) -> list[dict]:
    """Group (priority, theme) rows, ordered largest theme first, into each priority's top few.

    Rows carry `priority_id`, `priority`, `theme_id`, `label`, `size_band` and `evidence`;
    themes are numbered largest first, so the lowest theme ids come first.
    """
    grouped: OrderedDict[int, dict] = OrderedDict()
    for row in sorted(rows, key=lambda r: (r["priority"], -_rank(r), r["theme_id"])):
        entry = grouped.setdefault(
            row["priority_id"], {"id": row["priority_id"], "title": row["priority"], "themes": []}
        )
        if len(entry["themes"]) < limit:
            entry["themes"].append(row)
    return list(grouped.values())


def _rank(row: dict) -> float:
    """How many of the theme's stories are on this priority, where published: a theme with
    more stories on the priority ranks above a bigger theme that only touches it. A withheld
    count ranks below every shown one (it is under k, or protects one that is)."""
    count = row.get("on_priority")
    return count if isinstance(count, int) else 0.5 if count else 0


def chart_items(rows: list[dict], label_key: str) -> list[tuple[str, int | str]]:
    """(label, count) pairs for a chart from published count rows."""
    return [(str(row[label_key]), row["stories"]) for row in rows]


def community_charts(rows: list[dict]) -> list[tuple[str, Markup]]:
    """(heading, chart) for each equality question, in the order the rows come."""
    by_characteristic: OrderedDict[str, list] = OrderedDict()
    for row in rows:
        by_characteristic.setdefault(row["characteristic"], []).append(
            (row["community_group"], row["stories"])
        )
    return [
        (name, bar_chart(f"Stories by {name.lower()}", items))
        for name, items in by_characteristic.items()
    ]


async def _rows(database, sql: str, params: list | None = None) -> list[dict]:
    results = await database.execute(sql, params or [])
    return [dict(row) for row in results.rows]


async def _rows_if_published(database, table: str, sql: str, params: list | None = None):
    """Rows from a table that a file published before it existed does not have."""
    if not await database.table_exists(table):
        return []
    return await _rows(database, sql, params)


def under_heard_by_activity(rows: list[dict]) -> dict[int, list[str]]:
    """Activity id -> "Characteristic: group" for each group marked under-heard."""
    found: dict[int, list[str]] = {}
    for row in rows:
        found.setdefault(row["activity_id"], []).append(
            f"{row['characteristic']}: {row['community_group']}"
        )
    return found


async def home_context(database, keep: set[int] | None = None, chosen=None) -> dict:
    """Activities (with under-heard groups), the top themes for each priority, and actions.

    `keep` (theme ids) and `chosen` (a `filters.Chosen`) narrow the page to a filtered view.
    """
    activities = await _rows(database, "SELECT * FROM activities ORDER BY opened DESC, title")
    if chosen is not None and chosen.activity is not None:
        activities = [a for a in activities if a["id"] == chosen.activity]
    under_heard = under_heard_by_activity(
        await _rows_if_published(
            database,
            "reach_counts",
            "SELECT activity_id, characteristic, community_group FROM reach_counts "
            "WHERE heard = 'under-heard' ORDER BY activity_id, characteristic, community_group",
        )
    )
    for activity in activities:
        activity["under_heard"] = under_heard.get(activity["id"], [])
    action_counts = {
        r["theme_id"]: r["n"]
        for r in await _rows_if_published(
            database,
            "action_themes",
            "SELECT theme_id, count(*) AS n FROM action_themes GROUP BY theme_id",
        )
    }
    pairs = await _rows(
        database,
        "SELECT p.id AS priority_id, p.title AS priority, t.id AS theme_id, t.label, "
        "t.size_band, tp.evidence, c.stories AS on_priority FROM theme_priorities tp "
        "JOIN priorities p ON p.id = tp.priority_id JOIN themes t ON t.id = tp.theme_id "
        "LEFT JOIN theme_counts c ON c.theme_id = tp.theme_id "
        "AND c.priority_id = tp.priority_id AND c.channel = 'All channels' "
        "AND c.month = 'All months'",
    )
    themes = await _rows(database, "SELECT id, label, size_band, tone FROM themes ORDER BY id")
    if keep is not None:
        pairs = [p for p in pairs if p["theme_id"] in keep]
        themes = [t for t in themes if t["id"] in keep]
    if chosen is not None and chosen.priority is not None:
        pairs = [p for p in pairs if p["priority_id"] == chosen.priority]
    for theme in themes:
        theme["actions"] = action_counts.get(theme["id"], 0)
    about = dict((r["key"], r["value"]) for r in await _rows(database, "SELECT * FROM about"))
    return {
        "activities": activities,
        "priorities": top_themes_per_priority(pairs),
        "themes": themes,
        "built_at": about.get("built_at"),
    }


async def theme_context(database, theme_id: int) -> dict | None:
    """Everything on a theme's page, or None if there is no such theme."""
    found = await _rows(
        database,
        "SELECT t.*, a.title AS activity FROM themes t "
        "LEFT JOIN activities a ON a.id = t.activity_id WHERE t.id = ?",
        [theme_id],
    )
    if not found:
        return None
    quotes = await _rows(
        database,
        "SELECT text, priorities, month FROM quotes WHERE theme_id = ? ORDER BY id",
        [theme_id],
    )
    priorities = await _rows(
        database,
        "SELECT p.title, tp.evidence FROM theme_priorities tp "
        "JOIN priorities p ON p.id = tp.priority_id WHERE tp.theme_id = ? ORDER BY p.title",
        [theme_id],
    )
    over_time = await _rows(
        database,
        "SELECT month, stories FROM theme_counts WHERE theme_id = ? AND priority_id IS NULL "
        "AND channel = 'All channels' AND month != 'All months' ORDER BY month",
        [theme_id],
    )
    by_channel = await _rows(
        database,
        "SELECT channel, stories FROM theme_counts WHERE theme_id = ? AND priority_id IS NULL "
        "AND month = 'All months' AND channel != 'All channels' ORDER BY channel",
        [theme_id],
    )
    by_community = await _rows(
        database,
        "SELECT characteristic, community_group, stories FROM community_counts "
        "WHERE theme_id = ? ORDER BY characteristic, community_group",
        [theme_id],
    )
    actions = await _rows_if_published(
        database,
        "actions",
        "SELECT a.you_said, a.we_did, a.status, a.reason, a.owner, a.due_on, a.done_on "
        "FROM actions a JOIN action_themes t ON t.action_id = a.id WHERE t.theme_id = ? "
        "ORDER BY a.id",
        [theme_id],
    )
    return {
        "theme": found[0],
        "actions": actions,
        "quotes": quotes,
        "priorities": priorities,
        "size_chart": bar_chart("Stories by month", chart_items(over_time, "month")),
        **trend_context(found[0]["label"], over_time),
        "channel_chart": bar_chart("Stories by channel", chart_items(by_channel, "channel")),
        "community_charts": readable_community_charts(by_community, await about_values(database)),
    }


def trend_context(label: str, monthly_rows: list[dict]) -> dict:
    """The trend section: an XmR chart when every month is an exact count, else the reason."""
    found = spc.trend(monthly_rows)
    chart = spc_chart(f"Stories per month about {label}", found) if found.status == "spc" else None
    return {"trend": found, "trend_chart": chart, "trend_signals": found.signals() if chart else []}


async def filter_options(database) -> filters.Options:
    """Every value the planner filters may take in this publication."""
    activities = await _rows(database, "SELECT id, title FROM activities ORDER BY opened, title")
    priorities = await _rows(database, "SELECT id, title FROM priorities ORDER BY title")
    areas = await _rows_if_published(
        database,
        "area_counts",
        "SELECT DISTINCT area FROM area_counts WHERE theme_id IS NOT NULL AND area != ? "
        "ORDER BY area",
        [ALL_AREAS],
    )
    groups = await _rows(
        database,
        "SELECT DISTINCT characteristic, community_group FROM community_counts "
        "WHERE theme_id IS NOT NULL AND community_group != ? "
        "ORDER BY characteristic, community_group",
        [ALL_GROUPS],
    )
    months = await _rows(
        database,
        "SELECT DISTINCT month FROM theme_counts WHERE priority_id IS NULL "
        "AND channel = 'All channels' ORDER BY month",
    )
    return filters.Options(
        activities={r["id"]: r["title"] for r in activities},
        priorities={r["id"]: r["title"] for r in priorities},
        areas=[r["area"] for r in areas],
        groups=[(r["characteristic"], r["community_group"]) for r in groups],
        months=[r["month"] for r in months if spc._is_month(r["month"])],
    )


def period_count(values: list) -> int | str:
    """Stories in a period from its published monthly counts: their sum when every month is
    exact, else a word (a withheld month has no exact value to add)."""
    if all(isinstance(v, int) for v in values):
        return sum(values)
    return "withheld in some months"


async def slice_counts(database, chosen: filters.Chosen) -> dict[str, dict[int, int | str]]:
    """For each filter set, theme id -> that filter's own published count for the theme.

    A theme missing from a filter's dict has no stories in that slice. Combinations are not
    published, so each filter keeps its own column; the period is read within the chosen
    priority, which `theme_counts` does publish.
    """
    found: dict[str, dict[int, int | str]] = {}
    if chosen.activity is not None:
        rows = await _rows(
            database, "SELECT id FROM themes WHERE activity_id = ?", [chosen.activity]
        )
        found["activity"] = {r["id"]: "yes" for r in rows}
    if chosen.priority is not None:
        rows = await _rows(
            database,
            "SELECT theme_id, stories FROM theme_counts WHERE priority_id = ? "
            "AND channel = 'All channels' AND month = 'All months'",
            [chosen.priority],
        )
        found["priority"] = {r["theme_id"]: r["stories"] for r in rows}
    if chosen.area is not None:
        rows = await _rows_if_published(
            database,
            "area_counts",
            "SELECT theme_id, stories FROM area_counts WHERE area = ? AND theme_id IS NOT NULL",
            [chosen.area],
        )
        found["area"] = {r["theme_id"]: r["stories"] for r in rows}
    if chosen.group is not None:
        rows = await _rows(
            database,
            "SELECT theme_id, stories FROM community_counts WHERE characteristic = ? "
            "AND community_group = ? AND theme_id IS NOT NULL",
            list(chosen.group),
        )
        found["group"] = {r["theme_id"]: r["stories"] for r in rows}
    if chosen.period:
        priority_clause = (
            "priority_id = ?" if chosen.priority is not None else "priority_id IS NULL"
        )
        rows = await _rows(
            database,
            "SELECT theme_id, month, stories FROM theme_counts WHERE "
            f"{priority_clause} AND channel = 'All channels' AND month != 'All months'",
            [chosen.priority] if chosen.priority is not None else [],
        )
        months: dict[int, list] = {}
        for r in rows:
            if spc._is_month(r["month"]) and chosen.in_period(r["month"]):
                months.setdefault(r["theme_id"], []).append(r["stories"])
        found["period"] = {t: period_count(v) for t, v in months.items()}
    return found


async def filtered_home_context(database, args) -> tuple[dict, int]:
    """The home page for the filters in a request's query string, and its HTTP status."""
    options = await filter_options(database)
    chosen, errors = filters.choose(args, options)
    if errors:
        chosen = filters.Chosen()
    counts = await slice_counts(database, chosen)
    keep = None
    if counts:
        keep = set.intersection(*(set(c) for c in counts.values()))
    context = await home_context(database, keep, chosen)
    for theme in context["themes"]:
        theme["slices"] = {name: c.get(theme["id"]) for name, c in counts.items()}
    context.update(
        {
            "options": options,
            "chosen": chosen,
            "filter_errors": errors,
            "filtered": bool(counts),
            "slice_names": list(counts),
            "slice_headings": filters.HEADINGS,
            "filter_query": filters.query_string(chosen),
        }
    )
    return context, 400 if errors else 200


async def filtered_theme_context(database, theme_id: int, args) -> tuple[dict | None, int]:
    """A theme's page narrowed to a priority and a period from the query string.

    The trend, the monthly bars, the channel bars and the quotes follow the filter; `theme_counts`
    publishes each (theme, priority) slice by month and channel, so nothing is recomputed from
    stories. Other filters (activity, area, group) say nothing more about one theme and are kept
    only for the link back to the home page.
    """
    context = await theme_context(database, theme_id)
    if context is None:
        return None, 404
    options = await filter_options(database)
    chosen, errors = filters.choose(args, options)
    if errors:
        chosen = filters.Chosen()
    if chosen.priority is not None or chosen.period:
        label = context["theme"]["label"]
        priority_clause = (
            "priority_id = ?" if chosen.priority is not None else "priority_id IS NULL"
        )
        params = [theme_id] + ([chosen.priority] if chosen.priority is not None else [])
        monthly = await _rows(
            database,
            f"SELECT month, channel, stories FROM theme_counts WHERE theme_id = ? AND "
            f"{priority_clause} AND month != 'All months' ORDER BY month, channel",
            params,
        )
        in_period = [
            r for r in monthly if spc._is_month(r["month"]) and chosen.in_period(r["month"])
        ]
        over_time = [r for r in in_period if r["channel"] == "All channels"]
        context["size_chart"] = bar_chart("Stories by month", chart_items(over_time, "month"))
        context.update(trend_context(label, over_time))
        by_channel: dict[str, list] = {}
        for r in in_period:
            if r["channel"] != "All channels":
                by_channel.setdefault(r["channel"], []).append(r["stories"])
        context["channel_chart"] = bar_chart(
            "Stories by channel",
            [(channel, period_count(values)) for channel, values in sorted(by_channel.items())],
        )
        title = options.priorities.get(chosen.priority) if chosen.priority is not None else None
        context["quotes"] = [
            q
            for q in context["quotes"]
            if (title is None or title in (q["priorities"] or "").split("; "))
            and (not chosen.period or (q["month"] and chosen.in_period(q["month"])))
        ]
    context.update(
        {
            "options": options,
            "chosen": chosen,
            "filter_errors": errors,
            "filter_query": filters.query_string(chosen),
            "theme_filtered": chosen.priority is not None or chosen.period,
        }
    )
    return context, 400 if errors else 200


def readable_community_charts(
    rows: list[dict], about: dict | None = None
) -> list[tuple[str, Markup, list]]:
    """(heading, chart, lines) per equality question, withheld groups combined into one bar."""
    return [
        (
            name,
            bar_chart(f"Stories by {name.lower()}", [(x.group, x.stories) for x in lines]),
            lines,
        )
        for name, lines, _total in breakdowns.by_characteristic(rows, about)
    ]


async def reach_context(database) -> dict:
    """Who we heard from, per activity: readable breakdowns and the under-heard groups named."""
    activities = await _rows(
        database, "SELECT id, title, opened, closed FROM activities ORDER BY opened, title"
    )
    rows = await _rows_if_published(
        database,
        "reach_counts",
        "SELECT activity_id, characteristic, community_group, stories, share_of_answers, "
        "population_share, heard FROM reach_counts ORDER BY activity_id, rowid",
    )
    by_activity: dict[int, list[dict]] = {}
    for row in rows:
        by_activity.setdefault(row["activity_id"], []).append(row)
    about = await about_values(database)
    for activity in activities:
        found = by_activity.get(activity["id"], [])
        activity["breakdowns"] = breakdowns.by_characteristic(found, about)
        activity["under_heard"] = [
            f"{r['characteristic']}: {r['community_group']}"
            for r in found
            if r["heard"] == "under-heard"
        ] + [
            f"{name}: {line.group} ({', '.join(line.members)})"
            for name, lines, _ in activity["breakdowns"]
            for line in lines
            if line.members and line.heard == "under-heard"
        ]
        activity["has_population"] = any(r["population_share"] for r in found)
    return {"activities": activities}


QUOTES_IN_DOCUMENT = 5


async def about_values(database) -> dict[str, str]:
    return {r["key"]: r["value"] for r in await _rows(database, "SELECT * FROM about")}


async def theme_document_context(database, theme_id: int) -> dict | None:
    """A theme as a document for a board paper: the theme page's parts, a few quotes, the
    channels stories came through and the method, on one printable page."""
    context = await theme_context(database, theme_id)
    if context is None:
        return None
    context["quotes"] = representative(context["quotes"], QUOTES_IN_DOCUMENT)
    channels = await _rows(
        database,
        "SELECT DISTINCT channel FROM theme_counts WHERE theme_id = ? AND priority_id IS NULL "
        "AND channel != 'All channels' ORDER BY channel",
        [theme_id],
    )
    context["channels"] = [r["channel"] for r in channels]
    context["about"] = await about_values(database)
    return context


def representative(quotes: list[dict], limit: int) -> list[dict]:
    """Up to `limit` quotes spread over the months they come from, so one busy month does not
    speak for the whole theme (quotes are in the published order within a month)."""
    by_month: dict[str, list[dict]] = {}
    for quote in quotes:
        by_month.setdefault(quote["month"] or "", []).append(quote)
    chosen: list[dict] = []
    while len(chosen) < limit and any(by_month.values()):
        for month in sorted(by_month):
            if by_month[month] and len(chosen) < limit:
                chosen.append(by_month[month].pop(0))
    return chosen


async def activity_document_context(database, activity_id: int) -> dict | None:
    """An activity as a document: why we asked, its themes with their trends, who we heard
    from, actions and the method."""
    found = await _rows(database, "SELECT * FROM activities WHERE id = ?", [activity_id])
    if not found:
        return None
    themes = await _rows(
        database,
        "SELECT id, label, description, size_band, tone, priorities FROM themes "
        "WHERE activity_id = ? ORDER BY id",
        [activity_id],
    )
    for theme in themes:
        monthly = await _rows(
            database,
            "SELECT month, stories FROM theme_counts WHERE theme_id = ? AND priority_id IS NULL "
            "AND channel = 'All channels' AND month != 'All months' ORDER BY month",
            [theme["id"]],
        )
        theme.update(trend_context(theme["label"], monthly))
        quotes = await _rows(
            database,
            "SELECT text, priorities, month FROM quotes WHERE theme_id = ? ORDER BY id",
            [theme["id"]],
        )
        theme["quotes"] = representative(quotes, 2)
    actions = await _rows_if_published(
        database,
        "actions",
        "SELECT you_said, we_did, status, reason, owner, due_on, done_on, themes FROM actions "
        "WHERE activity_id = ? ORDER BY id",
        [activity_id],
    )
    reach = await reach_context(database)
    reach_found = [a for a in reach["activities"] if a["id"] == activity_id]
    return {
        "activity": found[0],
        "themes": themes,
        "actions": actions,
        "reach": reach_found[0] if reach_found else None,
        "about": await about_values(database),
    }
