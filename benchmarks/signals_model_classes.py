"""Does another model class over the same features and the same training data raise
risk-to-life precision at the same recall (issue 19)?

Why: on sets written by other hands most risk-to-life false alarms come from the sentence
model's embedding half on plainly ordinary sentences ("She's on donepezil now." 0.84 for
danger), which looks like a linear model extrapolating far from anything it learned from.
Each variant here replaces only the embedding half of the two risk-to-life signals
(suicide_self_harm, immediate_danger); the word half, the other signals, the training examples
(`training.training_set`, exactly what ships) and the way thresholds are chosen
(`training.operating_points` on five-fold out-of-fold scores, the background comments' flag
budget) stay as they are, so the comparison is fair. Each variant is then run through the
worker (rules + model) on every development set and on real text (the FFT trust never trained
on, Care Opinion) for the flag load.

Variants:
- `base`: the shipped logistic regression (a retrain: must reproduce the shipped figures);
- `guard`: the logistic score times a damping factor from how near the sentence is to the
  signal's training positives (mean cosine of its K nearest, sentence embedding);
- `mlp`: a small MLP (scikit-learn, early stopping, class-balanced sample weights);
- `rbf`: random Fourier features of an RBF kernel, then a logistic regression;
- `hardneg`: the logistic regression with short background sentences weighted HARD_WEIGHT;
- `guard_all`: the guard on the blended score; `oov`: the word half with words outside its
  vocabulary counted in its norm; `oov_guard` both; `mlp_blend`: the mean of the logistic
  half and the MLP (`--seed` for another MLP seed).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/signals_model_classes.py \
        [--variant NAME ...] [--background ../shared/data/fft_phase1.csv] [--curve]
    ... benchmarks/signals_model_classes.py --compare --variant NAME ...

Output: one table per variant (as benchmarks/signals_errors.py prints) and totals, in
benchmarks/out/model-classes-*.txt (ignored by git); with --curve instead, each story's
margin, so that --compare can read false alarms at matched misses (docs/measured/signals.md,
"other model classes").
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import signals_errors as errors  # noqa: E402
from signals import GROUPS, OUT, read_real  # noqa: E402

from nlp import signals  # noqa: E402
from nlp.signals import RISK_TO_LIFE, SIGNALS  # noqa: E402
from nlp.signals.model_training import corpus as signal_corpus  # noqa: E402
from nlp.signals.model_training import training  # noqa: E402
from nlp.signals.model_training import written as signal_written  # noqa: E402
from nlp.signals.sentence_model import model as signal_model  # noqa: E402

REAL = (
    Path("/work/shared/data/fft_phase1.csv"),
    Path("/work/shared/data/care_opinion_dev.jsonl"),
)
# Sets whose stories are also training data (nlp.signals.model_training.written): figures there
# flatter.
TRAINED_ON = {f"signals_independent_v{n}" for n in (3, 4, 5, 6, 7, 8)}

K = 5
HARD_WORDS, HARD_WEIGHT = 10, 3.0
RBF_GAMMA, RBF_COMPONENTS, RBF_C = 1.0, 2000, 1.0
MLP_HIDDEN, MLP_ALPHA = 64, 1e-3
MLP_SEED = [0]

# A fitted embedding half: (units, 768) vectors -> (units,) probabilities.
Half = Callable[[np.ndarray], np.ndarray]


def _targets(examples, written, name):
    y = np.array([name in e.labels for e in examples])
    known = np.array([name not in e.unsure for e in examples])
    weight = np.where(written & ~y, training.RISK_NEGATIVE_WEIGHT, 1.0)
    return y, known, weight


def _balanced(y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """scikit-learn's class_weight="balanced" folded into the sample weights."""
    share = {c: len(y) / (2 * max(1, (y == c).sum())) for c in (False, True)}
    return weight * np.where(y, share[True], share[False])


def _logistic(vectors, y, weight, c=training.EMBEDDING_C):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    model.fit(vectors, y, sample_weight=weight)
    return model


