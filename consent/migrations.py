"""Tables owned by `consent`: activities and their notices, stories, consent per purpose,
contact details, equality answers and the tombstones that withdrawal leaves."""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from plumbing.row_ids import never_reuse

migrations = Migrations("consent")


@migrations()
def m001_activities(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            purpose TEXT NOT NULL,
            can_influence TEXT NOT NULL,
            cannot_influence TEXT NOT NULL,
            how_used TEXT NOT NULL,
            who_sees TEXT NOT NULL,
            feedback_plan TEXT NOT NULL,   -- when and how people will hear back
            feedback_date TEXT,            -- YYYY-MM-DD
            framework_id TEXT,             -- priority framework (nlp.frameworks.id)
            opens_on TEXT NOT NULL,        -- YYYY-MM-DD
            closes_on TEXT NOT NULL,
            channels TEXT NOT NULL,        -- JSON list
            retention_days INTEGER NOT NULL CHECK (retention_days > 0),
            created_by INTEGER REFERENCES users(id),
            created_at TEXT NOT NULL
        );
        -- A notice is the exact text a storyteller consented to. Once a consent cites it,
        -- it can never change: a new version is a new row.
        CREATE TABLE notices (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (activity_id, version)
        );
        CREATE TRIGGER notices_immutable_once_used BEFORE UPDATE ON notices
        WHEN EXISTS (SELECT 1 FROM consents WHERE notice_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'notice is immutable once used'); END;
        """
    )


@migrations()
def m002_stories(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            reference TEXT NOT NULL UNIQUE,   -- e.g. SW-7KQ2-M9XD: random, not secret
            secret_hash TEXT NOT NULL,        -- argon2id of the receipt secret
            channel TEXT NOT NULL,
            text TEXT,                        -- the original; NULL once the policy deletes it
            service TEXT,
            setting TEXT,
            area TEXT,
            submission_key TEXT UNIQUE,       -- makes a double submission one story
            created_by INTEGER REFERENCES users(id),   -- NULL for online self-submission
            created_at TEXT NOT NULL
        );
        CREATE INDEX stories_activity ON stories(activity_id);
        CREATE TABLE consents (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
            method TEXT NOT NULL,             -- written, online, verbal
            method_note TEXT,                 -- the gatherer's note made at the time
            notice_id INTEGER NOT NULL REFERENCES notices(id),
            notice_sha256 TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,        -- user:<id> or storyteller
            PRIMARY KEY (story_id, purpose)
        );
        -- Every grant, change and withdrawal, so consent stays demonstrable (Art 7(1)).
        CREATE TABLE consent_events (
            id INTEGER PRIMARY KEY,
            story_id INTEGER REFERENCES stories(id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            granted INTEGER NOT NULL,
            method TEXT NOT NULL,
            notice_sha256 TEXT NOT NULL,
            at TEXT NOT NULL,
            by TEXT NOT NULL
        );
        CREATE TABLE contacts (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            name TEXT,
            email TEXT,
            phone TEXT,
            postal_address TEXT
        );
        CREATE TABLE equality_answers (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            age_band TEXT, sex TEXT, gender_identity TEXT, ethnicity TEXT, disability TEXT,
            religion TEXT, sexual_orientation TEXT, carer TEXT, postcode_district TEXT
        );
        -- What withdrawal keeps as evidence: no text, no identifiers.
        CREATE TABLE withdrawals (
            reference TEXT PRIMARY KEY,
            secret_hash TEXT NOT NULL,
            activity_id INTEGER,
            withdrawn_at TEXT NOT NULL,
            method TEXT NOT NULL,             -- receipt, staff, retention
            by TEXT NOT NULL
        );
        """
    )


@migrations()
def m003_activity_partners(db: Database) -> None:
    # The named partners a storyteller may agree to share their anonymised story with.
    db.execute("ALTER TABLE activities ADD COLUMN partners TEXT")


@migrations()
def m004_contact_language(db: Database) -> None:
    # The language a teller wants to hear back in: they told us in Welsh, so we answer in Welsh.
    db.execute("ALTER TABLE contacts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'")


@migrations()
def m005_activity_areas(db: Database) -> None:
    # The areas a story may be about (JSON list): a choice, never free text, because a typed
    # area skips anonymisation and the human check on its way to the published counts.
    db.execute("ALTER TABLE activities ADD COLUMN areas TEXT NOT NULL DEFAULT '[]'")


@migrations()
def m006_activity_welsh(db: Database) -> None:
    # What staff write for storytellers, in Welsh too: shown on Welsh pages where given.
    for column in (
        "title_cy",
        "purpose_cy",
        "can_influence_cy",
        "cannot_influence_cy",
        "how_used_cy",
        "who_sees_cy",
        "feedback_plan_cy",
        "partners_cy",
    ):
        db.execute(f"ALTER TABLE activities ADD COLUMN {column} TEXT")


@migrations()
def m007_story_ids_never_reused(db: Database) -> None:
    # A withdrawn story's id is never given to the next story (plumbing/row_ids.py says why).
    never_reuse(db, "stories")
