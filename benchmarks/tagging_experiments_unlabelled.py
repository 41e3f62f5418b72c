"""Does the target organisation's unlabelled text help the learnt tagger? (dev splits first.)

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_experiments_unlabelled.py
    ... --measure "<variant name>"   # once, after choosing on the dev splits: A+B -> C, random
                                      # 80/20 and Care Opinion, beside the shipped learner

Why: in the app every story of the organisation is in the database, checked and embedded, when the
tagger trains, but only the few an analyst decided are labelled. The table in
docs/measured/tagging.md shows that the gap to issue 22's targets is mostly domain shift
(subcategories worded and coded differently trust to trust), so the tagger may use the target
domain's unlabelled texts:

- "IDF on source + target": the hashed words' document frequencies (and the kept columns) from
  the labelled and the unlabelled texts;
- "centre embeddings per domain": the embedding block is each domain's vectors minus that
  domain's mean (source mean for the labelled texts and the priorities' phrases, target mean
  for the texts to tag), a first-moment alignment;
- "self-training tau": the target texts whose most probable priority has calibrated probability
  at least tau join training as pseudo-labelled rows (labels: what the model decided for them),
  then the tagger is refitted; Platt calibration and cuts come from the labelled rows' exact
  leave-one-out scores only, so pseudo-labels never grade themselves. tau is fixed a priori
  (0.95 / 0.9 / 0.8 / 0.7), one or two rounds, pseudo rows at weight 1 or 0.5 (ridge
  penalty / w), or a quota per predicted priority (against drift to the common ones);
- "whiten": per-domain whitening of the embedding (CORAL-like second-moment alignment);
- "target priors by EM": the target's label frequencies estimated from its texts' calibrated
  probabilities (Saerens et al. 2002) and the log-odds moved by the change (label shift).

Each variant is the shipped `nlp.tagging.learner` fit with one thing changed (the same blocks,
ridge, Platt, cuts, top-1 rule and zero-shot fallback); its plain row must equal the shipped
learner's figures, printed first. The transductive texts are the test trust's texts, as in the
app, where the stories to tag are the organisation's unlabelled ones. Settings are chosen on
Trust A -> B and B -> A only; --measure runs one chosen variant on the measuring splits.

Result (docs/measured/tagging.md): none helps on both dev splits beyond calibration noise;
the best, self-training at tau 0.95, measured once is within noise on every split. Not shipped.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import numpy as np
from sklearn.model_selection import train_test_split

from benchmarks import tagging as bench
from benchmarks import tagging_experiments_common as common
from nlp import embed
from nlp.priorities import load_framework
from nlp.tagging import learner as tag_learner


@dataclass
class Variant:
    idf_target: bool = False
    centre: bool = False
    threshold: float | None = None  # self-training confidence; None: no self-training
    rounds: int = 1
    pseudo_weight: float = 1.0
    top_only: bool = False  # pseudo-label only each text's most probable priority
    quota: float | None = None  # per priority, at most this share of its predicted texts
    whiten: bool = False  # per-domain whitening (CORAL-like) instead of centring only
    label_shift: float = 0.0  # 1: EM estimate of target priors (Saerens 2002); 0.5: half of it
    top_shift: bool = False  # multi-class EM on normalised probabilities, for the top choice only


@dataclass
class ShiftedTagger(tag_learner.LearntTagger):
    """The learnt tagger with the embedding block centred on the texts' own domain mean."""

    shift: np.ndarray | tuple | None = None
    bias: np.ndarray | None = None  # log-odds added per priority (target prior adaptation)

    top_weight: np.ndarray | None = None  # multiplies probabilities when choosing the top one

    def predict(self, texts, vectors):
        if self.top_weight is None:
            return super().predict(texts, vectors)
        probabilities = self.probabilities(texts, vectors)
        decided = tag_learner._top(probabilities * self.top_weight[None, :], self.learnt)
        decided |= probabilities >= np.where(self.learnt, self.thresholds, 0.5)[None, :]
        return decided, probabilities

    def probabilities(self, texts, vectors):
        probabilities = super().probabilities(texts, vectors)
        if self.bias is None:
            return probabilities
        logits = np.log(probabilities.clip(1e-9, 1 - 1e-9))
        logits -= np.log((1 - probabilities).clip(1e-9, 1))
        adjusted = tag_learner._sigmoid(logits + self.bias[None, :])
        return np.where(self.learnt[None, :], adjusted, probabilities)

    def decision(self, texts, vectors):
        blocks = tag_learner._blocks(self.words, texts, vectors, self.prototypes)
        if isinstance(self.shift, tuple):
            mean, mapping = self.shift
            blocks[1] = tag_learner.EMBEDDING_WEIGHT * ((np.asarray(vectors) - mean) @ mapping)
        elif self.shift is not None:
            blocks[1] = tag_learner.EMBEDDING_WEIGHT * (np.asarray(vectors) - self.shift)
        parts = [self.coef_words, self.coef_vector, self.coef_prior, self.intercept]
        return tag_learner._score(blocks, parts)


