"""Multi-label tagging of stories to a framework's priorities: zero-shot first, learnt later.

Zero-shot: each priority is described by phrases (its title, description and examples); a
story's score for a priority is the mean cosine similarity between the story's embedding and
those phrases, and the nearest phrase is kept as evidence. Absolute cosine thresholds do not
carry across text lengths (long stories score lower against short phrases, so a threshold
chosen on comments tags almost nothing in stories), so a priority is proposed when its score is
within a per-priority *margin* of the story's best score. Margins start at DEFAULT_THRESHOLD and
are calibrated per priority from analysts' decisions.

Learnt: once analysts have confirmed enough tags, `fit_linear_tagger` trains a one-vs-rest
logistic regression on embeddings with per-priority thresholds chosen by cross-validation. It
holds numbers only (no vocabulary), so it can be stored in the working database and a withdrawn
story's words never outlive it. For one-off runs (the CLI, the benchmark) `TextTagger` adds
TF-IDF word and character n-grams of the texts to the embeddings, which is more accurate but
keeps words, so it is never persisted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from nlp import embed, model_blob
from nlp.priorities import Framework
from nlp.tagging import encoder as tag_encoder

if TYPE_CHECKING:
    from nlp.tagging.learner import LearntTagger, Passages

DEFAULT_THRESHOLD = 0.02  # margin below the story's best zero-shot score
MIN_CONFIRMED = 5  # confirmed tags a priority needs before a classifier is trained for it
MIN_NEGATIVE = 5
ZERO_SHOT_VERSION = f"zero-shot/{embed.MODEL_ID}+nhs-feedback"
SEED = 0


@dataclass(frozen=True)
class Proposal:
    priority_id: str
    score: float
    evidence: str | None
    model_version: str


@dataclass(frozen=True)
class PhraseIndex:
    """Every phrase describing a framework's priorities, embedded once."""

    priority_ids: tuple[str, ...]
    phrases: tuple[str, ...]
    owners: np.ndarray  # (phrases,) index of the priority each phrase describes
    vectors: np.ndarray  # (phrases, 384)


def phrase_index(
    framework: Framework, encode: Callable[[list[str]], np.ndarray] | None = None
) -> PhraseIndex:
    """Embed the phrases of every priority: title, description, examples, and the titles of its
    children (a broad priority covers its narrower ones). With the tagging encoder
    (`nlp.tagging.encoder`) unless `encode` is given: the one that made the stories' vectors."""
    phrases: list[str] = []
    owners: list[int] = []
    for number, priority in enumerate(framework.priorities):
        children = [p.title.strip() for p in framework.priorities if p.parent == priority.id]
        own = [*priority.phrases(), *children]
        for phrase in dict.fromkeys(p for p in own if p):
            phrases.append(phrase)
            owners.append(number)
    return PhraseIndex(
        priority_ids=tuple(framework.ids),
        phrases=tuple(phrases),
        owners=np.array(owners),
        vectors=_encode_phrases(tuple(phrases), encode or tag_encoder.encode),
    )


@lru_cache(maxsize=16)
def _encode_phrases(phrases: tuple[str, ...], encode) -> np.ndarray:
    return encode(list(phrases))


@dataclass(frozen=True)
class ZeroShot:
    scores: np.ndarray  # (stories, priorities) mean cosine over the priority's phrases
    evidence: np.ndarray  # (stories, priorities) index of the nearest phrase

    def relative(self) -> np.ndarray:
        """How far each score is below the story's best (0 for the best, negative otherwise)."""
        return self.scores - self.scores.max(axis=1, keepdims=True)


def zero_shot(vectors: np.ndarray, index: PhraseIndex) -> ZeroShot:
    """Per-priority scores and nearest phrases for L2-normalised story vectors."""
    similarity = np.asarray(vectors, dtype=np.float32) @ index.vectors.T
    n_priorities = len(index.priority_ids)
    scores = np.zeros((similarity.shape[0], n_priorities), dtype=np.float32)
    evidence = np.zeros((similarity.shape[0], n_priorities), dtype=np.int64)
    for number in range(n_priorities):
        columns = np.flatnonzero(index.owners == number)
        block = similarity[:, columns]
        scores[:, number] = block.mean(axis=1)
        evidence[:, number] = columns[block.argmax(axis=1)]
    return ZeroShot(scores=scores, evidence=evidence)


def zero_shot_decisions(result: ZeroShot, thresholds: np.ndarray) -> np.ndarray:
    """Boolean (stories, priorities): within the priority's margin of the story's best."""
    return result.relative() >= -np.asarray(thresholds, dtype=np.float32)[None, :]


