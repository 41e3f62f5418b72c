"""Restoring a backup does not bring a withdrawn story back: every take-back is journalled
outside the database and `workbench restore` re-applies what the backup predates (stories,
quotes, contact details, equality answers), while a purpose given again later is left as the
backup has it: a restore only ever takes back."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils
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
from plumbing.clock import now_iso
from workbench import backup as backups
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


def restore_and_replay(backup, path) -> withdrawal_journal.Replayed:
    """What `workbench restore` does, returning what the replay took back."""
    backups.restore(backup, path, force=True)
    return backups.reapply_withdrawals(path)


def test_a_withdrawal_after_a_crash_mid_line_is_not_glued_to_it_and_lost(told, tmp_path):
    path, db, (gone, no_contact, later, kept) = told
    backup = tmp_path / "nightly.db"
    assert run(backup_command, [str(backup)], path).exit_code == 0
    journal = withdrawal_journal.journal_path(path)
    withdraw(db, gone.story_id, "receipt", "storyteller")
    with open(journal, "ab") as file:
        file.write(b'{"reference": "' + no_contact.reference.encode() + b'", "purp')
    # The next take-backs come after the cut line, on lines of their own.
    change_consent(db, no_contact.story_id, "contact", False, "storyteller", "online")
    withdraw(db, later.story_id, "receipt", "storyteller")
    db.close()
    assert len(journal.read_bytes().splitlines()) == 4
    assert restore_and_replay(backup, path) == withdrawal_journal.Replayed(
        stories=[gone.reference, later.reference], purposes=[(no_contact.reference, "contact")]
    )
    db = wdb.connect(path)
    assert story_ids(db) == {no_contact.story_id, kept.story_id}
    assert granted(db, no_contact.story_id, "contact") == 0
    db.close()


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\x00\x00\x00",  # a block the file system allocated but never wrote
        b"\xff\xfe garbage",  # bytes that are not UTF-8
        b"42",
        b"null",
        b'["reference", "purpose", "granted", "method"]',
        b'{"reference": "ABC-123", "purpose": "contact"}',  # a field missing
        b"",
    ],
)
def test_what_is_not_a_journal_line_is_skipped_and_the_lines_after_it_kept(told, junk):
    path, db, (first, second, *_rest) = told
    journal = withdrawal_journal.journal_path(path)
    withdraw(db, first.story_id, "receipt", "storyteller")
    with open(journal, "ab") as file:
        file.write(junk + b"\n")
    change_consent(db, second.story_id, "contact", False, "storyteller", "online")
    assert withdrawal_journal.read(journal) == [
        {"reference": first.reference, "purpose": "story", "granted": False, "method": "receipt"},
        {"reference": second.reference, "purpose": "contact", "granted": False, "method": "online"},
    ]


def test_a_line_says_what_when_and_how_and_nothing_else(told):
    path, db, (first, *_rest) = told
    before = now_iso()
    withdraw(db, first.story_id, "receipt", "storyteller")
    (line,) = [
        json.loads(x) for x in withdrawal_journal.journal_path(path).read_text().split("\n")[:-1]
    ]
    assert set(line) == {"at", "reference", "purpose", "granted", "method"}
    assert before <= line["at"] <= now_iso()


def test_replay_skips_what_the_backup_never_held_and_takes_back_the_rest(told, tmp_path):
    """A story told after the backup, withdrawn or not, is not in the restored database: its
    lines are passed over and do not stop the replay of the lines after them."""
    path, db, (earlier, no_contact, again, _kept) = told
    backup = tmp_path / "nightly.db"
    assert run(backup_command, [str(backup)], path).exit_code == 0
    gatherer = staff_user(db)
    activity = open_activity(db, gatherer)
    newer = capture_story(db, activity, gatherer, text=f"{STORY} (after)", consents=ALL_YES)
    change_consent(db, newer.story_id, "contact", False, "storyteller", "online")
    withdraw(db, newer.story_id, "receipt", "storyteller")
    change_consent(db, again.story_id, "contact", False, "storyteller", "online")
    notice = db.execute("SELECT notice_id FROM consents LIMIT 1").fetchone()[0]
    change_consent(db, again.story_id, "contact", True, "storyteller", "online", notice_id=notice)
    change_consent(db, no_contact.story_id, "contact", False, "storyteller", "online")
    withdraw(db, earlier.story_id, "receipt", "storyteller")
    db.close()
    assert restore_and_replay(backup, path) == withdrawal_journal.Replayed(
        stories=[earlier.reference], purposes=[(no_contact.reference, "contact")]
    )
    db = wdb.connect(path)
    assert granted(db, again.story_id, "contact") == 1
    assert granted(db, no_contact.story_id, "contact") == 0
    db.close()


def test_what_is_taken_back_after_a_restore_is_taken_back_by_the_next_one(told, tmp_path):
    path, db, (first, second, *_rest) = told
    backup = tmp_path / "nightly.db"
    assert run(backup_command, [str(backup)], path).exit_code == 0
    change_consent(db, first.story_id, "publish_quotes", False, "storyteller", "online")
    db.close()
    assert restore_and_replay(backup, path).purposes == [(first.reference, "publish_quotes")]
    db = wdb.connect(path)
    change_consent(db, second.story_id, "contact", False, "storyteller", "online")
    db.close()
    assert restore_and_replay(backup, path).purposes == [
        (first.reference, "publish_quotes"),
        (second.reference, "contact"),
    ]
    db = wdb.connect(path)
    assert not db["quotes"].count_where("story_id = ?", [first.story_id])
    assert not db["contacts"].count_where("story_id = ?", [second.story_id])
    db.close()


def test_a_database_in_memory_keeps_no_journal_and_replays_nothing(told, tmp_path, monkeypatch):
    path, db, (first, *_rest) = told
    memory = sqlite3.connect(":memory:", isolation_level=None)
    db.conn.backup(memory)
    memory.execute("PRAGMA foreign_keys = ON")
    in_memory = sqlite_utils.Database(memory)
    monkeypatch.chdir(tmp_path)
    withdraw(in_memory, first.story_id, "receipt", "storyteller")
    assert first.story_id not in story_ids(in_memory)
    assert withdrawal_journal.journal_of(in_memory) is None
    assert replay(in_memory) == withdrawal_journal.Replayed(stories=[], purposes=[])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live"]
    assert not withdrawal_journal.journal_path(path).exists()
    in_memory.close()
