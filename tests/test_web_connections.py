"""Each server thread keeps its working-database connection between requests, safely."""

from __future__ import annotations

import logging
import os
import threading

from plumbing import db as wdb
from workbench.policy import public
from workbench.web import ThreadConnections, get_db


def test_a_thread_reuses_its_connection_and_other_threads_get_their_own(app):
    def current():
        with app.test_request_context("/"):
            return get_db()

    first, again = current(), current()
    assert first is again
    other: list = []
    thread = threading.Thread(target=lambda: other.append(current()))
    thread.start()
    thread.join()
    assert other[0] is not first
    assert other[0].execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_request_that_leaves_a_transaction_open_has_it_rolled_back(app, client, caplog):
    """A bug that forgets to commit must not leak its writes (or its lock) into whatever
    request this thread serves next."""

    @app.route("/test-forgets-to-commit")
    @public
    def forgets_to_commit():
        db = get_db()
        db.conn.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO audit_log (at, actor, action) VALUES ('now', 'test', 'left-open')")
        return "done"

    with caplog.at_level(logging.WARNING, logger="workbench.web"):
        assert client.get("/test-forgets-to-commit").status_code == 200
    assert "rolling it back" in caplog.text
    with app.test_request_context("/"):
        assert not get_db().conn.in_transaction
    other = wdb.connect(app.config["WORKBENCH_DB"])
    assert other.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'left-open'"
    ).fetchone() == (0,)
    with wdb.write(other):  # the write lock was released too
        other.execute("INSERT INTO audit_log (at, actor, action) VALUES ('now', 'test', 'later')")
    other.close()


def test_a_forked_child_opens_its_own_connection(tmp_path):
    """SQLite connections must not cross a fork (gunicorn forks its workers)."""
    connections = ThreadConnections()
    path = str(tmp_path / "fork.db")
    parents = connections.get(path)
    child = os.fork()
    if child == 0:
        fresh = connections.get(path)
        ok = fresh is not parents and fresh.execute("SELECT 1").fetchone() == (1,)
        os._exit(0 if ok else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert connections.get(path) is parents
