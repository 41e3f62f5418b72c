"""The online form on a phone, in a real browser (Debian's Chromium through Playwright): it
fits a 375 px screen, and when something is wrong the summary at the top links to each field
with the problem (the GOV.UK error summary), in English and in Welsh."""

from __future__ import annotations

import re

import pytest
from consent_support import open_activity, staff_user
from playwright.sync_api import expect

from plumbing import db as wdb

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser):
    return browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_form_and_its_errors_fit_a_375_pixel_phone(live_app, phone):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    for url in ("/", f"/tell/{activity_id}", f"/tell/{activity_id}?lang=cy", "/receipt"):
        phone.goto(base + url)
        assert page_width(phone) <= PHONE["width"], url
    phone.goto(f"{base}/tell/{activity_id}?lang=en")
    phone.click("button:has-text('Send my story')")
    phone.wait_for_selector(".error-summary")
    phone.wait_for_load_state()  # the whole page laid out, not the part parsed so far
    assert page_width(phone) <= PHONE["width"]


def test_each_problem_in_the_summary_links_to_its_field(live_app, phone):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    phone.goto(f"{base}/tell/{activity_id}")
    phone.check("#consent_contact-0")  # yes, but no way to reach them given
    phone.fill("#contact_email", "not an address")
    phone.click("button:has-text('Send my story')")
    summary = phone.locator(".error-summary")
    summary.wait_for()
    phone.wait_for_load_state()
    links = summary.locator("li a")
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    # In the order of the page: the story, the questions, the email under "contact me".
    assert targets == [
        "#story",
        "#consent_analysis-0",
        "#consent_publish_quotes-0",
        "#consent_share_partners-0",
        "#contact_email",
        "#consent_equality_monitoring-0",
    ]
    expect(summary.locator("a[href='#story']")).to_have_text(
        re.compile(r"^The story: Write"), use_inner_text=True
    )
    for target in targets:
        summary.locator(f"a[href='{target}']").click()
        # The summary's script moves focus on click; expect() waits for it to have done so.
        expect(phone.locator(target)).to_be_focused()
        expect(phone.locator(target)).to_be_visible()


def test_the_summary_links_are_in_welsh_on_the_welsh_form(live_app, phone):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    phone.goto(f"{base}/tell/{activity_id}?lang=cy")
    phone.click("form button[type=submit]")
    first = phone.locator(".error-summary li a").first
    expect(first).to_have_attribute("href", "#story")
    expect(first).to_have_text(re.compile(r"^Y stori:"), use_inner_text=True)
