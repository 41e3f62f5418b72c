"""What changed is told truly, and actions and approvals reach the published site by the same
path as everything else (issue 23, item 5)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
import sqlite_utils
from conftest import post_form
from publish_fixtures import seed
from test_leak_canaries import drain

from nlp.themes import store as theme_store
from workbench.publishing import publish

OLD, NEW = "Waiting for appointments", "Waiting for a GP appointment"


def published(path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


def latest_changes(path) -> list[tuple[str, str, str]]:
    out = published(path)
    rows = list(
        out.query(
            "SELECT change, theme, detail FROM changes "
            "WHERE published_at = (SELECT max(published_at) FROM changes) ORDER BY theme"
        )
    )
    out.close()
    return [(r["change"], r["theme"], r["detail"]) for r in rows]


def test_a_renamed_theme_is_told_as_a_rename(db, tmp_path, monkeypatch):
    ids = seed(db)
    target = tmp_path / "published.db"
    publish.build(db, target)
    theme_store.rename_theme(db, ids["themes"][OLD], NEW)
    # A later moment, so this publication's changes are told apart from the first one's.
    monkeypatch.setattr(publish.clock, "now", lambda: datetime(2030, 1, 1))
    publish.build(db, target)
    assert latest_changes(target) == [("renamed", NEW, f"was {OLD}")]
    # The old name is said once: the next publication keeps the rename, not the name.
    monkeypatch.setattr(publish.clock, "now", lambda: datetime(2030, 2, 1))
    publish.build(db, target)
    history = [
        (r["change"], r["theme"], r["detail"])
        for r in published(target).query("SELECT change, theme, detail FROM changes")
    ]
    assert ("renamed", NEW, "from an earlier name") in history
    assert OLD not in str(history)


def test_a_theme_that_goes_and_a_new_one_are_still_told_as_such(db, tmp_path, monkeypatch):
    ids = seed(db)
    target = tmp_path / "published.db"
    publish.build(db, target)
    theme_store.set_theme_status(db, ids["themes"][OLD], "not_for_publication")
    theme_store.set_theme_status(db, ids["themes"]["Medication explained"], "approved")
    monkeypatch.setattr(publish.clock, "now", lambda: datetime(2030, 1, 1))
    publish.build(db, target)
    changes = latest_changes(target)
    # Not named: a label no longer published may hold a withdrawn story's words (issue 18.1).
    assert ("no longer published", publish.FORMER_THEME, "") in changes
    assert [c for c in changes if c[0] == "new theme"][0][1] == "Medication explained"
    assert not [c for c in changes if c[0] == "renamed"]


@pytest.fixture
def seeded(db):
    return seed(db)


def test_an_action_a_planner_records_reaches_the_published_site(app, client, db, login_as, seeded):
    login_as("planner")
    response = post_form(
        client,
        "/actions/new",
        {
            "theme": str(seeded["themes"][OLD]),
            "priority": "",
            "you_said": "Appointments were hard to get",
            "we_did": "A second phone line opens at 8am",
            "owner": "Practice manager",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    drain(app, db)
    out = published(app.config["WORKBENCH_PUBLISHED_DB"])
    assert [r["we_did"] for r in out.query("SELECT we_did FROM actions")] == [
        "A second phone line opens at 8am"
    ]


def test_withdrawing_an_approval_or_renaming_a_published_theme_republishes(
    app, client, db, login_as, seeded
):
    login_as("analyst")
    theme_id = seeded["themes"][OLD]
    url = f"/review/themes/{theme_id}"
    post_form(client, f"{url}/rename", {"label": NEW, "description": "x"}, form_page=url)
    drain(app, db)
    labels = {
        r["label"]
        for r in published(app.config["WORKBENCH_PUBLISHED_DB"]).query("SELECT label FROM themes")
    }
    assert NEW in labels and OLD not in labels
    post_form(client, f"{url}/status", {"status": "not_for_publication"}, form_page=url)
    drain(app, db)
    labels = {
        r["label"]
        for r in published(app.config["WORKBENCH_PUBLISHED_DB"]).query("SELECT label FROM themes")
    }
    assert NEW not in labels
