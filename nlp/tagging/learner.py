"""A tagger that learns priorities from few examples, holds numbers only, and says why.

Why this shape: real frameworks have dozens of priorities and most of them are rare (on the
FFT subcategories half have fewer than 50 of 10,000 comments). A plain one-vs-rest classifier
with one cut-off never proposes those. So, per priority:

- features are the story's sentence embedding, hashed TF-IDF word n-grams, and the story's
  zero-shot similarity to every priority's title/description/examples (a prior that a rare
  priority can lean on when its own examples are few);
- the priority's own phrases (title, description, examples) join the training set as extra
  positive examples, so a priority with two labelled stories still has something to learn from;
- logistic regression scores are calibrated (Platt scaling on cross-validated scores) and each
  priority gets the probability cut-off that maximised its F1 in cross-validation;
- a priority with fewer than MIN_EXAMPLES labelled stories falls back to zero-shot: it is
  proposed when it is the story's nearest priority by similarity (never on a cut-off no data
  could choose);
- a story of several sentences is also scored sentence by sentence by the same model, and each
  priority's score moves towards its best sentence's (`Passages`): a long story carries several
  tags, each often from one passage that the story's mean vector dilutes. How far it moves is
  chosen per fit on the training texts' held-out scores, so short single-topic comments, where
  it does not help, are scored as before;
- a vote of the story's nearest labelled stories (`nlp.tagging.neighbours`) is blended into the
  ridge's calibrated log-odds, and the blend is calibrated and cut again: a rare priority told
  in a few distinct ways is found by its neighbours more than by one linear score.

Every text gets at least one priority: its most probable one, when none passes its cut-off.

Words are hashed (HashingVectorizer), so the model stores no vocabulary: only column numbers,
IDF weights and coefficients. It is arrays only, serialised without pickle, so it can live in
the working database and be loaded offline. Texts reaching it are anonymised, checked texts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nlp import embed, model_blob
from nlp.priorities import Framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import neighbours as tag_neighbours
from nlp.tagging.neighbours import Neighbours

MIN_EXAMPLES = 3  # labelled stories a priority needs before it is learnt, not zero-shot
FOLDS = 3
PLATT_C = 100.0  # inverse penalty on the Platt slope (as scikit-learn's C)
MIN_EXTRA_PRECISION = 0.25  # held-out precision a cut needs to add tags beyond each text's top
HASH_FEATURES = 2**20
EMBEDDING_WEIGHT = 1.0
PRIOR_WEIGHT = 1.0
ALPHA = 6.0  # ridge penalty: best of 2-12 on both FFT dev splits (benchmarks/tagging_dev.py)
DUAL_LIMIT = 10000  # above this many texts the n-by-n dual system (float32: 400 MB) is too big
SEED = 0
# Weight of a text's best sentence in its score, (1 - w) * story + w * best sentence, per
# priority: the one of these with the best held-out micro-F1 on the training texts (exact
# leave-one-out for both scores). Care Opinion stories (5-fold CV inside the 70 % part): 0.5
# or 0.75, +0.02 micro / +0.03 macro over 0; FFT comments (Trust A -> B, B -> A): 0, so they
# are scored exactly as before (docs/measured/tagging.md, benchmarks/tagging_passages.py).
PASSAGE_WEIGHTS = (0.0, 0.25, 0.5, 0.75)
# Every learnt tagger's version starts so, whichever encoder made its vectors (the tagging
# encoder's name extends the packaged model's).
VERSION_PREFIX = f"learnt/{embed.MODEL_ID}"
Encoder = Callable[[list[str]], np.ndarray]


class TrainingError(ValueError):
    """Training data that cannot train a tagger (explained to the person who gave it)."""


def _hasher():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=HASH_FEATURES,
        ngram_range=(1, 2),
        alternate_sign=False,
        norm=None,
        lowercase=True,
    )


@dataclass
class Words:
    """Hashed TF-IDF restricted to the columns seen in training: numbers, no vocabulary."""

    columns: np.ndarray  # int64 hashed column numbers kept
    idf: np.ndarray  # float32, one per kept column

    @classmethod
    def fit(cls, texts: list[str]) -> Words:
        counts = _hasher().transform(texts).tocsc()
        df = np.diff(counts.indptr)
        min_df = 2 if len(texts) >= 100 else 1
        columns = np.flatnonzero(df >= min_df)
        idf = np.log((1 + len(texts)) / (1 + df[columns])) + 1.0
        return cls(columns=columns.astype(np.int64), idf=idf.astype(np.float32))

    def transform(self, texts: list[str]):
        from sklearn.preprocessing import normalize

        counts = _hasher().transform(texts).tocsc()[:, self.columns].tocsr()
        counts.data = (1.0 + np.log(counts.data)).astype(np.float32)
        counts = counts.multiply(self.idf[None, :]).tocsr()
        return normalize(counts)


@dataclass
class Passages:
    """The sentences of the texts that have more than one (`nlp.tagging.reasons.sentences`):
    their texts, their tagging vectors, and for each the number of the text it came from. A
    text of one sentence has none: it is its own passage."""

    texts: list[str]
    vectors: np.ndarray  # (passages, 384)
    owner: np.ndarray  # (passages,) int64 row of the text each came from

    @staticmethod
    def split(texts: list[str]) -> list[list[str]]:
        """Each text's passages: its sentences when it has several, else none."""
        from nlp.tagging.reasons import sentences

        pieces = [sentences(text) for text in texts]
        return [parts if len(parts) > 1 else [] for parts in pieces]

    @classmethod
    def of(cls, texts: list[str], encode: Encoder | None = None) -> Passages:
        """The texts' passages, embedded by `encode` (the tagging encoder unless given)."""
        split = cls.split(texts)
        pieces = [piece for parts in split for piece in parts]
        vectors = (encode or tag_encoder.encode)(pieces) if pieces else None
        return cls.from_vectors(texts, split, vectors)

    @classmethod
    def from_vectors(cls, texts: list[str], split: list[list[str]], vectors) -> Passages:
        """From `split` (as `Passages.split(texts)` gives) and their vectors in that order."""
        owner = np.array([row for row, parts in enumerate(split) for _ in parts], dtype=np.int64)
        pieces = [piece for parts in split for piece in parts]
        if vectors is None:
            vectors = np.zeros((0, embed.DIM), dtype=np.float32)
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, embed.DIM)
        if len(vectors) != len(pieces) or len(split) != len(texts):
            raise ValueError("one vector per passage, one list of passages per text")
        return cls(texts=pieces, vectors=vectors, owner=owner)

    @classmethod
    def cached(cls, texts: list[str], matrices: list[np.ndarray | None]) -> Passages:
        """From per-text matrices of passage vectors (a cache's rows, in `split` order); a
        text whose cached matrix is missing or does not match its sentences is scored as one
        passage (as a text of one sentence is)."""
        split = cls.split(texts)
        kept, vectors = [], []
        for parts, matrix in zip(split, matrices, strict=True):
            fits = matrix is not None and len(parts) and np.shape(matrix) == (len(parts), embed.DIM)
            kept.append(parts if fits else [])
            if fits:
                vectors.append(np.asarray(matrix, dtype=np.float32))
        stacked = np.vstack(vectors) if vectors else None
        return cls.from_vectors(texts, kept, stacked)

    def subset(self, rows: np.ndarray) -> Passages:
        """The passages of texts `rows` (in that order), numbered by position in `rows`."""
        position = {int(row): number for number, row in enumerate(rows)}
        keep = [k for k, row in enumerate(self.owner) if int(row) in position]
        return Passages(
            texts=[self.texts[k] for k in keep],
            vectors=self.vectors[keep] if keep else self.vectors[:0],
            owner=np.array([position[int(self.owner[k])] for k in keep], dtype=np.int64),
        )


