"""Theme modelling with BERTopic over precomputed embeddings: plain data in, plain data out.

Nothing here touches the database. The caller passes anonymised texts and their embeddings
(see `nlp.embed`) and gets back a `ThemeFit`: one topic per text (-1 for outliers), keywords
per topic, 2-D map coordinates and the fitted model, which `save_model` writes without any
document text or word, so a withdrawn story cannot survive inside it.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nlp.themes.text import stop_words, strip_placeholders

# BERTopic warns on every save and load without an embedding model, which is deliberate here;
# a filter survives the level BERTopic resets on each construction.
logging.getLogger("BERTopic").addFilter(lambda record: record.levelno >= logging.ERROR)

_NOT_ALNUM = re.compile(r"[^A-Za-z0-9 ]+")
MIN_STORIES = 15
RANDOM_STATE = 42
KEYWORDS_PER_THEME = 10
# Up to this many stories the UMAP neighbour graph is exact, from blocks of one matrix product
# (1.6 s for 10,000). UMAP's own approximate search (NN-descent) is compiled by numba in each
# new process and that compilation is not cached: it cost 50 s of a 60 s first fit of 10,000
# stories (benchmarks/themes.py). Above the limit the quadratic product costs more than that.
EXACT_NEIGHBOURS_LIMIT = 30_000
NEIGHBOURS = 15
# How many themes: about 1.4 per square root of the corpus (44 for 1,000 stories, 50 from
# about 1,300 on), never more than one per 12 stories, so a small corpus is not cut into
# crumbs and a large one stays a list an analyst can read. HDBSCAN's own count swung from 2
# to 186 with corpus size and story length (benchmarks/themes.py); a count chosen here does not.
THEMES_PER_ROOT = 1.4
MAX_THEMES = 50
MIN_STORIES_PER_THEME = 12
# Below this many stories UMAP has too few neighbours to shape; themes are cut from the
# embeddings themselves.
UMAP_FROM = 100
# Two themes whose centres (mean embedding) are this similar say the same thing: merged, as
# long as the merged theme stays under MAX_MERGED_SHARE of the stories. Pairs above
# FLAG_SIMILARITY, or with names sharing most words, are listed for the analyst to judge.
MERGE_SIMILARITY = 0.95
FLAG_SIMILARITY = 0.90
FLAG_NAME_OVERLAP = 0.5
MAX_MERGED_SHARE = 0.20
# A story fits no theme when at most this many of its nearest stories share its theme.
MAX_AGREEING_NEIGHBOURS_OF_OUTLIER = 1
# A theme whose stories have at most this many words (median) and no shared phrase is a theme
# of brief replies ("Nothing.", "N/A").
BRIEF_WORDS = 5
# English text is about 40 % stop words; text in another language has almost none of them.
MIN_ENGLISH_STOP_SHARE = 0.12


@dataclass
class ThemeFit:
    """The outcome of one fit. `status` is 'done', 'too_few' or 'no_themes'.

    Themes are numbered 0.. by size; -1 in `topics` marks a story that fits no theme (it is
    counted in `n_outliers`, and `nearest` gives the theme it is closest to). Every dict is
    keyed by theme number; `evidence` values are `evidence.ThemeEvidence.as_dict()`.
    """

    status: str
    message: str
    topics: list[int] = field(default_factory=list)
    keywords: dict[int, list[str]] = field(default_factory=dict)
    coords: np.ndarray | None = None
    probabilities: list[float] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    model: Any = None
    names: dict[int, str] = field(default_factory=dict)
    phrases: dict[int, list[str]] = field(default_factory=dict)
    descriptions: dict[int, str] = field(default_factory=dict)
    evidence: dict[int, dict[str, Any]] = field(default_factory=dict)
    nearest: list[int] = field(default_factory=list)
    similar_pairs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def n_themes(self) -> int:
        return len({t for t in self.topics if t != -1})

    @property
    def n_outliers(self) -> int:
        """Stories that fit no theme."""
        return self.topics.count(-1)

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


def make_vectorizer(texts: list[str]):
    """English stop words and placeholder words out; words and two-word phrases in.

    The vocabulary is fixed to terms found in at least two stories, however few stories there
    are, so one story's unusual words, which may identify someone, never become a theme
    keyword nor enter the saved model. None when no term is shared by two stories.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    settings = {
        "stop_words": stop_words(),
        "ngram_range": (1, 2),
        "token_pattern": r"\b[a-z][a-z]+\b",
        "preprocessor": _clean,
    }
    try:
        # Fit on the text as BERTopic will pass it (its own clean-up first), so every term
        # of the vocabulary occurs in some theme's joined text and no idf is infinite.
        vocabulary = (
            CountVectorizer(min_df=2, **settings)
            .fit([_as_bertopic_sees(t) for t in texts])
            .vocabulary_
        )
    except ValueError:  # every word is a stop word or placeholder, or used by one story only
        return None
    return CountVectorizer(vocabulary=sorted(vocabulary), **settings)


