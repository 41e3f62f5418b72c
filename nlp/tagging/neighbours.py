"""A nearest-neighbour vote beside the learnt tagger's ridge (issue 22).

Why: the ridge is one linear score per priority over all of a story's features; a rare priority
whose stories are told in a few distinct ways (a ward, a procedure, one kind of complaint) is
better found by asking which labelled stories a new one is nearest to. Each story's vote is
the share of its NEIGHBOURS nearest training stories (cosine over the tagging vectors) that
carry each priority, each neighbour weighted exp(similarity / TEMPERATURE), so the nearest few
count most. The vote is Platt-calibrated on leave-one-out votes of the training stories, and its
log-odds are blended into the ridge's at weight BLEND; the blend is calibrated again and cut
per priority as the ridge alone was (`nlp.tagging.learner`).

Chosen on the FFT development splits only (Trust A -> B, B -> A, each with the encoder adapted
on the training trust; `benchmarks/tagging_experiments_views.py`): macro-F1 +0.017 / +0.020,
micro +0.002 / +0.014; measured once on Trust C and Care Opinion (docs/measured/tagging.md).
The tagger must keep its training stories' vectors (float16) and labels to vote: about
0.8 kB per story.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NEIGHBOURS = 20
TEMPERATURE = 0.05  # exp(cos / 0.05): a neighbour 0.05 less similar counts e times less
BLEND = 0.25  # weight of the vote's log-odds beside the ridge's
_CHUNK = 2000  # query rows per similarity block (2,000 x 10,000 float32: 80 MB)


@dataclass
class Neighbours:
    """The training stories' tagging vectors and labels, and the vote's calibration."""

    vectors: np.ndarray  # (stories, dim) unit vectors
    labels: np.ndarray  # (stories, priorities) 0/1 int8
    platt: np.ndarray  # (priorities, 2) a, b of the vote's log-odds: a * vote + b

    @property
    def k(self) -> int:
        """Neighbours per vote: NEIGHBOURS, or all but one when fewer stories were labelled
        (so a training story's leave-one-out vote has as many as a new story's)."""
        return max(1, min(NEIGHBOURS, len(self.vectors) - 1))

    def votes(self, vectors: np.ndarray, leave_one_out: bool = False) -> np.ndarray:
        """(rows, priorities) weighted share of each row's nearest training stories carrying
        each priority. `leave_one_out`: `vectors` are the training stories themselves, in
        order, and each leaves itself out."""
        train = np.asarray(self.vectors, dtype=np.float32)
        vectors = np.asarray(vectors, dtype=np.float32)
        labels = np.asarray(self.labels, dtype=np.float32)
        k = min(self.k, len(train) - (1 if leave_one_out else 0))
        out = np.zeros((len(vectors), labels.shape[1]), dtype=np.float64)
        if k < 1:
            return out
        for start in range(0, len(vectors), _CHUNK):
            similarity = vectors[start : start + _CHUNK] @ train.T
            if leave_one_out:
                rows = np.arange(len(similarity))
                similarity[rows, start + rows] = -np.inf
            nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
            near = np.take_along_axis(similarity, nearest, axis=1)
            weights = np.exp((near - near.max(axis=1, keepdims=True)) / TEMPERATURE)
            shares = np.einsum("qk,qkj->qj", weights, labels[nearest])
            out[start : start + _CHUNK] = shares / weights.sum(axis=1, keepdims=True)
        return out

    def blend(self, ridge_logits: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """(1 - BLEND) * the ridge's calibrated log-odds + BLEND * the vote's."""
        vote = self.votes(vectors) * self.platt[None, :, 0] + self.platt[None, :, 1]
        return (1.0 - BLEND) * ridge_logits + BLEND * vote