def calibrate_margins(
    relative: np.ndarray, labels: np.ndarray, known: np.ndarray, minimum_positive: int = 3
) -> np.ndarray:
    """Per-priority margins that maximise F1 on the stories analysts decided.

    `labels` is 1 where a tag was confirmed; `known` marks the decisions (confirmed, rejected,
    or implied by confirming other priorities of the story). Priorities with fewer than
    `minimum_positive` confirmed tags keep DEFAULT_THRESHOLD.
    """
    margins = np.full(relative.shape[1], DEFAULT_THRESHOLD, dtype=np.float32)
    candidates = np.linspace(0.0, 0.15, 31)
    for number in range(relative.shape[1]):
        mask = known[:, number].astype(bool)
        truth = labels[mask, number].astype(bool)
        if truth.sum() < minimum_positive:
            continue
        gaps = -relative[mask, number]
        f1s = [_f1(truth, gaps <= margin) for margin in candidates]
        margins[number] = candidates[int(np.argmax(f1s))]
    return margins


def _f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    true_positive = float(np.sum(truth & predicted))
    denominator = float(truth.sum() + predicted.sum())
    return 2 * true_positive / denominator if denominator else 0.0


def precision_recall(truth: np.ndarray, predicted: np.ndarray) -> tuple[float, float]:
    true_positive = float(np.sum(truth & predicted))
    precision = true_positive / predicted.sum() if predicted.sum() else 0.0
    recall = true_positive / truth.sum() if truth.sum() else 0.0
    return precision, recall


def best_threshold(truth: np.ndarray, scores: np.ndarray) -> float:
    """The score cut-off that maximises F1 for one label (midpoint between candidates)."""
    ordered = np.unique(scores)
    if ordered.size == 1:
        return float(ordered[0])
    cuts = (ordered[:-1] + ordered[1:]) / 2
    f1s = [_f1(truth, scores >= cut) for cut in cuts]
    return float(cuts[int(np.argmax(f1s))])


@dataclass
class LinearTagger:
    """One-vs-rest logistic regression over embeddings, for the priorities that have enough
    confirmed tags; `use` marks those where it beat zero-shot in cross-validation."""

    priority_ids: list[str]
    coef: np.ndarray  # (priorities, 384)
    intercept: np.ndarray  # (priorities,)
    thresholds: np.ndarray  # (priorities,) probability cut-offs
    use: np.ndarray  # (priorities,) bool
    version: str

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        logits = np.asarray(vectors, dtype=np.float32) @ self.coef.T + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    def to_bytes(self) -> bytes:
        arrays = dict(
            priority_ids=np.array(self.priority_ids),
            coef=self.coef,
            intercept=self.intercept,
            thresholds=self.thresholds,
            use=self.use,
            version=np.str_(self.version),
        )
        return model_blob.pack(arrays)

    @classmethod
    def from_bytes(cls, data: bytes) -> LinearTagger:
        arrays = model_blob.unpack(data)
        return cls(
            priority_ids=[str(p) for p in arrays["priority_ids"]],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
            thresholds=arrays["thresholds"],
            use=arrays["use"].astype(bool),
            version=str(arrays["version"]),
        )


def fit_linear_tagger(
    vectors: np.ndarray,
    labels: np.ndarray,
    priority_ids: list[str],
    zero_shot_predicted: np.ndarray,
) -> tuple[LinearTagger | None, dict[str, dict]]:
    """Train on analysts' decisions and report cross-validated figures per priority.

    `labels` (stories, priorities) is 1 for confirmed tags and 0 otherwise; `zero_shot_predicted`
    is what zero-shot proposes for the same stories, so the analyst sees both side by side.
    Priorities with fewer than MIN_CONFIRMED confirmed tags (or MIN_NEGATIVE stories without)
    get no classifier. Returns (None, metrics) when no priority qualifies.
    """
    from threadpoolctl import threadpool_limits

    # 384-wide problems are too small for BLAS threads: on a busy 2-core worker they made each
    # fit about 7 times slower (5 s instead of 0.7 s on 8,000 stories).
    with threadpool_limits(limits=1):
        return _fit_linear_tagger(vectors, labels, priority_ids, zero_shot_predicted)


