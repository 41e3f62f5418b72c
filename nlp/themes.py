"""Theme modelling with BERTopic over precomputed embeddings: plain data in, plain data out.

Nothing here touches the database. The caller passes anonymised texts and their embeddings
(see `nlp.embed`) and gets back a `ThemeFit`: one topic per text (-1 for outliers), keywords
per topic, 2-D map coordinates and the fitted model, which `save_model` writes without any
document text so a withdrawn story cannot survive inside it.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from nlp.anonymise import PLACEHOLDER_NAMES

# BERTopic warns on every save and load without an embedding model, which is deliberate here;
# a filter survives the level BERTopic resets on each construction.
logging.getLogger("BERTopic").addFilter(lambda record: record.levelno >= logging.ERROR)

MIN_STORIES = 15
RANDOM_STATE = 42
KEYWORDS_PER_THEME = 10
# Up to this many stories the UMAP neighbour graph is exact, from blocks of one matrix product
# (1.6 s for 10,000). UMAP's own approximate search (NN-descent) is compiled by numba in each
# new process and that compilation is not cached: it cost 50 s of a 60 s first fit of 10,000
# stories (benchmarks/themes.py). Above the limit the quadratic product costs more than that.
EXACT_NEIGHBOURS_LIMIT = 30_000

# Placeholders the anonymiser leaves behind: "[NAME]", "[PLACE 2]", "NAME 1", "<PERSON>".
PLACEHOLDER_WORDS = frozenset(
    {
        "name", "person", "place", "location", "address", "date", "time", "phone",
        "email", "nhs", "number", "postcode", "organisation", "organization", "url",
        "redacted", "id", "age",
    }
)  # fmt: skip
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9 ]+")
_BRACKETED = re.compile(r"[\[<{][^\]>}]{0,40}[\]>}]")
# The anonymiser's placeholders as BERTopic leaves them once it has dropped the brackets,
# e.g. "NAME 1", "AGE 8089", "POSTCODE LS6": never theme keywords.
_CAPS_PLACEHOLDER = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            set(PLACEHOLDER_NAMES.values()) | {"PERSON", "LOCATION", "DATE"}, key=len, reverse=True
        )
    )
    + r")\b(?: [A-Z]*\d[A-Z0-9]*\b)?"
)


@lru_cache(maxsize=1)
def stop_words() -> list[str]:
    """English and placeholder stop words. Built on first use: the review pages import this
    module, and scikit-learn (about 60 MB resident) has no business in the web process."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS | PLACEHOLDER_WORDS)


@dataclass
class ThemeFit:
    """The outcome of one fit. `status` is 'done', 'too_few' or 'no_themes'."""

    status: str
    message: str
    topics: list[int] = field(default_factory=list)
    keywords: dict[int, list[str]] = field(default_factory=dict)
    coords: np.ndarray | None = None
    probabilities: list[float] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    model: Any = None

    @property
    def n_themes(self) -> int:
        return len({t for t in self.topics if t != -1})

    @property
    def outlier_share(self) -> float:
        return self.topics.count(-1) / len(self.topics) if self.topics else 0.0


def configure_numba_cache(cache_dir: str | Path | None = None) -> None:
    """Point numba at a writable on-disk cache so UMAP's compiled functions are reused.

    The first UMAP fit in a process otherwise spends a long time compiling; with the cache a
    fresh worker loads most of that from disk. Must run before umap is first imported.
    """
    if os.environ.get("NUMBA_CACHE_DIR"):
        return
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "story-workbench"
    path = Path(cache_dir) if cache_dir else default / "numba"
    path.mkdir(parents=True, exist_ok=True)
    os.environ["NUMBA_CACHE_DIR"] = str(path)


def strip_placeholders(text: str) -> str:
    """The text without anonymisation placeholders, so they never become keywords."""
    return _CAPS_PLACEHOLDER.sub(" ", _BRACKETED.sub(" ", text))