def _as_bertopic_sees(text: str) -> str:
    """BERTopic's own clean-up of English documents before counting words."""
    return _NOT_ALNUM.sub("", text.replace("\n", " ").replace("\t", " "))


def _clean(text: str) -> str:
    """Placeholders out, then BERTopic's own clean-up (it keeps only ASCII letters, digits and
    spaces before counting words), so a fixed vocabulary matches what BERTopic counts."""
    text = strip_placeholders(text).replace("\n", " ")
    return _NOT_ALNUM.sub("", text).lower()


def target_theme_count(n_docs: int) -> int:
    """How many themes to cut a corpus into (before near-duplicates are merged)."""
    wanted = min(THEMES_PER_ROOT * math.sqrt(n_docs), n_docs / MIN_STORIES_PER_THEME)
    return int(max(1, min(MAX_THEMES, math.floor(wanted))))


def english_stop_share(texts: list[str]) -> float | None:
    """Share of English stop words among the words of stories of eight words or more; None
    when too few stories are that long to judge (one-word comments say nothing of language)."""
    stop = set(stop_words())
    counted = total = stories = 0
    for text in texts:
        words = re.findall(r"[a-z']+", strip_placeholders(text).lower())
        if len(words) >= 8:
            stories += 1
            total += len(words)
            counted += sum(w in stop for w in words)
    if stories < max(3, 0.2 * len(texts)):
        return None
    return counted / total