def _best_passage(scores: np.ndarray, passage_scores: np.ndarray, owner: np.ndarray):
    """Per text, each priority's best passage score, and which texts have passages."""
    best = np.full(scores.shape, -np.inf)
    if len(owner):
        np.maximum.at(best, owner, passage_scores)
    return best, np.isfinite(best[:, 0]) if scores.shape[1] else np.zeros(len(scores), bool)


def _with_passages(scores, passage_scores, owner, weight: float) -> np.ndarray:
    """(1 - weight) * a text's score + weight * its best passage's, per priority; texts
    without passages keep their score."""
    if weight == 0.0 or not len(owner):
        return scores
    best, has = _best_passage(scores, passage_scores, owner)
    out = np.array(scores, dtype=np.float64, copy=True)
    out[has] = (1.0 - weight) * out[has] + weight * best[has]
    return out


def prototype_vectors(
    framework: Framework, priority_ids: list[str], encode: Encoder | None = None
) -> np.ndarray:
    """One unit vector per priority: the mean embedding of its title, description and
    examples (the zero-shot prior). `encode` is the tagging encoder unless given: it must be
    the one that made the stories' vectors."""
    phrases: list[str] = []
    owners: list[int] = []
    for number, priority_id in enumerate(priority_ids):
        own = [p for p in dict.fromkeys(framework.priority(priority_id).phrases()) if p]
        phrases += own
        owners += [number] * len(own)
    vectors = (encode or tag_encoder.encode)(phrases)
    prototypes = np.zeros((len(priority_ids), vectors.shape[1]), dtype=np.float32)
    np.add.at(prototypes, np.array(owners), vectors)
    return prototypes / np.linalg.norm(prototypes, axis=1, keepdims=True).clip(1e-9)


