"""Accessibility: axe-core in Debian's Chromium against every kind of page, and a keyboard-only
journey through the online story form.

axe-core comes from the npm registry (`package.json`, installed with `npm ci` by
`make install`); the test fails, naming the command, if it is missing. Pages are checked as
their users see them: storytellers without an account, gatherers and analysts signed in,
planners on the published Datasette. A serious or critical violation fails the test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from browser_support import serve_datasette, serve_wsgi, sign_in
from conftest import app_config, make_user
from consent_support import anonymise, capture_story, open_activity
from playwright.sync_api import expect
from publish_fixtures import add_points, seed

from nlp.themes.store import pending
from plumbing import db as wdb
from workbench import accounts, create_app
from workbench.publishing import publish

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
STORY = "The practice nurse, Priya Shah, rang me back the same day about my blood test."


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --no-audit --no-fund` (make install does)")
    return AXE.read_text()


def hold_a_change(db, ids: dict) -> None:
    """A story proposed for the first (approved) theme, so its page shows held changes."""
    first, other = ids["themes"]["Waiting for appointments"], ids["themes"]["Kind staff"]
    story = db.execute(
        "SELECT story_id FROM theme_members WHERE theme_id = ? LIMIT 1", [other]
    ).fetchone()[0]
    with wdb.write(db):
        pending.hold(
            db, [{"story_id": story, "to_theme_id": first, "from_theme_id": other}], "refit", None
        )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app on a real server, over a database with something on every page."""
    folder = tmp_path_factory.mktemp("a11y")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "hasher", PasswordHasher(time_cost=1, memory_cost=1024))
        app = create_app(app_config(folder))
        db = wdb.connect(app.config["WORKBENCH_DB"])
        ids = seed(db)
        add_points(db)
        hold_a_change(db, ids)
        gatherer = make_user(db, "gatherer", "gill")
        make_user(db, "analyst", "ana")
        make_user(db, "planner", "pat")
        make_user(db, "admin", "ada")
        activity = open_activity(db, gatherer.id)
        receipt = capture_story(db, activity, gatherer.id, text=STORY)
        start = STORY.index("Priya Shah")
        finding = {"start": start, "end": start + len("Priya Shah"), "label": "PERSON"}
        anonymise(db, receipt.story_id, STORY.replace("Priya Shah", "[PERSON]"), "ready")
        with wdb.write(db):
            db["anonymisations"].update(receipt.story_id, {"findings": json.dumps([finding])})
        publish.build(db, app.config["WORKBENCH_PUBLISHED_DB"])
        db.close()
        with serve_wsgi(app) as base:
            yield {
                "base": base,
                "activity": activity,
                "receipt": receipt,
                "check_story": receipt.story_id,
                "reviewed_activity": ids["activity"],
                "theme": next(iter(ids["themes"].values())),
                "published": app.config["WORKBENCH_PUBLISHED_DB"],
            }


@pytest.fixture(scope="module")
def datasette(site):
    """The published database served as `workbench serve-published` serves it."""
    with serve_datasette(site["published"]) as base:
        yield base


