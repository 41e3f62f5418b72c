"""Tables owned by the web layer: accounts, sessions, the audit log and background jobs."""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("workbench")


@migrations()
def m001_accounts(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL
                CHECK (role IN ('gatherer', 'analyst', 'planner', 'admin', 'safeguarding')),
            must_change_password INTEGER NOT NULL DEFAULT 1,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        -- Server-side sessions, so logout and expiry really end them: a copied cookie that
        -- names an ended session is refused.
        CREATE TABLE user_sessions (
            id TEXT PRIMARY KEY,        -- sha256 of the random token in the cookie
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            ended_at TEXT
        );
        """
    )


@migrations()
def m002_audit_log(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,           -- UTC, ISO 8601
            actor TEXT NOT NULL,        -- user:<id>, storyteller, system
            action TEXT NOT NULL,
            object_type TEXT,
            object_id TEXT,
            detail TEXT                 -- short and never story text, secrets or tokens
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """
    )


@migrations()
def m003_jobs(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            params TEXT NOT NULL,       -- JSON of ids only, never text
            status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
            progress REAL NOT NULL DEFAULT 0,
            message TEXT,
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT
        )
        """
    )
