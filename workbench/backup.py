"""Backups of the working database, and restoring one.

`backup` copies a live database with SQLite's online backup API, so the web app and workers
can keep writing while it runs, and the copy is one consistent moment. The copy is made in
memory and checked before anything is written, so an encrypted backup never touches the disk
as plaintext. Encryption is Fernet (AES-128-CBC with an HMAC-SHA256): a wrong key or a damaged
file is detected before a single byte is restored.

`restore` checks a backup's integrity in memory, then copies it into the working database with
the same backup API, so connections that are open see either the old database or the restored
one, never a mixture. `reapply_withdrawals` then takes back again whatever the withdrawal
journal beside the database says was taken back after the backup was made.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from consent import journal_replay
from consent.withdrawal_journal import Replayed
from plumbing import db as wdb

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, for a person."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    encrypted: bool
    size: int
    tables: dict[str, int]


def new_key() -> str:
    """A fresh key for `WORKBENCH_BACKUP_KEY`."""
    return Fernet.generate_key().decode("ascii")


def _fernet(key: str | None) -> Fernet:
    if not key:
        raise BackupError(
            "no backup key: set WORKBENCH_BACKUP_KEY (make one: workbench backup-key)"
        )
    try:
        return Fernet(key.encode("ascii") if isinstance(key, str) else key)
    except (ValueError, UnicodeEncodeError):
        raise BackupError(
            "WORKBENCH_BACKUP_KEY is not a valid key (make one: workbench backup-key)"
        ) from None


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows in each table, for a person to compare a backup with what they expect."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    # Names come from sqlite_master itself, quoted as identifiers.
    return {
        name: conn.execute(
            f'SELECT count(*) FROM "{name.replace(chr(34), chr(34) * 2)}"'
        ).fetchone()[0]
        for name in names
    }


def _integrity_ok(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def backup(source: str | Path, dest: str | Path, key: str | None = None) -> BackupReport:
    """Copy the database at `source` to `dest`, encrypted with `key` when one is given.

    The file appears at `dest` only once complete (written beside it, then renamed), readable
    by its owner only.
    """
    fernet = _fernet(key) if key is not None else None
    if not Path(source).exists():
        raise BackupError(f"no database at {source}")
    live = sqlite3.connect(f"file:{Path(source).resolve()}?mode=ro", uri=True)
    copy = sqlite3.connect(":memory:")
    try:
        live.backup(copy)
        if not _integrity_ok(copy):
            raise BackupError("the copy failed its integrity check: the database needs attention")
        tables = row_counts(copy)
        data = _rollback_journal(copy.serialize())
    finally:
        live.close()
        copy.close()
    if fernet is not None:
        data = fernet.encrypt(data)
    dest = Path(dest)
    _write_atomically(dest, data)
    return BackupReport(dest, fernet is not None, len(data), tables)


def _rollback_journal(data: bytes) -> bytes:
    """The same pages marked as a rollback-journal database (header bytes 18-19 set to 1).

    A copy of a WAL database says "WAL" in its header, which an in-memory database cannot open
    and which would make a lone backup file need a -wal beside it. The pages are complete
    either way; only the journal mode recorded in the header changes.
    """
    if len(data) >= 20 and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def is_encrypted(data: bytes) -> bool:
    return not data.startswith(SQLITE_HEADER)


def read_backup(source: str | Path, key: str | None = None) -> sqlite3.Connection:
    """An in-memory database holding the backup at `source`, decrypted and integrity-checked."""
    path = Path(source)
    if not path.is_file():
        raise BackupError(f"no backup at {path}")
    data = path.read_bytes()
    if is_encrypted(data):
        if not key:
            raise BackupError("this backup is encrypted: set WORKBENCH_BACKUP_KEY to its key")
        try:
            data = _fernet(key).decrypt(data)
        except InvalidToken:
            raise BackupError(
                "this backup cannot be decrypted with WORKBENCH_BACKUP_KEY: "
                "the key is not the one it was made with, or the file is damaged"
            ) from None
        if not data.startswith(SQLITE_HEADER):
            raise BackupError("the decrypted backup is not a SQLite database")
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(_rollback_journal(data))
        if not _integrity_ok(conn):
            raise BackupError("the backup failed its integrity check: nothing was restored")
    except sqlite3.DatabaseError:
        conn.close()
        raise BackupError("the backup is damaged: nothing was restored") from None
    except BackupError:
        conn.close()
        raise
    return conn


def restore(
    source: str | Path, target: str | Path, key: str | None = None, force: bool = False
) -> dict[str, int]:
    """Replace the database at `target` with the backup at `source`; returns its row counts.

    Refuses to overwrite an existing database unless `force`. Nothing is written unless the
    backup decrypts and passes SQLite's integrity check.
    """
    backup_copy = read_backup(source, key)
    try:
        target = Path(target)
        if target.exists() and target.stat().st_size > 0 and not force:
            raise BackupError(f"{target} exists: pass --force to replace it with the backup")
        tables = row_counts(backup_copy)
        wdb.private_file(target)  # a new file is the app's alone (0600), as the working one is
        live = sqlite3.connect(str(target), timeout=30)
        try:
            backup_copy.backup(live)
            if not _integrity_ok(live):
                raise BackupError(f"{target} failed its integrity check after the restore")
        finally:
            live.close()
    finally:
        backup_copy.close()
    return tables


def reapply_withdrawals(target: str | Path) -> Replayed:
    """Bring the restored database at `target` up to date and take back again everything the
    withdrawal journal beside it records and the backup predates (stories, quotes, contact
    details, equality answers), before anything reopens it."""
    db = wdb.connect(target)
    try:
        wdb.migrate(db)
        return journal_replay.replay(db)
    finally:
        db.close()