def _ridge_weighted(blocks, targets, weights):
    """tag_learner._ridge with a per-row penalty alpha / weight (pseudo rows count less)."""
    from scipy import linalg, sparse

    if np.all(weights == 1.0):
        return tag_learner._ridge(blocks, targets)

    n = targets.shape[0]
    kernel = np.ones((n, n), dtype=np.float32)
    for block in blocks:
        product = block @ block.T
        kernel += product.toarray() if sparse.issparse(product) else product.astype(np.float32)
    kernel[np.diag_indices(n)] += (tag_learner.ALPHA / weights).astype(np.float32)
    factor = linalg.cho_factor(kernel, overwrite_a=True, check_finite=False)
    dual = linalg.cho_solve(factor, targets.astype(np.float32), check_finite=False)
    (potri,) = linalg.lapack.get_lapack_funcs(("potri",), (factor[0],))
    inverse, _ = potri(factor[0], lower=factor[1])
    leave_one_out = (targets - dual / np.diag(inverse)[:, None]).astype(np.float64)
    parts = [np.asarray(block.T @ dual, dtype=np.float32) for block in blocks]
    return [*parts, dual.sum(axis=0, keepdims=True).astype(np.float32)], leave_one_out


def _whitener(vectors: np.ndarray) -> np.ndarray:
    """Symmetric map taking the vectors' covariance to a multiple of the identity, scaled so
    the mapped vectors keep the same mean squared norm as the centred originals."""
    centred = vectors - vectors.mean(axis=0)
    covariance = centred.T @ centred / len(vectors)
    values, basis = np.linalg.eigh(covariance)
    values = values.clip(values.max() * 1e-3)
    mapping = (basis / np.sqrt(values)) @ basis.T
    scale = np.sqrt(np.trace(covariance) / len(values))
    return (mapping * scale).astype(np.float32)


