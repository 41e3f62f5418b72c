"""Staff pages in a real browser (Debian's Chromium through Playwright): importing a file
Excel saved on Windows and printing its receipts as letters, one per page; managing an
account; searching the audit log; the menu grouped by role, used from the keyboard."""

from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve_app
from conftest import PASSWORD, make_user
from consent_support import open_activity
from playwright.sync_api import expect, sync_playwright

from plumbing import db as wdb
from workbench import accounts

pytestmark = pytest.mark.browser

HEADER = (
    "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
    "consent_equality_monitoring,consent_method,contact_name,contact_postal_address"
)
ROWS = (
    '"The nurse said it’d cost £20 – the café was shut",yes,yes,no,no,no,written,,',
    '“Brilliant” care from Zoë,yes,no,no,yes,no,written,Zoë Price,"1 High St, Leeds, LS1 1AA"',
    "Waited three hours at the walk-in centre,yes,no,no,no,no,written,,",
)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setattr(accounts, "hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    with serve_app(tmp_path) as (app, base):
        db = wdb.connect(app.config["WORKBENCH_DB"])
        yield app, base, db
        db.close()


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def signed_in(browser, base: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/login"))
    return context, page


def test_an_excel_file_is_confirmed_imported_and_its_receipts_print_one_letter_a_page(
    site, browser, tmp_path
):
    _app, base, db = site
    analyst = make_user(db, "analyst", "ana")
    activity_id = open_activity(db, analyst.id)
    excel = tmp_path / "stories from excel.csv"
    excel.write_bytes("\r\n".join([HEADER, *ROWS, ""]).encode("cp1252"))
    context, page = signed_in(browser, base, "ana")
    page.goto(f"{base}/capture/import")
    page.select_option("#activity_id", str(activity_id))
    page.set_input_files("#file", str(excel))
    page.check("input[name=mode][value=all_or_nothing]")
    page.click("main form button[type=submit]")

    notice = page.locator("[data-encoding]")
    assert "Windows-1252" in notice.inner_text()
    assert "it’d cost £20 – the café" in notice.inner_text()
    assert page.locator("#encoding").input_value() == "cp1252"
    assert db["stories"].count == 0
    page.click("main form button[type=submit]")  # confirm, without choosing the file again

    page.wait_for_selector("[data-letter]")
    assert "3 of 3 rows imported" in page.locator("main").inner_text()
    assert page.locator("[data-letter]").count() == 3
    assert "Zoë Price" in page.locator("[data-letter]").nth(1).inner_text()
    texts = [r["text"] for r in db.query("SELECT text FROM stories ORDER BY id")]
    assert texts[0] == "The nurse said it’d cost £20 – the café was shut"

    page.emulate_media(media="print")
    assert not page.locator("main form").is_visible()
    assert not page.locator(".receipts").is_visible()
    assert page.locator("[data-letter]").first.is_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 3, pages
    context.close()


def test_an_admin_deactivates_and_reactivates_an_account_and_is_told_each_time(site, browser):
    _app, base, db = site
    make_user(db, "admin", "ada")
    bob = make_user(db, "analyst", "bob")
    context, page = signed_in(browser, base, "ada")
    page.goto(f"{base}/admin/users")
    row = page.locator(f"#user-{bob.id}")
    row.get_by_role("button", name="Deactivate bob").click()
    assert page.locator("h1").inner_text() == "Deactivate bob?"
    page.get_by_role("button", name="Yes, deactivate bob").click()
    assert page.locator("[role=status]").first.inner_text().startswith("Saved: bob is deactivated")
    assert page.locator(f"#user-{bob.id} [data-status]").inner_text() == "Deactivated"
    page.locator(f"#user-{bob.id}").get_by_role("button", name="Reactivate bob").click()
    assert page.locator(f"#user-{bob.id} [data-status]").inner_text() == "Active"
    page.locator(f"#role-{bob.id}").select_option("planner")
    page.locator(f"#user-{bob.id}").get_by_role("button", name="Change role of bob").click()
    assert "Saved: bob is now planner." in page.locator("main").inner_text()
    assert accounts.get(db, bob.id).role == "planner"
    context.close()


def test_the_audit_log_is_searched_by_person_and_exported_as_shown(site, browser):
    _app, base, db = site
    make_user(db, "admin", "ada")
    make_user(db, "analyst", "bob")
    signed_in(browser, base, "bob")[0].close()  # bob's login is in the log
    context, page = signed_in(browser, base, "ada")
    page.goto(f"{base}/admin/audit")
    page.select_option("#user", label="bob")
    page.click("form[role=search] button[type=submit]")
    rows = page.locator("table.audit tbody tr")
    assert rows.count() == 1 and "bob" in rows.first.inner_text()
    assert "login" in rows.first.inner_text() and "user:" not in rows.first.inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Export these events as CSV").click()
    lines = open(download.value.path(), encoding="utf-8").read().splitlines()
    assert len(lines) == 2 and ",bob," in lines[1]
    context.close()


def test_the_grouped_menu_works_from_the_keyboard(site, browser):
    # A <details> element's toggle event is queued, not dispatched inline, so what the menu's
    # script does on toggle (closing the other group) lands a moment after the click: the
    # assertions wait for it with expect() rather than reading visibility once.
    _app, base, db = site
    make_user(db, "admin", "ada")
    context, page = signed_in(browser, base, "ada")
    gather = page.locator("summary", has_text="Gather")
    activities = page.get_by_role("link", name="Activities")
    expect(activities).to_be_hidden()
    for _ in range(20):  # Tab from the top of the page until the group's name has focus
        page.keyboard.press("Tab")
        if gather.evaluate("node => node === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(activities).to_be_visible()
    page.keyboard.press("Escape")
    expect(activities).to_be_hidden()
    expect(gather).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(activities).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/capture/activities")
    # Opening one group closes the other.
    page.locator("summary", has_text="Review").click()
    expect(page.get_by_role("link", name="Themes")).to_be_visible()
    page.locator("summary", has_text="Admin").click()
    expect(page.get_by_role("link", name="Audit log")).to_be_visible()
    expect(page.get_by_role("link", name="Themes")).to_be_hidden()
    context.close()
