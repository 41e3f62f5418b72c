"""The theme document printed by a real browser: print CSS hides the site's chrome, and the
PDF Chromium saves is tagged (headings and the chart's text alternative reach the PDF)."""

from __future__ import annotations

import pytest
from browser_support import serve_datasette
from playwright.sync_api import expect
from publish_fixtures import seed

from plumbing import db as wdb
from workbench.publishing import publish

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    db = wdb.connect(folder / "w.db")
    wdb.migrate(db)
    seed(db)
    publish.build(db, folder / "published.db")
    db.close()
    with serve_datasette(folder / "published.db", probe="/-/planner/accessibility") as base:
        yield base


def test_the_printed_theme_document_is_clean_and_a_tagged_pdf(datasette, browser):
    page = browser.new_page()
    page.goto(datasette + "/-/planner/theme/1/document")
    expect(page.locator("header")).to_be_visible()
    page.emulate_media(media="print")
    # expect() waits for the print styles to have been applied, not just requested.
    expect(page.locator("header")).to_be_hidden()
    expect(page.locator("footer.ft")).to_be_hidden()
    expect(page.locator(".planner-noprint")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#method-heading")).to_be_visible()
    pdf = page.pdf(format="A4", tagged=True, outline=True)
    assert pdf.startswith(b"%PDF")
    assert b"/StructTreeRoot" in pdf  # a tagged PDF, so headings reach screen readers