def fit_base(vectors, y, weight, examples, written, base) -> Half:
    """The shipped embedding half (`base`, already fitted)."""
    return base


def unit_rows(x: np.ndarray) -> np.ndarray:
    """The sentence half of [sentence, context], L2-normalised."""
    s = x[:, :384]
    return s / np.clip(np.linalg.norm(s, axis=1, keepdims=True), 1e-12, None)


def nearest(x: np.ndarray, positives: np.ndarray, k: int = K) -> np.ndarray:
    """Mean cosine of each row's k nearest positives (sentence embedding)."""
    sims = unit_rows(x) @ positives.T
    k = min(k, sims.shape[1])
    return np.sort(np.partition(sims, -k, axis=1)[:, -k:], axis=1).mean(axis=1)


def fit_guard(vectors, y, weight, examples, written, base) -> Half:
    """The embedding half's score damped by nearness to the training positives (`_guard`)."""
    damp = _guard(vectors, y, written)
    return lambda x: base(x) * damp(x)


def fit_mlp(vectors, y, weight, examples, written, base) -> Half:
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(
        hidden_layer_sizes=(MLP_HIDDEN,),
        alpha=MLP_ALPHA,
        early_stopping=True,
        validation_fraction=0.1,
        n_iter_no_change=8,
        max_iter=200,
        random_state=MLP_SEED[0],
    )
    model.fit(vectors, y, sample_weight=_balanced(y, weight))
    return lambda x: model.predict_proba(x)[:, 1]


def fit_mlp_blend(vectors, y, weight, examples, written, base) -> Half:
    """The mean of the shipped logistic half and the MLP."""
    mlp = fit_mlp(vectors, y, weight, examples, written, base)
    return lambda x: 0.5 * base(x) + 0.5 * mlp(x)


def fit_rbf(vectors, y, weight, examples, written, base) -> Half:
    from sklearn.kernel_approximation import RBFSampler

    sampler = RBFSampler(gamma=RBF_GAMMA, n_components=RBF_COMPONENTS, random_state=0)
    features = sampler.fit_transform(vectors).astype(np.float32)
    model = _logistic(features, y, weight, RBF_C)
    return lambda x: model.predict_proba(sampler.transform(x).astype(np.float32))[:, 1]


def fit_hardneg(vectors, y, weight, examples, written, base) -> Half:
    short = np.array([len(e.text.split()) <= HARD_WORDS for e in examples])
    model = _logistic(vectors, y, np.where(~written & short, HARD_WEIGHT, weight))
    return lambda x: model.predict_proba(x)[:, 1]


def _guard(vectors, y, written):
    """Damping by nearness to the training positives: none at or above the 10th percentile
    of the positives' own nearness (leave-one-out), full at the 1st percentile minus 0.1."""
    positives = unit_rows(vectors[y & written]).astype(np.float16).astype(np.float32)
    own = positives @ positives.T
    np.fill_diagonal(own, -1)
    k = min(K, len(positives) - 1)
    leave_one_out = np.sort(np.partition(own, -k, axis=1)[:, -k:], axis=1).mean(axis=1)
    hi = float(np.percentile(leave_one_out, 10))
    lo = float(np.percentile(leave_one_out, 1)) - 0.1
    print(f"    guard: {len(positives)} positives, damp from {lo:.3f} to {hi:.3f}", flush=True)
    return lambda x: np.clip((nearest(x, positives) - lo) / (hi - lo), 0.0, 1.0)


def fit_guard_all(vectors, y, weight, examples, written, base) -> dict:
    """The guard on the blended score (both halves), the shipped halves unchanged."""
    return {"damps": _guard(vectors, y, written)}


def oov_features(texts, index, idf, unknown_idf):
    """Sublinear tf-idf over the vocabulary, L2-normalised counting words outside it too
    (at `unknown_idf`): a sentence of mostly unseen words no longer puts its whole weight on
    its few known ones ("she's on ... now")."""
    from scipy import sparse

    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        counts: dict[str, int] = {}
        for term in signal_model.terms(text):
            counts[term] = counts.get(term, 0) + 1
        known, norm = [], 0.0
        for term, count in counts.items():
            column = index.get(term)
            value = (1 + np.log(count)) * (idf[column] if column is not None else unknown_idf)
            norm += value * value
            if column is not None:
                known.append((column, value))
        norm = max(np.sqrt(norm), 1e-12)
        for column, value in known:
            rows.append(r)
            cols.append(column)
            vals.append(value / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(index)))


