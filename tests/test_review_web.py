"""Analyst review of themes through the real app, CSRF on."""

from __future__ import annotations

import re

import pytest
from conftest import csrf_token, post_form
from publish_fixtures import CANARY_NAME, CANARY_RAW, seed


@pytest.fixture
def seeded(db):
    return seed(db, n_stories=30)


def theme_url(theme_id: int) -> str:
    return f"/review/themes/{theme_id}"


def test_the_theme_list_shows_themes_and_charts_but_never_raw_text(client, login_as, seeded):
    login_as("analyst")
    page = client.get(f"/review/themes?activity={seeded['activity']}")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Waiting for appointments" in body
    assert "<svg" in body
    assert CANARY_RAW not in body and CANARY_NAME not in body
    assert page.headers["Cache-Control"] == "no-store"


def test_an_analyst_renames_and_approves_a_theme_and_publishing_is_queued(
    client, login_as, db, seeded
):
    login_as("analyst")
    theme_id = seeded["themes"]["Medication explained"]
    post_form(
        client,
        f"{theme_url(theme_id)}/rename",
        {"label": "Medicines explained well", "description": "Clear explanations"},
        form_page=theme_url(theme_id),
    )
    post_form(
        client,
        f"{theme_url(theme_id)}/status",
        {"status": "approved"},
        form_page=theme_url(theme_id),
    )
    row = db["themes"].get(theme_id)
    assert (row["label"], row["status"], row["label_source"]) == (
        "Medicines explained well",
        "approved",
        "analyst",
    )
    assert db.execute("SELECT count(*) FROM jobs WHERE name = 'publish'").fetchone()[0] == 1
    actions = {r[0] for r in db.execute("SELECT action FROM audit_log")}
    assert {"theme_renamed", "theme_approved"} <= actions


def _member(db, theme_id: int, quotable: bool) -> tuple[int, str]:
    granted = 1 if quotable else 0
    row = db.execute(
        "SELECT m.story_id, a.text FROM theme_members m "
        "JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked' "
        "JOIN consents c ON c.story_id = m.story_id AND c.purpose = 'publish_quotes' "
        "AND c.granted = ? WHERE m.theme_id = ? LIMIT 1",
        [granted, theme_id],
    ).fetchone()
    return row[0], row[1]


def test_quotes_need_the_storytellers_consent(client, login_as, db, seeded):
    login_as("analyst")
    theme_id = seeded["themes"]["Medication explained"]
    before = db["quotes"].count
    allowed, text = _member(db, theme_id, quotable=True)
    post_form(
        client,
        f"{theme_url(theme_id)}/quotes",
        {"story": allowed, "text": text[:40]},
        form_page=theme_url(theme_id),
    )
    assert db["quotes"].count == before + 1
    refused, text = _member(db, theme_id, quotable=False)
    response = post_form(
        client,
        f"{theme_url(theme_id)}/quotes",
        {"story": refused, "text": text[:40]},
        form_page=theme_url(theme_id),
        follow_redirects=True,
    )
    assert "has not agreed to be quoted" in response.get_data(as_text=True)
    assert db["quotes"].count == before + 1


def test_merge_split_and_move(client, login_as, db, seeded):
    login_as("analyst")
    themes = seeded["themes"]
    target, source = themes["Kind staff"], themes["Medication explained"]
    post_form(client, f"{theme_url(target)}/merge", {"source": source}, form_page=theme_url(target))
    assert db["themes"].get(source)["status"] == "retired"
    members = [
        r[0]
        for r in db.execute(
            "SELECT story_id FROM theme_members WHERE theme_id = ? ORDER BY story_id", [target]
        )
    ]
    post_form(
        client,
        f"{theme_url(target)}/split",
        {"story": members[:2], "label": "Split-off theme"},
        form_page=theme_url(target),
    )
    new_id = db.execute("SELECT id FROM themes WHERE label = 'Split-off theme'").fetchone()[0]
    assert (
        db.execute("SELECT count(*) FROM theme_members WHERE theme_id = ?", [new_id]).fetchone()[0]
        == 2
    )
    post_form(
        client,
        f"{theme_url(new_id)}/move",
        {"story": members[0], "to_theme": target},
        form_page=theme_url(new_id),
    )
    placed = db.execute(
        "SELECT theme_id, source FROM theme_members WHERE story_id = ?", [members[0]]
    ).fetchall()
    assert placed == [(target, "analyst")]


def test_a_bad_edit_says_why_and_changes_nothing(client, login_as, db, seeded):
    login_as("analyst")
    theme_id = seeded["themes"]["Kind staff"]
    response = post_form(
        client,
        f"{theme_url(theme_id)}/rename",
        {"label": "   "},
        form_page=theme_url(theme_id),
        follow_redirects=True,
    )
    assert "A theme needs a label" in response.get_data(as_text=True)
    assert db["themes"].get(theme_id)["label"] == "Kind staff"


def test_an_unknown_theme_is_404(client, login_as, seeded):
    login_as("analyst")
    assert client.get(theme_url(99999)).status_code == 404


def test_a_large_theme_lists_its_stories_a_page_at_a_time(
    client, login_as, db, seeded, monkeypatch
):
    from workbench.blueprints import review

    monkeypatch.setattr(review, "MEMBERS_PER_PAGE", 3)
    login_as("analyst")
    checked = (
        "SELECT m.theme_id, m.story_id FROM theme_members m JOIN anonymisations a "
        "ON a.story_id = m.story_id AND a.status = 'checked'"
    )
    theme, size = db.execute(
        f"SELECT theme_id, count(*) FROM ({checked}) GROUP BY theme_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    assert size > 3, "the fixture has a theme larger than a page"
    pages = -(-size // 3)
    listed: list[str] = []
    for number in range(1, pages + 1):
        body = client.get(f"{theme_url(theme)}?page={number}").get_data(as_text=True)
        assert f"Page {number} of {pages}" in body
        assert f"{size} stories" in body
        shown = re.findall(r'name="story" value="(\d+)" form="split-form"', body)
        assert 1 <= len(shown) <= 3
        listed += shown
    assert sorted(map(int, listed)) == sorted(
        r[0] for r in db.execute(f"SELECT story_id FROM ({checked}) WHERE theme_id = ?", [theme])
    )
    past_the_end = client.get(f"{theme_url(theme)}?page=999").get_data(as_text=True)
    assert f"Page {pages} of {pages}" in past_the_end
    assert client.get(f"{theme_url(theme)}?page=abc").status_code == 200

    other = next(t for t in seeded["themes"].values() if t != theme)
    moved = client.post(
        f"{theme_url(theme)}/move?page=2",
        data={
            "story": listed[3],
            "to_theme": other,
            "csrf_token": csrf_token(client, "/dashboard"),
        },
    )
    assert moved.status_code == 302
    assert moved.headers["Location"].endswith(f"{theme_url(theme)}?page=2")
