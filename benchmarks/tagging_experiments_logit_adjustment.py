"""Does logit adjustment of each text's top priority help macro-F1 on the current learner?

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python \
        benchmarks/tagging_experiments_logit_adjustment.py --splits 10
    ... --splits 10 --measure TAU   # only if TAU passed the rule below: Trust C, ten splits

The question: every text keeps its most probable learnt priority (`learner._top`, argmax of the
calibrated probability p_k). Macro-F1 is lost on the rare priorities, which seldom win that
argmax. Logit adjustment (Menon et al. 2021, "Long-tail learning via logit adjustment") chooses
the kept priority by argmax over learnt priorities of logit(p_k) - tau * log(prior_k) instead,
prior_k being the priority's share of the training texts (positives / training texts). The
per-priority cut-offs are then chosen exactly as now but given that adjusted top (`_calibrate`
and `predict` both use it: `learner._top` is patched for the fit and the prediction, with the
prior of that split's training labels; the shipped code is untouched). tau 0.1, 0.2, 0.3, 0.5;
tau 0 is the control and must reproduce the shipped learner's decisions exactly, split by split
(the run stops if it does not).

Development splits as `benchmarks/tagging_within_trust.py` (its splits and fit, packaged
MiniLM): Trust A and Trust B each alone at random 80/20 (--splits draws each), A -> B, B -> A.
Trust C is not read unless --measure is given. Printed per tau: micro / macro means, the paired
differences against tau 0, and mean per-priority F1 by training-example band (within-trust
splits pooled).

Decision rule, fixed before measuring: a tau passes only with a mean paired gain of at least
+0.010 macro on BOTH within-trust means (A 80/20, B 80/20), no micro loss beyond 0.005 on any
of the four (A 80/20, B 80/20, A -> B, B -> A), and no macro loss beyond 0.005 on A -> B or
B -> A. Only then the smallest passing tau is measured once with --measure on Trust C, with
`benchmarks/tagging_spread.py`'s protocol (ten random 80/20 splits, the shipped tagging encoder,
sentences weighed as in the app), paired against the shipped learner on the same splits.
"""

from __future__ import annotations

import argparse
import time
from contextlib import contextmanager

import numpy as np
from sklearn.metrics import f1_score

from benchmarks import tagging as bench
from benchmarks import tagging_spread as spread
from benchmarks.tagging_within_trust import fit_and_predict, splits
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner

TAUS = (0.0, 0.1, 0.2, 0.3, 0.5)
BANDS = ((0, 10), (10, 30), (30, 100), (100, None))
MIN_MACRO_GAIN = 0.010  # on both within-trust means
MAX_LOSS = 0.005  # micro on any of the four; macro across trusts

_SHIPPED_TOP = learner._top
_TAU = 0.0
_LOG_PRIOR: np.ndarray | None = None


def adjusted_top(probabilities: np.ndarray, learnt: np.ndarray) -> np.ndarray:
    """Each row's learnt priority with the largest logit(p_k) - tau * log(prior_k)."""
    top = np.zeros(probabilities.shape, dtype=bool)
    if learnt.any():
        p = np.asarray(probabilities, dtype=np.float64)
        with np.errstate(divide="ignore"):
            logits = np.log(p) - np.log1p(-p)
        score = logits - _TAU * _LOG_PRIOR[None, :]
        masked = np.where(learnt[None, :], score, -np.inf)
        top[np.arange(len(probabilities)), masked.argmax(axis=1)] = True
    return top


@contextmanager
def adjusted(tau: float, train_labels: np.ndarray):
    """`learner._top` replaced by `adjusted_top`, the prior from `train_labels`, for a fit and
    its prediction; restored after."""
    global _TAU, _LOG_PRIOR
    prior = np.asarray(train_labels, dtype=np.float64).sum(axis=0) / len(train_labels)
    _TAU, _LOG_PRIOR = tau, np.log(prior.clip(1e-12))  # 0 only for priorities not learnt
    learner._top = adjusted_top
    try:
        yield
    finally:
        learner._top = _SHIPPED_TOP
        _TAU, _LOG_PRIOR = 0.0, None


def control_failed(where: str) -> None:
    raise SystemExit(f"tau 0 did not reproduce the shipped learner's decisions ({where}): stopped")


def band_rows(gold_train, gold_test, predicted) -> list[tuple[float, float]]:
    """(training examples, F1) for each priority present in the test part."""
    per = f1_score(gold_test, predicted, average=None, zero_division=0)
    present = np.flatnonzero(gold_test.sum(axis=0) > 0)
    return [(float(gold_train[:, j].sum()), float(per[j])) for j in present]


def passes(diff: dict[str, np.ndarray]) -> bool:
    """The decision rule on the paired (micro, macro) differences against tau 0 per split set."""
    a, b = diff["A 80/20"].mean(axis=0), diff["B 80/20"].mean(axis=0)
    cross = [diff["A -> B"].mean(axis=0), diff["B -> A"].mean(axis=0)]
    return (
        a[1] >= MIN_MACRO_GAIN
        and b[1] >= MIN_MACRO_GAIN
        and all(d[0] >= -MAX_LOSS for d in (a, b, *cross))
        and all(d[1] >= -MAX_LOSS for d in cross)
    )