def fit_oov(vectors, y, weight, examples, written, base) -> dict:
    """The word half with words outside its vocabulary counted in the normalisation."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [e.text for e in examples]
    vectorizer = TfidfVectorizer(analyzer=signal_model.terms, sublinear_tf=True, min_df=2)
    vectorizer.fit([t for t, w in zip(texts, written, strict=True) if w])
    index = {t: i for i, t in enumerate(vectorizer.get_feature_names_out())}
    idf, unknown = vectorizer.idf_, float(vectorizer.idf_.max())
    model = LogisticRegression(C=training.WORD_C, class_weight="balanced", max_iter=3000)
    model.fit(oov_features(texts, index, idf, unknown), y, sample_weight=weight)
    return {"words": lambda t: model.predict_proba(oov_features(t, index, idf, unknown))[:, 1]}


def fit_oov_guard(vectors, y, weight, examples, written, base) -> dict:
    words = fit_oov(vectors, y, weight, examples, written, base)
    return {**words, "damps": _guard(vectors, y, written)}


VARIANTS: dict[str, Callable[..., Half]] = {
    "base": fit_base,
    "guard": fit_guard,
    "mlp": fit_mlp,
    "mlp_blend": fit_mlp_blend,
    "rbf": fit_rbf,
    "hardneg": fit_hardneg,
    "guard_all": fit_guard_all,
    "oov": fit_oov,
    "oov_guard": fit_oov_guard,
}


def fit_halves(fit, examples, vectors, written, model) -> dict[str, dict]:
    """{"halves": ..., "words": ..., "damps": ...}: what the variant replaces, per
    risk-to-life signal."""
    parts: dict[str, dict] = {"halves": {}, "words": {}, "damps": {}}
    for name in RISK_TO_LIFE:
        y, known, weight = _targets(examples, written, name)
        sub = [e for e, k in zip(examples, known, strict=True) if k]
        column = model.names.index(name)
        coef, intercept = model.coef[column], model.intercept[column]
        base = lambda x, c=coef, b=intercept: signal_model._sigmoid(x @ c + b)  # noqa: E731
        got = fit(vectors[known], y[known], weight[known], sub, written[known], base)
        for part, value in (got if isinstance(got, dict) else {"halves": got}).items():
            parts[part][name] = value
    return parts


@dataclasses.dataclass(frozen=True)
class VariantModel(signal_model.SentenceModel):
    """The shipped model's arithmetic with the risk-to-life embedding halves replaced (a
    `Half`), or the word halves (`words`, texts -> probabilities), or the blended score
    multiplied by a damping factor (`damps`, vectors -> factor)."""

    halves: dict | None = None
    words: dict | None = None
    damps: dict | None = None

    def probabilities(self, vectors: np.ndarray, texts: list[str]) -> np.ndarray:
        scores = super().probabilities(vectors, texts)
        base_words = signal_model._sigmoid(
            signal_model.word_features(texts, self._index, self.idf) @ self.word_coef.T
            + self.word_intercept
        )
        base_meaning = signal_model._sigmoid(vectors @ self.coef.T + self.intercept)
        w = signal_model.WORD_WEIGHT
        for name in RISK_TO_LIFE:
            column = self.names.index(name)
            half = (self.halves or {}).get(name)
            meaning = half(vectors) if half else base_meaning[:, column]
            word = (self.words or {}).get(name)
            words = word(texts) if word else base_words[:, column]
            scores[:, column] = (1 - w) * meaning + w * words
            damp = (self.damps or {}).get(name)
            if damp:
                scores[:, column] *= damp(vectors)
        return scores


def out_of_fold(examples, vectors, written, names, variants):
    """Out-of-fold scores (examples, signals) per variant: the base model everywhere, each
    variant's embedding half on the risk-to-life columns."""
    from sklearn.model_selection import GroupKFold

    groups = [e.group for e in examples]
    scores = {v: np.zeros((len(examples), len(names)), np.float32) for v in variants}
    folds = GroupKFold(n_splits=training.FOLDS).split(vectors, groups=groups)
    for fold, (train, test) in enumerate(folds):
        sub = [examples[i] for i in train]
        base = training.fit(sub, vectors[train], written[train], names)
        texts = [examples[i].text for i in test]
        for variant in variants:
            print(f"  fold {fold} {variant}", flush=True)
            halves = fit_halves(VARIANTS[variant], sub, vectors[train], written[train], base)
            model = VariantModel(**_fields(base), **halves)
            scores[variant][test] = model.probabilities(vectors[test], texts)
    return scores


