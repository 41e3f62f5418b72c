"""The working database: one SQLite file, opened the same way everywhere.

Every connection gets WAL, foreign keys and synchronous=FULL. Writes go through `write()`,
which begins IMMEDIATE: a deferred transaction that later upgrades to a write fails at once
with "database is locked" under concurrency, whatever the busy timeout.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the working database with the project's pragmas (creating the file if needed)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None leaves transactions to us (and to sqlite-utils' savepoints).
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    use_wal(conn, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return sqlite_utils.Database(conn)


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
