"""Rate-limit counters in a small SQLite file, shared by every web worker process.

Why: Flask-Limiter's `memory://` storage lives inside one process, so with two gunicorn
workers each would count separately and a guesser would get twice the attempts at a receipt
or a password. One process was not enough either: its threads share one interpreter lock, and
analysts' pages waited behind storytellers' submissions (benchmarks/load.py). The `limits`
package offers Redis and Memcached, which a single-machine install should not need, so this
registers a `workbench+sqlite://` storage with it: one row per counter, updated in a
`BEGIN IMMEDIATE` transaction so two workers never lose an increment. Counters are not worth
an fsync each: `synchronous=NORMAL` in WAL mode can lose the last few on power loss, never
corrupt the file. Redis remains the choice across machines (`WORKBENCH_RATELIMIT_STORAGE`).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import Storage

from plumbing.db import private_file, use_wal

SCHEME = "workbench+sqlite"
# Expired counters are deleted now and then, not on every request.
PURGE_EVERY = 500


def storage_uri(path: str | Path) -> str:
    """The Flask-Limiter storage URI for a counters file at `path`."""
    return f"{SCHEME}://{Path(path).resolve()}"


class SQLiteStorage(Storage):
    """Fixed-window counters for `limits`; one connection per thread."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = uri.split("://", 1)[1]
        if not self.path:
            raise ValueError(f"{SCHEME}:// needs a file path, e.g. {SCHEME}:///srv/limits.db")
        self._local = threading.local()
        self._writes = 0

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            private_file(self.path)  # counters name receipt references
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            use_wal(db, timeout=10)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS counters "
                "(key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires REAL NOT NULL)"
            )
            self._local.db = db
        return db

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        db, now = self._db(), time.time()
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT value, expires FROM counters WHERE key = ?", [key]).fetchone()
            if row is None or row[1] <= now:
                value, expires = amount, now + expiry
            else:
                value, expires = row[0] + amount, row[1]
            db.execute(
                "INSERT OR REPLACE INTO counters (key, value, expires) VALUES (?, ?, ?)",
                [key, value, expires],
            )
            self._writes += 1
            if self._writes % PURGE_EVERY == 0:
                db.execute("DELETE FROM counters WHERE expires <= ?", [now])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return value

    def get(self, key: str) -> int:
        row = self._row(key)
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return row[1] if row else time.time()

    def _row(self, key: str) -> tuple[int, float] | None:
        row = (
            self._db()
            .execute(
                "SELECT value, expires FROM counters WHERE key = ? AND expires > ?",
                [key, time.time()],
            )
            .fetchone()
        )
        return (int(row[0]), float(row[1])) if row else None

    def check(self) -> bool:
        self._db().execute("SELECT 1").fetchone()
        return True

    def reset(self) -> int | None:
        return self._db().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", [key])
