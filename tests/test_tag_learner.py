"""The learnt tagger with the real embedding model: rare priorities learnt from a few examples
plus their own descriptions, zero-shot fallback, calibrated cuts, reasons, storage and bad
training data."""

from __future__ import annotations

import io
import textwrap

import numpy as np
import pytest

from nlp import model_blob
from nlp.priorities import FrameworkError, load_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import reasons as tag_reasons
from tests.test_tagging import FRAMEWORK_YAML, LONG_CARER_STORY, STORIES


@pytest.fixture(scope="module")
def framework():
    return load_framework(FRAMEWORK_YAML)


def training(framework, per_priority: dict[str, int]):
    texts, rows = [], []
    for priority, count in per_priority.items():
        for text in STORIES[priority][:count]:
            texts.append(text)
            rows.append([pid == priority for pid in framework.ids])
    return texts, tag_encoder.encode(texts), np.array(rows, dtype=np.int8)


@pytest.fixture(scope="module")
def trained(framework):
    # Carers is rare: three examples against six of each other priority.
    texts, vectors, labels = training(
        framework, {"carers": 3, "waiting": 6, "staff-kindness": 6, "food-environment": 6}
    )
    return tag_learner.fit(framework, framework.ids, texts, vectors, labels)


def test_a_rare_priority_is_learnt_from_three_examples_and_tags_a_long_story(trained):
    assert trained.metrics["carers"]["used"] == "learnt"
    assert trained.metrics["carers"]["examples"] == 3
    decided, probabilities = trained.predict(
        [LONG_CARER_STORY], tag_encoder.encode([LONG_CARER_STORY])
    )
    carers = trained.priority_ids.index("carers")
    assert decided[0, carers]
    assert probabilities[0, carers] == probabilities[0].max()
    assert np.all((probabilities >= 0) & (probabilities <= 1))


def test_cross_validated_figures_and_cuts_are_kept_per_priority(trained):
    for priority_id in trained.priority_ids:
        figures = trained.metrics[priority_id]
        assert 0 <= figures["precision"] <= 1 and 0 <= figures["recall"] <= 1
        assert figures["threshold"] == pytest.approx(
            float(trained.thresholds[trained.priority_ids.index(priority_id)]), abs=1e-3
        )


def test_every_text_gets_at_least_one_priority(trained):
    texts = ["ok", "The car park was full.", "Nothing to say really."]
    decided, _ = trained.predict(texts, tag_encoder.encode(texts))
    assert decided.any(axis=1).all()


def test_a_priority_with_no_examples_falls_back_to_zero_shot(framework):
    texts, vectors, labels = training(
        framework, {"carers": 6, "waiting": 6, "staff-kindness": 6, "food-environment": 0}
    )
    model = tag_learner.fit(framework, framework.ids, texts, vectors, labels)
    food = model.priority_ids.index("food-environment")
    assert model.metrics["food-environment"]["used"] == "zero-shot"
    assert not model.learnt[food]
    meals = ["The hospital meals were cold and the food was inedible every day."]
    decided, _ = model.predict(meals, tag_encoder.encode(meals))
    assert decided[0, food]
    unrelated = [STORIES["waiting"][0]]
    assert not model.predict(unrelated, tag_encoder.encode(unrelated))[0][0, food]


def test_the_stored_tagger_is_arrays_only_and_predicts_the_same(trained):
    data = trained.to_bytes()
    with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
        kinds = {name: arrays[name].dtype.kind for name in arrays.files}
    text_arrays = {name for name, kind in kinds.items() if kind in "US"}
    assert text_arrays == {"priority_ids", "version"}  # no vocabulary: words are hashed
    assert "O" not in kinds.values()
    loaded = tag_learner.LearntTagger.from_bytes(data)
    texts = [LONG_CARER_STORY, *STORIES["food-environment"][:2]]
    vectors = tag_encoder.encode(texts)
    before, after = trained.predict(texts, vectors), loaded.predict(texts, vectors)
    assert (before[0] == after[0]).all()
    assert np.allclose(before[1], after[1], atol=0.02)  # coefficients kept as float16


