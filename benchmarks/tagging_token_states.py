"""MiniLM's per-token states of the development texts, computed once and cached (experiments only).

Why: the token-level experiments (label-wise attention, fine-tuning the last layer) need what
the sentence vector throws away, the vector of every wordpiece. One pass of the frozen model
gives both the input of its last layer (hidden state 5) and its output (the token embeddings
that mean pooling turns into the sentence vector), stored flat in float16 with offsets, in
benchmarks/out/ (gitignored) beside the sentence-vector cache. Texts are truncated at the
model's 256 wordpieces (FFT comments: median 12); the shipped tagger windows long texts.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp import embed

CACHE = Path(__file__).resolve().parent / "out"


@dataclass
class TokenStates:
    """Flat (tokens, 384) float16 arrays; text i is rows offsets[i]:offsets[i + 1]."""

    before_last: np.ndarray  # hidden state 5: input of the last transformer layer
    last: np.ndarray  # hidden state 6: token embeddings (mean-pooled into sentence vectors)
    offsets: np.ndarray  # int64, len(texts) + 1

    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    def subset(self, rows: np.ndarray) -> TokenStates:
        pieces = [np.arange(self.offsets[i], self.offsets[i + 1]) for i in rows]
        index = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum([len(p) for p in pieces])]).astype(np.int64)
        return TokenStates(self.before_last[index], self.last[index], offsets)

    def padded(self, rows: np.ndarray, which: str = "last") -> tuple[np.ndarray, np.ndarray]:
        """(batch, longest, 384) float32 states and (batch, longest) bool mask of `rows`."""
        flat = getattr(self, which)
        lengths = self.lengths()[rows]
        out = np.zeros((len(rows), int(lengths.max()), flat.shape[1]), dtype=np.float32)
        mask = np.zeros(out.shape[:2], dtype=bool)
        for k, i in enumerate(rows):
            n = lengths[k]
            out[k, :n] = flat[self.offsets[i] : self.offsets[i] + n]
            mask[k, :n] = True
        return out, mask


def token_states(texts: list[str], name: str) -> TokenStates:
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"{name}_token_states.npz"
    if path.exists():
        with np.load(path) as data:
            if str(data["key"]) == key:
                return TokenStates(data["before_last"], data["last"], data["offsets"])
    started = time.perf_counter()
    states = _compute(texts)
    print(f"token states of {len(texts)} texts in {time.perf_counter() - started:.0f} s (cached)")
    CACHE.mkdir(exist_ok=True)
    np.savez(
        path, key=key, before_last=states.before_last, last=states.last, offsets=states.offsets
    )
    return states


def _compute(texts: list[str]) -> TokenStates:
    import torch

    model = embed.load_model()
    tokenizer, transformer = model.tokenizer, model[0].auto_model.eval()
    lengths = embed.token_lengths(texts)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    before = np.zeros((offsets[-1], embed.DIM), dtype=np.float16)
    last = np.zeros_like(before)
    with torch.inference_mode():
        for index in embed.plan_batches(lengths, 2048):
            tokens = tokenizer(
                [texts[i] for i in index],
                padding=True,
                truncation=True,
                max_length=embed.MAX_TOKENS,
                return_tensors="pt",
            )
            hidden = transformer(**tokens, output_hidden_states=True).hidden_states
            for k, i in enumerate(index):
                n = lengths[i]
                before[offsets[i] : offsets[i] + n] = hidden[5][k, :n].numpy()
                last[offsets[i] : offsets[i] + n] = hidden[6][k, :n].numpy()
    return TokenStates(before, last, offsets)
