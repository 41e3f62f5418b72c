"""A trained tagger's arrays as one stored blob, and back.

Both taggers (`nlp.tagging.LinearTagger`, `nlp.tagging.learner.LearntTagger`) are stored in the
database as numpy's .npz format: arrays only, read with `allow_pickle` off, so a stored model
can never carry executable code. One place keeps that promise for both.
"""

from __future__ import annotations

import io

import numpy as np


def pack(arrays: dict[str, np.ndarray], compressed: bool = False) -> bytes:
    """The arrays as .npz bytes; `compressed` trades a little time for a smaller blob."""
    buffer = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(buffer, **arrays)
    return buffer.getvalue()


def unpack(data: bytes) -> dict[str, np.ndarray]:
    """Every array of a blob made by `pack`, by name; refuses pickled objects."""
    with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
        return {name: arrays[name] for name in arrays.files}
