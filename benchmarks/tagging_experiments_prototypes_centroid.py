"""Experiment (issue 22): a nearest-prototype (class centroid) score blended into the learner's
calibrated log-odds, on the development splits only.

    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/tagging_experiments_prototypes_centroid.py \
        [--splits 10]
    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/tagging_experiments_prototypes_centroid.py \
        --measure BETA,MIX [--splits 10]

Why: a priority with a handful of examples gets one linear ridge score over all features, and a
vote of 20 neighbours it rarely wins. A prototypical-network score asks instead how near a story
is to the mean of the priority's stories (few-shot classification by class centroid, Snell et
al. 2017), which needs no more than a few examples to point somewhere. Per priority, the
prototype is the normalised mean of its training stories' unit vectors, optionally mixed with
its own phrases' embedding (the learner's zero-shot prototype) at weight MIX; a story's score is
its cosine to the prototype. Training stories are scored without themselves (exact and cheap:
their vector is taken out of their own priority's sum). The score is Platt-calibrated per
priority on those scores and its log-odds are blended at weight BETA into the shipped learner's
calibrated log-odds (ridge and neighbours' vote, after the blend's own calibration; the
learner's held-out ones are read from its fit through a hook on `_calibrate_blend`), and the
blend is calibrated and cut per priority as the learner does for the vote. The shipped learner
is fitted once per split, unchanged, and is the reference; "beta 0" re-calibrates and re-cuts
its log-odds alone, to show what the extra calibration step does by itself.

Development splits are `benchmarks/tagging_within_trust.py`'s (Trust A and Trust B random 80/20,
N draws each, then A -> B and B -> A; packaged MiniLM); Trust C is never read there.
`--measure BETA,MIX` runs that one variant on `benchmarks/tagging_spread.py`'s Trust C splits
(shipped tagging encoder, sentences weighed) paired against the shipped learner: run it only for
a variant that passed on the development splits.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import f1_score

from benchmarks import tagging as bench
from benchmarks import tagging_spread as spread
from benchmarks.tagging_within_trust import splits as dev_splits
from nlp import embed
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import neighbours as tag_neighbours

BETAS = (0.15, 0.25, 0.5)
MIXES = (0.0, 0.5)  # weight of the priority's phrase embedding in its prototype
BANDS = ((0, 10), (10, 30), (30, 100), (100, None))
REFERENCE = "shipped learner (reference)"


@dataclass(frozen=True)
class Variant:
    beta: float  # weight of the prototype's log-odds beside the learner's
    mix: float  # weight of the priority's phrase embedding in its prototype

    @property
    def label(self) -> str:
        if self.beta == 0.0:
            return "beta 0: learner re-calibrated only (control)"
        phrases = f"phrases at {self.mix:g}" if self.mix else "stories only"
        return f"beta {self.beta:g}, {phrases}"


VARIANTS = [Variant(0.0, 0.0)] + [Variant(b, m) for m in MIXES for b in BETAS]


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True).clip(1e-9)


def _prototype(sums: np.ndarray, phrases: np.ndarray, mix: float) -> np.ndarray:
    """Unit prototype(s) from sums of unit story vectors, mixed with the phrase prototype(s)."""
    prototype = _unit(sums)
    return _unit((1.0 - mix) * prototype + mix * phrases) if mix else prototype


def centroid_scores(
    vectors: np.ndarray,
    labels: np.ndarray,
    phrases: np.ndarray,
    mix: float,
    queries: np.ndarray | None = None,
) -> np.ndarray:
    """Cosine of each story to each priority's prototype: of `queries` against prototypes of all
    the training `vectors`, or (without queries) of every training story against prototypes
    made without itself (a priority with no other story keeps only its phrases, or scores 0)."""
    stories = _unit(np.asarray(vectors, dtype=np.float64))
    sums = labels.T.astype(np.float64) @ stories
    prototypes = _prototype(sums, phrases, mix)
    if queries is not None:
        return _unit(np.asarray(queries, dtype=np.float64)) @ prototypes.T
    scores = stories @ prototypes.T
    for number in range(labels.shape[1]):
        own = np.flatnonzero(labels[:, number])
        without = _prototype(sums[number][None, :] - stories[own], phrases[number][None, :], mix)
        scores[own, number] = np.einsum("rd,rd->r", stories[own], without)
    return scores


@contextmanager
def recorded_blends() -> Iterator[list]:
    """While open, every `_calibrate_blend` call of a learner fit is recorded as (held-out
    scores, held-out vote log-odds, result): the fit's held-out log-odds are not otherwise kept."""
    calls: list = []
    original = tag_learner._calibrate_blend

    def recording(held_out, labels, learnt, vote_logits):
        result = original(held_out, labels, learnt, vote_logits)
        calls.append((held_out, vote_logits, result))
        return result

    tag_learner._calibrate_blend = recording
    try:
        yield calls
    finally:
        tag_learner._calibrate_blend = original