def development(draws: int) -> list[float]:
    """Every tau on the development splits; returns the taus that pass the rule."""
    framework, texts, vectors, gold, trusts = bench.fft_subcategories()
    sets = splits(trusts, draws)
    figures = {tau: {name: [] for name, _ in sets} for tau in TAUS}
    bands = {tau: [] for tau in TAUS}
    started = time.perf_counter()
    for name, pairs in sets:
        for number, (train, test) in enumerate(pairs):
            shipped = fit_and_predict(framework, texts, vectors, gold, train, test)
            for tau in TAUS:
                with adjusted(tau, gold[train]):
                    predicted = fit_and_predict(framework, texts, vectors, gold, train, test)
                if tau == 0.0 and not np.array_equal(predicted, shipped):
                    control_failed(f"{name}, split {number}")
                figures[tau][name].append(bench.f1_pair(gold[test], predicted))
                if name.endswith("80/20"):
                    bands[tau] += band_rows(gold[train], gold[test], predicted)
        print(f"  {name}: {len(pairs)} split(s) done, {time.perf_counter() - started:.0f} s")
    print("tau 0 reproduced the shipped learner's decisions on every split\n")

    names = [name for name, _ in sets]
    print(f"micro / macro-F1 (within-trust: mean of {draws} splits)")
    print("| tau | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for tau in TAUS:
        cells = ["{:.3f} / {:.3f}".format(*np.mean(figures[tau][n], axis=0)) for n in names]
        print(f"| {tau:g} | " + " | ".join(cells) + " |")

    print("\npaired against tau 0: macro mean ± sd (splits ahead); micro mean; rule")
    print(
        "| tau | A 80/20 macro | B 80/20 macro | micro A / B / A->B / B->A "
        "| macro A->B / B->A | passes |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    passing = []
    for tau in TAUS[1:]:
        diff = {n: np.array(figures[tau][n]) - np.array(figures[0.0][n]) for n in names}
        cells = []
        for n in ("A 80/20", "B 80/20"):
            macro = diff[n][:, 1]
            sd = macro.std(ddof=1) if len(macro) > 1 else 0.0
            cells.append(f"{macro.mean():+.3f} ± {sd:.3f} ({int((macro > 0).sum())}/{len(macro)})")
        micro = " / ".join(f"{diff[n][:, 0].mean():+.3f}" for n in names)
        cross = " / ".join(f"{diff[n][:, 1].mean():+.3f}" for n in ("A -> B", "B -> A"))
        ok = passes(diff)
        passing += [tau] if ok else []
        print(
            f"| {tau:g} | {cells[0]} | {cells[1]} | {micro} | {cross} | {'yes' if ok else 'no'} |"
        )

    print("\nmean per-priority F1 by training examples (A and B 80/20 splits pooled; n rows)")
    labels = [f"{low}-{high - 1}" if high else f">={low}" for low, high in BANDS]
    print("| tau | " + " | ".join(labels) + " |")
    print("| --- |" + " --- |" * len(BANDS))
    for tau in TAUS:
        table = np.array(bands[tau])
        cells = []
        for low, high in BANDS:
            band = table[(table[:, 0] >= low) & ((table[:, 0] < high) if high else True)]
            cells.append(f"{band[:, 1].mean():.3f} (n {len(band)})")
        print(f"| {tau:g} | " + " | ".join(cells) + " |")
    print(f"\npassing: {', '.join(f'{t:g}' for t in passing) or 'none'}")
    return passing


def measure(tau: float, splits_c: int) -> None:
    """Trust C, `tagging_spread.py`'s splits and fit (shipped tagging encoder, sentences
    weighed): the shipped learner beside tau, paired; tau 0 is checked against it too."""
    framework, texts, _, gold, trusts = bench.fft_subcategories()
    inside_c = np.flatnonzero(trusts == "Trust C")
    texts_c, gold_c = [texts[i] for i in inside_c], gold[inside_c]
    encoder = spread.adapted(tag_encoder.WEIGHTS)
    vectors = bench.cached_embeddings(
        texts_c, encoder.cache_name("fft-trust-c"), encoder.encode, encoder.model
    )
    passages = bench.cached_passages(
        texts_c, encoder.cache_name("fft-trust-c-passages"), encoder.encode, encoder.model
    )
    rows = np.arange(len(inside_c))
    shipped_figures, tau_figures = [], []
    print(f"Trust C alone, random 80/20, {splits_c} splits: shipped vs tau {tau:g}")
    for seed in spread.split_seeds(splits_c):
        train, test = spread.trust_c_split(rows, seed)
        started = time.perf_counter()
        args = (framework, encoder, texts_c, vectors, passages, gold_c, train, test)
        shipped = spread.fit_and_decide(*args)
        with adjusted(0.0, gold_c[train]):
            control = spread.fit_and_decide(*args)
        if not np.array_equal(control, shipped):
            control_failed(f"Trust C seed {seed}")
        with adjusted(tau, gold_c[train]):
            decided = spread.fit_and_decide(*args)
        shipped_figures.append(bench.f1_pair(gold_c[test], shipped))
        tau_figures.append(bench.f1_pair(gold_c[test], decided))
        print(
            f"  seed {seed:>2}: shipped {shipped_figures[-1][0]:.3f} / {shipped_figures[-1][1]:.3f}"
            f"  tau {tau_figures[-1][0]:.3f} / {tau_figures[-1][1]:.3f}"
            f"  ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    print(spread.summary("shipped (tau 0)", shipped_figures))
    print(spread.summary(f"logit adjustment tau {tau:g}", tau_figures))
    print("paired, tau minus shipped ('reference' = tau):")
    print(spread.paired(f"tau {tau:g} - shipped", shipped_figures, tau_figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=10, help="random draws per trust")
    parser.add_argument("--measure", type=float, help="tau to measure on Trust C (after the rule)")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.measure is None:
        development(max(args.splits, 1))
    else:
        measure(args.measure, max(args.splits, 2))
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