def _blocks(words: Words, texts, vectors, prototypes) -> list:
    """The three feature blocks of texts: hashed TF-IDF words (sparse), the embedding, and the
    zero-shot prior (similarity to each priority's phrases, relative to the nearest one)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    similarity = vectors @ prototypes.T
    relative = similarity - similarity.max(axis=1, keepdims=True)
    return [words.transform(texts), EMBEDDING_WEIGHT * vectors, PRIOR_WEIGHT * relative]


def _ridge(blocks: list, targets: np.ndarray) -> tuple[list[np.ndarray], np.ndarray | None]:
    """Ridge regression of +-1 targets for every priority at once, solved in the dual (one
    n-by-n system for all priorities, instead of one classifier per priority: 44 priorities
    train in seconds). Returns one coefficient matrix per block, then the intercept row; and
    each training row's exact leave-one-out score (None above DUAL_LIMIT rows), which ridge
    gives almost free: y_i - dual_i / inverse_ii."""
    parts, leave_one_out, _ = _solve(blocks, targets)
    return parts, leave_one_out


def _solve(blocks: list, targets: np.ndarray, passage_blocks: list | None = None, owner=None):
    """`_ridge`, and with `passage_blocks` (the feature blocks of passages, `owner` the training
    row each came from) each passage's exact leave-one-out score: its score under the ridge
    fitted without the row it came from (None with `_ridge`'s leave-one-out)."""
    from scipy import linalg, sparse

    n = targets.shape[0]
    if n > DUAL_LIMIT:
        from sklearn.linear_model import Ridge

        x = sparse.hstack([sparse.csr_matrix(b) for b in blocks]).tocsr()
        model = Ridge(alpha=ALPHA, solver="sparse_cg", fit_intercept=True).fit(x, targets)
        coef = model.coef_.T.astype(np.float32)
        sizes = np.cumsum([0, *(b.shape[1] for b in blocks)])
        parts = [coef[sizes[i] : sizes[i + 1]] for i in range(len(blocks))]
        return [*parts, np.asarray(model.intercept_, dtype=np.float32)[None, :]], None, None
    # Single precision: the ridge keeps the system well conditioned (every diagonal entry is at
    # least ALPHA), and float32 Cholesky and inverse take half the time of float64 on 2 cores.
    kernel = np.ones((n, n), dtype=np.float32)  # the constant feature: an intercept
    for block in blocks:
        product = block @ block.T
        kernel += product.toarray() if sparse.issparse(product) else product.astype(np.float32)
    kernel[np.diag_indices(n)] += ALPHA
    # The kernel plus the ridge is symmetric positive definite: Cholesky, half the work of LU.
    factor = linalg.cho_factor(kernel, overwrite_a=True, check_finite=False)
    dual = linalg.cho_solve(factor, targets.astype(np.float32), check_finite=False)
    (potri,) = linalg.lapack.get_lapack_funcs(("potri",), (factor[0],))
    inverse, info = potri(factor[0], lower=factor[1])
    leave_one_out = passage_held_out = None
    if info == 0:
        leave_one_out = (targets - dual / np.diag(inverse)[:, None]).astype(np.float64)
        if passage_blocks is not None:
            passage_held_out = _passage_leave_one_out(
                blocks, passage_blocks, np.asarray(owner), dual, inverse, factor[1]
            )
    parts = [np.asarray(block.T @ dual, dtype=np.float32) for block in blocks]
    return (
        [*parts, dual.sum(axis=0, keepdims=True).astype(np.float32)],
        leave_one_out,
        (passage_held_out),
    )


def _passage_leave_one_out(blocks, passage_blocks, owner, dual, inverse, lower: bool):
    """Scores of passages, each under the ridge fitted without its own training row i:
    f(x) - dual_i / G_ii * (k(x) G)_i, with G the inverse of the kernel plus the ridge and k(x)
    the passage's kernel row (removing row i changes the other rows' dual weights by
    -G_ji dual_i / G_ii). A passage identical to its text gets the text's leave-one-out score."""
    from scipy import sparse

    n = inverse.shape[0]
    for start in range(0, n, 1024):  # LAPACK filled one triangle: mirror it, in place
        end = min(n, start + 1024)
        square = inverse[start:end, start:end]
        kept = np.tril(square) if lower else np.triu(square)
        inverse[start:end, start:end] = kept + np.tril(kept, -1).T + np.triu(kept, 1).T
        if lower:
            inverse[start:end, end:] = inverse[end:, start:end].T
        else:
            inverse[end:, start:end] = inverse[start:end, end:].T
    result = np.zeros((len(owner), dual.shape[1]), dtype=np.float64)
    for start in range(0, len(owner), 2000):
        chunk = slice(start, start + 2000)
        kernel = np.ones((len(owner[chunk]), n), dtype=np.float32)
        for passage, block in zip(passage_blocks, blocks, strict=True):
            product = passage[chunk] @ block.T
            kernel += product.toarray() if sparse.issparse(product) else product
        rows = owner[chunk]
        through = np.einsum("sj,js->s", kernel, inverse[:, rows], dtype=np.float64)
        correction = dual[rows] / np.diag(inverse)[rows][:, None]
        result[chunk] = kernel @ dual - correction * through[:, None]
    return result


def _score(blocks: list, parts: list[np.ndarray]) -> np.ndarray:
    total = np.asarray(parts[-1], dtype=np.float64).repeat(blocks[0].shape[0], axis=0)
    for block, coef in zip(blocks, parts[:-1], strict=True):
        total += np.asarray(block @ coef)
    return total


def _platt(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Sigmoid (a, b) mapping a decision value to a probability, fitted on held-out scores.

    Two parameters need no solver: a few Newton steps on the log-loss (with the weak penalty
    on `a` that scikit-learn's LogisticRegression(C=100) applied) take milliseconds, where one
    LogisticRegression per priority took about 6 s of a 44-priority fit on a busy machine."""
    truth = np.asarray(truth, dtype=np.float64)
    if truth.min() == truth.max():
        return 1.0, 0.0
    x = np.column_stack([np.asarray(scores, dtype=np.float64), np.ones(len(truth))])
    penalty = np.diag([1.0 / PLATT_C, 0.0])
    theta = np.zeros(2)
    for _ in range(100):
        p = _sigmoid(x @ theta)
        gradient = x.T @ (p - truth) + penalty @ theta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(theta[0]), float(theta[1])


def _best_cut(truth: np.ndarray, probabilities: np.ndarray, top: np.ndarray):
    """The probability cut-off with the best held-out F1 for one priority, given that every
    text also gets its most probable priority (`top` marks the texts where this one is it);
    returns (cut, precision, recall). A cut above 1 means "only when it is the top one"."""
    always = top.astype(bool)
    tp0, predicted0 = float(np.sum(truth & always)), float(always.sum())
    rest = np.flatnonzero(~always)
    order = rest[np.argsort(-probabilities[rest])]
    hits = np.concatenate([[0.0], np.cumsum(truth[order])])
    extra = np.arange(len(order) + 1, dtype=float)
    positives = max(1.0, float(truth.sum()))
    f1 = 2 * (tp0 + hits) / (predicted0 + extra + positives)
    # A cut that adds tags must have been right often enough: with a handful of examples the
    # best F1 can come from tagging hundreds of texts to catch one, which no analyst wants.
    extra_precision = np.concatenate([[1.0], hits[1:] / extra[1:]])
    f1[extra_precision < MIN_EXTRA_PRECISION] = -1.0
    best = int(np.argmax(f1))
    if best == 0:
        cut = 1.01
    else:
        # Midway to the next score, so the cut is not exactly on a training example.
        following = probabilities[order[best]] if best < len(order) else 0.0
        cut = float((probabilities[order[best - 1]] + following) / 2)
    predicted = predicted0 + best
    precision = (tp0 + hits[best]) / predicted if predicted else 0.0
    return cut, float(precision), float((tp0 + hits[best]) / positives)


def _top(probabilities: np.ndarray, learnt: np.ndarray) -> np.ndarray:
    """Boolean matrix marking each row's most probable learnt priority."""
    top = np.zeros(probabilities.shape, dtype=bool)
    if learnt.any():
        masked = np.where(learnt[None, :], probabilities, -1.0)
        top[np.arange(len(probabilities)), masked.argmax(axis=1)] = True
    return top


@dataclass
class LearntTagger:
    """Ridge scores over words, embedding and prior, calibrated and cut per priority."""

    priority_ids: list[str]
    words: Words
    prototypes: np.ndarray  # (priorities, 384) unit mean phrase embeddings
    coef_words: np.ndarray  # (kept word columns, priorities)
    coef_vector: np.ndarray  # (384, priorities)
    coef_prior: np.ndarray  # (priorities, priorities)
    intercept: np.ndarray  # (1, priorities)
    platt: np.ndarray  # (priorities, 2) a, b of sigmoid(a * score + b)
    thresholds: np.ndarray  # (priorities,) on calibrated probability; > 1: only as the top one
    learnt: np.ndarray  # (priorities,) bool; False: zero-shot fallback
    similarity_cuts: np.ndarray  # (priorities,) cosine cut-offs of the zero-shot fallback
    version: str
    metrics: dict[str, dict] = field(default_factory=dict)
    training_seconds: float = 0.0
    # Weight of a text's best passage (PASSAGE_WEIGHTS); 0: texts are scored whole, and
    # `passages` may be left out wherever it is asked for.
    passage_weight: float = 0.0
    # The training texts' vote, blended into `platt`'s log-odds; `blend_platt` (priorities, 2)
    # calibrates the blend. None: a tagger stored before the vote, calibrated by `platt` alone.
    neighbours: Neighbours | None = None
    blend_platt: np.ndarray | None = None

    def decision(
        self, texts: list[str], vectors: np.ndarray, passages: Passages | None = None
    ) -> np.ndarray:
        """Scores (texts, priorities) before calibration; meaningful for learnt priorities
        only. A tagger that learnt to weigh passages needs the texts' `passages`."""
        scores = self._raw(texts, vectors)
        if self.passage_weight == 0.0:
            return scores
        if passages is None:
            raise ValueError("this tagger scores passages too: give the texts' Passages")
        passage_scores = self._raw(passages.texts, passages.vectors)
        return _with_passages(scores, passage_scores, passages.owner, self.passage_weight)

    def _raw(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        blocks = _blocks(self.words, texts, vectors, self.prototypes)
        parts = [self.coef_words, self.coef_vector, self.coef_prior, self.intercept]
        return _score(blocks, parts)

    def similarity(self, vectors: np.ndarray) -> np.ndarray:
        return np.asarray(vectors, dtype=np.float32) @ self.prototypes.T

    def probabilities(
        self, texts: list[str], vectors: np.ndarray, passages: Passages | None = None
    ) -> np.ndarray:
        """Calibrated probabilities for learnt priorities. A zero-shot priority gets 0.5 at
        its similarity cut-off, rising with similarity (a ranking, not a calibrated value)."""
        scores = self.decision(texts, vectors, passages)
        logits = scores * self.platt[None, :, 0] + self.platt[None, :, 1]
        if self.neighbours is not None and self.blend_platt is not None:
            blended = self.neighbours.blend(logits, vectors)
            logits = blended * self.blend_platt[None, :, 0] + self.blend_platt[None, :, 1]
        probabilities = _sigmoid(logits)
        if not self.learnt.all():
            gap = self.similarity(vectors) - self.similarity_cuts[None, :]
            probabilities[:, ~self.learnt] = _sigmoid(20.0 * gap[:, ~self.learnt])
        return probabilities

    def predict(
        self, texts: list[str], vectors: np.ndarray, passages: Passages | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(decided bool matrix, probabilities): each text's most probable learnt priority,
        any other learnt one past its cut-off, and a zero-shot one past its similarity cut."""
        probabilities = self.probabilities(texts, vectors, passages)
        decided = _top(probabilities, self.learnt)
        decided |= probabilities >= np.where(self.learnt, self.thresholds, 0.5)[None, :]
        return decided, probabilities

    def sentence_scores(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """Scores of pieces of text (sentences), comparable within each priority's column."""
        scores = self._raw(texts, vectors)
        if not self.learnt.all():
            scores[:, ~self.learnt] = self.similarity(vectors)[:, ~self.learnt]
        return scores

    def to_bytes(self) -> bytes:
        arrays = dict(
            priority_ids=np.array(self.priority_ids),
            columns=self.words.columns,
            idf=self.words.idf,
            prototypes=self.prototypes,
            coef_words=self.coef_words.astype(np.float16),
            coef_vector=self.coef_vector,
            coef_prior=self.coef_prior,
            intercept=self.intercept,
            platt=self.platt,
            thresholds=self.thresholds,
            learnt=self.learnt,
            similarity_cuts=self.similarity_cuts,
            passage_weight=np.float32(self.passage_weight),
            version=np.str_(self.version),
        )
        if self.neighbours is not None and self.blend_platt is not None:
            arrays.update(
                neighbour_vectors=self.neighbours.vectors.astype(np.float16),
                neighbour_labels=self.neighbours.labels.astype(np.int8),
                neighbour_platt=self.neighbours.platt,
                blend_platt=self.blend_platt,
            )
        return model_blob.pack(arrays, compressed=True)

    @classmethod
    def from_bytes(cls, data: bytes) -> LearntTagger:
        a = model_blob.unpack(data)
        return cls(
            priority_ids=[str(p) for p in a["priority_ids"]],
            words=Words(columns=a["columns"], idf=a["idf"]),
            prototypes=a["prototypes"],
            coef_words=a["coef_words"].astype(np.float32),
            coef_vector=a["coef_vector"],
            coef_prior=a["coef_prior"],
            intercept=a["intercept"],
            platt=a["platt"],
            thresholds=a["thresholds"],
            learnt=a["learnt"].astype(bool),
            similarity_cuts=a["similarity_cuts"],
            version=str(a["version"]),
            # A tagger stored before passages were scored has none: it scores texts whole.
            passage_weight=float(a.get("passage_weight", 0.0)),
            # One stored before the neighbours' vote has none: its ridge alone is calibrated.
            neighbours=Neighbours(
                vectors=a["neighbour_vectors"],
                labels=a["neighbour_labels"],
                platt=a["neighbour_platt"],
            )
            if "neighbour_vectors" in a
            else None,
            blend_platt=a["blend_platt"] if "blend_platt" in a else None,
        )


def _sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(values, -50, 50)))


def _phrase_rows(framework: Framework, priority_ids: list[str]) -> tuple[list[str], np.ndarray]:
    """The priorities' own phrases as extra labelled examples (one row per phrase)."""
    texts: list[str] = []
    labels: list[np.ndarray] = []
    for number, priority_id in enumerate(priority_ids):
        for phrase in dict.fromkeys(framework.priority(priority_id).phrases()):
            if phrase:
                row = np.zeros(len(priority_ids), dtype=np.int8)
                row[number] = 1
                texts.append(phrase)
                labels.append(row)
    return texts, np.array(labels, dtype=np.int8).reshape(-1, len(priority_ids))


def _model_name(encode: Encoder) -> str:
    return tag_encoder.model_id() if encode is tag_encoder.encode else embed.MODEL_ID


def check_training(priority_ids: list[str], texts: list[str], labels: np.ndarray) -> None:
    """Refuse training data that cannot train anything, saying why."""
    if not texts:
        raise TrainingError("the training file has no labelled texts")
    if labels.shape != (len(texts), len(priority_ids)):
        raise TrainingError("labels must give one row per text and one column per priority")
    if len(priority_ids) < 2:
        raise TrainingError("a tagger needs a framework with at least two priorities")
    if int((labels.sum(axis=0) > 0).sum()) < 2:
        raise TrainingError("training needs examples of at least two different priorities")


def fit(
    framework: Framework,
    priority_ids: list[str],
    texts: list[str],
    vectors: np.ndarray,
    labels: np.ndarray,
    encode: Encoder | None = None,
    passages: Passages | None = None,
) -> LearntTagger:
    """Train on labelled texts: `labels` is (texts, priorities) 0/1 in `priority_ids` order.
    `vectors` are the texts' tagging vectors (`nlp.tagging.encoder`), or those of `encode`, which
    then embeds the priorities' phrases too (benchmarks compare encoders this way).
    `passages`, the texts' sentences (`Passages.of(texts)`), let it weigh each text's best
    sentence too (PASSAGE_WEIGHTS); without them it scores texts whole.

    Cross-validation (FOLDS folds, held-out scores) gives each learnt priority its Platt
    calibration, its cut-off and its precision/recall, kept in `metrics`. Priorities with
    fewer than MIN_EXAMPLES labelled texts fall back to zero-shot.
    """
    labels = np.asarray(labels, dtype=np.int8)
    check_training(priority_ids, texts, labels)
    vectors = np.asarray(vectors, np.float32)
    if passages is not None and len(passages.owner) and passages.owner.max() >= len(texts):
        raise ValueError("a passage names a text that is not in the training set")
    return _fit(
        framework, priority_ids, texts, vectors, labels, encode or tag_encoder.encode, passages
    )


def _calibrate(held_out: np.ndarray, labels: np.ndarray, learnt: np.ndarray):
    """Platt scaling, cut-offs and held-out (precision, recall) per learnt priority from
    held-out scores; and the held-out decisions those give."""
    platt = np.tile(np.array([1.0, 0.0], dtype=np.float32), (labels.shape[1], 1))
    calibrated = np.zeros(labels.shape, dtype=np.float64)
    for number in np.flatnonzero(learnt):
        platt[number] = _platt(held_out[:, number], labels[:, number])
        calibrated[:, number] = _sigmoid(platt[number, 0] * held_out[:, number] + platt[number, 1])
    top = _top(calibrated, learnt)
    thresholds = np.full(labels.shape[1], 1.01, dtype=np.float32)
    figures: dict[int, tuple[float, float]] = {}
    for number in np.flatnonzero(learnt):
        truth = labels[:, number].astype(bool)
        cut, precision, recall = _best_cut(truth, calibrated[:, number], top[:, number])
        thresholds[number] = cut
        figures[int(number)] = (precision, recall)
    decided = (top | (calibrated >= thresholds[None, :])) & learnt[None, :]
    return platt, thresholds, figures, decided


def _platts(scores: np.ndarray, labels: np.ndarray, learnt: np.ndarray) -> np.ndarray:
    """Platt (a, b) per priority from held-out scores ((1, 0) for priorities not learnt)."""
    platt = np.tile(np.array([1.0, 0.0], dtype=np.float32), (labels.shape[1], 1))
    for number in np.flatnonzero(learnt):
        platt[number] = _platt(scores[:, number], labels[:, number])
    return platt


def _calibrate_blend(held_out, labels, learnt, vote_logits):
    """`_calibrate` of the ridge's held-out scores, or, with the neighbours' held-out vote
    log-odds, of their blend: returns the ridge's Platt, the blend's Platt (None without a
    vote), and `_calibrate`'s cut-offs, figures and decisions (of the blend when there is one)."""
    if vote_logits is None:
        platt, thresholds, figures, decided = _calibrate(held_out, labels, learnt)
        return platt, None, thresholds, figures, decided
    ridge = _platts(held_out, labels, learnt)
    logits = held_out * ridge[None, :, 0] + ridge[None, :, 1]
    blended = (1.0 - tag_neighbours.BLEND) * logits + tag_neighbours.BLEND * vote_logits
    blend_platt, thresholds, figures, decided = _calibrate(blended, labels, learnt)
    return ridge, blend_platt, thresholds, figures, decided


def _micro_f1(labels: np.ndarray, decided: np.ndarray) -> float:
    truth = labels.astype(bool)
    total = float(truth.sum() + decided.sum())
    return 2.0 * float((truth & decided).sum()) / total if total else 0.0


def _fit(
    framework, priority_ids, texts, vectors, labels, encode: Encoder, passages=None
) -> LearntTagger:
    from sklearn.model_selection import KFold

    started = time.perf_counter()
    prototypes = prototype_vectors(framework, priority_ids, encode)
    phrase_texts, phrase_labels = _phrase_rows(framework, priority_ids)
    phrase_vectors = encode(phrase_texts)
    positives = labels.sum(axis=0)
    learnt = positives >= MIN_EXAMPLES
    if passages is not None and not len(passages.owner):
        passages = None  # no text of several sentences: nothing to weigh

    def train(rows: np.ndarray, with_passages: bool = False):
        all_texts = [texts[i] for i in rows] + phrase_texts
        all_labels = np.vstack([labels[rows], phrase_labels])
        words = Words.fit(all_texts)
        blocks = _blocks(words, all_texts, np.vstack([vectors[rows], phrase_vectors]), prototypes)
        passage_blocks = owner = None
        if with_passages:
            passage_blocks = _blocks(words, passages.texts, passages.vectors, prototypes)
            owner = passages.owner
        parts, leave_one_out, passage_loo = _solve(
            blocks, 2.0 * all_labels - 1.0, passage_blocks, owner
        )
        return words, parts, leave_one_out, passage_loo

    # Held-out scores: ridge's exact leave-one-out scores from the one fit on everything (the
    # word columns and IDF are from all texts, a negligible leak), for texts and for each
    # passage (scored without the text it came from); cross-validation folds only when there
    # are too many texts for the dual system.
    words, parts, leave_one_out, passage_held_out = train(
        np.arange(len(texts)), passages is not None
    )
    if leave_one_out is not None:
        held_out = leave_one_out[: len(texts)]
    else:
        held_out = np.zeros(labels.shape, dtype=np.float64)
        if passages is not None:
            passage_held_out = np.zeros((len(passages.owner), labels.shape[1]))
        folds = KFold(n_splits=min(FOLDS, len(texts)), shuffle=True, random_state=SEED)
        for train_rows, test_rows in folds.split(texts) if len(texts) >= 2 else []:
            fold_words, fold_parts, _, _ = train(train_rows)
            blocks = _blocks(
                fold_words, [texts[i] for i in test_rows], vectors[test_rows], prototypes
            )
            held_out[test_rows] = _score(blocks, fold_parts)
            if passages is not None:
                chosen = np.flatnonzero(np.isin(passages.owner, test_rows))
                blocks = _blocks(
                    fold_words,
                    [passages.texts[k] for k in chosen],
                    passages.vectors[chosen],
                    prototypes,
                )
                passage_held_out[chosen] = _score(blocks, fold_parts)

    # The neighbours' vote: leave-one-out on the training texts, each without itself, then
    # Platt-calibrated per priority (float16 vectors, as stored, so a reloaded tagger votes
    # exactly as this one). BLEND 0 leaves it out (benchmarks compare without it).
    neighbours = vote_logits = None
    if tag_neighbours.BLEND > 0:
        neighbours = Neighbours(
            vectors=vectors.astype(np.float16),
            labels=labels,
            platt=np.tile(np.array([1.0, 0.0], dtype=np.float32), (labels.shape[1], 1)),
        )
        vote = neighbours.votes(neighbours.vectors, leave_one_out=True)
        neighbours.platt = _platts(vote, labels, learnt)
        vote_logits = vote * neighbours.platt[None, :, 0] + neighbours.platt[None, :, 1]

    # The passage weight with the best held-out micro-F1 (the smallest on a tie), then its
    # calibration and cut-offs.
    weight, best = 0.0, None
    for candidate in PASSAGE_WEIGHTS if passages is not None else (0.0,):
        scores = held_out
        if candidate:
            scores = _with_passages(held_out, passage_held_out, passages.owner, candidate)
        result = _calibrate_blend(scores, labels, learnt, vote_logits)
        f1 = _micro_f1(labels[:, learnt], result[4][:, learnt])
        if best is None or f1 > best[0] + 1e-9:
            weight, best = candidate, (f1, result)
    platt, blend_platt, thresholds, figures, _ = best[1]
    # Zero-shot fallback: as many training texts pass the cut as carried the label (at least
    # one), so a priority with no data is proposed about as often as the data says it occurs.
    similarity = vectors @ prototypes.T
    ranked = -np.sort(-similarity, axis=0)
    similarity_cuts = ranked[
        np.clip(positives - 1, 0, len(texts) - 1).clip(0), np.arange(len(priority_ids))
    ]
    metrics: dict[str, dict] = {}
    for number, priority_id in enumerate(priority_ids):
        truth = labels[:, number].astype(bool)
        entry = {"examples": int(truth.sum()), "used": "learnt" if learnt[number] else "zero-shot"}
        if learnt[number]:
            precision, recall = figures[number]
            entry.update(
                precision=round(precision, 3),
                recall=round(recall, 3),
                threshold=round(float(thresholds[number]), 3),
            )
        metrics[priority_id] = entry
    coef_words, coef_vector, coef_prior, intercept = parts
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    return LearntTagger(
        priority_ids=list(priority_ids),
        words=words,
        prototypes=prototypes,
        coef_words=coef_words,
        coef_vector=coef_vector,
        coef_prior=coef_prior,
        intercept=intercept,
        platt=platt,
        thresholds=thresholds,
        learnt=learnt,
        similarity_cuts=similarity_cuts.astype(np.float32),
        version=f"learnt/{_model_name(encode)}/{stamp}",
        metrics=metrics,
        training_seconds=round(time.perf_counter() - started, 2),
        passage_weight=float(weight),
        neighbours=neighbours,
        blend_platt=blend_platt,
    )
