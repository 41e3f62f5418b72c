"""Theme quality and speed on real NHS Friends and Family Test comments, beside two baselines.

Reports embedding docs/s, fit time (first fit in the process, which pays numba compilation,
and a refit from the same cached embeddings), number of themes, outlier share and NMI/ARI
against the coders' `label`, for:

- ours: `nlp.themes.fit_themes` (scaled UMAP/HDBSCAN, outlier reduction, fixed seed);
- plain BERTopic defaults over the same embeddings;
- TF-IDF + KMeans with k = the number of gold labels;
- shuffled themes, as the chance floor.

Usage: .venv/bin/python benchmarks/themes.py [--limit 2000] [--vectors /tmp/fft-vectors.npy]

With --vectors, embeddings are saved there on the first run and reused by later runs (as the
workbench reuses its cache); embedding speed is then measured on a 1,000-comment sample.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "fft_phase1.csv"


def load(path: Path, limit: int | None) -> tuple[list[str], list[str]]:
    frame = pd.read_csv(path)
    frame = frame[frame["feedback"].fillna("").str.strip() != ""]
    if limit:
        frame = frame.sample(n=min(limit, len(frame)), random_state=0)
    return frame["feedback"].astype(str).tolist(), frame["label"].astype(str).tolist()


def scores(name: str, gold: list[str], topics: list[int], seconds: float) -> dict:
    topics = list(topics)
    return {
        "method": name,
        "themes": len(set(topics) - {-1}),
        "outliers": topics.count(-1) / len(topics),
        "nmi": normalized_mutual_info_score(gold, topics),
        "ari": adjusted_rand_score(gold, topics),
        "fit_s": seconds,
    }


def ours(texts: list[str], vectors: np.ndarray) -> tuple[list[int], float, float]:
    from nlp import themes

    start = time.perf_counter()
    fit = themes.fit_themes(texts, vectors)
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = themes.fit_themes(texts, vectors)
    refit = time.perf_counter() - start
    assert again.topics == fit.topics, "same input must give the same themes"
    return fit.topics, first, refit


def bertopic_defaults(texts: list[str], vectors: np.ndarray) -> tuple[list[int], float]:
    from bertopic import BERTopic

    from nlp import embed

    start = time.perf_counter()
    topics, _ = BERTopic(embedding_model=embed.load_model()).fit_transform(
        texts, embeddings=vectors
    )
    return [int(t) for t in topics], time.perf_counter() - start


def tfidf_kmeans(texts: list[str], k: int) -> tuple[list[int], float]:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    matrix = TfidfVectorizer(stop_words="english", min_df=2, ngram_range=(1, 2)).fit_transform(
        texts
    )
    topics = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(matrix)
    return topics.tolist(), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="sample this many comments")
    parser.add_argument("--vectors", type=Path, default=None, help="embedding cache (.npy)")
    args = parser.parse_args()

    from nlp import embed, themes

    themes.configure_numba_cache()
    texts, gold = load(args.data, args.limit)
    print(f"{len(texts)} comments, {len(set(gold))} gold labels, cores: {os.cpu_count()}")
    embed.load_model()
    embed.encode(texts[:32])  # warm-up
    cached = np.load(args.vectors) if args.vectors and args.vectors.exists() else None
    if cached is not None and len(cached) == len(texts):
        vectors, sample = cached, texts[:1000]
        start = time.perf_counter()
        embed.encode(sample)
        rate = len(sample) / (time.perf_counter() - start)
        embed_s = len(texts) / rate
        print(f"embedding: {rate:.0f} docs/s on a {len(sample)}-comment sample (vectors cached)")
    else:
        start = time.perf_counter()
        vectors = embed.encode(texts)
        embed_s = time.perf_counter() - start
        print(f"embedding: {embed_s:.1f} s, {len(texts) / embed_s:.0f} docs/s")
        if args.vectors:
            np.save(args.vectors, vectors)

    topics, first_s, refit_s = ours(texts, vectors)
    rows = [scores("ours (nlp.themes)", gold, topics, first_s)]
    print(
        f"ours: first fit {first_s:.1f} s (numba compile included unless cached), "
        f"refit from cached embeddings {refit_s:.1f} s"
    )
    print(f"end to end (embed + first fit): {embed_s + first_s:.1f} s")
    print(f"end to end (embed + refit in a warm worker): {embed_s + refit_s:.1f} s")
    default_topics, default_s = bertopic_defaults(texts, vectors)
    rows.append(scores("BERTopic defaults", gold, default_topics, default_s))
    kmeans_topics, kmeans_s = tfidf_kmeans(texts, len(set(gold)))
    rows.append(scores(f"TF-IDF + KMeans (k={len(set(gold))})", gold, kmeans_topics, kmeans_s))
    shuffled = np.random.default_rng(0).permutation(topics).tolist()
    rows.append(scores("ours, shuffled (chance)", gold, shuffled, 0.0))

    print()
    print(f"{'method':34} {'themes':>6} {'outliers':>8} {'NMI':>6} {'ARI':>6} {'fit s':>7}")
    for row in rows:
        print(
            f"{row['method']:34} {row['themes']:>6} {row['outliers']:>8.1%} "
            f"{row['nmi']:>6.3f} {row['ari']:>6.3f} {row['fit_s']:>7.1f}"
        )


if __name__ == "__main__":
    main()
