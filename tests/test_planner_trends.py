"""Trends that mean something: the XmR chart's figures and the theme page's trend section."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from publish_fixtures import build_published, fetch_published

from datasette_plugins import spc


def rows(counts, first_year=2025, first_month=1):
    out = []
    year, month = first_year, first_month
    for count in counts:
        out.append({"month": f"{year:04d}-{month:02d}", "stories": count})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def test_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges():
    found = spc.trend(rows([10, 12, 11, 13, 10, 12]))
    assert found.status == "spc"
    assert found.mean == pytest.approx(68 / 6)
    moving = (2 + 1 + 2 + 3 + 2) / 5
    assert found.upper == pytest.approx(68 / 6 + 2.66 * moving)
    assert found.lower == pytest.approx(68 / 6 - 2.66 * moving)
    assert found.signals() == []


def test_a_point_outside_the_limits_and_a_run_of_seven_are_special_causes():
    spike = spc.trend(rows([10, 11, 10, 11, 10, 11, 10, 40, 10, 11]))
    assert spike.outside == [7] and "2025-08 is above the upper limit" in spike.signals()
    shift = spc.trend(rows([18, 22, 19, 21, 17, 21, 20, 25, 28, 24, 29, 26, 27, 25]))
    assert shift.outside == []
    assert shift.shifts == [(0, 6), (7, 13)]
    assert shift.flagged == set(range(14))
    six = spc.trend(rows([18, 22, 19, 21, 17, 21, 25, 28, 24, 29, 26, 27]))
    assert six.shifts == []  # six on a side is not yet a shift


def test_the_lower_limit_never_goes_below_zero_and_gaps_count_as_zero():
    found = spc.trend([*rows([5, 9, 6]), {"month": "2025-06", "stories": 8}])
    assert found.months == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]
    assert found.counts == [5, 9, 6, 0, 0, 8]
    assert found.lower == 0.0


@pytest.mark.parametrize(
    ("monthly", "status"),
    [
        ([], "empty"),
        ([{"month": "unknown", "stories": 12}], "empty"),
        (rows([12]), "too-few"),
        (rows([12, 14, 13, 12, 15]), "too-few"),
        (rows([12, 14, "<5", 12, 15, 13, 12]), "suppressed"),
        (rows([12, 14, "[c]", 12, 15, 13, 12]), "suppressed"),
    ],
)
def test_no_chart_when_the_months_cannot_carry_one(monthly, status):
    assert spc.trend(monthly).status == status


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_published(tmp_path_factory.mktemp("trend"))


def with_months(built, tmp_path, theme_id, counts):
    """A copy of the published file whose theme has these monthly totals, as a bigger
    publication would have; the plugin only ever reads these published rows."""
    path = tmp_path / "published.db"
    shutil.copy(built, path)
    conn = sqlite3.connect(path)
    conn.execute(
        "DELETE FROM theme_counts WHERE theme_id = ? AND priority_id IS NULL "
        "AND channel = 'All channels' AND month != 'All months'",
        [theme_id],
    )
    conn.executemany(
        "INSERT INTO theme_counts (theme_id, priority_id, priority, channel, month, stories) "
        "VALUES (?, NULL, 'All priorities', 'All channels', ?, ?)",
        [(theme_id, r["month"], r["stories"]) for r in rows(counts)],
    )
    conn.commit()
    conn.close()
    return path


def test_a_theme_page_draws_the_control_chart_and_names_a_real_change(built, tmp_path):
    path = with_months(built, tmp_path, 1, [10, 13, 9, 12, 10, 40, 11, 14, 9, 12])
    (page,) = fetch_published(path, "/-/planner/theme/1")
    assert page.status_code == 200
    assert 'class="planner-chart planner-spc"' in page.text
    assert "<desc>" in page.text and "upper limit" in page.text
    assert "2025-06 is above the upper limit" in page.text
    assert page.text.count('class="signal"') == 1


def test_a_steady_theme_says_the_changes_are_noise(built, tmp_path):
    path = with_months(built, tmp_path, 1, [10, 12, 11, 13, 10, 12, 11])
    (page,) = fetch_published(path, "/-/planner/theme/1")
    assert "No real change" in page.text and 'class="signal"' not in page.text


def test_suppressed_or_short_series_say_why_and_show_no_limits(built, tmp_path):
    suppressed = with_months(built, tmp_path, 1, [10, 12, "<5", 13, 10, 12, 11])
    (page,) = fetch_published(suppressed, "/-/planner/theme/1")
    assert page.status_code == 200 and "planner-spc" not in page.text
    assert "some months have fewer than 5 stories" in page.text
    one = with_months(built, tmp_path, 1, [25])
    (page,) = fetch_published(one, "/-/planner/theme/1")
    assert page.status_code == 200 and "stories in 1 month (2025-01)" in page.text


def test_the_fixture_publication_has_too_few_months_for_a_chart(built):
    (page,) = fetch_published(built, "/-/planner/theme/1")
    assert page.status_code == 200 and "Trend over time" in page.text
    assert "planner-spc" not in page.text
