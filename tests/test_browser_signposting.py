"""In a real browser (Debian's Chromium through Playwright): a storyteller who sends a story
online sees support straight away, fitted to what they said, and always the general section;
when the story suggests a risk, the help comes first, above the receipt and the survey, in the
page's language and with the services of the organisation's nation."""

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


def tell(browser, base: str, activity_id: int, story: str, lang: str = "en"):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/tell/{activity_id}" + ("?lang=cy" if lang == "cy" else ""))
    page.fill("#story", story)
    for purpose in (
        "analysis",
        "publish_quotes",
        "share_partners",
        "contact",
        "equality_monitoring",
    ):
        page.check(f"#consent_{purpose}-{0 if purpose == 'analysis' else 1}")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector(".receipt-card")
    return context, page


def top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


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


def test_help_comes_first_when_a_story_suggests_a_risk(live_app):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context, page = tell(browser, base, activity_id, RISKY)
        # The first heading a reader (or a screen reader) meets is the help, and the support
        # sits above the receipt card and the "how was it for you?" questions.
        assert page.locator("main h1").first.inner_text() == "Help and support"
        help_top = top(page, "[data-signpost=suicide_self_harm]")
        assert help_top < top(page, ".receipt-card") < top(page, ".evaluation")
        assert help_top < page.viewport_size["height"]  # on the first screen, unscrolled
        context.close()

        context, page = tell(browser, base, activity_id, ORDINARY)
        assert top(page, ".receipt-card") < top(page, "[data-signpost=general]")
        context.close()

        app.config["WORKBENCH_NATION"] = "wales"
        context, page = tell(browser, base, activity_id, RISKY, lang="cy")
        assert page.locator("html").get_attribute("lang") == "cy"
        first = page.locator("[data-signpost=suicide_self_harm]")
        assert "GIG 111 Cymru" in first.inner_text() and "Samariaid" in first.inner_text()
        assert top(page, "[data-signpost=suicide_self_harm]") < top(page, ".receipt-card")
        assert page.locator("a[href='https://111.nhs.uk']").count() == 0
        context.close()
        browser.close()
    db.close()
