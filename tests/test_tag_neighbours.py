"""The nearest-neighbour vote beside the learnt tagger's ridge: its leave-one-out votes (the
calibration and cut-offs rest on them), its weighting, its storage, and taggers stored before
it (real embedding model for the tagger)."""

from __future__ import annotations

import numpy as np

from nlp import model_blob
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import neighbours as tag_neighbours
from nlp.tagging.neighbours import Neighbours
from tests.test_tag_learner import framework, trained  # noqa: F401 (fixtures)
from tests.test_tagging import LONG_CARER_STORY, STORIES


def unit_rows(rng: np.random.Generator, rows: int, dim: int = 16) -> np.ndarray:
    vectors = rng.normal(size=(rows, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_leave_one_out_votes_are_those_of_the_stories_without_it():
    rng = np.random.default_rng(0)
    vectors = unit_rows(rng, 60)
    labels = (rng.random((60, 4)) < 0.3).astype(np.int8)
    platt = np.tile([1.0, 0.0], (4, 1)).astype(np.float32)
    votes = Neighbours(vectors, labels, platt).votes(vectors, leave_one_out=True)
    for row in (0, 31, 59):
        keep = np.arange(60) != row
        alone = Neighbours(vectors[keep], labels[keep], platt).votes(vectors[[row]])
        assert np.allclose(votes[row], alone[0])
    assert np.all((votes >= 0) & (votes <= 1))


def test_the_nearest_stories_count_most_and_few_stories_still_vote():
    rng = np.random.default_rng(1)
    vectors = unit_rows(rng, 30)
    labels = np.zeros((30, 2), dtype=np.int8)
    labels[0, 0] = 1  # one story of the rare priority; every other carries the common one
    labels[1:, 1] = 1
    platt = np.tile([1.0, 0.0], (2, 1)).astype(np.float32)
    vote = Neighbours(vectors, labels, platt).votes(vectors[[0]] * 0.99 + 0.01 * vectors[[1]])
    assert vote[0, 0] > 0.9  # its near twin outweighs the other 19 neighbours
    two = Neighbours(vectors[:2], labels[:2], platt)
    assert two.k == 1 and two.votes(vectors[:2], leave_one_out=True).shape == (2, 2)


def test_the_tagger_keeps_its_vote_and_a_stored_one_votes_the_same(trained):  # noqa: F811
    assert trained.neighbours is not None and trained.blend_platt is not None
    assert trained.neighbours.vectors.dtype == np.float16  # as stored: reloads vote the same
    loaded = tag_learner.LearntTagger.from_bytes(trained.to_bytes())
    texts = [LONG_CARER_STORY, *STORIES["waiting"][:2]]
    vectors = tag_encoder.encode(texts)
    assert np.array_equal(loaded.neighbours.votes(vectors), trained.neighbours.votes(vectors))
    assert (loaded.predict(texts, vectors)[0] == trained.predict(texts, vectors)[0]).all()


def test_a_tagger_stored_before_the_vote_scores_with_its_ridge_alone(trained):  # noqa: F811
    arrays = model_blob.unpack(trained.to_bytes())
    for name in ("neighbour_vectors", "neighbour_labels", "neighbour_platt", "blend_platt"):
        arrays.pop(name)
    older = tag_learner.LearntTagger.from_bytes(model_blob.pack(arrays, compressed=True))
    assert older.neighbours is None
    texts = [LONG_CARER_STORY]
    vectors = tag_encoder.encode(texts)
    scores = older.decision(texts, vectors)
    expected = tag_learner._sigmoid(scores * older.platt[:, 0] + older.platt[:, 1])
    learnt = older.learnt
    assert np.allclose(older.probabilities(texts, vectors)[:, learnt], expected[:, learnt])


def test_without_the_vote_the_tagger_is_the_ridge_alone(framework, monkeypatch):  # noqa: F811
    texts = [t for p in ("carers", "waiting", "staff-kindness") for t in STORIES[p][:4]]
    labels = np.array(
        [
            [pid == p for pid in framework.ids]
            for p in ("carers", "waiting", "staff-kindness")
            for _ in range(4)
        ],
        dtype=np.int8,
    )
    monkeypatch.setattr(tag_neighbours, "BLEND", 0.0)
    model = tag_learner.fit(framework, framework.ids, texts, tag_encoder.encode(texts), labels)
    assert model.neighbours is None and model.blend_platt is None
    assert "neighbour_vectors" not in model_blob.unpack(model.to_bytes())
