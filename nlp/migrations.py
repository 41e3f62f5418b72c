"""Tables owned by the NLP layer. Every row that derives from a story names it with
`story_id` and cascades on delete; the withdrawal API also deletes them explicitly."""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("nlp")


@migrations()
def m001_anonymisations(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE anonymisations (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('pending', 'ready', 'checked', 'failed')),
            text TEXT,                 -- anonymised text
            findings TEXT,             -- JSON list of {start, end, label, score, source}
            risk_flags TEXT,           -- JSON list of residual-risk flags for the reviewer
            engine_version TEXT,
            updated_at TEXT NOT NULL,
            checked_by INTEGER REFERENCES users(id),
            checked_at TEXT
        )
        """
    )


@migrations()
def m002_embeddings(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE embeddings (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,  -- of the anonymised text embedded
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,       -- float32, little-endian
            created_at TEXT NOT NULL
        )
        """
    )


@migrations()
def m003_themes(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE theme_runs (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER REFERENCES activities(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL,      -- running, done, failed, too_few
            message TEXT,
            params TEXT,               -- JSON
            n_stories INTEGER,
            model_dir TEXT             -- safetensors model, no documents
        );
        CREATE TABLE themes (
            id INTEGER PRIMARY KEY,
            run_id INTEGER REFERENCES theme_runs(id) ON DELETE SET NULL,
            activity_id INTEGER REFERENCES activities(id) ON DELETE CASCADE,
            topic INTEGER,             -- the model's topic number, -1 for outliers
            label TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            keywords TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings, from anonymised text
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'approved', 'not_for_publication', 'retired')),
            approved_by INTEGER REFERENCES users(id),
            approved_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE theme_members (
            theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            source TEXT NOT NULL CHECK (source IN ('model', 'analyst')),
            probability REAL,
            PRIMARY KEY (theme_id, story_id)
        );
        CREATE INDEX theme_members_story ON theme_members(story_id);
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            text TEXT NOT NULL,        -- an excerpt of the anonymised text
            chosen_by INTEGER REFERENCES users(id),
            chosen_at TEXT NOT NULL
        );
        CREATE INDEX quotes_story ON quotes(story_id);
        """
    )


@migrations()
def m004_priorities(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE frameworks (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT,
            version INTEGER NOT NULL,
            yaml TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE priorities (
            framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            examples TEXT NOT NULL DEFAULT '[]',
            parent TEXT,
            threshold REAL,
            PRIMARY KEY (framework_id, id)
        );
        CREATE TABLE tags (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            framework_id TEXT NOT NULL,
            priority_id TEXT NOT NULL,
            score REAL,
            source TEXT NOT NULL CHECK (source IN ('model', 'analyst')),
            state TEXT NOT NULL DEFAULT 'proposed'
                CHECK (state IN ('proposed', 'confirmed', 'rejected')),
            evidence TEXT,             -- e.g. the nearest example phrase
            model_version TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (story_id, framework_id, priority_id),
            FOREIGN KEY (framework_id, priority_id) REFERENCES priorities(framework_id, id)
                ON DELETE CASCADE
        );
        CREATE TABLE criticality (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            score REAL NOT NULL,       -- -5 very critical .. +5 very positive
            model_version TEXT NOT NULL
        );
        CREATE TABLE classifiers (
            framework_id TEXT PRIMARY KEY REFERENCES frameworks(id) ON DELETE CASCADE,
            trained_at TEXT NOT NULL,
            metrics TEXT NOT NULL,     -- JSON: cross-validated precision/recall per priority
            model BLOB NOT NULL        -- skops/joblib bytes of a model trained on embeddings only
        );
        """
    )


@migrations()
def m005_tag_review(db: Database) -> None:
    # Who decided a tag, for the analyst's audit trail; training time and model figures of the
    # tagger, so pages can show how trustworthy it is.
    db.executescript(
        """
        ALTER TABLE tags ADD COLUMN reviewed_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
        CREATE INDEX tags_framework_priority ON tags(framework_id, priority_id, state);
        ALTER TABLE classifiers ADD COLUMN training_seconds REAL;
        ALTER TABLE classifiers ADD COLUMN n_stories INTEGER;
        """
    )


@migrations()
def m006_theme_review(db: Database) -> None:
    """What analyst review of themes needs beyond m003: who set a label, which model topic
    feeds which theme (merges make that many-to-one), map positions and refit proposals."""
    db.executescript(
        """
        ALTER TABLE themes ADD COLUMN label_source TEXT NOT NULL DEFAULT 'model'
            CHECK (label_source IN ('model', 'analyst'));
        CREATE TABLE theme_topics (
            run_id INTEGER NOT NULL REFERENCES theme_runs(id) ON DELETE CASCADE,
            topic INTEGER NOT NULL,
            theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
            PRIMARY KEY (run_id, topic)
        );
        CREATE TABLE theme_points (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            run_id INTEGER NOT NULL REFERENCES theme_runs(id) ON DELETE CASCADE,
            x REAL NOT NULL,
            y REAL NOT NULL
        );
        CREATE TABLE theme_proposals (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES theme_runs(id) ON DELETE CASCADE,
            activity_id INTEGER REFERENCES activities(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'rejected', 'superseded')),
            changes TEXT NOT NULL,     -- JSON: new themes, additions and moves; ids only
            created_at TEXT NOT NULL,
            decided_by INTEGER REFERENCES users(id),
            decided_at TEXT
        );
        CREATE INDEX themes_activity ON themes(activity_id, status);
        """
    )


