"""Tables owned by the web shell, in the migration set deployed databases know as "workbench"
(plumbing/migrations.py): staff accounts and their server-side sessions."""

from sqlite_utils import Database

from plumbing.migrations import migrations


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