def fit_themes(
    texts: list[str],
    embeddings: np.ndarray,
    embedding_model: Any = None,
    random_state: int = RANDOM_STATE,
    reduce_outliers: bool = False,
    map_coords: bool = True,
    *,
    criticality: np.ndarray | None = None,
    dates: list | None = None,
    quotable: list[bool] | None = None,
) -> ThemeFit:
    """Fit themes over anonymised texts and their precomputed, L2-normalised embeddings.

    Same input and random_state give the same themes. Fewer than MIN_STORIES distinct texts
    give no model and status 'too_few'; text with nothing to theme (only placeholders, or not
    English) gives 'no_themes'; each with a message an analyst can read. Stories that fit no
    theme get -1 unless `reduce_outliers` gives them their nearest theme. `criticality`
    (scored from the embeddings when not given), `dates` and `quotable` feed the evidence.
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
    english = english_stop_share(texts)
    if english is not None and english < MIN_ENGLISH_STOP_SHARE:
        return ThemeFit(
            status="no_themes",
            message=(
                "These stories do not look like English: themes, their names and quotes are "
                "made for English text, so none were made."
            ),
        )
    # BERTopic only ever sees the text without placeholders, so none can become a keyword.
    cleaned = [strip_placeholders(t) for t in texts]
    vectorizer = make_vectorizer(cleaned)
    if vectorizer is None:
        return ThemeFit(
            status="no_themes",
            message="The stories share no words to theme (only placeholders or one-off words).",
        )
    embeddings = np.asarray(embeddings, dtype=np.float32)
    target = target_theme_count(n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        labels, space, neighbours = cluster_stories(embeddings, target, random_state)
        labels, merged = merge_near_duplicates(labels, embeddings)
        outliers = fits_no_theme(labels, neighbours)
        nearest = _by_size(labels)
        labels = np.where(outliers & (not reduce_outliers), -1, nearest)
        if (labels == -1).all():
            return ThemeFit(
                status="no_themes",
                message="No themes stand out: no story sits among others like it.",
            )
        model = _build_model(vectorizer, embedding_model)
        topics, _ = model.fit_transform(cleaned, embeddings=embeddings, y=labels)
    topics = [int(t) for t in topics]
    # BERTopic renumbers themes by size; map our numbers to its own through the stories.
    mapping = {int(c): t for c, t in zip(labels, topics, strict=True) if c != -1}
    nearest_topics = [
        t if t != -1 else mapping.get(int(c), -1) for t, c in zip(topics, nearest, strict=True)
    ]
    model.theme_floor_ = placing_floor(embeddings, topics)
    params = {
        "method": "umap-kmeans" if n >= UMAP_FROM else "kmeans",
        "target_themes": target,
        "merged_near_duplicates": sum(len(group) - 1 for group in merged),
        "n_neighbors": min(NEIGHBOURS, n - 1),
        "n_components": 5,
        "random_state": random_state,
    }
    fit = ThemeFit(
        status="done",
        message="",
        topics=topics,
        keywords=model_keywords(model),
        coords=_map_coords(space) if map_coords else None,
        probabilities=_similarity_to_own_topic(model, embeddings, topics),
        params=params,
        model=model,
        nearest=nearest_topics,
    )
    describe(fit, texts, cleaned, embeddings, criticality, dates, quotable)
    outlier_note = (
        f"; {_stories(fit.n_outliers)} ({fit.outlier_share:.0%}) fit no theme"
        if fit.n_outliers
        else ""
    )
    fit.message = f"{fit.n_themes} themes from {_stories(n)}{outlier_note}."
    return fit


def describe(
    fit: ThemeFit,
    texts: list[str],
    cleaned: list[str],
    embeddings: np.ndarray,
    criticality: np.ndarray | None,
    dates: list | None,
    quotable: list[bool] | None,
) -> None:
    """Names, phrases, descriptions, evidence and near-duplicate flags for a finished fit."""
    from nlp.criticality import score_criticality
    from nlp.themes import evidence, names

    fit.phrases = names.theme_phrases(cleaned, fit.topics)
    lengths = np.array([len(t.split()) for t in cleaned])
    labels = np.asarray(fit.topics)
    brief = {t for t in fit.phrases if np.median(lengths[labels == t]) <= BRIEF_WORDS}
    fit.names = names.theme_names(fit.phrases, brief)
    scores = score_criticality(embeddings) if criticality is None else criticality
    found = evidence.theme_evidence(
        texts, embeddings, fit.topics, fit.phrases, scores, dates, quotable
    )
    fit.evidence = {t: e.as_dict() for t, e in found.items()}
    fit.descriptions = {t: e.description for t, e in found.items()}
    fit.similar_pairs = similar_pairs(fit.topics, embeddings, fit.names)


def similar_pairs(
    topics: list[int], embeddings: np.ndarray, names: dict[int, str]
) -> list[dict[str, Any]]:
    """Pairs of themes an analyst should look at together: centres nearly the same, or names
    sharing most of their words. Each is {"themes": [a, b], "similarity": cos, "reason"}."""
    from nlp.themes.names import name_similarity

    themes = sorted(set(topics) - {-1})
    centres = _centres(np.asarray(topics), embeddings, themes)
    sims = centres @ centres.T
    pairs = []
    for i, a in enumerate(themes):
        for j in range(i + 1, len(themes)):
            b = themes[j]
            close = sims[i, j] >= FLAG_SIMILARITY
            alike = name_similarity(names.get(a, ""), names.get(b, "")) >= FLAG_NAME_OVERLAP
            if close or alike:
                reason = "similar stories" if close else "similar names"
                pairs.append(
                    {"themes": [a, b], "similarity": round(float(sims[i, j]), 3), "reason": reason}
                )
    return pairs


def _centres(labels: np.ndarray, embeddings: np.ndarray, themes: list[int]) -> np.ndarray:
    """Unit-length mean embedding of each listed theme."""
    if not themes:
        return np.zeros((0, embeddings.shape[1]), dtype=np.float32)
    centres = np.vstack([embeddings[labels == t].mean(axis=0) for t in themes])
    return centres / np.linalg.norm(centres, axis=1, keepdims=True).clip(1e-9)


def cluster_stories(
    embeddings: np.ndarray, n_themes: int, random_state: int = RANDOM_STATE
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cut the stories into n_themes groups: k-means in a 5-d UMAP space built on the exact
    neighbour graph. Returns (labels, the space, each story's nearest stories).

    k-means over UMAP rather than HDBSCAN: HDBSCAN's count and its largest cluster swung
    with corpus size and story length (2 themes, one of 97 %, on 1,969 long stories), and its
    clusters moved more when a few stories were dropped (benchmarks/themes.py).
    """
    from sklearn.cluster import KMeans

    n = len(embeddings)
    k_neighbours = min(NEIGHBOURS, n - 1)
    if n <= EXACT_NEIGHBOURS_LIMIT:
        indices, distances = exact_neighbours(embeddings, k_neighbours + 1)
    else:
        from pynndescent import NNDescent

        index = NNDescent(embeddings, n_neighbors=k_neighbours + 1, metric="cosine",
                          random_state=random_state)  # fmt: skip
        indices, distances = index.neighbor_graph
    if n >= UMAP_FROM:
        configure_numba_cache()
        from umap import UMAP

        space = UMAP(
            n_neighbors=k_neighbours + 1,
            n_components=5,
            min_dist=0.0,
            metric="cosine",
            random_state=random_state,
            low_memory=True,
            precomputed_knn=(indices, distances, None),
        ).fit_transform(embeddings)
    else:
        space = embeddings
    if n_themes <= 1:
        return np.zeros(n, dtype=int), space, indices
    labels = KMeans(n_clusters=n_themes, n_init=10, random_state=random_state).fit_predict(space)
    return labels.astype(int), space, indices


