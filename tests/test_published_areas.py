"""Area is a choice from the activity's list, published only where k stories share it, and
covered by the leak check (issue 18, item 4)."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
import sqlite_utils
from conftest import post_form
from consent_support import open_activity
from publish_fixtures import seed
from test_capture_web import record, story_form

from plumbing import db as wdb
from workbench.publishing import publish
from workbench.publishing import tables as publish_tables

ADDRESS = "4 Privet Drive, Littlewhinging"
LISTED = ["North Quarter", "Riverside", "Hillview"]


def published_areas(path) -> set[str]:
    out = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    found = {r["area"] for r in out.query("SELECT area FROM area_counts")}
    found |= {
        r["community_group"]
        for r in out.query("SELECT community_group FROM reach_counts WHERE characteristic='Area'")
    }
    out.close()
    return found


def test_an_admin_lists_areas_and_the_story_form_offers_only_those(client, db, login_as):
    user = login_as("admin")
    activity_id = open_activity(db, user.id)
    edit = f"/capture/activities/{activity_id}/edit"
    activity = db["activities"].get(activity_id)
    form = {
        k: activity[k]
        for k in (
            "title",
            "purpose",
            "can_influence",
            "cannot_influence",
            "how_used",
            "who_sees",
            "feedback_plan",
            "opens_on",
            "closes_on",
        )
    }
    form.update(channels=["in_person"], retention_days="365", areas="Riverside\n Hillview \n\n")
    assert post_form(client, edit, form).status_code == 302
    assert json.loads(db["activities"].get(activity_id)["areas"]) == ["Riverside", "Hillview"]
    assert "Riverside\nHillview" in client.get(edit).get_data(as_text=True)

    page = client.get(f"/capture/activities/{activity_id}/stories/new").get_data(as_text=True)
    assert '<select id="area" name="area"' in page and '<option value="Hillview">' in page
    refused = record(client, activity_id, story_form(area=ADDRESS))
    assert refused.status_code == 400
    assert db["stories"].count == 0
    assert record(client, activity_id, story_form(area="Hillview")).status_code == 201
    assert [r["area"] for r in db.query("SELECT area FROM stories")] == ["Hillview"]


def test_an_imported_row_with_an_unlisted_area_is_rejected_on_its_line(client, db, login_as):
    user = login_as("analyst")
    activity_id = open_activity(db, user.id, areas=["Ward 4"])
    rows = [
        "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
        "consent_equality_monitoring,consent_method,area",
        "The ward was calm.,yes,no,no,no,no,written,Ward 4",
        f'The pharmacy ran out.,yes,no,no,no,no,written,"{ADDRESS}"',
    ]
    data = {
        "activity_id": str(activity_id),
        "channel": "paper",
        "mode": "skip_bad_rows",
        "file": (io.BytesIO("\n".join(rows).encode()), "stories.csv"),
    }
    response = post_form(client, "/capture/import", data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert "<td>3</td><td>area</td><td>Choose an area from this activity" in page
    assert [r["area"] for r in db.query("SELECT area FROM stories")] == ["Ward 4"]


def test_only_listed_areas_that_k_stories_share_are_published(db, tmp_path):
    seed(db)
    target = tmp_path / "published.db"
    story_ids = [r["id"] for r in db.query("SELECT id FROM stories ORDER BY id")]
    with wdb.write(db):
        # An old row holds typed free text; a listed area only two stories name.
        db["activities"].update(1, {"areas": json.dumps([*LISTED, "Tiny Hamlet"])})
        db["stories"].update(story_ids[0], {"area": ADDRESS})
        for story in story_ids[1:3]:
            db["stories"].update(story, {"area": "Tiny Hamlet"})
    publish.build(db, target)
    shown = published_areas(target)
    assert ADDRESS not in shown and "Tiny Hamlet" not in shown
    assert set(LISTED) <= shown


def test_the_leak_check_refuses_an_area_nobody_listed(db, tmp_path, monkeypatch):
    seed(db)
    built = publish_tables.published_rows_and_members

    def typed_area(db, k):
        rows, members = built(db, k)
        rows["area_counts"][0]["area"] = ADDRESS
        return rows, members

    monkeypatch.setattr(publish, "published_rows_and_members", typed_area)
    with pytest.raises(publish.LeakError, match="area"):
        publish.build(db, tmp_path / "published.db")