def test_the_reason_is_the_sentence_that_carried_the_tag(trained):
    decided, _ = trained.predict([LONG_CARER_STORY], tag_encoder.encode([LONG_CARER_STORY]))
    why = tag_reasons.reasons([LONG_CARER_STORY], decided, trained.sentence_scores)[0]
    reason = why[trained.priority_ids.index("carers")]
    assert reason in tag_reasons.sentences(LONG_CARER_STORY)
    assert "carer" in reason.lower() or "respite" in reason.lower()
    short = "The meals were cold."
    assert tag_reasons.reasons([short], np.array([[True, False]]), trained.sentence_scores) == [
        {0: short}
    ]


def test_reasons_reuse_the_sentence_vectors_the_tagger_already_has(trained, monkeypatch):
    """A tagger that weighs sentences has embedded them: the reasons read those vectors, and
    embed only the texts whose sentences they lack (here the second, left out on purpose)."""
    other = "The ward was noisy at night. Nobody told us about parking. The food was cold."
    texts = [LONG_CARER_STORY, other]
    split = tag_learner.Passages.split(texts)
    passages = tag_learner.Passages.from_vectors(
        texts, [split[0], []], tag_encoder.encode(split[0])
    )
    decided = np.ones((2, len(trained.priority_ids)), dtype=bool)
    expected = tag_reasons.reasons(texts, decided, trained.sentence_scores)
    encoded: list[list[str]] = []
    real_encode = tag_encoder.encode

    def counting_encode(pieces):
        encoded.append(list(pieces))
        return real_encode(pieces)

    monkeypatch.setattr(tag_encoder, "encode", counting_encode)
    got = tag_reasons.reasons(texts, decided, trained.sentence_scores, passages)
    assert got == expected
    assert encoded == [tag_reasons.sentences(other)]


def test_sentences_and_long_reasons_are_cut_readably():
    assert tag_reasons.sentences('He said "no." Then left!\nNew line') == [
        'He said "no."',
        "Then left!",
        "New line",
    ]
    clipped = tag_reasons.clip("word " * 200)
    assert len(clipped) <= tag_reasons.MAX_REASON + 2 and clipped.endswith("…")


@pytest.mark.parametrize(
    ("texts", "labels", "message"),
    [
        ([], np.zeros((0, 4), dtype=np.int8), "no labelled texts"),
        (["a", "b"], np.array([[1, 0, 0, 0], [1, 0, 0, 0]]), "at least two different"),
        (["a", "b"], np.array([[1, 0], [0, 1]]), "one column per priority"),
    ],
)
def test_training_data_that_cannot_train_is_refused_clearly(framework, texts, labels, message):
    with pytest.raises(tag_learner.TrainingError, match=message):
        tag_learner.fit(framework, framework.ids, texts, np.zeros((len(texts), 384)), labels)


def test_a_framework_with_one_priority_cannot_be_trained():
    single = load_framework("id: one\ntitle: One\npriorities:\n  - id: a\n    title: A\n")
    with pytest.raises(tag_learner.TrainingError, match="at least two priorities"):
        tag_learner.fit(single, single.ids, ["x"], np.zeros((1, 384)), np.ones((1, 1)))


def test_duplicate_priority_ids_are_refused_when_the_framework_loads():
    duplicate = "id: d\ntitle: D\npriorities:\n  - id: a\n    title: A\n  - id: a\n    title: B\n"
    with pytest.raises(FrameworkError, match="duplicate priority id 'a'"):
        load_framework(duplicate)


def test_two_hundred_priorities_train_with_most_falling_back_to_zero_shot(framework):
    extra = "".join(
        f"  - id: topic-{n}\n    title: Topic number {n}\n    description: Matters of kind {n}.\n"
        for n in range(196)
    )
    big = load_framework(FRAMEWORK_YAML + textwrap.indent(extra, ""))
    assert len(big.ids) == 200
    texts, vectors, labels = training(
        framework, {"carers": 6, "waiting": 6, "staff-kindness": 6, "food-environment": 6}
    )
    wide = np.zeros((len(texts), 200), dtype=np.int8)
    wide[:, :4] = labels
    model = tag_learner.fit(big, big.ids, texts, vectors, wide)
    assert model.learnt.sum() == 4
    decided, _ = model.predict([LONG_CARER_STORY], tag_encoder.encode([LONG_CARER_STORY]))
    assert decided[0, big.ids.index("carers")]
    assert decided.sum() <= 5


