"""Filter and compare on the planner home page: in the URL, checked, never a 500."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from publish_fixtures import build_published, fetch_published

from datasette_plugins import filters

OPTIONS = filters.Options(
    activities={1: "Winter"},
    priorities={1: "Access", 2: "Discharge"},
    areas=["Riverside"],
    groups=[("Age", "25-34")],
    months=["2026-01", "2026-02"],
)


class Args(dict):
    """Datasette's request.args answers .get(name) like a dict."""


def test_known_values_are_chosen_and_round_trip_through_the_url():
    args = Args(activity="1", priority="2", area="Riverside", group="Age: 25-34", to="2026-02")
    chosen, errors = filters.choose(args, OPTIONS)
    assert errors == []
    assert chosen == filters.Chosen(1, 2, "Riverside", ("Age", "25-34"), None, "2026-02")
    again, _ = filters.choose(_parse(filters.query_string(chosen)), OPTIONS)
    assert again == chosen


def _parse(query):
    from urllib.parse import parse_qsl

    return Args(parse_qsl(query))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"activity": "7"}, "no published activity"),
        ({"activity": "1; drop table themes"}, "no published activity"),
        ({"priority": "-1"}, "no published priority"),
        ({"area": "Atlantis"}, "no published area"),
        ({"group": "Age: 200+"}, "no published community group"),
        ({"group": "25-34"}, "no published community group"),
        ({"from": "2026-13"}, "YYYY-MM"),
        ({"to": "last year"}, "YYYY-MM"),
        ({"from": "2026-02", "to": "2026-01"}, "starts (2026-02) after it ends (2026-01)"),
    ],
)
def test_unknown_values_are_named_and_not_used(args, message):
    chosen, errors = filters.choose(Args(args), OPTIONS)
    assert len(errors) == 1 and message in errors[0]
    assert not chosen.any and not chosen.period


def test_blank_values_mean_any():
    chosen, errors = filters.choose(Args(activity="", area=" ", group=""), OPTIONS)
    assert errors == [] and chosen == filters.Chosen()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_published(tmp_path_factory.mktemp("filters"))


fetch = fetch_published


def listed_themes(html: str) -> list[str]:
    table = html[html.index('id="themes-heading"') : html.index('id="activities-heading"')]
    return re.findall(r'href="/-/planner/theme/\d+(?:\?[^"]*)?">([^<]+)</a>', table)


