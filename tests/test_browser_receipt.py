"""The whole journey in a real browser (Debian's Chromium through Playwright): a gatherer
records a story with consent, and the storyteller scans the receipt card's QR code, sees
their story's status and withdraws it."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from argon2 import PasswordHasher
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve_app
from conftest import PASSWORD, make_user
from consent_support import open_activity
from PIL import Image
from playwright.sync_api import sync_playwright

from plumbing import db as wdb
from workbench import accounts

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/story-workbench-receipt.png"
STORY = "My dad's home care visits were moved to 7am without anyone telling us."


@pytest.fixture
def live_app(tmp_path, monkeypatch):
    """The app on a real HTTP server in a thread, over its own database file."""
    monkeypatch.setattr(accounts, "hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    with serve_app(tmp_path) as served:
        yield served


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
    page.goto(f"{base}/login")
    page.fill("#username", "gill")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.click("summary:has-text('Gather')")  # the menu groups the gatherer's pages
    page.click("text=Record a story")
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
    assert page.url == f"{base}/receipt", "the secret must leave the address bar"
    assert page.inner_text("[aria-current=step]") == "Received"
    assert page.inner_text("[data-purpose=publish_quotes]") == "Now: Yes"
    assert page.inner_text("[data-purpose=share_partners]") == "Now: No"
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