def fit_once(framework, texts, vectors, labels, target_texts, target_vectors, variant, extra):
    """One fit as tag_learner._fit, with the variant's change; `extra` = pseudo rows
    (texts, vectors, labels) that train the ridge but not the calibration."""
    ids = framework.ids
    prototypes = tag_learner.prototype_vectors(framework, ids, embed.encode)
    phrase_texts, phrase_labels = tag_learner._phrase_rows(framework, ids)
    phrase_vectors = embed.encode(phrase_texts)
    positives = labels.sum(axis=0)
    learnt = positives >= tag_learner.MIN_EXAMPLES
    extra_texts, extra_vectors, extra_labels = extra or ([], np.zeros((0, 384)), labels[:0])
    all_texts = list(texts) + list(extra_texts) + phrase_texts
    all_vectors = np.vstack([vectors, extra_vectors, phrase_vectors]).astype(np.float32)
    all_labels = np.vstack([labels, extra_labels, phrase_labels])
    words = tag_learner.Words.fit(all_texts + (list(target_texts) if variant.idf_target else []))
    blocks = tag_learner._blocks(words, all_texts, all_vectors, prototypes)
    source_mean = target_mean = None
    if variant.centre:
        source_mean = np.vstack([vectors, phrase_vectors]).mean(axis=0)
        target_mean = np.asarray(target_vectors).mean(axis=0)
        shifted = all_vectors - source_mean
        # Pseudo rows are target texts: centred on the target mean, as at prediction.
        shifted[len(texts) : len(texts) + len(extra_texts)] += source_mean - target_mean
        blocks[1] = tag_learner.EMBEDDING_WEIGHT * shifted
    if variant.whiten:
        source = np.vstack([vectors, phrase_vectors])
        source_map = _whitener(source)
        target_map = _whitener(np.asarray(target_vectors))
        source_mean, target_mean = source.mean(axis=0), np.asarray(target_vectors).mean(axis=0)
        mapped = (all_vectors - source_mean) @ source_map
        pseudo = slice(len(texts), len(texts) + len(extra_texts))
        mapped[pseudo] = (all_vectors[pseudo] - target_mean) @ target_map
        blocks[1] = tag_learner.EMBEDDING_WEIGHT * mapped
        target_mean = (target_mean, target_map)
    weights = np.ones(len(all_texts))
    weights[len(texts) : len(texts) + len(extra_texts)] = variant.pseudo_weight
    parts, leave_one_out = _ridge_weighted(blocks, 2.0 * all_labels - 1.0, weights)
    held_out = leave_one_out[: len(texts)]
    platt = np.tile(np.array([1.0, 0.0], dtype=np.float32), (len(ids), 1))
    calibrated = np.zeros(labels.shape)
    for j in np.flatnonzero(learnt):
        platt[j] = tag_learner._platt(held_out[:, j], labels[:, j])
        calibrated[:, j] = tag_learner._sigmoid(platt[j, 0] * held_out[:, j] + platt[j, 1])
    top = tag_learner._top(calibrated, learnt)
    thresholds = np.full(len(ids), 1.01, dtype=np.float32)
    for j in np.flatnonzero(learnt):
        thresholds[j] = tag_learner._best_cut(
            labels[:, j].astype(bool), calibrated[:, j], top[:, j]
        )[0]
    similarity = vectors @ prototypes.T
    ranked = -np.sort(-similarity, axis=0)
    cuts = ranked[np.clip(positives - 1, 0, len(texts) - 1), np.arange(len(ids))]
    coef_words, coef_vector, coef_prior, intercept = parts
    return ShiftedTagger(
        priority_ids=list(ids),
        words=words,
        prototypes=prototypes,
        coef_words=coef_words,
        coef_vector=coef_vector,
        coef_prior=coef_prior,
        intercept=intercept,
        platt=platt,
        thresholds=thresholds,
        learnt=learnt,
        similarity_cuts=cuts.astype(np.float32),
        version="experiment",
        shift=target_mean,
    )


def label_shift_bias(model, labels, target_texts, target_vectors, strength) -> np.ndarray:
    """Per priority, the log-odds change from the training prior to the target prior that EM
    estimates from the target texts' calibrated probabilities (Saerens, Latinne & Decaestecker
    2002, one binary problem per priority), times `strength`."""
    probabilities = model.probabilities(target_texts, target_vectors).clip(1e-6, 1 - 1e-6)
    source = labels.mean(axis=0).clip(1e-4, 1 - 1e-4)
    target = source.copy()
    for _ in range(100):
        up, down = target / source, (1 - target) / (1 - source)
        posterior = up * probabilities / (up * probabilities + down * (1 - probabilities))
        target = posterior.mean(axis=0).clip(1e-4, 1 - 1e-4)
    bias = np.log(target / (1 - target)) - np.log(source / (1 - source))
    return np.where(model.learnt, strength * bias, 0.0)


