"""The published database's schema: the only tables and columns planners ever see.

The leak check compares a built file against this schema, so a column added by mistake (a
story id, a contact field) stops the publish rather than reaching planners.
"""

from __future__ import annotations

# Counts are declared without a type so whole numbers stay numbers and the withheld marker
# "[c]" stays text.
SCHEMA = """
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    could_influence TEXT NOT NULL,
    could_not_influence TEXT NOT NULL,
    feedback_plan TEXT NOT NULL,
    feedback_date TEXT,
    opened TEXT NOT NULL,
    closed TEXT NOT NULL,
    priority_framework TEXT
);
CREATE TABLE priorities (
    id INTEGER PRIMARY KEY,
    framework TEXT NOT NULL,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER REFERENCES activities(id),
    label TEXT NOT NULL,
    description TEXT NOT NULL,
    size_band TEXT NOT NULL,
    keywords TEXT NOT NULL,
    priorities TEXT NOT NULL,
    first_month TEXT,
    last_month TEXT,
    tone TEXT
);
CREATE TABLE theme_priorities (
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    priority_id INTEGER NOT NULL REFERENCES priorities(id),
    evidence TEXT NOT NULL,
    PRIMARY KEY (theme_id, priority_id)
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    text TEXT NOT NULL,
    priorities TEXT NOT NULL,
    month TEXT
);
CREATE TABLE theme_counts (
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    priority_id INTEGER REFERENCES priorities(id),
    priority TEXT NOT NULL,
    channel TEXT NOT NULL,
    month TEXT NOT NULL,
    stories
);
CREATE TABLE community_counts (
    theme_id INTEGER REFERENCES themes(id),
    theme TEXT NOT NULL,
    characteristic TEXT NOT NULL,
    community_group TEXT NOT NULL,
    stories
);
CREATE TABLE area_counts (
    theme_id INTEGER REFERENCES themes(id),
    theme TEXT NOT NULL,
    area TEXT NOT NULL,
    stories
);
CREATE TABLE changes (
    published_at TEXT NOT NULL,
    change TEXT NOT NULL,
    theme TEXT NOT NULL,
    activity TEXT,
    detail TEXT NOT NULL
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER REFERENCES activities(id),
    themes TEXT NOT NULL,
    priority TEXT,
    you_said TEXT NOT NULL,
    we_did TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    owner TEXT NOT NULL,
    due_on TEXT,
    done_on TEXT,
    stories TEXT NOT NULL
);
CREATE TABLE action_themes (
    action_id INTEGER NOT NULL REFERENCES actions(id),
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    PRIMARY KEY (action_id, theme_id)
);
CREATE TABLE reach_counts (
    activity_id INTEGER REFERENCES activities(id),
    characteristic TEXT NOT NULL,
    community_group TEXT NOT NULL,
    stories,
    share_of_answers TEXT,
    population_share TEXT,
    heard TEXT
);
CREATE TABLE evaluation_counts (
    activity_id INTEGER REFERENCES activities(id),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    responses
);
CREATE TABLE about (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE INDEX theme_counts_theme ON theme_counts(theme_id, priority_id);
CREATE INDEX quotes_theme ON quotes(theme_id);
"""

ALL_CHANNELS, ALL_MONTHS, ALL_PRIORITIES, ALL_THEMES = (
    "All channels",
    "All months",
    "All priorities",
    "All themes",
)
ALL_GROUPS, ALL_AREAS = "All groups", "All areas"


def expected_columns() -> dict[str, list[str]]:
    """Table name to column names, read from SCHEMA by SQLite itself."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(SCHEMA)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            table: [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")] for table in tables
        }
    finally:
        conn.close()
