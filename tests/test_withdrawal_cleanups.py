"""Each withdrawal clean-up does its own work: tested on a database whose foreign keys do not
cascade, so a clean-up that deletes nothing leaves the story's rows behind and fails here,
where the real schema's cascades would hide it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from consent_support import capture_story, consent_db, new_theme, open_activity, staff_user
from withdrawal_support import drop_story_cascades, rows_of, story_everywhere, tables_with_story_id

import consent
from consent import withdrawal
from consent.errors import ConsentError
from plumbing import db as wdb

# Clean-ups of something other than a story table, each with its own test below (the stored
# priority taggers' in tests/test_tagger_withdrawal.py, which needs the embedding model).
NOT_TABLES = {"theme_models", "classifiers"}


db = consent_db


@pytest.fixture
def two_stories(db):
    """Two stories with rows in every story table, and no cascades from `stories`."""
    user = staff_user(db)
    activity = open_activity(db, user)
    gone = story_everywhere(db, activity, user, "first")
    kept = story_everywhere(db, activity, user, "second")
    drop_story_cascades(db)
    return gone, kept


def test_the_seeded_story_has_rows_in_every_story_table(db, two_stories):
    gone, kept = two_stories
    for story_id in (gone, kept):
        empty = [table for table, n in rows_of(db, story_id).items() if n == 0]
        assert empty == [], f"story_everywhere writes nothing to {empty}: extend it"


def test_every_registered_cleanup_deletes_the_storys_rows_in_its_own_table(db, two_stories):
    gone, kept = two_stories
    cleanups = withdrawal.load_stage_cleanups()
    # Each clean-up is named after the story table it empties; one for anything else (a file,
    # an index) needs a test of its own here.
    assert sorted(set(cleanups) - NOT_TABLES) == tables_with_story_id(db)
    for table, functions in sorted(cleanups.items()):
        if table in NOT_TABLES:
            continue
        before = rows_of(db, gone)
        with wdb.write(db):
            for cleanup in functions:
                cleanup(db, gone)
        after = rows_of(db, gone)
        assert after[table] == 0, f"the clean-up for {table} deleted nothing"
        # It touched its own table only; the next clean-ups still have their rows to delete.
        assert {t: n for t, n in after.items() if t != table} == {
            t: n for t, n in before.items() if t != table
        }
    assert all(n > 0 for n in rows_of(db, kept).values()), "another story lost rows"


def test_a_withdrawal_without_cascades_leaves_none_of_the_storys_rows(db, two_stories):
    gone, kept = two_stories
    kept_before = rows_of(db, kept)
    withdrawal.withdraw(db, gone, "staff", "user:1")
    assert rows_of(db, gone) == dict.fromkeys(tables_with_story_id(db), 0)
    assert rows_of(db, kept) == kept_before
    assert [row[0] for row in db.execute("SELECT id FROM stories")] == [kept]


def test_a_cleanup_registered_through_the_api_runs_beside_the_others(db, monkeypatch):
    user = staff_user(db)
    story_id = capture_story(db, open_activity(db, user), user).story_id
    registry = {name: list(functions) for name, functions in withdrawal.CLEANUPS.items()}
    monkeypatch.setattr(withdrawal, "CLEANUPS", registry)
    seen: list[tuple[str, int]] = []

    def forget_index(_db, sid):
        seen.append(("index", sid))

    def forget_thumbnails(_db, sid):
        seen.append(("thumbnails", sid))

    assert consent.register_cleanup("search_index")(forget_index) is forget_index
    assert consent.register_cleanup("search_index")(forget_thumbnails) is forget_thumbnails
    assert registry["search_index"] == [forget_index, forget_thumbnails]
    consent.withdraw(db, story_id, "staff", "user:1")
    assert seen == [("index", story_id), ("thumbnails", story_id)]
    assert db["consents"].count == 0  # the registered table clean-ups ran too


def test_the_themes_returned_are_those_the_story_was_in_or_quoted_in(db):
    user = staff_user(db)
    activity = open_activity(db, user)
    story_id = capture_story(db, activity, user).story_id
    member_of, quoted_in, unrelated = (
        new_theme(db, activity, label) for label in ("Phones", "Reception", "Parking")
    )
    with wdb.write(db):
        db["theme_members"].insert({"theme_id": member_of, "story_id": story_id, "source": "model"})
        # A quote stays with its theme after the story is moved out of it.
        db["quotes"].insert(
            {"theme_id": quoted_in, "story_id": story_id, "text": "rang out", "chosen_at": "x"}
        )
    result = consent.withdraw(db, story_id, "staff", "user:1")
    assert result.theme_ids == sorted([member_of, quoted_in])
    assert unrelated not in result.theme_ids


def test_the_tombstone_and_audit_record_say_what_was_withdrawn_when_how_and_by_whom(db):
    user = staff_user(db)
    activity = open_activity(db, user)
    receipt = capture_story(db, activity, user)
    started = datetime.now(UTC).replace(microsecond=0)
    result = consent.withdraw(db, receipt.story_id, "receipt", "storyteller")
    assert result.reference == receipt.reference
    tombstone = db["withdrawals"].get(receipt.reference)
    withdrawn_at = datetime.fromisoformat(tombstone["withdrawn_at"])
    assert started <= withdrawn_at <= datetime.now(UTC) + timedelta(seconds=1)
    assert tombstone["activity_id"] == activity
    assert (tombstone["method"], tombstone["by"]) == ("receipt", "storyteller")
    story_events = list(db.query("SELECT * FROM audit_log WHERE action = 'story_withdrawn'"))
    assert [(e["actor"], e["object_type"], e["object_id"], e["detail"]) for e in story_events] == [
        (
            "storyteller",
            "story",
            str(receipt.story_id),
            f"method=receipt reference={receipt.reference}",
        )
    ]


def test_refusals_name_the_field_at_fault(db):
    user = staff_user(db)
    story_id = capture_story(db, open_activity(db, user), user).story_id
    with pytest.raises(ConsentError) as no_method:
        consent.withdraw(db, story_id, "because", "user:1")
    assert no_method.value.errors == {"method": "Say how the withdrawal was made."}
    consent.withdraw(db, story_id, "retention", "system:retention")
    with pytest.raises(ConsentError) as gone:
        consent.withdraw(db, story_id, "staff", "user:1")
    assert gone.value.errors == {"story": "There is no such story (it may already be withdrawn)."}


def test_the_storys_themes_wait_for_new_words_and_its_scopes_keep_no_old_ones(db):
    """The theme_members clean-up also marks the story's themes stale (a machine label goes
    back for review), and in the story's activity and across activities strips the machine
    words of retired themes and refit proposals, superseding a pending one; another
    activity's are left alone."""
    user = staff_user(db)
    here, elsewhere = open_activity(db, user), open_activity(db, user)
    story_id = capture_story(db, here, user).story_id
    machine, analyst, untouched = (new_theme(db, here, label) for label in ("A", "B", "C"))
    retired_here, named_retired, retired_elsewhere = (
        new_theme(db, activity, label, status="retired")
        for activity, label in ((here, "Old / words"), (here, "Named"), (elsewhere, "Far / words"))
    )
    with wdb.write(db):
        db.execute("UPDATE themes SET keywords = '[\"old\"]', label_reviewed = 1")
        db.execute(
            "UPDATE themes SET label_source = 'analyst' WHERE id IN (?, ?)",
            [analyst, named_retired],
        )
        for theme_id in (machine, analyst):
            db["theme_members"].insert(
                {"theme_id": theme_id, "story_id": story_id, "source": "model"}
            )
        for activity, status in ((here, "pending"), (here, "accepted"), (None, "pending"),
                                 (elsewhere, "pending")):  # fmt: skip
            run_id = (
                db["theme_runs"]
                .insert({"activity_id": activity, "created_at": "x", "status": "done"})
                .last_pk
            )
            plan = {
                "new_themes": [{"topic": 0, "keywords": ["old"], "name": "Old words",
                                "members": [[story_id, 0.9], [story_id + 1000, 0.8]]}],
                "additions": [{"theme_id": machine, "topic": 1,
                               "members": [[story_id, 0.7], [story_id + 1000, 0.6]]}],
                "moves": [{"story_id": story_id, "from_theme_id": machine, "to_topic": 0},
                          {"story_id": story_id + 1000, "from_theme_id": machine, "to_topic": 0}],
            }  # fmt: skip
            db["theme_proposals"].insert(
                {"run_id": run_id, "activity_id": activity, "status": status, "created_at": "x",
                 "changes": json.dumps(plan)}
            )  # fmt: skip

    withdrawal.withdraw(db, story_id, "staff", "user:1")

    themes = {row["id"]: row for row in db["themes"].rows}
    assert [
        (themes[t]["words_stale"], themes[t]["label_reviewed"]) for t in (machine, analyst)
    ] == [
        (1, 0),
        (1, 1),
    ]
    assert (themes[untouched]["words_stale"], themes[untouched]["keywords"]) == (0, '["old"]')
    assert [(themes[t]["label"], themes[t]["keywords"]) for t in (retired_here, named_retired)] == [
        ("Retired theme", "[]"),
        ("Named", "[]"),
    ]
    assert (themes[retired_elsewhere]["label"], themes[retired_elsewhere]["keywords"]) == (
        "Far / words",
        '["old"]',
    )
    proposals = [
        (row["activity_id"], row["status"], "old" in row["changes"].lower())
        for row in db.query("SELECT * FROM theme_proposals ORDER BY id")
    ]
    assert proposals == [
        (here, "superseded", False),
        (here, "accepted", False),
        (None, "superseded", False),
        (elsewhere, "pending", True),
    ]
    # The machine-made name goes with the keywords, and the story leaves every list of ids.
    plans = [json.loads(row["changes"]) for row in db.query("SELECT * FROM theme_proposals")]
    for plan in plans[:3]:
        assert plan["new_themes"][0]["name"] is None
        listed = [m[0] for key in ("new_themes", "additions") for m in plan[key][0]["members"]]
        listed += [move["story_id"] for move in plan["moves"]]
        assert listed == [story_id + 1000] * 3
    assert story_id in [m[0] for m in plans[3]["new_themes"][0]["members"]]