def _affine(values: np.ndarray, platt: np.ndarray) -> np.ndarray:
    return values * platt[None, :, 0] + platt[None, :, 1]


def held_out_logits(model: tag_learner.LearntTagger, calls: list) -> np.ndarray:
    """The fitted learner's final calibrated log-odds of its training stories, each held out
    (the recorded call whose blend calibration the learner kept: its chosen passage weight)."""
    held_out, vote_logits, result = next(c for c in calls if c[2][1] is model.blend_platt)
    ridge = _affine(held_out, result[0])
    blended = (1.0 - tag_neighbours.BLEND) * ridge + tag_neighbours.BLEND * vote_logits
    return _affine(blended, model.blend_platt)


def new_text_logits(model: tag_learner.LearntTagger, texts, vectors, passages) -> np.ndarray:
    """The learner's final calibrated log-odds of new texts, as `probabilities` computes them."""
    logits = _affine(model.decision(texts, vectors, passages), model.platt)
    return _affine(model.neighbours.blend(logits, vectors), model.blend_platt)


@dataclass
class Fitted:
    """One learner fit and what every variant needs from it."""

    model: tag_learner.LearntTagger
    held_out: np.ndarray  # the learner's held-out calibrated log-odds of its training stories
    test: np.ndarray  # its calibrated log-odds of the test stories
    probabilities: np.ndarray  # its test probabilities (zero-shot priorities' included)
    decided: np.ndarray  # its test decisions (the reference)
    seconds: float


def fit_learner(framework, texts, vectors, labels, encode, passages=None) -> Fitted:
    """The shipped learner fitted on the training rows, with its held-out log-odds recorded."""
    train_texts = texts["train"]
    started = time.perf_counter()
    with recorded_blends() as calls:
        model = tag_learner.fit(
            framework,
            framework.ids,
            train_texts,
            vectors["train"],
            labels,
            encode=encode,
            passages=None if passages is None else passages["train"],
        )
    seconds = time.perf_counter() - started
    test_passages = None if passages is None else passages["test"]
    decided, probabilities = model.predict(texts["test"], vectors["test"], test_passages)
    logits = new_text_logits(model, texts["test"], vectors["test"], test_passages)
    learnt = model.learnt
    if not np.allclose(tag_learner._sigmoid(logits[:, learnt]), probabilities[:, learnt]):
        raise AssertionError("the test log-odds do not reproduce the learner's probabilities")
    return Fitted(model, held_out_logits(model, calls), logits, probabilities, decided, seconds)


def variant_decisions(fitted: Fitted, variant: Variant, vectors, labels) -> np.ndarray:
    """Test decisions with the prototype's log-odds blended in at `variant.beta`, calibrated and
    cut per priority on the training stories' held-out blend, as the learner does for the vote."""
    model, learnt = fitted.model, fitted.model.learnt
    held, test = fitted.held_out, fitted.test
    if variant.beta:
        phrases = model.prototypes.astype(np.float64)
        train_scores = centroid_scores(vectors["train"], labels, phrases, variant.mix)
        test_scores = centroid_scores(
            vectors["train"], labels, phrases, variant.mix, vectors["test"]
        )
        platt = tag_learner._platts(train_scores, labels, learnt)
        held = (1.0 - variant.beta) * held + variant.beta * _affine(train_scores, platt)
        test = (1.0 - variant.beta) * test + variant.beta * _affine(test_scores, platt)
    platt, thresholds, _, _ = tag_learner._calibrate(held, labels, learnt)
    probabilities = fitted.probabilities.copy()
    probabilities[:, learnt] = tag_learner._sigmoid(_affine(test, platt))[:, learnt]
    decided = tag_learner._top(probabilities, learnt)
    return decided | (probabilities >= np.where(learnt, thresholds, 0.5)[None, :])


def per_priority(gold, decided, train_counts) -> list[tuple[int, float]]:
    """(training examples, F1) of every priority present in the test part."""
    scores = f1_score(gold, decided, average=None, zero_division=0)
    return [(int(train_counts[j]), float(scores[j])) for j in np.flatnonzero(gold.sum(axis=0))]


def band_line(label: str, rows: list[tuple[int, float]]) -> str:
    table = np.array(rows, dtype=float)
    cells = []
    for low, high in BANDS:
        inside = (table[:, 0] >= low) & ((table[:, 0] < high) if high else True)
        cells.append(f"{low}-{high or '…'}: {table[inside, 1].mean():.3f} ({int(inside.sum())})")
    return f"{label:<46} " + " | ".join(cells)


