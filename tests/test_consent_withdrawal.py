"""Withdrawal reaches everything derived from a story, in one transaction, and leaves only a
tombstone. A new table with a story_id cannot be forgotten: it fails the registry test."""

from __future__ import annotations

import json

import pytest
from consent_support import (
    anonymise,
    consent_db,
    derive_everything,
    migrated_db,
    new_theme,
    row_counts,
    tables_with_story_id,
    told_story,
)

from consent import receipts, withdrawal
from consent.errors import ConsentError
from plumbing import jobs
from workbench import flows
from workbench.receipt_view import receipt_view

db = consent_db


@pytest.fixture
def story(db):
    """A story that went the whole way: anonymised, tagged, themed and quoted."""
    _, activity, receipt = told_story(db, text="My NHS number 943 476 5919 was misread.")
    anonymise(db, receipt.story_id, "My NHS number [NHS_NUMBER] was misread.")
    theme = new_theme(db, activity, "Records", status="approved")
    derive_everything(db, receipt.story_id, theme, "[NHS_NUMBER] was misread")
    return receipt, theme


def test_every_table_with_a_story_id_column_has_a_registered_cleanup(db):
    tables = tables_with_story_id(db)
    assert {"anonymisations", "embeddings", "quotes", "theme_members", "tags"} <= set(tables)
    missing = [name for name in tables if not withdrawal.load_stage_cleanups().get(name)]
    assert missing == [], f"register a withdrawal clean-up for: {missing}"


def test_withdrawal_removes_everything_derived_and_keeps_only_a_tombstone(db, story):
    receipt, theme = story
    result = withdrawal.withdraw(db, receipt.story_id, "staff", "user:1")
    assert result.theme_ids == [theme]
    for table in tables_with_story_id(db):
        assert db[table].count_where("story_id = ?", [receipt.story_id]) == 0, table
    assert db["stories"].count == 0
    tombstone = db["withdrawals"].get(receipt.reference)
    assert tombstone["method"] == "staff" and tombstone["by"] == "user:1"
    assert tombstone["secret_hash"].startswith("$argon2id$")
    assert set(tombstone) == {
        "reference",
        "secret_hash",
        "activity_id",
        "withdrawn_at",
        "method",
        "by",
    }
    dump = "\n".join(db.conn.iterdump())
    assert "943 476 5919" not in dump and "was misread" not in dump
    actions = [r["action"] for r in db.query("SELECT action FROM audit_log")]
    assert actions[-1] == "story_withdrawn"


def test_the_receipt_still_opens_a_withdrawn_story_to_show_it_is_gone(db, story):
    receipt, _theme = story
    withdrawal.withdraw(db, receipt.story_id, "receipt", "storyteller")
    key = receipts.verify(db, receipt.reference, receipt.secret)
    assert key.withdrawn and key.story_id is None
    view = receipt_view(db, key)
    assert view["withdrawn"] and view["withdrawn_at"] and "anonymised_text" not in view


def test_a_failing_cleanup_rolls_the_whole_withdrawal_back(db, story, monkeypatch):
    receipt, _theme = story
    before = row_counts(db)

    def broken(_db, _story_id):
        raise RuntimeError("index file locked")

    monkeypatch.setitem(withdrawal.CLEANUPS, "zz_broken", [broken])
    with pytest.raises(RuntimeError):
        withdrawal.withdraw(db, receipt.story_id, "staff", "user:1")
    assert row_counts(db) == before


def test_withdrawing_twice_or_an_unknown_story_is_a_clear_error(db, story):
    receipt, _theme = story
    withdrawal.withdraw(db, receipt.story_id, "staff", "user:1")
    with pytest.raises(ConsentError):
        withdrawal.withdraw(db, receipt.story_id, "staff", "user:1")
    with pytest.raises(ConsentError):
        withdrawal.withdraw(db, 12345, "staff", "user:1")


def test_an_unknown_withdrawal_method_is_refused(db, story):
    receipt, _theme = story
    with pytest.raises(ConsentError):
        withdrawal.withdraw(db, receipt.story_id, "because", "user:1")
    assert db["stories"].count == 1


def test_a_cleanup_registered_by_another_stage_runs_in_the_withdrawal(db, story, monkeypatch):
    receipt, _theme = story
    seen = []
    monkeypatch.setitem(withdrawal.CLEANUPS, "search_index", [lambda _db, sid: seen.append(sid)])
    withdrawal.withdraw(db, receipt.story_id, "staff", "user:1")
    assert seen == [receipt.story_id]


def test_the_withdrawal_flow_queues_keyword_refresh_and_publishing(app, tmp_path):
    db = migrated_db(tmp_path / "flow")
    _, activity, receipt = told_story(db)
    theme = new_theme(db, activity, "Booking")
    derive_everything(db, receipt.story_id, theme, "ring back at 8am")
    huey = jobs.make_huey(app.config)
    flows.withdraw_story(db, huey, app.config, receipt.story_id, "staff", "user:1")
    queued = {r["name"]: json.loads(r["params"]) for r in db.query("SELECT * FROM jobs")}
    assert queued == {
        "refresh_keywords": {"theme_ids": [theme]},
        "publish": {"published_path": app.config["WORKBENCH_PUBLISHED_DB"]},
    }
    assert len(huey) == 2
    db.close()
