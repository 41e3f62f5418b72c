"""How critical or positive a story is, from −5 (very critical) to +5 (very positive).

A ridge regression over the story's MiniLM embedding. Its coefficients were fitted on the
criticality that NHS coders gave 10,000 Friends and Family Test comments (`benchmarks/tagging.py
--write-criticality-model` refits them). The shipped file `nlp/data/criticality.npz` holds only
384 weights, an intercept and figures: no words, so no feedback text leaves the data set through
it. Scores are for analysts to sort and filter by, and are published only in aggregate.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "criticality.npz"
LOWEST, HIGHEST = -5.0, 5.0


@lru_cache(maxsize=1)
def _load(path: Path = MODEL_PATH) -> tuple[np.ndarray, float, str]:
    with np.load(path) as data:
        return (
            data["coef"].astype(np.float32),
            float(data["intercept"]),
            str(data["model_version"]),
        )


def model_version() -> str:
    """Names the shipped coefficients, stored beside each score."""
    return _load()[2]


def score_criticality(embeddings: np.ndarray) -> np.ndarray:
    """One score per row of L2-normalised 384-d embeddings, clipped to −5..+5."""
    coef, intercept, _ = _load()
    vectors = np.asarray(embeddings, dtype=np.float32).reshape(-1, coef.shape[0])
    return np.clip(vectors @ coef + intercept, LOWEST, HIGHEST)


def fit_criticality(embeddings: np.ndarray, scores: np.ndarray, alpha: float = 1.0):
    """Fit the ridge regression; returns (coef, intercept)."""
    from sklearn.linear_model import Ridge

    model = Ridge(alpha=alpha).fit(embeddings, scores)
    return model.coef_.astype(np.float32), float(model.intercept_)


def save_criticality_model(
    path: Path, coef: np.ndarray, intercept: float, model_version: str, **figures: float
) -> None:
    """Write coefficients and figures (never text) as a small .npz."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        path,
        coef=np.asarray(coef, dtype=np.float32),
        intercept=np.float64(intercept),
        model_version=np.str_(model_version),
        **{name: np.float64(value) for name, value in figures.items()},
    )
    _load.cache_clear()
