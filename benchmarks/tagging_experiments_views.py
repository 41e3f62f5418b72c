"""Experiment (issue 22): two views of a story, and nearest neighbours, beside the shipped learner.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_experiments_views.py
        [--adapt "Trust A"]    # only adapt (and cache) the encoder of one training trust
        [--measure]            # once: A + B -> C and Care Opinion 70/30, shipped encoder
        [--bands]              # only the learner on A + B -> C, macro-F1 by frequency band
        [--k 10 20 30] [--blend 0.25 0.5] [--temperature T] [--no-views]
        [--learner]            # the learner as built, its neighbours' vote off and on

Why: the app holds two vectors per story, the packaged MiniLM's (`embeddings`) and the tagging
encoder's (`tag_embeddings`), but the learner reads only the second. (1) **Two views**: the
frozen vector joins as another kernel block beside the adapted one, at feature weight w (kernel
weight w²). (2) **Nearest neighbours**: a distance-weighted vote of the k nearest training texts
(cosine over the tagging vectors), Platt-calibrated on leave-one-out votes, its log-odds blended
into the ridge's calibrated log-odds at weight β, then calibrated and cut as the learner does.

Dev protocol (docs/measured/tagging.md): Trust A -> B with the encoder adapted on Trust A only,
B -> A with the encoder adapted on Trust B only (`tagging_experiments_adapted_encoder.adapted`,
cached in benchmarks/out/adapted_<trust>_shipped.pt). Every row is the shipped learner
(`tag_learner.fit`, zero-shot fallback on) with something added; the first row is the learner
unchanged, in the same run. Trust C and Care Opinion's 30 % only with --measure.

Figures (micro / macro; reference 0.571 / 0.371 | 0.475 / 0.327; all rows in
docs/measured/tagging.md): two views at w 0.5 / 0.7 / 1 lose (A -> B 0.569 / 0.371 down to
0.560 / 0.359); the vote weighted by similarity gains on B -> A only; weighted exp(cos / 0.05),
k 20, blend 0.25: A -> B 0.573 / 0.388, B -> A 0.489 / 0.347, kept (nlp.tagging.neighbours).
Measured once: A + B -> C 0.715 / 0.394 -> 0.719 / 0.427, Care Opinion 0.471 / 0.297 ->
0.476 / 0.292.
"""

from __future__ import annotations

import argparse
import time
from types import SimpleNamespace

import numpy as np
import torch
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from benchmarks import tagging_experiments_adapted_encoder as adapted_encoder
from nlp import embed
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import neighbours as tag_neighbours

DEV_PLANS = ((("Trust A",), "Trust B"), (("Trust B",), "Trust A"))


def adapted_transformer(texts, gold, framework, trusts, trust: str):
    """The encoder adapted on `trust`'s labelled comments only (cached after the first run)."""
    args = SimpleNamespace(
        measure=False,
        reuse=True,
        first_layer=None,
        frozen_wordpieces=False,
        epochs=None,
        rate=None,
        smoothing=None,
        major_weight=None,
        contrastive_weight=None,
    )
    source = np.flatnonzero(trusts == trust)
    majors = None
    _, transformer = adapted_encoder.adapted(args, texts, gold, framework, source, (trust,), majors)
    return transformer


VIEW_WEIGHTS = (0.5, 0.7, 1.0)  # feature weight of the frozen block (kernel weight w²)
KNN_K = (10, 20, 30)
KNN_BLEND = (0.25, 0.5)
BANDS = ((0, 20, "< 20"), (20, 101, "20-100"), (101, 10**9, "> 100"))


class Frozen:
    """The packaged model's vectors (`nlp.embed.encode`, the app's `embeddings`), memoised."""

    def __init__(self) -> None:
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            self.cache.update(zip(missing, embed.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, embed.DIM), dtype=np.float32)
        return np.vstack([self.cache[t] for t in texts])


class TwoViews:
    """Fits the shipped learner on [tagging vector, w * frozen vector]: the embedding block's
    kernel becomes a·a' + w² f·f'. The priorities' prototypes stay the tagging encoder's, padded
    with zeros, so the zero-shot prior and fallback are exactly the shipped ones."""

    def __init__(self, tagging, frozen, weight: float) -> None:
        self.tagging, self.frozen, self.weight = tagging, frozen, weight

    def encode(self, texts: list[str]) -> np.ndarray:
        return join(self.tagging(texts), self.frozen(texts), self.weight)

    def __enter__(self):
        self.original = tag_learner.prototype_vectors

        def padded(framework, ids, encode=None):
            own = self.original(framework, ids, lambda t: encode(t)[:, : embed.DIM])
            return np.hstack([own, np.zeros_like(own)])

        tag_learner.prototype_vectors = padded
        return self

    def __exit__(self, *_) -> None:
        tag_learner.prototype_vectors = self.original


