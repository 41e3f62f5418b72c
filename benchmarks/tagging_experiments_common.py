"""What the model-class experiments on the development splits share (never Trust C).

Each experiment scores the test trust with some new model and compares it, in the same run,
with the shipped kernel ridge: both go through the same decision code as `nlp.tag_learner`
(Platt calibration on held-out training scores, every text's most probable priority, per-priority
cuts that must be right at least 25 % of the time), so they differ only in the scores.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import linalg

from benchmarks import tagging as bench
from benchmarks import tagging_dev
from nlp import tag_learner
from nlp.priorities import Framework, load_framework

SPLITS = tagging_dev.SPLITS


@dataclass
class DevSplit:
    name: str
    framework: Framework
    train: np.ndarray  # row numbers into the dev rows (Trust A + B)
    test: np.ndarray
    texts: list[str]  # all dev texts
    vectors: np.ndarray
    gold: np.ndarray

    @property
    def train_gold(self) -> np.ndarray:
        return self.gold[self.train]

    @property
    def test_gold(self) -> np.ndarray:
        return self.gold[self.test]


def dev_data() -> tuple[Framework, list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Framework, texts, sentence vectors, gold and trust of Trust A and B comments only."""
    rows = bench.read_rows(bench.DEFAULT_DATA)
    framework = bench.subcategory_framework(rows, load_framework(bench.DEFAULT_FRAMEWORK))
    every_text = [row["feedback"] for row in rows]
    vectors = bench.cached_embeddings(every_text, "fft-all")
    dev = np.array([i for i, r in enumerate(rows) if r["organization"] in ("Trust A", "Trust B")])
    gold = np.zeros((len(dev), len(framework.ids)), dtype=np.int8)
    gold[np.arange(len(dev)), [framework.ids.index(rows[i]["code"]) for i in dev]] = 1
    trusts = np.array([rows[i]["organization"] for i in dev])
    return framework, [every_text[i] for i in dev], vectors[dev], gold, trusts


def dev_splits() -> list[DevSplit]:
    framework, texts, vectors, gold, trusts = dev_data()
    splits = []
    for train_trusts, test_trust in SPLITS:
        train = np.flatnonzero(np.isin(trusts, train_trusts))
        test = np.flatnonzero(trusts == test_trust)
        name = f"{train_trusts[0][-1]} -> {test_trust[-1]}"
        splits.append(DevSplit(name, framework, train, test, texts, vectors, gold))
    return splits


def shipped(split: DevSplit) -> tuple[tuple[float, float], float]:
    """The shipped learner as benchmarks/tagging.py runs it (zero-shot fallback included):
    (micro, macro) and training seconds."""
    started = time.perf_counter()
    model = tag_learner.fit(
        split.framework,
        split.framework.ids,
        [split.texts[i] for i in split.train],
        split.vectors[split.train],
        split.train_gold,
    )
    seconds = time.perf_counter() - started
    decided = model.predict([split.texts[i] for i in split.test], split.vectors[split.test])[0]
    return bench.f1_pair(split.test_gold, decided), seconds


def ridge_scores(split: DevSplit, extra=None) -> tuple[np.ndarray, np.ndarray]:
    """The shipped kernel ridge's exact leave-one-out training scores and its test scores.

    `extra`, when given, is (texts, labels) added to the priorities' own phrases as extra
    training rows (prototype augmentation)."""
    train_texts = [split.texts[i] for i in split.train]
    test_texts = [split.texts[i] for i in split.test]
    train, test, labels = _blocks(split, train_texts, test_texts, extra)
    kernel = np.ones_like(train["w"]) + train["w"] + train["e"] + train["p"]
    kernel[np.diag_indices(len(kernel))] += tag_learner.ALPHA
    targets = 2.0 * labels - 1.0
    factor = linalg.cho_factor(kernel, check_finite=False)
    dual = linalg.cho_solve(factor, targets, check_finite=False)
    inverse, _ = linalg.lapack.dpotri(factor[0], lower=factor[1])
    held_out = (targets - dual / np.diag(inverse)[:, None])[: len(train_texts)]
    scores = (np.ones_like(test["w"]) + test["w"] + test["e"] + test["p"]) @ dual
    return held_out, scores


