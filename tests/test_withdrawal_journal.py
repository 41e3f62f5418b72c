"""Restoring a backup does not bring a withdrawn story back: every take-back is journalled
outside the database and `workbench restore` re-applies what the backup predates (stories,
quotes, contact details, equality answers), while a purpose given again later is left as the
backup has it: a restore only ever takes back."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from consent_support import (
    ALL_YES,
    capture_story,
    derive_everything,
    migrated_db,
    new_theme,
    open_activity,
    staff_user,
)

from consent import change_consent, withdraw, withdrawal_journal
from consent.journal_replay import replay
from plumbing import db as wdb
from workbench.commands.backup import backup_command, restore_command

STORY = "The district nurse came twice a day and explained every change to my dressings."


def run(command, args, db_path):
    env = {"WORKBENCH_DB": str(db_path), "WORKBENCH_BACKUP_KEY": ""}
    return CliRunner().invoke(command, args, env=env)


@pytest.fixture
def told(tmp_path):
    """Four stories told with every consent, a quote for each; the database's path and db."""
    path = tmp_path / "live" / "workbench.db"
    path.parent.mkdir()
    db = migrated_db(path.parent)
    assert wdb.path_of(db) == str(path)
    gatherer = staff_user(db)
    activity = open_activity(db, gatherer)
    theme = new_theme(db, activity, "District nursing")
    receipts = []
    for n in range(4):
        receipt = capture_story(db, activity, gatherer, text=f"{STORY} ({n})", consents=ALL_YES)
        derive_everything(db, receipt.story_id, theme, f"explained every change ({n})")
        receipts.append(receipt)
    yield path, db, receipts
    db.close()


def story_ids(db) -> set[int]:
    return {row[0] for row in db.execute("SELECT id FROM stories")}


def granted(db, story_id: int, purpose: str) -> int:
    return db["consents"].get((story_id, purpose))["granted"]


def test_a_restore_takes_back_again_what_was_taken_back_after_the_backup(told, tmp_path):
    path, db, (gone, no_contact, no_quotes, again) = told
    backup = tmp_path / "nightly.db"
    assert run(backup_command, [str(backup)], path).exit_code == 0

    withdraw(db, gone.story_id, "receipt", "storyteller")
    change_consent(db, no_contact.story_id, "contact", False, "storyteller", "online")
    change_consent(db, no_quotes.story_id, "publish_quotes", False, "storyteller", "online")
    change_consent(db, again.story_id, "equality_monitoring", False, "storyteller", "online")
    notice = db.execute("SELECT notice_id FROM consents LIMIT 1").fetchone()[0]
    change_consent(
        db, again.story_id, "equality_monitoring", True, "storyteller", "online", notice_id=notice
    )
    db.close()

    result = run(restore_command, [str(backup), "--force"], path)
    assert result.exit_code == 0, result.output
    assert "1 stories, 2 purposes taken back" in result.output
    assert "workbench publish" in result.output

    db = wdb.connect(path)
    assert gone.story_id not in story_ids(db) and len(story_ids(db)) == 3
    assert db["withdrawals"].count_where("reference = ?", [gone.reference]) == 1
    for table in ("quotes", "tags", "embeddings", "theme_members", "contacts"):
        assert not db[table].count_where("story_id = ?", [gone.story_id]), table
    assert granted(db, no_contact.story_id, "contact") == 0
    assert not db["contacts"].count_where("story_id = ?", [no_contact.story_id])
    assert granted(db, no_quotes.story_id, "publish_quotes") == 0
    assert not db["quotes"].count_where("story_id = ?", [no_quotes.story_id])
    # The last word about this purpose was "yes again": the backup's "yes" stands.
    assert granted(db, again.story_id, "equality_monitoring") == 1
    actions = [r["actor"] for r in db.query("SELECT actor FROM audit_log")]
    assert actions.count(withdrawal_journal.REPLAYED_BY) == 3
    # A second replay finds nothing left to do.
    assert replay(db) == withdrawal_journal.Replayed(stories=[], purposes=[])
    db.close()


def test_the_journal_holds_references_and_choices_never_words_or_details(told):
    path, db, (gone, no_contact, *_rest) = told
    withdraw(db, gone.story_id, "staff", "user:1")
    change_consent(db, no_contact.story_id, "contact", False, "storyteller", "online")
    journal = withdrawal_journal.journal_path(path)
    text = journal.read_text(encoding="utf-8")
    assert oct(journal.stat().st_mode & 0o777) == "0o600"
    assert "district nurse" not in text.lower() and "@" not in text and "user:1" not in text
    lines = [json.loads(line) for line in text.splitlines()]
    assert [(x["reference"], x["purpose"], x["granted"], x["method"]) for x in lines] == [
        (gone.reference, withdrawal_journal.STORY, False, "staff"),
        (no_contact.reference, "contact", False, "online"),
    ]


def test_a_line_cut_short_by_a_crash_is_skipped_and_the_rest_replayed(told, tmp_path):
    path, db, (gone, kept, *_rest) = told
    backup = tmp_path / "nightly.db"
    assert run(backup_command, [str(backup)], path).exit_code == 0
    withdraw(db, gone.story_id, "receipt", "storyteller")
    db.close()
    with open(withdrawal_journal.journal_path(path), "a", encoding="utf-8") as journal:
        journal.write('{"reference": "' + kept.reference + '", "purp')  # cut off mid-line
    assert run(restore_command, [str(backup), "--force"], path).exit_code == 0
    db = wdb.connect(path)
    assert story_ids(db) == {r.story_id for r in told[2]} - {gone.story_id}
    db.close()


def test_a_withdrawal_that_failed_leaves_no_line_to_replay(told):
    path, db, (first, *_rest) = told
    withdraw(db, first.story_id, "receipt", "storyteller")
    with pytest.raises(Exception, match="no such story"):
        withdraw(db, first.story_id, "receipt", "storyteller")
    lines = withdrawal_journal.read(withdrawal_journal.journal_path(path))
    assert len(lines) == 1
