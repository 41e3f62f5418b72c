"""The reason for a tag: the sentence of the story that carried it.

A planner asking "why is this story under Carers?" gets the story's own words, not a score.
The story is cut into sentences, each sentence is scored by the same model that proposed the
tag (or by zero-shot similarity), and the best-scoring sentence for each proposed priority is
the reason. A one-sentence text is its own reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from nlp.tagging import encoder as tag_encoder

MAX_REASON = 300  # characters: a reason is a sentence to read beside the tag, not the story
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"')\]])\s+|\n+")

# Scores (pieces, priorities) for pieces of text and their embeddings.
PieceScorer = Callable[[list[str], np.ndarray], np.ndarray]


def sentences(text: str) -> list[str]:
    """The text cut at sentence ends and line breaks; empty pieces dropped."""
    return [piece.strip() for piece in SENTENCE_END.split(text) if piece and piece.strip()]


def clip(sentence: str, limit: int = MAX_REASON) -> str:
    """A sentence shortened at a word boundary, with an ellipsis, if it is very long."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + " …"


def reasons(
    texts: list[str], decided: np.ndarray, score: PieceScorer, passages=None
) -> list[dict[int, str]]:
    """For each text, {priority column: the sentence that scored highest for it} over the
    columns marked in `decided` (texts, priorities).

    `passages` (`nlp.tagging.learner.Passages` of these texts), when the tagger already has
    them, lends its sentence vectors: a text's sentences are embedded here only when it has
    none there, so a tagger that weighs sentences does not embed them twice."""
    result: list[dict[int, str]] = [{} for _ in texts]
    pieces: list[str] = []
    owners: list[int] = []
    for row, text in enumerate(texts):
        columns = np.flatnonzero(decided[row])
        if not len(columns):
            continue
        parts = sentences(text)
        if len(parts) <= 1:
            result[row] = {int(c): clip(text) for c in columns}
            continue
        pieces += parts
        owners += [row] * len(parts)
    if not pieces:
        return result
    scores = score(pieces, _piece_vectors(texts, pieces, owners, passages))
    owner_of = np.array(owners)
    for row in np.unique(owner_of):
        rows = np.flatnonzero(owner_of == row)
        for column in np.flatnonzero(decided[row]):
            best = rows[int(np.argmax(scores[rows, column]))]
            result[row][int(column)] = clip(pieces[best])
    return result


def _piece_vectors(texts: list[str], pieces: list[str], owners: list[int], passages) -> np.ndarray:
    """The pieces' tagging vectors: each text's from `passages` when it holds exactly that
    text's sentences, the rest embedded now, in one call."""
    owner_of = np.array(owners)
    known: dict[int, np.ndarray] = {}
    if passages is not None and len(passages.texts):
        for row in np.unique(owner_of):
            rows = np.flatnonzero(passages.owner == row)
            if [passages.texts[i] for i in rows] == sentences(texts[row]):
                known[int(row)] = passages.vectors[rows]
    missing = [i for i, row in enumerate(owners) if row not in known]
    if not known:
        return np.asarray(tag_encoder.encode(pieces))
    vectors = np.zeros((len(pieces), passages.vectors.shape[1]), dtype=np.float32)
    if missing:
        vectors[missing] = tag_encoder.encode([pieces[i] for i in missing])
    for row, matrix in known.items():
        vectors[owner_of == row] = matrix  # a text's sentences are consecutive, in order
    return vectors