def merge_near_duplicates(
    labels: np.ndarray, embeddings: np.ndarray
) -> tuple[np.ndarray, list[list[int]]]:
    """Merge themes whose centres are nearly the same (most similar pair first) while the
    merged theme stays under MAX_MERGED_SHARE of the stories; returns the new labels and the
    groups of old labels merged."""
    labels = labels.copy()
    n = len(labels)
    groups: dict[int, list[int]] = {int(t): [int(t)] for t in set(labels.tolist())}
    while len(groups) > 1:
        themes = sorted(groups)
        centres = _centres(labels, embeddings, themes)
        sims = centres @ centres.T
        np.fill_diagonal(sims, -1)
        sizes = np.array([np.sum(labels == t) for t in themes])
        allowed = (sizes[:, None] + sizes[None, :]) <= MAX_MERGED_SHARE * n
        sims[~allowed] = -1
        i, j = np.unravel_index(np.argmax(sims), sims.shape)
        if sims[i, j] < MERGE_SIMILARITY:
            break
        keep, gone = themes[min(i, j)], themes[max(i, j)]
        labels[labels == gone] = keep
        groups[keep] += groups.pop(gone)
    return labels, [g for g in groups.values() if len(g) > 1]


def fits_no_theme(labels: np.ndarray, neighbours: np.ndarray) -> np.ndarray:
    """True for each story whose nearest stories are almost all in other themes: it sits
    between themes rather than in one, so it is reported as fitting none."""
    others = neighbours[:, 1:]
    agreeing = (labels[others] == labels[:, None]).sum(axis=1)
    return agreeing <= min(MAX_AGREEING_NEIGHBOURS_OF_OUTLIER, others.shape[1] - 1)


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered 0.. from the largest theme down (ties by first story)."""
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = values[np.lexsort((first, -counts))]
    renumber = {int(old): new for new, old in enumerate(order)}
    return np.array([renumber[int(v)] for v in labels])


def placing_floor(embeddings: np.ndarray, topics: list[int]) -> float:
    """The similarity to a theme's centre below which a new story is placed in no theme: the
    lowest any themed story of the fit had to its own theme's centre. One floor for all
    themes, because the least typical member of a small, tight theme says little."""
    labels = np.asarray(topics)
    themes = sorted(set(topics) - {-1})
    if not themes:
        return 1.0
    centres = _centres(labels, embeddings, themes)
    lowest = min(
        float((embeddings[labels == t] @ centres[row]).min()) for row, t in enumerate(themes)
    )
    return round(lowest, 4)


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


def _build_model(vectorizer, embedding_model: Any):
    """BERTopic over themes found beforehand (its manual mode): it computes the keywords and
    the theme centres, and saves, loads and places new stories as before."""
    from bertopic import BERTopic
    from bertopic.cluster import BaseCluster
    from bertopic.dimensionality import BaseDimensionalityReduction

    return BERTopic(
        embedding_model=embedding_model,
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=BaseCluster(),
        vectorizer_model=vectorizer,
        top_n_words=KEYWORDS_PER_THEME,
        calculate_probabilities=False,
    )


def _similarity_to_own_topic(model, embeddings: np.ndarray, topics: list[int]) -> list[float]:
    """Cosine similarity of each story to its theme's centre: how typical it is."""
    centres = np.asarray(model.topic_embeddings_, dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True).clip(1e-9)
    offset = int(model._outliers)
    sims = []
    for vector, topic in zip(embeddings, topics, strict=True):
        sims.append(0.0 if topic == -1 else float(vector @ centres[topic + offset]))
    return sims


