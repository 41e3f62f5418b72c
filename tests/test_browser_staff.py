"""Staff pages in a real browser (Debian's Chromium through Playwright): importing a file
Excel saved on Windows and printing its receipts as letters, one per page; managing an
account; searching the audit log; the menu grouped by role, used from the keyboard."""

from __future__ import annotations

import re

import pytest
from browser_support import sign_in
from conftest import make_user
from consent_support import open_activity
from playwright.sync_api import expect

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
def site(live_app):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    yield app, base, db
    db.close()


def signed_in(browser, base: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, base, username)
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
    expect(notice).to_contain_text("Windows-1252", use_inner_text=True)
    expect(notice).to_contain_text("it’d cost £20 – the café", use_inner_text=True)
    expect(page.locator("#encoding")).to_have_value("cp1252")
    page.wait_for_load_state()  # the confirming page in full, before its button is pressed
    assert db["stories"].count == 0
    page.click("main form button[type=submit]")  # confirm, without choosing the file again

    page.wait_for_selector("[data-letter]")
    page.wait_for_load_state()  # every letter parsed, not only the first
    expect(page.locator("main")).to_contain_text("3 of 3 rows imported", use_inner_text=True)
    expect(page.locator("[data-letter]")).to_have_count(3)
    expect(page.locator("[data-letter]").nth(1)).to_contain_text("Zoë Price", use_inner_text=True)
    texts = [r["text"] for r in db.query("SELECT text FROM stories ORDER BY id")]
    assert texts[0] == "The nurse said it’d cost £20 – the café was shut"

    page.emulate_media(media="print")
    expect(page.locator("main form")).to_be_hidden()
    expect(page.locator(".receipts")).to_be_hidden()
    expect(page.locator("[data-letter]").first).to_be_visible()
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
    # Each button posts a form; the page read before the new one arrives is the old one, so
    # every check waits with expect() for the page it is about.
    status = page.locator(f"#user-{bob.id} [data-status]")
    row.get_by_role("button", name="Deactivate bob").click()
    expect(page.locator("h1")).to_have_text("Deactivate bob?", use_inner_text=True)
    page.get_by_role("button", name="Yes, deactivate bob").click()
    expect(page.locator("[role=status]").first).to_have_text(
        re.compile(r"^Saved: bob is deactivated"), use_inner_text=True
    )
    expect(status).to_have_text("Deactivated", use_inner_text=True)
    page.locator(f"#user-{bob.id}").get_by_role("button", name="Reactivate bob").click()
    expect(status).to_have_text("Active", use_inner_text=True)
    page.locator(f"#role-{bob.id}").select_option("planner")
    page.locator(f"#user-{bob.id}").get_by_role("button", name="Change role of bob").click()
    expect(page.locator("main")).to_contain_text("Saved: bob is now planner.", use_inner_text=True)
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
    # The unfiltered page has rows too: count only once the searched page has loaded in full.
    page.wait_for_url(lambda url: "user=" in url)
    rows = page.locator("table.audit tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("bob", use_inner_text=True)
    expect(rows.first).to_contain_text("login", use_inner_text=True)
    expect(rows.first).not_to_contain_text("user:", use_inner_text=True)
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
