"""The theme document printed by a real browser: print CSS hides the site's chrome, and the
PDF Chromium saves is tagged (headings and the chart's text alternative reach the PDF)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import sync_playwright
from publish_fixtures import seed

from plumbing import db as wdb
from workbench.commands.services import datasette_command
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
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        datasette_command(folder / "published.db", port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/planner/accessibility", timeout=1)
            break
        except OSError:
            if time.time() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("Datasette did not start")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_the_printed_theme_document_is_clean_and_a_tagged_pdf(datasette):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(datasette + "/-/planner/theme/1/document")
        assert page.locator("header").is_visible()
        page.emulate_media(media="print")
        assert not page.locator("header").is_visible()
        assert not page.locator("footer.ft").is_visible()
        assert not page.locator(".planner-noprint").is_visible()
        assert page.locator("h1").is_visible() and page.locator("#method-heading").is_visible()
        pdf = page.pdf(format="A4", tagged=True, outline=True)
        browser.close()
    assert pdf.startswith(b"%PDF")
    assert b"/StructTreeRoot" in pdf  # a tagged PDF, so headings reach screen readers
