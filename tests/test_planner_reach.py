"""Who we heard from, readable: withheld groups combined, under-heard groups named."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from publish_fixtures import build_published, fetch_published

from datasette_plugins import breakdowns


def group(name, stories, population=None, heard=None):
    return {
        "community_group": name,
        "stories": stories,
        "population_share": population,
        "heard": heard,
    }


def test_withheld_groups_are_combined_into_the_total_less_the_shown():
    lines, total = breakdowns.readable(
        [
            group("A", 30, "50.0%"),
            group("B", "<5", "20.0%"),
            group("C", "[c]", "20.0%"),
            group("D", "<5", "10.0%"),
            group("All answers", 40),
        ]
    )
    assert total == 40
    assert [(x.group, x.stories) for x in lines] == [("A", 30), ("Other groups combined", 10)]
    other = lines[-1]
    assert other.members == ("B", "C", "D")
    assert other.share == "25.0%" and other.population_share == "50.0%"
    assert other.heard == "under-heard"  # 25% of answers against 50% of people


def test_a_small_combination_stays_banded_and_a_withheld_total_combines_to_nothing():
    lines, _ = breakdowns.readable(
        [group("A", 12), group("B", "<5"), group("C", "<5"), group("All groups", 15)]
    )
    assert lines[-1].stories == "<5" and lines[-1].share is None
    lines, total = breakdowns.readable(
        [group("A", "<5"), group("B", "[c]"), group("All groups", "[c]")]
    )
    assert total == "[c]" and lines == [
        breakdowns.Line("All 2 groups combined", "withheld", None, None, None, ("A", "B"))
    ]


def test_a_lone_withheld_group_keeps_its_marker_and_is_never_subtracted_out():
    lines, _ = breakdowns.readable([group("A", 9), group("B", "<5"), group("All groups", 12)])
    assert [(x.group, x.stories) for x in lines] == [("A", 9), ("B", "<5")]


def test_the_threshold_is_read_from_the_publication():
    lines, _ = breakdowns.readable(
        [group("A", 20), group("B", "<10"), group("C", "<10"), group("All groups", 27)]
    )
    assert lines[-1].stories == "<10"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_published(tmp_path_factory.mktemp("reach"))


fetch = fetch_published


def with_reach(built, tmp_path, rows):
    """A copy of the publication with this reach breakdown, as a wide equality question with
    a loaded population profile gives; the plugin reads only these published rows."""
    path = tmp_path / "published.db"
    shutil.copy(built, path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM reach_counts")
    conn.executemany(
        "INSERT INTO reach_counts (activity_id, characteristic, community_group, stories, "
        "share_of_answers, population_share, heard) VALUES (1, 'Ethnicity', ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    return path


def test_the_reach_page_reads_as_a_few_lines_and_names_the_under_heard(built, tmp_path):
    path = with_reach(
        built,
        tmp_path,
        [
            ("White British", 60, "75.0%", "70.0%", "about as expected"),
            ("Asian British", 8, "10.0%", "12.0%", "about as expected"),
            ("Black British", "<5", None, "8.0%", "under-heard"),
            ("Mixed", "<5", None, "5.0%", "too few to say"),
            ("Other ethnic group", "[c]", None, "5.0%", "too few to say"),
            ("Prefer not to say", "[c]", None, None, None),
            ("All answers", 80, None, None, None),
        ],
    )
    (page,) = fetch(path, "/-/planner/reach")
    assert page.status_code == 200
    assert "Under-heard:</strong> Ethnicity: Black British" in page.text
    assert "Other groups combined" in page.text
    assert "Black British, Mixed, Other ethnic group, Prefer not to say" in page.text
    cells = re.findall(r"<td>([^<]*)</td>", page.text)
    assert "12" in cells  # 80 - 60 - 8, already to be worked out from the table
    assert not any(c.isdigit() and 0 < int(c) < 5 for c in cells)


def test_the_reach_page_uses_the_threshold_the_publication_records(built, tmp_path):
    """Suppressed cells say only "[c]", so the threshold comes from `about`: with k = 10 a
    combined remainder of 7 must stay withheld, though it is above the usual 5."""
    path = with_reach(
        built,
        tmp_path,
        [
            ("White British", 40, None, None, None),
            ("Asian British", "[c]", None, None, None),
            ("Black British", "[c]", None, None, None),
            ("All answers", 47, None, None, None),
        ],
    )
    conn = sqlite3.connect(path)
    conn.execute("UPDATE about SET value = '10' WHERE key = 'suppression_threshold'")
    conn.commit()
    conn.close()
    (page,) = fetch(path, "/-/planner/reach")
    assert page.status_code == 200
    cells = re.findall(r"<td>([^<]*)</td>", page.text)
    assert "7" not in cells and "&lt;10" in cells


def test_the_reach_page_and_theme_community_charts_never_show_a_small_count(built):
    reach, theme = fetch(built, "/-/planner/reach", "/-/planner/theme/1")
    assert reach.status_code == 200 and theme.status_code == 200
    assert "Who we heard from" in reach.text
    community = theme.text[theme.text.index("By community") :]
    shown = re.findall(r"<text [^>]*>(\d+)</text>", community)
    # Every group of this small seed may be withheld (a theme's total always is), so the
    # promise checked is the one that matters: no small count, withheld groups combined.
    assert not any(0 < int(n) < 5 for n in shown)
    assert "groups combined" in community


def test_a_publication_with_no_answers_has_a_clear_reach_page(tmp_path):
    (page,) = fetch(build_published(tmp_path, seeded=False), "/-/planner/reach")
    assert page.status_code == 200 and "No activities have been published yet" in page.text
