"""A story with a row in every table that holds something derived from it, and a database
whose foreign keys no longer cascade from `stories`: what the withdrawal clean-up tests need.

Every table with a `story_id` column cascades from `stories`, so a withdrawal in the real
schema empties them all even when a clean-up deletes nothing. With the cascades dropped, a
row left behind means its clean-up did not run, or ran and deleted nothing.
"""

from __future__ import annotations

from consent_support import anonymise, capture_story, derive_everything, new_theme

from nlp.signals import Signal
from plumbing import db as wdb
from plumbing.clock import now_iso
from workbench import safeguarding
from workbench.feedback import actions, evaluation, outbox


def story_everywhere(db, activity_id: int, user_id: int, label: str) -> int:
    """Capture a story and derive one row from it in every table with a `story_id` column."""
    story_id = capture_story(
        db, activity_id, user_id, text=f"{label}: the phone rang out every morning."
    ).story_id  # consents, consent_events, contacts, equality_answers
    anonymise(db, story_id, f"{label}: the phone rang out every morning.")
    theme_id = new_theme(db, activity_id, f"Phones ({label})", status="approved")
    derive_everything(db, story_id, theme_id, "the phone rang out")
    with wdb.write(db):
        run_id = (
            db["theme_runs"]
            .insert({"activity_id": activity_id, "created_at": now_iso(), "status": "done"})
            .last_pk
        )
        db["theme_points"].insert({"story_id": story_id, "run_id": run_id, "x": 0.5, "y": -0.5})
        # A refit would also move it into a second theme, held for the analyst's review.
        db["theme_pending"].insert(
            {
                "story_id": story_id,
                "to_theme_id": new_theme(db, activity_id, f"Lines ({label})"),
                "from_theme_id": theme_id,
                "origin": "refit",
                "run_id": run_id,
                "created_at": now_iso(),
            }
        )
    safeguarding.record_signals(
        db,
        story_id,
        [Signal("immediate_danger", "rules", "test"), Signal("complaint", "rules", "test")],
    )
    action_id = actions.record_action(
        db,
        actions.ActionFields(
            you_said="Nobody answered the phone", we_did="A second line opens at 8am", owner="Ops"
        ),
        by=user_id,
        theme_id=theme_id,
    )  # action_stories
    outbox.queue_updates(db, action_id)
    evaluation.record_answers(db, story_id, "capture", {"listened": "yes"})
    return story_id


def tables_with_story_id(db) -> list[str]:
    return sorted(name for name in db.table_names() if "story_id" in db[name].columns_dict)


def rows_of(db, story_id: int) -> dict[str, int]:
    """The story's rows in every table with a `story_id` column."""
    return {
        table: db.execute(
            f"SELECT count(*) FROM [{table}] WHERE story_id = ?", [story_id]
        ).fetchone()[0]
        for table in tables_with_story_id(db)
    }


def drop_story_cascades(db) -> None:
    """Rebuild every table with a `story_id` column without its foreign key to `stories`."""
    db.execute("PRAGMA foreign_keys = OFF")
    for table in tables_with_story_id(db):
        db[table].transform(drop_foreign_keys=["story_id"])
    assert not [
        (table, fk.column)
        for table in tables_with_story_id(db)
        for fk in db[table].foreign_keys
        if fk.other_table == "stories"
    ]
    db.execute("PRAGMA foreign_keys = ON")
