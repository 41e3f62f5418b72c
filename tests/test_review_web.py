"""Analyst review of themes through the real app, CSRF on."""

from __future__ import annotations

import json
import re

import pytest
from conftest import csrf_token, post_form
from publish_fixtures import CANARY_NAME, CANARY_RAW, add_points, seed


@pytest.fixture
def seeded(db):
    return seed(db, n_stories=30)


LOCAL_12_MARCH = '<time datetime="2026-03-12T10:00:00">Thu 12 Mar 2026, 10:00</time>'


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


def _queued(db, name: str) -> list[dict]:
    return [
        json.loads(row[0])
        for row in db.execute("SELECT params FROM jobs WHERE name = ? ORDER BY id", [name])
    ]


def test_moving_a_story_answers_without_the_keyword_model_and_queues_it(
    client, login_as, db, seeded, monkeypatch
):
    """The first move once took 15 s: the request refreshed keywords, which loads BERTopic."""
    from nlp.themes import fitting as theme_model

    def no_model_in_a_request(*_args, **_kwargs):
        raise AssertionError("a request ran the keyword model")

    monkeypatch.setattr(theme_model, "keywords_for_groups", no_model_in_a_request)
    login_as("analyst")
    source, target = seeded["themes"]["Waiting for appointments"], seeded["themes"]["Kind staff"]
    story = db.execute(
        "SELECT story_id FROM theme_members WHERE theme_id = ? LIMIT 1", [source]
    ).fetchone()[0]
    moved = post_form(
        client,
        f"{theme_url(source)}/move",
        {"story": story, "to_theme": target},
        form_page=theme_url(source),
    )
    assert moved.status_code == 302
    assert themes_of(db, story)
    assert [sorted(p["theme_ids"]) for p in _queued(db, "refresh_keywords")] == [
        sorted([source, target])
    ]
    # The story left an approved theme, so the published file is rebuilt.
    assert len(_queued(db, "publish")) == 1


def themes_of(db, story_id: int) -> list[tuple[int]]:
    return db.execute(
        "SELECT theme_id FROM theme_members WHERE story_id = ?", [story_id]
    ).fetchall()


def decide_proposal(client, theme_id: int, story_id: int, decision: str):
    """The analyst's answer ("accept" or "reject") to a proposed move on the theme's page."""
    url = theme_url(theme_id)
    form = {"decision": decision, "story": story_id}
    return post_form(client, f"{url}/proposed", form, form_page=url)


def _hold(db, story_id: int, to_theme: int, from_theme: int | None = None) -> None:
    from nlp.themes.store import pending
    from plumbing import db as wdb

    with wdb.write(db):
        if from_theme is None:
            db.execute("DELETE FROM theme_members WHERE story_id = ?", [story_id])
        pending.hold(
            db,
            [{"story_id": story_id, "to_theme_id": to_theme, "from_theme_id": from_theme}],
            origin="new_story",
            run_id=None,
        )


def _published_members(db) -> dict[str, int]:
    """Stories per approved theme, by label, as the publishing build takes them (the file
    itself shows a theme's size only as a band, so the count is read from what it builds on)."""
    from nlp.themes import store as theme_store
    from workbench.publishing.tables import publishable_stories

    stories = publishable_stories(db, 1)
    themes = theme_store.themes_by_id(db)
    approved = [t for t, theme in themes.items() if theme["status"] == "approved"]
    return {
        themes[t]["label"]: sum(s in stories for s in ids)
        for t, ids in theme_store.members(db, approved).items()
    }


def test_a_proposed_story_reaches_an_approved_theme_and_publishing_only_when_accepted(
    client, login_as, db, seeded
):
    login_as("analyst")
    approved = seeded["themes"]["Waiting for appointments"]
    newcomer = db.execute(
        "SELECT m.story_id FROM theme_members m JOIN consents c ON c.story_id = m.story_id "
        "AND c.purpose = 'analysis' AND c.granted = 1 "
        "JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked' "
        "WHERE m.theme_id = ? LIMIT 1",
        [seeded["themes"]["Medication explained"]],
    ).fetchone()[0]
    _hold(db, newcomer, approved)
    size_before = _published_members(db)["Waiting for appointments"]

    page = client.get(theme_url(approved)).get_data(as_text=True)
    assert "Proposed changes awaiting your review" in page
    assert f'name="story" value="{newcomer}" checked' in page
    listing = client.get(f"/review/themes?activity={seeded['activity']}").get_data(as_text=True)
    assert "1 proposed change to review" in listing
    # Held, the story is in no theme and the published file does not count it.
    assert not db.execute("SELECT 1 FROM theme_members WHERE story_id = ?", [newcomer]).fetchall()
    assert _published_members(db)["Waiting for appointments"] == size_before

    decide_proposal(client, approved, newcomer, "accept")
    assert themes_of(db, newcomer) == [(approved,)]
    assert _published_members(db)["Waiting for appointments"] == size_before + 1
    assert len(_queued(db, "publish")) == 1
    assert _queued(db, "refresh_keywords") == [{"theme_ids": [approved]}]
    assert "Proposed changes" not in client.get(theme_url(approved)).get_data(as_text=True)


