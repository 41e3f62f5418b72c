"""Tables owned by safeguarding: flags for the safeguarding lead and complaint requests. Their
migration belongs to the set named "workbench" (plumbing/migrations.py), as deployed databases
recorded it."""

from sqlite_utils import Database

from plumbing.migrations import migrations


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