def published(path, sql, params=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_an_area_filter_keeps_the_themes_heard_there_with_their_own_count(built, tmp_path):
    # A publication where one theme was not heard in Riverside (the plugin reads only these).
    path = tmp_path / "published.db"
    shutil.copy(built, path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM area_counts WHERE theme_id = 3 AND area = 'Riverside'")
    conn.commit()
    conn.close()
    everything, riverside = fetch(path, "/", "/?area=Riverside")
    assert riverside.status_code == 200
    expected = [
        label
        for (label,) in published(
            path,
            "SELECT t.label FROM themes t JOIN area_counts a ON a.theme_id = t.id "
            "WHERE a.area = 'Riverside' ORDER BY t.id",
        )
    ]
    assert listed_themes(riverside.text) == expected
    assert len(expected) < len(listed_themes(everything.text))
    assert "Stories in this area" in riverside.text
    assert "<option selected>Riverside</option>" in riverside.text  # the view is kept
    assert "/?area=Riverside" in riverside.text  # and offered as a link to share


def test_filters_combine_and_each_shows_its_own_published_count(built):
    (page,) = fetch(built, "/?priority=1&group=Age%3A+25-34&from=2026-01&to=2026-02")
    assert page.status_code == 200
    for heading in (
        "Stories on this priority",
        "Stories from this group",
        "Stories in this period",
    ):
        assert heading in page.text
    counts = {
        label: stories
        for label, stories in published(
            built,
            "SELECT t.label, c.stories FROM theme_counts c JOIN themes t ON t.id = c.theme_id "
            "WHERE c.priority_id = 1 AND c.channel = 'All channels' AND c.month = 'All months'",
        )
    }
    rows = re.findall(r"<tr><td><a [^>]+>([^<]+)</a></td>(.*?)</tr>", page.text, re.S)
    assert rows
    for label, cells in rows:
        assert f">{counts[label]}</td>" in cells
    # Months withheld as "<5" are never added up into an exact small count.
    assert "withheld in some months" in page.text


def test_a_period_with_no_stories_is_a_clear_page(built):
    (page,) = fetch(built, "/?from=2030-01&to=2030-12")
    assert page.status_code == 200
    assert "No published theme matches these filters in this period" in page.text


def test_unknown_values_give_a_clear_page_not_a_500_and_are_not_echoed(built):
    urls = [
        "/?activity=999",
        "/?area=%3Cscript%3Ealert(1)%3C/script%3E",
        "/?group=Nobody",
        "/?from=2026-99",
        "/?from=2026-03&to=2026-01",
        "/?priority=abc&activity=-1",
    ]
    for url, page in zip(urls, fetch(built, *urls), strict=True):
        assert page.status_code == 400, url
        assert "These filters could not be used" in page.text
        assert "<script>alert" not in page.text and "Nobody" not in page.text
        assert listed_themes(page.text)  # every theme is still shown


def test_a_publication_with_nothing_approved_filters_without_error(tmp_path):
    plain, bad = fetch(
        build_published(tmp_path, seeded=False), "/?from=2026-01", "/?area=Riverside"
    )
    assert plain.status_code == 200 and "No published theme matches" in plain.text
    assert bad.status_code == 400 and "no published area" in bad.text


def test_a_theme_page_narrows_its_quotes_and_counts_to_a_priority_and_period(built):
    (title,) = published(built, "SELECT title FROM priorities WHERE id = 1")[0]
    whole, narrowed, early = fetch(
        built,
        "/-/planner/theme/1",
        "/-/planner/theme/1?priority=1",
        "/-/planner/theme/1?to=2026-01",
    )
    assert narrowed.status_code == 200 and early.status_code == 200
    quotes = re.compile(r'<blockquote class="planner-quote">.*?</blockquote>', re.S)
    for quote in quotes.findall(narrowed.text):
        assert title in quote
    months_shown = set(re.findall(r"(\d{4}-\d{2})</text>", early.text))
    assert months_shown <= {"2026-01"}
    assert len(quotes.findall(early.text)) <= len(quotes.findall(whole.text))
    assert f"stories on {title}" in narrowed.text
    assert "/?priority=1" in narrowed.text  # back to the home page, compared the same way


def test_a_theme_page_with_bad_filters_is_a_clear_page(built):
    bad, empty, missing = fetch(
        built,
        "/-/planner/theme/1?priority=99&from=x",
        "/-/planner/theme/1?from=2031-01",
        "/-/planner/theme/999?priority=99",
    )
    assert bad.status_code == 400 and "These filters could not be used" in bad.text
    assert empty.status_code == 200 and "No control chart" in empty.text
    assert missing.status_code == 404


def test_top_themes_for_a_priority_are_those_with_most_stories_on_it_not_the_biggest():
    from datasette_plugins import pages

    rows = [
        {"priority_id": 1, "priority": "Access", "theme_id": t, "on_priority": n}
        for t, n in ((1, 6), (2, "<5"), (3, 12), (4, 30), (5, None))
    ]
    grouped = pages.top_themes_per_priority(rows, limit=4)
    assert [t["theme_id"] for t in grouped[0]["themes"]] == [4, 3, 1, 2]


def test_the_home_page_ranks_each_priority_by_its_published_count(built):
    (page,) = fetch(built, "/")
    cards = re.findall(r'<article class="planner-card">(.*?)</article>', page.text, re.S)
    assert cards and all("on this priority, of" in card for card in cards)