def _fit_linear_tagger(
    vectors: np.ndarray,
    labels: np.ndarray,
    priority_ids: list[str],
    zero_shot_predicted: np.ndarray,
) -> tuple[LinearTagger | None, dict[str, dict]]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    vectors = np.asarray(vectors, dtype=np.float32)
    n_priorities = len(priority_ids)
    coef = np.zeros((n_priorities, vectors.shape[1]), dtype=np.float32)
    intercept = np.full(n_priorities, -20.0, dtype=np.float32)
    thresholds = np.ones(n_priorities, dtype=np.float32)
    use = np.zeros(n_priorities, dtype=bool)
    metrics: dict[str, dict] = {}
    for number, priority_id in enumerate(priority_ids):
        truth = labels[:, number].astype(bool)
        positives, negatives = int(truth.sum()), int((~truth).sum())
        zs_precision, zs_recall = precision_recall(truth, zero_shot_predicted[:, number])
        entry = {
            "confirmed": positives,
            "labelled": int(truth.size),
            "zero_shot_precision": round(zs_precision, 3),
            "zero_shot_recall": round(zs_recall, 3),
            "classifier_precision": None,
            "classifier_recall": None,
            "used": "zero-shot",
        }
        metrics[priority_id] = entry
        if positives < MIN_CONFIRMED or negatives < MIN_NEGATIVE:
            continue
        model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
        folds = StratifiedKFold(
            n_splits=min(3, positives, negatives), shuffle=True, random_state=SEED
        )
        held_out = cross_val_predict(model, vectors, truth, cv=folds, method="predict_proba")[:, 1]
        cut = best_threshold(truth, held_out)
        precision, recall = precision_recall(truth, held_out >= cut)
        model.fit(vectors, truth)
        coef[number], intercept[number] = model.coef_[0], model.intercept_[0]
        thresholds[number] = cut
        better = _f1(truth, held_out >= cut) >= _f1(truth, zero_shot_predicted[:, number])
        use[number] = better
        entry.update(
            classifier_precision=round(precision, 3),
            classifier_recall=round(recall, 3),
            threshold=round(cut, 3),
            used="classifier" if better else "zero-shot",
        )
    if all(entry["classifier_precision"] is None for entry in metrics.values()):
        return None, metrics
    version = f"classifier/{embed.MODEL_ID}/{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}"
    return LinearTagger(list(priority_ids), coef, intercept, thresholds, use, version), metrics


def propose(
    vectors: np.ndarray,
    framework: Framework,
    thresholds: np.ndarray | None = None,
    classifier: LinearTagger | LearntTagger | None = None,
    version: str = ZERO_SHOT_VERSION,
    texts: list[str] | None = None,
    passages: Passages | None = None,
) -> list[list[Proposal]]:
    """Tags to propose for each story: zero-shot everywhere, replaced by the classifier for the
    priorities it covers. With `texts` (the stories' checked texts), each proposal's evidence
    is the sentence of the story that carried it; without, the nearest priority phrase. A
    learnt tagger that weighs sentences scores `passages` (the texts' sentences, embedded here
    when not given)."""
    from nlp.tagging import reasons as tag_reasons
    from nlp.tagging.learner import LearntTagger, Passages

    index = phrase_index(framework)
    result = zero_shot(vectors, index)
    margins = np.full(len(index.priority_ids), DEFAULT_THRESHOLD, dtype=np.float32)
    if thresholds is not None:
        margins = np.asarray(thresholds, dtype=np.float32)
    decided = zero_shot_decisions(result, margins)
    scores = result.scores.copy()
    versions = np.array([version] * len(index.priority_ids), dtype=object)
    learnt: list[tuple[int, int]] = []  # (framework column, classifier column)
    if isinstance(classifier, LearntTagger):
        if texts is None:
            raise ValueError("the learnt tagger needs the stories' texts")
        if classifier.passage_weight and passages is None:
            passages = Passages.of(texts)
        chosen, probabilities = classifier.predict(texts, vectors, passages)
        for number, priority_id in enumerate(index.priority_ids):
            if priority_id in classifier.priority_ids:
                column = classifier.priority_ids.index(priority_id)
                learnt.append((number, column))
                decided[:, number] = chosen[:, column]
                scores[:, number] = probabilities[:, column]
                versions[number] = classifier.version
    elif classifier is not None:
        probabilities = classifier.probabilities(vectors)
        for number, priority_id in enumerate(index.priority_ids):
            if priority_id not in classifier.priority_ids:
                continue
            column = classifier.priority_ids.index(priority_id)
            if classifier.use[column]:
                decided[:, number] = probabilities[:, column] >= classifier.thresholds[column]
                scores[:, number] = probabilities[:, column]
                versions[number] = classifier.version

    def piece_scores(pieces: list[str], piece_vectors: np.ndarray) -> np.ndarray:
        combined = zero_shot(piece_vectors, index).scores
        if learnt:
            own = classifier.sentence_scores(pieces, piece_vectors)
            for number, column in learnt:
                combined[:, number] = own[:, column]
        return combined

    why = tag_reasons.reasons(texts, decided, piece_scores, passages) if texts is not None else None
    return [
        [
            Proposal(
                priority_id=index.priority_ids[number],
                score=float(scores[row, number]),
                evidence=why[row].get(int(number))
                if why is not None
                else index.phrases[result.evidence[row, number]],
                model_version=str(versions[number]),
            )
            for number in np.flatnonzero(decided[row])
        ]
        for row in range(decided.shape[0])
    ]


