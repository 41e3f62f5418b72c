"""`workbench backup` and `workbench restore`: a live copy that restores whole, encrypted or not,
and clear refusals (existing database, wrong key, damaged file) that write nothing."""

from __future__ import annotations

import shutil
import sqlite3
import threading

import pytest
from click.testing import CliRunner

from plumbing import audit
from plumbing import db as wdb
from workbench import backup as backups
from workbench import demo
from workbench.commands.backup import backup_command, backup_key_command, restore_command


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    """Demo activities and stories, captured once for the module."""
    path = tmp_path_factory.mktemp("demo") / "workbench.db"
    db = wdb.connect(path)
    wdb.migrate(db)
    demo.load(db, stories=30)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def working(demo_database, tmp_path):
    """A working database of each test's own, copied from the demo one."""
    path = tmp_path / "live" / "workbench.db"
    path.parent.mkdir()
    shutil.copyfile(demo_database, path)
    return path


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return backups.row_counts(conn)
    finally:
        conn.close()


def run(command, args, db_path, key: str | None = None):
    env = {"WORKBENCH_DB": str(db_path), "WORKBENCH_BACKUP_KEY": key or ""}
    return CliRunner().invoke(command, args, env=env)


def test_a_plain_backup_restores_with_every_row(working, tmp_path):
    before = counts(working)
    dest = tmp_path / "backups" / "plain.db"
    result = run(backup_command, [str(dest)], working)
    assert result.exit_code == 0, result.output
    assert dest.read_bytes().startswith(backups.SQLITE_HEADER)
    assert oct(dest.stat().st_mode & 0o777) == "0o600"

    target = tmp_path / "restored" / "workbench.db"
    result = run(restore_command, [str(dest)], target)
    assert result.exit_code == 0, result.output
    # A restore onto a new machine writes the working database the app's alone (probing found
    # it 0644 under an ordinary umask).
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert oct(target.parent.stat().st_mode & 0o777) == "0o700"
    assert counts(target) == before
    assert before["stories"] == 30
    restored = wdb.connect(target)
    assert wdb.integrity_ok(restored)
    restored.close()


def test_an_encrypted_backup_holds_no_plaintext_and_restores_with_its_key(working, tmp_path):
    key = backups.new_key()
    first_story = sqlite3.connect(working).execute("SELECT text FROM stories").fetchone()[0]
    dest = tmp_path / "enc.db.enc"
    result = run(backup_command, [str(dest), "--encrypt"], working, key)
    assert result.exit_code == 0, result.output
    data = dest.read_bytes()
    assert not data.startswith(backups.SQLITE_HEADER)
    assert first_story.split(".")[0].encode() not in data

    target = tmp_path / "restored.db"
    result = run(restore_command, [str(dest)], target, key)
    assert result.exit_code == 0, result.output
    assert counts(target) == counts(working)


def test_a_wrong_key_is_one_clear_line_and_writes_nothing(working, tmp_path):
    dest = tmp_path / "enc.db.enc"
    assert run(backup_command, [str(dest), "--encrypt"], working, backups.new_key()).exit_code == 0
    target = tmp_path / "restored.db"
    result = run(restore_command, [str(dest)], target, backups.new_key())
    assert result.exit_code == 1
    assert "cannot be decrypted" in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    assert not target.exists()


@pytest.mark.parametrize(
    ("key", "message"),
    [("", "no backup key"), ("not-a-fernet-key", "not a valid key")],
)
def test_encrypting_needs_a_valid_key(working, tmp_path, key, message):
    result = run(backup_command, [str(tmp_path / "x.enc"), "--encrypt"], working, key)
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "x.enc").exists()


def test_restoring_an_encrypted_backup_without_a_key_says_so(working, tmp_path):
    dest = tmp_path / "enc.db.enc"
    run(backup_command, [str(dest), "--encrypt"], working, backups.new_key())
    result = run(restore_command, [str(dest)], tmp_path / "t.db")
    assert result.exit_code == 1
    assert "encrypted" in result.output


def test_restore_refuses_to_overwrite_without_force(working, tmp_path):
    dest = tmp_path / "plain.db"
    run(backup_command, [str(dest)], working)
    other = tmp_path / "other.db"
    db = wdb.connect(other)
    wdb.migrate(db)
    db.close()
    before = other.read_bytes()

    refused = run(restore_command, [str(dest)], other)
    assert refused.exit_code == 1
    assert "--force" in refused.output
    assert other.read_bytes() == before

    forced = run(restore_command, [str(dest), "--force"], other)
    assert forced.exit_code == 0, forced.output
    assert counts(other) == counts(working)


def test_a_damaged_backup_is_refused_before_anything_is_written(working, tmp_path):
    dest = tmp_path / "plain.db"
    run(backup_command, [str(dest)], working)
    data = bytearray(dest.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    dest.write_bytes(bytes(data))
    target = tmp_path / "restored.db"
    result = run(restore_command, [str(dest)], target)
    assert result.exit_code == 1
    assert "nothing was restored" in result.output
    assert not target.exists()


def test_a_backup_taken_during_writes_is_consistent(working, tmp_path):
    """The online backup API copies one moment while another connection keeps writing."""
    stop = threading.Event()

    def keep_writing():
        db = wdb.connect(working)
        n = 0
        while not stop.is_set():
            audit.record(db, "test", f"write {n}")
            n += 1
        db.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        reports = [backups.backup(working, tmp_path / f"b{i}.db") for i in range(3)]
    finally:
        stop.set()
        writer.join()
    for report in reports:
        conn = backups.read_backup(report.path)
        assert backups.row_counts(conn) == report.tables
        conn.close()


def test_backup_key_prints_a_key_that_backs_up_and_restores(working, tmp_path):
    result = CliRunner().invoke(backup_key_command)
    assert result.exit_code == 0
    key = result.output.strip()
    dest = tmp_path / "enc"
    assert run(backup_command, [str(dest), "--encrypt"], working, key).exit_code == 0
    assert run(restore_command, [str(dest)], tmp_path / "t.db", key).exit_code == 0
    assert counts(tmp_path / "t.db") == counts(working)