def _fields(model: signal_model.SentenceModel) -> dict:
    return {f.name: getattr(model, f.name) for f in dataclasses.fields(signal_model.SentenceModel)}


def run_worker(model: VariantModel, tag: str) -> tuple[list[str], dict]:
    """The worker on every development set and on real text with `model` as the sentence
    model; the table's lines and the counts."""
    signal_model.load = lambda path=None: model  # noqa: ARG005
    lines, counts = [], {}
    for path in errors.default_sets():
        counts[path.stem] = errors.measure(path, tag)
        lines.append(errors.line(path.stem, counts[path.stem]))
        print(lines[-1], flush=True)
    for path in REAL:
        texts = read_real(path, 1000)
        found = signals.detect_many(texts)
        share = sum(bool(set(d.names) & GROUPS["risk to life"]) for d in found) / len(texts)
        counts[path.name] = share
        lines.append(f"{path.name}: {len(texts)} texts, risk to life {share:.1%}")
        print(lines[-1], flush=True)
    return lines, counts


def scaled(model: VariantModel, scale: float) -> VariantModel:
    """`model` with both risk-to-life tiers' thresholds times `scale`."""
    rows = np.array([name in RISK_TO_LIFE for name in model.names])
    factor = np.where(rows, scale, 1.0).astype(np.float32)
    return dataclasses.replace(
        model,
        thresholds=model.thresholds * factor,
        possible=model.possible * factor,
        possible_long=model.possible_long * factor[:, None],
    )


def story_margins(model: VariantModel, texts: list[str]) -> list[tuple[bool, float]]:
    """Per text: whether something other than the English model's risk-to-life tiers (rules,
    Welsh model) raises risk to life, and the English model's margin, the highest ratio of a
    risk-to-life signal's best allowed sentence score to its "possible" threshold for the
    story's length. Scaling both tiers by s flags a text when other or margin >= s, so one
    pass gives the whole curve."""
    from nlp.signals.detection import detector

    rows = np.array([name in RISK_TO_LIFE for name in model.names])
    silent = scaled(model, 1e6)
    bare = dataclasses.replace(
        model,
        thresholds=np.where(rows, 0.0, model.thresholds).astype(np.float32),
        possible=np.where(rows, 0.0, model.possible).astype(np.float32),
        possible_long=np.where(rows[:, None], 0.0, model.possible_long).astype(np.float32),
    )
    original = detector._best_per_signal
    margins: list[float] = []

    def recording(m, units, scores, held_back):
        # Called once per text, in order (see detector.model_signals_many).
        lower = model.possible_thresholds(len(units))
        margins.append(
            max(
                [
                    found.score / float(lower[model.names.index(found.name)])
                    for found in original(bare, units, scores, held_back)
                    if found.name in RISK_TO_LIFE
                ],
                default=0.0,
            )
        )
        return original(m, units, scores, held_back)

    detector._best_per_signal = recording
    signal_model.load = lambda path=None: silent  # noqa: ARG005
    try:
        detections = signals.detect_many(texts)
    finally:
        detector._best_per_signal = original
    other = [bool(set(d.names) & GROUPS["risk to life"]) for d in detections]
    return list(zip(other, margins, strict=True))


