"""The audit log page: names, not `user:3`; search by person, action, story reference and
the organisation's dates; every page back to the first event; the matches as CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest
from conftest import login, make_user
from consent_support import capture_story, open_activity

import consent
from plumbing import audit
from plumbing import db as wdb

EVENT_ROW = re.compile(r'<tr data-event="(\d+)">')


@pytest.fixture
def admin(client, db):
    user = make_user(db, "admin", "ada")
    login(client, "ada")
    return user


def add_event(db, at: str, actor: str, action: str, object_type=None, object_id=None, detail=None):
    """An event as if recorded at `at` (the log refuses edits, so it is written that way)."""
    with wdb.write(db):
        db["audit_log"].insert(
            {
                "at": at,
                "actor": actor,
                "action": action,
                "object_type": object_type,
                "object_id": object_id,
                "detail": detail,
            }
        )


def shown(response) -> list[int]:
    return [int(i) for i in EVENT_ROW.findall(response.get_data(as_text=True))]


def ids_where(db, sql: str, params=()) -> list[int]:
    return [
        r[0] for r in db.execute(f"SELECT id FROM audit_log WHERE {sql} ORDER BY id DESC", params)
    ]


def test_the_log_shows_names_and_local_times_not_ids_and_iso_strings(client, db, admin):
    bob = make_user(db, "analyst", "bob")
    add_event(db, "2026-07-04T10:15:00+00:00", bob.actor, "role_changed", "user", bob.id, "a->b")
    page = client.get("/admin/audit").get_data(as_text=True)
    event = ids_where(db, "action = 'role_changed'")[0]
    row = re.search(rf'<tr data-event="{event}">.*?</tr>', page).group(0)
    assert "bob" in row and "account bob" in row and "user:" not in row
    # 10:15 UTC in July is 11:15 in London, written for people.
    assert '<time datetime="2026-07-04T10:15:00+00:00">Sat 4 Jul 2026, 11:15</time>' in row


def test_search_by_person_and_by_action(client, db, admin):
    bob = make_user(db, "analyst", "bob")
    login(client, "bob")  # bob's login is in the log now
    login(client, "ada")
    response = client.get("/admin/audit", query_string={"user": bob.actor})
    assert shown(response) == ids_where(db, "actor = ?", [bob.actor]) != []
    selected = f'<option selected value="user:{bob.id}">bob</option>'
    assert selected in response.get_data(as_text=True)
    response = client.get("/admin/audit", query_string={"action": "login"})
    assert shown(response) == ids_where(db, "action = 'login'")
    assert len(shown(response)) == 3


def test_search_by_story_reference_finds_it_before_and_after_withdrawal(client, db, admin):
    activity = open_activity(db, admin.id)
    kept = capture_story(db, activity, admin.id)
    gone = capture_story(db, activity, admin.id)
    audit.record(db, "storyteller", "receipt_opened", "story", gone.story_id)
    consent.withdraw(db, gone.story_id, "receipt", "storyteller")
    audit.record(db, "anonymous", "receipt_failed", "reference", gone.reference)

    response = client.get("/admin/audit", query_string={"reference": gone.reference.lower()})
    about_gone = ids_where(
        db,
        "(object_type = 'story' AND object_id = ?) OR object_id = ?",
        [str(gone.story_id), gone.reference],
    )
    assert shown(response) == about_gone
    actions = {r["id"]: r["action"] for r in db.query("SELECT id, action FROM audit_log")}
    assert [actions[i] for i in reversed(about_gone)] == [
        "story_captured",
        "receipt_opened",
        "story_withdrawn",
        "receipt_failed",
    ]

    response = client.get("/admin/audit", query_string={"reference": kept.reference})
    assert shown(response) == ids_where(
        db, "object_type = 'story' AND object_id = ?", [str(kept.story_id)]
    )
    assert f"story {kept.reference}" in response.get_data(as_text=True)


def test_dates_are_the_organisations_days(client, db, admin):
    # 23:30 UTC on 1 July is 00:30 on 2 July in London; 23:30 UTC on 2 July is 3 July there.
    add_event(db, "2026-07-01T22:59:59+00:00", "system", "early")
    add_event(db, "2026-07-01T23:30:00+00:00", "system", "first")
    add_event(db, "2026-07-02T22:30:00+00:00", "system", "last")
    add_event(db, "2026-07-02T23:30:00+00:00", "system", "late")
    response = client.get(
        "/admin/audit", query_string={"since": "2026-07-02", "until": "2026-07-02"}
    )
    assert shown(response) == ids_where(db, "action IN ('first', 'last')")


def test_bad_searches_are_explained_and_show_nothing(client, db, admin):
    response = client.get("/admin/audit", query_string={"reference": "not a ref"})
    assert response.status_code == 400
    assert "A reference looks like SW-7KQ2-M9XD." in response.get_data(as_text=True)
    response = client.get(
        "/admin/audit", query_string={"since": "2026-07-03", "until": "2026-07-02"}
    )
    assert response.status_code == 400 and shown(response) == []
    response = client.get("/admin/audit", query_string={"action": "<script>"})
    assert response.status_code == 400


def test_every_event_is_reachable_page_by_page(client, db, admin):
    with wdb.write(db):
        for i in range(450):
            audit.record(db, "system", "tick", "job", i)
    seen: list[int] = []
    url = "/admin/audit?action=tick"
    while url:
        page = client.get(url)
        seen += shown(page)
        match = re.search(r'<a href="([^"]+)" rel="next">', page.get_data(as_text=True))
        url = match.group(1).replace("&amp;", "&") if match else None
        assert len(seen) <= 450
    assert seen == ids_where(db, "action = 'tick'")
    assert len(seen) == 450


def test_the_csv_export_has_every_match_with_names_and_no_formulas(client, db, admin):
    bob = make_user(db, "analyst", "bob")
    with wdb.write(db):
        for i in range(250):
            audit.record(db, bob.actor, "tick", "job", i, '=HYPERLINK("x")' if i == 7 else None)
    response = client.get("/admin/audit.csv", query_string={"user": bob.actor})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [int(r["id"]) for r in rows] == ids_where(db, "actor = ?", [bob.actor])
    assert {r["who"] for r in rows} == {"bob"}
    assert next(r for r in rows if r["object_id"] == "7")["detail"] == '\'=HYPERLINK("x")'
    assert rows[0]["at_utc"].endswith("+00:00") and rows[0]["at_local"]
    exported = ids_where(db, "action = 'audit_exported' AND actor = ?", [admin.actor])
    assert len(exported) == 1


@pytest.mark.parametrize("path", ["/admin/audit", "/admin/audit.csv"])
@pytest.mark.parametrize(
    "dates", [{"until": "9999-12-31"}, {"since": "0001-01-01"}, {"until": "0001-01-01"}]
)
def test_dates_out_of_range_are_explained_not_a_generic_error(client, db, admin, path, dates):
    # A day at either end of the calendar cannot be turned into UTC times (9999-12-31 ends
    # after year 9999): the page says so beside the field, as for any other bad search.
    response = client.get(path, query_string=dates)
    assert response.status_code == 400
    if path == "/admin/audit":
        page = response.get_data(as_text=True)
        assert "Choose a date between 1 January 1900 and 31 December 2999." in page
        assert shown(response) == []
    response = client.get(path, query_string={"since": "1900-01-01", "until": "2999-12-31"})
    assert response.status_code == 200
