"""Which stories should an analyst review first so the stored tagger learns most per story?

    OMP_NUM_THREADS=1 PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/tagging_review_order.py \
        [--seeds 3] [--rounds 5] [--batch 100]

Development data only (FFT Trust A and Trust B, each alone; Trust C is never read). Per trust and
seed: 20 % held out as the test part; of the rest a random 25 % starts labelled, the remainder is
the unreviewed pool. Each round a strategy picks `--batch` pool stories, their gold labels are
added (the analyst's decisions), the learner is refitted and micro/macro-F1 on the test part is
recorded. Strategies:

- random: the pool in random order;
- least-certain proposal: today's `review_order` rule, the story whose least certain proposed
  learnt priority has its calibrated probability nearest 0.5 first (no learnt proposal: least
  certain);
- rare-seeking: highest max over priorities of p * (1 - p) / sqrt(1 + that priority's
  training examples) first, so doubt about a rare priority counts more than doubt about a
  common one;
- rare-seeking, proposals: the same score over the proposed learnt priorities only, the scores
  the tags table stores (what `review_order` can read without the model).

The decision rule, fixed before running: adopt rare-seeking only if its final macro-F1 beats
today's rule by at least 0.01 on each trust's mean and its micro-F1 is not lower by more than
0.005.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from nlp import embed
from nlp.tagging import learner

Strategy = Callable[
    [learner.LearntTagger, list[str], np.ndarray, np.ndarray, np.ndarray], np.ndarray
]


def random_order(model, texts, vectors, labelled_gold, rng) -> np.ndarray:
    return rng.permutation(len(texts))


def least_certain_proposal(model, texts, vectors, labelled_gold, rng) -> np.ndarray:
    """Today's rule: certainty = min |p - 0.5| over the learnt priorities the model proposes."""
    decided, probabilities = model.predict(texts, vectors)
    proposed = decided & model.learnt[None, :]
    sureness = np.where(proposed, np.abs(probabilities - 0.5), np.inf).min(axis=1)
    sureness[~np.isfinite(sureness)] = 0.0
    return np.argsort(sureness, kind="stable")


def rare_seeking(model, texts, vectors, labelled_gold, rng) -> np.ndarray:
    """Highest doubt p(1 - p), weighted by 1 / sqrt(1 + training examples), over priorities."""
    probabilities = model.probabilities(texts, vectors)
    weight = 1.0 / np.sqrt(1.0 + labelled_gold.sum(axis=0))
    doubt = (probabilities * (1.0 - probabilities) * weight[None, :]).max(axis=1)
    return np.argsort(-doubt, kind="stable")


def rare_seeking_proposals(model, texts, vectors, labelled_gold, rng) -> np.ndarray:
    """Rare-seeking from what the tags table holds: only the proposed learnt priorities'
    probabilities (a story with none first, as today's rule puts it)."""
    decided, probabilities = model.predict(texts, vectors)
    proposed = decided & model.learnt[None, :]
    weight = 1.0 / np.sqrt(1.0 + labelled_gold.sum(axis=0))
    doubt = np.where(proposed, probabilities * (1.0 - probabilities) * weight[None, :], -1.0)
    doubt = doubt.max(axis=1)
    doubt[doubt < 0] = np.inf
    return np.argsort(-doubt, kind="stable")


STRATEGIES: dict[str, Strategy] = {
    "random": random_order,
    "least-certain proposal": least_certain_proposal,
    "rare-seeking": rare_seeking,
    "rare-seeking, proposals": rare_seeking_proposals,
}


def fit(framework, texts, vectors, gold, rows) -> learner.LearntTagger:
    return learner.fit(
        framework,
        framework.ids,
        [texts[i] for i in rows],
        vectors[rows],
        gold[rows],
        encode=embed.encode,
    )


def simulate(framework, texts, vectors, gold, inside, seed, strategy, rounds, batch):
    """(rounds + 1, 2) micro/macro-F1 on the test part: the starting set, then each round."""
    rest, test = train_test_split(inside, test_size=0.2, random_state=seed)
    rng = np.random.default_rng(seed)
    rest = rng.permutation(rest)
    start = len(rest) // 4
    labelled, pool = list(rest[:start]), list(rest[start:])
    test_texts = [texts[i] for i in test]
    figures = []
    for round_number in range(rounds + 1):
        model = fit(framework, texts, vectors, gold, np.array(labelled))
        predicted = model.predict(test_texts, vectors[test])[0]
        figures.append(bench.f1_pair(gold[test], predicted))
        if round_number == rounds:
            break
        pool_rows = np.array(pool)
        order = strategy(
            model, [texts[i] for i in pool_rows], vectors[pool_rows], gold[labelled], rng
        )
        chosen = set(order[:batch].tolist())
        labelled += [pool[k] for k in sorted(chosen)]
        pool = [row for k, row in enumerate(pool) if k not in chosen]
    return np.array(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    framework, texts, vectors, gold, trusts = bench.fft_subcategories()
    began = time.perf_counter()
    results: dict[tuple[str, str], list[np.ndarray]] = {}
    for trust in ("Trust A", "Trust B"):
        inside = np.flatnonzero(trusts == trust)
        for seed in range(args.seeds):
            for name, strategy in STRATEGIES.items():
                figures = simulate(
                    framework, texts, vectors, gold, inside, seed, strategy, args.rounds, args.batch
                )
                results.setdefault((trust, name), []).append(figures)
                print(
                    f"{trust} seed {seed} {name}: final {figures[-1][0]:.3f} / "
                    f"{figures[-1][1]:.3f} ({time.perf_counter() - began:.0f} s)",
                    flush=True,
                )
    print("\nmacro / micro after each round (mean over seeds and both trusts); round 0 = start")
    means = {}
    for name in STRATEGIES:
        per_trust = [np.mean(results[(t, name)], axis=0) for t in ("Trust A", "Trust B")]
        means[name] = per_trust
        both = np.mean(per_trust, axis=0)
        cells = " | ".join(f"{macro:.3f} / {micro:.3f}" for micro, macro in both)
        print(f"{name:24s} {cells}")
    print("\nfinal macro / micro per trust, and gain over random")
    for name in STRATEGIES:
        cells = []
        for k, trust in enumerate(("Trust A", "Trust B")):
            micro, macro = means[name][k][-1]
            r_micro, r_macro = means["random"][k][-1]
            cells.append(
                f"{trust[-1]} {macro:.3f} / {micro:.3f} ({macro - r_macro:+.3f} / "
                f"{micro - r_micro:+.3f})"
            )
        print(f"{name:24s} " + " | ".join(cells))
    rule = means["least-certain proposal"]
    for name in ("rare-seeking", "rare-seeking, proposals"):
        rare = means[name]
        adopt = all(
            rare[k][-1][1] - rule[k][-1][1] >= 0.01 and rare[k][-1][0] - rule[k][-1][0] >= -0.005
            for k in range(2)
        )
        print(f"{name} beats today's rule by the fixed rule: {'yes' if adopt else 'no'}")


if __name__ == "__main__":
    main()
