"""Deleted text leaves the SQLite files: secure_delete on every connection (whatever the
SQLite build's default) and the write-ahead log emptied after a withdrawal, so a withdrawn
story's words are in no byte of the database or its -wal file. The files are the app's own:
0600, in a folder made 0700."""

from __future__ import annotations

import secrets
import sqlite3
import stat
import string
from pathlib import Path

import pytest
from consent_support import (
    anonymise,
    capture_story,
    derive_everything,
    migrated_db,
    new_theme,
    open_activity,
    staff_user,
)

from consent.receipts import change_consent
from consent.withdrawal import withdraw
from plumbing import db as wdb
from plumbing import jobs

REAL_CONNECT = sqlite3.connect


def canary() -> str:
    """A word no story has ever used, so finding it anywhere is finding this story."""
    return "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(14))


@pytest.fixture(params=["built_with_secure_delete", "built_without_secure_delete"])
def sqlite_build(request, monkeypatch):
    """SQLite as Debian builds it (secure_delete on by default) or as most others do (off):
    the app must overwrite deleted text either way."""
    if request.param == "built_without_secure_delete":

        def connect_like_a_default_build(*args, **kwargs):
            conn = REAL_CONNECT(*args, **kwargs)
            conn.execute("PRAGMA secure_delete = OFF")
            return conn

        monkeypatch.setattr(wdb.sqlite3, "connect", connect_like_a_default_build)
    return request.param


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def story_with(db, word: str) -> tuple[int, int]:
    user = staff_user(db)
    activity = open_activity(db, user)
    text = f"The {word} clinic kept me waiting; {word} is all I remember."
    story_id = capture_story(db, activity, user, text=text).story_id
    anonymise(db, story_id, text)
    theme_id = new_theme(db, activity, "Waiting", status="approved")
    derive_everything(db, story_id, theme_id, f"the {word} clinic")
    return story_id, theme_id


def test_every_connection_overwrites_deleted_content(tmp_path, sqlite_build):
    db = wdb.connect(tmp_path / "workbench.db")
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_a_withdrawn_story_is_in_no_byte_of_the_database_or_its_log(tmp_path, sqlite_build):
    db = migrated_db(tmp_path)
    word = canary()
    story_id, _theme = story_with(db, word)
    assert any(word.encode() in data for data in files_of(tmp_path).values())

    withdraw(db, story_id, "staff", "user:1")

    assert (tmp_path / "workbench.db-wal").stat().st_size == 0
    assert [name for name, data in files_of(tmp_path).items() if word.encode() in data] == []


def test_a_quote_withdrawn_with_its_purpose_is_in_no_byte_either(tmp_path, sqlite_build):
    db = migrated_db(tmp_path)
    word = canary()
    story_id, _theme = story_with(db, word)
    with wdb.write(db):  # only the quote holds the word now
        db.execute("UPDATE anonymisations SET text = 'Waiting.' WHERE story_id = ?", [story_id])
        db.execute("UPDATE stories SET text = 'Waiting.' WHERE id = ?", [story_id])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    change_consent(db, story_id, "publish_quotes", False, "storyteller", "online")

    assert [name for name, data in files_of(tmp_path).items() if word.encode() in data] == []


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_working_database_its_log_and_the_queue_are_private(tmp_path):
    instance = tmp_path / "instance"
    db = wdb.connect(instance / "workbench.db")
    wdb.migrate(db)
    huey = jobs.make_huey({"WORKBENCH_DB": str(instance / "workbench.db")})
    huey.storage.enqueue(b"x", 0)
    assert mode(instance) == 0o700
    for name in ("workbench.db", "workbench.db-wal", "workbench.db-shm", "workbench-queue.db"):
        assert mode(instance / name) == 0o600, name
    db.close()
