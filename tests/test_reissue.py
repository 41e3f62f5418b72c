"""A new receipt secret: only from staff responsible for the story's activity, audited, and
the teller told through their contact channel when they agreed to contact (issue 18, item 9).
"""

from __future__ import annotations

import pytest
from conftest import PASSWORD, login, make_user, post_form
from consent_support import open_activity
from mail_support import free_port, smtp_on
from test_capture_web import gatherer_recorded_story, issued, record, staff_confirmed, story_form

from consent import receipts
from workbench.feedback import outbox

EMAIL = "teller@example.org"


def reissue(client, reference: str):
    return staff_confirmed(client, "reissue", reference)


@pytest.fixture
def gathered(app, db):
    """A story recorded by one gatherer, for an activity an analyst set up; the teller agreed
    to contact by email."""
    analyst = make_user(db, "analyst", "ana")
    gatherer = make_user(db, "gatherer", "gil")
    activity_id = open_activity(db, analyst.id)
    client = app.test_client()
    login(client, gatherer.username)
    form = story_form(consent_contact="yes", contact_email=EMAIL)
    reference, secret = issued(record(client, activity_id, form))
    return {"activity": activity_id, "reference": reference, "secret": secret}


@pytest.mark.parametrize("role", ["gatherer", "analyst"])
def test_staff_from_another_activity_cannot_reissue_a_secret(app, db, gathered, role):
    outsider = make_user(db, role, f"other-{role}")
    client = app.test_client()
    login(client, outsider.username, PASSWORD)
    found = post_form(client, "/capture/stories/find", {"reference": gathered["reference"]})
    assert "Issue a new secret" not in found.get_data(as_text=True)
    assert reissue(client, gathered["reference"]).status_code == 403
    # The teller is not cut off, and the refusal is on record.
    assert receipts.verify(db, gathered["reference"], gathered["secret"]) is not None
    assert db["audit_log"].count_where("action = 'reissue_refused'") == 1
    assert db["audit_log"].count_where("action = 'receipt_secret_reissued'") == 0
    assert db["outbox"].count == 0


@pytest.mark.parametrize("who", ["gil", "ana", "admin"])
def test_responsible_staff_reissue_and_the_teller_is_told_by_email(app, db, gathered, who):
    if who == "admin":
        make_user(db, "admin", "admin")
    client = app.test_client()
    login(client, who)
    found = post_form(client, "/capture/stories/find", {"reference": gathered["reference"]})
    assert "Issue a new secret" in found.get_data(as_text=True)
    response = reissue(client, gathered["reference"])
    assert response.status_code == 201
    new_secret = issued(response)[1]
    assert receipts.verify(db, gathered["reference"], gathered["secret"]) is None
    assert db["audit_log"].count_where("action = 'receipt_secret_reissued'") == 1
    port = free_port()
    with smtp_on(port) as sink:
        assert outbox.send_emails(db, f"smtp://127.0.0.1:{port}", "wb@example.org") == {
            "sent": 1,
            "failed": 0,
        }
    (message,) = sink.messages()
    text = message.get_content()
    assert EMAIL in message["To"]
    assert gathered["reference"] in text and "new secret" in text
    assert new_secret not in text and gathered["secret"] not in text


def test_a_teller_without_contact_consent_gets_no_notice(app, db):
    client, _, reference = gatherer_recorded_story(app, db)
    assert reissue(client, reference).status_code == 201
    assert db["outbox"].count == 0
