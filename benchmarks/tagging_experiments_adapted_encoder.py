"""Experiment (issue 22): adapt MiniLM once, offline, to labelled NHS feedback, then run the
unchanged learner (`nlp.tagging.learner.fit`) on the adapted sentence vectors.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python \
        benchmarks/tagging_experiments_adapted_encoder.py [--measure [--previous OLD.npz]]
        [--epochs N] [--rate R] [--smoothing S] [--major-weight W] [--contrastive-weight W]

Why: every learner variant in docs/measured/tagging.md moved the dev figures by noise, so the frozen
general-purpose encoder looked like the limit. Fine-tuning per fit is too slow (> 60 s), but the
encoder could be adapted once to patient-feedback language and shipped, leaving each
organisation's fit a fast ridge. This script tests that on the development protocol only:

- encoder adapted on Trust A's labels -> learner Trust A -> B; adapted on Trust B -> B -> A
  (the ridge then trains on texts the encoder saw, as when the shipped weights are adapted on
  all of FFT and an FFT-like framework is tagged);
- the deployment case proper, an organisation the encoder never saw: adapted on Trust A ->
  learner on a 50/50 split of Trust B, adapted on Trust B -> 50/50 split of Trust A;
- Care Opinion 70/30 (long stories, coded per story) with the encoder adapted on one trust's
  short comments: does the adaptation transfer beyond the codes it saw?

Every row has the frozen encoder beside it, embedded by the same code in the same run. Trust C
is read only with --measure (A + B adapted, A + B -> C and Care Opinion, once).

Adaptation (`nlp.tagging.encoder_training.adapt`): mean pooling, cosine-softmax cross-entropy over
the trust's subcategories (the head's rows start at each subcategory's phrase prototype and are
thrown away; only the encoder ships), 2 epochs, torch on one thread. Dev rows are measured
through the stored differences (`nlp.tagging.encoder.save`, int8 rows) and back, as they would ship.

Figures (micro / macro-F1; the learner's fit includes embedding the priorities' phrases):

    dev (2026-12-03, load average 4-6)    frozen          all layers      layers 3-5 only
    A -> B (encoder adapted on A)         0.538 / 0.342   0.572 / 0.372   0.552 / 0.346
    B 50/50, encoder adapted on A         0.601 / 0.338   0.622 / 0.399   0.610 / 0.348
    Care Opinion, encoder adapted on A    0.440 / 0.227   0.457 / 0.266
    B -> A (encoder adapted on B)         0.435 / 0.299   0.476 / 0.329
    A 50/50, encoder adapted on B         0.475 / 0.312   0.512 / 0.342
    Care Opinion, encoder adapted on B    0.440 / 0.227   0.463 / 0.258

    measure, once (--measure: the shipped weights, adapted on Trust A + B only)
    A + B -> C                            0.694 / 0.349   0.716 / 0.401  (fit 31 s / 37 s, busy)
    Care Opinion 70/30                    0.440 / 0.227   0.461 / 0.269

    --frozen-wordpieces (all layers, the wordpiece table left as packaged; 10.2 MB each):
    A -> B 0.571 / 0.371, B 50/50 0.625 / 0.399, Care Opinion 0.451 / 0.265 (adapted on A);
    B -> A 0.475 / 0.327, A 50/50 0.511 / 0.342, Care Opinion 0.464 / 0.258 (adapted on B):
    the same as training the table too, within 0.006.

    next round, each variant with the table frozen, FFT rows only (--no-care-opinion; B not
    run where A already showed no gain): micro / macro, A -> B; B 50/50 | B -> A; A 50/50
    --epochs 3                 0.568 / 0.375; 0.625 / 0.395 | not run
    --contrastive-weight 0.5   0.565 / 0.362; 0.616 / 0.387 | not run
    --major-weight 0.5         0.571 / 0.371; 0.625 / 0.399 | 0.472 / 0.322; 0.511 / 0.341
    --smoothing 0.1            0.570 / 0.366; 0.620 / 0.384 | not run
    --rate 5e-5                0.569 / 0.373; 0.636 / 0.406 | 0.480 / 0.333; 0.515 / 0.348
    None beat the frozen-table row on both by more than noise (0.005 micro / 0.015 macro; 5e-5
    gained a little on three rows of four, A -> B not), so it ships
    (Settings(wordpieces=False)); measured once beside the first weights (--previous):
    A + B -> C 0.715 / 0.394 (first weights 0.716 / 0.401, frozen 0.694 / 0.349), Care Opinion
    0.463 / 0.267 (0.461 / 0.269, frozen 0.440 / 0.227).

    learning rate retried (2026-12-03, load average 6-12; --no-care-opinion, one run per
    setting, run back to back; the shipped row reproduced the rows above to the digit, and
    5e-5 its earlier run): A -> B; B 50/50 | B -> A; A 50/50
    shipped (3e-5)             0.571 / 0.371; 0.625 / 0.399 | 0.475 / 0.327; 0.511 / 0.342
    --rate 5e-5                0.569 / 0.373; 0.636 / 0.406 | 0.480 / 0.333; 0.515 / 0.348
    --rate 4e-5                0.569 / 0.374; 0.631 / 0.404 | 0.478 / 0.326; 0.513 / 0.344
    Neither gains on both dev splits (A -> B micro falls 0.002 with each; 4e-5 also loses
    0.001 macro on B -> A): the shipped weights stay. 5e-5 gains on three rows of four
    (+0.004 to +0.011 micro, +0.006 to +0.007 macro), beyond noise on one (B 50/50 micro)
    only. Each adaptation took 398-464 s on one trust.

Adapting all layers took 223-227 s on one trust (2,625 / 3,307 comments), 675 s on A + B
(5,932), one thread on a machine at load average 4-6; layers 3-5 alone took 142 s on Trust A
and gained half as much, so all layers ship (12.2 MB of int8 differences; float16 would be
25 MB).
"""

