"""Tables owned by closing the loop, in the "workbench" migration set (plumbing/migrations.py):
actions and the stories they answer, updates owed to storytellers, answers to "how was it for
you?" and the population profile for reach."""

from sqlite_utils import Database

from plumbing.migrations import migrations


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
def m008_actions_point_at_themes(db: Database) -> None:
    # An action names its theme by id and shows the theme's label as it is now: a copy taken
    # when the action was recorded could keep words of a story withdrawn since. The column
    # stays (dropping it would rebuild the table) and is no longer written.
    db.execute("UPDATE actions SET theme_label = NULL")


@migrations(transactional=False)
def m009_outbox_notices(db: Database) -> None:
    # The outbox also carries notices that are no action's update: "a new secret was issued
    # for your receipt" (kind 'secret_reissued', no action). SQLite cannot relax NOT NULL in
    # place, so the rows wait in a temporary table while the table is made again (no RENAME:
    # on a new database this set runs before the tables the outbox refers to exist, so
    # foreign keys are off while it is made again, in one transaction of its own).
    db.executescript(
        """
        PRAGMA foreign_keys = OFF;
        BEGIN IMMEDIATE;
        CREATE TEMP TABLE outbox_rows AS SELECT * FROM outbox;
        DROP TABLE outbox;
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT 'action'
                CHECK (kind IN ('action', 'secret_reissued')),
            channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
            status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'exported', 'failed')),
            created_at TEXT NOT NULL,
            sent_at TEXT,
            error TEXT,                 -- short, never an address
            CHECK ((kind = 'action') = (action_id IS NOT NULL))
        );
        INSERT INTO outbox (id, story_id, action_id, kind, channel, status, created_at,
                            sent_at, error)
            SELECT id, story_id, action_id, 'action', channel, status, created_at, sent_at, error
            FROM outbox_rows;
        DROP TABLE outbox_rows;
        CREATE INDEX outbox_status ON outbox(status, channel);
        COMMIT;
        PRAGMA foreign_keys = ON;
        """
    )
