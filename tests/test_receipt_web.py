"""The storyteller's public pages: the online form and the receipt page, with CSRF on."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
import zxingcpp
from conftest import csrf_token, post_form
from consent_support import capture_story, open_activity, staff_user
from PIL import Image
from test_capture_web import (
    consent_answers,
    hidden_fields,
    issued,
    record,
    story_form,
    submit_story,
)

from plumbing.clock import today
from workbench import create_app

STORY = "The district nurse came every day and explained each change to my dressing."


@pytest.fixture
def activity_id(db):
    return open_activity(db, staff_user(db, "analyst"))


@pytest.fixture
def story(db, activity_id):
    return capture_story(db, activity_id, staff_user(db), text=STORY)


def online_form(**overrides: str) -> dict[str, str]:
    return {"story": STORY, **consent_answers(consent_publish_quotes="no"), **overrides}


def tell(client, activity_id: int, data: dict):
    return submit_story(client, f"/tell/{activity_id}", data)


def limited_app(tmp_path, **limit: str):
    """An app over its own files with a rate `limit` setting, which a test can use up without
    touching the shared app's counters."""
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "t",
            "WORKBENCH_DB": str(tmp_path / "w.db"),
            "WORKBENCH_QUEUE": "sqlite:///" + str(tmp_path / "q.db"),
            **limit,
        }
    )


def open_receipt(client, reference: str, secret: str, url: str = "/receipt", **extra):
    return post_form(
        client, url, {"reference": reference, "secret": secret, **extra}, form_page="/receipt"
    )


def change_consents(client, story, **form: str):
    """The receipt page's consent form sent for `story`, with its reference and secret."""
    return open_receipt(client, story.reference, story.secret, "/receipt/consent", **form)


def decode_qr(png: bytes) -> list[str]:
    image = Image.open(io.BytesIO(png)).convert("L")
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def test_a_storyteller_tells_a_story_online_and_gets_a_receipt(client, db, activity_id):
    page = client.get(f"/tell/{activity_id}").get_data(as_text=True)
    assert page.index("What you cannot influence") < page.index('name="story"')
    assert "checked" not in "".join(re.findall(r"<input[^>]*consent_[^>]*>", page))
    response = tell(client, activity_id, online_form())
    assert response.status_code == 201
    assert re.search(r"SW-[A-Z2-9]{4}-[A-Z2-9]{4}", response.get_data(as_text=True))
    story = db["stories"].get(1)
    assert story["channel"] == "online" and story["created_by"] is None
    methods = {r["method"] for r in db.query("SELECT method FROM consents")}
    assert methods == {"online"}


def test_sending_the_online_form_twice_saves_one_story_and_no_second_secret(
    client, db, activity_id
):
    url = f"/tell/{activity_id}"
    hidden = hidden_fields(client, url)
    first = post_form(client, url, {**hidden, **online_form()})
    second = post_form(client, url, {**hidden, **online_form()})
    assert first.status_code == second.status_code == 201
    assert "We already have your story" in second.get_data(as_text=True)
    assert "data-secret" not in second.get_data(as_text=True)
    assert db["stories"].count == 1


def test_a_filled_honeypot_saves_nothing(client, db, activity_id):
    response = tell(client, activity_id, online_form(website="http://spam.example"))
    assert response.status_code == 400
    assert db["stories"].count == 0
    assert db["audit_log"].count_where("action = 'honeypot_filled'") == 1


