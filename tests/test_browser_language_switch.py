"""Switching language on a page that shows a receipt, in a real browser (Debian's Chromium
through Playwright): the thank-you page and the receipt page come back in the other language
with the same receipt on screen, and the secret never appears in an address."""

from __future__ import annotations

import pytest
from consent_support import open_activity, staff_user
from playwright.sync_api import expect

from plumbing import db as wdb

pytestmark = pytest.mark.browser
RISKY = "after the last appointment was cancelled i honestly wanted to die and still do"


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.addresses = []
    page.on("request", lambda request: page.addresses.append(request.url))
    return page


def switch_to(page, name: str, lang: str) -> None:
    """Press the language switch (a form post) and wait for the whole new page: `html[lang]`
    is there as soon as parsing starts, long before the rest of the page."""
    page.click(f"[data-language-switch]:has-text('{name}')")
    page.wait_for_selector(f"html[lang={lang}]")
    page.wait_for_load_state()


def send_story(page, base: str, activity_id: int, story: str) -> tuple[str, str]:
    page.goto(f"{base}/tell/{activity_id}?lang=en")
    page.fill("#story", story)
    page.check("#consent_analysis-0")
    for purpose in ("publish_quotes", "share_partners", "contact", "equality_monitoring"):
        page.check(f"#consent_{purpose}-1")
    page.click("button:has-text('Send my story')")
    page.wait_for_selector("[data-secret]")
    page.wait_for_load_state()
    return page.inner_text("[data-reference]"), page.inner_text("[data-secret]")


def test_the_thank_you_page_keeps_the_receipt_across_a_language_switch(live_app, page):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    reference, secret = send_story(page, base, activity_id, "The pharmacy was quick and kind.")

    switch_to(page, "Cymraeg", "cy")
    expect(page.locator("[data-reference]")).to_have_text(reference, use_inner_text=True)
    expect(page.locator("[data-secret]")).to_have_text(secret, use_inner_text=True)
    expect(page.locator("main")).to_contain_text("Diolch am eich stori", use_inner_text=True)
    expect(page.locator("[data-signpost=general]")).to_be_visible()
    expect(page.locator(".evaluation")).to_have_count(1)

    switch_to(page, "English", "en")
    expect(page.locator("[data-secret]")).to_have_text(secret, use_inner_text=True)
    expect(page.locator("main")).to_contain_text("Thank you for your story", use_inner_text=True)
    assert not [url for url in page.addresses if secret in url]


def test_help_stays_first_after_switching_language(live_app, page):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    _reference, secret = send_story(page, base, activity_id, RISKY)
    switch_to(page, "Cymraeg", "cy")  # loaded, so the boxes below are where they will stay
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
    expect(page.locator("h1")).to_contain_text(reference, use_inner_text=True)
    switch_to(page, "Cymraeg", "cy")
    expect(page.locator("h1")).to_contain_text(reference, use_inner_text=True)
    withdraw_secret = page.locator("form[action='/receipt/withdraw'] input[name=secret]")
    expect(withdraw_secret).to_have_value(secret)
    assert not [url for url in page.addresses if secret in url]
