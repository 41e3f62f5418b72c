"""Receipt links and QR codes name the configured public address, never the request's Host
header (issue 18, item 11)."""

from __future__ import annotations

import pytest
from conftest import app_config, csrf_token, login, make_user
from consent_support import open_activity
from test_capture_web import issued, record, story_form
from test_receipt_web import decode_qr, online_form, tell

from plumbing import db as wdb
from workbench import create_app

PUBLIC = "https://stories.example.org"
FORGED = "evil.example"


def at_forged_host(app):
    """A test client whose every request claims to be for another site."""
    client = app.test_client()
    client.environ_base["HTTP_HOST"] = FORGED
    return client


@pytest.mark.parametrize("public", [PUBLIC, None])
def test_a_forged_host_never_reaches_a_receipt_link_or_card(tmp_path, public):
    overrides = {"PUBLIC_BASE_URL": public} if public else {}
    app = create_app({"TESTING": True, **app_config(tmp_path), **overrides})
    expected = public or "http://127.0.0.1:5000"
    db = wdb.connect(app.config["WORKBENCH_DB"])
    gatherer = make_user(db, "gatherer", "gina")
    activity_id = open_activity(db, gatherer.id, channels=["in_person", "online"])

    staff = at_forged_host(app)
    assert login(staff, "gina").status_code == 302
    saved = record(staff, activity_id, story_form())
    reference, secret = issued(saved)
    page = saved.get_data(as_text=True)
    assert FORGED not in page and f"{expected}/receipt" in page
    token = csrf_token(staff, "/receipt")
    card = staff.post(
        "/receipt/card.png", data={"reference": reference, "secret": secret, "csrf_token": token}
    )
    assert decode_qr(card.data) == [f"{expected}/receipt#{reference}.{secret}"]

    told = tell(at_forged_host(app), activity_id, online_form())
    assert told.status_code == 201
    assert FORGED not in told.get_data(as_text=True)
    db.close()


def production(tmp_path, **overrides) -> dict:
    return {
        **app_config(tmp_path),
        "WORKBENCH_ENV": "production",
        "WORKBENCH_TRUSTED_PROXIES": 1,
        **overrides,
    }


def test_production_refuses_to_start_without_a_public_base_url(tmp_path, monkeypatch):
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    with pytest.raises(RuntimeError, match="PUBLIC_BASE_URL"):
        create_app(production(tmp_path))
    with pytest.raises(RuntimeError, match="PUBLIC_BASE_URL"):
        create_app(production(tmp_path, PUBLIC_BASE_URL="stories.example.org/?x=1"))


def test_production_answers_only_the_configured_hosts(tmp_path):
    app = create_app(
        production(tmp_path, PUBLIC_BASE_URL=PUBLIC, WORKBENCH_TRUSTED_HOSTS="intranet.example")
    )
    assert app.test_client().get("/receipt", base_url=PUBLIC).status_code == 200
    assert app.test_client().get("/receipt", base_url="http://intranet.example").status_code == 200
    assert at_forged_host(app).get("/receipt").status_code == 400