from __future__ import annotations

import argparse
import copy
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from nlp import embed
from nlp.priorities import load_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import encoder_training as training
from nlp.tagging import learner as tag_learner


class Encoder:
    """A transformer's vectors (`nlp.embed.encode`'s recipe), cached per text: the learner
    embeds the priorities' phrases with it too."""

    def __init__(self, transformer) -> None:
        self.transformer = transformer
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            vectors = tag_encoder.encode_with(self.transformer, missing)
            self.cache.update(zip(missing, vectors, strict=True))
        if not texts:
            return np.zeros((0, embed.DIM), dtype=np.float32)
        return np.vstack([self.cache[t] for t in texts])


def learner(encoder: Encoder, framework, train_texts, train_gold, test_texts, test_gold):
    """The shipped learner, unchanged, with `encoder`'s vectors everywhere: (micro, macro), s."""
    train_vectors = encoder.encode(train_texts)
    test_vectors = encoder.encode(test_texts)
    started = time.perf_counter()
    model = tag_learner.fit(
        framework, framework.ids, train_texts, train_vectors, train_gold, encode=encoder.encode
    )
    seconds = time.perf_counter() - started
    decided = model.predict(test_texts, test_vectors)[0]
    return bench.f1_pair(test_gold, decided), seconds


def load(measure: bool):
    rows = training.read_rows(training.DEFAULT_DATA)
    framework = training.subcategory_framework(rows, load_framework(training.DEFAULT_FRAMEWORK))
    majors_of = {r["code"]: r["label"].strip() for r in rows}  # the taxonomy, not the texts
    trusts_kept = ("Trust A", "Trust B", "Trust C") if measure else ("Trust A", "Trust B")
    rows = [r for r in rows if r["organization"] in trusts_kept]  # Trust C only with --measure
    texts = [r["feedback"] for r in rows]
    gold = np.zeros((len(rows), len(framework.ids)), dtype=np.int8)
    gold[np.arange(len(rows)), [framework.ids.index(r["code"]) for r in rows]] = 1
    trusts = np.array([r["organization"] for r in rows])
    stories, story_gold = bench.care_opinion(framework, majors_of)
    return framework, texts, gold, trusts, stories, story_gold, majors_of


def adapted(args, texts, gold, framework, source, adapted_on, majors) -> tuple[str, object]:
    """Dev: the encoder adapted here on `source`'s comments. Measure: the shipped weights,
    which must have been adapted on exactly these (Trust A + B) comments."""
    tag = " + ".join(t[-1] for t in adapted_on)
    if args.measure:
        codes = [framework.ids[j] for j in gold[source].argmax(axis=1)]
        digest = training.training_digest([texts[i] for i in source], codes, framework)
        shipped = str(tag_encoder.stored(args.weights)["training_sha256"])
        if shipped != digest:
            raise SystemExit(f"{args.weights} was not adapted on Trust {tag} alone")
        return f"shipped, adapted on {tag}", tag_encoder.load_transformer(args.weights)
    settings = dev_settings(args)
    label = describe(settings)
    stem = "".join(t[-1] for t in adapted_on) + "_" + slug(settings)
    cached = bench.CACHE / f"adapted_{stem}.pt"
    transformer = copy.deepcopy(embed.load_model()[0].auto_model)
    if args.reuse and cached.exists():
        transformer.load_state_dict(torch.load(cached))
        print(f"reusing {cached.name}: adapted on Trust {tag}, {label}", flush=True)
    else:
        started = time.perf_counter()
        transformer = training.adapt(
            [texts[i] for i in source], gold[source], framework, settings, majors
        )
        took = time.perf_counter() - started
        print(f"adapted on Trust {tag} ({len(source)} comments, {label}) in {took:.0f} s")
        bench.CACHE.mkdir(exist_ok=True)
        torch.save(transformer.state_dict(), cached)
    # Measured as it would ship: through the stored differences and back.
    stored = bench.CACHE / f"adapted_{stem}.npz"
    tag_encoder.save(stored, transformer, settings.first_layer, "dev", f"adapted on Trust {tag}")
    print(f"stored differences: {stored.stat().st_size / 1e6:.1f} MB", flush=True)
    return f"adapted on {tag}, {label}", tag_encoder.load_transformer(stored)