class TextTagger:
    """TF-IDF word and character n-grams plus embeddings, one-vs-rest LinearSVC. Holds words,
    so it lives in memory only (CLI runs, benchmarks). Each text gets its best-scoring label,
    plus any other on the positive side of its label's margin."""

    def __init__(self, c: float = 0.2) -> None:
        self.c = c

    def _features(self, texts: list[str], vectors: np.ndarray, fit: bool = False):
        from scipy import sparse

        if fit:
            from sklearn.feature_extraction.text import TfidfVectorizer

            # A word seen once in a large set is noise; in a handful of examples it may be all
            # there is.
            min_df = 2 if len(texts) >= 100 else 1
            self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True)
            self.chars = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(2, 5),
                min_df=min_df,
                sublinear_tf=True,
                max_features=100_000,
            )
            words, chars = self.words.fit_transform(texts), self.chars.fit_transform(texts)
        else:
            words, chars = self.words.transform(texts), self.chars.transform(texts)
        return sparse.hstack([words, chars, sparse.csr_matrix(vectors)]).tocsr()

    def _model(self):
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.svm import LinearSVC

        return OneVsRestClassifier(LinearSVC(C=self.c))

    def fit(self, texts: list[str], vectors: np.ndarray, labels: np.ndarray) -> TextTagger:
        """`labels` is (texts, priorities) 0/1; every column needs at least one 1 and one 0."""
        labels = np.asarray(labels, dtype=int)
        self.model = self._model().fit(self._features(texts, vectors, fit=True), labels)
        return self

    def decision(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        return self.model.decision_function(self._features(texts, vectors))

    def predict(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """Boolean (texts, priorities): the best label, plus any with a positive decision."""
        scores = self.decision(texts, vectors)
        predicted = scores > 0
        predicted[np.arange(len(texts)), scores.argmax(axis=1)] = True
        return predicted


@dataclass(frozen=True)
class TextTags:
    labels: list[str]  # priority ids
    scores: dict[str, float]  # every scored priority id -> score
    reasons: dict[str, str] = field(default_factory=dict)  # label -> the sentence behind it


def trainable_priorities(framework: Framework, labels: list[list[str]]) -> list[str]:
    """The priorities a trained tagger covers: every priority, less a broader one that has no
    examples of its own while its narrower ones do (those children stand for it)."""
    seen = {pid for row in labels for pid in row}
    parents_with_data = {p.parent for p in framework.priorities if p.id in seen and p.parent}
    return [pid for pid in framework.ids if pid in seen or pid not in parents_with_data]


def tag_texts(
    framework: Framework,
    texts: list[str],
    training: tuple[list[str], list[list[str]]] | None = None,
) -> list[TextTags]:
    """Tag texts without a database: zero-shot, or trained on `training` = (texts, lists of
    priority ids) with the learnt tagger (`nlp.tagging.learner`), which falls back to zero-shot for
    priorities with too few examples. Every tag comes with the sentence that carried it."""
    from nlp.tagging import learner as tag_learner
    from nlp.tagging import reasons as tag_reasons

    if not texts:
        return []
    vectors = tag_encoder.encode(texts)
    if training is None:
        index = phrase_index(framework)
        result = zero_shot(vectors, index)
        margins = np.full(len(framework.ids), DEFAULT_THRESHOLD, dtype=np.float32)
        decided = zero_shot_decisions(result, margins)
        why = tag_reasons.reasons(texts, decided, lambda _t, v: zero_shot(v, index).scores)
        ids, scores = framework.ids, result.scores
    else:
        train_texts, train_labels = training
        ids = trainable_priorities(framework, train_labels)
        matrix = np.array(
            [[pid in labels for pid in ids] for labels in train_labels], dtype=np.int8
        ).reshape(len(train_labels), len(ids))
        train_vectors = tag_encoder.encode(train_texts)
        tagger = tag_learner.fit(
            framework,
            ids,
            train_texts,
            train_vectors,
            matrix,
            passages=tag_learner.Passages.of(train_texts),
        )
        passages = tag_learner.Passages.of(texts) if tagger.passage_weight else None
        decided, scores = tagger.predict(texts, vectors, passages)
        why = tag_reasons.reasons(texts, decided, tagger.sentence_scores, passages)
    return [
        TextTags(
            labels=[ids[j] for j in np.flatnonzero(decided[i])],
            scores={pid: round(float(scores[i, j]), 4) for j, pid in enumerate(ids)},
            reasons={ids[j]: reason for j, reason in why[i].items()},
        )
        for i in range(len(texts))
    ]
