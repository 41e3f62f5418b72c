"""Saying yes later, in a real browser (Debian's Chromium through Playwright): a teller who
answered "No" to being contacted changes it to "Yes" on their receipt page, giving an email
address, against the notice as it reads now; and a gatherer records another teller's "yes"
on their behalf, which the audit log keeps with who did it and how they checked."""

from __future__ import annotations

import pytest
from browser_support import sign_in
from conftest import make_user
from consent_support import ACTIVITY, capture_story, open_activity, staff_user
from playwright.sync_api import expect

from consent import activities, contact_details
from plumbing import db as wdb

pytestmark = pytest.mark.browser
ONLY_ANALYSIS = {
    "analysis": True,
    "publish_quotes": False,
    "share_partners": False,
    "contact": False,
    "equality_monitoring": False,
}


def story_with_a_newer_notice(db):
    """A story told under notice 1, whose activity's notice has since become version 2."""
    analyst = staff_user(db, "analyst")
    activity = open_activity(db, analyst)
    receipt = capture_story(
        db, activity, None, consents=ONLY_ANALYSIS, contact=None, equality=None, method="online"
    )
    fields = {**db["activities"].get(activity), **ACTIVITY, "who_sees": "Also the ICB board."}
    activities.update_activity(db, activity, fields, analyst)
    return receipt, activities.current_notice(db, activity)


def test_a_teller_changes_no_to_yes_on_their_receipt_page(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    receipt, notice = story_with_a_newer_notice(db)
    page = browser.new_page()
    page.goto(f"{base}/receipt?lang=en")
    page.fill("#reference", receipt.reference)
    page.fill("#secret", receipt.secret)
    page.click("button:has-text('Open my receipt')")
    page.wait_for_selector("[data-purpose=contact]")
    page.wait_for_load_state()  # what must be absent is looked for in the whole page
    expect(page.locator("[data-purpose=contact]")).to_have_text("Now: No", use_inner_text=True)
    assert "contact the team" not in page.inner_text("main")
    page.click("summary:has-text('Read what we ask you to agree to')")
    expect(page.locator(".notice-again")).to_contain_text(
        "Also the ICB board.", use_inner_text=True
    )

    page.check("#want_contact-0")
    page.check("#confirm")
    page.click("button:has-text('Save my changes')")  # but no way to reach them
    expect(page.locator("#purpose-contact .field-error")).to_contain_text(
        "give an email address", use_inner_text=True
    )
    page.fill("[data-details-for=contact] #contact_email", "later@example.org")
    page.check("#confirm")
    page.click("button:has-text('Save my changes')")
    page.wait_for_selector("text=Your choices are saved")
    expect(page.locator("[data-purpose=contact]")).to_have_text("Now: Yes", use_inner_text=True)
    row = db["consents"].get((receipt.story_id, "contact"))
    assert (row["granted"], row["notice_id"], row["recorded_by"]) == (
        1,
        notice["id"],
        "storyteller",
    )
    assert contact_details(db, [receipt.story_id])[receipt.story_id]["email"] == (
        "later@example.org"
    )
    db.close()


def test_a_gatherer_records_a_yes_on_the_tellers_behalf_and_it_is_audited(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    receipt, notice = story_with_a_newer_notice(db)
    gill = make_user(db, "gatherer", "gill")
    page = browser.new_page()
    sign_in(page, base, "gill")
    page.goto(f"{base}/capture/stories/find")
    page.fill("#reference", receipt.reference)
    page.click("button:has-text('Find')")
    form = page.locator("[data-record-consent]")
    expect(form).to_contain_text(f"version {notice['version']}", use_inner_text=True)
    form.locator("#purpose").select_option("contact")
    form.locator("#answer-0").check()
    form.locator("#method").select_option("verbal")
    form.locator("#method_note").fill("Read notice v2 on the phone; he said yes to updates.")
    form.locator("#contact_phone").fill("01766 123 456")
    form.locator("#identity_check_consent").select_option("call_back")
    form.locator("#confirm_consent").check()
    form.locator("button:has-text('Record their answer')").click()
    page.wait_for_selector(".flash.info")
    expect(page.locator("main")).to_contain_text(
        "“Contact me about what changed: Yes” is recorded", use_inner_text=True
    )

    row = db["consents"].get((receipt.story_id, "contact"))
    assert (row["granted"], row["method"], row["recorded_by"], row["notice_id"]) == (
        1,
        "verbal",
        f"user:{gill.id}",
        notice["id"],
    )
    assert contact_details(db, [receipt.story_id])[receipt.story_id]["phone"] == "01766 123 456"
    audit = [
        (r["actor"], r["action"], r["detail"])
        for r in db.query("SELECT * FROM audit_log WHERE object_id = ?", [str(receipt.story_id)])
    ]
    assert (f"user:{gill.id}", "identity_checked", "call_back") in audit
    changed = [a for a in audit if a[1] == "consent_changed"]
    assert changed and changed[-1][0] == f"user:{gill.id}" and "method=verbal" in changed[-1][2]
    db.close()