def test_online_stories_are_rate_limited_per_address(tmp_path):
    app = limited_app(tmp_path, STORY_SUBMIT_RATE_LIMIT="2 per hour")
    client = app.test_client()
    from plumbing import db as wdb

    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db, "analyst"))
    statuses = [tell(client, activity_id, online_form()).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    assert db["stories"].count == 2


def test_no_public_form_for_a_closed_or_staff_only_activity(client, db):
    user = staff_user(db, "analyst")
    closed = open_activity(db, user, closes_on=(today() - timedelta(days=1)).isoformat())
    staff_only = open_activity(db, user, channels=["in_person"])
    assert client.get(f"/tell/{closed}").status_code == 404
    assert client.get(f"/tell/{staff_only}").status_code == 404
    assert client.get("/tell/999").status_code == 404
    assert "Getting a GP appointment" not in client.get("/tell").get_data(as_text=True)


def test_the_receipt_page_takes_the_secret_by_post_only_and_has_no_inline_script(client):
    page = client.get("/receipt")
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and 'method="post"' in body
    assert re.findall(r"<script[^>]*>", body) == ['<script src="/static/receipt.js" defer>']
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store"
    script = client.get("/static/receipt.js").get_data(as_text=True)
    assert "location.hash" in script and "history.replaceState" in script


def test_a_receipt_shows_status_and_never_the_original_text(client, db, story):
    response = open_receipt(client, story.reference.lower().replace("-", " "), story.secret)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Getting a GP appointment" in page
    assert 'aria-current="step">Received' in page
    assert "being anonymised" in page
    assert STORY not in page
    for purpose in ("analysis", "publish_quotes", "contact"):
        assert f'data-purpose="{purpose}">Now: <strong>Yes' in page
    opened = db["audit_log"].rows_where("action = 'receipt_opened'")
    assert [r["object_id"] for r in opened] == [str(story.story_id)]
    assert story.secret not in str(list(db["audit_log"].rows))


def test_the_anonymised_text_is_shown_once_it_is_ready(client, db, story):
    anonymised = "The district nurse came every day and explained each change to [PERSON]."
    db["anonymisations"].insert(
        {
            "story_id": story.story_id,
            "status": "ready",
            "text": anonymised,
            "updated_at": "2026-01-01T00:00:00+00:00",
        }
    )
    page = open_receipt(client, story.reference, story.secret).get_data(as_text=True)
    assert "explained each change to [PERSON]" in page
    assert 'aria-current="step">Anonymised' in page
    assert STORY not in page


def test_unknown_reference_and_wrong_secret_get_the_same_answer(client, db, story):
    wrong_secret = open_receipt(client, story.reference, "AAAA-BBBB-CCCC-DDDD")
    unknown = open_receipt(client, "SW-2222-3333", story.secret)
    assert wrong_secret.status_code == unknown.status_code == 401

    def without_typed_reference(response) -> str:
        # CSRF tokens carry a timestamp, so two pages a second apart differ there alone.
        body = re.sub(r'name="csrf_token"[^>]*>', "", response.get_data(as_text=True))
        return re.sub(r'name="reference"[^>]*>', "", body)

    assert without_typed_reference(wrong_secret) == without_typed_reference(unknown)
    failures = list(db["audit_log"].rows_where("action = 'receipt_failed'"))
    assert [r["object_id"] for r in failures] == [story.reference, "SW-2222-3333"]
    assert story.secret not in str(failures) and "AAAA" not in str(failures)


def test_the_sixth_wrong_attempt_for_a_reference_gets_429(client, db, story):
    statuses = [
        open_receipt(client, story.reference, f"WRNG-SECR-ETNO-{n:04d}").status_code
        for n in range(6)
    ]
    assert statuses == [401] * 5 + [429]
    # Locked for that reference, even with the right secret, until the window passes...
    assert open_receipt(client, story.reference, story.secret).status_code == 429
    assert db["audit_log"].count_where("action = 'receipt_rate_limited'") == 2
    # ...while other receipts still open.
    other = capture_story(db, story_id_activity(db, story), None, recorded_by="storyteller")
    assert open_receipt(client, other.reference, other.secret).status_code == 200


def story_id_activity(db, story) -> int:
    return db["stories"].get(story.story_id)["activity_id"]


def test_successful_visits_do_not_use_up_the_limit(client, story):
    statuses = {open_receipt(client, story.reference, story.secret).status_code for _ in range(7)}
    assert statuses == {200}


def test_wrong_attempts_are_also_limited_per_address(tmp_path):
    app = limited_app(tmp_path, RECEIPT_IP_RATE_LIMIT="3 per 15 minutes")
    client = app.test_client()
    references = ["SW-2222-3333", "SW-4444-5555", "SW-6666-7777", "SW-8888-9999"]
    statuses = [open_receipt(client, ref, "WRNG-SECR-ETNO-0000").status_code for ref in references]
    assert statuses == [401, 401, 401, 429]


def test_the_printed_cards_qr_decodes_to_the_receipt_url(client, db, login_as):
    user = login_as("gatherer")
    activity = open_activity(db, user.id)
    reference, secret = issued(record(client, activity, story_form()))
    token = csrf_token(client, "/receipt")
    card = client.post(
        "/receipt/card.png", data={"reference": reference, "secret": secret, "csrf_token": token}
    )
    assert card.status_code == 200 and card.mimetype == "image/png"
    assert "attachment" in card.headers["Content-Disposition"]
    assert decode_qr(card.data) == [f"http://127.0.0.1:5000/receipt#{reference}.{secret}"]
    assert client.get("/receipt/card.png").status_code == 405


def test_withdrawing_needs_the_confirmation_tick(client, db, story):
    response = open_receipt(client, story.reference, story.secret, "/receipt/withdraw")
    assert response.status_code == 400
    assert "Tick the box to confirm" in response.get_data(as_text=True)
    assert db["stories"].count == 1


def test_withdrawal_from_the_receipt_page_deletes_the_story_and_keeps_a_tombstone(
    client, db, story
):
    response = open_receipt(client, story.reference, story.secret, "/receipt/withdraw", confirm="y")
    assert response.status_code == 200
    assert "Your story has been withdrawn" in response.get_data(as_text=True)
    assert db["stories"].count == 0
    assert db["contacts"].count == 0 and db["equality_answers"].count == 0
    tombstone = db["withdrawals"].get(story.reference)
    assert tombstone["method"] == "receipt" and tombstone["by"] == "storyteller"
    assert db["jobs"].count_where("name = 'publish'") == 1
    again = open_receipt(client, story.reference, story.secret).get_data(as_text=True)
    assert "This story was withdrawn on" in again and "Withdraw my story" not in again


def test_changing_a_consent_is_confirmed_then_recorded(client, db, story):
    change = {"want_publish_quotes": "no", "want_share_partners": "yes"}
    refused = change_consents(client, story, **change)
    assert refused.status_code == 400
    assert db["consents"].get((story.story_id, "publish_quotes"))["granted"] == 1
    done = change_consents(client, story, confirm="y", **change)
    assert done.status_code == 200
    assert "Your choices are saved" in done.get_data(as_text=True)
    assert db["consents"].get((story.story_id, "publish_quotes"))["granted"] == 0
    events = db["consent_events"].rows_where(
        "story_id = ? AND purpose = 'publish_quotes'", [story.story_id]
    )
    assert [(e["granted"], e["by"]) for e in events][-1] == (0, "storyteller")
    assert db["jobs"].count_where("name = 'publish'") == 1


def test_equality_answers_typed_beside_another_change_are_refused_not_dropped(client, db, story):
    """Probing found them dropped without a word ("Your choices are saved", nothing stored);
    refused as on the staff form, they are kept once the teller says yes."""
    change_consents(client, story, confirm="y", want_equality_monitoring="no")
    assert db["equality_answers"].count == 0
    answers = {"eq_age_band": "25-34", "eq_religion": "Sikh"}
    refused = change_consents(client, story, confirm="y", want_share_partners="no", **answers)
    assert refused.status_code == 400
    assert "Equality answers are kept only with a “Yes”" in refused.get_data(as_text=True)
    assert db["consents"].get((story.story_id, "share_partners"))["granted"] == 1
    kept = change_consents(client, story, confirm="y", want_equality_monitoring="yes", **answers)
    assert kept.status_code == 200 and db["equality_answers"].count == 1


def test_stopping_contact_deletes_the_contact_details(client, db, story):
    assert db["contacts"].count == 1
    response = change_consents(client, story, confirm="y", want_contact="no")
    assert response.status_code == 200
    assert db["contacts"].count == 0
    again = change_consents(client, story, confirm="y", want_contact="yes")
    assert (
        again.status_code == 400 and db["consents"].get((story.story_id, "contact"))["granted"] == 0
    )