@pytest.mark.parametrize("positives", [3, 40, 150])
def test_platt_calibration_is_the_maximum_likelihood_sigmoid(positives):
    # Same model as scikit-learn's LogisticRegression with the same penalty, solved to
    # convergence: calibration of a rare priority (3 positives of 300) as of a common one.
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(positives)
    truth = np.zeros(300, dtype=np.int8)
    truth[:positives] = 1
    scores = rng.normal(size=300) + 1.5 * truth
    reference = LogisticRegression(C=tag_learner.PLATT_C, tol=1e-10, max_iter=10_000).fit(
        scores[:, None], truth
    )
    slope, intercept = tag_learner._platt(scores, truth)
    assert slope == pytest.approx(reference.coef_[0, 0], rel=1e-3)
    assert intercept == pytest.approx(reference.intercept_[0], rel=1e-3)


def test_held_out_scores_are_those_of_a_model_trained_without_the_text():
    # The cut-offs and calibration rest on these leave-one-out scores; the kernel is solved
    # in single precision, which must not change them beyond rounding.
    from scipy import sparse

    rng = np.random.default_rng(0)
    words = sparse.random(80, 500, density=0.02, random_state=1, format="csr", dtype=np.float32)
    vectors = rng.normal(size=(80, 16)).astype(np.float32)
    targets = np.where(rng.random((80, 3)) < 0.3, 1.0, -1.0)
    blocks = [words, vectors]
    _, leave_one_out = tag_learner._ridge(blocks, targets)
    for row in (0, 17, 79):
        keep = np.arange(80) != row
        parts, _ = tag_learner._ridge([b[keep] for b in blocks], targets[keep])
        refit = tag_learner._score([b[[row]] for b in blocks], parts)[0]
        assert np.allclose(leave_one_out[row], refit, atol=1e-3)


def test_passage_held_out_scores_are_those_of_a_model_trained_without_their_text():
    # A long story's best sentence is weighed by how much that helped on held-out scores: each
    # sentence must be scored by the ridge fitted without the story it came from, exactly.
    from scipy import sparse

    rng = np.random.default_rng(0)
    words = sparse.random(80, 500, density=0.02, random_state=1, format="csr", dtype=np.float32)
    vectors = rng.normal(size=(80, 16)).astype(np.float32)
    targets = np.where(rng.random((80, 3)) < 0.3, 1.0, -1.0)
    passage_words = sparse.random(12, 500, density=0.02, random_state=2, format="csr")
    passage_vectors = rng.normal(size=(12, 16)).astype(np.float32)
    owner = rng.integers(0, 80, 12)
    blocks, passage_blocks = [words, vectors], [passage_words, passage_vectors]
    _, leave_one_out, passage_scores = tag_learner._solve(blocks, targets, passage_blocks, owner)
    for k in range(12):
        keep = np.arange(80) != owner[k]
        parts, _ = tag_learner._ridge([b[keep] for b in blocks], targets[keep])
        refit = tag_learner._score([b[[k]] for b in passage_blocks], parts)[0]
        assert np.allclose(passage_scores[k], refit, atol=1e-3)
    # A passage that is its own text gets the text's own leave-one-out score.
    _, _, same = tag_learner._solve(blocks, targets, [b[[5]] for b in blocks], np.array([5]))
    assert np.allclose(same[0], leave_one_out[5], atol=1e-3)


FILLER = [
    "We went in on a Tuesday morning.",
    "My sister drove us there and parked outside.",
    "That was last year.",
    "I am writing this so others know.",
]


