"""Updates to storytellers: a real SMTP server on loopback, letters and texts as CSV, and
nothing at all for anyone who withdrew."""

from __future__ import annotations

import csv
import email.policy
import io
from email import message_from_bytes

import pytest
from conftest import csrf_token
from consent_support import capture_story, new_theme, open_activity, row_counts, staff_user
from mail_support import free_port, smtp_on

from consent import ConsentError, change_consent, withdraw
from plumbing import db as wdb
from workbench.feedback import actions, outbox
from workbench.feedback.actions import ActionFields

STORY = "The pharmacy ran out of my inhaler three times this winter."


@pytest.fixture
def smtp_server():
    port = free_port()
    with smtp_on(port) as sink:
        yield f"smtp://127.0.0.1:{port}", sink


def answered(db, ways: list[dict], no_contact=(), **action) -> tuple[list, int]:
    """Stories from tellers reachable in `ways`, in one approved theme that an action answers;
    those at the indexes in `no_contact` then withdraw their contact consent."""
    analyst = staff_user(db, "analyst")
    activity = open_activity(db, analyst)
    theme = new_theme(db, activity, "Medicines running out", "approved")
    receipts = [capture_story(db, activity, analyst, text=STORY, contact=way) for way in ways]
    for index in no_contact:
        change_consent(db, receipts[index].story_id, "contact", False, "storyteller", "online")
    with wdb.write(db):
        db["theme_members"].insert_all(
            {"theme_id": theme, "story_id": r.story_id, "source": "model"} for r in receipts
        )
    fields = ActionFields(
        you_said="Medicines ran out at the pharmacy",
        we_did="The pharmacy now orders inhalers a month ahead",
        owner="Community pharmacy lead",
        **action,
    )
    return receipts, actions.record_action(db, fields, by=analyst, theme_id=theme)


@pytest.fixture
def contacts(db):
    """Six storytellers in one theme: email, email, phone only, address only, no contact
    consent, and one who withdraws."""
    ways = [
        {"email": "ann@example.org"},
        {"email": "bob@example.org", "phone": "07700 900123"},
        {"phone": "07700 900456"},
        {"postal_address": "1 High Street, Anytown"},
        {"email": "no-contact@example.org"},
        {"email": "withdrew@example.org"},
    ]
    receipts, action_id = answered(db, ways, no_contact=[4], status="done")
    return {"receipts": receipts, "action": action_id}


def test_updates_go_by_email_through_a_real_smtp_server_and_never_to_the_withdrawn(
    db, contacts, smtp_server
):
    url, sink = smtp_server
    withdraw(db, contacts["receipts"][5].story_id, "receipt", "storyteller")
    assert outbox.queue_updates(db, contacts["action"]) == 4
    result = outbox.send_emails(db, url, "updates@healthwatch.example")
    assert result == {"sent": 2, "failed": 0}
    recipients = sorted(r for e in sink.envelopes for r in e.rcpt_tos)
    assert recipients == ["ann@example.org", "bob@example.org"]
    body = message_from_bytes(sink.envelopes[0].content).get_payload(decode=True).decode()
    assert "The pharmacy now orders inhalers a month ahead" in body
    assert STORY not in body and "inhaler three times" not in body
    assert outbox.send_emails(db, url, "updates@healthwatch.example") == {"sent": 0, "failed": 0}


def test_letters_and_texts_are_exported_once_for_people_without_email(db, contacts):
    outbox.queue_updates(db, contacts["action"])
    rows = list(csv.DictReader(io.StringIO(outbox.export_letters_and_texts(db, "user:1"))))
    assert sorted((r["channel"], r["phone"], r["postal_address"]) for r in rows) == [
        ("letter", "", "1 High Street, Anytown"),
        ("sms", "07700 900456", ""),
    ]
    assert all(STORY not in r["message"] for r in rows)
    assert "withdrew" not in "".join(r["message"] for r in rows)
    again = list(csv.DictReader(io.StringIO(outbox.export_letters_and_texts(db, "user:1"))))
    assert again == []


def test_a_teller_who_withdraws_after_queueing_is_sent_nothing(db, contacts, smtp_server):
    url, sink = smtp_server
    outbox.queue_updates(db, contacts["action"])
    withdraw(db, contacts["receipts"][0].story_id, "receipt", "storyteller")
    change_consent(db, contacts["receipts"][1].story_id, "contact", False, "storyteller", "online")
    assert outbox.send_emails(db, url, "updates@healthwatch.example")["sent"] == 1
    assert [r for e in sink.envelopes for r in e.rcpt_tos] == ["withdrew@example.org"]


