"""Welsh end to end, in a real browser (Debian's Chromium through Playwright): an analyst
writes an activity's title and notice in Welsh too; a storyteller on the Welsh pages reads
them in Welsh, with the equality questions in Welsh, gets a receipt card (on screen and as a
PNG) in Welsh, and is pointed to Welsh services when the organisation is in Wales."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import zxingcpp
from browser_support import sign_in
from conftest import make_user
from PIL import Image, ImageChops
from playwright.sync_api import expect

from plumbing import db as wdb
from plumbing.clock import today

pytestmark = pytest.mark.browser
WELSH_TITLE = "Cael apwyntiad gyda'r meddyg teulu"
WELSH_PURPOSE = "Mae'r practis yn ailgynllunio sut mae pobl yn trefnu apwyntiadau."


@pytest.fixture
def live_app_config() -> dict:
    return {"WORKBENCH_NATION": "wales"}


def write_activity_in_both_languages(browser, base: str) -> None:
    page = browser.new_page()
    sign_in(page, base, "ana")
    page.goto(f"{base}/capture/activities/new")
    for name, text in {
        "title": "Getting a GP appointment",
        "purpose": "The practice is redesigning how people book appointments.",
        "can_influence": "How booking works.",
        "cannot_influence": "The number of GPs.",
        "how_used": "Stories are anonymised and grouped into themes.",
        "who_sees": "Our staff.",
        "feedback_plan": "A summary on our website.",
        "title_cy": WELSH_TITLE,
        "purpose_cy": WELSH_PURPOSE,
        "feedback_plan_cy": "Crynodeb ar ein gwefan.",
    }.items():
        page.fill(f"#{name}", text)
    page.fill("#opens_on", (today() - timedelta(days=1)).isoformat())
    page.fill("#closes_on", (today() + timedelta(days=30)).isoformat())
    page.check("input[name=channels][value=online]")
    page.fill("#retention_days", "365")
    page.click("button:has-text('Create activity')")
    page.wait_for_selector("text=Its notice is version 1")
    page.close()


def card_image(page) -> Image.Image:
    with page.expect_download() as download:
        page.click("form[action^='/receipt/card.png'] button")
    with open(download.value.path(), "rb") as png:
        return Image.open(io.BytesIO(png.read())).convert("L")


def test_a_welsh_storyteller_reads_the_activity_and_keeps_a_card_in_welsh(live_app, browser):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    make_user(db, "analyst", "ana")
    write_activity_in_both_languages(browser, base)
    activity_id = db["activities"].count

    page = browser.new_page()
    page.goto(f"{base}/?lang=cy")
    page.click(f"text={WELSH_TITLE}")
    # The home page has an h1 too: wait for the activity's page, loaded in full.
    expect(page.locator("h1")).to_have_text(WELSH_TITLE, use_inner_text=True)
    page.wait_for_load_state()
    notice = page.inner_text(".activity-notice")
    assert WELSH_PURPOSE in notice and "Crynodeb ar ein gwefan." in notice
    assert "Rydym yn cadw storïau am 365 diwrnod" in notice
    assert "How booking works." in notice  # not written in Welsh: shown as written
    equality = page.inner_text("fieldset.equality")
    assert "Band oedran" in equality and "Age band" not in equality
    expect(page.locator("#eq_sex option")).to_have_text(
        ["Heb ei ateb", "Benyw", "Gwryw", "Gwell gennyf beidio â dweud"], use_inner_text=True
    )

    page.fill("#story", "Roedd y feddygfa yn garedig iawn ond roedd yr aros yn hir.")
    page.check("#consent_analysis-0")
    for purpose in ("publish_quotes", "share_partners", "contact"):
        page.check(f"#consent_{purpose}-1")
    page.check("#consent_equality_monitoring-0")
    page.select_option("#eq_sex", "Female")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector(".receipt-card")
    page.wait_for_load_state()
    expect(page.locator(".card-activity")).to_have_text(WELSH_TITLE, use_inner_text=True)
    expect(page.locator("[data-signpost=general]")).to_contain_text(
        "GIG 111 Cymru", use_inner_text=True
    )
    assert db["equality_answers"].get(1)["sex"] == "Female"  # stored as the English value
    assert db["activities"].get(activity_id)["title_cy"] == WELSH_TITLE
    welsh_card = card_image(page)

    page.click("[data-language-switch]:has-text('English')")
    page.wait_for_selector("html[lang=en]")  # there as soon as the new page starts to parse
    page.wait_for_load_state()
    expect(page.locator(".card-activity")).to_have_text(
        "Getting a GP appointment", use_inner_text=True
    )
    expect(page.locator("[data-signpost=general]")).to_contain_text(
        "NHS 111 Wales", use_inner_text=True
    )
    english_card = card_image(page)
    assert welsh_card.size == english_card.size
    # The same receipt (its QR code reads the same), in other words.
    welsh_qr, english_qr = (
        zxingcpp.read_barcodes(card)[0].text for card in (welsh_card, english_card)
    )
    assert welsh_qr == english_qr and "/receipt#" in welsh_qr
    assert ImageChops.difference(welsh_card, english_card).getbbox()
    db.close()
