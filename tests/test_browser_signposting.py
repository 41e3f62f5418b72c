"""In a real browser (Debian's Chromium through Playwright): a storyteller who sends a story
online sees support straight away, fitted to what they said, and always the general section."""

from __future__ import annotations

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve_app
from consent_support import open_activity, staff_user
from playwright.sync_api import sync_playwright

from plumbing import db as wdb
from workbench import safeguarding

pytestmark = pytest.mark.browser

RISKY = "after the last appointment was cancelled i honestly wanted to die and still do"
ORDINARY = "The physio at the community hospital was patient and the exercises helped."


@pytest.fixture
def live_app(tmp_path):
    with serve_app(tmp_path) as served:
        yield served


def tell(browser, base: str, activity_id: int, story: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/tell/{activity_id}")
    page.fill("#story", story)
    for purpose in (
        "analysis",
        "publish_quotes",
        "share_partners",
        "contact",
        "equality_monitoring",
    ):
        page.check(f"#consent_{purpose}-{0 if purpose == 'analysis' else 1}")
    page.click("button:has-text('Send my story')")
    page.wait_for_selector("text=Thank you for your story")
    return context, page


def test_the_online_form_shows_signposting_after_the_story_is_sent(live_app):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context, page = tell(browser, base, activity_id, RISKY)
        support = page.locator("[data-signpost=suicide_self_harm]")
        assert support.is_visible() and "116 123" in support.inner_text()
        assert page.locator("[data-signpost=general]").is_visible()
        context.close()

        context, page = tell(browser, base, activity_id, ORDINARY)
        assert page.locator("[data-signpost=general]").is_visible()
        assert page.locator("[data-signpost=suicide_self_harm]").count() == 0
        context.close()
        browser.close()
    flagged = [f["signal"] for f in safeguarding.queue(db)]
    db.close()
    assert flagged == ["suicide_self_harm"]
