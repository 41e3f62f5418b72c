"""Experiment (issue 22): an ensemble of tagging encoders adapted with different seeds.

    OMP_NUM_THREADS=1 PYTHONPATH=. HF_HUB_OFFLINE=1 python \
        benchmarks/tagging_experiments_encoder_ensemble.py \
        --weights nlp/data/tag_encoder.npz /tmp/encens/ab_seed1.npz /tmp/encens/ab_seed2.npz \
        [--splits 10] [--care-opinion]

Why: two adaptations of the encoder on Trust A + B that differ only by their seed differ by
about 0.008 macro-F1 on an unseen organisation (docs/measured/tagging.md, twenty-first
session), so the adaptation has seed variance, and averaging adaptations may remove some of it.
The first encoder of `--weights` (the shipped one) is the reference; the ensembles are of its
first 2 and of all 3 encoders, each fed to the unchanged learner in two ways:

- vectors: each text's (and sentence's, and phrase's) vector is the mean of the encoders'
  normalised vectors, normalised again (the learner's blocks and prototypes expect unit
  vectors); one fit.
- probabilities: one fit per encoder on its own vectors, the calibrated probabilities averaged.
  Each fit's cut-offs belong to its own probabilities, so the ensemble cuts the average at the
  average of the fits' cut-offs (a cut above 1, "only as the top one", stays so only where every
  fit has it), and as the learner does, each text also gets its most probable learnt priority.

Measured as `benchmarks/tagging_spread.py` measures (its functions): Trust C, which no encoder
was adapted on and no setting here was chosen on, over its ten random 80/20 splits, each
variant paired with the shipped encoder on the same split; `--care-opinion` adds the Care
Opinion 70/30 split (seed 42). Each member alone is printed too, as the seed-variance control.
Also timed: embedding Trust C's comments with one encoder against with the ensemble.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from benchmarks import tagging_spread as spread
from nlp import embed
from nlp.tagging import learner as tag_learner

SIZES = (2, 3)  # ensembles of the first 2 and of all 3 encoders


@dataclass(frozen=True)
class Embedded:
    """One set of rows embedded by one encoder: the texts' vectors and their sentences."""

    vectors: np.ndarray
    passages: tag_learner.Passages


def averaged_encode(members: list[spread.Encoder]) -> Callable[[list[str]], np.ndarray]:
    """An encode function giving the normalised mean of the members' normalised vectors."""

    def encode(texts: list[str]) -> np.ndarray:
        return embed._normalise(np.mean([m.encode(texts) for m in members], axis=0))

    return encode


def averaged(members: list[spread.Encoder], embedded: list[Embedded]) -> Embedded:
    """The members' cached vectors averaged as `averaged_encode` would embed them."""
    first = embedded[0].passages
    return Embedded(
        embed._normalise(np.mean([e.vectors for e in embedded], axis=0)),
        tag_learner.Passages(
            texts=first.texts,
            vectors=embed._normalise(np.mean([e.passages.vectors for e in embedded], axis=0)),
            owner=first.owner,
        ),
    )


def embed_rows(encoder: spread.Encoder, texts: list[str], rows: str) -> Embedded:
    return Embedded(
        bench.cached_embeddings(texts, encoder.cache_name(rows), encoder.encode, encoder.model),
        bench.cached_passages(
            texts, encoder.cache_name(f"{rows}-passages"), encoder.encode, encoder.model
        ),
    )


def fit(framework, encode, texts, embedded: Embedded, gold, train):
    return tag_learner.fit(
        framework,
        framework.ids,
        [texts[i] for i in train],
        embedded.vectors[train],
        gold[train],
        encode=encode,
        passages=embedded.passages.subset(train),
    )


def probabilities(model, texts, embedded: Embedded, test) -> np.ndarray:
    return model.probabilities(
        [texts[i] for i in test], embedded.vectors[test], embedded.passages.subset(test)
    )


def averaged_decisions(models: list, probabilities_of: list[np.ndarray]) -> np.ndarray:
    """The learner's decision rule applied to the mean of the fits' probabilities, at the mean
    of their cut-offs (0.5 for a zero-shot priority, as `LearntTagger.predict`)."""
    learnt = models[0].learnt
    mean = np.mean(probabilities_of, axis=0)
    cuts = np.mean([np.where(m.learnt, m.thresholds, 0.5) for m in models], axis=0)
    return tag_learner._top(mean, learnt) | (mean >= cuts[None, :])


