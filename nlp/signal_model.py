"""The learned half of risk detection: sentence embeddings and one logistic regression per
signal, with a threshold per signal.

Why sentences: a risk is usually said in one sentence, or two side by side, of a story that is
otherwise about parking or waiting lists. Scoring each sentence (and each pair of neighbours)
and keeping the highest score lets one line be heard in a long story, where an average over
the whole story would drown it. Why embeddings: all-MiniLM-L6-v2 (already used for themes)
places "I don't see the point in going on" near "I want to die" although they share no word,
which is what the word-matching rules cannot do.

Why shipped weights: the weights (6 x 384 numbers) are trained once from
`nlp/signal_corpus.py` by `python -m nlp.signal_model` and saved in
`nlp/data/signal_model.npz` with the thresholds and the digest of the training texts. Training
at run time would mean embedding every example in each worker (about a minute on two cores)
and different weights whenever a library changed; shipped, the model loads in milliseconds,
every worker gives the same answer, and a test fails when the examples change but the weights
were not rebuilt.

It runs in the worker (it needs the embedding model); the web request runs only the rules.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "signal_model.npz"
# A story with more pieces than this is read in groups of neighbouring sentences (no pairs),
# so the time to read it stays bounded (about 300 texts of a window each) and nothing is
# skipped.
MAX_UNITS = 300
# A "sentence" longer than this many words (no full stops, e.g. speech-to-text) is cut in
# overlapping pieces, so one clause is not averaged away.
MAX_WORDS = 40
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\s*\n+\s*")


@dataclass(frozen=True)
class Unit:
    """A sentence, or two neighbouring ones, with its place in the story."""

    start: int
    end: int
    text: str


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; over-long ones cut into overlapping word windows."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[position:end].strip():
            spans.extend(_word_windows(text, position, end))
        if match:
            position = match.end()
    return spans


def _word_windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if len(words) <= MAX_WORDS:
        return [(words[0][0], words[-1][1])]
    step = MAX_WORDS // 2
    return [
        (words[i][0], words[min(i + MAX_WORDS, len(words)) - 1][1])
        for i in range(0, len(words) - step, step)
    ]


def units(text: str, spans: list[tuple[int, int]]) -> list[Unit]:
    """Each sentence and each pair of neighbours; in a very long story, groups of
    neighbouring sentences instead, at most MAX_UNITS of them."""
    if len(spans) * 2 > MAX_UNITS:
        size = -(-len(spans) // MAX_UNITS)
        return [
            Unit(spans[i][0], spans[end][1], text[spans[i][0] : spans[end][1]])
            for i in range(0, len(spans), size)
            for end in [min(i + size, len(spans)) - 1]
        ]
    pieces = [Unit(s, e, text[s:e]) for s, e in spans]
    pairs = [
        Unit(a.start, b.end, text[a.start : b.end])
        for a, b in zip(pieces, pieces[1:], strict=False)
    ]
    return pieces + pairs


@dataclass(frozen=True)
class SentenceModel:
    """Per-signal logistic regressions over sentence embeddings and over words, averaged.

    The embedding half hears meaning ("no point in going on" is near "want to die"); the word
    half keeps the concrete words that matter ("tablets", "knife", "belt") from being blurred
    into a general mood. Each half alone was worse on the development sets than the average.
    """

    names: tuple[str, ...]
    coef: np.ndarray  # (signals, 384)
    intercept: np.ndarray  # (signals,)
    vocabulary: tuple[str, ...]  # words and word pairs
    idf: np.ndarray  # (terms,)
    word_coef: np.ndarray  # (signals, terms)
    word_intercept: np.ndarray  # (signals,)
    thresholds: np.ndarray  # (signals,)
    corpus_sha256: str

    def probabilities(self, vectors: np.ndarray, texts: list[str]) -> np.ndarray:
        """(texts, signals) probabilities from L2-normalised embeddings and the texts."""
        meaning = _sigmoid(vectors @ self.coef.T + self.intercept)
        words = _sigmoid(
            word_features(texts, self._index, self.idf) @ self.word_coef.T + self.word_intercept
        )
        return (1 - WORD_WEIGHT) * meaning + WORD_WEIGHT * words

    @property
    def _index(self) -> dict[str, int]:
        return _term_index(self.vocabulary)

    def save(self, path: Path = MODEL_PATH) -> None:
        np.savez_compressed(
            path,
            names=np.array(self.names),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            vocabulary=np.array(self.vocabulary),
            idf=self.idf.astype(np.float32),
            word_coef=self.word_coef.astype(np.float32),
            word_intercept=self.word_intercept.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
            corpus_sha256=np.array(self.corpus_sha256),
        )


WORD_WEIGHT = 0.5
# Thresholds on the averaged probability. Risk to life and abuse are set low for recall (a
# missed risk costs more than a false alarm a person clears); a complaint higher, since it
# only counts a wish and shows the complaints route.
THRESHOLDS = {
    "suicide_self_harm": 0.45,
    "immediate_danger": 0.45,
    "child_abuse_neglect": 0.45,
    "adult_abuse_neglect": 0.45,
    "domestic_abuse": 0.45,
    "complaint": 0.6,
}
TOKEN = re.compile(r"(?u)\b\w[\w']*\b")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


@lru_cache(maxsize=4)
def _term_index(vocabulary: tuple[str, ...]) -> dict[str, int]:
    return {term: i for i, term in enumerate(vocabulary)}


def terms(text: str) -> list[str]:
    """Lower-case words and neighbouring word pairs: the word half's features."""
    words = TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def word_features(texts: list[str], index: dict[str, int], idf: np.ndarray) -> np.ndarray:
    """Sublinear tf-idf rows, L2-normalised (as scikit-learn's TfidfVectorizer makes them)."""
    rows = np.zeros((len(texts), len(index)), dtype=np.float32)
    for r, text in enumerate(texts):
        counts: dict[int, int] = {}
        for term in terms(text):
            column = index.get(term)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        for column, count in counts.items():
            rows[r, column] = (1 + np.log(count)) * idf[column]
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.clip(norms, 1e-12, None)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> SentenceModel:
    """The shipped model (a few hundred kilobytes, no network)."""
    with np.load(path) as data:
        return SentenceModel(
            names=tuple(str(n) for n in data["names"]),
            coef=data["coef"],
            intercept=data["intercept"],
            vocabulary=tuple(str(t) for t in data["vocabulary"]),
            idf=data["idf"],
            word_coef=data["word_coef"],
            word_intercept=data["word_intercept"],
            thresholds=data["thresholds"],
            corpus_sha256=str(data["corpus_sha256"]),
        )


