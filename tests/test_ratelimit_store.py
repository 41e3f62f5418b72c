"""Rate-limit counters in SQLite: shared by processes, exact under concurrency, expiring."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import PASSWORD, csrf_token, make_user
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from workbench.ratelimit_store import SQLiteStorage, storage_uri


def _hammer(uri: str, times: int) -> None:
    storage = storage_from_string(uri)
    for _ in range(times):
        storage.incr("receipt/SW-AAAA-BBBB", expiry=60)


def test_two_processes_count_every_hit_exactly_once(tmp_path):
    uri = storage_uri(tmp_path / "limits.db")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_hammer, args=(uri, 150)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert storage_from_string(uri).get("receipt/SW-AAAA-BBBB") == 300


def test_a_limit_spans_storages_on_one_file_and_its_window_expires(tmp_path):
    uri = storage_uri(tmp_path / "limits.db")
    first = FixedWindowRateLimiter(storage_from_string(uri))
    second = FixedWindowRateLimiter(storage_from_string(uri))
    limit = parse("3 per 1 second")
    assert [first.hit(limit, "login"), second.hit(limit, "login"), first.hit(limit, "login")] == [
        True,
        True,
        True,
    ]
    assert not second.hit(limit, "login")
    assert first.hit(limit, "another address")
    time.sleep(1.1)
    assert second.hit(limit, "login")


def test_clear_reset_and_check(tmp_path):
    storage = SQLiteStorage(storage_uri(tmp_path / "limits.db"))
    assert storage.check()
    storage.incr("a", expiry=60, amount=4)
    storage.incr("b", expiry=60)
    assert storage.get("a") == 4 and storage.get_expiry("a") > time.time()
    storage.clear("a")
    assert storage.get("a") == 0
    assert storage.reset() == 1 and storage.get("b") == 0


def test_a_uri_without_a_path_is_refused():
    with pytest.raises(ValueError, match="needs a file path"):
        SQLiteStorage("workbench+sqlite://")


def test_the_app_counts_logins_in_the_file_every_web_worker_opens(client, db, app):
    # Each gunicorn worker builds its own app from the same settings, so each opens this file;
    # the two-process test above shows that they then count together.
    make_user(db, "analyst", "alice")
    token = csrf_token(client, "/login")
    # Other names each time: one account alone backs off sooner (test_client_limits.py).
    forms = [
        {"username": f"alice{n}", "password": PASSWORD + "?", "csrf_token": token}
        for n in range(11)
    ]
    codes = [client.post("/login", data=form).status_code for form in forms]
    assert codes[:10] == [401] * 10 and codes[10] == 429
    counters = Path(app.config["WORKBENCH_DB"]).with_name("workbench-ratelimit.db")
    with sqlite3.connect(counters) as raw:
        values = [row[0] for row in raw.execute("SELECT value FROM counters")]
    assert max(values) >= 10
    assert PASSWORD.encode() not in counters.read_bytes()
