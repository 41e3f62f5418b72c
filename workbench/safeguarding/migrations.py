"""Tables owned by safeguarding: flags for the safeguarding lead and complaint requests. Their
migration belongs to the set named "workbench" (plumbing/migrations.py), as deployed databases
recorded it."""

from sqlite_utils import Database

from plumbing.migrations import migrations
from plumbing.row_ids import never_reuse


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
def m007_safeguarding_alerts(db: Database) -> None:
    # The lead hears about flags by email: one row per message (a batch of flags), so a flood
    # of stories brings one message every few minutes, and a message the mail server refused is
    # tried again, with each flag pointing at the message that carries it. No story text, no
    # reference and no address is kept here: only what was sent, when, and why it failed.
    #
    # Staff raise concerns by hand (source 'staff', raised_by, signal 'other_concern' when none
    # of the five fits), so a story may be flagged again for a signal whose flag was closed:
    # the one-flag-per-signal rule now holds among flags not yet closed. SQLite cannot drop a
    # table constraint, so the table is rebuilt with every row kept: copied aside, made anew,
    # filled back. Not renamed into place, because SQLite checks a renamed table's references,
    # and on a new database `stories` is created later (by consent's migrations); for the same
    # reason rows are copied back only when there are any (SQLite will not prepare an INSERT
    # whose foreign key names a table that does not exist yet).
    db.executescript(
        """
        CREATE TABLE safeguarding_alerts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('raised', 'overdue')),
            status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
            flags INTEGER NOT NULL,     -- how many flags the message names
            created_at TEXT NOT NULL,
            tried_at TEXT NOT NULL,     -- the latest attempt began
            attempts INTEGER NOT NULL DEFAULT 1,
            sent_at TEXT,
            error TEXT                  -- the exception's type only
        );
        CREATE INDEX safeguarding_alerts_kind ON safeguarding_alerts(kind, status, sent_at);
        CREATE TABLE safeguarding_flags_before AS SELECT * FROM safeguarding_flags;
        DROP TABLE safeguarding_flags;
        CREATE TABLE safeguarding_flags (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            signal TEXT NOT NULL CHECK (signal IN ('suicide_self_harm', 'child_abuse_neglect',
                'adult_abuse_neglect', 'domestic_abuse', 'immediate_danger', 'other_concern')),
            source TEXT NOT NULL,       -- rules, classifier, staff
            why TEXT NOT NULL,          -- the phrase, words or staff reason: safeguarding eyes only
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
            raised_by INTEGER REFERENCES users(id),     -- staff who raised it by hand
            alert_id INTEGER REFERENCES safeguarding_alerts(id),       -- the lead's message
            escalation_id INTEGER REFERENCES safeguarding_alerts(id)   -- the overdue message
        );
        """
    )
    if db.execute("SELECT count(*) FROM safeguarding_flags_before").fetchone()[0]:
        db.execute(
            """
        INSERT INTO safeguarding_flags (
            id, story_id, signal, source, why, state, created_at, acknowledged_at,
            acknowledged_by, acknowledge_note, action_at, action_by, action_note, closed_at,
            closed_by, close_note)
        SELECT id, story_id, signal, source, why, state, created_at, acknowledged_at,
            acknowledged_by, acknowledge_note, action_at, action_by, action_note, closed_at,
            closed_by, close_note
        FROM safeguarding_flags_before
            """
        )
    db.executescript(
        """
        DROP TABLE safeguarding_flags_before;
        CREATE INDEX safeguarding_flags_state ON safeguarding_flags(state, created_at);
        CREATE UNIQUE INDEX safeguarding_flags_one_not_closed
            ON safeguarding_flags(story_id, signal) WHERE state != 'closed';
        CREATE INDEX safeguarding_flags_alert ON safeguarding_flags(alert_id);
        CREATE INDEX safeguarding_flags_escalation ON safeguarding_flags(escalation_id);
        """
    )


@migrations()
def m010_flag_ids_never_reused(db: Database) -> None:
    # A flag deleted with its story never lends its id to another (plumbing/row_ids.py).
    never_reuse(db, "safeguarding_flags")