def make_vectorizer(texts: list[str]):
    """English stop words and placeholder words out; words and two-word phrases in.

    The vocabulary is fixed to terms found in at least two stories (once there are enough
    stories), so one story's unusual words, which may identify someone, never become a theme
    keyword nor enter the saved model's vocabulary.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    settings = {
        "stop_words": stop_words(),
        "ngram_range": (1, 2),
        "token_pattern": r"\b[a-z][a-z]+\b",
        "preprocessor": _clean,
    }
    for min_df in (2, 1) if len(texts) >= 30 else (1,):
        try:
            # Fit on the text as BERTopic will pass it (its own clean-up first), so every term
            # of the vocabulary occurs in some theme's joined text and no idf is infinite.
            vocabulary = (
                CountVectorizer(min_df=min_df, **settings)
                .fit([_as_bertopic_sees(t) for t in texts])
                .vocabulary_
            )
        except ValueError:  # every word is a stop word or placeholder
            continue
        return CountVectorizer(vocabulary=sorted(vocabulary), **settings)
    return None


def _as_bertopic_sees(text: str) -> str:
    """BERTopic's own clean-up of English documents before counting words."""
    return _NOT_ALNUM.sub("", text.replace("\n", " ").replace("\t", " "))


def _clean(text: str) -> str:
    """Placeholders out, then BERTopic's own clean-up (it keeps only ASCII letters, digits and
    spaces before counting words), so a fixed vocabulary matches what BERTopic counts."""
    text = strip_placeholders(text).replace("\n", " ")
    return _NOT_ALNUM.sub("", text).lower()


