"""Theme quality, stability and speed on real stories, beside BERTopic's defaults in the same run.

Corpora: NHS Friends and Family Test comments (`fft_phase1.csv`, short, 10k) or Care Opinion
stories (`care_opinion_dev.jsonl`, long, ~1k); NMI/ARI against the coders' `label` (NMI
against a coarse label is low for every method; differences under 0.01 are noise).

For each method: themes, largest theme's share, outliers (stories in no theme, scored as one
more label, as BERTopic's -1 is), NMI, ARI, fit seconds, and stability: ARI on the common
stories between a fit and a fit with 5 % of stories dropped and the order shuffled (mean of
--stability-runs draws; stories in no theme count as one label). For ours also the names:
how many start or end with a stop word or hold a placeholder (target 0), and a sample.

- ours: `nlp.themes.fit_themes` (k-means over UMAP, near-duplicates merged, honest outliers);
- ours, nearest theme: the same fit with each outlier given its nearest theme;
- BERTopic defaults over the same embeddings (unseeded, as a user would run it);
- TF-IDF + KMeans with k = the number of gold labels; shuffled themes, as the chance floor.

With --baseline-code DIR (a checkout of the previous code), its `nlp.themes.fit_themes` is
timed on the same embeddings in the same process, for speed figures that a busy machine
cannot skew one way.

Usage: .venv/bin/python benchmarks/themes.py [--data PATH] [--limit N] [--vectors CACHE.npy]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_DATA = DATA / "fft_phase1.csv"


def load(path: Path, limit: int | None) -> tuple[list[str], list[str], list[str] | None]:
    """Texts, gold labels, and dates when the file has them."""
    if path.suffix == ".jsonl":
        frame = pd.DataFrame([json.loads(line) for line in path.open(encoding="utf-8")])
        text_column = "text"
    else:
        frame = pd.read_csv(path)
        text_column = "feedback"
    frame = frame[frame[text_column].fillna("").str.strip() != ""]
    if limit:
        frame = frame.sample(n=min(limit, len(frame)), random_state=0)
    dates = frame["date"].astype(str).tolist() if "date" in frame else None
    return frame[text_column].astype(str).tolist(), frame["label"].astype(str).tolist(), dates


def scores(name: str, gold: list[str], topics: list[int], seconds: float, stable=None) -> dict:
    topics = np.asarray(list(topics))
    sizes = np.bincount(topics[topics >= 0]) if (topics >= 0).any() else np.array([0])
    return {
        "method": name,
        "themes": len(set(topics.tolist()) - {-1}),
        "largest": sizes.max() / len(topics),
        "outliers": float(np.mean(topics == -1)),
        "nmi": normalized_mutual_info_score(gold, topics),
        "ari": adjusted_rand_score(gold, topics),
        "fit_s": seconds,
        "stability": stable,
    }


def stability(fit, texts: list[str], vectors: np.ndarray, first: list[int], runs: int) -> float:
    """Mean ARI on common stories between `first` and fits of 95 % of stories, shuffled."""
    values = []
    for seed in range(runs):
        rng = np.random.default_rng(100 + seed)
        keep = np.sort(rng.choice(len(texts), size=len(texts) - len(texts) // 20, replace=False))
        order = rng.permutation(keep)
        again = fit([texts[i] for i in order], vectors[order])
        position = {story: row for row, story in enumerate(order)}
        values.append(
            adjusted_rand_score([first[i] for i in keep], [again[position[i]] for i in keep])
        )
    return float(np.mean(values))


def ours(texts, vectors, dates=None):
    from nlp import themes

    return themes.fit_themes(texts, vectors, dates=dates)


def bertopic_defaults(texts: list[str], vectors: np.ndarray) -> list[int]:
    from bertopic import BERTopic

    topics, _ = BERTopic().fit_transform(texts, embeddings=vectors)
    return [int(t) for t in topics]


def tfidf_kmeans(texts: list[str], k: int) -> list[int]:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", min_df=2, ngram_range=(1, 2)).fit_transform(
        texts
    )
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(matrix).tolist()


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def bad_names(names: dict[int, str]) -> int:
    """Names that start or end with a stop word or hold a placeholder."""
    from nlp.themes import text as theme_text

    stop = set(theme_text.stop_words())
    count = 0
    for name in names.values():
        words = name.lower().replace(":", " ").split()
        if not words or words[0] in stop or words[-1] in stop or "[" in name:
            count += 1
        elif set(words) & theme_text.PLACEHOLDER_WORDS:
            count += 1
    return count


def baseline_fit(code: Path):
    """`fit_themes` of another checkout, loaded beside ours under its own module name.

    Its imports of `nlp` resolve to this checkout. A checkout from before the theme modules
    were grouped into `nlp/themes/` has the fit in `nlp/themes.py` and imports its helpers by
    their old names (`nlp.theme_text`, `nlp.theme_names`, `nlp.theme_evidence`), so those
    names are pointed at the modules they became."""
    grouped = code / "nlp" / "themes" / "fitting.py"
    if not grouped.exists():
        from nlp.themes import evidence, names, text

        for old, module in (("text", text), ("names", names), ("evidence", evidence)):
            sys.modules.setdefault(f"nlp.theme_{old}", module)
    source = grouped if grouped.exists() else code / "nlp" / "themes.py"
    spec = importlib.util.spec_from_file_location("baseline_themes", source)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.fit_themes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=".csv (FFT) or .jsonl")
    parser.add_argument("--limit", type=int, default=None, help="sample this many stories")
    parser.add_argument("--vectors", type=Path, default=None, help="embedding cache (.npy)")
    parser.add_argument("--stability-runs", type=int, default=2)
    parser.add_argument("--baseline-code", type=Path, default=None)
    args = parser.parse_args()

    from nlp import embed, themes

    themes.configure_numba_cache()
    texts, gold, dates = load(args.data, args.limit)
    print(f"{args.data.name}: {len(texts)} stories, {len(set(gold))} gold labels, "
          f"median {int(np.median([len(t.split()) for t in texts]))} words, "
          f"cores: {os.cpu_count()}")  # fmt: skip
    embed.load_model()
    embed.encode(texts[:32])  # warm-up
    cached = np.load(args.vectors) if args.vectors and args.vectors.exists() else None
    if cached is not None and len(cached) == len(texts):
        vectors, sample = cached, texts[:300]
        start = time.perf_counter()
        embed.encode(sample)
        embed_s = len(texts) / (len(sample) / (time.perf_counter() - start))
        print(f"embedding: {len(sample)} stories timed, {embed_s:.1f} s for all (cached)")
    else:
        vectors, embed_s = timed(embed.encode, texts)
        print(f"embedding: {embed_s:.1f} s, {len(texts) / embed_s:.0f} stories/s")
        if args.vectors:
            np.save(args.vectors, vectors)

    fit, first_s = timed(ours, texts, vectors, dates)
    again, refit_s = timed(ours, texts, vectors, dates)
    assert again.topics == fit.topics, "same input must give the same themes"
    print(f"ours: first fit {first_s:.1f} s, refit {refit_s:.1f} s; "
          f"end to end (embed + refit in a warm worker) {embed_s + refit_s:.1f} s")  # fmt: skip
    if args.baseline_code:
        old_fit = baseline_fit(args.baseline_code)
        old, old_s = timed(old_fit, texts, vectors)
        _, new_s = timed(ours, texts, vectors, dates)
        print(f"baseline code: fit {old_s:.1f} s ({old.n_themes} themes) vs ours {new_s:.1f} s "
              f"(same process, after both compiled); end to end {embed_s + old_s:.1f} s "
              f"vs {embed_s + new_s:.1f} s")  # fmt: skip
        rows_old = [scores("previous code", gold, old.topics, old_s)]
    else:
        rows_old = []

    def topics_only(t, v):
        return ours(t, v).topics

    def nearest_only(t, v):
        result = ours(t, v)
        return [n if x == -1 else x for x, n in zip(result.topics, result.nearest, strict=True)]

    nearest = nearest_only(texts, vectors)
    rows = [
        scores("ours (nlp.themes)", gold, fit.topics, refit_s,
               stability(topics_only, texts, vectors, fit.topics, args.stability_runs)),
        scores("ours, outliers to nearest theme", gold, nearest, refit_s,
               stability(nearest_only, texts, vectors, nearest, args.stability_runs)),
    ]  # fmt: skip
    rows += rows_old
    default_topics, default_s = timed(bertopic_defaults, texts, vectors)
    rows.append(
        scores("BERTopic defaults", gold, default_topics, default_s,
               stability(lambda t, v: bertopic_defaults(t, v), texts, vectors, default_topics,
                         args.stability_runs))
    )  # fmt: skip
    kmeans_topics, kmeans_s = timed(tfidf_kmeans, texts, len(set(gold)))
    rows.append(scores(f"TF-IDF + KMeans (k={len(set(gold))})", gold, kmeans_topics, kmeans_s))
    # NMI grows with the number of themes even by chance: each method's floor, shuffled.
    shuffled = np.random.default_rng(0).permutation(fit.topics).tolist()
    rows.append(scores("ours, shuffled (chance)", gold, shuffled, 0.0))
    shuffled = np.random.default_rng(0).permutation(default_topics).tolist()
    rows.append(scores("BERTopic defaults, shuffled (chance)", gold, shuffled, 0.0))

    print()
    print(f"{'method':34} {'themes':>6} {'largest':>7} {'outliers':>8} {'NMI':>6} {'ARI':>6} "
          f"{'stable':>6} {'fit s':>6}")  # fmt: skip
    for row in rows:
        stable = "" if row["stability"] is None else f"{row['stability']:.3f}"
        print(
            f"{row['method']:34} {row['themes']:>6} {row['largest']:>7.1%} "
            f"{row['outliers']:>8.1%} {row['nmi']:>6.3f} {row['ari']:>6.3f} {stable:>6} "
            f"{row['fit_s']:>6.1f}"
        )
    print()
    print(f"names: {len(fit.names)}, with a stop word at either end or a placeholder: "
          f"{bad_names(fit.names)}; flagged near-duplicate pairs: {len(fit.similar_pairs)}; "
          f"merged: {fit.params['merged_near_duplicates']}")  # fmt: skip
    for theme in sorted(fit.names)[:12]:
        item = fit.evidence[theme]
        print(f"  {item['size']:5d}  {fit.names[theme]:40.40} critical {item['critical_share']:.0%}"
              f"  positive {item['positive_share']:.0%}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
