"""How far one random split's figures can be trusted: the issue's protocol over many splits.

    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/tagging_spread.py [--splits 10]
        [--weights NPZ [NPZ ...]] [--frozen] [--care-opinion]

`benchmarks/tagging.py` measures the issue's protocol (a random 80/20 split inside one
organisation, Trust C, whose labels neither the settings nor the tagging encoder saw) on one
split, seed 42. With 881 test comments and 34 codes, most of them with one to five test
comments, one split's macro-F1 is a small, noisy sample. This draws the same split with other
seeds and prints, per split and as mean, standard deviation and range, the shipped tagger (the
tagging encoder, sentences weighed as in the app) beside the baseline TF-IDF + LinearSVC in the
same split. Nothing is chosen here: it only reports the spread of the measurement.

`--weights` measures other adapted encoders (`nlp.tagging.encoder_training --out`) with the
same learner on the same splits, the first one listed (the shipped weights unless given) the
reference; `--frozen` adds the packaged MiniLM. Each other encoder's paired difference from
the reference is printed per split and summed up, so two encoders are compared on equal
splits rather than by two noisy means. `--care-opinion` adds each encoder's Care Opinion 70/30
split (seed 42, as `benchmarks/tagging.py`), a framework no encoder was adapted on. Only the
rows measured are embedded (Trust C, Care Opinion), cached in benchmarks/out/ by encoder.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from nlp import embed
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner


@dataclass(frozen=True)
class Encoder:
    """An encoder the splits are measured with: its label, how it embeds texts, and the name
    that keys its cached vectors."""

    label: str
    encode: Callable[[list[str]], np.ndarray]
    model: str

    def cache_name(self, rows: str) -> str:
        return f"{rows}-{hashlib.sha256(self.model.encode()).hexdigest()[:10]}"


def adapted(path: Path) -> Encoder:
    """The packaged MiniLM with the differences stored at `path` added."""
    transformer = tag_encoder.load_transformer(path)
    return Encoder(
        path.name, partial(tag_encoder.encode_with, transformer), tag_encoder.model_id(path)
    )


FROZEN = Encoder("packaged MiniLM (frozen)", embed.encode, embed.MODEL_ID)


def summary(name: str, figures: list[tuple[float, float]]) -> str:
    """Mean ± standard deviation and range of micro- and macro-F1 over the splits."""
    micro, macro = np.array(figures).T
    return (
        f"{name:<34} micro {micro.mean():.3f} ± {micro.std(ddof=1):.3f} "
        f"({micro.min():.3f}–{micro.max():.3f})  macro {macro.mean():.3f} ± "
        f"{macro.std(ddof=1):.3f} ({macro.min():.3f}–{macro.max():.3f})"
    )


def paired(name: str, figures, reference) -> str:
    """The reference's figures minus another encoder's, split by split: mean ± sd and how many
    splits the reference wins."""
    difference = np.array(reference) - np.array(figures)
    micro, macro = difference.T
    return (
        f"{name:<34} micro {micro.mean():+.3f} ± {micro.std(ddof=1):.3f} "
        f"(reference ahead in {int((micro > 0).sum())}/{len(micro)})  macro "
        f"{macro.mean():+.3f} ± {macro.std(ddof=1):.3f} "
        f"(ahead in {int((macro > 0).sum())}/{len(macro)})"
    )


def split_seeds(splits: int) -> list[int]:
    """The seeds of the first `splits` splits: `benchmarks/tagging.py`'s 42, then 1, 2, ..."""
    return [bench.SEED, *range(1, splits)]