def development(draws: int) -> None:
    framework, texts, vectors, gold, trusts = bench.fft_subcategories()
    labels = [REFERENCE] + [v.label for v in VARIANTS]
    means: dict[str, dict[str, tuple[float, float]]] = {label: {} for label in labels}
    bands: dict[str, list] = {label: [] for label in labels}
    draws_of: dict[str, dict[str, np.ndarray]] = {label: {} for label in labels}
    fit_seconds, layer_seconds = [], []
    for name, pairs in dev_splits(trusts, draws):
        figures: dict[str, list] = {label: [] for label in labels}
        for train, test in pairs:
            part_texts = {"train": [texts[i] for i in train], "test": [texts[i] for i in test]}
            part_vectors = {"train": vectors[train], "test": vectors[test]}
            fitted = fit_learner(framework, part_texts, part_vectors, gold[train], embed.encode)
            fit_seconds.append(fitted.seconds)
            outcomes = {REFERENCE: fitted.decided}
            for variant in VARIANTS:
                started = time.perf_counter()
                outcomes[variant.label] = variant_decisions(
                    fitted, variant, part_vectors, gold[train]
                )
                layer_seconds.append(time.perf_counter() - started)
            counts = gold[train].sum(axis=0)
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
    print("\ndecision: macro +0.010 on both within-trust means, no macro loss across trusts,")
    print("micro down at most 0.005 on any of the four")
    reference = means[REFERENCE]
    for variant in VARIANTS[1:]:
        row = means[variant.label]
        gains = {n: (row[n][0] - reference[n][0], row[n][1] - reference[n][1]) for n in row}
        within = [n for n in gains if "80/20" in n]
        across = [n for n in gains if "80/20" not in n]
        passed = (
            all(gains[n][1] >= 0.010 for n in within)
            and all(gains[n][1] >= 0.0 for n in across)
            and all(gains[n][0] >= -0.005 for n in gains)
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
    print(
        f"\nlearner fit {np.mean(fit_seconds):.1f} s mean ({min(fit_seconds):.1f}–"
        f"{max(fit_seconds):.1f} s), prototype layer {np.mean(layer_seconds):.2f} s per variant"
    )


def measure(variant: Variant, splits: int) -> None:
    """The variant on `tagging_spread.py`'s Trust C splits, paired against the shipped learner."""
    framework, texts, _, gold, trusts = bench.fft_subcategories()
    inside = np.flatnonzero(trusts == "Trust C")
    texts_c, gold_c = [texts[i] for i in inside], gold[inside]
    encoder = spread.adapted(tag_encoder.WEIGHTS)
    vectors = bench.cached_embeddings(
        texts_c, encoder.cache_name("fft-trust-c"), encoder.encode, encoder.model
    )
    passages = bench.cached_passages(
        texts_c, encoder.cache_name("fft-trust-c-passages"), encoder.encode, encoder.model
    )
    shipped, tried, seconds = [], [], []
    for seed in spread.split_seeds(splits):
        train, test = spread.trust_c_split(np.arange(len(inside)), seed)
        part_texts = {"train": [texts_c[i] for i in train], "test": [texts_c[i] for i in test]}
        part_vectors = {"train": vectors[train], "test": vectors[test]}
        part_passages = {"train": passages.subset(train), "test": passages.subset(test)}
        fitted = fit_learner(
            framework,
            part_texts,
            part_vectors,
            gold_c[train],
            encoder.encode,
            part_passages,
        )
        started = time.perf_counter()
        decided = variant_decisions(fitted, variant, part_vectors, gold_c[train])
        seconds.append((fitted.seconds, time.perf_counter() - started))
        shipped.append(bench.f1_pair(gold_c[test], fitted.decided))
        tried.append(bench.f1_pair(gold_c[test], decided))
        print(
            f"  seed {seed:>2}: shipped {shipped[-1][0]:.3f} / {shipped[-1][1]:.3f}  "
            f"{variant.label} {tried[-1][0]:.3f} / {tried[-1][1]:.3f}  "
            f"(fit {seconds[-1][0]:.1f} s + {seconds[-1][1]:.2f} s)",
            flush=True,
        )
    print(spread.summary("shipped learner", shipped))
    print(spread.summary(variant.label, tried))
    difference = np.array(tried) - np.array(shipped)
    for name, column in zip(("micro", "macro"), difference.T, strict=True):
        print(
            f"paired, variant minus shipped, {name}: {column.mean():+.3f} ± "
            f"{column.std(ddof=1):.3f} (variant ahead in {int((column > 0).sum())}/"
            f"{len(column)}, behind in {int((column < 0).sum())})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=10, help="random draws per split")
    parser.add_argument("--measure", help="BETA,MIX: that variant on Trust C (e.g. 0.25,0.5)")
    args = parser.parse_args()
    if args.measure:
        beta, mix = (float(x) for x in args.measure.split(","))
        measure(Variant(beta, mix), args.splits)
    else:
        development(args.splits)


if __name__ == "__main__":
    main()
