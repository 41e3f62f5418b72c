"""A reader with a solver against the built file: every published count table, and every pair
of tables that count the same stories, leaves each withheld count a range at least k wide; one
marker stands for every withheld count; no exact total sits beside a band (issue 18, item 5)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import numpy as np
import pytest
import sqlite_utils
from publish_fixtures import seed
from test_datasette import fetch
from test_publish_suppression import line_equations, solve_bounds

from workbench.publishing import publish

K = 5
MARKER = "[c]"


@pytest.fixture
def built(db, tmp_path):
    seed(db)
    target = tmp_path / "published.db"
    publish.build(db, target, K)
    out = sqlite_utils.Database(sqlite3.connect(f"file:{target}?mode=ro", uri=True))
    yield target, out
    out.close()


def shown_grid(rows, row_key, column_key, row_total, column_total):
    """The table as a reader rebuilds it: missing entries are zeros, the marker is unknown."""
    row_keys = sorted({r[row_key] for r in rows if r[row_key] != row_total}, key=str)
    column_keys = sorted({r[column_key] for r in rows if r[column_key] != column_total}, key=str)
    rows_at = {(r[row_key], r[column_key]): r["stories"] for r in rows}
    grid = [
        [rows_at.get((rk, ck), 0) for ck in [*column_keys, column_total]]
        for rk in [*row_keys, row_total]
    ]
    shown = [[None if v == MARKER else v for v in line] for line in grid]
    return shown, row_keys, column_keys


def tables(out):
    """(name, shown grid, row keys, column keys) for every published count table."""
    by_slice = defaultdict(list)
    for r in out.query("SELECT * FROM theme_counts"):
        by_slice[(r["theme_id"], r["priority_id"])].append(r)
    for key, rows in by_slice.items():
        yield (
            f"theme_counts {key}",
            *shown_grid(rows, "month", "channel", "All months", "All channels"),
        )
    by_characteristic = defaultdict(list)
    for r in out.query("SELECT * FROM community_counts"):
        r["theme_id"] = r["theme_id"] or "All themes"
        by_characteristic[r["characteristic"]].append(r)
    for name, rows in by_characteristic.items():
        yield (
            f"community {name}",
            *shown_grid(rows, "theme_id", "community_group", "All themes", "All groups"),
        )
    rows = list(out.query("SELECT * FROM area_counts"))
    for r in rows:
        r["theme_id"] = r["theme_id"] or "All themes"
    yield ("area_counts", *shown_grid(rows, "theme_id", "area", "All themes", "All areas"))
    by_reach = defaultdict(list)
    for r in out.query("SELECT * FROM reach_counts"):
        by_reach[(r["activity_id"], r["characteristic"])].append({**r, "row": "one"})
    for key, rows in by_reach.items():
        # One row of answers: its grid's second row is the same totals again.
        grid, rk, ck = shown_grid(rows, "row", "community_group", "All", "All answers")
        yield (f"reach {key}", grid, rk, ck)


def bounds_of(grids_and_links):
    """Bounds of every withheld entry of several tables read together, with links saying
    which withheld entries of different tables are the same count."""
    grids, links = grids_and_links
    index = {}
    for t, shown in enumerate(grids):
        for i, line in enumerate(shown):
            for j, value in enumerate(line):
                if value is None:
                    index[(t, i, j)] = len(index)
    equations, constants = [], []
    for t, shown in enumerate(grids):
        eq, const = line_equations(shown, len(shown) - 1, len(shown[0]) - 1, index, offset=t)
        equations += eq
        constants += const
    for a, b in links:
        link = np.zeros(len(index))
        link[index[a]], link[index[b]] = 1.0, -1.0
        equations.append(link)
        constants.append(0.0)
    return solve_bounds(index, equations, constants)


def test_every_withheld_count_in_every_published_table_is_k_wide(built):
    _, out = built
    checked = 0
    for name, shown, _, _ in tables(out):
        for cell, (low, high) in bounds_of(([shown], [])).items():
            assert high - low >= K - 1e-6, (name, cell, low, high)
            checked += 1
    assert checked > 20
    values = {
        r["stories"]
        for t in ("theme_counts", "area_counts")
        for r in out.query(f"SELECT stories FROM {t}")
    }
    assert {v for v in values if isinstance(v, str)} == {MARKER}


def test_a_themes_counts_by_month_and_by_area_read_together_pin_nothing(built):
    """Every story in the fixture names a listed area, so a theme's area row adds up to the
    same total as its month-by-channel table: a reader may link them."""
    _, out = built
    grids = {name: (shown, rk, ck) for name, shown, rk, ck in tables(out)}
    area_shown, area_rows, _ = grids["area_counts"]
    pairs = 0
    for theme in out.query("SELECT id FROM themes"):
        shown, months, channels = grids[f"theme_counts ({theme['id']}, None)"]
        row = area_rows.index(theme["id"])
        total = (0, len(months), len(channels))
        area_total = (1, row, len(area_shown[0]) - 1)
        for cell, (low, high) in bounds_of(([shown, area_shown], [(total, area_total)])).items():
            assert high - low >= K - 1e-6, (theme["id"], cell, low, high)
        pairs += 1
    assert pairs >= 2


def test_no_page_or_json_gives_a_themes_exact_size_beside_its_band(built):
    target, out = built
    themes = list(out.query("SELECT id, size_band FROM themes"))
    pages = fetch(
        target,
        "/published/themes_for_area.json?area=All&_shape=array",
        *(f"/-/planner/theme/{theme['id']}" for theme in themes),
    )
    rows = pages[0].json()
    assert rows and all(row["stories"] == MARKER for row in rows if row["area"] == "All areas")
    for theme, page in zip(themes, pages[1:], strict=True):
        assert f"Stories {theme['size_band']}" in page.text or theme["size_band"] in page.text
    over_time = defaultdict(list)
    for r in out.query(
        "SELECT theme_id, stories FROM theme_counts WHERE priority_id IS NULL "
        "AND channel = 'All channels' AND month != 'All months'"
    ):
        over_time[r["theme_id"]].append(r["stories"])
    # A theme's bars never add up to a size: at least one month is withheld.
    assert all(MARKER in values for values in over_time.values())