@migrations()
def m007_theme_pending(db: Database) -> None:
    """Changes held for an analyst: a story the model would put into (or take out of) an
    approved theme waits here until the analyst accepts it on the theme's page, so approved
    membership, which publishing reads, never changes on its own. One row per story."""
    db.executescript(
        """
        CREATE TABLE theme_pending (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            to_theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
            from_theme_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
            probability REAL,
            origin TEXT NOT NULL CHECK (origin IN ('new_story', 'refit')),
            run_id INTEGER REFERENCES theme_runs(id) ON DELETE SET NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),
            created_at TEXT NOT NULL,
            decided_by INTEGER REFERENCES users(id),
            decided_at TEXT
        );
        CREATE INDEX theme_pending_to ON theme_pending(to_theme_id, status);
        CREATE INDEX theme_pending_from ON theme_pending(from_theme_id, status);
        """
    )


@migrations()
def m008_withdrawn_words(db: Database) -> None:
    """What keeps a withdrawn story's words out of labels and receipts, and "published" true.

    `label_reviewed`: an analyst has seen the label as it is (named, approved or held back the
    theme since the machine last wrote it); only such labels reach receipt pages.
    `words_stale`: a withdrawal took a story out of the theme, so its machine keywords and
    label wait to be rebuilt from the stories left (publishing rebuilds them first).
    `theme_members.published`: the story was counted in the published file now served.
    """
    db.executescript(
        """
        ALTER TABLE themes ADD COLUMN label_reviewed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE themes ADD COLUMN words_stale INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE theme_members ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
        UPDATE themes SET label_reviewed = 1
            WHERE label_source = 'analyst' OR status IN ('approved', 'not_for_publication');
        """
    )


@migrations()
def m009_stale_taggers(db: Database) -> None:
    """`classifiers.stale`: a story the stored tagger learnt from was withdrawn, so the tagger
    still carries that story's words. A stale tagger is never used to tag; the worker retrains
    it without the story. Taggers stored before this column may already carry stories
    withdrawn since they were trained (nothing recorded that), so they start stale too."""
    db.executescript(
        """
        ALTER TABLE classifiers ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
        UPDATE classifiers SET stale = 1;
        """
    )


@migrations()
def m010_tag_embeddings(db: Database) -> None:
    """Tagging vectors (`nlp.tagging.encoder`: MiniLM adapted to patient feedback), a second vector
    per story beside `embeddings`, which themes, signals and criticality keep using. Taggers
    stored before learnt from the packaged model's vectors, so they start stale: the worker
    retrains them on the new ones."""
    db.executescript(
        """
        CREATE TABLE tag_embeddings (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,  -- of the anonymised text embedded
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,       -- float32, little-endian
            created_at TEXT NOT NULL
        );
        UPDATE classifiers SET stale = 1;
        """
    )


@migrations()
def m011_tag_encoder_readapted(db: Database) -> None:
    """The tagging encoder was adapted again (`nlp/data/tag_encoder.npz`: new weights, the
    wordpiece table left as packaged). Vectors of the old weights are dropped rather than left
    for `embed.ensure_embeddings` to find stale one by one: the worker recomputes them all
    before tagging. Taggers learnt on the old vectors would score the new ones wrongly, so
    they start stale and the worker retrains them."""
    db.executescript(
        """
        DELETE FROM tag_embeddings;
        UPDATE classifiers SET stale = 1;
        """
    )


@migrations()
def m012_tag_passages(db: Database) -> None:
    """Tagging vectors of each story's sentences (`nlp.tagging.store.vectors.ensure_tag_passages`):
    the learnt tagger now weighs a long story's best sentence beside the whole story, and
    learns how much from its labelled stories' sentences. Stored taggers learnt without them,
    so they start stale: the worker embeds the sentences and retrains them."""
    db.executescript(
        """
        CREATE TABLE tag_passage_embeddings (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,  -- of the anonymised text whose sentences were embedded
            count INTEGER NOT NULL,     -- sentences; 0 for a story of one sentence
            vectors BLOB NOT NULL,      -- float32, little-endian, count x 384
            created_at TEXT NOT NULL
        );
        UPDATE classifiers SET stale = 1;
        """
    )


@migrations()
def m013_tag_neighbours(db: Database) -> None:
    """The learnt tagger now blends a vote of each story's nearest labelled stories into its
    ridge (`nlp.tagging.neighbours`), which it learns and stores when it trains. A tagger stored
    before still tags (with its ridge alone), but starts stale so the worker retrains it with
    the vote."""
    db.execute("UPDATE classifiers SET stale = 1")


@migrations()
def m014_anonymisation_doubts(db: Database) -> None:
    """The machine's doubts beside its findings: names, places and care settings the trained
    NER proposed and its safeguards set aside (`nlp.anonymise.detect_with_doubts`), as a JSON
    list of {start, end, label, score, source}, offered on the check page for a person to
    decide. Stories anonymised before have none ("[]"); a check clears them."""
    db.execute("ALTER TABLE anonymisations ADD COLUMN doubts TEXT NOT NULL DEFAULT '[]'")
