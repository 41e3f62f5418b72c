"""The whole journey in a real browser (Debian's Chromium through Playwright): a gatherer
records a story with consent, and the storyteller scans the receipt card's QR code, sees
their story's status and withdraws it."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from browser_support import sign_in
from conftest import make_user
from consent_support import open_activity
from PIL import Image
from playwright.sync_api import expect

from plumbing import db as wdb

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/story-workbench-receipt.png"
STORY = "My dad's home care visits were moved to 7am without anyone telling us."


def decode_qr(png: bytes) -> str:
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))
    assert len(found) == 1, "the card should carry exactly one readable QR code"
    return found[0].text


def test_a_storyteller_scans_their_receipt_sees_the_status_and_withdraws(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    gatherer = make_user(db, "gatherer", "gill")
    open_activity(db, gatherer.id)

    # The gatherer records the story, with the person's answers to each consent question.
    staff = browser.new_context()
    page = staff.new_page()
    sign_in(page, base, "gill")
    page.click("summary:has-text('Gather')")  # the menu groups the gatherer's pages
    page.click("text=Record a story")
    # The activity's name may be on the page the click leaves too: click it on the new one.
    expect(page.locator("h1")).to_have_text("Record a story", use_inner_text=True)
    page.click("text=Getting a GP appointment")
    page.select_option("#channel", "in_person")
    page.fill("#story", STORY)
    for purpose, answer in (
        ("analysis", 0),
        ("publish_quotes", 0),
        ("share_partners", 1),
        ("contact", 1),
        ("equality_monitoring", 1),
    ):
        page.check(f"#consent_{purpose}-{answer}")
    page.select_option("#method", "written")
    page.click("text=Save the story and issue a receipt")
    page.wait_for_selector("text=Story saved")
    page.wait_for_load_state()  # the QR code drawn before it is read
    reference = page.inner_text("[data-reference]")
    secret = page.inner_text("[data-secret]")
    qr_url = decode_qr(page.locator(".receipt-card .qr").screenshot())
    assert qr_url == f"{base}/receipt#{reference}.{secret}"
    staff.close()

    # The storyteller scans the card on their own device: no account, no shared cookies.
    own_device = browser.new_context()
    page = own_device.new_page()
    page.goto(qr_url)
    page.wait_for_selector(f"h1:has-text('{reference}')")
    page.wait_for_load_state()  # the whole page, so what it must not show is looked for in all
    assert page.url == f"{base}/receipt", "the secret must leave the address bar"
    expect(page.locator("[aria-current=step]")).to_have_text("Received", use_inner_text=True)
    for purpose, now in (("publish_quotes", "Now: Yes"), ("share_partners", "Now: No")):
        expect(page.locator(f"[data-purpose={purpose}]")).to_have_text(now, use_inner_text=True)
    assert STORY not in page.content()
    page.screenshot(path=SCREENSHOT, full_page=True)

    page.check("#withdraw-confirm")
    page.click("button:has-text('Withdraw my story')")
    page.wait_for_selector("text=Your story has been withdrawn")
    own_device.close()

    assert db["stories"].count == 0
    tombstone = db["withdrawals"].get(reference)
    assert tombstone["method"] == "receipt" and tombstone["by"] == "storyteller"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT.*", tombstone["withdrawn_at"])
    db.close()
