"""Tables owned by plumbing: the audit log and background jobs.

The set is named "workbench": deployed databases recorded these migrations under that name
when the web layer owned every table. The web shell (accounts), safeguarding and closing the
loop add their own migrations to this one set, each in its own package's migrations module,
so no name a database has recorded ever changes.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

# The name deployed databases recorded this set's migrations under (see above).
RECORDED_NAME = "workbench"
migrations = Migrations(RECORDED_NAME)


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
        -- Evidence is only ever added: no one, not even an admin, edits what happened.
        """
    )


@migrations()
def m003_jobs(db: Database) -> None:
    """Background jobs, so pages can show what the worker is doing and what failed."""
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


@migrations()
def m006_job_owner(db: Database) -> None:
    # Which worker runs a job, and when it last said it was alive: a worker starting up sends
    # again only the jobs whose worker is gone, not those another live worker is running.
    db.executescript(
        """
        ALTER TABLE jobs ADD COLUMN worker TEXT;        -- host:pid
        ALTER TABLE jobs ADD COLUMN heartbeat_at TEXT;  -- UTC, ISO 8601
        """
    )


@migrations()
def m008_audit_log_search(db: Database) -> None:
    # Admins search the log by who, what, which object and when, and page back through it:
    # without these each search reads the whole (ever-growing) log.
    db.executescript(
        """
        CREATE INDEX audit_log_actor ON audit_log(actor);
        CREATE INDEX audit_log_action ON audit_log(action);
        CREATE INDEX audit_log_object ON audit_log(object_type, object_id);
        CREATE INDEX audit_log_at ON audit_log(at);
        """
    )


@migrations()
def m010_row_ids_never_reused(db: Database) -> None:
    # The largest id a table has given, for tables whose ids must never be reused after a
    # delete (plumbing/row_ids.py): stories and safeguarding flags.
    db.execute("CREATE TABLE id_high_water (name TEXT PRIMARY KEY, last INTEGER NOT NULL)")