def _map_coords(space: np.ndarray) -> np.ndarray:
    """2-D positions for the theme map: the space the themes were cut in, flattened by PCA,
    so stories of a theme sit together without paying for a second UMAP fit."""
    from sklearn.decomposition import PCA

    if len(space) < 3:
        return np.full((len(space), 2), 0.5, dtype=np.float32)
    coords = PCA(n_components=2, random_state=RANDOM_STATE).fit_transform(space)
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


FLOOR_FILE = "placing_floor.json"
CLEAR_MARGIN = 0.1


def assign(model, texts: list[str], embeddings: np.ndarray) -> tuple[list[int], list[float]]:
    """Theme and similarity for new stories under a fitted or loaded model.

    A story goes to the theme with the most similar centre, unless it is both less similar
    to it than any themed story of the fit was to its own (`placing_floor`) and not clearly
    closer to it than to the next theme (CLEAR_MARGIN): then it fits no theme (-1), like the
    stories between themes in the fit. Models saved before the floor existed place every
    story.
    """
    if not texts:
        return [], []
    embeddings = np.asarray(embeddings, dtype=np.float32)
    floor = getattr(model, "theme_floor_", None)
    if floor is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            topics, _ = model.transform(
                [strip_placeholders(t) for t in texts], embeddings=embeddings
            )
        topics = [int(t) for t in topics]
        return topics, _similarity_to_own_topic(model, embeddings, topics)
    offset = int(model._outliers)
    centres = np.asarray(model.topic_embeddings_, dtype=np.float32)[offset:]
    centres = centres / np.linalg.norm(centres, axis=1, keepdims=True).clip(1e-9)
    sims = embeddings @ centres.T
    best = sims.argmax(axis=1)
    ordered = np.sort(sims, axis=1)
    runner_up = ordered[:, -2] if sims.shape[1] > 1 else np.full(len(sims), -1.0)
    topics, similarity = [], []
    for row, theme in enumerate(best.tolist()):
        value = float(sims[row, theme])
        fits = value >= floor or value - float(runner_up[row]) >= CLEAR_MARGIN
        topics.append(theme if fits else -1)
        similarity.append(value if fits else 0.0)
    return topics, similarity


def save_model(model, path: str | Path) -> None:
    """Safetensors theme centres and config, and the floor for placing new stories; no word.

    No documents, no embedding model, no c-TF-IDF matrix or vocabulary, and no topic
    keywords or labels: placing new stories needs only the centres, and keywords and labels
    live in the database, recomputed from current members after a withdrawal
    (`keywords_for_groups`). A withdrawal cannot rewrite this folder's words, so it holds
    none. The folder is private to the app's account (0700, files 0600).
    """
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.mkdir(mode=0o700, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.save(
            str(path),
            serialization="safetensors",
            save_ctfidf=False,
            save_embedding_model=False,
        )
    # BERTopic stores each training document's topic number (not needed), and each topic's
    # words and a label made of them (kept in the database instead).
    topics_file = path / "topics.json"
    data = json.loads(topics_file.read_text())
    data["topics"] = []
    data["topic_representations"] = {topic: [] for topic in data["topic_representations"]}
    data["topic_labels"] = {topic: str(topic) for topic in data["topic_labels"]}
    data["custom_labels"] = None
    data["topic_aspects"] = {}
    topics_file.write_text(json.dumps(data))
    floor = getattr(model, "theme_floor_", None)
    if floor is not None:
        (path / FLOOR_FILE).write_text(json.dumps({"floor": floor}))
    for saved in path.iterdir():
        saved.chmod(0o600)


def load_model(path: str | Path, embedding_model: Any = None):
    """A model written by `save_model`; pass the SentenceTransformer object, never a name."""
    from bertopic import BERTopic

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = BERTopic.load(str(path), embedding_model=embedding_model)
    floor = Path(path) / FLOOR_FILE
    if floor.exists():
        model.theme_floor_ = float(json.loads(floor.read_text())["floor"])
    return model