def fit_variant(framework, texts, vectors, labels, target_texts, target_vectors, variant):
    model, added = _self_train(
        framework, texts, vectors, labels, target_texts, target_vectors, variant
    )
    if variant.label_shift:
        model.bias = label_shift_bias(
            model, labels, target_texts, target_vectors, variant.label_shift
        )
    if variant.top_shift:
        model.top_weight = top_prior_weight(model, labels, target_texts, target_vectors)
    return model, added


def top_prior_weight(model, labels, target_texts, target_vectors) -> np.ndarray:
    """Target-over-source prior ratio per priority from multi-class EM on the probabilities
    normalised over learnt priorities (each text has one most probable priority)."""
    probabilities = np.where(
        model.learnt[None, :], model.probabilities(target_texts, target_vectors), 0
    )
    probabilities = probabilities / probabilities.sum(axis=1, keepdims=True).clip(1e-9)
    source = labels.mean(axis=0) / labels.mean(axis=0).sum()
    target = source.copy()
    for _ in range(100):
        posterior = probabilities * np.divide(
            target, source, where=source > 0, out=np.zeros_like(source)
        )
        posterior /= posterior.sum(axis=1, keepdims=True).clip(1e-12)
        target = posterior.mean(axis=0)
    return np.divide(target, source, where=source > 0, out=np.ones_like(source))


def _self_train(framework, texts, vectors, labels, target_texts, target_vectors, variant):
    model = fit_once(framework, texts, vectors, labels, target_texts, target_vectors, variant, None)
    if variant.threshold is None:
        return model, 0
    room = tag_learner.DUAL_LIMIT - len(texts) - 400  # the phrases; stay in the exact solver
    added = 0
    for _ in range(variant.rounds):
        decided, probabilities = model.predict(target_texts, target_vectors)
        confidence = np.where(model.learnt[None, :], probabilities, 0.0).max(axis=1)
        sure = np.flatnonzero(confidence >= variant.threshold)
        if variant.quota is not None:
            top = np.where(model.learnt[None, :], probabilities, -1.0).argmax(axis=1)
            chosen = []
            for j in np.unique(top):
                rows = np.flatnonzero(top == j)
                rows = rows[confidence[rows] >= variant.threshold]
                rows = rows[np.argsort(-confidence[rows])]
                chosen.extend(rows[: int(np.ceil(variant.quota * (top == j).sum()))])
            sure = np.array(sorted(chosen), dtype=int)
        if variant.top_only:
            decided = tag_learner._top(probabilities, model.learnt)
        sure = sure[np.argsort(-confidence[sure])][: max(0, room)]
        extra = (
            [target_texts[i] for i in sure],
            target_vectors[sure],
            decided[sure].astype(np.int8),
        )
        added = len(sure)
        model = fit_once(
            framework, texts, vectors, labels, target_texts, target_vectors, variant, extra
        )
    return model, added


VARIANTS = {
    "plain (this script's fit; must equal the shipped)": Variant(),
    "IDF on source + target": Variant(idf_target=True),
    "centre embeddings per domain": Variant(centre=True),
    "whiten embeddings per domain": Variant(whiten=True),
    "IDF + centre": Variant(idf_target=True, centre=True),
    "self-training tau 0.95": Variant(threshold=0.95),
    "self-training tau 0.9": Variant(threshold=0.9),
    "self-training tau 0.8": Variant(threshold=0.8),
    "self-training tau 0.7": Variant(threshold=0.7),
    "self-training tau 0.9, top priority only": Variant(threshold=0.9, top_only=True),
    "self-training tau 0.8, pseudo weight 0.5": Variant(threshold=0.8, pseudo_weight=0.5),
    "self-training tau 0.8, two rounds": Variant(threshold=0.8, rounds=2),
    "self-training tau 0.5, 20 % per predicted priority": Variant(threshold=0.5, quota=0.2),
    "self-training tau 0.5, 10 % per priority, weight 0.5": Variant(
        threshold=0.5, quota=0.1, pseudo_weight=0.5
    ),
    "IDF + centre + self-training tau 0.8": Variant(idf_target=True, centre=True, threshold=0.8),
    "target priors by EM (label shift)": Variant(label_shift=1.0),
    "target priors by EM, half strength": Variant(label_shift=0.5),
    "target priors by multi-class EM, top choice only": Variant(top_shift=True),
    "self-training tau 0.95 + target priors half": Variant(threshold=0.95, label_shift=0.5),
}


