"""Rate limits count per client, also behind the reverse proxy production needs.

Every request here arrives from the proxy's own address (REMOTE_ADDR) and names its client in
X-Forwarded-For, as nginx or Caddy send it. Issue 18, items 7 and 8.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import PASSWORD, app_config, csrf_token, login, make_user
from consent_support import capture_story, open_activity, staff_user
from test_receipt_web import online_form, open_receipt, tell

from consent.references import ALPHABET
from plumbing import db as wdb
from workbench import create_app

PROXY = "10.0.0.1"


def from_client(app, client_address: str):
    """A test client whose every request the proxy forwards from `client_address`."""
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)
    return client


def make_app(tmp_path, proxies: int | None = 1, **overrides):
    config = {"TESTING": True, **app_config(tmp_path), **overrides}
    if proxies is not None:
        config["WORKBENCH_TRUSTED_PROXIES"] = proxies
    return create_app(config)


@pytest.fixture
def proxied(tmp_path):
    app = make_app(tmp_path)
    database = wdb.connect(app.config["WORKBENCH_DB"])
    yield app, database
    database.close()


def reference(n: int) -> str:
    """The n-th of 32 well-formed references nobody holds."""
    return f"SW-{ALPHABET[n] * 4}-2345"


def receipt(client, reference: str, secret: str) -> int:
    return open_receipt(client, reference, secret).status_code


def log_in(client, username: str, password: str) -> int:
    return login(client, username, password).status_code


def test_wrong_receipts_from_one_client_do_not_block_another(proxied):
    app, db = proxied
    story = capture_story(db, open_activity(db, staff_user(db, "analyst")), None)
    guesser = from_client(app, "203.0.113.7")
    # Twenty unknown references: only the per-address limit applies to them.
    statuses = [receipt(guesser, reference(n), "WRNG-SECR-ETNO-0000") for n in range(21)]
    assert statuses == [401] * 20 + [429]
    assert receipt(from_client(app, "198.51.100.4"), story.reference, story.secret) == 200


def test_failed_logins_from_one_client_do_not_block_staff_elsewhere(proxied):
    app, db = proxied
    make_user(db, "analyst", "alice")
    make_user(db, "gatherer", "bob")
    guesser = from_client(app, "203.0.113.7")
    statuses = [log_in(guesser, f"user{n}", "wrong password") for n in range(11)]
    assert statuses == [401] * 10 + [429]
    assert log_in(from_client(app, "198.51.100.4"), "bob", PASSWORD) == 302


def test_one_client_guessing_an_account_backs_off_while_its_owner_logs_in(proxied):
    app, db = proxied
    make_user(db, "analyst", "alice")
    guesser = from_client(app, "203.0.113.7")
    statuses = [log_in(guesser, "Alice", f"wrong password {n}") for n in range(6)]
    assert statuses == [401] * 5 + [429]
    # The guesser is held back from alice even with her password...
    assert log_in(guesser, "alice", PASSWORD) == 429
    # ...while alice, from her own address, logs in.
    assert log_in(from_client(app, "198.51.100.4"), "alice", PASSWORD) == 302


def test_a_password_typed_as_a_name_is_not_kept_in_the_counters(proxied):
    app, _db = proxied
    typed = "my-secret-password-typed-in-the-wrong-box"
    assert log_in(from_client(app, "203.0.113.7"), typed, "x") == 401
    counters = Path(app.config["WORKBENCH_DB"]).with_name("workbench-ratelimit.db")
    with sqlite3.connect(counters) as raw:
        keys = [row[0] for row in raw.execute("SELECT key FROM counters")]
    assert keys and not any(typed in key for key in keys)


def test_bad_online_forms_from_one_client_do_not_block_other_storytellers(tmp_path):
    app = make_app(tmp_path, STORY_SUBMIT_RATE_LIMIT="3 per hour")
    db = wdb.connect(app.config["WORKBENCH_DB"])
    activity_id = open_activity(db, staff_user(db, "analyst"))
    sender = from_client(app, "203.0.113.7")
    url = f"/tell/{activity_id}"
    statuses = [
        sender.post(url, data={"csrf_token": csrf_token(sender, url)}).status_code for _ in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    other = from_client(app, "198.51.100.4")
    assert tell(other, activity_id, online_form()).status_code == 201
    assert db["stories"].count == 1
    db.close()


def test_five_wrong_secrets_do_not_lock_the_owner_out(proxied):
    app, db = proxied
    story = capture_story(db, open_activity(db, staff_user(db, "analyst")), None)
    guesser = from_client(app, "203.0.113.7")
    statuses = [receipt(guesser, story.reference, f"WRNG-SECR-ETNO-{n:04d}") for n in range(6)]
    assert statuses == [401] * 5 + [429]
    assert receipt(guesser, story.reference, story.secret) == 429
    assert db["audit_log"].count_where("action = 'receipt_rate_limited'") == 2
    assert receipt(from_client(app, "198.51.100.4"), story.reference, story.secret) == 200


def test_without_a_trusted_proxy_a_forged_forwarding_header_is_ignored(tmp_path):
    app = make_app(tmp_path, proxies=None, RECEIPT_IP_RATE_LIMIT="3 per 15 minutes")
    statuses = [
        receipt(from_client(app, f"203.0.113.{n}"), reference(n), "WRNG-SECR-ETNO-0000")
        for n in range(4)
    ]
    assert statuses == [401, 401, 401, 429]


def test_production_refuses_to_start_without_saying_how_many_proxies(tmp_path, monkeypatch):
    monkeypatch.delenv("WORKBENCH_TRUSTED_PROXIES", raising=False)
    config = {**app_config(tmp_path), "WORKBENCH_ENV": "production"}
    config["PUBLIC_BASE_URL"] = "https://stories.example.org"
    with pytest.raises(RuntimeError, match="WORKBENCH_TRUSTED_PROXIES"):
        create_app(config)
    assert create_app({**config, "WORKBENCH_TRUSTED_PROXIES": 1}).config["SESSION_COOKIE_SECURE"]