def join(tagging: np.ndarray, frozen: np.ndarray, weight: float) -> np.ndarray:
    return np.hstack([tagging, weight * frozen]).astype(np.float32)


def two_view_passages(passages, frozen_vectors: np.ndarray, weight: float):
    """Passages whose vectors carry both views (built directly: `from_vectors` expects 384)."""
    return tag_learner.Passages(
        texts=passages.texts,
        vectors=join(passages.vectors, frozen_vectors, weight),
        owner=passages.owner,
    )


class HeldOut:
    """Records the held-out ridge scores `tag_learner._fit` calibrates (one call per passage
    weight tried), so other scores can be blended into them after the fit."""

    def __enter__(self):
        self.calls: list[np.ndarray] = []
        self.original = tag_learner._calibrate

        def recording(held_out, labels, learnt):
            self.calls.append(np.array(held_out, copy=True))
            return self.original(held_out, labels, learnt)

        tag_learner._calibrate = recording
        return self

    def __exit__(self, *_) -> None:
        tag_learner._calibrate = self.original

    def chosen(self, model) -> np.ndarray:
        if len(self.calls) == 1:
            return self.calls[0]
        return self.calls[tag_learner.PASSAGE_WEIGHTS.index(model.passage_weight)]


def knn_votes(
    train: np.ndarray,
    labels: np.ndarray,
    query: np.ndarray,
    k: int,
    loo: bool,
    temperature: float = 0.0,
):
    """Each query's distance-weighted vote of its k nearest training texts (cosine; weights
    the similarity clipped at 0, or exp(similarity / temperature) when one is given): per
    priority, the weighted share of neighbours carrying it. With `loo` the query rows are the
    training rows and each leaves itself out."""
    similarity = query.astype(np.float32) @ train.astype(np.float32).T
    if loo:
        np.fill_diagonal(similarity, -np.inf)
    nearest = np.argpartition(-similarity, k, axis=1)[:, :k]
    near = np.take_along_axis(similarity, nearest, axis=1)
    if temperature:
        weights = np.exp((near - near.max(axis=1, keepdims=True)) / temperature)
    else:
        weights = near.clip(0.0) + 1e-6
    votes = np.einsum("qk,qkj->qj", weights, labels[nearest].astype(np.float32))
    return votes / weights.sum(axis=1, keepdims=True)


def knn_blend(model, held, labels, test_scores, knn_held, knn_test, beta: float):
    """The learner's decisions with each learnt priority's calibrated log-odds replaced by
    (1 - beta) * ridge's + beta * the vote's, recalibrated and cut as `_fit` does."""
    learnt = model.learnt
    ridge_a, ridge_b = model.platt[:, 0], model.platt[:, 1]
    vote_a, vote_b = np.ones(labels.shape[1]), np.zeros(labels.shape[1])
    for j in np.flatnonzero(learnt):
        vote_a[j], vote_b[j] = tag_learner._platt(knn_held[:, j], labels[:, j])
    blended_held = (1 - beta) * (held * ridge_a + ridge_b) + beta * (knn_held * vote_a + vote_b)
    blended_test = (1 - beta) * (test_scores * ridge_a + ridge_b) + beta * (
        knn_test * vote_a + vote_b
    )
    platt, thresholds, _, _ = tag_learner._calibrate(blended_held, labels, learnt)
    probabilities = tag_learner._sigmoid(blended_test * platt[:, 0] + platt[:, 1])
    return probabilities, thresholds


def decide(model, probabilities, thresholds, test_vectors) -> np.ndarray:
    """`LearntTagger.predict` on given learnt probabilities (zero-shot priorities as it does)."""
    probabilities = probabilities.copy()
    if not model.learnt.all():
        gap = model.similarity(test_vectors) - model.similarity_cuts[None, :]
        probabilities[:, ~model.learnt] = tag_learner._sigmoid(20.0 * gap[:, ~model.learnt])
    decided = tag_learner._top(probabilities, model.learnt)
    return decided | (probabilities >= np.where(model.learnt, thresholds, 0.5)[None, :])


def bands(train_gold: np.ndarray, test_gold: np.ndarray, decided: np.ndarray) -> str:
    """Macro-F1 over the test set's priorities grouped by their number of training examples."""
    from sklearn.metrics import f1_score

    counts = train_gold.sum(axis=0)
    present = test_gold.sum(axis=0) > 0
    per = f1_score(test_gold, decided, average=None, zero_division=0)
    cells = []
    for low, high, name in BANDS:
        chosen = present & (counts >= low) & (counts < high)
        if chosen.any():
            cells.append(
                f"{name}: {per[chosen].mean():.3f} over {chosen.sum()} priorities "
                f"({int(test_gold[:, chosen].sum())} test labels)"
            )
    return "; ".join(cells)


