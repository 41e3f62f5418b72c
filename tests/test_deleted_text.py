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


def test_a_withdrawn_canary_is_in_no_byte_of_any_file_of_the_instance(tmp_path):
    """A story carrying a word no one else uses goes the whole way for real (capture with
    consent, the anonymiser and a person's check, embedding, a fit, an approved theme with a
    quote of it, publishing), then its teller withdraws it from the receipt page and the
    worker runs what the withdrawal queued. The word is then in no byte of any file of the
    instance: working database and -wal, queue, theme models, published file."""
    from conftest import app_config
    from test_leak_canaries import drain
    from test_receipt_web import open_receipt

    from nlp import checks, embed
    from nlp.themes import store as theme_store
    from workbench import create_app, demo
    from workbench.publishing import publish

    app = create_app({"TESTING": True, **app_config(tmp_path, RATELIMIT_ENABLED=False)})
    db = wdb.connect(app.config["WORKBENCH_DB"])
    demo.load(db, stories=60)
    activity = db.execute("SELECT min(id) FROM activities").fetchone()[0]
    word = canary()
    story = f"Nobody listened and I felt {word} all night. The nurses were busy and {word} too."
    receipt = capture_story(db, activity, None, text=story)
    for story_id in [
        r[0] for r in db.execute("SELECT id FROM stories WHERE activity_id = ?", [activity])
    ]:
        if not db.execute("SELECT 1 FROM anonymisations WHERE story_id = ?", [story_id]).fetchone():
            checks.anonymise_story(db, story_id)
            checks.apply_check(db, story_id, checks.findings_for(db, story_id), checked_by=None)
    anonymised = checks.readable_text(db, receipt.story_id)
    assert word in anonymised
    embed.ensure_embeddings(db, theme_store.checked_story_ids(db, activity))
    assert theme_store.run_themes(db, activity).status == "done"
    theme_id = next(t["id"] for t in theme_store.story_themes(db, receipt.story_id))
    theme_store.approve_theme(db, theme_id)
    quote = next(sentence for sentence in anonymised.split(". ") if word in sentence)
    theme_store.add_quote(db, theme_id, receipt.story_id, quote, None)
    publish.build(db, app.config["WORKBENCH_PUBLISHED_DB"])
    assert word.encode() in Path(app.config["WORKBENCH_PUBLISHED_DB"]).read_bytes()

    response = open_receipt(
        app.test_client(), receipt.reference, receipt.secret, "/receipt/withdraw", confirm="y"
    )
    assert response.status_code == 200
    drain(app, db)  # the keyword refresh and the rebuild of the published file
    db.close()

    holding = [name for name, data in files_of(tmp_path).items() if word.encode() in data]
    assert holding == []
    assert any(name.startswith("run-") for name in (p.parent.name for p in tmp_path.rglob("*")))


def test_opening_another_connection_keeps_the_locks_of_the_first(tmp_path):
    """Making the file private must not open an existing database: closing any descriptor of
    a file drops this process's POSIX locks on it, and another process closing its own
    connection would then think itself the last one and delete the write-ahead log that this
    process is still using."""
    import subprocess
    import sys

    path = tmp_path / "workbench.db"
    first = wdb.connect(path)
    first.execute("CREATE TABLE t (x)")
    first.execute("INSERT INTO t VALUES (1)")
    wdb.connect(path)  # another thread of this process opens the database
    subprocess.run(
        [sys.executable, "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1])"
         ".execute('SELECT count(*) FROM t').fetchall()", str(path)],
        check=True,
    )  # fmt: skip
    assert (tmp_path / "workbench.db-wal").exists()
    assert first.execute("SELECT count(*) FROM t").fetchone()[0] == 1
