"""The working database, migrations, audit log and command line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading

import click
import pytest
from click.testing import CliRunner

from plumbing import audit
from plumbing import db as wdb
from workbench.cli import cli
from workbench.ratelimit_store import SQLiteStorage, storage_uri


def test_every_connection_has_the_projects_pragmas(tmp_path):
    db = wdb.connect(tmp_path / "w.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def _open_together(tmp_path, open_file, rounds: int = 200, threads: int = 8) -> list[Exception]:
    """Many connections opening fresh files at the same moment, as gunicorn workers do."""
    errors: list[Exception] = []
    for n in range(rounds):
        path = tmp_path / f"fresh-{n}.db"
        barrier = threading.Barrier(threads)

        def opener(path=path, barrier=barrier) -> None:
            barrier.wait()
            try:
                open_file(path)
            except Exception as error:  # noqa: BLE001 - the test collects every failure
                errors.append(error)

        workers = [threading.Thread(target=opener) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    return errors


def test_connections_opening_a_fresh_file_together_all_get_wal(tmp_path):
    # Two connections switching a new file to WAL deadlock on the upgrade, and SQLite answers
    # one of them "database is locked" without waiting; about one round in ten failed.
    def open_file(path):
        db = wdb.connect(path)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.conn.close()

    assert _open_together(tmp_path, open_file) == []


def test_opening_a_connection_keeps_another_connections_locks(tmp_path):
    """Closing any descriptor of a database file drops every POSIX lock the process holds on
    it. If opening a connection did that, another process closing its last connection would
    find the file unused, checkpoint and delete the write-ahead log under a reader still
    using it ("database disk image is malformed" under load)."""
    path = tmp_path / "workbench.db"
    reader = wdb.connect(path)
    reader["t"].insert({"x": 1})
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()  # a read under way holds its lock
    wdb.connect(path).conn.close()  # another thread of this process opens the file
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('INSERT INTO t (x) VALUES (2)'); c.close()",
            str(path),
        ],
        check=True,
    )
    wal_kept = (tmp_path / "workbench.db-wal").exists()
    reader.execute("COMMIT")
    assert wal_kept, "a process took our read lock's file for unused and deleted its WAL"


def test_rate_limit_storages_opening_a_fresh_file_together_all_count(tmp_path):
    def open_file(path):
        SQLiteStorage(storage_uri(path)).incr("login", expiry=60)

    assert _open_together(tmp_path, open_file) == []


def test_migrations_are_recorded_and_run_once(tmp_path):
    db = wdb.connect(tmp_path / "w.db")
    wdb.migrate(db)
    applied = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    wdb.migrate(db)
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == applied
    sets = {r[0] for r in db.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")}
    assert {"workbench", "consent", "nlp"} <= sets


def test_a_failed_write_transaction_leaves_nothing(db):
    with pytest.raises(RuntimeError):
        with wdb.write(db):
            audit.record(db, "system", "first")
            raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_concurrent_read_then_write_transactions_wait_instead_of_failing(app):
    """BEGIN IMMEDIATE: two writers that read first never hit 'database is locked'."""
    path = app.config["WORKBENCH_DB"]
    setup = wdb.connect(path)
    setup.execute("CREATE TABLE counter (n INTEGER)")
    setup.execute("INSERT INTO counter VALUES (0)")
    errors: list[Exception] = []

    def bump(times: int) -> None:
        db = wdb.connect(path)
        try:
            for _ in range(times):
                with wdb.write(db):
                    n = db.execute("SELECT n FROM counter").fetchone()[0]
                    db.execute("UPDATE counter SET n = ?", [n + 1])
        except sqlite3.OperationalError as error:
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=bump, args=(50,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert setup.execute("SELECT n FROM counter").fetchone()[0] == 200


def test_the_audit_log_is_append_only(db):
    audit.record(db, "user:1", "login", "user", 1)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log")
    row = next(db["audit_log"].rows)
    assert row["at"].endswith("+00:00")


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("WORKBENCH_PUBLISHED_DB", str(tmp_path / "published.db"))
    return CliRunner()


def test_every_command_has_help(runner):
    context = click.Context(cli)
    names = cli.list_commands(context)  # loads every registered module's commands
    assert {"init-db", "create-user", "anonymise", "signals", "worker"} <= set(names)
    for name in names:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert cli.get_command(context, name).help, f"{name} has no help text"


def test_create_user_prints_a_one_time_password_that_logs_in(runner, tmp_path):
    from workbench import accounts

    result = runner.invoke(cli, ["create-user", "sam", "--role", "analyst"])
    assert result.exit_code == 0, result.output
    password = result.output.split("one-time password: ")[1].split()[0]
    db = wdb.connect(tmp_path / "cli.db")
    user = accounts.authenticate(db, "sam", password)
    assert user.role == "analyst" and user.must_change_password


def test_bad_cli_input_gives_a_clear_message_and_no_traceback(runner):
    result = runner.invoke(cli, ["create-user", "sam", "--role", "wizard"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "wizard" in result.output
    runner.invoke(cli, ["create-user", "sam", "--role", "analyst"])
    again = runner.invoke(cli, ["create-user", "sam", "--role", "analyst"])
    assert again.exit_code == 1
    assert "already exists" in again.output


def test_the_console_script_turns_errors_into_one_line(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "WORKBENCH_DB": str(tmp_path / "x.db")}
    bin_dir = os.path.dirname(sys.executable)
    result = subprocess.run(
        [os.path.join(bin_dir, "workbench"), "reset-password", "nobody"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert "no user called 'nobody'" in result.stderr
    assert "Traceback" not in result.stderr


def test_error_pages_are_generic(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "Page not found" in body and "Traceback" not in body
