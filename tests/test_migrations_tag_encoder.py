"""Migration m011: a database whose tagging vectors and tagger came from the previous tagging
encoder opens with both marked for recomputing, the packaged model's vectors kept. Real SQLite
file, migrated by the real migration sets up to m010, filled by the real tagging path."""

from __future__ import annotations

from nlp import embed
from nlp import migrations as nlp_migrations
from nlp.tagging import store as tag_store
from plumbing import db as wdb
from plumbing import jobs, registry
from tests.test_tagger_withdrawal import trained

NEW = "m011_tag_encoder_readapted"


def migrate(db, stop_before: str | None = None) -> None:
    for migrations in registry.migration_sets():
        nlp = migrations is nlp_migrations.migrations
        migrations.apply(db, stop_before=stop_before if nlp else None)


def test_m011_drops_the_old_tagging_vectors_and_stales_the_tagger(tmp_path):
    db = wdb.connect(tmp_path / "workbench.db")
    migrate(db, stop_before=NEW)
    assert not db.execute(
        "SELECT 1 FROM _sqlite_migrations WHERE migration_set = 'nlp' AND name = ?", [NEW]
    ).fetchall()
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