def dev_settings(args) -> training.Settings:
    """The adaptation a dev run tries: the shipped settings with the options given changed."""
    changes = {
        "first_layer": args.first_layer,
        "wordpieces": not args.frozen_wordpieces if args.frozen_wordpieces else None,
        "epochs": args.epochs,
        "rate": args.rate,
        "smoothing": args.smoothing,
        "major_weight": args.major_weight,
        "contrastive_weight": args.contrastive_weight,
    }
    return replace(training.SHIPPED, **{k: v for k, v in changes.items() if v is not None})


def describe(settings: training.Settings) -> str:
    """The settings that differ from the shipped ones, for the printed rows."""
    shipped = asdict(training.SHIPPED)
    changed = [f"{k} {v}" for k, v in asdict(settings).items() if v != shipped[k]]
    return ", ".join(changed) or "shipped settings"


def slug(settings: training.Settings) -> str:
    shipped = asdict(training.SHIPPED)
    changed = [f"{k}{v}" for k, v in asdict(settings).items() if v != shipped[k]]
    return "-".join(changed) or "shipped"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--measure", action="store_true", help="the shipped A + B weights: A + B -> C once"
    )
    parser.add_argument("--weights", type=Path, default=tag_encoder.WEIGHTS)
    parser.add_argument(
        "--frozen-wordpieces", action="store_true", help="dev: the wordpiece table stays"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="dev: reuse adapted weights cached in benchmarks/out"
    )
    parser.add_argument(
        "--first-layer",
        type=int,
        default=None,
        help="dev: adapt layers N..5 (0: all, word embeddings too)",
    )
    parser.add_argument("--epochs", type=int, help="dev: epochs of adaptation")
    parser.add_argument("--rate", type=float, help="dev: the encoder's peak learning rate")
    parser.add_argument("--smoothing", type=float, help="dev: label smoothing")
    parser.add_argument(
        "--major-weight", type=float, help="dev: weight of the top-level-category loss"
    )
    parser.add_argument(
        "--contrastive-weight", type=float, help="dev: weight of the in-batch contrastive loss"
    )
    parser.add_argument(
        "--no-care-opinion", action="store_true", help="dev: the FFT rows only (faster)"
    )
    parser.add_argument(
        "--previous",
        type=Path,
        help="measure: earlier shipped weights (a .npz) measured beside the shipped ones",
    )
    args = parser.parse_args()
    torch.set_num_threads(1)
    framework, texts, gold, trusts, stories, story_gold, majors = load(args.measure)
    co_train, co_test = train_test_split(
        np.arange(len(stories)), test_size=0.3, random_state=bench.SEED
    )
    frozen = Encoder(embed.load_model()[0].auto_model.eval())
    if args.measure:
        plans = [(("Trust A", "Trust B"), "Trust C", None)]
    else:
        plans = [(("Trust A",), "Trust B", "Trust B"), (("Trust B",), "Trust A", "Trust A")]
    results: list[str] = []

    def row(label: str, encoders: dict[str, Encoder], train_rows, test_rows, on_stories=False):
        source_texts, source_gold = (stories, story_gold) if on_stories else (texts, gold)
        for name, encoder in encoders.items():
            (micro, macro), took = learner(
                encoder,
                framework,
                [source_texts[i] for i in train_rows],
                source_gold[train_rows],
                [source_texts[i] for i in test_rows],
                source_gold[test_rows],
            )
            line = f"{label:<40} {name:<36} {micro:.3f} / {macro:.3f}  fit {took:5.1f} s"
            results.append(line)
            print(line, flush=True)

    for adapted_on, other, unseen in plans:
        source = np.flatnonzero(np.isin(trusts, adapted_on))
        name, transformer = adapted(args, texts, gold, framework, source, adapted_on, majors)
        encoders = {"frozen": frozen}
        if args.measure and args.previous:
            previous = tag_encoder.load_transformer(args.previous)
            encoders[f"previous ({args.previous.name})"] = Encoder(previous)
        encoders[name] = Encoder(transformer)
        tag = " + ".join(t[-1] for t in adapted_on)
        row(f"FFT {tag} -> {other[-1]}", encoders, source, np.flatnonzero(trusts == other))
        if unseen is not None:
            own = np.flatnonzero(trusts == unseen)
            half_train, half_test = train_test_split(own, test_size=0.5, random_state=bench.SEED)
            row(f"FFT {unseen[-1]} 50/50 (encoder never saw it)", encoders, half_train, half_test)
        if not args.no_care_opinion:
            row("Care Opinion 70/30", encoders, co_train, co_test, on_stories=True)
    print("\n" + "\n".join(results))


if __name__ == "__main__":
    main()
