"""A theme (and an activity) as a document to attach to a board paper."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from publish_fixtures import build_published, fetch_published

from datasette_plugins import pages


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_published(tmp_path_factory.mktemp("documents"))


fetch = fetch_published


def headings(html: str) -> list[tuple[int, str]]:
    return [
        (int(level), re.sub("<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]


def test_a_theme_document_has_every_part_a_board_paper_needs(built):
    theme, document = fetch(built, "/-/planner/theme/1", "/-/planner/theme/1/document")
    assert document.status_code == 200
    assert "/-/planner/theme/1/document" in theme.text  # linked from the theme page
    found = headings(document.text)
    assert found[0][0] == 1 and len([h for h in found if h[0] == 1]) == 1
    names = [text for _, text in found]
    for part in ("Trend over time", "Priorities", "What people said", "You said, we did"):
        assert part in names
    for part in ("Method", "How stories were gathered", "How stories were anonymised"):
        assert part in names
    assert "How stories were grouped" in names
    (label, description, band) = (
        sqlite3.connect(built)
        .execute("SELECT label, description, size_band FROM themes WHERE id = 1")
        .fetchone()
    )
    assert label in document.text and description in document.text
    assert f"<dd>{band.replace('<', '&lt;')}</dd>" in document.text
    assert document.text.count('class="planner-quote"') <= pages.QUOTES_IN_DOCUMENT
    # Every chart carries its text alternative.
    for svg in re.findall(r"<svg[^>]*>", document.text):
        assert 'role="img"' in svg and "aria-label=" in svg


def test_the_document_draws_the_trend_when_the_months_carry_one(built, tmp_path):
    path = tmp_path / "published.db"
    shutil.copy(built, path)
    conn = sqlite3.connect(path)
    conn.execute(
        "DELETE FROM theme_counts WHERE theme_id = 1 AND priority_id IS NULL "
        "AND channel = 'All channels' AND month != 'All months'"
    )
    conn.executemany(
        "INSERT INTO theme_counts VALUES (1, NULL, 'All priorities', 'All channels', ?, ?)",
        [(f"2025-{m:02d}", 10 + m % 3) for m in range(1, 10)],
    )
    conn.commit()
    conn.close()
    (document,) = fetch(path, "/-/planner/theme/1/document")
    assert "planner-spc" in document.text and "No real change" in document.text
    assert "<desc>" in document.text  # the chart's description, for screen readers


def test_an_activity_document_gathers_its_themes_reach_and_actions(built):
    home, document, missing = fetch(
        built, "/", "/-/planner/activity/1/document", "/-/planner/activity/99/document"
    )
    assert "/-/planner/activity/1/document" in home.text
    assert document.status_code == 200 and missing.status_code == 404
    names = [text for _, text in headings(document.text)]
    for part in ("Themes", "Who we heard from", "You said, we did", "Method"):
        assert part in names
    labels = [r[0] for r in sqlite3.connect(built).execute("SELECT label FROM themes")]
    assert all(label in document.text for label in labels)


def test_documents_never_show_a_small_count_and_missing_ones_are_404(built):
    theme, activity, nothing = fetch(
        built,
        "/-/planner/theme/1/document",
        "/-/planner/activity/1/document",
        "/-/planner/theme/999/document",
    )
    for page in (theme, activity):
        numbers = re.findall(r"<(?:td|text)[^>]*>(\d+)</(?:td|text)>", page.text)
        assert not any(0 < int(n) < 5 for n in numbers)
    assert nothing.status_code == 404


def test_representative_quotes_spread_over_the_months():
    quotes = [{"month": m, "text": f"{m}-{n}"} for m in ("2026-01", "2026-02") for n in range(4)]
    quotes[0:0] = [{"month": None, "text": "undated"}]
    chosen = pages.representative(quotes, 3)
    assert [q["text"] for q in chosen] == ["undated", "2026-01-0", "2026-02-0"]
    assert len(pages.representative(quotes, 20)) == len(quotes)


def test_ids_too_large_for_sqlite_are_not_found_not_a_500(built):
    huge = "9" * 30
    pages_ = fetch(
        built,
        f"/-/planner/theme/{huge}",
        f"/-/planner/theme/{huge}/document",
        f"/-/planner/activity/{huge}/document",
    )
    assert [p.status_code for p in pages_] == [404, 404, 404]
