"""Building the published database: approved data only, checked for leaks, swapped atomically."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import post_form
from publish_fixtures import CANARIES, CANARY_EMAIL, seed

from plumbing import db as wdb
from workbench.publishing import publish
from workbench.publishing import tables as publish_tables
from workbench.publishing.schema import expected_columns
from workbench.publishing.tables import SHARE_BANDS

STORY_NUMBER = re.compile(r"\(story (\d+)\)")


def published(path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


def all_text(path) -> str:
    out = published(path)
    text = "\n".join(
        str(value)
        for table in out.table_names()
        for row in out.execute(f"SELECT * FROM [{table}]").fetchall()
        for value in row
    )
    out.close()
    return text


@pytest.fixture
def seeded(db):
    return seed(db)


@pytest.fixture
def target(tmp_path):
    return tmp_path / "out" / "published.db"


def test_the_published_file_has_exactly_the_published_schema(db, seeded, target):
    publish.build(db, target)
    out = published(target)
    assert {t: [c.name for c in out[t].columns] for t in out.table_names()} == expected_columns()
    assert out.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert json.loads(publish.metadata_path(target).read_text())["databases"]["published"]


def test_only_approved_themes_with_counted_stories_are_published(db, seeded, target):
    publish.build(db, target)
    labels = {row["label"] for row in published(target).query("SELECT label FROM themes")}
    assert labels == {
        "Waiting for appointments",
        "Discharge without a plan",
        "Approved but unquoted",
    }


@pytest.mark.parametrize("rebuilt", ["label_reviewed = 0", "words_stale = 1"])
def test_a_machine_label_no_analyst_has_seen_waits_for_review(db, seeded, target, rebuilt):
    """A withdrawal rebuilds an approved theme's machine label and sends it back for review;
    probing found the new label ("Care setting") published before anyone saw it."""
    theme = seeded["themes"]["Discharge without a plan"]
    with wdb.write(db):
        db.execute(f"UPDATE themes SET label = 'Rebuilt words', {rebuilt} WHERE id = ?", [theme])
    publish.build(db, target)
    labels = [row["label"] for row in published(target).query("SELECT label FROM themes")]
    assert "Rebuilt words" not in labels
    assert sum(label.endswith("(name under review)") for label in labels) == 1
    assert "Waiting for appointments" in labels


def test_quotes_come_only_from_stories_with_both_consents_and_a_checked_anonymisation(
    db, seeded, target
):
    publish.build(db, target)
    quoted = {
        int(STORY_NUMBER.search(row["text"]).group(1))
        for row in published(target).query("SELECT text FROM quotes")
    }
    # The fixture's rules: no analysis consent every fifth story, no consent to quotes every
    # third, unchecked anonymisation every seventh, quotes on even stories of quoted themes.
    expected = {
        n
        for n in range(60)
        if n % 2 == 0 and n % 5 != 4 and n % 3 != 2 and n % 7 != 6 and (n // 2) % 5 in (0, 1)
    }
    assert quoted == expected


def test_a_theme_approved_with_no_publishable_quotes_is_published_without_quotes(
    db, seeded, target
):
    publish.build(db, target)
    out = published(target)
    theme = next(out.query("SELECT id FROM themes WHERE label = 'Approved but unquoted'"))
    assert list(out.query("SELECT * FROM quotes WHERE theme_id = ?", [theme["id"]])) == []
    assert list(out.query("SELECT * FROM theme_counts WHERE theme_id = ?", [theme["id"]]))


def test_theme_totals_count_only_stories_with_consent_to_analysis(db, seeded, target):
    publish.build(db, target)
    out = published(target)
    for theme in out.query("SELECT id, label, size_band FROM themes"):
        expected = sum(
            1
            for n in range(60)
            if list(seeded["themes"])[(n // 2) % 5] == theme["label"] and n % 5 != 4 and n % 7 != 6
        )
        total = next(
            out.query(
                "SELECT stories FROM theme_counts WHERE theme_id = ? AND priority_id IS NULL "
                "AND channel = 'All channels' AND month = 'All months'",
                [theme["id"]],
            )
        )["stories"]
        # The exact size is never shown beside its band.
        assert total == "[c]" and theme["size_band"] == publish.size_band(expected)


def test_no_shown_count_is_small(db, seeded, target):
    publish.build(db, target)
    out = published(target)
    for table in ("theme_counts", "community_counts", "area_counts"):
        for row in out.query(f"SELECT stories FROM {table}"):
            value = row["stories"]
            assert value == "[c]" or (isinstance(value, int) and value >= 5)


def test_canary_identifiers_never_reach_the_published_file(db, seeded, target):
    publish.build(db, target)
    text = all_text(target).lower() + publish.metadata_path(target).read_text().lower()
    for canary in CANARIES:
        assert canary.lower() not in text
    for reference in db.query("SELECT reference FROM stories"):
        assert reference["reference"].lower() not in text


def test_nothing_approved_gives_an_empty_but_valid_database_with_metadata(db, target):
    counts = publish.build(db, target)
    assert counts["themes"] == counts["quotes"] == 0
    out = published(target)
    assert set(out.table_names()) == set(expected_columns())
    assert publish.metadata_path(target).exists()
    assert publish.status(target)["built_at"]


def test_a_build_that_fails_midway_leaves_the_old_file_served_intact(
    db, seeded, target, monkeypatch
):
    publish.build(db, target)
    before = all_text(target)
    db.execute("UPDATE themes SET status = 'approved'")

    def crash(_db, _out):
        raise RuntimeError("killed mid-build")

    monkeypatch.setattr(publish.checks, "check", crash)
    with pytest.raises(RuntimeError):
        publish.build(db, target)
    assert all_text(target) == before
    assert published(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(target.parent.glob(".publishing-*"))


def _tamper(monkeypatch, change):
    real = publish_tables.published_rows_and_members

    def tampered(db, k=5):
        rows, members = real(db, k)
        change(db, rows)
        return rows, members

    monkeypatch.setattr(publish, "published_rows_and_members", tampered)


def _raw_text_in_description(db, rows):
    raw = "Dr Quentin Oddsock told me my results on the phone while I was at work"
    db.execute("UPDATE stories SET text = ? WHERE id = (SELECT min(id) FROM stories)", [raw])
    rows["themes"][0]["description"] = f"People said: {raw}."


# What a bug in the table code might do, and the words the refusal uses for it.
TAMPERING = {
    "original text in a description": (
        _raw_text_in_description,
        "original story text",
    ),
    "a story reference in a label": (
        lambda db, rows: rows["themes"][0].update(
            label=next(db.query("SELECT reference FROM stories"))["reference"]
        ),
        "story reference",
    ),
    "a reformatted phone number": (
        lambda db, rows: rows["themes"][0].update(description="call +44 7700 900461 today"),
        "phone number",
    ),
    "a contact email": (
        lambda db, rows: rows["activities"][0].update(feedback_plan=CANARY_EMAIL),
        "contact detail",
    ),
    "an unapproved quote": (
        lambda db, rows: rows["quotes"][0].update(
            text=next(db.query("SELECT text FROM quotes ORDER BY id DESC"))["text"]
        ),
        "not an approved excerpt",
    ),
    "text without consent to analysis": (
        lambda db, rows: rows["themes"][0].update(
            description=next(
                db.query(
                    "SELECT a.text FROM anonymisations a JOIN consents c ON c.story_id = "
                    "a.story_id AND c.purpose = 'analysis' AND c.granted = 0"
                )
            )["text"]
        ),
        "without consent to analysis",
    ),
    "a working table": (
        lambda db, rows: rows.update(stories=[{"id": 1, "text": "x"}]),
        "unexpected table",
    ),
}


@pytest.mark.parametrize("tampering", TAMPERING, ids=list(TAMPERING))
def test_the_leak_check_refuses_and_keeps_the_old_file(db, seeded, target, monkeypatch, tampering):
    publish.build(db, target)
    before = all_text(target)
    change, reason = TAMPERING[tampering]
    _tamper(monkeypatch, change)
    with pytest.raises(publish.LeakError, match=reason):
        publish.build(db, target)
    assert all_text(target) == before


def test_a_column_added_by_mistake_is_refused(db, seeded, target, monkeypatch):
    monkeypatch.setattr(
        publish, "SCHEMA", publish.SCHEMA.replace("month TEXT\n);", "month TEXT, story_id\n);", 1)
    )
    _tamper(monkeypatch, lambda db, rows: [q.update(story_id=1) for q in rows["quotes"]])
    with pytest.raises(publish.LeakError, match="unexpected columns"):
        publish.build(db, target)
    assert not target.exists()


def test_a_withdrawn_story_disappears_and_changes_are_recorded(db, seeded, target):
    publish.build(db, target)
    quote = next(published(target).query("SELECT text FROM quotes LIMIT 1"))["text"]
    story = seeded["stories"][int(STORY_NUMBER.search(quote).group(1))]
    with wdb.write(db):
        db["stories"].delete(story)  # withdrawal deletes the story; its rows cascade
        db.execute(
            "UPDATE themes SET status = 'not_for_publication' WHERE label = ?",
            ["Approved but unquoted"],
        )
    publish.build(db, target)
    out = published(target)
    assert quote not in {row["text"] for row in out.query("SELECT text FROM quotes")}
    changes = {(r["change"], r["theme"]) for r in out.query("SELECT change, theme FROM changes")}
    # A label no longer published is not named: it may hold a withdrawn story's words.
    assert ("no longer published", publish.FORMER_THEME) in changes
    assert ("new theme", "Waiting for appointments") in changes
    assert "Approved but unquoted" not in {theme for _change, theme in changes}


def test_the_publish_command_builds_and_prints_counts(db, seeded, target, app, monkeypatch):
    from workbench.commands.publishing import publish as publish_command

    monkeypatch.setenv("WORKBENCH_DB", app.config["WORKBENCH_DB"])
    result = CliRunner().invoke(publish_command, ["--to", str(target)])
    assert result.exit_code == 0, result.output
    assert re.search(r"themes\s+3 rows", result.output)
    assert target.exists()


def test_the_publish_job_builds_the_file(db, seeded, target):
    messages = []
    publish.publish_job(db, lambda f, m="": messages.append(m), published_path=str(target))
    assert "3 themes" in messages[-1]
    assert publish.status(target)["counts"]["themes"] == 3


def test_an_analyst_sees_the_last_build_and_can_queue_a_publish(app, client, db, login_as):
    login_as("analyst")
    assert "Nothing has been published yet" in client.get("/publishing/").get_data(as_text=True)
    publish.build(db, app.config["WORKBENCH_PUBLISHED_DB"])
    page = client.get("/publishing/").get_data(as_text=True)
    assert "Built " in page and "quotes" in page
    response = post_form(client, "/publishing/publish", {}, form_page="/publishing/")
    assert response.status_code == 302
    job = next(db.query("SELECT name, params FROM jobs ORDER BY id DESC LIMIT 1"))
    assert job["name"] == "publish"
    assert json.loads(job["params"]) == {"published_path": app.config["WORKBENCH_PUBLISHED_DB"]}


def test_a_theme_is_linked_only_to_priorities_enough_of_its_stories_carry(db, seeded, target):
    """One stray tag used to link a theme to a priority; now a quarter of its stories must."""
    theme = seeded["themes"]["Waiting for appointments"]
    members = [
        r[0] for r in db.execute("SELECT story_id FROM theme_members WHERE theme_id = ?", [theme])
    ]
    with wdb.write(db):
        db["priorities"].insert(
            {
                "framework_id": "icb-plan",
                "id": "carers",
                "title": "Supporting carers",
                "description": "Unpaid carers",
                "examples": "[]",
            }
        )
        db["tags"].insert(
            {
                "story_id": members[0],
                "framework_id": "icb-plan",
                "priority_id": "carers",
                "score": 0.9,
                "source": "model",
                "state": "proposed",
                "updated_at": "-",
            }
        )
    publish.build(db, target)
    rows = list(
        published(target).query(
            "SELECT p.title, tp.evidence FROM theme_priorities tp "
            "JOIN priorities p ON p.id = tp.priority_id JOIN themes t ON t.id = tp.theme_id "
            "WHERE t.label = 'Waiting for appointments'"
        )
    )
    titles = {row["title"] for row in rows}
    assert "Supporting carers" not in titles
    assert titles == {"Access to GP services", "Safe hospital discharge"}
    for row in rows:
        # A band, never an exact share: with the theme's size band it gave counts away.
        assert row["evidence"].split(" of its stories")[0] in {w for _f, w in SHARE_BANDS}
        assert "%" not in row["evidence"]


def test_a_theme_priority_carried_by_fewer_than_k_stories_is_not_published():
    """Probing worked out 4 stories from "27 % of its stories" beside a size band of 10-24;
    a link needs k stories, and its share is published as a band."""
    members = {1: list(range(12))}
    story_tags = {s: {"carers": "proposed"} for s in range(4)}  # a third, but 4 stories
    for s in range(6):
        story_tags.setdefault(s, {})["gp"] = "confirmed"  # half, 6 stories
    for s in range(9):
        story_tags.setdefault(s, {})["discharge"] = "proposed"  # three quarters exactly
    rows = publish_tables._theme_priorities(members, story_tags, k=5)
    assert {row["priority_id"]: row["evidence"] for row in rows} == {
        "gp": "half to three quarters of its stories; confirmed by an analyst",
        "discharge": "three quarters or more of its stories; suggested by the model",
    }