def test_a_turned_down_proposal_leaves_the_story_where_it_was(client, login_as, db, seeded):
    login_as("analyst")
    approved = seeded["themes"]["Discharge without a plan"]
    draft = seeded["themes"]["Medication explained"]
    story = db.execute(
        "SELECT story_id FROM theme_members WHERE theme_id = ? LIMIT 1", [approved]
    ).fetchone()[0]
    _hold(db, story, draft, from_theme=approved)
    assert "Would leave for" in client.get(theme_url(approved)).get_data(as_text=True)
    decide_proposal(client, approved, story, "reject")
    assert themes_of(db, story) == [(approved,)]
    assert "Would leave for" not in client.get(theme_url(approved)).get_data(as_text=True)
    assert not _queued(db, "publish")


def test_the_theme_list_shows_every_run_and_the_latest_even_when_it_changed_nothing(
    client, login_as, db, seeded
):
    from plumbing import db as wdb

    with wdb.write(db):
        for status, message in (
            ("done", "12 themes."),
            ("proposed", "12 themes. Awaiting an analyst's review."),
            ("too_few", "Themes need at least 15 checked stories; there are 3."),
        ):
            db["theme_runs"].insert(
                {
                    "activity_id": seeded["activity"],
                    "created_at": f"2026-03-1{db['theme_runs'].count}T10:00:00",
                    "status": status,
                    "n_stories": 3,
                    "params": "{}",
                    "message": message,
                }
            )
    login_as("analyst")
    body = client.get(f"/review/themes?activity={seeded['activity']}").get_data(as_text=True)
    # Times are the organisation's (stored UTC; March is GMT in London), written for people.
    assert "Last run " + LOCAL_12_MARCH + ": too few" in body
    assert "Run history (3)" in body
    assert body.count('<td><time datetime="2026-03-1') == 3

    listing = f"/review/themes?activity={seeded['activity']}"
    post_form(client, "/review/themes/run", {"activity": seeded["activity"]}, form_page=listing)
    assert "Fitting themes: queued, 0%" in client.get(listing).get_data(as_text=True)
    with wdb.write(db):
        db.execute("UPDATE jobs SET status = 'running', progress = 0.6, message = 'Finding themes'")
    assert "Fitting themes: running, 60% · Finding themes" in client.get(listing).get_data(
        as_text=True
    )


@pytest.mark.parametrize("activity", ["9" * 25, "999999", "abc", "-1", "\u0663"])
def test_fitting_an_activity_that_is_not_one_is_a_404_and_queues_nothing(
    client, login_as, db, seeded, activity
):
    """A 25-digit id was queued, and the job failed twice on SQLite's integer limit (found by
    probing); any id that names no activity is refused before anything is queued."""
    login_as("analyst")
    listing = f"/review/themes?activity={seeded['activity']}"
    before = db.execute("SELECT count(*) FROM jobs").fetchone()[0]
    response = post_form(client, "/review/themes/run", {"activity": activity}, form_page=listing)
    assert response.status_code == 404
    assert db.execute("SELECT count(*) FROM jobs").fetchone()[0] == before


def test_a_theme_label_keeps_no_control_characters(client, login_as, db, seeded):
    login_as("analyst")
    theme_id = seeded["themes"]["Medication explained"]
    post_form(
        client,
        f"{theme_url(theme_id)}/rename",
        {"label": "Medicines\x00 explained\x08", "description": "Clear\x1f"},
        form_page=theme_url(theme_id),
    )
    row = db["themes"].get(theme_id)
    assert (row["label"], row["description"]) == ("Medicines explained", "Clear")


