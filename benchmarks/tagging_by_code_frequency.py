"""Where macro-F1 is lost: each priority's F1 by how many training examples it had.

    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/tagging_by_code_frequency.py [--splits N]

Development splits only (Trust A alone and Trust B alone, random 80/20, seed 42 and 1..N-1, the
packaged MiniLM, as `tagging_within_trust.py`); Trust C is never read. Macro-F1 averages every
priority in the test part alike, so it is decided by the rare ones: this prints, for priorities
grouped by their training examples, how many there were, their mean F1, how many scored 0 and
how many the tagger never proposed, beside their test and proposed counts. It changes nothing;
it says what a change to the tagger would have to reach.
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.metrics import f1_score

from benchmarks import tagging as bench
from benchmarks.tagging_within_trust import fit_and_predict, splits

BANDS = ((0, 10), (10, 30), (30, 100), (100, None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=3, help="random draws per trust")
    args = parser.parse_args()
    framework, texts, vectors, gold, trusts = bench.fft_subcategories()
    rows = []  # (training examples, test examples, proposed, F1) per priority per split
    for name, pairs in splits(trusts, args.splits)[:2]:  # the within-trust splits only
        for train, test in pairs:
            predicted = fit_and_predict(framework, texts, vectors, gold, train, test)
            truth = gold[test]
            per = f1_score(truth, predicted, average=None, zero_division=0)
            for j in np.flatnonzero(truth.sum(axis=0) > 0):
                rows.append(
                    (gold[train][:, j].sum(), truth[:, j].sum(), predicted[:, j].sum(), per[j])
                )
            micro, macro = bench.f1_pair(truth, predicted)
            print(f"{name}: micro {micro:.3f} / macro {macro:.3f}")
    table = np.array(rows, dtype=float)
    print("training examples | priorities | mean F1 | F1 = 0 | never proposed | test / proposed")
    for low, high in BANDS:
        band = table[(table[:, 0] >= low) & ((table[:, 0] < high) if high else True)]
        zero, never = (band[:, 3] == 0).sum(), (band[:, 2] == 0).sum()
        print(
            f"{low}-{high or '…'} | {len(band)} | {band[:, 3].mean():.3f} | {zero} | {never}"
            f" | {band[:, 1].mean():.1f} / {band[:, 2].mean():.1f}"
        )


if __name__ == "__main__":
    main()
