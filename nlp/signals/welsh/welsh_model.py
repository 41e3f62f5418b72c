"""A learned model for risk signals in Welsh sentences: character and word n-grams, one
logistic regression per signal, weights shipped in `nlp/data/signal_welsh_model.npz`.

Why: the Welsh rules (`nlp.signals.welsh.welsh`) hear only the phrasings written into them, and
Welsh tellers say risk in other words ("mae gen i ddigon nawr" of saved tablets, "byddai'n
well i bawb taswn i ddim yma"). The English model cannot help: its embeddings are
English-only and read Welsh as noise. So this model learns from the Welsh and code-switched
stories written by other hands (see `nlp.signals.model_training.welsh_training`).

Why character n-grams within words (2 to 5 letters, with the word's edges): Welsh mutates a
word's first letter (tabledi, dabledi; lladd, ladd; marw, farw), so whole words split one
word into three that each appear rarely; its middle and end survive the mutation and the
n-grams share them. Word n-grams (one and two words) keep the short phrases whole ("gen i
ddigon", "ddim yma"). Both are tf-idf (sublinear, each half L2-normalised) computed here in
numpy, so the worker needs no scikit-learn and the weights are plain arrays (no pickle).

It runs in the worker beside the English model (`nlp.signals.detect_many`); the web request
runs only the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from nlp.signals.welsh import welsh as signal_welsh

MODEL_PATH = Path(__file__).parents[2] / "data" / "signal_welsh_model.npz"
CHAR_RANGE = (2, 5)
WORD = re.compile(r"(?u)\b\w[\w'’-]*\b")
SPACES = re.compile(r"\s\s+")
# Prefixes keep a character n-gram and a word of the same letters apart in one vocabulary.
CHAR, WORDS = "c:", "w:"


def _clean(text: str) -> str:
    return SPACES.sub(" ", text.lower().replace("’", "'"))


def char_terms(text: str) -> list[str]:
    """Character n-grams of 2 to 5 letters inside each word padded with a space on each side
    (scikit-learn's "char_wb": n-grams never cross a word boundary)."""
    out = []
    low, high = CHAR_RANGE
    for word in _clean(text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) < n:
                break
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return [CHAR + t for t in out]


def word_terms(text: str) -> list[str]:
    """Lower-case words and neighbouring word pairs."""
    words = WORD.findall(_clean(text))
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return [WORDS + t for t in words + pairs]


def terms(text: str) -> list[str]:
    """Both halves' terms of one sentence."""
    return char_terms(text) + word_terms(text)


def sparse_row(
    text: str, index: dict[str, int], idf: np.ndarray, first_word: int
) -> tuple[np.ndarray, np.ndarray]:
    """(columns, values) of one sentence's sublinear tf-idf, each half (character n-grams
    before `first_word`, words from it) L2-normalised apart, so the many character n-grams do
    not drown the few words (as two scikit-learn TfidfVectorizers side by side make it)."""
    counts: dict[int, int] = {}
    for term in terms(text):
        column = index.get(term)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
    values = np.array([(1 + np.log(c)) * idf[i] for i, c in counts.items()], dtype=np.float32)
    for half in (columns < first_word, columns >= first_word):
        norm = float(np.linalg.norm(values[half]))
        if norm > 0:
            values[half] /= norm
    return columns, values


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


@dataclass(frozen=True)
class WelshModel:
    """Per-signal logistic regressions over a Welsh sentence's n-grams, with the threshold
    chosen for each by leave-one-file-out cross-validation
    (`nlp.signals.model_training.welsh_training`)."""

    names: tuple[str, ...]
    vocabulary: tuple[str, ...]
    idf: np.ndarray  # (terms,)
    coef: np.ndarray  # (signals, terms)
    intercept: np.ndarray  # (signals,)
    thresholds: np.ndarray  # (signals,)
    corpus_sha256: str

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """(texts, signals) probabilities."""
        if not texts:
            return np.zeros((0, len(self.names)), dtype=np.float32)
        logits = np.zeros((len(texts), len(self.names)), dtype=np.float32)
        for r, text in enumerate(texts):
            columns, values = sparse_row(text, self._index, self.idf, self._first_word)
            logits[r] = self.coef[:, columns] @ values
        return _sigmoid(logits + self.intercept)

    @cached_property
    def _index(self) -> dict[str, int]:
        return {term: i for i, term in enumerate(self.vocabulary)}

    @cached_property
    def _first_word(self) -> int:
        """Character n-grams come first in the vocabulary, then words."""
        return next(
            (i for i, t in enumerate(self.vocabulary) if t.startswith(WORDS)), len(self.vocabulary)
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        """Plain arrays only (loaded with allow_pickle off)."""
        np.savez_compressed(
            path,
            names=np.array(self.names),
            vocabulary=np.array(self.vocabulary),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
            corpus_sha256=np.array(self.corpus_sha256),
        )


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> WelshModel:
    """The shipped Welsh model (no network, no pickle)."""
    with np.load(path, allow_pickle=False) as data:
        return WelshModel(
            names=tuple(str(n) for n in data["names"]),
            vocabulary=tuple(str(t) for t in data["vocabulary"]),
            idf=data["idf"],
            coef=data["coef"].astype(np.float32),
            intercept=data["intercept"],
            thresholds=data["thresholds"],
            corpus_sha256=str(data["corpus_sha256"]),
        )


def reads(text: str) -> bool:
    """Whether the Welsh model reads a sentence: one that reads as Welsh
    (`signal_welsh.is_welsh`), or that has two different Welsh-only words however many English
    ones, so a sentence that switches language ("he's outside now yn gweiddi, dw i'n ofn") is
    read by this model as well as by the English one. One English comment in ten thousand (the
    FFT set) has two such words."""
    words = {w.lower().strip("'’") for w in signal_welsh.WORD.findall(text)}
    return signal_welsh.is_welsh(text) or len(words & signal_welsh.WELSH_WORDS) >= 2


# A Welsh story of a few sentences is also scored whole (see `reads_whole`).
STORY_MAX = 8


def reads_whole(welsh: list[bool]) -> bool:
    """Whether a story whose units read as Welsh where `welsh` is true is also scored as one
    text: two to STORY_MAX sentences, at least half of them Welsh. Why: a short story's risk is
    often spread over two sentences ("he rang from the bridge. He is not answering now"), and
    its label is exact for the whole, where a sentence's label is a guess; in
    leave-one-file-out cross-validation it found a tenth more of the Welsh stories with risk to
    life at the same false-alarm cap. Long or mostly English texts are read by sentence only."""
    return 1 < len(welsh) <= STORY_MAX and 2 * sum(welsh) >= len(welsh)
