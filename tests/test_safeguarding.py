"""The safeguarding lead's queue: flags, their states and audit, who may see them, and that
they never reach the published database."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from conftest import post_form
from consent_support import capture_story, open_activity, staff_user
from flask import render_template_string
from publish_fixtures import seed

from consent import withdrawal
from nlp import signals
from plumbing import db as wdb
from workbench import safeguarding
from workbench.publishing import publish
from workbench.safeguarding.on_capture import on_story_captured

RISKY = "My husband hits me and I don't feel safe at home. I want to make a complaint too."
LEADS = {"safeguarding", "admin"}


@pytest.fixture
def story(db):
    user = staff_user(db)
    activity = open_activity(db, user)
    receipt = capture_story(db, activity, user, text=RISKY)
    return receipt.story_id, activity


def flag_story(db, story_id: int) -> list[int]:
    return safeguarding.record_signals(db, story_id, signals.rule_hits(RISKY).signals)


def audit_actions(db) -> list[str]:
    return [row["action"] for row in db.query("SELECT action FROM audit_log ORDER BY id")]


def test_a_flagged_story_reaches_the_queue_and_the_audit_log_without_its_text(db, story):
    story_id, _ = story
    created = flag_story(db, story_id)
    queue = safeguarding.queue(db)
    assert {f["signal"] for f in queue} == {"domestic_abuse", "immediate_danger"}
    assert len(created) == 2 and all(f["state"] == "open" for f in queue)
    assert all('matched "' in f["why"] for f in queue)
    assert audit_actions(db).count("safeguarding_flagged") == 2
    details = " ".join(str(r["detail"]) for r in db.query("SELECT detail FROM audit_log"))
    assert "hits me" not in details and "safe at home" not in details
    assert safeguarding.routed(db, story_id)


def test_recording_the_same_signals_again_flags_nothing_twice(db, story):
    story_id, _ = story
    flag_story(db, story_id)
    assert flag_story(db, story_id) == []
    assert len(safeguarding.queue(db)) == 2


def test_a_complaint_is_counted_per_activity_not_queued(db, story):
    story_id, activity = story
    flag_story(db, story_id)
    assert "complaint" not in {f["signal"] for f in safeguarding.queue(db)}
    assert safeguarding.complaint_count(db, activity) == 1
    assert safeguarding.complaint_count(db, activity + 1) == 0
    other = capture_story(db, activity, None, text="I want to complain about the GP.").story_id
    job = safeguarding.detect_signals
    job(db, lambda *_: None, story_id=other)
    assert safeguarding.complaint_count(db) == 2
    assert not safeguarding.routed(db, other)


def test_a_flag_moves_through_its_states_with_who_and_when(db, story):
    story_id, _ = story
    lead = staff_user(db, "safeguarding")
    flag_id = flag_story(db, story_id)[0]
    safeguarding.acknowledge(db, flag_id, lead)
    with pytest.raises(safeguarding.FlagError):
        safeguarding.acknowledge(db, flag_id, lead)
    with pytest.raises(safeguarding.FlagError, match="what action"):
        safeguarding.record_action(db, flag_id, lead, "  ")
    safeguarding.record_action(db, flag_id, lead, "Referred to adult social care")
    safeguarding.record_action(db, flag_id, lead, "Called back, safe at a friend's")
    safeguarding.close(db, flag_id, lead, "Referral accepted")
    flag = safeguarding.get_flag(db, flag_id)
    assert flag["state"] == "closed" and flag["closed_by"] == lead
    assert flag["acknowledged_at"] <= flag["action_at"] <= flag["closed_at"]
    assert "Referred" in flag["action_note"] and "friend's" in flag["action_note"]
    with pytest.raises(safeguarding.FlagError):
        safeguarding.close(db, flag_id, lead, "again")
    assert flag_id not in {f["id"] for f in safeguarding.queue(db)}
    assert flag_id in {f["id"] for f in safeguarding.queue(db, include_closed=True)}
    steps = [a for a in audit_actions(db) if a.startswith("safeguarding_")]
    assert steps[-4:] == [
        "safeguarding_acknowledged",
        "safeguarding_action_taken",
        "safeguarding_action_taken",
        "safeguarding_closed",
    ]


def test_closing_an_unacknowledged_flag_acknowledges_it_too(db, story):
    story_id, _ = story
    lead = staff_user(db, "safeguarding")
    flag_id = flag_story(db, story_id)[0]
    safeguarding.close(db, flag_id, lead, "No concern on review")
    flag = safeguarding.get_flag(db, flag_id)
    assert flag["acknowledged_by"] == lead and flag["acknowledged_at"] == flag["closed_at"]


def test_only_unacknowledged_flags_older_than_the_limit_are_overdue(db, story):
    story_id, _ = story
    first, second = flag_story(db, story_id)
    five_hours_ago = (datetime.now(UTC) - timedelta(hours=5)).isoformat(timespec="seconds")
    with wdb.write(db):
        db["safeguarding_flags"].update(first, {"created_at": five_hours_ago})
    assert [f["id"] for f in safeguarding.overdue(db, timedelta(hours=4))] == [first]
    safeguarding.acknowledge(db, first, staff_user(db, "safeguarding"))
    assert safeguarding.overdue(db, timedelta(hours=4)) == []
    assert second not in {f["id"] for f in safeguarding.overdue(db, timedelta(hours=4))}


def test_the_worker_job_flags_one_story_or_an_imported_batch(db, story):
    story_id, activity = story
    quiet = capture_story(db, activity, None, text="The physio was lovely.").story_id
    implicit = capture_story(
        db, activity, None, text="I can't see a way out and I have been researching ways to do it."
    ).story_id
    safeguarding.detect_signals(db, lambda *_: None, story_ids=[story_id, quiet, implicit])
    flags = {(f["story_id"], f["signal"], f["source"]) for f in safeguarding.queue(db)}
    # A plan in plain words may also read as danger now (the model's "possible" tier for risk
    # to life): what matters is that the suicide risk is flagged and nothing else is.
    assert {f for f in flags if f[0] != implicit} == {
        (story_id, "domestic_abuse", "rules"),
        (story_id, "immediate_danger", "rules"),
    }
    assert (implicit, "suicide_self_harm", "classifier") in flags
    assert {f[1] for f in flags if f[0] == implicit} <= set(signals.RISK_TO_LIFE)
    assert not safeguarding.routed(db, quiet)


def test_withdrawal_takes_the_flags_and_the_complaint_mark_with_the_story(db, story):
    story_id, _ = story
    flag_story(db, story_id)
    withdrawal.withdraw(db, story_id, "staff", "user:1")
    assert db["safeguarding_flags"].count == 0 and db["complaint_requests"].count == 0


def test_flags_never_reach_the_published_database(db, tmp_path):
    ids = seed(db)
    canary = "Quillfeather canary phrase"
    with wdb.write(db):
        for story_id in ids["stories"].values():
            why = f'matched "{canary}" (rule domestic_abuse#2)'
            safeguarding.record_signals(
                db,
                story_id,
                [
                    signals.Signal("domestic_abuse", "rules", why),
                    signals.Signal("complaint", "rules", why),
                ],
            )
    assert db["safeguarding_flags"].count == len(ids["stories"])
    target = tmp_path / "published.db"
    publish.build(db, target)
    out = sqlite3.connect(target)
    tables = [r[0] for r in out.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables and not [t for t in tables if "safeguard" in t or "complaint" in t]
    values = " ".join(
        str(value).lower()
        for table in tables
        for row in out.execute(f"SELECT * FROM [{table}]")
        for value in row
    )
    columns = " ".join(
        str(c[1]) for table in tables for c in out.execute(f"PRAGMA table_info([{table}])")
    )
    out.close()
    assert values, "the canary needs something published to hide in"
    for secret in (canary.lower(), "domestic_abuse", "matched", "safeguard"):
        assert secret not in values and secret not in columns
    assert canary.lower() not in publish.metadata_path(target).read_text().lower()


# The web pages ----------------------------------------------------------------------------


def test_every_safeguarding_view_is_for_the_lead_and_admins_only(app):
    views = {e: v for e, v in app.view_functions.items() if e.startswith("safeguarding.")}
    assert set(views) == {
        "safeguarding.queue",
        "safeguarding.flag",
        "safeguarding.step",
        "safeguarding.raise_concern",
    }
    # Raising a concern only sends one in: everyone who reads stories may, planners may not.
    raising = views.pop("safeguarding.raise_concern").allowed_roles
    assert raising == {"gatherer", "analyst", "admin", "safeguarding"}
    assert all(v.allowed_roles == LEADS for v in views.values())


@pytest.mark.parametrize("role", ["gatherer", "analyst", "planner"])
def test_other_staff_cannot_see_the_queue_or_a_flag(client, db, login_as, story, role):
    flag_id = flag_story(db, story[0])[0]
    login_as(role)
    assert client.get("/safeguarding").status_code == 403
    assert client.get(f"/safeguarding/flags/{flag_id}").status_code == 403
    assert b"safe at home" not in client.get("/dashboard").data


def test_the_lead_sees_the_queue_and_acts_on_a_flag(client, db, login_as, story):
    story_id, _ = story
    flag_id = flag_story(db, story_id)[0]
    lead = login_as("safeguarding")
    page = client.get("/safeguarding").get_data(as_text=True)
    assert "Domestic abuse" in page and "husband hits me" in page and "Not yet acknowledged" in page
    detail = client.get(f"/safeguarding/flags/{flag_id}").get_data(as_text=True)
    assert RISKY.replace("'", "&#39;") in detail and "sam@example.org" in detail
    url = f"/safeguarding/flags/{flag_id}/acknowledge"
    form_page = f"/safeguarding/flags/{flag_id}"
    response = post_form(client, url, {"note": "Mine"}, form_page=form_page)
    assert response.status_code == 302
    refused = post_form(client, f"/safeguarding/flags/{flag_id}/action", {"note": ""}, form_page)
    assert refused.status_code == 302
    assert safeguarding.get_flag(db, flag_id)["state"] == "acknowledged"
    post_form(client, f"/safeguarding/flags/{flag_id}/close", {"note": "Done"}, form_page)
    flag = safeguarding.get_flag(db, flag_id)
    assert flag["state"] == "closed" and flag["closed_by"] == lead.id
    assert "safeguarding_viewed" in audit_actions(db)


def test_overdue_flags_are_shown_prominently_to_the_lead_only(app, client, db, login_as, story):
    flag_id = flag_story(db, story[0])[0]
    old = datetime.now(UTC) - timedelta(hours=app.config.get("SAFEGUARDING_OVERDUE_HOURS", 4) + 1)
    with wdb.write(db):
        db["safeguarding_flags"].update(flag_id, {"created_at": old.isoformat(timespec="seconds")})
    login_as("planner")
    assert "not acknowledged in time" not in client.get("/dashboard").get_data(as_text=True)
    login_as("safeguarding")
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert (
        'role="alert"' in dashboard and "1 safeguarding flag not acknowledged in time" in dashboard
    )
    assert "(overdue)" in client.get("/safeguarding").get_data(as_text=True)


def test_after_capture_the_rules_flag_at_once_and_the_worker_check_is_queued(app, db, story):
    story_id, _ = story
    with app.test_request_context():
        shown = on_story_captured(story_id, RISKY)
    assert [s.key for s in shown.sections] == ["immediate_danger", "domestic_abuse", "complaint"]
    assert shown.safeguarding and shown.procedure
    assert safeguarding.routed(db, story_id) and safeguarding.complaint_count(db) == 1
    queued = db.execute("SELECT name, params FROM jobs ORDER BY id").fetchall()
    # The lead's alert first (a flag was raised), then the worker's full check.
    assert queued == [("safeguarding_alerts", "{}"), ("signals", f'{{"story_id": {story_id}}}')]


def test_analysts_pages_can_say_only_that_a_story_was_routed(app, db, story):
    badge = '{% with story_id = sid %}{% include "safeguarding/_routed.html" %}{% endwith %}'
    with app.test_request_context():
        assert "Routed" not in render_template_string(badge, sid=story[0])
        flag_story(db, story[0])
        shown = render_template_string(badge, sid=story[0])
    assert "Routed to safeguarding" in shown and "abuse" not in shown.lower()


def record_with_a_gatherer(client, activity_id: int, text: str) -> str:
    url = f"/capture/activities/{activity_id}/stories/new"
    page = client.get(url).get_data(as_text=True)
    hidden = dict(re.findall(r'name="(notice_id|submission_key)"[^>]*value="([^"]*)"', page))
    answers = {f"consent_{p}": "yes" for p in ("analysis", "publish_quotes")} | {
        f"consent_{p}": "no" for p in ("share_partners", "contact", "equality_monitoring")
    }
    data = {"channel": "in_person", "story": text, "method": "written", **hidden, **answers}
    response = post_form(client, url, data)
    assert response.status_code == 201
    return response.get_data(as_text=True)


def test_the_gatherer_sees_the_procedure_only_when_a_signal_fired(client, db, login_as):
    gatherer = login_as("gatherer")
    activity = open_activity(db, gatherer.id)
    page = record_with_a_gatherer(client, activity, RISKY)
    assert "Follow the safeguarding procedure now" in page and "call 999" in page
    assert 'data-signpost="general"' in page and "data-complaint-prompt" in page
    assert {f["signal"] for f in safeguarding.queue(db)} == {"domestic_abuse", "immediate_danger"}
    quiet = record_with_a_gatherer(client, activity, "The district nurses were wonderful.")
    assert "safeguarding procedure" not in quiet and 'data-signpost="general"' in quiet
    queued = [r["name"] for r in db.query("SELECT name FROM jobs ORDER BY id")]
    assert queued.count("signals") == 2
