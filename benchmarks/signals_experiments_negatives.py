"""Does weighing the written negatives more lift risk-to-life precision at equal recall? (issue 19)

Why: the false alarms on the development rounds written by other hands are negatives that
sound like risk (grief, the past, a service named for the risk, another signal's story, long
ordinary feedback), and a better encoder head alone did not raise precision
(benchmarks/signals_experiments_finetune.py). In a balanced fit the background comments' many
ordinary sentences outweigh the few written negatives, so the model learns "risk against
ordinary feedback" more than "risk against what sounds like it". Here the written sentences
that do not carry a risk-to-life signal weigh more in the risk-to-life fits
(`nlp.signals.model_training.training.RISK_NEGATIVE_WEIGHT`), everything else as shipped: same
examples and carrying sentences, thresholds by the same cross-validated rule (recall target on
written positives, background-rate caps, the possible tier and its rise with length).

Measured beside the weight-1 baseline trained in the same run:
- CV (out-of-fold, the threshold folds): recall of written positives and share of background
  comments flagged, at the sure and possible thresholds, plus the share of written negatives
  (sentences) raising risk to life: the training data's own precision measure;
- a development round no variant trains on (--set, default signals_independent_v9), through
  the worker's detector (rules + model + the shipped Welsh model);
- the load on real comments (Care Opinion, the FFT trust held out of training).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/signals_experiments_negatives.py \
        --background ../shared/data/fft_phase1.csv --weight 3 [--weight 6] [--set FILE]

Figures (3 December 2026, 2 busy cores, 11-12 minutes a variant; training data v3-v8 and
train_a..e; measured on v9, never trained on; the baseline is the shipped model):

                              baseline (1)   negatives x3
CV written fp, suicide        0.019/0.068    0.011/0.041   (sure / possible tier)
CV written fp, danger         0.026/0.039    0.018/0.027
CV recall, suicide            0.824/0.911    0.780/0.877   (background caps unchanged)
CV recall, danger             0.894/0.916    0.873/0.890
v9 risk to life               0.93 / 0.58    0.91 / 0.63
v9 suicide / danger           0.92/0.56 0.93/0.48   0.88/0.64 0.93/0.54
load, risk to life: CO / FFT  7.2 % / 1.0 %  6.7 % / 0.9 %

The weight with looser caps for the possible tier (`--weight 3 --no-baseline --possible
suicide_self_harm=S,immediate_danger=D`; one fit, thresholds per cap): CV recall at the
possible tier, suicide / danger, then v9 risk to life:
  S 1 %,   D 0.25 %   0.877 / 0.890   0.91 / 0.62
  S 1.5 %, D 0.25 %   0.894 / 0.890   0.92 / 0.61
  S 1.5 %, D 0.5 %    0.894 / 0.911   0.92 / 0.59
  S 2 %,   D 0.5 %    0.908 / 0.911   0.93 / 0.59   (CV recall back to the baseline's)

Verdict: the weight does what it should (a third to two fifths fewer written negatives raise
risk to life out of fold, v9 precision +0.05), but under the same background caps the
thresholds then keep fewer written positives and v9's recall falls below the shipped level, so
it is not kept (RISK_NEGATIVE_WEIGHT stays 1). With the possible tier loosened until the
cross-validated recall is back, v9 gains 0.01 of precision for twice the background cap on
suicide: the weight moves the operating point along the same curve.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.signals import ratio, read_real, read_set  # noqa: E402
from benchmarks.signals_experiments_finetune import (  # noqa: E402
    REAL,
    assemble,
    cv_summary,
    dev_figures,
    load_figures,
    operating_points,
    out_of_fold,
    show_cv,
    show_dev_and_load,
)
from nlp import signals  # noqa: E402
from nlp.signals.model_training import training as signal_training  # noqa: E402

HERE = Path(__file__).parent
DEV_SET = HERE / "data" / "signals_independent_v9.jsonl"


def measure(data, label: str, fit, real: dict, rows: list[dict]) -> dict:
    """One variant: out-of-fold scores, thresholds by the training's rule, the final model on
    everything, then the development round and the real loads."""
    started = time.perf_counter()
    scores = out_of_fold(data, data.vectors, fit)
    points = operating_points(data, scores)
    model = fit(data.examples, data.vectors, data.written, data.names)
    model = dataclasses.replace(
        model, **points, corpus_sha256=data.digest, background_sha256=data.background_sha256
    )
    result = {
        "cv": cv_summary(data, scores, points),
        "written_fp": written_false_alarms(data, scores, points),
        "dev": dev_figures(model, rows),
        "load": {name: load_figures(model, texts) for name, texts in real.items()},
        "model": model,
    }
    print(f"{label}: {time.perf_counter() - started:.0f} s", flush=True)
    return result


def tiers(data, label: str, fit, rates: list[dict[str, float]], rows, save) -> None:
    """One weight, several caps for the possible tier: the out-of-fold scores and the final
    fit do not depend on the caps, so each cap costs only its thresholds and the dev round."""
    scores = out_of_fold(data, data.vectors, fit)
    model = fit(data.examples, data.vectors, data.written, data.names)
    shipped = dict(signal_training.POSSIBLE_RATE)
    for rate in rates:
        signal_training.POSSIBLE_RATE.update(rate)
        points = operating_points(data, scores)
        signal_training.POSSIBLE_RATE.clear()
        signal_training.POSSIBLE_RATE.update(shipped)
        tiered = dataclasses.replace(
            model, **points, corpus_sha256=data.digest, background_sha256=data.background_sha256
        )
        cv = cv_summary(data, scores, points)
        fp = written_false_alarms(data, scores, points)
        dev = dev_figures(tiered, rows)
        name = f"{label}, possible " + " ".join(f"{k[:7]} {v:g}" for k, v in rate.items())
        print(f"\n{name}")
        for signal in signals.RISK_TO_LIFE:
            (r, c), (pr, pc) = cv[signal]["thresholds"], cv[signal]["possible"]
            print(
                f"  CV {signal:18} sure {r:.3f}/{c:.4f} poss {pr:.3f}/{pc:.4f}"
                f"  written fp {fp[signal][0]:.3f}/{fp[signal][1]:.3f}"
            )
        for row in (*signals.RISK_TO_LIFE, "risk to life"):
            tp, fps, fn = dev[row]
            print(f"  dev {row:18} {ratio(tp, tp + fn)} / {ratio(tp, tp + fps)}")
        if save:
            save.mkdir(parents=True, exist_ok=True)
            tiered.save(save / (name.replace(" ", "_").replace(",", "") + ".npz"))


def written_false_alarms(data, scores: np.ndarray, points: dict) -> dict[str, tuple]:
    """Out-of-fold, per risk-to-life signal: the share of written sentences without the
    signal that raise it (sure, possible tier), and of written stories' groups with a false
    alarm: the training data's own measure of the false alarms that sound like risk."""
    out = {}
    for name in signals.RISK_TO_LIFE:
        column = data.names.index(name)
        negative = np.array([name not in e.labels and name not in e.unsure for e in data.examples])
        negative &= data.written
        out[name] = tuple(
            float((scores[negative, column] >= points[tier][column]).mean())
            for tier in ("thresholds", "possible")
        )
    return out


