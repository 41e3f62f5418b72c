"""The published site works in a real browser under its content security policy (issue 18,
item 13): no script or style is refused, and Datasette's facet and menu scripts still run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_accessibility import datasette, site  # noqa: F401

pytestmark = pytest.mark.browser


def test_published_pages_break_no_rule_of_their_policy(datasette, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(datasette + "/")
    theme = page.locator("a[href^='/-/planner/theme/']").first.get_attribute("href")
    for url in ("/", theme, "/-/planner/accessibility", "/published", "/published/themes"):
        response = page.goto(datasette + url)
        assert "script-src 'self';" in response.headers["content-security-policy"]
    # table.js read the facet switch from its file, and the menus script is in place.
    assert page.evaluate("window.DATASETTE_ALLOW_FACET") is True
    page.evaluate(
        "document.body.insertAdjacentHTML('afterbegin', "
        "'<details open><summary>menu</summary>items</details>')"
    )
    page.locator("h1").first.click()
    expect(page.locator("details[open]")).to_have_count(0)  # the menus script closed it
    context.close()
    assert refused == []