def test_analysts_send_from_the_outbox_page(app, client, db, login_as, contacts, smtp_server):
    url, sink = smtp_server
    outbox.queue_updates(db, contacts["action"])
    login_as("analyst")
    token = csrf_token(client, "/outbox")
    refused = client.post("/outbox/send", data={"csrf_token": token}, follow_redirects=True)
    assert "Email is not set up" in refused.get_data(as_text=True)
    app.config["WORKBENCH_SMTP_URL"] = url
    sent = client.post("/outbox/send", data={"csrf_token": token}, follow_redirects=True)
    assert "Sent 3 email(s)" in sent.get_data(as_text=True)
    assert len(sink.envelopes) == 3


def test_a_teller_who_chose_welsh_hears_back_in_welsh_around_what_staff_wrote(db, smtp_server):
    url, sink = smtp_server
    ways = [
        {"email": "cymraeg@example.org", "language": "cy"},
        {"postal_address": "1 Stryd Fawr, Trefach", "language": "cy"},
        {"email": "english@example.org"},
    ]
    receipts, action_id = answered(db, ways, status="planned", due_on="2027-03-31")
    outbox.queue_updates(db, action_id)
    assert outbox.send_emails(db, url, "updates@healthwatch.example")["sent"] == 2
    mail = {
        e.rcpt_tos[0]: message_from_bytes(e.content, policy=email.policy.default)
        for e in sink.envelopes
    }
    welsh, english = mail["cymraeg@example.org"], mail["english@example.org"]
    assert welsh["Subject"] == "Beth ddigwyddodd ar ôl i chi rannu eich profiad"
    assert english["Subject"] == "What happened after you shared your experience"
    welsh_body = welsh.get_content()
    assert "Dywedoch chi: Medicines ran out at the pharmacy" in welsh_body
    assert "Byddwn yn gwneud hyn: The pharmacy now orders inhalers" in welsh_body
    assert "Erbyn 31 Mawrth 2027." in welsh_body and receipts[0].reference in welsh_body
    assert "You said" not in welsh_body and "Thank you" not in welsh_body
    english_body = english.get_content()
    assert "You said: Medicines ran out" in english_body and "By 31 March 2027." in english_body
    (letter,) = csv.DictReader(io.StringIO(outbox.export_letters_and_texts(db, "user:1")))
    assert letter["language"] == "cy" and letter["message"].startswith("Diolch am rannu")


def test_a_language_we_do_not_write_in_is_refused_and_nothing_is_saved(db):
    analyst = staff_user(db, "analyst")
    activity = open_activity(db, analyst)
    before = row_counts(db)
    with pytest.raises(ConsentError) as refused:
        capture_story(
            db, activity, analyst, text=STORY, contact={"email": "a@example.org", "language": "xx"}
        )
    assert "contact_language" in refused.value.errors
    assert row_counts(db) == before


def test_an_update_goes_out_on_the_way_the_teller_can_be_reached_now(db, contacts, smtp_server):
    """Queued as an email; the teller then took contact back and gave it again with only a
    postal address. Probing found the update "sent" by email to None; it is now a letter."""
    url, sink = smtp_server
    ann = contacts["receipts"][0].story_id
    outbox.queue_updates(db, contacts["action"])
    change_consent(db, ann, "contact", False, "storyteller", "online")
    change_consent(
        db, ann, "contact", True, "storyteller", "online",
        contact={"postal_address": "2 Mill Lane, Anytown"},
    )  # fmt: skip
    assert outbox.send_emails(db, url, "updates@healthwatch.example") == {"sent": 2, "failed": 0}
    recipients = sorted(r for e in sink.envelopes for r in e.rcpt_tos)
    assert recipients == ["bob@example.org", "withdrew@example.org"]
    rows = list(csv.DictReader(io.StringIO(outbox.export_letters_and_texts(db, "user:1"))))
    assert ("letter", "2 Mill Lane, Anytown") in {(r["channel"], r["postal_address"]) for r in rows}
    assert ("letter", "exported") in {
        (r["channel"], r["status"])
        for r in db.query("SELECT channel, status FROM outbox WHERE story_id = ?", [ann])
    }
