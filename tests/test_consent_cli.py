"""`workbench import` and `workbench retention`, driven through click's CliRunner."""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest
from click.testing import CliRunner
from conftest import app_config
from consent_support import capture_story, migrated_db, open_activity, staff_user

from plumbing.clock import today
from workbench.commands.stories import import_stories, retention_command

HEADER = (
    "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
    "consent_equality_monitoring,consent_method,consent_note"
)


@pytest.fixture
def setup(tmp_path):
    db = migrated_db(tmp_path)
    user = staff_user(db, "analyst")
    activity = open_activity(db, user)
    env = app_config(tmp_path)
    yield db, user, activity, env
    db.close()


def write_csv(tmp_path, *rows: str):
    path = tmp_path / "forms.csv"
    path.write_bytes("\ufeff".encode() + "\r\n".join([HEADER, *rows, ""]).encode())
    return path


def test_import_requires_an_explicit_choice_of_mode(setup, tmp_path):
    db, _user, activity, env = setup
    path = write_csv(tmp_path, "A story,yes,no,no,no,no,written,")
    result = CliRunner().invoke(import_stories, [str(path), "--activity", str(activity)], env=env)
    assert result.exit_code == 2
    assert "--all-or-nothing or --skip-bad-rows" in result.output
    assert db["stories"].count == 0


def test_import_all_or_nothing_writes_a_private_receipts_file(setup, tmp_path):
    db, user, activity, env = setup
    path = write_csv(
        tmp_path,
        "A story,yes,no,no,no,no,written,",
        '"Two\r\nlines",yes,yes,no,no,no,verbal,said yes',
    )
    out = tmp_path / "receipts.csv"
    result = CliRunner().invoke(
        import_stories,
        [
            str(path),
            "--activity",
            str(activity),
            "--all-or-nothing",
            "--receipts",
            str(out),
            "--by",
            db["users"].get(user)["username"],
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert "imported 2 stories" in result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    lines = out.read_text().splitlines()
    assert lines[0] == "line,reference,secret,secret_read_aloud" and len(lines) == 3
    assert {r["created_by"] for r in db.query("SELECT created_by FROM stories")} == {user}


def test_import_reports_bad_rows_and_imports_nothing_without_skip(setup, tmp_path):
    db, _user, activity, env = setup
    path = write_csv(tmp_path, "Good,yes,no,no,no,no,written,", "No consent,,no,no,no,no,written,")
    runner = CliRunner()
    refused = runner.invoke(
        import_stories, [str(path), "--activity", str(activity), "--all-or-nothing"], env=env
    )
    assert refused.exit_code == 1
    assert "line 3: consent_analysis: No consent recorded" in refused.stderr
    assert db["stories"].count == 0
    skipped = runner.invoke(
        import_stories, [str(path), "--activity", str(activity), "--skip-bad-rows"], env=env
    )
    assert skipped.exit_code == 0
    assert "imported 1 stories; 1 rows rejected" in skipped.output
    assert db["stories"].count == 1


def test_import_with_a_column_mapping_and_a_closed_activity(setup, tmp_path):
    db, user, _activity, env = setup
    closed = open_activity(db, user, opens_on="2020-01-01", closes_on="2020-02-01")
    path = tmp_path / "other.csv"
    path.write_text(HEADER.replace("text,", "Story,", 1) + "\nHello,yes,no,no,no,no,written,\n")
    runner = CliRunner()
    result = runner.invoke(
        import_stories,
        [str(path), "--activity", str(closed), "--all-or-nothing", "--map", "text=Story"],
        env=env,
    )
    assert result.exit_code == 1 and "not taking stories" in result.output
    bad_map = runner.invoke(
        import_stories,
        [str(path), "--activity", "1", "--all-or-nothing", "--map", "text"],
        env=env,
    )
    assert bad_map.exit_code == 2


def test_retention_is_a_dry_run_unless_applied(setup):
    db, user, activity, env = setup
    receipt = capture_story(db, activity, user)
    old = (today() - timedelta(days=400)).isoformat() + "T10:00:00+00:00"
    db["stories"].update(receipt.story_id, {"created_at": old})
    runner = CliRunner()
    dry = runner.invoke(retention_command, [], env=env)
    assert dry.exit_code == 0 and "dry run: 1 stories due" in dry.output
    assert db["stories"].count == 1
    applied = runner.invoke(retention_command, ["--apply"], env=env)
    assert applied.exit_code == 0 and "erased 1 stories" in applied.output
    assert db["stories"].count == 0
    assert db["withdrawals"].get(receipt.reference)["method"] == "retention"
    assert [r["name"] for r in db.query("SELECT name FROM jobs")] == ["publish"]


def test_retention_counts_from_a_given_day(setup):
    db, user, activity, env = setup
    capture_story(db, activity, user)
    later = (today() + timedelta(days=366)).isoformat()
    result = CliRunner().invoke(retention_command, ["--today", later], env=env)
    assert "dry run: 1 stories due" in result.output
