"""Grouped cross-validation of the risk signals on the written stories the model trains on:
one fold per source file (a blind round, or a set written for training), so a story and every
sentence of it stay in one fold, and a fold's writers are never heard in training.

For each fold the whole training (nlp.signals.model_training.training.train: first pass, choice of
carrying sentences, thresholds by its own inner cross-validation, final fit) runs on the generated
corpus, the background comments and the other files' stories; the worker's detector (rules +
that model) then reads the held-out file. Beside it, in the same run, the shipped model (or
--baseline FILE.npz) reads the same stories: it never trained on any of them if it is the old
one, so its figures are honest held-out figures too.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/signals_cv.py [--baseline OLD.npz] \
        [--background ../shared/data/fft_phase1.csv]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.signals import ROWS, ratio, score  # noqa: E402
from nlp import signals  # noqa: E402
from nlp.signals.model_training import corpus as signal_corpus  # noqa: E402
from nlp.signals.model_training import training as signal_training  # noqa: E402
from nlp.signals.model_training import written as signal_written  # noqa: E402
from nlp.signals.sentence_model import model as signal_model  # noqa: E402


def add(total: dict, part: dict) -> None:
    for name, counts in part.items():
        total[name] = tuple(a + b for a, b in zip(total.get(name, (0, 0, 0)), counts, strict=True))


def table(title: str, results: dict[str, dict]) -> None:
    print(f"\n## {title}")
    print("signal".ljust(20) + "".join(f"{m:>22}" for m in results) + "   (n)")
    print(" " * 20 + "".join(f"{'recall precision':>22}" for _ in results))
    for name in ROWS:
        line = name.ljust(20)
        for counts in results.values():
            tp, fp, fn = counts[name]
            line += f"{ratio(tp, tp + fn):>13}{ratio(tp, tp + fp):>9}"
        tp, _, fn = next(iter(results.values()))[name]
        print(f"{line}   ({tp + fn})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, default=signal_model.MODEL_PATH)
    parser.add_argument("--background", type=Path, default=signal_training.BACKGROUND_PATH)
    parser.add_argument(
        "--possible-rate",
        action="append",
        default=[],
        help="signal=rate: try another cap for the possible tier (e.g. suicide_self_harm=0.015)",
    )
    args = parser.parse_args()
    for item in args.possible_rate:
        name, rate = item.split("=")
        signal_training.POSSIBLE_RATE[name] = float(rate)
    names = tuple(signals.SIGNALS)
    stories = signal_written.stories()
    generated = signal_corpus.training_examples()
    bg = signal_training.background(args.background)
    old = signal_model.load(args.baseline)
    totals: dict[str, dict] = {"baseline": {}, "retrained": {}}
    for source in dict.fromkeys(s.source for s in stories):
        held = [s for s in stories if s.source == source]
        rows = [{"text": s.text, "labels": set(s.labels)} for s in held]
        texts = [s.text for s in held]
        started = time.perf_counter()
        model = signal_training.train(
            generated, [s for s in stories if s.source != source], bg, names, verbose=False
        )
        fold = {
            "baseline": score(rows, [set(d.names) for d in signals.detect_many(texts, old)]),
            "retrained": score(rows, [set(d.names) for d in signals.detect_many(texts, model)]),
        }
        for method, counts in fold.items():
            add(totals[method], counts)
        table(
            f"{source} held out ({len(held)} stories, {time.perf_counter() - started:.0f} s)", fold
        )
    table(f"all folds ({len(stories)} stories)", totals)


if __name__ == "__main__":
    main()
