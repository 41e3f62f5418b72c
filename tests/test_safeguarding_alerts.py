"""The lead hears about flags by email: through a real SMTP server on loopback (aiosmtpd) and a
real Huey consumer, within a minute of the story being saved, never with the story's words; a
mail server that is down loses nothing; a flood brings one message every few minutes; overdue
flags escalate."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from consent_support import capture_story, open_activity, staff_user
from mail_support import free_port, smtp_on
from test_jobs import consuming
from test_receipt_web import online_form, tell

from nlp.signals import rule_hits
from plumbing import clock, jobs
from plumbing import db as wdb
from workbench import safeguarding
from workbench.safeguarding import alerts

# Written for these tests: a risk to life the rules see, and one of abuse.
AT_RISK = "Since the clinic closed I don't want to be alive and I keep thinking of ending it."
ABUSE = "My husband hits me when he has been drinking."
LEAD, ESCALATION = "lead@example.org", "duty-manager@example.org"
BASE = "https://workbench.example.org"


def settings(port: int, **overrides) -> alerts.AlertSettings:
    config = {
        "WORKBENCH_SMTP_URL": f"smtp://127.0.0.1:{port}",
        "WORKBENCH_SAFEGUARDING_EMAIL": LEAD,
        "WORKBENCH_MAIL_FROM": "workbench@example.org",
        "PUBLIC_BASE_URL": BASE,
        **overrides,
    }
    return alerts.AlertSettings.from_config(config)


def flagged(db, activity: int, text: str = AT_RISK) -> int:
    story_id = capture_story(db, activity, None, text=text).story_id
    assert safeguarding.record_signals(db, story_id, rule_hits(text).signals)
    return story_id


@pytest.fixture
def activity(db) -> int:
    return open_activity(db, staff_user(db))


def assert_tells_nothing_of_the_story(message, db, story_ids) -> None:
    said = f"{message['Subject']}\n{message.get_content()}".lower()
    facts = safeguarding.queue(db, include_closed=True)
    for word in ("alive", "ending it", "husband", "hits", "clinic", "drinking"):
        assert word not in said
    for flag in facts:
        assert flag["reference"].lower() not in said
        assert safeguarding.LABELS[flag["signal"]].lower() not in said
        assert (flag["activity_title"] or "").lower() not in said


def test_a_story_told_online_reaches_the_leads_inbox_within_a_minute(
    app, client, db, activity, monkeypatch
):
    port = free_port()
    for key, value in {
        "WORKBENCH_SMTP_URL": f"smtp://127.0.0.1:{port}",
        "WORKBENCH_SAFEGUARDING_EMAIL": LEAD,
        "WORKBENCH_MAIL_FROM": "workbench@example.org",
        "PUBLIC_BASE_URL": BASE,
    }.items():
        monkeypatch.setenv(key, value)  # the worker reads its settings from the environment
    with smtp_on(port) as sink, consuming(app.extensions["huey"]):
        saved = time.monotonic()
        assert tell(client, activity, online_form(story=AT_RISK)).status_code == 201
        while not sink.envelopes and time.monotonic() - saved < 60:
            time.sleep(0.1)
        waited = time.monotonic() - saved
        assert sink.envelopes, "no alert within a minute of the story being saved"
        queued = {r["name"]: r["id"] for r in db.query("SELECT id, name FROM jobs")}
        assert jobs.PRIORITY[alerts.JOB] > 0 and alerts.JOB in queued
    assert waited < 60
    [flag] = safeguarding.queue(db)
    message = sink.messages()[0]
    assert message["To"] == LEAD and "1 urgent" in message["Subject"]
    assert f"{BASE}/safeguarding/flags/{flag['id']}" in message.get_content()
    assert_tells_nothing_of_the_story(message, db, [flag["story_id"]])
    assert safeguarding.get_flag(db, flag["id"])["alert_status"] == "sent"
    # One message: the worker's full check found nothing new to tell.
    assert len(sink.envelopes) == 1


class Refusing:
    """A mail server that answers every message with a temporary failure."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        return "451 Try again later"


