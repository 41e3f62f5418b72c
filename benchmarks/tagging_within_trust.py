"""Do the learner's settings, chosen across trusts, suit a split inside one trust?

    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/tagging_within_trust.py \
        [ALPHA,BLEND,EXTRA ...]

Development splits only: Trust A alone and Trust B alone at random 80/20 (the issue's protocol),
beside the cross-trust splits A -> B and B -> A, on the packaged MiniLM (the shipped tagging
encoder was adapted on these trusts' labels, so it cannot be measured here). Each argument is a
setting to try: the ridge penalty (`learner.ALPHA`), the neighbours' vote weight
(`neighbours.BLEND`) and the held-out precision a cut needs to add tags
(`learner.MIN_EXTRA_PRECISION`); without arguments, the shipped ones. Trust C is never read.
"""

from __future__ import annotations

import sys

import numpy as np
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from nlp import embed
from nlp.tagging import learner, neighbours


def splits(trusts: np.ndarray) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Within-trust random 80/20 splits of A and B, then A -> B and B -> A."""
    out = []
    for trust in ("Trust A", "Trust B"):
        inside = np.flatnonzero(trusts == trust)
        train, test = train_test_split(inside, test_size=0.2, random_state=bench.SEED)
        out.append((f"{trust[-1]} 80/20", train, test))
    a, b = np.flatnonzero(trusts == "Trust A"), np.flatnonzero(trusts == "Trust B")
    return [*out, ("A -> B", a, b), ("B -> A", b, a)]


def main() -> None:
    framework, texts, vectors, gold, trusts = bench.fft_subcategories()
    shipped = (learner.ALPHA, neighbours.BLEND, learner.MIN_EXTRA_PRECISION)
    settings = [tuple(float(x) for x in arg.split(",")) for arg in sys.argv[1:]] or [shipped]
    for alpha, blend, extra in settings:
        learner.ALPHA, neighbours.BLEND, learner.MIN_EXTRA_PRECISION = alpha, blend, extra
        figures = []
        for name, train, test in splits(trusts):
            model = learner.fit(
                framework,
                framework.ids,
                [texts[i] for i in train],
                vectors[train],
                gold[train],
                encode=embed.encode,
            )
            predicted = model.predict([texts[i] for i in test], vectors[test])[0]
            micro, macro = bench.f1_pair(gold[test], predicted)
            figures.append(f"{name} {micro:.3f} / {macro:.3f}")
        print(f"penalty {alpha:g}, vote {blend:g}, extra tags {extra:g}: " + " | ".join(figures))


if __name__ == "__main__":
    main()
