"""Switching language on a page that shows a receipt, in a real browser (Debian's Chromium
through Playwright): the thank-you page and the receipt page come back in the other language
with the same receipt on screen, and the secret never appears in an address."""

from __future__ import annotations

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve_app
from consent_support import open_activity, staff_user
from playwright.sync_api import sync_playwright

from plumbing import db as wdb

pytestmark = pytest.mark.browser
RISKY = "after the last appointment was cancelled i honestly wanted to die and still do"


@pytest.fixture
def live_app(tmp_path):
    with serve_app(tmp_path) as served:
        yield served


@pytest.fixture
def page():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chromium.new_page()
        page.addresses = []
        page.on("request", lambda request: page.addresses.append(request.url))
        yield page
        chromium.close()


def send_story(page, base: str, activity_id: int, story: str) -> tuple[str, str]:
    page.goto(f"{base}/tell/{activity_id}?lang=en")
    page.fill("#story", story)
    page.check("#consent_analysis-0")
    for purpose in ("publish_quotes", "share_partners", "contact", "equality_monitoring"):
        page.check(f"#consent_{purpose}-1")
    page.click("button:has-text('Send my story')")
    return page.inner_text("[data-reference]"), page.inner_text("[data-secret]")


def test_the_thank_you_page_keeps_the_receipt_across_a_language_switch(live_app, page):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    reference, secret = send_story(page, base, activity_id, "The pharmacy was quick and kind.")

    page.click("[data-language-switch]:has-text('Cymraeg')")
    page.wait_for_selector("html[lang=cy]")
    assert page.inner_text("[data-reference]") == reference
    assert page.inner_text("[data-secret]") == secret
    assert "Diolch am eich stori" in page.inner_text("main")
    assert page.locator("[data-signpost=general]").is_visible()
    assert page.locator(".evaluation").count() == 1

    page.click("[data-language-switch]:has-text('English')")
    page.wait_for_selector("html[lang=en]")
    assert page.inner_text("[data-secret]") == secret
    assert "Thank you for your story" in page.inner_text("main")
    assert not [url for url in page.addresses if secret in url]


def test_help_stays_first_after_switching_language(live_app, page):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    _reference, secret = send_story(page, base, activity_id, RISKY)
    page.click("[data-language-switch]:has-text('Cymraeg')")
    page.wait_for_selector("html[lang=cy]")
    help_top = page.locator("[data-signpost=suicide_self_harm]").bounding_box()["y"]
    assert help_top < page.locator(".receipt-card").bounding_box()["y"]
    assert page.inner_text("[data-secret]") == secret


def test_the_receipt_page_keeps_the_receipt_across_a_language_switch(live_app, page):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    reference, secret = send_story(page, base, activity_id, "The ward was calm at night.")
    page.goto(f"{base}/receipt?lang=en")
    page.fill("#reference", reference)
    page.fill("#secret", secret)
    page.click("button:has-text('Open my receipt')")
    page.click("[data-language-switch]:has-text('Cymraeg')")
    page.wait_for_selector("html[lang=cy]")
    assert reference in page.inner_text("h1")
    assert page.locator("form[action='/receipt/withdraw'] input[name=secret]").input_value() == (
        secret
    )
    assert not [url for url in page.addresses if secret in url]