def curve(model: VariantModel, variant: str) -> None:
    """fp at matched misses over all development sets, and the real-text load there."""
    labelled, real = [], {}
    for path in errors.default_sets():
        rows = errors.read_set(path)
        margins = story_margins(model, [r["text"] for r in rows])
        for row, (other, m) in zip(rows, margins, strict=True):
            labelled.append((path.stem, bool(row["labels"] & errors.RISK), other, m))
    for path in REAL:
        real[path.name] = story_margins(model, read_real(path, 1000))
    (OUT / f"model-classes-curve-{variant}.json").write_text(
        json.dumps({"labelled": labelled, "real": real})
    )
    print(f"\n## {variant}: curve (risk-to-life thresholds x s)", flush=True)
    for s in (0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.3):
        fp = sum(o or m >= s for _, want, o, m in labelled if not want)
        fn = sum(not (o or m >= s) for _, want, o, m in labelled if want)
        fp_new = sum(
            o or m >= s for stem, want, o, m in labelled if not want and stem not in TRAINED_ON
        )
        fn_new = sum(
            not (o or m >= s) for stem, want, o, m in labelled if want and stem not in TRAINED_ON
        )
        loads = " ".join(
            f"{name.split('_')[0]} {np.mean([o or m >= s for o, m in v]):.1%}"
            for name, v in real.items()
        )
        print(
            f"  s {s:.2f}: fp {fp} fn {fn} (not trained on: fp {fp_new} fn {fn_new}); {loads}",
            flush=True,
        )


def compare(variants: list[str], misses: tuple[int, ...] = (25, 30, 34, 38, 42, 46)) -> None:
    """From the saved curves: each variant's fewest false alarms over all development sets
    at each number of misses (its thresholds scaled so it misses at most that many), the
    real-text load there; then, at as many misses as base has at scale 1, each variant (base
    too) at its scale with the fewest false alarms, set by set."""

    def at(labelled, s):
        return [(stem, want, o or m >= s) for stem, want, o, m in labelled]

    def counts(flags):
        fp = sum(f and not w for _, w, f in flags)
        fn = sum(w and not f for _, w, f in flags)
        return fp, fn

    curves = {v: json.loads((OUT / f"model-classes-curve-{v}.json").read_text()) for v in variants}
    base_flags = at(curves["base"]["labelled"], 1.0)
    _, base_fn = counts(base_flags)
    print("variant".ljust(12) + "".join(f"{f'fn<={n}':>18}" for n in misses))
    chosen = {}
    for v, data in curves.items():
        labelled = data["labelled"]
        scales = sorted({m for *_, m in labelled if m > 0} | {1.0})
        cells = []
        for n in (*misses, base_fn):
            best = None
            for s in scales:
                fp, fn = counts(at(labelled, s))
                if fn <= n and (best is None or fp < best[0]):
                    best = (fp, fn, s)
            if n == base_fn and len(cells) == len(misses):
                chosen[v] = best
                continue
            load = np.mean([o or m >= best[2] for o, m in data["real"]["fft_phase1.csv"]])
            care = np.mean([o or m >= best[2] for o, m in data["real"]["care_opinion_dev.jsonl"]])
            cells.append(f"{best[0]:>5} ({load:.1%} {care:.1%})")
        print(v.ljust(12) + "".join(f"{c:>18}" for c in cells))
    stems = list(dict.fromkeys(stem for stem, *_ in curves["base"]["labelled"]))
    print(f"\nat most {base_fn} misses (base's at scale 1), best scale each: per set fp/fn")
    print("set".ljust(26) + "".join(f"{v:>12}" for v in curves))
    per = {v: at(curves[v]["labelled"], chosen[v][2]) for v in curves}
    for stem in stems:
        cells = [counts([f for f in per[v] if f[0] == stem]) for v in curves]
        print(stem.replace("signals_", "").ljust(26) + "".join(f"{a:>8}/{b:<3}" for a, b in cells))
    for v in curves:
        if v == "base":
            continue
        better = worse = 0
        for stem in stems:
            fp, fn = counts([f for f in per[v] if f[0] == stem])
            bfp, bfn = counts([f for f in per["base"] if f[0] == stem])
            better += fp < bfp and fn <= bfn
            worse += fp > bfp or fn > bfn
        print(
            f"{v}: scale {chosen[v][2]:.3f}, fp {chosen[v][0]} fn {chosen[v][1]};"
            f" sets better {better}, worse {worse} of {len(stems)}"
        )


