"""Anonymisation results and the human check, on a real SQLite file."""

from __future__ import annotations

import json

import pytest
from consent_support import migrated_db
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import checks
from nlp.identifiers.core.findings import LABELS, Finding
from nlp.pipeline import anonymise_job
from plumbing import db as wdb

STAMP = "2026-01-01T00:00:00+00:00"
TEXT = "My mum Margaret Thompson is 84 and was at Hyde Royal Infirmary. Call 07700 900123."


@pytest.fixture
def db(tmp_path):
    database = migrated_db(tmp_path)
    with wdb.write(database):
        for activity_id in (1, 2):
            database["activities"].insert(
                {
                    "id": activity_id, "title": "Your care", "purpose": "Hear about care",
                    "can_influence": "services", "cannot_influence": "budgets",
                    "how_used": "themes", "who_sees": "staff", "feedback_plan": "report",
                    "opens_on": "2026-01-01", "closes_on": "2026-12-31", "channels": "[]",
                    "retention_days": 365, "created_at": STAMP,
                }
            )  # fmt: skip
    yield database
    database.close()


def add_story(db, story_id: int, text: str | None, activity_id: int = 1) -> None:
    with wdb.write(db):
        db["stories"].insert(
            {"id": story_id, "activity_id": activity_id, "reference": f"SW-T{story_id:04d}",
             "secret_hash": "x", "channel": "online", "text": text, "created_at": STAMP}
        )  # fmt: skip


def stored(db, story_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM anonymisations WHERE story_id = ?", [story_id]))
    return rows[0] if rows else None


def test_anonymise_story_stores_a_ready_result(db):
    add_story(db, 1, TEXT)
    row = checks.anonymise_story(db, 1)
    assert row["status"] == "ready"
    assert "Margaret" not in row["text"] and "07700" not in row["text"]
    findings = json.loads(row["findings"])
    assert {f["label"] for f in findings} >= {"PERSON", "AGE", "CARE_SETTING", "PHONE"}
    assert all({"start", "end", "label", "score", "source"} <= set(f) for f in findings)
    assert isinstance(json.loads(row["risk_flags"]), list)
    assert checks.anonymised_text(db, 1) == row["text"]
    assert checks.checked_story_ids(db) == []


def test_a_confirmed_check_re_renders_from_the_original_and_deletes_it(db):
    add_story(db, 1, TEXT)
    checks.anonymise_story(db, 1)
    kept = [f for f in checks.findings_for(db, 1) if f.label != "AGE"]
    start = TEXT.index("Call")
    added = {"start": start, "end": start + 4, "label": "OTHER_ID"}  # a reviewer's addition
    row = checks.apply_check(db, 1, [*kept, added], checked_by=None)
    assert row["status"] == "checked" and row["checked_at"]
    assert "is 84" in row["text"]  # the reviewer removed the age finding
    assert "[ID]" in row["text"]
    assert db["stories"].get(1)["text"] is None
    assert checks.checked_story_ids(db) == [1]


def test_keep_original_leaves_the_story_text(db):
    add_story(db, 1, TEXT)
    checks.apply_check(db, 1, [Finding(7, 24, "PERSON")], checked_by=None, keep_original=True)
    assert db["stories"].get(1)["text"] == TEXT
    assert checks.anonymised_text(db, 1).startswith("My mum [NAME 1] is")


def test_a_checked_story_is_not_overwritten_by_a_later_run(db):
    add_story(db, 1, TEXT)
    checks.apply_check(db, 1, [], checked_by=None, keep_original=True)
    assert checks.anonymise_story(db, 1)["status"] == "checked"
    assert checks.anonymised_text(db, 1) == TEXT


@pytest.mark.parametrize(
    "finding", [{"start": 0, "end": 999, "label": "PERSON"}, {"start": 0, "end": 2, "label": "X"}]
)
def test_findings_outside_the_text_or_with_unknown_labels_are_refused(db, finding):
    add_story(db, 1, TEXT)
    with pytest.raises(ValueError):
        checks.apply_check(db, 1, [finding], checked_by=None)
    assert stored(db, 1) is None


def test_a_check_after_the_original_is_gone_is_refused(db):
    add_story(db, 1, TEXT)
    checks.apply_check(db, 1, [], checked_by=None)
    with pytest.raises(ValueError):
        checks.apply_check(db, 1, [], checked_by=None)


def test_a_story_without_text_is_recorded_as_failed(db):
    add_story(db, 1, None)
    assert checks.anonymise_story(db, 1)["status"] == "failed"
    with pytest.raises(LookupError):
        checks.anonymise_story(db, 99)


def test_checked_stories_can_be_listed_per_activity(db):
    add_story(db, 1, "Story one.", activity_id=1)
    add_story(db, 2, "Story two.", activity_id=2)
    for story_id in (1, 2):
        checks.apply_check(db, story_id, [], checked_by=None)
    assert checks.checked_story_ids(db, activity_id=2) == [2]
    assert checks.checked_story_ids(db) == [1, 2]


def test_the_job_anonymises_the_given_stories_and_reports_progress(db):
    add_story(db, 1, TEXT)
    add_story(db, 2, "Dr Patel was kind.")
    add_story(db, 3, "Not this one, Dr Jones.")
    seen = []
    anonymise_job(db, lambda fraction, message: seen.append((fraction, message)), [1, 2])
    assert stored(db, 1)["status"] == stored(db, 2)["status"] == "ready"
    assert stored(db, 3) is None
    assert seen[-1][0] == 1.0
    assert all("Patel" not in message for _, message in seen)
    anonymise_job(db, lambda *_: None)  # None means every story still waiting
    assert stored(db, 3)["status"] == "ready"


@given(
    st.lists(
        st.tuples(st.integers(0, 39), st.integers(1, 6), st.sampled_from(sorted(LABELS))),
        max_size=12,
    )
)
@settings(max_examples=200, deadline=None)
def test_no_word_any_finding_covers_is_ever_shown(spans):
    """Whatever a reviewer keeps and adds, overlapping or not, of any labels, every word that
    any finding covers is replaced (an added span once un-masked the kept ones it overlapped)."""
    from nlp.anonymise import render

    words = [f"qw{n:02d}x" for n in range(40)]
    text = " ".join(words)
    starts = [text.index(w) for w in words]
    findings = [
        Finding(starts[i], starts[min(i + length, 40) - 1] + len(words[0]), label, 1.0, "reviewer")
        for i, length, label in spans
    ]
    shown = render(text, findings).text
    for f in findings:
        for word in text[f.start : f.end].split():
            assert word not in shown