def trust_c_split(rows: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The issue's random 80/20 split of Trust C's rows: (training rows, test rows)."""
    return train_test_split(rows, test_size=0.2, random_state=seed)


def fit_and_decide(framework, encoder: Encoder, texts, vectors, passages, gold, train, test):
    """The learner as the app fits it (sentences weighed) on `train`, its decisions on `test`."""
    model = tag_learner.fit(
        framework,
        framework.ids,
        [texts[i] for i in train],
        vectors[train],
        gold[train],
        encode=encoder.encode,
        passages=passages.subset(train),
    )
    return model.predict([texts[i] for i in test], vectors[test], passages.subset(test))[0]


def trust_c_splits(encoders: list[Encoder], splits: int) -> None:
    framework, texts, _, gold, trusts = bench.fft_subcategories()
    inside_c = np.flatnonzero(trusts == "Trust C")
    texts_c, gold_c = [texts[i] for i in inside_c], gold[inside_c]
    rows = np.arange(len(inside_c))
    embedded = []
    for encoder in encoders:
        vectors = bench.cached_embeddings(
            texts_c, encoder.cache_name("fft-trust-c"), encoder.encode, encoder.model
        )
        passages = bench.cached_passages(
            texts_c, encoder.cache_name("fft-trust-c-passages"), encoder.encode, encoder.model
        )
        embedded.append((vectors, passages))
    seeds = split_seeds(splits)
    figures: list[list[tuple[float, float]]] = [[] for _ in encoders]
    base = []
    print(f"Trust C alone, random 80/20, {len(seeds)} splits (seed {bench.SEED} is tagging.py's)")
    for seed in seeds:
        train, test = trust_c_split(rows, seed)
        line = [f"  seed {seed:>2}:"]
        for number, encoder in enumerate(encoders):
            vectors, passages = embedded[number]
            started = time.perf_counter()
            decided = fit_and_decide(
                framework, encoder, texts_c, vectors, passages, gold_c, train, test
            )
            figures[number].append(bench.f1_pair(gold_c[test], decided))
            micro, macro = figures[number][-1]
            line.append(f"{micro:.3f} / {macro:.3f} ({time.perf_counter() - started:.0f} s)")
        base.append(
            bench.f1_pair(
                gold_c[test],
                bench.baseline(
                    [texts_c[i] for i in train], gold_c[train], [texts_c[i] for i in test]
                ),
            )
        )
        line.append(f"baseline {base[-1][0]:.3f} / {base[-1][1]:.3f}")
        line.append(f"codes in test {int((gold_c[test].sum(0) > 0).sum())}")
        print("  ".join(line), flush=True)
    print("columns: " + ", ".join(e.label for e in encoders))
    for encoder, measured in zip(encoders, figures, strict=True):
        print(summary(encoder.label, measured))
    print(summary("baseline TF-IDF + LinearSVC", base))
    if len(encoders) > 1:
        print(f"paired, {encoders[0].label} minus:")
        for encoder, measured in zip(encoders[1:], figures[1:], strict=True):
            print(paired(encoder.label, measured, figures[0]))


def care_opinion_split(encoders: list[Encoder]) -> None:
    """Each encoder on `benchmarks/tagging.py`'s Care Opinion 70/30 split."""
    rows = bench.read_rows(bench.DEFAULT_DATA)
    framework = bench.fft_subcategories()[0]
    majors_of = {row["code"]: row["label"].strip() for row in rows}
    texts, gold = bench.care_opinion(framework, majors_of)
    train, test = train_test_split(np.arange(len(texts)), test_size=0.3, random_state=bench.SEED)
    print(f"\nCare Opinion 70/30 (seed {bench.SEED}): {len(train)} training, {len(test)} test")
    for encoder in encoders:
        vectors = bench.cached_embeddings(
            texts, encoder.cache_name("care_opinion"), encoder.encode, encoder.model
        )
        passages = bench.cached_passages(
            texts, encoder.cache_name("care_opinion-passages"), encoder.encode, encoder.model
        )
        started = time.perf_counter()
        decided = fit_and_decide(framework, encoder, texts, vectors, passages, gold, train, test)
        micro, macro = bench.f1_pair(gold[test], decided)
        print(
            f"  {encoder.label:<34} micro {micro:.3f}  macro {macro:.3f}  "
            f"(fit {time.perf_counter() - started:.0f} s)"
        )
    test_texts = [texts[i] for i in test]
    base = bench.baseline([texts[i] for i in train], gold[train], test_texts)
    micro, macro = bench.f1_pair(gold[test], base)
    print(f"  {'baseline TF-IDF + LinearSVC':<34} micro {micro:.3f}  macro {macro:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=10, help="random splits (seed 42 first)")
    parser.add_argument(
        "--weights",
        type=Path,
        nargs="+",
        default=[tag_encoder.WEIGHTS],
        help="adapted encoders' differences, the first the reference "
        "(e.g. --weights nlp/data/tag_encoder.npz /tmp/a.npz)",
    )
    parser.add_argument("--frozen", action="store_true", help="add the packaged MiniLM")
    parser.add_argument("--care-opinion", action="store_true", help="add Care Opinion 70/30")
    args = parser.parse_args()
    if args.splits < 2:
        parser.error("--splits needs at least 2 to show a spread")
    encoders = [adapted(path) for path in args.weights] + ([FROZEN] if args.frozen else [])
    trust_c_splits(encoders, args.splits)
    if args.care_opinion:
        care_opinion_split(encoders)


if __name__ == "__main__":
    main()
