"""The planner plugin's logic as plain functions, without a running Datasette."""

import pytest
from markupsafe import Markup

from datasette_plugins import charts, lockdown, pages, planner


@pytest.mark.parametrize(
    ("path", "query", "refused"),
    [
        ("/", "", False),
        ("/published/themes.json", "_shape=array&_sort=label", False),
        ("/published/themes.csv", "_size=100", False),
        ("/published/themes_for_priority", "priority=Access", False),
        ("/-/static/app.css", "", False),
        ("/-/planner/theme/3", "", False),
        ("/published", "sql=select+1", True),
        ("/published/themes", "_where=1%3D1", True),
        ("/published/themes", "a=1&_WHERE=x&_where=", True),
        ("/published/themes.csv", "_stream=on", True),
        ("/published.db", "", True),
        ("/-/versions.json", "", True),
        ("/-/plugins", "", True),
        ("/-/something-new-in-a-later-datasette", "", True),
    ],
)
def test_refusal_follows_the_allow_list(path, query, refused):
    assert (lockdown.refusal(path, query) is not None) is refused


def test_top_themes_per_priority_keeps_the_largest_few_of_each():
    rows = [
        {
            "priority_id": 1,
            "priority": "Access",
            "theme_id": t,
            "label": f"T{t}",
            "size_band": "5-9",
            "evidence": "e",
        }
        for t in (5, 1, 4, 2, 3)
    ] + [
        {
            "priority_id": 2,
            "priority": "Discharge",
            "theme_id": 9,
            "label": "T9",
            "size_band": "<5",
            "evidence": "e",
        }
    ]
    grouped = pages.top_themes_per_priority(rows, limit=3)
    assert [g["title"] for g in grouped] == ["Access", "Discharge"]
    assert [t["theme_id"] for t in grouped[0]["themes"]] == [1, 2, 3]
    assert [t["theme_id"] for t in grouped[1]["themes"]] == [9]


def test_a_chart_draws_counts_as_bars_and_suppressed_counts_as_labels_only():
    svg = charts.bar_chart("Stories by month", [("2026-01", 12), ("2026-02", "<5"), ("<b>", 6)])
    assert isinstance(svg, Markup)
    assert svg.count("<rect") == 2  # no bar for "<5"
    assert "&lt;5" in svg and "<b>" not in svg
    assert 'role="img"' in svg and "Stories by month: 2026-01: 12" in svg


def test_only_theme_labels_in_the_themes_table_become_links():
    row = {"id": 7, "label": "Waiting <long>"}
    link = planner.theme_link(row, row["label"], "label", "themes", "/-/planner/theme/")
    assert link == Markup('<a href="/-/planner/theme/7">Waiting &lt;long&gt;</a>')
    assert planner.theme_link(row, 7, "id", "themes", "/x/") is None
    assert planner.theme_link(row, "x", "label", "quotes", "/x/") is None
