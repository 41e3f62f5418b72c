"""Experiment (issue 22): training-time sentence rows, on the development splits only.

    OMP_NUM_THREADS=1 PYTHONPATH=. HF_HUB_OFFLINE=1 python \
        benchmarks/tagging_experiments_sentence_rows.py [--splits 10]

Why: macro-F1 is lost on priorities with fewer than 30 training comments. A comment of several
sentences often says its priority in one of them; as training rows of their own, its sentences
would give a rare priority more (and sharper) examples to learn from. So each training comment
with two or more sentences (`Passages.split`, the cut the app scores sentences by) also
contributes its sentences as extra ridge rows carrying the comment's label(s), at row weight W
(weighted ridge in the dual: the kernel's diagonal gets ALPHA / W on those rows, the same as
scaling their squared error by W), for every comment or only for those of a priority with fewer
than RARE training comments. Sentence vectors come through `benchmarks/tagging.py`'s cached
embeddings (`cached_passages`, packaged MiniLM, Trust A and B comments only).

Calibration and cut-offs stay honest: they are fitted on the comments' own held-out scores only,
and a comment's held-out score is exact leave-group-out: its score under the ridge fitted without
the comment and without its sentence rows (for the group S of rows, y_S - (G_SS)^-1 dual_S, with
G the inverse of the kernel plus the weighted ridge), so a comment is never scored by a model
that saw its own sentences. Everything else is the shipped learner's (`nlp.tagging.learner`):
words fitted on the comments and phrases, the phrases as rows, the neighbours' vote over the
comments, the zero-shot fallback. "weight 0" (no sentence rows) is a control: it must reproduce
the shipped learner exactly, and the run stops if it does not.

Development splits are `benchmarks/tagging_within_trust.py`'s (Trust A and Trust B random 80/20,
N draws each, then A -> B and B -> A; packaged MiniLM), as in
`benchmarks/tagging_experiments_prototypes_centroid.py`; Trust C is never read here (its rows
are dropped before anything is split or embedded).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import numpy as np

from benchmarks import tagging as bench
from benchmarks.tagging_experiments_prototypes_centroid import band_line, per_priority
from benchmarks.tagging_within_trust import splits as dev_splits
from nlp import embed
from nlp.tagging import learner as tag_learner
from nlp.tagging import neighbours as tag_neighbours

RARE = 30  # a priority with fewer training comments than this is "rare"
REFERENCE = "shipped learner (reference)"
DEV_TRUSTS = ("Trust A", "Trust B")


@dataclass(frozen=True)
class Variant:
    weight: float  # row weight of a sentence row in the ridge (0: no sentence rows)
    rare_only: bool  # sentence rows only from comments of a priority with < RARE comments

    @property
    def label(self) -> str:
        if self.weight == 0.0:
            return "weight 0: no sentence rows (control)"
        scope = f"rare (< {RARE}) only" if self.rare_only else "every comment"
        return f"sentence rows at {self.weight:g}, {scope}"


CONTROL = Variant(0.0, False)
VARIANTS = [Variant(w, rare) for rare in (False, True) for w in (1.0, 0.5, 0.25)]


def sentence_rows(passages: tag_learner.Passages, labels: np.ndarray, variant: Variant):
    """The passages that become training rows: (texts, vectors, owner comment's row)."""
    if variant.weight == 0.0 or not len(passages.owner):
        return [], np.zeros((0, embed.DIM), np.float32), np.zeros(0, np.int64)
    keep = np.ones(len(passages.owner), dtype=bool)
    if variant.rare_only:
        rare = labels.sum(axis=0) < RARE
        keep = (labels[passages.owner].astype(bool) & rare[None, :]).any(axis=1)
    chosen = np.flatnonzero(keep)
    return (
        [passages.texts[k] for k in chosen],
        passages.vectors[chosen],
        passages.owner[chosen],
    )


def _symmetric_entries(inverse: np.ndarray, rows: np.ndarray, cols: np.ndarray, lower: bool):
    """G[rows, cols] from a matrix whose one triangle (LAPACK potri's) holds the inverse."""
    first = np.maximum(rows, cols) if lower else np.minimum(rows, cols)
    second = np.minimum(rows, cols) if lower else np.maximum(rows, cols)
    return inverse[first, second]


def weighted_solve(blocks, targets, weights, groups: list[np.ndarray], texts: int):
    """Dual ridge with per-row weights (diagonal ALPHA / weight), as `learner._solve` otherwise:
    (coefficient parts, held-out scores of the first `texts` rows). Row i's held-out score
    leaves out its whole group (`groups[i]`, i first: the comment and its sentence rows)."""
    from scipy import linalg, sparse

    n = targets.shape[0]
    if n > tag_learner.DUAL_LIMIT:
        raise ValueError(f"{n} rows: above the dual limit, this experiment does not fold")
    kernel = np.ones((n, n), dtype=np.float32)
    for block in blocks:
        product = block @ block.T
        kernel += product.toarray() if sparse.issparse(product) else product.astype(np.float32)
    kernel[np.diag_indices(n)] += (tag_learner.ALPHA / weights).astype(np.float32)
    factor = linalg.cho_factor(kernel, overwrite_a=True, check_finite=False)
    dual = linalg.cho_solve(factor, targets.astype(np.float32), check_finite=False)
    (potri,) = linalg.lapack.get_lapack_funcs(("potri",), (factor[0],))
    inverse, info = potri(factor[0], lower=factor[1])
    if info != 0:
        raise ValueError("the kernel could not be inverted")
    diagonal = np.diag(inverse)
    # Alone in its group: the shipped learner's exact leave-one-out, to the same arithmetic.
    held_out = (targets - dual / diagonal[:, None]).astype(np.float64)[:texts]
    sizes = np.array([len(g) for g in groups])
    for size in np.unique(sizes[sizes > 1]):
        members = np.array([groups[i] for i in np.flatnonzero(sizes == size)])
        rows = np.repeat(members[:, :, None], size, axis=2)
        cols = np.repeat(members[:, None, :], size, axis=1)
        block = _symmetric_entries(inverse, rows, cols, factor[1]).astype(np.float64)
        residual = np.linalg.solve(block, dual[members].astype(np.float64))
        held_out[members[:, 0]] = targets[members[:, 0]] - residual[:, 0, :]
    parts = [np.asarray(block.T @ dual, dtype=np.float32) for block in blocks]
    return [*parts, dual.sum(axis=0, keepdims=True).astype(np.float32)], held_out


def fit(framework, texts, vectors, labels, passages, variant: Variant, encode=embed.encode):
    """The shipped learner (no passage weighing, as in these splits), with sentence rows."""
    started = time.perf_counter()
    ids = framework.ids
    labels = np.asarray(labels, dtype=np.int8)
    vectors = np.asarray(vectors, dtype=np.float32)
    prototypes = tag_learner.prototype_vectors(framework, ids, encode)
    phrase_texts, phrase_labels = tag_learner._phrase_rows(framework, ids)
    phrase_vectors = encode(phrase_texts)
    positives = labels.sum(axis=0)
    learnt = positives >= tag_learner.MIN_EXAMPLES
    s_texts, s_vectors, s_owner = sentence_rows(passages, labels, variant)

    words = tag_learner.Words.fit(list(texts) + phrase_texts)
    every_text = list(texts) + phrase_texts + s_texts
    every_vector = np.vstack([vectors, phrase_vectors, s_vectors])
    every_label = np.vstack([labels, phrase_labels, labels[s_owner]])
    blocks = tag_learner._blocks(words, every_text, every_vector, prototypes)
    first_sentence = len(texts) + len(phrase_texts)
    weights = np.ones(len(every_text))
    weights[first_sentence:] = variant.weight
    extra: list[list[int]] = [[] for _ in texts]
    for k, owner in enumerate(s_owner):
        extra[int(owner)].append(first_sentence + k)
    groups = [np.array([i, *more], dtype=np.int64) for i, more in enumerate(extra)]
    parts, held_out = weighted_solve(blocks, 2.0 * every_label - 1.0, weights, groups, len(texts))

    neighbours = vote_logits = None
    if tag_neighbours.BLEND > 0:
        neighbours = tag_neighbours.Neighbours(
            vectors=vectors.astype(np.float16),
            labels=labels,
            platt=np.tile(np.array([1.0, 0.0], dtype=np.float32), (labels.shape[1], 1)),
        )
        vote = neighbours.votes(neighbours.vectors, leave_one_out=True)
        neighbours.platt = tag_learner._platts(vote, labels, learnt)
        vote_logits = vote * neighbours.platt[None, :, 0] + neighbours.platt[None, :, 1]
    platt, blend_platt, thresholds, _, _ = tag_learner._calibrate_blend(
        held_out, labels, learnt, vote_logits
    )
    similarity = vectors @ prototypes.T
    ranked = -np.sort(-similarity, axis=0)
    similarity_cuts = ranked[np.clip(positives - 1, 0, len(texts) - 1), np.arange(len(ids))]
    coef_words, coef_vector, coef_prior, intercept = parts
    return tag_learner.LearntTagger(
        priority_ids=list(ids),
        words=words,
        prototypes=prototypes,
        coef_words=coef_words,
        coef_vector=coef_vector,
        coef_prior=coef_prior,
        intercept=intercept,
        platt=platt,
        thresholds=thresholds,
        learnt=learnt,
        similarity_cuts=similarity_cuts.astype(np.float32),
        version="experiment/sentence-rows",
        training_seconds=round(time.perf_counter() - started, 2),
        neighbours=neighbours,
        blend_platt=blend_platt,
    ), len(s_texts)


def development(draws: int) -> None:
    framework, every_text, every_vector, every_gold, every_trust = bench.fft_subcategories()
    dev = np.flatnonzero(np.isin(every_trust, DEV_TRUSTS))  # Trust C dropped here, unread
    texts = [every_text[i] for i in dev]
    vectors, gold, trusts = every_vector[dev], every_gold[dev], every_trust[dev]
    passages = bench.cached_passages(texts, "fft-dev-passages", embed.encode, "")
    print(
        f"{len(texts)} development comments, {len(passages.owner)}"
        f" sentences from {len(np.unique(passages.owner))} comments of two or more",
        flush=True,
    )
    labels = [REFERENCE, CONTROL.label] + [v.label for v in VARIANTS]
    means: dict[str, dict[str, tuple[float, float]]] = {label: {} for label in labels}
    bands: dict[str, list] = {label: [] for label in labels}
    draws_of: dict[str, dict[str, np.ndarray]] = {label: {} for label in labels}
    seconds: dict[str, list[float]] = {label: [] for label in labels}
    added: dict[str, list[int]] = {label: [] for label in labels}
    for name, pairs in dev_splits(trusts, draws):
        figures: dict[str, list] = {label: [] for label in labels}
        for train, test in pairs:
            train_texts, test_texts = [texts[i] for i in train], [texts[i] for i in test]
            started = time.perf_counter()
            shipped = tag_learner.fit(
                framework, framework.ids, train_texts, vectors[train], gold[train], embed.encode
            )
            seconds[REFERENCE].append(time.perf_counter() - started)
            outcomes = {REFERENCE: shipped.predict(test_texts, vectors[test])[0]}
            train_passages = passages.subset(train)
            for variant in [CONTROL, *VARIANTS]:
                started = time.perf_counter()
                model, rows = fit(
                    framework, train_texts, vectors[train], gold[train], train_passages, variant
                )
                seconds[variant.label].append(time.perf_counter() - started)
                added[variant.label].append(rows)
                outcomes[variant.label] = model.predict(test_texts, vectors[test])[0]
            if not np.array_equal(outcomes[CONTROL.label], outcomes[REFERENCE]):
                raise AssertionError("the control does not reproduce the shipped learner")
            counts = gold[train].sum(axis=0)
            print(f"  {name} draw {len(figures[REFERENCE]) + 1} done", flush=True)
            for label, decided in outcomes.items():
                figures[label].append(bench.f1_pair(gold[test], decided))
                if "80/20" in name:
                    bands[label] += per_priority(gold[test], decided, counts)
        for label in labels:
            micro, macro = np.mean(figures[label], axis=0)
            means[label][name] = (float(micro), float(macro))
            draws_of[label][name] = np.array(figures[label])
        shown = {label: means[label][name] for label in labels}
        print(f"{name}: " + "; ".join(f"{k} {a:.3f} / {b:.3f}" for k, (a, b) in shown.items()))
    print("\nmicro / macro-F1 (within-trust: mean over the draws)")
    for label in labels:
        cells = " | ".join(f"{n} {a:.3f} / {b:.3f}" for n, (a, b) in means[label].items())
        print(f"{label:<46} {cells}")
    print("\ndecision: mean paired macro +0.010 on both within-trust means (A 80/20, B 80/20),")
    print("micro down at most 0.005 on any of the four")
    for variant in VARIANTS:
        gains = {}
        for name in means[REFERENCE]:
            paired = draws_of[variant.label][name] - draws_of[REFERENCE][name]
            gains[name] = paired.mean(axis=0)
        within = [n for n in gains if "80/20" in n]
        passed = all(gains[n][1] >= 0.010 for n in within) and all(
            gains[n][0] >= -0.005 for n in gains
        )
        cells = " | ".join(f"{n} {a:+.3f} / {b:+.3f}" for n, (a, b) in gains.items())
        print(f"{variant.label:<46} {cells}  {'PASS' if passed else 'fail'}")
        for name in within:
            paired = draws_of[variant.label][name] - draws_of[REFERENCE][name]
            print(
                f"{'':<46}   {name} paired macro {paired[:, 1].mean():+.3f} ± "
                f"{paired[:, 1].std(ddof=1) if len(paired) > 1 else 0.0:.3f}, ahead in "
                f"{int((paired[:, 1] > 0).sum())}/{len(paired)} draws, behind in "
                f"{int((paired[:, 1] < 0).sum())}"
            )
    print("\nmacro-F1 by training examples (within-trust test parts; priorities x draws)")
    for label in labels:
        print(band_line(label, bands[label]))
    print("\nfit seconds (mean, min-max) and sentence rows added (mean)")
    for label in labels:
        s = seconds[label]
        rows = f", {np.mean(added[label]):.0f} sentence rows" if added[label] else ""
        print(f"{label:<46} {np.mean(s):.1f} s ({min(s):.1f}-{max(s):.1f}){rows}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=10, help="random draws per split")
    args = parser.parse_args()
    development(args.splits)


if __name__ == "__main__":
    main()
