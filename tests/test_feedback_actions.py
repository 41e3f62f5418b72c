"""'You said, we did': actions reach exactly the storytellers whose stories they answer."""

from __future__ import annotations

import pytest
from conftest import post_form
from consent_support import capture_story, new_theme, open_activity, staff_user
from publish_fixtures import seed
from test_receipt_web import open_receipt

from consent import withdraw
from nlp.themes import store as theme_store
from nlp.themes.store import assignment
from plumbing import db as wdb
from workbench.feedback import actions, outbox
from workbench.feedback.actions import ActionError, ActionFields

WE_DID = "We added a morning phone line staffed from 7:30"


def _join(db, theme_id: int, story_ids: list[int]) -> None:
    with wdb.write(db):
        db["theme_members"].insert_all(
            {"theme_id": theme_id, "story_id": s, "source": "model"} for s in story_ids
        )


def _fields(**overrides) -> ActionFields:
    values = {
        "you_said": "Getting through on the phone at 8am was very hard",
        "we_did": WE_DID,
        "owner": "Practice operations manager",
        **overrides,
    }
    return ActionFields(**values)


@pytest.fixture
def four_stories(db):
    """Four real receipts: two in theme A, one in theme B, one in no theme."""
    analyst = staff_user(db, "analyst")
    activity = open_activity(db, analyst)
    receipts = [
        capture_story(db, activity, analyst, text=f"Story number {n} about phoning the surgery.")
        for n in range(4)
    ]
    theme_a = new_theme(db, activity, "Phone access", "approved")
    theme_b = new_theme(db, activity, "Kind reception staff", "approved")
    _join(db, theme_a, [receipts[0].story_id, receipts[1].story_id])
    _join(db, theme_b, [receipts[2].story_id])
    return {"analyst": analyst, "receipts": receipts, "a": theme_a, "b": theme_b}


def test_an_action_shows_on_the_receipt_of_every_contributing_story_and_no_other(
    client, db, four_stories
):
    actions.record_action(db, _fields(), by=four_stories["analyst"], theme_id=four_stories["a"])
    shown = []
    for receipt in four_stories["receipts"]:
        page = open_receipt(client, receipt.reference, receipt.secret).get_data(as_text=True)
        shown.append(WE_DID in page)
    assert shown == [True, True, False, False]


def test_a_withdrawn_story_leaves_the_action_and_its_teller_gets_nothing(db, four_stories):
    first, second = four_stories["receipts"][:2]
    action_id = actions.record_action(
        db, _fields(), by=four_stories["analyst"], theme_id=four_stories["a"]
    )
    withdraw(db, first.story_id, "staff", "user:1")
    assert actions.covered_story_ids(db, action_id) == [second.story_id]
    assert outbox.queue_updates(db, action_id) == 1
    assert [r["story_id"] for r in db["outbox"].rows] == [second.story_id]


def test_an_action_needs_a_theme_or_priority_and_a_reason_when_not_possible(db, four_stories):
    with pytest.raises(ActionError) as nothing_answered:
        actions.record_action(db, _fields(), by=None)
    assert "theme" in nothing_answered.value.errors
    with pytest.raises(ActionError) as no_reason:
        actions.record_action(
            db, _fields(status="not_possible"), by=None, theme_id=four_stories["a"]
        )
    assert set(no_reason.value.errors) == {"reason"}
    with pytest.raises(ActionError) as bad_date:
        actions.record_action(db, _fields(due_on="next week"), by=None, theme_id=four_stories["a"])
    assert set(bad_date.value.errors) == {"due_on"}


def test_an_action_keeps_its_stories_when_its_theme_is_split_or_merged(db, monkeypatch):
    # Keywords are not under test: recomputing them loads the language model.
    monkeypatch.setattr(assignment, "refresh_keywords", lambda db, theme_ids=None: {})
    ids = seed(db, n_stories=20)
    waiting = ids["themes"]["Waiting for appointments"]
    discharge = ids["themes"]["Discharge without a plan"]
    members = sorted(
        r["story_id"] for r in db["theme_members"].rows_where("theme_id = ?", [waiting])
    )
    action_id = actions.record_action(db, _fields(), by=None, theme_id=waiting)
    assert actions.covered_story_ids(db, action_id) == members

    split_off = members[:2]
    theme_store.split_theme(db, waiting, split_off, "Waiting on the phone")
    for story in split_off:
        assert [a["id"] for a in actions.actions_for_story(db, story)] == [action_id]

    discharge_members = [
        r["story_id"] for r in db["theme_members"].rows_where("theme_id = ?", [discharge])
    ]
    theme_store.merge_themes(db, waiting, [discharge])
    assert actions.covered_story_ids(db, action_id) == members
    assert all(actions.actions_for_story(db, s) == [] for s in discharge_members)

    later = actions.record_action(db, _fields(), by=None, theme_id=waiting)
    remaining = sorted(set(members) - set(split_off) | set(discharge_members))
    assert actions.covered_story_ids(db, later) == remaining


def test_a_priority_action_covers_the_stories_tagged_to_it(db):
    seed(db, n_stories=12)
    action_id = actions.record_action(db, _fields(), by=None, priority=("icb-plan", "discharge"))
    tagged = sorted(
        r["story_id"]
        for r in db["tags"].rows_where(
            "priority_id = 'discharge' AND state IN ('confirmed', 'proposed')"
        )
    )
    assert actions.covered_story_ids(db, action_id) == tagged
    assert actions.get_action(db, action_id)["answers"] == "Safe hospital discharge"


def test_planners_record_and_update_actions_through_the_web(client, db, login_as, four_stories):
    login_as("planner")
    response = post_form(
        client,
        "/actions/new",
        {
            "theme": str(four_stories["a"]),
            "priority": "",
            "you_said": "Phones were hard",
            "we_did": WE_DID,
            "owner": "Operations",
            "status": "planned",
            "due_on": "2026-09-30",
        },
        follow_redirects=False,
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    action_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert db["outbox"].count == 2  # both stories in theme A agreed to contact
    refused = post_form(
        client,
        f"/actions/{action_id}",
        {
            "you_said": "Phones were hard",
            "we_did": WE_DID,
            "owner": "Operations",
            "status": "not_possible",
        },
    )
    assert refused.status_code == 400
    assert "Say why it was not possible" in refused.get_data(as_text=True)
    done = post_form(
        client,
        f"/actions/{action_id}",
        {
            "you_said": "Phones were hard",
            "we_did": WE_DID,
            "owner": "Operations",
            "status": "done",
            "done_on": "2026-05-01",
        },
        follow_redirects=True,
    )
    assert done.status_code == 200
    assert actions.get_action(db, action_id)["status"] == "done"
    assert "Phone access" in client.get("/actions").get_data(as_text=True)
