"""The check page in a real browser (Debian's Chromium through Playwright): text selected
with the mouse across a highlighted finding fills the "add" box with the story's own words,
not the screen-reader labels hidden inside the highlights, and the preview then takes it."""

from __future__ import annotations

import pytest
from browser_support import sign_in
from conftest import make_user
from consent_support import anonymised_story
from playwright.sync_api import expect

from plumbing import db as wdb

pytestmark = pytest.mark.browser

STORY = (
    "My name is Margaret Thompson and my NHS number is 943 476 5919. The nurse at "
    "Riverside Medical Centre rang me on 07700 900123. My neighbour Bert helped a lot."
)
SELECTED = "nurse at Riverside Medical Centre rang me on 07700 900123. My neighbour"

# Where on the screen a character of the story's visible text is: the text nodes of the
# original, outside the hidden labels, walked in order.
CHARACTER_BOX = """([index]) => {
  const original = document.getElementById("original");
  const walker = document.createTreeWalker(original, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest(".visually-hidden")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let node, seen = 0;
  while ((node = walker.nextNode())) {
    if (index < seen + node.data.length) {
      const range = document.createRange();
      range.setStart(node, index - seen);
      range.setEnd(node, index - seen + 1);
      const box = range.getBoundingClientRect();
      return {x: box.x, y: box.y, width: box.width, height: box.height};
    }
    seen += node.data.length;
  }
  return null;
}"""


@pytest.fixture
def story(live_app):
    app, base = live_app
    db = wdb.connect(app.config["WORKBENCH_DB"])
    story_id = anonymised_story(db, make_user(db, "gatherer", "gemma"), STORY)
    db.close()
    return base, story_id


def drag_select(page, first: int, last: int) -> None:
    """Press the mouse on the left half of character `first` and let go on the right half of
    character `last`, as a person selecting those words would."""
    start = page.evaluate(CHARACTER_BOX, [first])
    end = page.evaluate(CHARACTER_BOX, [last])
    page.mouse.move(start["x"] + 1, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=5)
    page.mouse.move(end["x"] + end["width"] - 1, end["y"] + end["height"] / 2)
    page.mouse.up()


def test_text_selected_across_a_highlight_is_the_storys_own_and_is_accepted(story, browser):
    base, story_id = story
    page = browser.new_context().new_page()
    sign_in(page, base, "gemma")
    page.goto(f"{base}/checks/{story_id}")
    crossed = page.locator("#original mark.finding", has_text="Riverside")
    expect(crossed).to_have_count(1)
    # The label is still there for screen readers, inside the words to be selected.
    expect(crossed.locator(".visually-hidden")).to_contain_text("CARE_SETTING")
    first = STORY.index(SELECTED)
    drag_select(page, first, first + len(SELECTED) - 1)
    expect(page.locator("#add_text")).to_have_value(SELECTED)
    page.select_option("#add_label", "PERSON")
    page.click("button[value=preview]")
    page.wait_for_load_state()
    expect(page.locator(".preview")).not_to_contain_text("Riverside")
    expect(page.locator(".preview")).not_to_contain_text("neighbour")
    expect(page.locator("main")).not_to_contain_text("does not appear")
