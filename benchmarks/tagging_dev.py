"""Variants of the learnt tagger on the development splits only (FFT Trust A -> B, B -> A).

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_dev.py

Why a separate script: trying a feature or a weight must never look at the measuring trust
(Trust C) or Care Opinion. Kernel blocks (hashed word n-grams, character n-grams, embedding,
zero-shot prior) are computed once per split; each variant is the same kernel ridge with
leave-one-out Platt calibration, per-priority cuts and every text's top priority as
`nlp.tagging.learner`, solved in float64, so variants differ only in what they change. The
reference row is the shipped setting; it leaves out the zero-shot fallback (macro a little
lower than benchmarks/tagging.py). Needs the embedding cache benchmarks/tagging.py writes.
"""

from __future__ import annotations

import time

import numpy as np
from scipy import linalg
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from benchmarks import tagging as bench
from nlp import embed
from nlp.tagging import learner as tag_learner

SPLITS = ((("Trust A",), "Trust B"), (("Trust B",), "Trust A"))


def characters(texts: list[str], columns=None, idf=None):
    """Hashed char_wb 2-5 TF-IDF (sublinear), columns and IDF from the training texts."""
    hasher = HashingVectorizer(
        n_features=2**20, analyzer="char_wb", ngram_range=(2, 5), alternate_sign=False, norm=None
    )
    counts = hasher.transform(texts).tocsc()
    if columns is None:
        df = np.diff(counts.indptr)
        columns = np.flatnonzero(df >= 2)
        idf = np.log((1 + len(texts)) / (1 + df[columns])) + 1
    counts = counts[:, columns].tocsr()
    counts.data = 1 + np.log(counts.data)
    return normalize(counts.multiply(idf[None, :]).tocsr()), columns, idf


def kernel_blocks(framework, train_texts, train_vectors, train_gold, test_texts, test_vectors):
    """Training and test kernels per block, the priority phrases joining training as in fit."""
    prototypes = tag_learner.prototype_vectors(framework, framework.ids, embed.encode)
    phrase_texts, phrase_labels = tag_learner._phrase_rows(framework, framework.ids)
    texts = train_texts + phrase_texts
    vectors = np.vstack([train_vectors, embed.encode(phrase_texts)])
    words = tag_learner.Words.fit(texts)
    w_train, w_test = words.transform(texts), words.transform(test_texts)
    c_train, columns, idf = characters(texts)
    c_test, _, _ = characters(test_texts, columns, idf)

    def prior(v):
        similarity = v @ prototypes.T
        return similarity - similarity.max(axis=1, keepdims=True)

    train = {
        "w": (w_train @ w_train.T).toarray(),
        "c": (c_train @ c_train.T).toarray(),
        "e": vectors @ vectors.T,
        "p": prior(vectors) @ prior(vectors).T,
    }
    test = {
        "w": (w_test @ w_train.T).toarray(),
        "c": (c_test @ c_train.T).toarray(),
        "e": test_vectors @ vectors.T,
        "p": prior(test_vectors) @ prior(vectors).T,
    }
    return train, test, np.vstack([train_gold, phrase_labels])


def evaluate(split, weights, alpha=tag_learner.ALPHA, poly=False, beta=0.0, phrase_weight=1.0):
    """(micro, macro) on the test trust for one kernel variant."""
    train, test, labels, n, train_gold, test_gold = split

    def combine(blocks):
        total = np.ones_like(blocks["w"])
        for name, weight in weights.items():
            block = blocks[name]
            total += weight * (block + block**2 if poly and name == "e" else block)
        return total

    kernel = combine(train)
    counts = labels.sum(axis=0).astype(float)
    row_weight = np.ones(len(labels))
    if beta:  # class-balanced rows: weight by the rarest label a row carries
        rarest = np.where(labels > 0, counts[None, :], np.inf).min(axis=1)
        row_weight = (counts.max() / rarest) ** beta
        row_weight /= row_weight[:n].mean()
    row_weight[n:] *= phrase_weight
    kernel[np.diag_indices(len(kernel))] += alpha / row_weight
    targets = 2.0 * labels - 1.0
    factor = linalg.cho_factor(kernel, check_finite=False)
    dual = linalg.cho_solve(factor, targets, check_finite=False)
    inverse, _ = linalg.lapack.dpotri(factor[0], lower=factor[1])
    held_out = (targets - dual / np.diag(inverse)[:, None])[:n]
    scores = combine(test) @ dual
    learnt = train_gold.sum(axis=0) >= tag_learner.MIN_EXAMPLES
    platt = np.tile([1.0, 0.0], (train_gold.shape[1], 1))
    calibrated = np.zeros(train_gold.shape)
    for j in np.flatnonzero(learnt):
        platt[j] = tag_learner._platt(held_out[:, j], train_gold[:, j])
        calibrated[:, j] = tag_learner._sigmoid(platt[j, 0] * held_out[:, j] + platt[j, 1])
    top = tag_learner._top(calibrated, learnt)
    cuts = np.full(train_gold.shape[1], 1.01)
    for j in np.flatnonzero(learnt):
        truth = train_gold[:, j].astype(bool)
        cuts[j] = tag_learner._best_cut(truth, calibrated[:, j], top[:, j])[0]
    probabilities = tag_learner._sigmoid(scores * platt[None, :, 0] + platt[None, :, 1])
    probabilities[:, ~learnt] = 0.0
    decided = tag_learner._top(probabilities, learnt) | (probabilities >= cuts[None, :])
    return bench.f1_pair(test_gold, decided)


VARIANTS = {
    "reference (shipped: words 1, embedding 1, prior 1)": {"weights": {"w": 1, "e": 1, "p": 1}},
    "embedding weight 2": {"weights": {"w": 1, "e": 2, "p": 1}},
    "+ character n-grams": {"weights": {"w": 1, "e": 1, "p": 1, "c": 1}},
    "polynomial embedding kernel + characters 0.3": {
        "weights": {"w": 1, "e": 1, "p": 1, "c": 0.3},
        "poly": True,
    },
    "class-balanced rows (beta 0.5)": {"weights": {"w": 1, "e": 1, "p": 1}, "beta": 0.5},
    "priority phrases weighted 5x": {"weights": {"w": 1, "e": 1, "p": 1}, "phrase_weight": 5.0},
    "ridge penalty 6": {"weights": {"w": 1, "e": 1, "p": 1}, "alpha": 6.0},
}


def main() -> None:
    framework, texts, vectors, gold, trusts = bench.fft_subcategories()
    splits = {}
    for train_trusts, test_trust in SPLITS:
        train = np.flatnonzero(np.isin(trusts, train_trusts))
        test = np.flatnonzero(trusts == test_trust)
        started = time.perf_counter()
        blocks = kernel_blocks(
            framework,
            [texts[i] for i in train],
            vectors[train],
            gold[train],
            [texts[i] for i in test],
            vectors[test],
        )
        name = f"{train_trusts[0][-1]} -> {test_trust[-1]}"
        splits[name] = (*blocks, len(train), gold[train], gold[test])
        print(f"kernels for {name} in {time.perf_counter() - started:.0f} s")
    for label, variant in VARIANTS.items():
        figures = [
            f"{n} {mi:.3f} / {ma:.3f}"
            for n, s in splits.items()
            for mi, ma in [evaluate(s, **variant)]
        ]
        print(f"{label:<50} " + " | ".join(figures), flush=True)


if __name__ == "__main__":
    main()
