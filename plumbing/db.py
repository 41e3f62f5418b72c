"""The working database: one SQLite file, opened the same way everywhere.

Every connection gets WAL, foreign keys, synchronous=FULL and secure_delete. Writes go through
`write()`, which begins IMMEDIATE: a deferred transaction that later upgrades to a write fails
at once with "database is locked" under concurrency, whatever the busy timeout.

Deleted text must not survive in the file: secure_delete overwrites what a DELETE frees (some
builds, Debian's among them, turn it on by default; others do not, so it is set here), and
`truncate_wal` empties the write-ahead log, whose old frames still hold pages as they were
before the delete. The files are private to the account that runs the app: the folder is made
0700 and the database 0600, and SQLite gives its -wal and -shm files the database's mode.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_file(path: str | Path) -> Path:
    """Create `path` (and any missing folders, 0700) readable by this account only (0600),
    before SQLite or anything else first opens it; an existing file is left as it is.

    An existing file is never opened here: closing any descriptor of a database file drops
    every POSIX lock this process holds on it, so a thread opening a connection would take
    the locks of another thread's transaction away (SQLite's documented pitfall, seen as
    "database disk image is malformed" under load)."""
    path = Path(path)
    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if not path.exists():
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
        except FileExistsError:
            pass  # another process or thread created it first
    return path


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the working database with the project's pragmas (creating the file, 0600, if
    needed)."""
    private_file(path)
    # isolation_level=None leaves transactions to us (and to sqlite-utils' savepoints).
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    use_wal(conn, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    return sqlite_utils.Database(conn)


def truncate_wal(db: sqlite_utils.Database) -> None:
    """Copy the write-ahead log into the database and empty it (waiting out readers), so no
    page as it was before a delete stays in the -wal file."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Put the file in WAL mode, waiting out other processes doing the same.

    Why: the switch to WAL upgrades a read lock to an exclusive one. When two connections
    both hold the read lock and both want the upgrade, SQLite answers one of them "database
    is locked" at once, without calling the busy handler (waiting could only deadlock). Two
    gunicorn workers, or a worker and the web app, opening a fresh file together hit this;
    CI did. Huey's SQLite storage retries the same way. The mode is persistent, so once any
    connection has switched the file the first check returns at once.
    """
    deadline = time.monotonic() + timeout
    pause = 0.001
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return
            if time.monotonic() >= deadline:
                raise sqlite3.OperationalError("could not switch the database to WAL mode")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


@contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction, begun IMMEDIATE; nested calls become savepoints."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def migrate(db: sqlite_utils.Database) -> None:
    """Apply every package's pending migrations, in the order `plumbing.registry` lists them."""
    from plumbing import registry

    for migrations in registry.migration_sets():
        migrations.apply(db)


def integrity_ok(db: sqlite_utils.Database) -> bool:
    """SQLite's own integrity check."""
    return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def ping(db: sqlite_utils.Database) -> None:
    """Read from the database; raises if it cannot (the health check)."""
    db.execute("SELECT 1").fetchone()


def path_of(db: sqlite_utils.Database) -> str:
    """The file a connection has open, so another thread or process can open it too."""
    return db.execute("PRAGMA database_list").fetchone()[2]
