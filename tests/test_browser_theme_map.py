"""The theme map in a real browser (Debian's Chromium through Playwright): an analyst clicks a
dot and lands on that story, on the page of its theme that lists it."""

from __future__ import annotations

import re

import pytest
from browser_support import sign_in
from conftest import make_user
from playwright.sync_api import expect
from publish_fixtures import add_points, seed

from plumbing import db as wdb
from workbench.blueprints import review

pytestmark = pytest.mark.browser


def test_clicking_a_map_point_opens_its_story(live_app, browser, monkeypatch):
    # Small pages, so the story is found beyond the theme's first page.
    monkeypatch.setattr(review, "MEMBERS_PER_PAGE", 2)
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    make_user(db, "analyst", "ann")
    ids = seed(db, n_stories=30)
    add_points(db)
    theme = ids["themes"]["Waiting for appointments"]
    story = db.execute(
        "SELECT m.story_id FROM theme_members m JOIN anonymisations a ON a.story_id = "
        "m.story_id AND a.status = 'checked' WHERE m.theme_id = ? "
        "ORDER BY m.story_id DESC LIMIT 1",
        [theme],
    ).fetchone()[0]
    db.close()

    page = browser.new_page()
    sign_in(page, base, "ann")
    page.goto(f"{base}/review/themes?activity={ids['activity']}")
    page.locator(f"a.map-point[href*='story={story}#'] circle").click()
    page.wait_for_url(f"**/review/themes/{theme}?story={story}#story-{story}")
    row = page.locator(f"tr#story-{story}")
    expect(row).to_be_visible()
    expect(row).to_have_class(re.compile("opened"))
    expect(page.locator("h1")).to_have_text("Waiting for appointments", use_inner_text=True)
