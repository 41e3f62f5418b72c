"""A database that deployed code migrated and filled opens with today's code: every migration
set keeps the name it was recorded under, nothing is re-run, no row is lost, and the upgraded
database has exactly the schema a new one gets.

The fixture is a dump made by the code at commit 5a66b74, from before the packages were
layered (tests/fixtures/make_upgrade_fixture.py says how); it has a row in every table.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import consent
from plumbing import db as wdb
from workbench.publishing import publish

FIXTURE = Path(__file__).parent / "fixtures" / "upgrade_from_5a66b74.sql"
SECRET = "K7Q2-M9XD-4HJT-PW3A"  # the receipt secret the fixture gave its captured story


@pytest.fixture
def deployed(tmp_path) -> Path:
    """The deployed database as a file, exactly as the old code left it."""
    path = tmp_path / "deployed" / "workbench.db"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.close()
    return path


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    return {
        (kind, name): sql
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
    }


def _contents(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in tables}


def _migrations(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return set(conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall())


def test_the_fixture_has_a_row_in_every_table(deployed):
    conn = sqlite3.connect(deployed)
    empty = [table for table, rows in _contents(conn).items() if not rows]
    conn.close()
    assert empty == []


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]


# Values a migration erases on purpose: actions kept a copy of their theme's label, which could
# hold words of a story withdrawn since (workbench m008); the label is read by theme id now.
ERASED = {("actions", "theme_label")}


def test_opening_a_deployed_database_re_runs_nothing_and_loses_nothing(deployed):
    conn = sqlite3.connect(deployed)
    contents = _contents(conn)
    columns = {table: _columns(conn, table) for table in contents}
    conn.close()
    for table, column in ERASED:
        at = columns[table].index(column)
        assert any(row[at] for row in contents[table]), f"the fixture has no {table}.{column}"
        contents[table] = sorted(
            (tuple(None if i == at else v for i, v in enumerate(row)) for row in contents[table]),
            key=repr,
        )
    db = wdb.connect(deployed)
    wdb.migrate(db)
    for table, rows in contents.items():
        # Every row keeps every value it had, in the columns it had (later migrations may add
        # columns, tables and, for _sqlite_migrations, the records of their own running).
        shown = ", ".join(f"[{c}]" for c in columns[table])
        now = sorted(db.conn.execute(f"SELECT {shown} FROM [{table}]").fetchall(), key=repr)
        if table == "_sqlite_migrations":
            assert set(rows) <= set(now)  # nothing recorded before is run or recorded again
        else:
            assert now == rows, table
    db.close()


def test_a_new_database_gets_the_same_tables_under_the_same_migration_names(deployed, tmp_path):
    fresh = wdb.connect(tmp_path / "fresh.db")
    wdb.migrate(fresh)
    upgraded = wdb.connect(deployed)
    old = _migrations(upgraded.conn)
    wdb.migrate(upgraded)
    try:
        assert old <= _migrations(fresh.conn)
        assert _migrations(upgraded.conn) == _migrations(fresh.conn)
        assert _schema(upgraded.conn) == _schema(fresh.conn)
    finally:
        upgraded.close()
        fresh.close()


def test_todays_code_works_on_the_deployed_data(deployed, tmp_path):
    db = wdb.connect(deployed)
    wdb.migrate(db)
    reference = db.execute(
        "SELECT reference FROM stories WHERE text LIKE 'The ward sister%'"
    ).fetchone()[0]
    key = consent.verify(db, reference, SECRET)
    assert key is not None and not key.withdrawn
    consent.withdraw(db, key.story_id, "receipt", "storyteller")
    with_story_id = [t for t in db.table_names() if "story_id" in db[t].columns_dict]
    assert all(db[t].count_where("story_id = ?", [key.story_id]) == 0 for t in with_story_id)
    counts = publish.build(db, tmp_path / "published.db")
    assert counts["themes"] > 0 and counts["quotes"] > 0
    db.close()