def _blocks(split, train_texts, test_texts, extra):
    from nlp import embed

    framework = split.framework
    prototypes = tag_learner.prototype_vectors(framework, framework.ids)
    phrase_texts, phrase_labels = tag_learner._phrase_rows(framework, framework.ids)
    if extra is not None:
        phrase_texts = phrase_texts + list(extra[0])
        phrase_labels = np.vstack([phrase_labels, extra[1]])
    texts = train_texts + phrase_texts
    vectors = np.vstack([split.vectors[split.train], embed.encode(phrase_texts)])
    words = tag_learner.Words.fit(texts)
    w_train, w_test = words.transform(texts), words.transform(test_texts)
    test_vectors = split.vectors[split.test]

    def prior(v):
        similarity = v @ prototypes.T
        return similarity - similarity.max(axis=1, keepdims=True)

    train = {
        "w": (w_train @ w_train.T).toarray(),
        "e": vectors @ vectors.T,
        "p": prior(vectors) @ prior(vectors).T,
    }
    test = {
        "w": (w_test @ w_train.T).toarray(),
        "e": test_vectors @ vectors.T,
        "p": prior(test_vectors) @ prior(vectors).T,
    }
    return train, test, np.vstack([split.train_gold, phrase_labels])


def calibrated_logits(held_out: np.ndarray, scores: np.ndarray, train_gold: np.ndarray):
    """Platt-calibrated log-odds of held-out and test scores, per priority (learnt only)."""
    learnt = train_gold.sum(axis=0) >= tag_learner.MIN_EXAMPLES
    a = np.ones(train_gold.shape[1])
    b = np.zeros(train_gold.shape[1])
    for j in np.flatnonzero(learnt):
        a[j], b[j] = tag_learner._platt(held_out[:, j], train_gold[:, j])
    return held_out * a + b, scores * a + b


def decide(held_out: np.ndarray, scores: np.ndarray, train_gold: np.ndarray) -> np.ndarray:
    """Test decisions as `nlp.tag_learner` makes them (no zero-shot fallback)."""
    learnt = train_gold.sum(axis=0) >= tag_learner.MIN_EXAMPLES
    held_logit, test_logit = calibrated_logits(held_out, scores, train_gold)
    calibrated = np.where(learnt[None, :], tag_learner._sigmoid(held_logit), 0.0)
    top = tag_learner._top(calibrated, learnt)
    cuts = np.full(train_gold.shape[1], 1.01)
    for j in np.flatnonzero(learnt):
        truth = train_gold[:, j].astype(bool)
        cuts[j] = tag_learner._best_cut(truth, calibrated[:, j], top[:, j])[0]
    probabilities = np.where(learnt[None, :], tag_learner._sigmoid(test_logit), 0.0)
    return tag_learner._top(probabilities, learnt) | (probabilities >= cuts[None, :])


def figures(split: DevSplit, held_out: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    return bench.f1_pair(split.test_gold, decide(held_out, scores, split.train_gold))


def blend(parts: list[tuple[np.ndarray, np.ndarray]], weights: list[float], train_gold):
    """Weighted average of each model's calibrated log-odds (held-out, test)."""
    logits = [calibrated_logits(h, s, train_gold) for h, s in parts]
    held = sum(w * h for w, (h, _) in zip(weights, logits, strict=True))
    test = sum(w * s for w, (_, s) in zip(weights, logits, strict=True))
    return held, test


def line(label: str, results: dict[str, tuple[float, float]], seconds: str = "") -> str:
    cells = " | ".join(f"{name} {mi:.3f} / {ma:.3f}" for name, (mi, ma) in results.items())
    return f"{label:<58} {cells}  {seconds}"
