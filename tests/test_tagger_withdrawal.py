"""A withdrawn story leaves no word in the stored priority tagger: the tagger it taught turns
stale (never used to tag) and is retrained without it, whichever process withdrew the story.
Real SQLite files, the real embedding model and the real job path."""

from __future__ import annotations

import io
from datetime import timedelta

import numpy as np
from click.testing import CliRunner
from conftest import app_config
from test_capture_web import staff_confirmed

from consent.references import new_reference
from consent.withdrawal import withdraw
from nlp.priorities import load_framework, store_framework
from nlp.tagging import store as tag_store
from plumbing import db as wdb
from plumbing import jobs
from plumbing.clock import today
from tests.consent_support import consent_db, migrated_db, staff_user
from tests.test_tagging import FRAMEWORK_YAML, add_stories, all_stories, base_vectors
from workbench.commands.stories import retention_command


def trained(db) -> list[int]:
    """Seed the stories, confirm each one's own priority and store the learnt tagger."""
    store_framework(db, load_framework(FRAMEWORK_YAML))
    _, ids = add_stories(db, [text for _, text in all_stories()], list(base_vectors()))
    analyst = staff_user(db, "analyst")
    for story_id, (priority, _) in zip(ids, all_stories(), strict=True):
        tag_store.confirm_tag(db, story_id, "town-plan", priority, analyst)
    tag_store.train_classifier(db, "town-plan")
    assert tag_store.load_classifier(db, "town-plan") is not None
    return ids


def stored(db) -> dict:
    row = db.execute(
        "SELECT model, n_stories, stale FROM classifiers WHERE framework_id = 'town-plan'"
    ).fetchone()
    with np.load(io.BytesIO(row[0]), allow_pickle=False) as arrays:
        return {
            "arrays": {name: arrays[name] for name in arrays.files},
            "n_stories": row[1],
            "stale": row[2],
        }


def story_vector(db, story_id: int) -> np.ndarray:
    """The story's tagging vector as the tagger's vote stores it (float16)."""
    from nlp.tagging.store.vectors import story_vectors

    return story_vectors(db, [story_id])[story_id].astype(np.float16)


def assert_same_arrays(one: dict, other: dict) -> None:
    """Every stored array equal, but the version (it names when the tagger was trained)."""
    assert one.keys() == other.keys()
    for name in one.keys() - {"version"}:
        assert np.array_equal(one[name], other[name]), name


db = consent_db


def test_a_withdrawn_story_stales_the_tagger_and_the_worker_retrains_without_it(db, tmp_path):
    """A withdrawal from the command line or a job queues nothing: the worker's every-minute
    run finds the stale tagger and retrains it from the stories left."""
    ids = trained(db)
    before = stored(db)
    withdrawn = story_vector(db, ids[0])
    assert any((row == withdrawn).all() for row in before["arrays"]["neighbour_vectors"]), (
        "the vote keeps each learnt story's vector"
    )
    withdraw(db, ids[0], "retention", "system:retention")

    model = db.execute("SELECT model FROM classifiers WHERE framework_id = 'town-plan'")
    assert model.fetchone()[0] == b"", "the stale tagger still holds the story's vector"
    assert tag_store.load_classifier(db, "town-plan") is None
    assert tag_store.stale_frameworks(db) == ["town-plan"]
    margins = db.execute("SELECT threshold FROM priorities WHERE framework_id = 'town-plan'")
    assert {row[0] for row in margins} == {None}
    shown = tag_store.priority_metrics(db, "town-plan")
    assert {(row["used"], row["trained_at"]) for row in shown} == {("zero-shot", None)}

    jobs.run_every_minute(wdb.path_of(db))

    after = stored(db)
    assert after["stale"] == 0 and tag_store.stale_frameworks(db) == []
    assert after["n_stories"] == before["n_stories"] - 1
    assert tag_store.load_classifier(db, "town-plan") is not None
    # Exactly the tagger the stories left would teach, in a database that never held the story.
    (tmp_path / "fresh").mkdir()
    fresh = migrated_db(tmp_path / "fresh")
    store_framework(fresh, load_framework(FRAMEWORK_YAML))
    _, fresh_ids = add_stories(
        fresh, [text for _, text in all_stories()[1:]], list(base_vectors()[1:])
    )
    analyst = staff_user(fresh, "analyst")
    for story_id, (priority, _) in zip(fresh_ids, all_stories()[1:], strict=True):
        tag_store.confirm_tag(fresh, story_id, "town-plan", priority, analyst)
    tag_store.train_classifier(fresh, "town-plan")
    assert_same_arrays(after["arrays"], stored(fresh)["arrays"])
    fresh.close()


def test_a_withdrawal_of_a_story_nobody_decided_about_leaves_the_tagger_alone(db):
    ids = trained(db)
    _, other = add_stories(db, ["A story nobody has reviewed yet."], [None])
    withdraw(db, other[0], "staff", "user:1")
    assert tag_store.stale_frameworks(db) == []
    assert tag_store.load_classifier(db, "town-plan") is not None
    assert len(ids) == stored(db)["n_stories"]


def test_withdrawing_from_the_web_queues_retraining_and_the_job_forgets_the_story(
    client, login_as, app
):
    database = wdb.connect(app.config["WORKBENCH_DB"])
    ids = trained(database)
    before = stored(database)
    reference = new_reference()  # the helper's references are not in the receipt alphabet
    with wdb.write(database):
        database["stories"].update(ids[0], {"reference": reference})
    login_as("gatherer")
    response = staff_confirmed(client, "withdraw", reference)
    assert response.status_code == 302 and database["stories"].count == len(ids) - 1
    assert tag_store.load_classifier(database, "town-plan") is None
    queued = database.execute(
        "SELECT id, params FROM jobs WHERE name = 'train_tagger' AND status = 'queued'"
    ).fetchall()
    assert [params for _, params in queued] == ['{"framework_id": "town-plan"}']

    jobs.run_job(queued[0][0], app.config["WORKBENCH_DB"])

    assert database["jobs"].get(queued[0][0])["status"] == "done"
    after = stored(database)
    assert after["stale"] == 0 and after["n_stories"] == before["n_stories"] - 1
    assert not all(
        np.array_equal(after["arrays"][k], before["arrays"][k]) for k in before["arrays"]
    )
    database.close()


def test_workbench_retention_queues_retraining_and_the_job_forgets_the_story(db, tmp_path):
    ids = trained(db)
    before = stored(db)
    old = (today() - timedelta(days=400)).isoformat() + "T10:00:00+00:00"
    with wdb.write(db):
        db["stories"].update(ids[0], {"created_at": old})

    applied = CliRunner().invoke(retention_command, ["--apply"], env=app_config(tmp_path))

    assert applied.exit_code == 0 and "erased 1 stories" in applied.output
    assert tag_store.load_classifier(db, "town-plan") is None
    queued = db.execute(
        "SELECT id, params FROM jobs WHERE name = 'train_tagger' AND status = 'queued'"
    ).fetchall()
    assert [params for _, params in queued] == ['{"framework_id": "town-plan"}']
    jobs.run_job(queued[0][0], wdb.path_of(db))
    after = stored(db)
    assert after["stale"] == 0 and after["n_stories"] == before["n_stories"] - 1
