"""The theme map in a real browser (Debian's Chromium through Playwright): an analyst clicks a
dot and lands on that story, on the page of its theme that lists it."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve_app
from conftest import PASSWORD, make_user
from playwright.sync_api import sync_playwright
from publish_fixtures import add_points, seed

from plumbing import db as wdb
from workbench import accounts
from workbench.blueprints import review

pytestmark = pytest.mark.browser


def test_clicking_a_map_point_opens_its_story(tmp_path, monkeypatch):
    monkeypatch.setattr(accounts, "hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    # Small pages, so the story is found beyond the theme's first page.
    monkeypatch.setattr(review, "MEMBERS_PER_PAGE", 2)
    with serve_app(tmp_path) as (app, base), sync_playwright() as playwright:
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

        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{base}/login")
        page.fill("#username", "ann")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.goto(f"{base}/review/themes?activity={ids['activity']}")
        page.locator(f"a.map-point[href*='story={story}#'] circle").click()
        page.wait_for_url(f"**/review/themes/{theme}?story={story}#story-{story}")
        row = page.locator(f"tr#story-{story}")
        assert row.is_visible()
        assert "opened" in (row.get_attribute("class") or "")
        assert page.locator("h1").inner_text() == "Waiting for appointments"
        browser.close()
