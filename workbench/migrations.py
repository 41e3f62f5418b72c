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


@migrations()
def m004_safeguarding(db: Database) -> None:
    # Flags follow the story: a withdrawn story takes its flags with it (ON DELETE CASCADE, and
    # workbench.safeguarding registers a withdrawal clean-up too). Nothing here is published.
    db.executescript(
        """
        CREATE TABLE safeguarding_flags (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            signal TEXT NOT NULL CHECK (signal IN ('suicide_self_harm', 'child_abuse_neglect',
                'adult_abuse_neglect', 'domestic_abuse', 'immediate_danger')),
            source TEXT NOT NULL,       -- rules, classifier
            why TEXT NOT NULL,          -- the phrase or words that fired: safeguarding eyes only
            state TEXT NOT NULL DEFAULT 'open'
                CHECK (state IN ('open', 'acknowledged', 'action_taken', 'closed')),
            created_at TEXT NOT NULL,
            acknowledged_at TEXT,
            acknowledged_by INTEGER REFERENCES users(id),
            acknowledge_note TEXT,
            action_at TEXT,
            action_by INTEGER REFERENCES users(id),
            action_note TEXT,
            closed_at TEXT,
            closed_by INTEGER REFERENCES users(id),
            close_note TEXT,
            UNIQUE (story_id, signal)
        );
        CREATE INDEX safeguarding_flags_state ON safeguarding_flags(state, created_at);
        -- A storyteller who wants to complain: counted per activity, never published per story.
        CREATE TABLE complaint_requests (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            source TEXT NOT NULL,       -- rules, classifier, storyteller, staff
            requested_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m005_feedback(db: Database) -> None:
    # "You said, we did": an action covers the stories that were in its theme (or tagged to its
    # priority) when it was recorded; merges and splits move stories, not actions. A withdrawn
    # story leaves action_stories, outbox and evaluations (ON DELETE CASCADE and a clean-up).
    db.executescript(
        """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER REFERENCES activities(id),
            theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
            theme_label TEXT,           -- the theme's label when the action was recorded
            framework_id TEXT,
            priority_id TEXT,
            you_said TEXT NOT NULL,     -- the analyst's summary, never story text
            we_did TEXT NOT NULL,
            owner TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('planned', 'in_progress', 'done', 'not_possible')),
            reason TEXT,                -- why not, when not possible
            due_on TEXT,                -- YYYY-MM-DD
            done_on TEXT,
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (theme_id IS NOT NULL OR priority_id IS NOT NULL)
        );
        CREATE TABLE action_stories (
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            PRIMARY KEY (action_id, story_id)
        );
        CREATE INDEX action_stories_story ON action_stories(story_id);
        -- Updates owed to storytellers who agreed to contact. Contact details are read from
        -- `contacts` when sending, so nothing here outlives a withdrawal of consent.
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
            status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'exported', 'failed')),
            created_at TEXT NOT NULL,
            sent_at TEXT,
            error TEXT                  -- short, never an address
        );
        CREATE INDEX outbox_status ON outbox(status, channel);
        CREATE TABLE evaluations (
            id INTEGER PRIMARY KEY,
            story_id INTEGER REFERENCES stories(id) ON DELETE CASCADE,
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            asked_at TEXT NOT NULL CHECK (asked_at IN ('capture', 'receipt')),
            purpose_clear TEXT, listened TEXT, accessible TEXT,
            answered_at TEXT NOT NULL,
            UNIQUE (story_id, asked_at)
        );
        -- The population the organisation serves, to compare who took part against.
        CREATE TABLE population_profile (
            characteristic TEXT NOT NULL,
            community_group TEXT NOT NULL,
            proportion REAL NOT NULL CHECK (proportion >= 0 AND proportion <= 1),
            source TEXT,
            loaded_at TEXT NOT NULL,
            PRIMARY KEY (characteristic, community_group)
        );
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
