"""In a real browser (Debian's Chromium through Playwright): a storyteller who sends a story
online sees support straight away, fitted to what they said, and always the general section."""

from __future__ import annotations

import threading

import pytest
from consent_support import open_activity, staff_user
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from workbench import create_app, safeguarding
from workbench import db as wdb

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RISKY = "after the last appointment was cancelled i honestly wanted to die and still do"
ORDINARY = "The physio at the community hospital was patient and the exercises helped."


@pytest.fixture
def live_app(tmp_path):
    app = create_app(
        {
            "WORKBENCH_ENV": "testing",
            "SECRET_KEY": "browser-test",
            "WORKBENCH_DB": str(tmp_path / "workbench.db"),
            "WORKBENCH_PUBLISHED_DB": str(tmp_path / "published.db"),
            "WORKBENCH_QUEUE": "sqlite:///" + str(tmp_path / "queue.db"),
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


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