def scaled_params(n_docs: int) -> dict[str, int]:
    """UMAP and HDBSCAN settings that grow with the corpus.

    A theme needs about sqrt(n) stories (10 of 100, 100 of 10,000), which gave the best
    agreement with coders' labels on 10k feedback comments (benchmarks/themes.py) and keeps
    the list short enough to review. min_samples stays well below it: left at its default
    (equal to it) HDBSCAN collapses into two or three huge themes.
    """
    min_topic_size = int(min(120, max(3, round(math.sqrt(n_docs)))))
    return {
        "n_neighbors": int(min(15, max(4, n_docs // 4))),
        "n_components": 5,
        "min_topic_size": min_topic_size,
        "min_samples": max(1, min_topic_size // 8),
    }


def fit_themes(
    texts: list[str],
    embeddings: np.ndarray,
    embedding_model: Any = None,
    random_state: int = RANDOM_STATE,
    reduce_outliers: bool = True,
    map_coords: bool = True,
) -> ThemeFit:
    """Fit themes over anonymised texts and their precomputed, L2-normalised embeddings.

    Same input and random_state give the same themes. Fewer than MIN_STORIES distinct texts
    give no model and status 'too_few'; a corpus with no structure gives 'no_themes'.
    """
    n = len(texts)
    if len(embeddings) != n:
        raise ValueError(f"{n} texts but {len(embeddings)} embeddings")
    distinct = len({t.strip().lower() for t in texts})
    if distinct < MIN_STORIES:
        counted = _stories(n) if distinct == n else f"{_stories(n)}, only {distinct} different"
        return ThemeFit(
            status="too_few",
            message=f"Themes need at least {MIN_STORIES} different stories; found {counted}.",
        )
    # BERTopic only ever sees the text without placeholders, so none can become a keyword.
    texts = [strip_placeholders(t) for t in texts]
    vectorizer = make_vectorizer(texts)
    if vectorizer is None:
        return ThemeFit(status="no_themes", message="The stories have no words to theme.")
    configure_numba_cache()
    params = scaled_params(n)
    embeddings = np.asarray(embeddings, dtype=np.float32)
    neighbours = (
        exact_neighbours(embeddings, params["n_neighbors"]) if n <= EXACT_NEIGHBOURS_LIMIT else None
    )
    model = _build_model(params, vectorizer, embedding_model, random_state, neighbours)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        topics, _ = model.fit_transform(texts, embeddings=embeddings)
        topics = [int(t) for t in topics]
        if not any(t != -1 for t in topics):
            return ThemeFit(
                status="no_themes",
                message="No themes stand out: the stories are too alike or too few per subject.",
                topics=topics,
                params=params,
            )
        if reduce_outliers and -1 in topics:
            topics = _reduce_outliers(model, texts, topics, embeddings, vectorizer)
        probabilities = _similarity_to_own_topic(model, embeddings, topics)
        coords = _map_coords(model, embeddings) if map_coords else None
    return ThemeFit(
        status="done",
        message=f"{len(set(topics) - {-1})} themes from {n} stories.",
        topics=topics,
        keywords=model_keywords(model),
        coords=coords,
        probabilities=probabilities,
        params={**params, "random_state": random_state},
        model=model,
    )


def _stories(n: int) -> str:
    return f"{n} story" if n == 1 else f"{n} stories"


def exact_neighbours(
    embeddings: np.ndarray, k: int, block: int = 1024
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k nearest rows by cosine distance (itself first), as UMAP's
    `precomputed_knn` expects; rows must be L2-normalised, as `nlp.embed` returns them.

    Deterministic for the same input, so the graph, and with it the themes, are reproducible.
    """
    n = len(embeddings)
    k = min(k, n)
    indices = np.empty((n, k), dtype=np.int64)
    distances = np.empty((n, k), dtype=np.float32)
    for start in range(0, n, block):
        sims = embeddings[start : start + block] @ embeddings.T
        rows = np.arange(len(sims))
        sims[rows, rows + start] = np.inf  # a row is its own nearest, even among duplicates
        candidates = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        # Order the k by similarity, then by index, so ties never depend on the partition.
        order = np.lexsort((candidates, -np.take_along_axis(sims, candidates, axis=1)), axis=1)
        nearest = np.take_along_axis(candidates, order, axis=1)
        indices[start : start + block] = nearest
        distances[start : start + block] = 1.0 - np.take_along_axis(sims, nearest, axis=1)
    distances[:, 0] = 0.0
    return indices, np.clip(distances, 0.0, 2.0)


def _build_model(
    params: dict[str, int],
    vectorizer,
    embedding_model: Any,
    random_state: int,
    neighbours: tuple[np.ndarray, np.ndarray] | None = None,
):
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from umap import UMAP

    umap_model = UMAP(
        n_neighbors=params["n_neighbors"],
        n_components=params["n_components"],
        min_dist=0.0,
        metric="cosine",
        random_state=random_state,
        low_memory=True,
        # No search index: new stories are placed by the saved model's theme vectors, not UMAP.
        precomputed_knn=(*neighbours, None) if neighbours else (None, None, None),
    )
    hdbscan_model = HDBSCAN(
        min_cluster_size=params["min_topic_size"],
        min_samples=params["min_samples"],
        metric="euclidean",
        cluster_selection_method="eom",
        prediction_data=False,
    )
    return BERTopic(
        embedding_model=embedding_model,
        umap_model=umap_model,
        hdbscan_model=hdbscan_model,
        vectorizer_model=vectorizer,
        min_topic_size=params["min_topic_size"],
        top_n_words=KEYWORDS_PER_THEME,
        calculate_probabilities=False,
    )


def _reduce_outliers(model, texts: list[str], topics: list[int], embeddings, vectorizer):
    """Give outliers their nearest theme, then recompute keywords from the new members."""
    new_topics = model.reduce_outliers(
        texts, topics, strategy="embeddings", embeddings=embeddings, threshold=0.0
    )
    new_topics = [int(t) for t in new_topics]
    model.update_topics(texts, topics=new_topics, vectorizer_model=vectorizer)
    # Without an embedding model, update_topics leaves the old topic vectors (outlier row
    # included) in place; transform() relies on them, so recompute them as centroids.
    labels = np.asarray(new_topics)
    model.topic_embeddings_ = np.vstack(
        [embeddings[labels == topic].mean(axis=0) for topic in sorted(set(new_topics))]
    )
    return new_topics


def _similarity_to_own_topic(model, embeddings: np.ndarray, topics: list[int]) -> list[float]:
    """Cosine similarity of each story to its theme's centre: how typical it is."""
    centres = np.asarray(model.topic_embeddings_, dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True).clip(1e-9)
    offset = int(model._outliers)
    sims = []
    for vector, topic in zip(embeddings, topics, strict=True):
        sims.append(0.0 if topic == -1 else float(vector @ centres[topic + offset]))
    return sims


def _map_coords(model, embeddings: np.ndarray) -> np.ndarray:
    """2-D positions for the theme map: the UMAP space the themes were found in, flattened by
    PCA, so stories of a theme sit together without paying for a second UMAP fit."""
    from sklearn.decomposition import PCA

    reduced = model.umap_model.embedding_
    coords = PCA(n_components=2, random_state=RANDOM_STATE).fit_transform(reduced)
    span = np.ptp(coords, axis=0).clip(1e-9)
    return ((coords - coords.min(axis=0)) / span).astype(np.float32)


def model_keywords(model, top_n: int = KEYWORDS_PER_THEME) -> dict[int, list[str]]:
    """Keywords per topic from the model's c-TF-IDF representation."""
    keywords: dict[int, list[str]] = {}
    for topic, words in model.get_topics().items():
        if topic == -1:
            continue
        keywords[int(topic)] = [w for w, score in words[:top_n] if w and score > 0]
    return keywords


def keywords_for_groups(
    groups: dict[Any, list[str]], top_n: int = KEYWORDS_PER_THEME
) -> dict[Any, list[str]]:
    """c-TF-IDF keywords for each group of anonymised texts (e.g. a theme's current members).

    Used after withdrawals and analyst edits, so keywords describe only the stories the theme
    holds now.
    """
    from bertopic.vectorizers import ClassTfidfTransformer

    keys = [k for k, texts in groups.items() if texts]
    result: dict[Any, list[str]] = {k: [] for k in groups}
    if not keys:
        return result
    cleaned = {k: [strip_placeholders(t) for t in groups[k]] for k in keys}
    vectorizer = make_vectorizer([t for k in keys for t in cleaned[k]])
    if vectorizer is None:
        return result
    # Counted exactly as the vocabulary was found, so every term occurs and no idf is infinite.
    counts = vectorizer.fit_transform([_as_bertopic_sees(" ".join(cleaned[k])) for k in keys])
    ctfidf = ClassTfidfTransformer().fit_transform(counts)
    words = vectorizer.get_feature_names_out()
    for row, key in enumerate(keys):
        scores = ctfidf[row].toarray().ravel()
        order = np.argsort(-scores, kind="stable")[:top_n]
        result[key] = [str(words[i]) for i in order if scores[i] > 0]
    return result


def assign(model, texts: list[str], embeddings: np.ndarray) -> tuple[list[int], list[float]]:
    """Topic and similarity for new stories under a fitted or loaded model."""
    if not texts:
        return [], []
    embeddings = np.asarray(embeddings, dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        topics, _ = model.transform([strip_placeholders(t) for t in texts], embeddings=embeddings)
    topics = [int(t) for t in topics]
    return topics, _similarity_to_own_topic(model, embeddings, topics)


def save_model(model, path: str | Path) -> None:
    """Safetensors weights, c-TF-IDF and config; no documents and no embedding model."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.save(
            str(path),
            serialization="safetensors",
            save_ctfidf=True,
            save_embedding_model=False,
        )
    # BERTopic stores each training document's topic number; not text, but not needed either.
    topics_file = path / "topics.json"
    data = json.loads(topics_file.read_text())
    data["topics"] = []
    topics_file.write_text(json.dumps(data))


def load_model(path: str | Path, embedding_model: Any = None):
    """A model written by `save_model`; pass the SentenceTransformer object, never a name."""
    from bertopic import BERTopic

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return BERTopic.load(str(path), embedding_model=embedding_model)
