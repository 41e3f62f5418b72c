"""The learned half of risk detection: sentence embeddings and words, one logistic regression
per signal, with a threshold per signal.

Why sentences: a risk is usually said in one sentence of a story that is otherwise about
parking or waiting lists. Scoring each sentence and keeping the highest score lets one line be
heard in a long story, where an average over the whole story would drown it. Why neighbours
too: the sentences around a risk say whether it is past and over, asked by a nurse, or part of
a film, so each sentence is also embedded with the one before and after it. Why embeddings:
all-MiniLM-L6-v2 (already used for themes) places "I don't see the point in going on" near "I
want to die" although they share no word, which word-matching rules cannot do.

Why shipped weights: the weights are trained once by `python -m
nlp.signals.model_training.training` (see `nlp.signals.model_training.training`) and saved in
`nlp/data/signal_model.npz` with the thresholds and the digests of what they learned from. Training
at run time would mean embedding every example in each worker and different weights whenever a
library changed; shipped, the model loads in milliseconds, every worker gives the same answer, and
a test fails when the examples change but the weights were not rebuilt.

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

MODEL_PATH = Path(__file__).parents[2] / "data" / "signal_model.npz"
# A story with more sentences than this is read in groups of neighbouring sentences, so the
# time to read it stays bounded (about 300 texts to embed) and nothing is skipped.
MAX_UNITS = 150
# A "sentence" longer than this many words (no full stops, e.g. speech-to-text) is cut in
# overlapping pieces, so one clause is not averaged away.
MAX_WORDS = 40
MIN_WORDS = 4
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\s*\n+\s*")


@dataclass(frozen=True)
class Unit:
    """A sentence (the focus) with its place in the story, and the sentences around it (the
    context: the focus with one neighbour on each side)."""

    start: int
    end: int
    text: str
    context: str


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; over-long ones cut into overlapping word windows, and a
    fragment of fewer than MIN_WORDS words ("Now?", "Thank you!") joined to the sentence
    after it (or before it, at the end): alone, its embedding says little and scores at
    random."""
    sentences: list[tuple[int, int]] = []
    position = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[position:end].strip():
            sentences.append((position, end))
        if match:
            position = match.end()
    joined: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in sentences:
        start = start if pending is None else pending
        if len(text[start:end].split()) < MIN_WORDS:
            pending = start
            continue
        pending = None
        joined.append((start, end))
    if pending is not None:
        if joined:
            joined[-1] = (joined[-1][0], sentences[-1][1])
        else:
            joined.append((pending, sentences[-1][1]))
    spans: list[tuple[int, int]] = []
    for start, end in joined:
        spans.extend(_word_windows(text, start, end))
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


def units(text: str, spans: list[tuple[int, int]] | None = None) -> list[Unit]:
    """Each sentence with its neighbours as context; in a very long story, groups of
    neighbouring sentences (their own context), at most MAX_UNITS of them."""
    spans = sentence_spans(text) if spans is None else spans
    if len(spans) > MAX_UNITS:
        size = -(-len(spans) // MAX_UNITS)
        groups = [
            (spans[i][0], spans[min(i + size, len(spans)) - 1][1])
            for i in range(0, len(spans), size)
        ]
        return [Unit(s, e, text[s:e], text[s:e]) for s, e in groups]
    return [
        Unit(s, e, text[s:e], text[spans[max(0, i - 1)][0] : spans[min(len(spans) - 1, i + 1)][1]])
        for i, (s, e) in enumerate(spans)
    ]


@dataclass(frozen=True)
class SentenceModel:
    """Per-signal logistic regressions over embeddings (of the sentence and of its context)
    and over the sentence's words, averaged.

    The sentence's embedding hears meaning ("no point in going on" is near "want to die");
    the context's embedding hears what the neighbours say about it ("that was years ago, I'm
    well now", "the nurse asked me that"); the word half keeps the concrete words that matter
    ("tablets", "knife", "belt") from being blurred into a general mood.
    """

    names: tuple[str, ...]
    coef: np.ndarray  # (signals, 768): sentence then context
    intercept: np.ndarray  # (signals,)
    vocabulary: tuple[str, ...]  # words and word pairs
    idf: np.ndarray  # (terms,)
    word_coef: np.ndarray  # (signals, terms)
    word_intercept: np.ndarray  # (signals,)
    thresholds: np.ndarray  # (signals,): a flag the model is sure of
    corpus_sha256: str
    background_sha256: str
    # (signals,): the lower "possible" tier, a flag that asks to be read (equal to
    # `thresholds` for a signal without one)
    possible: np.ndarray | None = None
    # (signals, LONGEST): the lower tier for a story of 1, 2, ... LONGEST or more sentences.
    # A story's flag rests on its best sentence, so a long story of ordinary sentences has more
    # chances to pass by accident than a short comment; the tier rises with length so that a
    # long story is no likelier to raise a false "possible" than a short one (issue 19,
    # precision, second round; chosen in training on the background comments).
    possible_long: np.ndarray | None = None

    def possible_thresholds(self, sentences: int = 1) -> np.ndarray:
        """The threshold of the lower tier of each signal (its only one if it has no tier),
        for a story of `sentences` sentences: never above the sure threshold."""
        base = self.thresholds if self.possible is None else self.possible
        if self.possible_long is None or sentences <= 1:
            return base
        column = min(sentences, self.possible_long.shape[1]) - 1
        raise_by = self.possible_long[:, column] - self.possible_long[:, 0]
        return np.minimum(self.thresholds, base + raise_by)

    def probabilities(self, vectors: np.ndarray, texts: list[str]) -> np.ndarray:
        """(units, signals) probabilities from [sentence, context] L2-normalised embeddings
        (units, 768) and the sentences' texts."""
        meaning = _sigmoid(vectors @ self.coef.T + self.intercept)
        words = _sigmoid(
            word_features(texts, self._index, self.idf) @ self.word_coef.T + self.word_intercept
        )
        return (1 - WORD_WEIGHT) * meaning + WORD_WEIGHT * words

    def score_units(self, pieces: list[Unit]) -> np.ndarray:
        """(units, signals) probabilities, embedding each unit's sentence and context."""
        return self.probabilities(embed_units(pieces), [u.text for u in pieces])

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
            possible=self.possible_thresholds().astype(np.float32),
            **(
                {}
                if self.possible_long is None
                else {"possible_long": self.possible_long.astype(np.float32)}
            ),
            corpus_sha256=np.array(self.corpus_sha256),
            background_sha256=np.array(self.background_sha256),
        )


def embed_units(pieces: list[Unit]) -> np.ndarray:
    """[sentence, context] embeddings, (units, 768); a context equal to its sentence is
    embedded once."""
    from nlp import embed

    texts = list(dict.fromkeys([u.text for u in pieces] + [u.context for u in pieces]))
    row = {text: i for i, text in enumerate(texts)}
    vectors = embed.encode(texts)
    return np.hstack(
        [vectors[[row[u.text] for u in pieces]], vectors[[row[u.context] for u in pieces]]]
    )


WORD_WEIGHT = 0.5
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
            possible=data["possible"] if "possible" in data else None,
            possible_long=data["possible_long"] if "possible_long" in data else None,
            corpus_sha256=str(data["corpus_sha256"]),
            background_sha256=str(data["background_sha256"]),
        )


def corpus_digest(texts: list[str], labels: list[tuple[str, ...]]) -> str:
    """sha256 of the training texts and labels: names exactly what the weights learned from."""
    payload = json.dumps([[t, sorted(ls)] for t, ls in zip(texts, labels, strict=True)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