def run(
    label,
    framework,
    data,
    frozen_encode,
    tagging_encode,
    results,
    passages=None,
    only=False,
    options=None,
):
    """Every variant on one split. `data` is (train texts, train tagging vectors, train frozen
    vectors, train gold, then the same for test); `passages` (train, test, frozen passage
    vectors of each) or None."""
    tr_texts, tr_vec, tr_frozen, tr_gold, te_texts, te_vec, te_frozen, te_gold = data

    def note(name, decided, seconds=None):
        micro, macro = bench.f1_pair(te_gold, decided)
        took = f"  fit {seconds:4.1f} s" if seconds is not None else ""
        line = f"{label:<22} {name:<52} {micro:.3f} / {macro:.3f}{took}"
        results.append(line)
        print(line, flush=True)

    p_train = p_test = None
    if passages is not None:
        p_train, p_test = passages[0], passages[1]
    if options is not None and options.learner:
        # The learner as built (nlp.tagging.neighbours), its vote off and on, same run.
        shipped_blend = tag_neighbours.BLEND
        for blend in (0.0, shipped_blend):
            tag_neighbours.BLEND = blend
            started = time.perf_counter()
            model = tag_learner.fit(
                framework, framework.ids, tr_texts, tr_vec, tr_gold, tagging_encode, p_train
            )
            seconds = time.perf_counter() - started
            decided = model.predict(te_texts, te_vec, p_test)[0]
            size = len(model.to_bytes()) / 1e6
            note(f"learner, neighbours' vote at {blend} ({size:.1f} MB stored)", decided, seconds)
            results.append(f"{'':<22}    bands: {bands(tr_gold, te_gold, decided)}")
        tag_neighbours.BLEND = shipped_blend
        return
    with HeldOut() as recorder:
        started = time.perf_counter()
        model = tag_learner.fit(
            framework, framework.ids, tr_texts, tr_vec, tr_gold, tagging_encode, p_train
        )
        seconds = time.perf_counter() - started
    decided = model.predict(te_texts, te_vec, p_test)[0]
    note("shipped learner (reference)", decided, seconds)
    print("   bands: " + bands(tr_gold, te_gold, decided), flush=True)
    results.append(f"{'':<22}    bands: {bands(tr_gold, te_gold, decided)}")
    if only:
        return

    # (2) nearest neighbours over the tagging vectors, blended into the ridge's log-odds.
    held = recorder.chosen(model)
    test_scores = model.decision(te_texts, te_vec, p_test)
    options = options or argparse.Namespace(k=KNN_K, blend=KNN_BLEND, temperature=0.0, views=True)
    for k in options.k:
        knn_held = knn_votes(tr_vec, tr_gold, tr_vec, k, True, options.temperature)
        knn_test = knn_votes(tr_vec, tr_gold, te_vec, k, False, options.temperature)
        kind = f", exp(cos / {options.temperature})" if options.temperature else ""
        for beta in options.blend:
            probabilities, thresholds = knn_blend(
                model, held, tr_gold, test_scores, knn_held, knn_test, beta
            )
            decided = decide(model, probabilities, thresholds, te_vec)
            note(f"+ kNN k={k}{kind}, blend {beta}", decided)
            results.append(f"{'':<22}    bands: {bands(tr_gold, te_gold, decided)}")

    # (1) two views: the frozen vector as a second kernel block.
    for weight in VIEW_WEIGHTS if options.views else ():
        views = TwoViews(tagging_encode, frozen_encode, weight)
        p_train_2 = p_test_2 = None
        if passages is not None:
            p_train_2 = two_view_passages(passages[0], passages[2], weight)
            p_test_2 = two_view_passages(passages[1], passages[3], weight)
        with views:
            started = time.perf_counter()
            model2 = tag_learner.fit(
                framework,
                framework.ids,
                tr_texts,
                join(tr_vec, tr_frozen, weight),
                tr_gold,
                views.encode,
                p_train_2,
            )
            seconds = time.perf_counter() - started
            decided = model2.predict(te_texts, join(te_vec, te_frozen, weight), p_test_2)[0]
        note(f"+ frozen MiniLM block, weight {weight} (kernel {weight**2:.2f})", decided, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adapt", help="only adapt the encoder of this trust, e.g. 'Trust A'")
    parser.add_argument("--measure", action="store_true")
    parser.add_argument(
        "--bands", action="store_true", help="only the shipped learner on A + B -> C, by band"
    )
    parser.add_argument("--k", type=int, nargs="+", default=list(KNN_K))
    parser.add_argument("--blend", type=float, nargs="+", default=list(KNN_BLEND))
    parser.add_argument(
        "--temperature", type=float, default=0.0, help="kNN weights exp(cos / T), not cos"
    )
    parser.add_argument("--no-views", dest="views", action="store_false")
    parser.add_argument(
        "--learner",
        action="store_true",
        help="the learner as built, its neighbours' vote off and on (no experiment rows)",
    )
    args = parser.parse_args()
    torch.set_num_threads(1 if args.adapt else 2)  # adaptation as the shipped weights were
    framework, texts, gold, trusts, *_ = adapted_encoder.load(False)
    if args.adapt:
        started = time.perf_counter()
        adapted_transformer(texts, gold, framework, trusts, args.adapt)
        print(f"{args.adapt}: ready in {time.perf_counter() - started:.0f} s")
        return
    results: list[str] = []
    frozen = Frozen()
    if not args.learner:
        # The experiment rows were run on the learner before the vote was built in: it is the
        # reference they are added to.
        tag_neighbours.BLEND = 0.0
    if args.measure or args.bands:
        measure(results, frozen, args, bands_only=args.bands)
    else:
        frozen_vectors = bench.cached_embeddings(texts, "fft-dev-frozen")
        for (source,), target in DEV_PLANS:
            transformer = adapted_transformer(texts, gold, framework, trusts, source)
            tagging = adapted_encoder.Encoder(transformer)
            vectors = bench.cached_embeddings(
                texts, f"fft-dev-adapted-{source[-1]}", tagging.encode
            )
            tagging.cache.update(zip(texts, vectors, strict=True))
            train, test = np.flatnonzero(trusts == source), np.flatnonzero(trusts == target)
            data = [
                ([texts[i] for i in r], vectors[r], frozen_vectors[r], gold[r])
                for r in (train, test)
            ]
            run(
                f"FFT {source[-1]} -> {target[-1]} (dev)",
                framework,
                (*data[0], *data[1]),
                frozen.encode,
                tagging.encode,
                results,
                options=args,
            )
    print("\n" + "\n".join(results))


def measure(results: list[str], frozen: Frozen, options, bands_only: bool = False) -> None:
    """Once: A + B -> C and Care Opinion 70/30 with the shipped tagging encoder. `bands_only`:
    the shipped learner on A + B -> C alone (macro-F1 per training-frequency band)."""
    rows = bench.read_rows(bench.DEFAULT_DATA)
    framework = bench.subcategory_framework(rows, bench.load_framework(bench.DEFAULT_FRAMEWORK))
    texts = [row["feedback"] for row in rows]
    gold = np.zeros((len(rows), len(framework.ids)), dtype=np.int8)
    gold[np.arange(len(rows)), [framework.ids.index(row["code"]) for row in rows]] = 1
    trusts = np.array([row["organization"] for row in rows])
    wanted = options.views and not bands_only  # the frozen vectors serve the two-view rows only

    def packaged(some: list[str], name: str) -> np.ndarray:
        if wanted:
            return bench.cached_embeddings(some, name)
        return np.zeros((len(some), embed.DIM), dtype=np.float32)

    frozen_vectors = packaged(texts, "fft-all")
    tagged = bench.cached_embeddings(texts, "fft-all-tagging", tag_encoder.encode)
    train = np.flatnonzero(np.isin(trusts, ("Trust A", "Trust B")))
    test = np.flatnonzero(trusts == "Trust C")
    data = [([texts[i] for i in r], tagged[r], frozen_vectors[r], gold[r]) for r in (train, test)]
    run(
        "FFT A + B -> C (measure)",
        framework,
        (*data[0], *data[1]),
        frozen.encode,
        tag_encoder.encode,
        results,
        only=bands_only,
        options=options,
    )
    if bands_only:
        return
    majors_of = {row["code"]: row["label"].strip() for row in rows}
    story_texts, story_gold = bench.care_opinion(framework, majors_of)
    story_frozen = packaged(story_texts, "care_opinion")
    story_tagged = bench.cached_embeddings(story_texts, "care_opinion-tagging", tag_encoder.encode)
    story_passages = bench.cached_passages(story_texts, "care_opinion-passages-tagging")
    passage_frozen = packaged(story_passages.texts, "care_opinion-passages")
    train, test = train_test_split(
        np.arange(len(story_texts)), test_size=0.3, random_state=bench.SEED
    )
    p_train, p_test = story_passages.subset(train), story_passages.subset(test)
    by_text = dict(zip(story_passages.texts, passage_frozen, strict=True))
    data = [
        ([story_texts[i] for i in r], story_tagged[r], story_frozen[r], story_gold[r])
        for r in (train, test)
    ]
    run(
        "Care Opinion 70/30",
        framework,
        (*data[0], *data[1]),
        frozen.encode,
        tag_encoder.encode,
        results,
        (
            p_train,
            p_test,
            np.array([by_text[t] for t in p_train.texts]).reshape(-1, embed.DIM),
            np.array([by_text[t] for t in p_test.texts]).reshape(-1, embed.DIM),
        ),
        options=options,
    )


if __name__ == "__main__":
    main()