def totals(counts: dict) -> str:
    out = []
    for label, keep in (
        ("all sets", lambda s: True),
        ("not trained on", lambda s: s not in TRAINED_ON),
    ):
        fp = sum(c["risk to life"][1] for s, c in counts.items() if isinstance(c, dict) and keep(s))
        fn = sum(c["risk to life"][2] for s, c in counts.items() if isinstance(c, dict) and keep(s))
        tp = sum(c["risk to life"][0] for s, c in counts.items() if isinstance(c, dict) and keep(s))
        abuse = " ".join(
            f"{k[:5]} {sum(c[k][0] for c in counts.values() if isinstance(c, dict))}"
            f"/{sum(c[k][0] + c[k][2] for c in counts.values() if isinstance(c, dict))}"
            for k in errors.ABUSE
        )
        out.append(
            f"{label}: risk to life tp {tp} fp {fp} fn {fn}, R {tp / (tp + fn):.3f}"
            f" P {tp / (tp + fp):.3f}; abuse recall {abuse}"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append")
    parser.add_argument("--background", type=Path, default=training.BACKGROUND_PATH)
    parser.add_argument("--curve", action="store_true", help="fp at matched misses")
    parser.add_argument(
        "--scale",
        action="append",
        type=float,
        default=[],
        help="also run with the risk-to-life thresholds (both tiers) times this: compares"
        " variants at matched recall, a reading aid only (not how thresholds are chosen)",
    )
    parser.add_argument("--seed", type=int, default=0, help="the MLP's seed (not 0: a suffix)")
    parser.add_argument("--compare", action="store_true", help="read the saved curves only")
    args = parser.parse_args()
    variants = args.variant or list(VARIANTS)
    MLP_SEED[0] = args.seed
    if args.seed:
        for name in ("mlp", "mlp_blend"):
            VARIANTS[f"{name}_seed{args.seed}"] = VARIANTS[name]
        variants = [f"{v}_seed{args.seed}" if v.startswith("mlp") else v for v in variants]
    if args.compare:
        compare(["base", *(v for v in variants if v != "base")])
        return
    names = tuple(SIGNALS)
    started = time.perf_counter()
    examples, vectors, written = training.training_set(
        signal_corpus.training_examples(),
        signal_written.stories(),
        training.background(args.background),
        names,
    )
    print(f"{len(examples)} training units in {time.perf_counter() - started:.0f} s", flush=True)
    oof = out_of_fold(examples, vectors, written, names, variants)
    base = training.fit(examples, vectors, written, names)
    errors.cached_embeddings()
    for variant in variants:
        tiers = training.operating_points(oof[variant], examples, written, names)
        print(f"\n## {variant}", flush=True)
        training.report(oof[variant], examples, written, tiers["thresholds"], names)
        halves = fit_halves(VARIANTS[variant], examples, vectors, written, base)
        model = VariantModel(**{**_fields(base), **tiers}, **halves)
        if args.curve:
            curve(model, variant)
            continue
        lines, counts = run_worker(model, f"mc-{variant}")
        summary = totals(counts)
        print(summary, flush=True)
        (OUT / f"model-classes-{variant}.txt").write_text("\n".join([*lines, summary]) + "\n")
        (OUT / f"model-classes-{variant}.json").write_text(json.dumps(counts))
        for scale in args.scale:
            print(f"\n## {variant}, risk-to-life thresholds x {scale}", flush=True)
            lines, counts = run_worker(scaled(model, scale), f"mc-{variant}-{scale}")
            print(totals(counts), flush=True)


if __name__ == "__main__":
    main()