def test_a_mail_server_that_is_down_loses_no_flag_and_the_queue_says_the_alert_is_not_sent(
    client, db, activity, login_as
):
    port = free_port()  # nothing listens there yet
    story_id = flagged(db, activity)
    assert safeguarding.send_due(db, settings(port)) == {"raised": 0, "overdue": 0}
    [flag] = safeguarding.queue(db)
    assert flag["alert_status"] == "failed" and flag["alert_error"] == "ConnectionRefusedError"
    failures = [
        r["detail"]
        for r in db.query("SELECT detail FROM audit_log WHERE action = 'safeguarding_alert_failed'")
    ]
    assert failures == ["kind=raised flags=1 error=ConnectionRefusedError"]

    from aiosmtpd.controller import Controller

    refusing = Controller(Refusing(), hostname="127.0.0.1", port=port)
    refusing.start()
    try:
        safeguarding.send_due(db, settings(port))
    finally:
        refusing.stop()
    flag = safeguarding.get_flag(db, flag["id"])
    assert flag["alert_status"] == "failed" and flag["alert_error"] == "SMTPDataError"
    assert flag["alert_attempts"] == 2

    login_as("safeguarding")
    queue = client.get("/safeguarding").get_data(as_text=True)
    assert 'data-alert="failed"' in queue and "Alert not yet sent" in queue
    assert "data-alerts-unsent" in client.get("/dashboard").get_data(as_text=True)

    later = flagged(db, activity, ABUSE)
    with smtp_on(port) as sink:
        sent = safeguarding.send_due(db, settings(port))
    # The retry names the waiting flag and the one raised since, in one message.
    assert sent["raised"] == 2 and len(sink.envelopes) == 1
    assert {f["alert_status"] for f in safeguarding.queue(db)} == {"sent"}
    assert {f["story_id"] for f in safeguarding.queue(db)} == {story_id, later}
    assert 'data-alert="sent"' in client.get("/safeguarding").get_data(as_text=True)
    assert "data-alerts-unsent" not in client.get("/dashboard").get_data(as_text=True)


def test_a_flood_of_flags_brings_one_message_every_few_minutes_naming_them_all(db, activity):
    port = free_port()
    start = clock.now()
    first = [flagged(db, activity, AT_RISK if n % 2 else ABUSE) for n in range(150)]
    with smtp_on(port) as sink:
        assert safeguarding.send_due(db, settings(port), now=start)["raised"] == 150
        more = [flagged(db, activity) for _ in range(30)]
        for minutes in (1, 2):  # the worker's once-a-minute runs within the interval
            later = start + timedelta(minutes=minutes)
            assert safeguarding.send_due(db, settings(port), now=later)["raised"] == 0
        after = start + timedelta(minutes=3, seconds=1)
        assert safeguarding.send_due(db, settings(port), now=after)["raised"] == 30
    assert len(sink.envelopes) == 2
    opening, follow_up = sink.messages()
    assert "150 new safeguarding flags, 75 urgent" in opening["Subject"]
    body = opening.get_content()
    assert body.count("/safeguarding/flags/") == 2 * alerts.LISTED
    assert "and 55 more" in body
    assert "30 new safeguarding flags, 30 urgent" in follow_up["Subject"]
    assert_tells_nothing_of_the_story(opening, db, first + more)
    assert {f["alert_status"] for f in safeguarding.queue(db)} == {"sent"}


