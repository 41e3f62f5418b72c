"""The possible tier's trade-off: written stories caught against background comments flagged.

    .venv/bin/python benchmarks/signals_tier_curve.py [--background ../shared/data/fft_phase1.csv]

Runs the signal model's training up to its cross-validated scores
(nlp.signals.model_training.training: the generated corpus, the stories written by other hands with
their carrying sentences chosen, the background comments), then, for each cap on the share of
background comments the possible tier of suicide or self-harm and of immediate danger may flag,
prints the threshold, the share of written stories carrying the signal that some English sentence of
passes (story recall, cross-validated), the share of written stories without it that pass,
and the share of background comments that pass. The shipped cap (POSSIBLE_RATE) is marked.
Use it to choose the cap inside the load budget (docs/safeguarding.md); it writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.signals import SIGNALS  # noqa: E402
from nlp.signals.model_training import corpus as signal_corpus  # noqa: E402
from nlp.signals.model_training import training as signal_training  # noqa: E402
from nlp.signals.model_training import written as signal_written  # noqa: E402

RATES = (0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=Path, default=signal_training.BACKGROUND_PATH)
    args = parser.parse_args(argv)
    names = tuple(SIGNALS)
    generated = signal_corpus.training_examples()
    stories = signal_written.stories()
    bg = signal_training.background(args.background)
    raw = signal_written.unselected(stories)
    base = generated + bg.examples
    base_written = np.array([True] * len(generated) + [False] * len(bg.examples))
    vb, vr = signal_training.features(base), signal_training.features(raw)
    first = signal_training.fit(
        base + raw,
        np.vstack([vb, vr]),
        np.concatenate([base_written, np.ones(len(raw), bool)]),
        names,
    )
    chosen = signal_written.select(raw, first.probabilities(vr, [e.text for e in raw]), names)
    examples = generated + chosen + bg.examples
    vectors = np.vstack([vb[: len(generated)], vr, vb[len(generated) :]])
    written = np.array([True] * (len(generated) + len(chosen)) + [False] * len(bg.examples))
    scores = signal_training.cross_validated(examples, vectors, written, names)
    rows: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        if written[i] and e.group.startswith("w"):
            rows.setdefault(e.group, []).append(i)
    labels = {f"w{s.id}": set(s.labels) for s in stories}
    comments = signal_training._comments(examples, written)
    print(
        f"{'signal':20}{'cap':>8}{'threshold':>11}{'story recall':>14}"
        f"{'negatives flagged':>19}{'comments flagged':>18}"
    )
    for name in ("suicide_self_harm", "immediate_danger"):
        column = names.index(name)
        positive = [g for g in rows if name in labels.get(g, set())]
        negative = [g for g in rows if name not in labels.get(g, set())]
        for rate in RATES:
            t = signal_training.choose_thresholds(scores, examples, written, names, {name: rate})
            t = t[column]
            recall = np.mean([scores[rows[g], column].max() >= t for g in positive])
            flagged = np.mean([scores[rows[g], column].max() >= t for g in negative])
            load = np.mean([scores[r, column].max() >= t for r in comments.values()])
            mark = "  <- shipped" if rate == signal_training.POSSIBLE_RATE[name] else ""
            print(
                f"{name:20}{rate:>8.4f}{t:>11.3f}{recall:>14.3f}{flagged:>19.3f}{load:>18.4f}{mark}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
