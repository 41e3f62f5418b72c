"""The stored tagger weighs long stories' sentences: the worker caches each story's sentence
vectors beside its own, trains on them, and tags with them (real SQLite, real encoder)."""

from __future__ import annotations

import numpy as np
import pytest

from nlp import embed
from nlp.priorities import load_framework, store_framework
from nlp.tagging import store as tag_store
from nlp.tagging.store import vectors as tag_vectors
from tests.consent_support import migrated_db, staff_user
from tests.test_tag_learner import two_topic_stories
from tests.test_tagging import FRAMEWORK_YAML, add_stories


@pytest.fixture
def db(tmp_path):
    database = migrated_db(tmp_path)
    store_framework(database, load_framework(FRAMEWORK_YAML))
    yield database
    database.close()


def test_the_worker_trains_and_tags_with_each_storys_sentences(db):
    framework = load_framework(FRAMEWORK_YAML)
    texts, _, labels = two_topic_stories(framework)
    order = np.random.default_rng(0).permutation(len(texts))
    train, test = order[:26], order[26:]
    old_texts = [texts[i] for i in train]
    _, ids = add_stories(db, old_texts, list(embed.encode(old_texts)))
    analyst = staff_user(db, "analyst")
    for story_id, row in zip(ids, train, strict=True):
        for column in np.flatnonzero(labels[row]):
            tag_store.confirm_tag(db, story_id, "town-plan", framework.ids[column], analyst)

    tag_store.train_classifier(db, "town-plan")

    counts = dict(db.execute("SELECT story_id, count FROM tag_passage_embeddings").fetchall())
    assert counts == dict.fromkeys(ids, 5)  # five sentences each, embedded once and kept
    assert tag_vectors.load_tag_passages(db, ids[:1])[ids[0]].shape == (5, 384)
    model = tag_store.load_classifier(db, "town-plan")
    assert model.passage_weight > 0.0

    new_texts = [texts[i] for i in test]
    _, new_ids = add_stories(db, new_texts, list(embed.encode(new_texts)))
    result = tag_store.tag_stories(db, new_ids, "town-plan")
    assert result.tagged == new_ids
    assert set(dict(db.execute("SELECT story_id, count FROM tag_passage_embeddings"))) >= set(
        new_ids
    )
    hits = total = 0
    for story_id, row in zip(new_ids, test, strict=True):
        proposed = {tag["priority_id"] for tag in tag_store.tags_for_story(db, story_id)}
        gold = {framework.ids[c] for c in np.flatnonzero(labels[row])}
        hits += len(proposed & gold)
        total += len(proposed) + len(gold)
    assert 2 * hits / total >= 0.9  # micro-F1: both things each story tells