def corpus_digest(texts: list[str], labels: list[tuple[str, ...]]) -> str:
    """sha256 of the training texts and labels: names exactly what the weights learned from."""
    payload = json.dumps([[t, sorted(ls)] for t, ls in zip(texts, labels, strict=True)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def train(
    texts: list[str],
    labels: list[tuple[str, ...]],
    names: tuple[str, ...],
    vectors: np.ndarray | None = None,
) -> SentenceModel:
    """Fit both halves for each signal on the given texts (embedding them unless `vectors`)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from nlp import embed

    if vectors is None:
        vectors = embed.encode(texts)
    vectorizer = TfidfVectorizer(analyzer=terms, sublinear_tf=True, min_df=2)
    matrix = vectorizer.fit_transform(texts)
    vocabulary = tuple(vectorizer.get_feature_names_out())
    coef, intercept, word_coef, word_intercept = [], [], [], []
    for name in names:
        y = np.array([name in ls for ls in labels])
        meaning = LogisticRegression(C=0.5, class_weight="balanced", max_iter=5000).fit(vectors, y)
        coef.append(meaning.coef_[0])
        intercept.append(meaning.intercept_[0])
        words = LogisticRegression(C=4.0, class_weight="balanced", max_iter=5000).fit(matrix, y)
        word_coef.append(words.coef_[0])
        word_intercept.append(words.intercept_[0])
    return SentenceModel(
        names=names,
        coef=np.array(coef, dtype=np.float32),
        intercept=np.array(intercept, dtype=np.float32),
        vocabulary=vocabulary,
        idf=vectorizer.idf_.astype(np.float32),
        word_coef=np.array(word_coef, dtype=np.float32),
        word_intercept=np.array(word_intercept, dtype=np.float32),
        thresholds=np.array([THRESHOLDS[n] for n in names], dtype=np.float32),
        corpus_sha256=corpus_digest(texts, labels),
    )


def main() -> None:
    """Train on the project's examples and write the shipped weights."""
    from nlp import signal_corpus
    from nlp.signals import SIGNALS

    examples = signal_corpus.training_examples()
    model = train([e.text for e in examples], [e.labels for e in examples], tuple(SIGNALS))
    model.save()
    print(f"trained on {len(examples)} texts, {len(model.vocabulary)} terms; wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
