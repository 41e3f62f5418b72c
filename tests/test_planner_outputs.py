"""Planner outputs that hold up in a board paper: labels never cut, codes shown as words, the
app's menu links to the published site (issue 23, item 6; the 320 px and axe checks are in
test_accessibility.py)."""

from __future__ import annotations

import re
import sqlite3

import sqlite_utils
from publish_fixtures import seed

from consent.purposes import CHANNELS
from datasette_plugins import charts
from workbench.publishing import publish

LONG = "White and Black Caribbean or multiple ethnic groups"


def test_a_long_chart_label_is_wrapped_and_never_cut():
    svg = str(
        charts.bar_chart(
            "Stories by ethnicity", [(LONG, 12), ("Supercalifragilisticexpialidociously-long", 6)]
        )
    )
    shown = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))
    assert "…" not in svg
    assert shown.split() == [*LONG.split(), "Supercalifragilisticexpi", "alidociously-long"]
    assert all(
        len(line) <= charts.LABEL_CHARACTERS for line in re.findall(r">([^<]+)</tspan>", svg)
    )


def test_published_channels_are_words_not_codes(db, tmp_path):
    seed(db)
    with db.conn:
        db.execute("UPDATE stories SET channel = 'in_person' WHERE id % 3 = 0")
    target = tmp_path / "published.db"
    publish.build(db, target)
    out = sqlite_utils.Database(sqlite3.connect(f"file:{target}?mode=ro", uri=True))
    channels = {r["channel"] for r in out.query("SELECT DISTINCT channel FROM theme_counts")}
    assert "In person" in channels
    assert channels <= {*CHANNELS.values(), "All channels"}


def test_the_planners_menu_links_to_the_published_site(app, client, login_as):
    login_as("planner")
    page = client.get("/actions").get_data(as_text=True)
    menu = page[page.index("<nav") : page.index("</nav>")]
    assert f'<a href="{app.config["PUBLISHED_SITE_URL"]}">Published site</a>' in menu