def test_the_withdrawn_text_is_in_no_byte_of_the_database_or_its_log(db, tmp_path):
    """secure_delete overwrites the deleted rows in the file, and the withdrawal empties the
    write-ahead log, whose frames still hold the pages as they were (tests/test_deleted_text.py
    does the same with secure_delete compiled in or out)."""
    user = staff_user(db)
    text = "The night staff on ward quillbrook never dimmed the lights."
    story_id = capture_story(db, open_activity(db, user), user, text=text).story_id
    files = [tmp_path / "workbench.db", tmp_path / "workbench.db-wal"]
    assert any(b"quillbrook" in path.read_bytes() for path in files)
    withdrawal.withdraw(db, story_id, "staff", "user:1")
    assert files[1].stat().st_size == 0
    assert [path.name for path in files if b"quillbrook" in path.read_bytes()] == []


def test_the_saved_models_centres_are_recomputed_without_the_story(db, tmp_path):
    """A saved theme model places new stories by each theme's centre, the mean of its stories'
    embeddings: the `theme_models` clean-up rewrites it from the stories that stay."""
    import json

    import numpy as np
    from safetensors.numpy import load_file, save_file

    from nlp import embed

    user = staff_user(db)
    activity = open_activity(db, user)
    gone, kept = (capture_story(db, activity, user).story_id for _ in range(2))
    theme_id = new_theme(db, activity, "Phones")
    folder = tmp_path / "theme_models" / "run-1"
    folder.mkdir(parents=True)
    (folder / "topics.json").write_text(json.dumps({"_outliers": 1}))
    save_file({"topic_embeddings": np.full((2, 2), 9.0, dtype=np.float32)},
              str(folder / "topic_embeddings.safetensors"))  # fmt: skip
    with wdb.write(db):
        run_id = db["theme_runs"].insert(
            {"activity_id": activity, "created_at": "x", "status": "done",
             "model_dir": str(folder)}
        ).last_pk  # fmt: skip
        db["theme_topics"].insert({"run_id": run_id, "topic": 0, "theme_id": theme_id})
        for story_id, vector in ((gone, [1.0, 0.0]), (kept, [0.0, 1.0])):
            db["theme_members"].insert(
                {"theme_id": theme_id, "story_id": story_id, "source": "model"}
            )
            db["embeddings"].insert(
                {"story_id": story_id, "model": embed.MODEL_ID, "text_sha256": "0" * 64,
                 "dim": 2, "vector": np.array(vector, dtype="<f4").tobytes(), "created_at": "x"}
            )  # fmt: skip

    withdrawal.withdraw(db, gone, "staff", "user:1")

    centres = load_file(folder / "topic_embeddings.safetensors")["topic_embeddings"]
    assert centres.tolist() == [[0.0, 0.0], [0.0, 1.0]]
    assert not list(folder.glob(".*"))


def test_a_purpose_clean_up_is_registered_for_that_purpose_alone(monkeypatch):
    """Registration runs at import, where mutation testing cannot reach it: called here, a
    clean-up for one purpose must run when that purpose is withdrawn, not with the story."""
    monkeypatch.setattr(withdrawal, "CLEANUPS", {})
    monkeypatch.setattr(withdrawal, "PURPOSE_CLEANUPS", {"contact": {"kept": []}})

    def clear(db, story_id):
        return []

    assert withdrawal.register_cleanup("letters", purpose="contact")(clear) is clear
    withdrawal.register_cleanup("letters", purpose="equality_monitoring")(clear)
    withdrawal.register_cleanup("everything")(clear)
    assert withdrawal.PURPOSE_CLEANUPS == {
        "contact": {"kept": [], "letters": [clear]},
        "equality_monitoring": {"letters": [clear]},
    }
    assert withdrawal.CLEANUPS == {"everything": [clear]}
