"""The front door, in a real browser (Debian's Chromium through Playwright): the public reach
a home page, not the staff login, that lists the activities open now and says who runs this,
how to reach them, their privacy notice and how to complain, all from the organisation's one
file, on every storyteller page and the receipt card, in English and Welsh."""

from __future__ import annotations

import io

import pytest
from consent_support import open_activity, staff_user
from organisation_support import write_organisation
from PIL import Image
from playwright.sync_api import expect

from plumbing import db as wdb

pytestmark = pytest.mark.browser


@pytest.fixture
def live_app_config(tmp_path) -> dict:
    return {"WORKBENCH_ORGANISATION": str(write_organisation(tmp_path / "org"))}


def test_the_public_home_page_lists_open_activities_and_who_runs_this(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    page = browser.new_page()
    page.goto(base + "/")
    assert page.url == base + "/"  # not sent to the staff login
    assert page.locator("h1").inner_text() == "Healthwatch Tremadog"
    listed = page.locator("[data-open-activities] a")
    assert listed.inner_text() == "Getting a GP appointment"
    logo = page.locator("header .brand img")
    assert logo.evaluate("img => img.naturalWidth") == 40
    assert page.locator("header .brand").inner_text().strip() == "Healthwatch Tremadog"
    main = page.locator("main").inner_text()
    assert "straeon@tremadog.example" in main and "01766 000 111" in main

    # Each click starts a navigation; wait_for_url waits for it to land and the page to load.
    page.locator("footer a:has-text('Privacy notice')").click()
    page.wait_for_url("**/about#privacy")
    assert "We hold your story for the purposes you agree to." in page.inner_text("main")
    expect(page.locator("a[href='https://healthwatch-tremadog.example/privacy']")).to_have_count(1)
    assert "Write to our chief officer" in page.inner_text("#complaints-section")

    page.goto(base + "/")
    listed.click()
    page.wait_for_url(f"{base}/tell/{activity_id}")
    footer = page.locator("footer").inner_text()
    assert "Run by Healthwatch Tremadog" in footer and "1 Stryd Fawr" in footer
    page.locator("header .brand").click()
    page.wait_for_url(base + "/")


def test_welsh_pages_name_the_organisation_in_welsh(live_app, browser):
    _app, base = live_app
    page = browser.new_page()
    page.goto(base + "/?lang=cy")
    assert page.locator("h1").inner_text() == "Gwylio Iechyd Tremadog"
    page.goto(base + "/about")
    assert "Rydym yn cadw eich stori" in page.inner_text("#privacy-section")


def test_the_receipt_card_on_screen_and_as_png_names_the_organisation(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db))
    db.close()
    page = browser.new_page()
    page.goto(f"{base}/tell/{activity_id}")
    page.fill("#story", "The reception team found me an appointment the same morning.")
    for purpose in ("analysis", "publish_quotes", "share_partners", "contact"):
        page.check(f"#consent_{purpose}-{0 if purpose == 'analysis' else 1}")
    page.check("#consent_equality_monitoring-1")
    page.locator("form button[type=submit]").last.click()
    card = page.locator("[data-card-organisation]")
    expect(card).to_contain_text("Your story is held by Healthwatch Tremadog.", use_inner_text=True)
    expect(card).to_contain_text("01766 000 111", use_inner_text=True)
    with page.expect_download() as download:
        page.click("button:has-text('Download the card (PNG)')")
    png = Image.open(io.BytesIO(open(download.value.path(), "rb").read()))
    assert png.size == (1240, 720)