def variants(encoders, embedded, framework, texts, gold, train, test) -> dict[str, np.ndarray]:
    """Every variant's decisions on `test`, fitted on `train`: each member alone, then the
    ensembles of vectors and of probabilities."""
    decided: dict[str, np.ndarray] = {}
    models, probs = [], []
    for encoder, rows in zip(encoders, embedded, strict=True):
        models.append(fit(framework, encoder.encode, texts, rows, gold, train))
        probs.append(probabilities(models[-1], texts, rows, test))
        decided[encoder.label] = averaged_decisions(models[-1:], probs[-1:])
    for size in SIZES:
        members = encoders[:size]
        rows = averaged(members, embedded[:size])
        model = fit(framework, averaged_encode(members), texts, rows, gold, train)
        decided[f"mean vectors of {size}"] = averaged_decisions(
            [model], [probabilities(model, texts, rows, test)]
        )
        decided[f"mean probabilities of {size}"] = averaged_decisions(models[:size], probs[:size])
    return decided


def gains(name: str, figures, reference) -> str:
    """A variant's figures minus the reference's, split by split: mean ± sd, splits ahead."""
    micro, macro = (np.array(figures) - np.array(reference)).T
    return (
        f"{name:<30} micro {micro.mean():+.3f} ± {micro.std(ddof=1):.3f} "
        f"(ahead in {int((micro > 0).sum())}/{len(micro)})  macro {macro.mean():+.3f} ± "
        f"{macro.std(ddof=1):.3f} (ahead in {int((macro > 0).sum())}/{len(macro)})"
    )


def trust_c(encoders: list[spread.Encoder], splits: int) -> None:
    framework, texts, _, gold, trusts = bench.fft_subcategories()
    inside_c = np.flatnonzero(trusts == "Trust C")
    texts_c, gold_c = [texts[i] for i in inside_c], gold[inside_c]
    embedded = [embed_rows(encoder, texts_c, "fft-trust-c") for encoder in encoders]
    figures: dict[str, list[tuple[float, float]]] = {}
    print(f"Trust C alone, random 80/20, {splits} splits; micro / macro per variant")
    for seed in spread.split_seeds(splits):
        train, test = spread.trust_c_split(np.arange(len(inside_c)), seed)
        started = time.perf_counter()
        decided = variants(encoders, embedded, framework, texts_c, gold_c, train, test)
        line = [f"  seed {seed:>2} ({time.perf_counter() - started:.0f} s):"]
        for name, decisions in decided.items():
            figures.setdefault(name, []).append(bench.f1_pair(gold_c[test], decisions))
            line.append("{:.3f} / {:.3f}".format(*figures[name][-1]))
        print("  ".join(line), flush=True)
    print("columns: " + ", ".join(figures))
    for name, measured in figures.items():
        print(spread.summary(name, measured))
    reference = figures[encoders[0].label]
    print(f"paired, each minus {encoders[0].label}:")
    for name, measured in list(figures.items())[1:]:
        print(gains(name, measured, reference))


def care_opinion(encoders: list[spread.Encoder]) -> None:
    rows = bench.read_rows(bench.DEFAULT_DATA)
    framework = bench.fft_subcategories()[0]
    majors_of = {row["code"]: row["label"].strip() for row in rows}
    texts, gold = bench.care_opinion(framework, majors_of)
    train, test = train_test_split(np.arange(len(texts)), test_size=0.3, random_state=bench.SEED)
    embedded = [embed_rows(encoder, texts, "care_opinion") for encoder in encoders]
    decided = variants(encoders, embedded, framework, texts, gold, train, test)
    print(f"\nCare Opinion 70/30 (seed {bench.SEED}): {len(train)} training, {len(test)} test")
    for name, decisions in decided.items():
        micro, macro = bench.f1_pair(gold[test], decisions)
        print(f"  {name:<30} micro {micro:.3f}  macro {macro:.3f}")


def embedding_cost(encoders: list[spread.Encoder], sample: int = 600) -> None:
    """Seconds to embed the same Trust C comments with one encoder and with each ensemble."""
    _, texts, _, _, trusts = bench.fft_subcategories()
    chosen = [texts[i] for i in np.flatnonzero(trusts == "Trust C")[:sample]]
    encoders[0].encode(chosen[:20])  # warm up
    print(f"\nembedding {len(chosen)} Trust C comments:")
    for size in (1, *SIZES):
        started = time.perf_counter()
        averaged_encode(encoders[:size])(chosen)
        print(f"  {size} encoder(s): {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=Path, nargs=3, required=True)
    parser.add_argument("--splits", type=int, default=10)
    parser.add_argument("--care-opinion", action="store_true")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(1)  # another job shares the 2 cores
    encoders = [spread.adapted(path) for path in args.weights]
    trust_c(encoders, args.splits)
    if args.care_opinion:
        care_opinion(encoders)
    embedding_cost(encoders)


if __name__ == "__main__":
    main()
