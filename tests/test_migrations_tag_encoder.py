"""Migration m011: a database whose tagging vectors and tagger came from the previous tagging
encoder opens with both marked for recomputing, the packaged model's vectors kept. Real SQLite
file, migrated by the real migration sets up to m010, filled by the real tagging path."""

from __future__ import annotations

from nlp import embed
from nlp import migrations as nlp_migrations
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import store as tag_store
from nlp.tagging.store import vectors as tag_vectors
from plumbing import db as wdb
from plumbing import jobs, registry
from tests.test_tagger_withdrawal import trained

NEW = "m011_tag_encoder_readapted"
PASSAGES = "m012_tag_passages"
NEIGHBOURS = "m013_tag_neighbours"


def migrate(db, stop_before: str | None = None) -> None:
    for migrations in registry.migration_sets():
        nlp = migrations is nlp_migrations.migrations
        migrations.apply(db, stop_before=stop_before if nlp else None)


def before_sentence_vectors(monkeypatch) -> None:
    """The tagging path as it was before m012: no sentence vectors to keep or read."""
    monkeypatch.setattr(tag_vectors, "ensure_tag_passages", lambda db, story_ids: None)
    monkeypatch.setattr(tag_vectors, "load_tag_passages", lambda db, story_ids: {})


def test_m011_drops_the_old_tagging_vectors_and_stales_the_tagger(tmp_path, monkeypatch):
    db = wdb.connect(tmp_path / "workbench.db")
    migrate(db, stop_before=NEW)
    assert not db.execute(
        "SELECT 1 FROM _sqlite_migrations WHERE migration_set = 'nlp' AND name = ?", [NEW]
    ).fetchall()
    with monkeypatch.context() as patch:
        before_sentence_vectors(patch)
        ids = trained(db)
    assert db.execute("SELECT count(*) FROM tag_embeddings").fetchone()[0] == len(ids)
    packaged = db.execute("SELECT story_id, model, vector FROM embeddings").fetchall()

    migrate(db)

    assert db.execute("SELECT count(*) FROM tag_embeddings").fetchone()[0] == 0
    assert tag_store.stale_frameworks(db) == ["town-plan"]
    assert tag_store.load_classifier(db, "town-plan") is None  # a stale tagger never tags
    # Themes, signals and criticality keep the packaged model's vectors.
    assert db.execute("SELECT story_id, model, vector FROM embeddings").fetchall() == packaged
    assert {row[1] for row in packaged} == {embed.MODEL_ID}
    # The worker's every-minute run embeds the stories again with the shipped encoder and
    # retrains the tagger on every one of them (not on none, which would drop it).
    jobs.run_every_minute(wdb.path_of(db))
    assert tag_store.stale_frameworks(db) == []
    assert db.execute("SELECT count(*) FROM tag_embeddings").fetchone()[0] == len(ids)
    assert tag_store.load_classifier(db, "town-plan") is not None
    n_stories = db.execute("SELECT n_stories FROM classifiers").fetchone()[0]
    assert n_stories == len(ids)
    db.close()


def test_m012_adds_sentence_vectors_and_the_worker_retrains_the_tagger_with_them(
    tmp_path, monkeypatch
):
    """A tagger stored before sentences were weighed is staled; the worker's run embeds every
    story's sentences (none for a story of one) and trains it again on them."""
    db = wdb.connect(tmp_path / "workbench.db")
    migrate(db, stop_before=PASSAGES)
    with monkeypatch.context() as patch:
        before_sentence_vectors(patch)
        ids = trained(db)
    assert "tag_passage_embeddings" not in db.table_names()

    migrate(db)

    assert tag_store.stale_frameworks(db) == ["town-plan"]
    assert db.execute("SELECT count(*) FROM tag_passage_embeddings").fetchone()[0] == 0
    jobs.run_every_minute(wdb.path_of(db))
    assert tag_store.stale_frameworks(db) == []
    rows = db.execute("SELECT story_id, model, count FROM tag_passage_embeddings").fetchall()
    # The seeded stories are one sentence each: a row each, with no sentence vectors.
    assert sorted(row[0] for row in rows) == sorted(ids)
    assert {(row[1], row[2]) for row in rows} == {(tag_encoder.model_id(), 0)}
    model = tag_store.load_classifier(db, "town-plan")
    assert isinstance(model, tag_learner.LearntTagger) and model.passage_weight == 0.0
    db.close()


def test_m013_stales_a_tagger_stored_without_the_vote_and_the_worker_retrains_it(tmp_path):
    """A tagger stored before the neighbours' vote is staled; the worker trains it again, and
    the new one carries the vote."""
    db = wdb.connect(tmp_path / "workbench.db")
    migrate(db, stop_before=NEIGHBOURS)
    trained(db)
    assert tag_store.stale_frameworks(db) == []

    migrate(db)

    assert tag_store.stale_frameworks(db) == ["town-plan"]
    jobs.run_every_minute(wdb.path_of(db))
    assert tag_store.stale_frameworks(db) == []
    model = tag_store.load_classifier(db, "town-plan")
    assert isinstance(model, tag_learner.LearntTagger) and model.neighbours is not None
    db.close()
