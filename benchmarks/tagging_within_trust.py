"""Do the learner's settings, chosen across trusts, suit a split inside one trust?

    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/tagging_within_trust.py \
        [--splits N] [ALPHA,BLEND,EXTRA ...]

Development splits only: Trust A alone and Trust B alone at random 80/20 (the issue's protocol),
beside the cross-trust splits A -> B and B -> A, on the packaged MiniLM (the shipped tagging
encoder was adapted on these trusts' labels, so it cannot be measured here). Each argument is a
setting to try: the ridge penalty (`learner.ALPHA`), the neighbours' vote weight
(`neighbours.BLEND`) and the held-out precision a cut needs to add tags
(`learner.MIN_EXTRA_PRECISION`); without arguments, the shipped ones. Trust C is never read.
With `--splits N` each within-trust figure is the mean over N random splits (seed 42 and 1..N-1):
one split's macro-F1 moves by about 0.04 with the draw of the rarest codes' few test comments,
so a setting is judged on means, not on one draw.
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from nlp import embed
from nlp.tagging import learner, neighbours


def splits(
    trusts: np.ndarray, draws: int = 1
) -> list[tuple[str, list[tuple[np.ndarray, np.ndarray]]]]:
    """Within-trust random 80/20 splits of A and B (`draws` of each), then A -> B and B -> A."""
    seeds = [bench.SEED, *range(1, draws)]
    out = []
    for trust in ("Trust A", "Trust B"):
        inside = np.flatnonzero(trusts == trust)
        pairs = [tuple(train_test_split(inside, test_size=0.2, random_state=s)) for s in seeds]
        out.append((f"{trust[-1]} 80/20", pairs))
    a, b = np.flatnonzero(trusts == "Trust A"), np.flatnonzero(trusts == "Trust B")
    return [*out, ("A -> B", [(a, b)]), ("B -> A", [(b, a)])]


def fit_and_predict(framework, texts, vectors, gold, train, test) -> np.ndarray:
    """The shipped learner fitted on the `train` rows (packaged MiniLM), its decisions on `test`."""
    model = learner.fit(
        framework,
        framework.ids,
        [texts[i] for i in train],
        vectors[train],
        gold[train],
        encode=embed.encode,
    )
    return model.predict([texts[i] for i in test], vectors[test])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=1, help="random draws per trust")
    parser.add_argument("settings", nargs="*", help="ALPHA,BLEND,EXTRA")
    args = parser.parse_args()
    framework, texts, vectors, gold, trusts = bench.fft_subcategories()
    shipped = (learner.ALPHA, neighbours.BLEND, learner.MIN_EXTRA_PRECISION)
    settings = [tuple(float(x) for x in arg.split(",")) for arg in args.settings] or [shipped]
    for alpha, blend, extra in settings:
        learner.ALPHA, neighbours.BLEND, learner.MIN_EXTRA_PRECISION = alpha, blend, extra
        figures = []
        for name, pairs in splits(trusts, max(args.splits, 1)):
            scores = []
            for train, test in pairs:
                predicted = fit_and_predict(framework, texts, vectors, gold, train, test)
                scores.append(bench.f1_pair(gold[test], predicted))
            micro, macro = np.mean(scores, axis=0)
            figures.append(f"{name} {micro:.3f} / {macro:.3f}")
        print(f"penalty {alpha:g}, vote {blend:g}, extra tags {extra:g}: " + " | ".join(figures))


if __name__ == "__main__":
    main()