def test_an_overdue_flag_escalates_once_to_the_escalation_address(db, activity, client, login_as):
    port = free_port()
    urgent = flagged(db, activity)
    other = flagged(db, activity, ABUSE)
    chosen = settings(port, WORKBENCH_SAFEGUARDING_ESCALATION_EMAIL=ESCALATION)
    with smtp_on(port) as sink:
        assert safeguarding.send_due(db, chosen)["overdue"] == 0
        # 61 minutes on, the urgent flag is past its hour; the other has four.
        hour_on = clock.now() + timedelta(minutes=61)
        assert safeguarding.send_due(db, chosen, now=hour_on) == {"raised": 0, "overdue": 1}
        assert safeguarding.send_due(db, chosen, now=hour_on + timedelta(minutes=5))["overdue"] == 0
        later = clock.now() + timedelta(hours=4, minutes=1)
        assert safeguarding.send_due(db, chosen, now=later)["overdue"] == 1
    raised, first_escalation, second_escalation = sink.messages()
    assert raised["To"] == LEAD
    assert first_escalation["To"] == ESCALATION and "Overdue: 1" in first_escalation["Subject"]
    assert "within 1 hour" in first_escalation.get_content()
    ids = {f["story_id"]: f["id"] for f in safeguarding.queue(db)}
    assert f"/safeguarding/flags/{ids[urgent]}" in first_escalation.get_content()
    assert f"/safeguarding/flags/{ids[other]}" in second_escalation.get_content()
    for message in sink.messages():
        assert_tells_nothing_of_the_story(message, db, [urgent, other])
    login_as("safeguarding")
    assert "data-escalated" in client.get("/safeguarding").get_data(as_text=True)


def test_an_acknowledged_flag_needs_no_alert_and_never_escalates(db, activity):
    port = free_port()
    flagged(db, activity)
    [flag] = safeguarding.queue(db)
    safeguarding.acknowledge(db, flag["id"], staff_user(db, "safeguarding"))
    with smtp_on(port) as sink:
        later = clock.now() + timedelta(hours=5)
        assert safeguarding.send_due(db, settings(port), now=later) == {"raised": 0, "overdue": 0}
    assert sink.envelopes == []


def test_without_a_lead_address_nothing_is_sent_and_the_queue_says_alerts_are_off(
    app, client, db, activity, login_as
):
    port = free_port()
    flagged(db, activity)
    with smtp_on(port) as sink:
        sent = safeguarding.send_due(db, settings(port, WORKBENCH_SAFEGUARDING_EMAIL=""))
    assert sent == {"raised": 0, "overdue": 0} and sink.envelopes == []
    login_as("safeguarding")
    page = client.get("/safeguarding").get_data(as_text=True)
    assert "data-alerts-off" in page and 'data-alert="waiting"' in page


def test_the_worker_sends_what_is_due_once_a_minute_without_a_job_row(
    app, db, activity, monkeypatch
):
    port = free_port()
    monkeypatch.setenv("WORKBENCH_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("WORKBENCH_SAFEGUARDING_EMAIL", LEAD)
    flagged(db, activity)
    huey = jobs.make_huey(app.config)
    assert [task.name for task in huey._registry.periodic_tasks] == ["every_minute"]
    assert alerts.JOB in jobs.EVERY_MINUTE
    with smtp_on(port) as sink:
        jobs.run_every_minute(app.config["WORKBENCH_DB"])
    assert len(sink.envelopes) == 1 and db["jobs"].count == 0


def test_an_alert_cut_off_mid_send_is_tried_again_after_its_lease(db, activity):
    port = free_port()
    flagged(db, activity)
    with wdb.write(db):
        alert = db["safeguarding_alerts"].insert(
            {
                "kind": "raised",
                "status": "sending",
                "flags": 1,
                "created_at": clock.now_iso(),
                "tried_at": clock.now_iso(),
            }
        )
        db.execute("UPDATE safeguarding_flags SET alert_id = ?", [alert.last_pk])
    with smtp_on(port) as sink:
        # Another sender has it in hand: nothing is sent twice.
        assert safeguarding.send_due(db, settings(port))["raised"] == 0
        later = clock.now() + alerts.SENDING_LEASE + timedelta(seconds=1)
        assert safeguarding.send_due(db, settings(port), now=later)["raised"] == 1
    assert len(sink.envelopes) == 1