def test_a_map_point_links_to_its_story_on_the_page_that_lists_it(
    client, login_as, db, seeded, monkeypatch
):
    from workbench.blueprints import review

    monkeypatch.setattr(review, "MEMBERS_PER_PAGE", 2)
    theme = seeded["themes"]["Waiting for appointments"]
    add_points(db)
    login_as("analyst")
    body = client.get(f"/review/themes?activity={seeded['activity']}").get_data(as_text=True)
    links = dict(
        (int(story), href.replace("&amp;", "&"))
        for href, story in re.findall(
            r'<a href="([^"]+story=(\d+)#story-\d+)" class="map-point"', body
        )
    )
    members = [
        row[0]
        for row in db.execute(
            "SELECT m.story_id FROM theme_members m JOIN anonymisations a ON a.story_id = "
            "m.story_id AND a.status = 'checked' WHERE m.theme_id = ? ORDER BY m.story_id",
            [theme],
        )
    ]
    assert len(members) > 2 and set(members) <= set(links)
    last = members[-1]
    opened = client.get(links[last].split("#")[0]).get_data(as_text=True)
    assert f'<tr id="story-{last}" class="opened">' in opened
    assert "Page 1 of" not in opened


def test_accepting_a_refit_holds_what_it_would_change_in_an_approved_theme(
    client, login_as, db, seeded
):
    from plumbing import db as wdb

    themes = seeded["themes"]
    approved, internal = themes["Waiting for appointments"], themes["Kind staff"]
    draft = themes["Medication explained"]
    first, second = (
        row[0]
        for row in db.execute(
            "SELECT m.story_id FROM theme_members m JOIN anonymisations a ON a.story_id = "
            "m.story_id AND a.status = 'checked' WHERE m.theme_id = ? ORDER BY m.story_id LIMIT 2",
            [draft],
        )
    )
    with wdb.write(db):
        run = (
            db["theme_runs"]
            .insert(
                {
                    "activity_id": seeded["activity"],
                    "created_at": "2026-03-14",
                    "status": "proposed",
                }
            )
            .last_pk
        )
        changes = {
            "run_id": run,
            "matched": {"0": approved, "1": internal},
            "new_themes": [],
            "additions": [
                {"theme_id": approved, "topic": 0, "members": [[first, 0.9]]},
                {"theme_id": internal, "topic": 1, "members": [[second, 0.8]]},
            ],
            "moves": [],
        }
        proposal = (
            db["theme_proposals"]
            .insert(
                {
                    "run_id": run,
                    "activity_id": seeded["activity"],
                    "changes": json.dumps(changes),
                    "created_at": "2026-03-14",
                }
            )
            .last_pk
        )
    login_as("analyst")
    listing = f"/review/themes?activity={seeded['activity']}"
    before = _published_members(db)["Waiting for appointments"]
    assert "(approved: proposed for your review on its page)" in client.get(listing).get_data(
        as_text=True
    )
    page = post_form(
        client,
        f"/review/proposals/{proposal}",
        {"decision": "accept", "activity": seeded["activity"]},
        form_page=listing,
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Changes to 1 approved theme wait for your review" in page
    assert themes_of(db, second) == [(internal,)]
    assert not db.execute("SELECT 1 FROM theme_members WHERE story_id = ?", [first]).fetchall()
    assert _published_members(db)["Waiting for appointments"] == before
    assert [p["story_id"] for p in theme_store_proposed(db, approved)] == [first]
    assert _queued(db, "refresh_keywords") == [{"theme_ids": [internal]}]
    assert not _queued(db, "publish")


def theme_store_proposed(db, theme_id: int) -> list[dict]:
    from nlp.themes import store as theme_store

    return theme_store.proposed_changes(db, theme_id)["joining"]


def test_a_label_a_withdrawal_rebuilt_asks_the_analyst_to_review_it(client, login_as, db, seeded):
    from consent.withdrawal import withdraw
    from nlp.themes import store as theme_store

    login_as("analyst")
    theme_id = seeded["themes"]["Waiting for appointments"]
    post_form(client, f"{theme_url(theme_id)}/status", {"status": "approved"},
              form_page=theme_url(theme_id))  # fmt: skip
    asked = "its machine label was rebuilt from the stories left"
    assert asked not in client.get(theme_url(theme_id)).get_data(as_text=True)
    story = db.execute(
        "SELECT story_id FROM theme_members WHERE theme_id = ? LIMIT 1", [theme_id]
    ).fetchone()[0]
    withdraw(db, story, "staff", "user:1")
    theme_store.refresh_keywords(db, [theme_id])  # the job the withdrawal queues
    assert asked in client.get(theme_url(theme_id)).get_data(as_text=True)
    listing = client.get(f"/review/themes?activity={seeded['activity']}").get_data(as_text=True)
    assert "label to review" in listing
    post_form(client, f"{theme_url(theme_id)}/status", {"status": "approved"},
              form_page=theme_url(theme_id))  # fmt: skip
    assert asked not in client.get(theme_url(theme_id)).get_data(as_text=True)