def show(results: dict[str, dict], dev_name: str) -> None:
    show_cv(results)
    print("\n## CV: written sentences without the signal that raise it, sure / possible")
    for name in signals.RISK_TO_LIFE:
        line = f"{name:20}"
        for variant in results.values():
            sure, possible = variant["written_fp"][name]
            line += f"{sure:>10.3f}{possible:>10.3f}"
        print(line)
    show_dev_and_load(results, dev_name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=Path, default=signal_training.BACKGROUND_PATH)
    parser.add_argument("--weight", action="append", type=float, default=[])
    parser.add_argument("--set", type=Path, default=DEV_SET)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument(
        "--save", type=Path, help="folder: write each variant's model there (weight-W.npz)"
    )
    parser.add_argument(
        "--possible",
        action="append",
        default=[],
        help="with one --weight and --no-baseline: caps for the possible tier to try, "
        "e.g. suicide_self_harm=0.015,immediate_danger=0.005",
    )
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    data = assemble(args.background)
    rows = read_set(args.set)
    folder = args.background.parent
    real = {p.stem: read_real(folder / p, args.sample) for p in REAL}
    signals.detect("warm up the model")
    if args.possible:
        rates = [
            {k: float(v) for k, v in (pair.split("=") for pair in spec.split(","))}
            for spec in args.possible
        ]
        weight = args.weight[0]
        fit = functools.partial(signal_training.fit, negative_weight=weight)
        tiers(data, f"negatives x{weight:g}", fit, rates, rows, args.save)
        return
    results = {}
    for weight in ([] if args.no_baseline else [1.0]) + args.weight:
        fit = functools.partial(signal_training.fit, negative_weight=weight)
        label = "baseline (1)" if weight == 1.0 else f"negatives x{weight:g}"
        results[label] = measure(data, label, fit, real, rows)
        model = results[label].pop("model")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            model.save(args.save / f"weight-{weight:g}.npz")
        show(results, args.set.name)


if __name__ == "__main__":
    np.set_printoptions(precision=3)
    main()