def two_topic_stories(framework):
    """Stories of five sentences that tell two things (one sentence each, among filler),
    labelled with both: what a long Care Opinion story looks like to the tagger."""
    import itertools

    texts, rows = [], []
    for i in range(6):
        for k, (a, b) in enumerate(itertools.combinations(framework.ids, 2)):
            fill = [FILLER[(i + k + n) % 4] for n in range(3)]
            texts.append(f"{fill[0]} {STORIES[a][i]} {fill[1]} {fill[2]} {STORIES[b][(i + k) % 6]}")
            rows.append([pid in (a, b) for pid in framework.ids])
    return texts, tag_encoder.encode(texts), np.array(rows, dtype=np.int8)


@pytest.fixture(scope="module")
def two_topics(framework):
    texts, vectors, labels = two_topic_stories(framework)
    order = np.random.default_rng(0).permutation(len(texts))
    train, test = order[:26], order[26:]
    passages = tag_learner.Passages.of(texts)

    def fitted(with_passages: bool):
        return tag_learner.fit(
            framework,
            framework.ids,
            [texts[i] for i in train],
            vectors[train],
            labels[train],
            passages=passages.subset(train) if with_passages else None,
        )

    test_data = ([texts[i] for i in test], vectors[test], passages.subset(test), labels[test])
    return fitted(False), fitted(True), test_data


def test_stories_that_tell_two_things_get_both_when_their_sentences_are_weighed(two_topics):
    from sklearn.metrics import f1_score

    whole, weighed, (texts, vectors, passages, gold) = two_topics
    assert whole.passage_weight == 0.0
    assert weighed.passage_weight > 0.0  # chosen on the training stories' held-out scores
    f1 = {
        name: f1_score(gold, tagger.predict(texts, vectors, passages)[0], average="micro")
        for name, tagger in (("whole", whole), ("weighed", weighed))
    }
    assert f1["weighed"] >= f1["whole"] + 0.1, f1


def test_a_tagger_that_weighs_sentences_needs_them_and_keeps_its_weight_when_stored(two_topics):
    _, weighed, (texts, vectors, passages, _) = two_topics
    with pytest.raises(ValueError, match="Passages"):
        weighed.predict(texts, vectors)
    again = tag_learner.LearntTagger.from_bytes(weighed.to_bytes())
    assert again.passage_weight == weighed.passage_weight
    assert np.array_equal(
        again.predict(texts, vectors, passages)[0], weighed.predict(texts, vectors, passages)[0]
    )
    # A tagger stored before sentences were weighed scores texts whole.
    arrays = np.load(io.BytesIO(weighed.to_bytes()), allow_pickle=False)
    older = {name: arrays[name] for name in arrays.files if name != "passage_weight"}
    assert tag_learner.LearntTagger.from_bytes(model_blob.pack(older)).passage_weight == 0.0


def test_texts_of_one_sentence_are_scored_exactly_as_before(framework):
    texts, vectors, labels = training(
        framework, {"carers": 3, "waiting": 6, "staff-kindness": 6, "food-environment": 6}
    )
    passages = tag_learner.Passages.of(texts)
    assert len(passages.owner) == 0  # FFT-like comments: nothing to weigh
    plain = tag_learner.fit(framework, framework.ids, texts, vectors, labels)
    weighed = tag_learner.fit(framework, framework.ids, texts, vectors, labels, passages=passages)
    assert weighed.passage_weight == 0.0
    for name in ("platt", "thresholds", "coef_vector", "coef_prior", "intercept"):
        assert np.array_equal(getattr(plain, name), getattr(weighed, name)), name


def test_cached_passages_that_no_longer_match_a_text_are_left_out():
    texts = ["One. Two. Three.", "Only one sentence.", "First part. Second part."]
    matrices = [np.ones((3, 384)), None, np.ones((5, 384))]  # the last text changed since
    passages = tag_learner.Passages.cached(texts, matrices)
    assert passages.texts == ["One.", "Two.", "Three."]
    assert passages.owner.tolist() == [0, 0, 0]
    assert passages.subset(np.array([2, 0])).owner.tolist() == [1, 1, 1]
