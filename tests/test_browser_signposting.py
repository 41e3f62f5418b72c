"""In a real browser (Debian's Chromium through Playwright): a storyteller who sends a story
online sees support straight away, fitted to what they said, and always the general section;
when the story suggests a risk, the help comes first, above the receipt and the survey, in the
page's language and with the services of the organisation's nation."""

from __future__ import annotations

import pytest
from consent_support import open_activity, staff_user
from playwright.sync_api import expect

from plumbing import db as wdb
from workbench import safeguarding

pytestmark = pytest.mark.browser

RISKY = "after the last appointment was cancelled i honestly wanted to die and still do"
ORDINARY = "The physio at the community hospital was patient and the exercises helped."


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
    # Loaded in full: what must be absent is looked for in the whole page, and boxes measured
    # where they will stay.
    page.wait_for_load_state()
    return context, page


def top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_the_online_form_shows_signposting_after_the_story_is_sent(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    context, page = tell(browser, base, activity_id, RISKY)
    support = page.locator("[data-signpost=suicide_self_harm]")
    expect(support).to_be_visible()
    expect(support).to_contain_text("116 123", use_inner_text=True)
    expect(page.locator("[data-signpost=general]")).to_be_visible()
    context.close()

    context, page = tell(browser, base, activity_id, ORDINARY)
    expect(page.locator("[data-signpost=general]")).to_be_visible()
    expect(page.locator("[data-signpost=suicide_self_harm]")).to_have_count(0)
    context.close()
    flagged = [f["signal"] for f in safeguarding.queue(db)]
    db.close()
    assert flagged == ["suicide_self_harm"]


def test_help_comes_first_when_a_story_suggests_a_risk(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    context, page = tell(browser, base, activity_id, RISKY)
    # The first heading a reader (or a screen reader) meets is the help, and the support
    # sits above the receipt card and the "how was it for you?" questions.
    expect(page.locator("main h1").first).to_have_text("Help and support", use_inner_text=True)
    help_top = top(page, "[data-signpost=suicide_self_harm]")
    assert help_top < top(page, ".receipt-card") < top(page, ".evaluation")
    assert help_top < page.viewport_size["height"]  # on the first screen, unscrolled
    context.close()

    context, page = tell(browser, base, activity_id, ORDINARY)
    assert top(page, ".receipt-card") < top(page, "[data-signpost=general]")
    context.close()

    app.config["WORKBENCH_NATION"] = "wales"
    context, page = tell(browser, base, activity_id, RISKY, lang="cy")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    first = page.locator("[data-signpost=suicide_self_harm]")
    expect(first).to_contain_text("GIG 111 Cymru", use_inner_text=True)
    expect(first).to_contain_text("Samariaid", use_inner_text=True)
    assert top(page, "[data-signpost=suicide_self_harm]") < top(page, ".receipt-card")
    expect(page.locator("a[href='https://111.nhs.uk']")).to_have_count(0)
    context.close()
    db.close()