def run(name, framework, texts, vectors, gold, train, test, variants, table) -> None:
    train_texts, test_texts = [texts[i] for i in train], [texts[i] for i in test]
    started = time.perf_counter()
    shipped = tag_learner.fit(
        framework, framework.ids, train_texts, vectors[train], gold[train], encode=embed.encode
    )
    took = time.perf_counter() - started
    pair = bench.f1_pair(gold[test], shipped.predict(test_texts, vectors[test])[0])
    table.setdefault("shipped learner (tag_learner.fit)", {})[name] = (*pair, took, 0)
    for label in variants:
        started = time.perf_counter()
        model, added = fit_variant(
            framework,
            train_texts,
            vectors[train],
            gold[train],
            test_texts,
            vectors[test],
            VARIANTS[label],
        )
        took = time.perf_counter() - started
        pair = bench.f1_pair(gold[test], model.predict(test_texts, vectors[test])[0])
        table.setdefault(label, {})[name] = (*pair, took, added)
        print(f"  {name}: {label}: {pair[0]:.3f} / {pair[1]:.3f} {took:.1f} s", flush=True)


def show(table) -> None:
    for label, cells in table.items():
        text = " | ".join(
            f"{n} {mi:.3f} / {ma:.3f} ({s:.1f} s{f', +{a}' if a else ''})"
            for n, (mi, ma, s, a) in cells.items()
        )
        print(f"{label:<48} {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", help="variant to measure once on the measuring splits")
    args = parser.parse_args()
    rows = bench.read_rows(bench.DEFAULT_DATA)
    full = load_framework(bench.DEFAULT_FRAMEWORK)
    framework = bench.subcategory_framework(rows, full)
    texts = [row["feedback"] for row in rows]
    vectors = bench.cached_embeddings(texts, "fft-all")
    gold = np.zeros((len(rows), len(framework.ids)), dtype=np.int8)
    gold[np.arange(len(rows)), [framework.ids.index(row["code"]) for row in rows]] = 1
    trusts = np.array([row["organization"] for row in rows])
    table: dict = {}
    if not args.measure:
        for train_trusts, test_trust in common.SPLITS:
            train = np.flatnonzero(np.isin(trusts, train_trusts))
            test = np.flatnonzero(trusts == test_trust)
            name = f"{train_trusts[0][-1]} -> {test_trust[-1]}"
            run(name, framework, texts, vectors, gold, train, test, list(VARIANTS), table)
        show(table)
        return
    chosen = [args.measure]
    train = np.flatnonzero(np.isin(trusts, ("Trust A", "Trust B")))
    test = np.flatnonzero(trusts == "Trust C")
    run("A+B -> C", framework, texts, vectors, gold, train, test, chosen, table)
    train, test = train_test_split(np.arange(len(rows)), test_size=0.2, random_state=bench.SEED)
    run("random", framework, texts, vectors, gold, train, test, chosen, table)
    majors_of = {row["code"]: row["label"].strip() for row in rows}
    story_texts, story_gold = bench.care_opinion(framework, majors_of)
    story_vectors = bench.cached_embeddings(story_texts, "care_opinion")
    train, test = train_test_split(
        np.arange(len(story_texts)), test_size=0.3, random_state=bench.SEED
    )
    run(
        "Care Opinion",
        framework,
        story_texts,
        story_vectors,
        story_gold,
        train,
        test,
        chosen,
        table,
    )
    show(table)


if __name__ == "__main__":
    main()
