"""Experiment (issue 22): priorities' descriptions expanded with the training texts' most
distinctive word n-grams (prototype augmentation), on the development splits only.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_experiments_prototypes.py

Why: a rare priority has few examples, and its zero-shot prototype (the mean embedding of its
title, description and examples) is written by whoever wrote the framework, not in the words
people use. The n-grams that most set a priority's training texts apart (log-odds ratio with
an informative Dirichlet prior, Monroe et al. 2008, over word 1-2-grams in at least two of its
texts) are added to its examples, so they both join the training rows as pseudo-examples and
pull its prototype towards how people say it. The shipped learner (`tag_learner.fit`, zero-shot
fallback included) is run unchanged on the original and on the expanded framework in the same
run, so the only difference is the framework.
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from benchmarks import tagging_experiments_common as common
from nlp.priorities import Framework

PRIOR_STRENGTH = 0.01  # Dirichlet prior: this share of the corpus counts spread over n-grams


def distinctive_ngrams(texts: list[str], labels: np.ndarray, top: int) -> list[list[str]]:
    """Per priority, the `top` word 1-2-grams whose log-odds ratio (this priority's texts
    against the rest) has the largest z-score, among n-grams in at least two of its texts."""
    vectorizer = CountVectorizer(ngram_range=(1, 2), min_df=2, stop_words="english", binary=True)
    counts = vectorizer.fit_transform(texts).tocsc().astype(np.float64)
    vocabulary = np.array(vectorizer.get_feature_names_out())
    total = np.asarray(counts.sum(axis=0)).ravel()
    prior = PRIOR_STRENGTH * total + 0.01
    prior_sum = prior.sum()
    chosen = []
    for j in range(labels.shape[1]):
        inside = labels[:, j].astype(bool)
        if not inside.any():
            chosen.append([])
            continue
        own = np.asarray(counts[inside].sum(axis=0)).ravel()
        rest = total - own
        n_own, n_rest = own.sum(), rest.sum()
        delta = np.log((own + prior) / (n_own + prior_sum - own - prior)) - np.log(
            (rest + prior) / (n_rest + prior_sum - rest - prior)
        )
        z = delta / np.sqrt(1 / (own + prior) + 1 / (rest + prior))
        z[own < 2] = -np.inf
        best = np.argsort(-z)[:top]
        chosen.append([str(vocabulary[k]) for k in best if np.isfinite(z[k]) and z[k] > 0])
    return chosen


def expanded(framework: Framework, ngrams: list[list[str]], only_below: int | None, counts):
    priorities = []
    for number, priority in enumerate(framework.priorities):
        extra = ngrams[number]
        if only_below is not None and counts[number] >= only_below:
            extra = []
        priorities.append(dataclasses.replace(priority, examples=(*priority.examples, *extra)))
    return dataclasses.replace(framework, priorities=tuple(priorities))


VARIANTS = {
    "5 n-grams per priority": (5, None),
    "10 n-grams per priority": (10, None),
    "20 n-grams per priority": (20, None),
    "10 n-grams, priorities with < 50 examples only": (10, 50),
}


def main() -> None:
    results: dict[str, dict[str, tuple[float, float]]] = {}
    seconds: dict[str, dict[str, float]] = {}
    for split in common.dev_splits():
        train_texts = [split.texts[i] for i in split.train]
        counts = split.train_gold.sum(axis=0)
        pair, took = common.shipped(split)
        results.setdefault("shipped learner (reference)", {})[split.name] = pair
        seconds.setdefault("shipped learner (reference)", {})[split.name] = took
        ngrams = distinctive_ngrams(train_texts, split.train_gold, 20)
        for label, (top, only_below) in VARIANTS.items():
            started = time.perf_counter()
            trimmed = [n[:top] for n in ngrams]
            framework = expanded(split.framework, trimmed, only_below, counts)
            pair, _ = common.shipped(split, framework)
            results.setdefault(label, {})[split.name] = pair
            seconds.setdefault(label, {})[split.name] = time.perf_counter() - started
        rare = int(np.argmin(np.where(counts >= 3, counts, 10**9)))
        print(
            f"{split.name}: e.g. {split.framework.ids[rare]} ({counts[rare]} examples): "
            f"{', '.join(ngrams[rare][:10])}",
            flush=True,
        )
    for label, row in results.items():
        timing = " ".join(f"{t:.1f} s" for t in seconds[label].values())
        print(common.line(label, row, timing))


if __name__ == "__main__":
    main()