def blocking_violations(page, axe_source: str, exclude: list | None = None) -> list[str]:
    """axe's serious and critical findings on the page once it has loaded in full: a selector
    waited for after a navigation (`html[lang=cy]` above all) can match while the rest of the
    page is still being parsed, and axe would then check only part of it."""
    page.wait_for_load_state()
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (exclude) => await axe.run({include: [['html']], exclude},"
        " {resultTypes: ['violations']})",
        exclude or [],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def signed_in(browser, base: str, username: str):
    # axe is injected as an inline script, which the app's CSP rightly forbids.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    sign_in(page, base, username)
    return context, page


def test_storyteller_pages_have_no_serious_violations(site, browser, axe_source):
    base, receipt = site["base"], site["receipt"]
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    found = {}
    for name, url in (
        ("home page", "/"),
        ("home page in Welsh", "/?lang=cy"),
        ("about us, privacy and complaints", "/about?lang=en"),
        ("activity list", "/tell"),
        ("online story form", f"/tell/{site['activity']}"),
        ("online story form in Welsh", f"/tell/{site['activity']}?lang=cy"),
        ("receipt form", "/receipt?lang=en"),
    ):
        page.goto(base + url)
        found[name] = blocking_violations(page, axe_source)
    page.goto(f"{base}/tell/{site['activity']}")
    page.click("button:has-text('Send my story')")  # empty: the page with its errors
    page.wait_for_selector(".error-summary")
    found["online story form with errors"] = blocking_violations(page, axe_source)
    page.goto(f"{base}/receipt")
    page.fill("#reference", receipt.reference)
    page.fill("#secret", receipt.secret)
    page.click("button:has-text('Open my receipt')")
    page.wait_for_selector(f"h1:has-text('{receipt.reference}')")
    found["receipt (after POST)"] = blocking_violations(page, axe_source)
    page.click("summary:has-text('Read what we ask you to agree to')")
    expect(page.locator("details.notice-again[open]")).to_be_visible()
    found["receipt with the notice open"] = blocking_violations(page, axe_source)
    page.goto(f"{base}/tell/{site['activity']}?lang=en")
    page.fill("#story", "The district nurse came every morning, as promised.")
    page.check("#consent_analysis-0")
    for purpose in ("publish_quotes", "share_partners", "contact", "equality_monitoring"):
        page.check(f"#consent_{purpose}-1")
    page.click("button:has-text('Send my story')")
    page.wait_for_selector(".receipt-card")
    found["thank-you page"] = blocking_violations(page, axe_source)
    page.click("[data-language-switch]")
    page.wait_for_selector("html[lang=cy]")
    found["thank-you page after switching to Welsh"] = blocking_violations(page, axe_source)
    context.close()
    assert found == {name: [] for name in found}, json.dumps(found, indent=1)


def test_staff_pages_have_no_serious_violations(site, browser, axe_source):
    base = site["base"]
    found = {}
    context, page = signed_in(browser, base, "gill")
    for name, url in (
        ("dashboard", "/dashboard"),
        ("gatherer capture", f"/capture/activities/{site['activity']}/stories/new"),
        ("check queue", "/checks/"),
        ("check page", f"/checks/{site['check_story']}"),
    ):
        page.goto(base + url)
        found[name] = blocking_violations(page, axe_source)
    page.goto(f"{base}/capture/stories/find")
    page.fill("#reference", site["receipt"].reference)
    page.click("button:has-text('Find')")
    page.wait_for_selector("[data-record-consent]")
    found["find a story, with its change-of-mind form"] = blocking_violations(page, axe_source)
    context.close()
    context, page = signed_in(browser, base, "ana")
    reviewed = site["reviewed_activity"]
    for name, url in (
        ("theme review", f"/review/themes?activity={reviewed}"),
        ("theme detail", f"/review/themes/{site['theme']}"),
        ("priorities", f"/review/priorities/?activity={reviewed}"),
        ("new activity, with its Welsh boxes", "/capture/activities/new"),
    ):
        page.goto(base + url)
        found[name] = blocking_violations(page, axe_source)
    context.close()
    assert found == {name: [] for name in found}, json.dumps(found, indent=1)


EXCEL_CSV = (
    "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
    "consent_equality_monitoring,consent_method,contact_name,contact_postal_address\r\n"
    '"It’d cost £20 – the café was shut",yes,no,no,yes,no,written,Zoë,"1 High St, Leeds"\r\n'
).encode("cp1252")


def test_admin_and_import_pages_have_no_serious_violations(site, browser, axe_source, tmp_path):
    base = site["base"]
    found = {}
    context, page = signed_in(browser, base, "ada")
    for name, url in (
        ("accounts", "/admin/users"),
        ("audit log", "/admin/audit"),
        ("audit log searched", "/admin/audit?action=login&since=2020-01-01"),
        ("audit log with a bad search", "/admin/audit?reference=nonsense"),
        ("change my password", "/account/password"),
    ):
        page.goto(base + url)
        found[name] = blocking_violations(page, axe_source)
    page.locator("summary", has_text="Gather").click()
    expect(page.get_by_role("link", name="Activities")).to_be_visible()  # checked open
    found["menu group open"] = blocking_violations(page, axe_source)
    excel = tmp_path / "excel.csv"
    excel.write_bytes(EXCEL_CSV)
    page.goto(f"{base}/capture/import")
    page.select_option("#activity_id", str(site["activity"]))
    page.set_input_files("#file", str(excel))
    page.check("input[name=mode][value=all_or_nothing]")
    page.click("main form button[type=submit]")
    page.wait_for_selector("[data-encoding]")
    found["import: confirm the encoding"] = blocking_violations(page, axe_source)
    page.click("main form button[type=submit]")
    page.wait_for_selector("[data-letter]")
    found["import: receipt letters"] = blocking_violations(page, axe_source)
    context.close()
    assert found == {name: [] for name in found}, json.dumps(found, indent=1)


def test_published_datasette_pages_have_no_serious_violations(datasette, browser, axe_source):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(datasette + "/")
    theme_link = page.locator("a[href^='/-/planner/theme/']").first.get_attribute("href")
    found = {}
    for name, url in (
        ("planner home", "/"),
        ("planner theme", theme_link),
        ("accessibility statement", "/-/planner/accessibility"),
        ("planner home, filtered", "/?priority=1&from=2026-01&to=2026-02"),
        ("planner home, bad filter", "/?area=nowhere"),
        ("planner theme, narrowed", theme_link + "?priority=1"),
        ("who we heard from", "/-/planner/reach"),
        ("theme document", theme_link + "/document"),
        ("activity document", "/-/planner/activity/1/document"),
        ("database", "/published"),
        ("table", "/published/themes"),
        ("table with a filter applied", "/published/themes?label__contains=e"),
    ):
        page.goto(datasette + url)
        found[name] = blocking_violations(page, axe_source)
    context.close()
    assert found == {name: [] for name in found}, json.dumps(found, indent=1)


NARROW = {"width": 320, "height": 640}


def sideways(page) -> int:
    """How far the page scrolls sideways (pixels beyond the viewport); 0 when it fits."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_every_planner_page_fits_a_320_px_screen_and_passes_axe(
    site, datasette, browser, axe_source
):
    """Planners read on phones: no page scrolls sideways at 320 px (WCAG 1.4.10 reflow), and
    axe finds nothing serious there either."""
    found = {}
    context = browser.new_context(bypass_csp=True, viewport=NARROW)
    page = context.new_page()
    page.goto(datasette + "/")
    theme_link = page.locator("a[href^='/-/planner/theme/']").first.get_attribute("href")
    for name, url in (
        ("planner home", "/"),
        ("planner theme", theme_link),
        ("accessibility statement", "/-/planner/accessibility"),
        ("database", "/published"),
        ("themes table", "/published/themes"),
        ("counts table", "/published/theme_counts"),
        ("what changed", "/published/what_changed"),
    ):
        page.goto(datasette + url)
        found[name] = blocking_violations(page, axe_source) + (
            [f"scrolls sideways by {sideways(page)} px"] if sideways(page) > 0 else []
        )
    context.close()
    context = browser.new_context(bypass_csp=True, viewport=NARROW)
    page = context.new_page()
    sign_in(page, site["base"], "pat")
    for name, url in (
        ("planner dashboard", "/"),
        ("actions", "/actions"),
        ("record an action", "/actions/new"),
        ("reach", "/reach"),
    ):
        page.goto(site["base"] + url)
        found[name] = blocking_violations(page, axe_source) + (
            [f"scrolls sideways by {sideways(page)} px"] if sideways(page) > 0 else []
        )
    context.close()
    assert found == {name: [] for name in found}, json.dumps(found, indent=1)


def test_a_story_can_be_told_with_the_keyboard_alone(site, browser):
    """Tab to move, type into text boxes, Space to choose, Enter to send; never the mouse."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site['base']}/tell/{site['activity']}")
    answered, sent = [], False
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return {id: e.id, tag: e.tagName, type: e.type || '', name: e.name || '',"
            " text: (e.innerText || '').trim()}; }"
        )
        if focused["id"] == "story":
            page.keyboard.type("I could not get through on the phone for a week.")
        elif focused["id"] == "contact_email":
            page.keyboard.type("me@example.org")
        elif focused["type"] == "radio" and focused["name"].startswith("consent_"):
            page.keyboard.press("Space")  # the first choice of each question: Yes
            answered.append(focused["name"])
        elif focused["tag"] == "BUTTON" and focused["text"] == "Send my story":
            page.keyboard.press("Enter")
            sent = True
            break
    assert sent, "the send button was never reached with Tab"
    assert len(answered) == len(set(answered)) == 5, answered
    page.wait_for_selector("text=Thank you for your story")
    expect(page.locator("[data-reference]")).to_have_text(re.compile(r"^SW-"), use_inner_text=True)
    context.close()


def test_the_accessibility_tools_come_from_npm_at_a_pinned_version():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = package["devDependencies"]["axe-core"]
    assert lock["packages"]["node_modules/axe-core"]["version"] == pinned
