"""What the model-class experiments on the development splits share (never Trust C).

Each experiment scores the test trust with some new model and compares it, in the same run,
with the shipped kernel ridge: both go through the same decision code as `nlp.tagging.learner`
(Platt calibration on held-out training scores, every text's most probable priority, per-priority
cuts that must be right at least 25 % of the time), so they differ only in the scores.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from scipy import linalg
from sklearn.model_selection import KFold

from benchmarks import tagging as bench
from benchmarks import tagging_dev
from benchmarks.tagging_token_states import TokenStates, _compute, token_states
from nlp import embed
from nlp.priorities import Framework, load_framework
from nlp.tagging import learner as tag_learner

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


def shipped(
    split: DevSplit, framework: Framework | None = None
) -> tuple[tuple[float, float], float]:
    """The shipped learner as benchmarks/tagging.py runs it (zero-shot fallback included):
    (micro, macro) and training seconds. `framework`, when given, replaces the split's own
    (an experiment that changes the priorities' examples)."""
    framework = framework or split.framework
    started = time.perf_counter()
    model = tag_learner.fit(
        framework,
        framework.ids,
        [split.texts[i] for i in split.train],
        split.vectors[split.train],
        split.train_gold,
        encode=embed.encode,  # these experiments compare learners on the packaged model
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
    framework = split.framework
    prototypes = tag_learner.prototype_vectors(framework, framework.ids, embed.encode)
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
    """Test decisions as `nlp.tagging.learner` makes them (no zero-shot fallback)."""
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


class Table:
    """Figures per row label and split, with training seconds where a row measures them, printed
    as one line a row; the first rows of a network experiment are its references."""

    def __init__(self) -> None:
        self.results: dict[str, dict[str, tuple[float, float]]] = {}
        self.seconds: dict[str, dict[str, float]] = {}

    def note(self, label: str, split: DevSplit, pair, took: float | None = None) -> None:
        self.results.setdefault(label, {})[split.name] = pair
        if took is not None:
            self.seconds.setdefault(label, {})[split.name] = took

    def references(self, split: DevSplit) -> tuple[np.ndarray, np.ndarray]:
        """Notes the shipped learner and this harness's kernel ridge; returns the ridge's
        (held-out, test) scores for blending."""
        pair, took = shipped(split)
        self.note("shipped learner (tag_learner.fit, zero-shot fallback on)", split, pair, took)
        ridge = ridge_scores(split)
        self.note("reference: kernel ridge in this harness", split, figures(split, *ridge))
        return ridge

    def blends(self, split: DevSplit, ridge, network, label: Callable[[float], str]) -> None:
        """Notes the ridge blended with a network's scores at network weights 0.25 and 0.5."""
        for weight in (0.25, 0.5):
            blended = blend([ridge, network], [1 - weight, weight], split.train_gold)
            self.note(label(weight), split, figures(split, *blended))

    def print(self) -> None:
        for label, row in self.results.items():
            took = self.seconds.get(label)
            timing = " ".join(f"{t:.1f} s" for t in took.values()) if took else ""
            print(line(label, row, timing))


# What the token-level network experiments share: cached token vectors of the dev texts and of
# the priorities' phrases, length-bucketed batches, the loss, and 3-fold cross-fitting.

BATCH = 64


def token_inputs(splits: list[DevSplit]) -> tuple[TokenStates, TokenStates]:
    """Cached MiniLM token states of the dev texts, and those of the priorities' phrases."""
    states = token_states(splits[0].texts, "fft-dev")
    phrase_texts, _ = tag_learner._phrase_rows(splits[0].framework, splits[0].framework.ids)
    return states, _compute(phrase_texts)


def join_states(a: TokenStates, b: TokenStates) -> TokenStates:
    return TokenStates(
        np.vstack([a.before_last, b.before_last]),
        np.vstack([a.last, b.last]),
        np.concatenate([a.offsets, a.offsets[-1] + b.offsets[1:]]),
    )


def batches(lengths: np.ndarray, rows: np.ndarray, shuffle: np.random.Generator | None):
    """Rows in batches of similar length (little padding); shuffled batch order in training."""
    order = rows[np.argsort(lengths[rows], kind="stable")]
    groups = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    if shuffle is not None:
        shuffle.shuffle(groups)
    return groups


def multilabel_loss(logits: torch.Tensor, y: torch.Tensor, loss_name: str) -> torch.Tensor:
    """ "softmax" is cross-entropy against each row's labels spread evenly (multi-label rows
    share the mass); otherwise binary cross-entropy."""
    if loss_name == "softmax":
        share = y / y.sum(dim=1, keepdim=True).clamp(min=1.0)
        return -(share * logits.log_softmax(dim=1)).sum(dim=1).mean()
    return torch.nn.functional.binary_cross_entropy_with_logits(logits, y)


def train_batches(
    model: torch.nn.Module,
    states: TokenStates,
    rows: np.ndarray,
    labels: np.ndarray,
    run: tuple[int, np.random.Generator, str],
    logits_of: Callable[[np.ndarray], torch.Tensor],
    steps: list,
) -> torch.nn.Module:
    """`run` is (epochs, batch-order generator, loss name); `logits_of` scores a batch of rows;
    each of `steps` (an optimiser, then any schedule) steps after every batch."""
    epochs, generator, loss_name = run
    target = torch.tensor(labels, dtype=torch.float32)
    position = {row: k for k, row in enumerate(rows)}
    model.train()
    for _ in range(epochs):
        for group in batches(states.lengths(), rows, generator):
            loss = multilabel_loss(
                logits_of(group), target[[position[r] for r in group]], loss_name
            )
            steps[0].zero_grad()
            loss.backward()
            for step in steps:
                step.step()
    return model.eval()


def predict_batches(
    states: TokenStates,
    rows: np.ndarray,
    width: int,
    logits_of: Callable[[np.ndarray], torch.Tensor],
) -> np.ndarray:
    """Scores of `rows` in their own order, computed batch by batch without gradients."""
    out = np.zeros((len(rows), width))
    index = {row: k for k, row in enumerate(rows)}
    with torch.inference_mode():
        for group in batches(states.lengths(), rows, None):
            out[[index[r] for r in group]] = logits_of(group).numpy()
    return out


def cross_fit(
    split: DevSplit,
    states: TokenStates,
    phrases: TokenStates,
    fit: Callable[[TokenStates, np.ndarray, np.ndarray, int], object],
    predict: Callable[[object, TokenStates, np.ndarray], np.ndarray],
) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Held-out training scores from 3-fold cross-fitting (the priorities' phrases join every
    fold's training rows, as in the shipped learner), the three fold models' average test
    scores, and each fold's fitting seconds. `fit(states, rows, labels, fold number)` returns a
    model; `predict(model, states, rows)` its scores."""
    both = join_states(states, phrases)
    phrase_rows = len(states.offsets) - 1 + np.arange(len(phrases.offsets) - 1)
    _, phrase_labels = tag_learner._phrase_rows(split.framework, split.framework.ids)
    labels_of = dict(zip(split.train, split.train_gold, strict=True))
    labels_of.update(zip(phrase_rows, phrase_labels, strict=True))
    held_out = np.zeros(split.train_gold.shape)
    test = np.zeros(split.test_gold.shape)
    fold_seconds = []
    folds = KFold(3, shuffle=True, random_state=0).split(split.train)
    for number, (fit_rows, out_rows) in enumerate(folds):
        rows = np.concatenate([split.train[fit_rows], phrase_rows])
        started = time.perf_counter()
        model = fit(both, rows, np.array([labels_of[r] for r in rows]), number)
        fold_seconds.append(time.perf_counter() - started)
        held_out[out_rows] = predict(model, both, split.train[out_rows])
        test += predict(model, both, split.test) / 3
    return held_out, test, fold_seconds
