"""Tagging and criticality on real labelled feedback, beside baselines measured in the same run.

    .venv/bin/python benchmarks/tagging.py [--data CSV] [--framework YAML]
                                           [--write-criticality-model]

Data: the NHS Friends and Family Test comments of pxtextmining's phase 1 (`label` = one of nine
top-level categories per comment, `criticality` −5..+5). Gold has one label per comment while
the taggers are multi-label, so micro-F1 is over the label-indicator matrix (for a single
predicted label it equals accuracy). Embeddings are cached in benchmarks/out/ (gitignored).

`--write-criticality-model` refits the criticality ridge on every comment and writes only its
384 coefficients, intercept and cross-validated figures to nlp/data/criticality.npz.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, train_test_split

from nlp import criticality, embed, tagging
from nlp.priorities import Framework, Priority, load_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging.encoder_training import subcategory_framework

ROOT = Path(__file__).resolve().parent
DEFAULT_DATA = Path("/work/shared/data/fft_phase1.csv")
DEFAULT_FRAMEWORK = Path("/work/shared/priorities/fft-phase1.yaml")
CARE_OPINION = Path("/work/shared/data/care_opinion_dev.jsonl")
CACHE = ROOT / "out"
SEED = 42
APP_SIZED_SAMPLE = 500


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["feedback"].strip()]


def cached_embeddings(
    texts: list[str], name: str = "fft", encode=None, model: str | None = None
) -> np.ndarray:
    """Vectors of the packaged model (or of `encode`: the shipped tagging encoder, or the
    encoder `model` names), cached by name."""
    encode = encode or embed.encode
    if model is None:
        model = "" if encode is embed.encode else tag_encoder.model_id()
    key = hashlib.sha256("\n".join([model, *texts]).encode()).hexdigest()[:16]
    path = CACHE / f"{name}_embeddings.npz"
    if path.exists():
        with np.load(path) as data:
            if str(data["key"]) == key:
                return data["vectors"]
    started = time.perf_counter()
    vectors = encode(texts)
    print(f"embedded {len(texts)} texts in {time.perf_counter() - started:.0f} s (cached)")
    CACHE.mkdir(exist_ok=True)
    np.savez(path, key=key, vectors=vectors)
    return vectors


def f1s(gold: np.ndarray, predicted: np.ndarray) -> str:
    micro = f1_score(gold, predicted, average="micro", zero_division=0)
    macro = f1_score(gold, predicted, average="macro", zero_division=0)
    return f"micro-F1 {micro:.3f}  macro-F1 {macro:.3f}"


def one_hot_best(scores: np.ndarray) -> np.ndarray:
    predicted = np.zeros(scores.shape, dtype=bool)
    predicted[np.arange(scores.shape[0]), scores.argmax(axis=1)] = True
    return predicted


def zero_shot_figures(vectors: np.ndarray, gold: np.ndarray, framework) -> None:
    print("\n## Zero-shot (no training; all comments)")
    result = tagging.zero_shot(vectors, tagging.phrase_index(framework, embed.encode))
    majority = np.zeros(gold.shape, dtype=bool)
    majority[:, gold.sum(axis=0).argmax()] = True
    print(f"baseline, most common label for all      {f1s(gold, majority)}")
    global_cut = result.scores >= 0.7
    print(
        f"baseline, global cosine >= 0.7           {f1s(gold, global_cut)}"
        f"  ({(~global_cut.any(axis=1)).mean():.0%} of comments get no label)"
    )
    print(f"best-scoring priority only               {f1s(gold, one_hot_best(result.scores))}")
    margins = np.full(gold.shape[1], tagging.DEFAULT_THRESHOLD)
    proposed = tagging.zero_shot_decisions(result, margins)
    print(
        f"default margin {tagging.DEFAULT_THRESHOLD} (as proposed)         "
        f"{f1s(gold, proposed)}  ({proposed.sum(axis=1).mean():.2f} labels per comment)"
    )
    # Margins calibrated per priority on half the comments, measured on the other half: what
    # analysts' decisions buy before any classifier is trained.
    half = np.arange(len(gold)) % 2 == 0
    calibrated = tagging.calibrate_margins(
        result.relative()[half], gold[half], np.ones_like(gold[half])
    )
    proposed = tagging.zero_shot_decisions(result, calibrated)[~half]
    print(f"margins calibrated per priority (1/2)    {f1s(gold[~half], proposed)}")


def care_opinion(framework: Framework, majors_of: dict[str, str]) -> tuple[list[str], np.ndarray]:
    """The Care Opinion stories and their multi-label subcategory codes (the subcategory under
    the story's own major label where a title is shared)."""
    by_title: dict[str, list[Priority]] = {}
    for priority in framework.priorities:
        by_title.setdefault(priority.title, []).append(priority)
    rows = [json.loads(line) for line in CARE_OPINION.open(encoding="utf-8")]
    gold = np.zeros((len(rows), len(framework.ids)), dtype=np.int8)
    for number, row in enumerate(rows):
        for label in row["labels"]:
            candidates = by_title.get(label.strip(), [])
            if not candidates:
                continue  # e.g. "Null/inappropriate": not a priority
            majors = {m.strip() for m in row["major_labels"]}
            fitting = [c for c in candidates if majors_of[c.id] in majors] or candidates
            gold[number, framework.ids.index(fitting[0].id)] = 1
    return [row["text"] for row in rows], gold


def f1_pair(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, float]:
    present = gold.sum(axis=0) > 0  # macro over the priorities the test set has
    return (
        f1_score(gold[:, present], predicted[:, present], average="micro", zero_division=0),
        f1_score(gold[:, present], predicted[:, present], average="macro", zero_division=0),
    )


def fft_subcategories() -> tuple[Framework, list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Every FFT comment with its packaged-MiniLM vector, one-hot subcategory gold and trust:
    the development and measuring splits of the tagging experiments are cut from these."""
    rows = read_rows(DEFAULT_DATA)
    framework = subcategory_framework(rows, load_framework(DEFAULT_FRAMEWORK))
    texts = [row["feedback"] for row in rows]
    gold = np.zeros((len(rows), len(framework.ids)), dtype=np.int8)
    gold[np.arange(len(rows)), [framework.ids.index(row["code"]) for row in rows]] = 1
    trusts = np.array([row["organization"] for row in rows])
    return framework, texts, cached_embeddings(texts, "fft-all"), gold, trusts


def split(texts, vectors, gold, train, test) -> tuple:
    """Texts, vectors and gold of the training rows, then of the test rows: `compare`'s order."""
    return (
        [texts[i] for i in train],
        vectors[train],
        gold[train],
        [texts[i] for i in test],
        vectors[test],
        gold[test],
    )


def baseline(train_texts: list[str], train_gold: np.ndarray, test_texts: list[str]) -> np.ndarray:
    """The baseline every tagger is set beside: TF-IDF + LinearSVC one-vs-rest over the codes
    the training texts carry, each test text getting its best code plus every positive one."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.svm import LinearSVC

    used = train_gold.sum(axis=0) > 0
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    svc = OneVsRestClassifier(LinearSVC()).fit(
        words.fit_transform(train_texts), train_gold[:, used]
    )
    decision = svc.decision_function(words.transform(test_texts))
    partial = decision > 0
    partial[np.arange(len(test_texts)), decision.argmax(axis=1)] = True
    full = np.zeros((len(test_texts), train_gold.shape[1]), dtype=bool)
    full[:, used] = partial
    return full


def compare(
    name,
    framework,
    train_texts,
    train_vectors,
    train_gold,
    test_texts,
    test_vectors,
    test_gold,
    tagging_vectors=None,
    tagging_passages=None,
) -> dict[str, tuple[float, float]]:
    """Every tagger on one split: the baseline, the taggers on main, the learnt one on the
    packaged model (in memory and after a round trip through the bytes the working database
    stores), and with `tagging_vectors` (train, test) the learnt one on the shipped tagging
    encoder, texts whole and, with `tagging_passages` (train, test `Passages`), weighing each
    text's best sentence as the app does."""
    used = train_gold.sum(axis=0) > 0
    results: dict[str, tuple[float, float]] = {}

    def report(label: str, predicted: np.ndarray, seconds: float) -> None:
        micro, macro = f1_pair(test_gold, predicted)
        results[label] = (micro, macro)
        print(
            f"  {label:<44} micro-F1 {micro:.3f}  macro-F1 {macro:.3f}  "
            f"trained in {seconds:5.1f} s  {predicted.sum(axis=1).mean():.2f} labels/text"
        )

    def widen(partial: np.ndarray) -> np.ndarray:
        full = np.zeros(test_gold.shape, dtype=bool)
        full[:, used] = partial
        return full

    print(
        f"\n## {name}: {len(train_texts)} training, {len(test_texts)} test texts, "
        f"{int(used.sum())} priorities in training, {int((test_gold.sum(0) > 0).sum())} in test"
    )
    started = time.perf_counter()
    report(
        "baseline TF-IDF + LinearSVC (best + >0)",
        baseline(train_texts, train_gold, test_texts),
        time.perf_counter() - started,
    )

    started = time.perf_counter()
    old_cli = tagging.TextTagger().fit(train_texts, train_vectors, train_gold[:, used])
    report(
        "CLI tagger on main (TextTagger)",
        widen(old_cli.predict(test_texts, test_vectors)),
        time.perf_counter() - started,
    )

    started = time.perf_counter()
    zero = tagging.zero_shot_decisions(
        tagging.zero_shot(train_vectors, tagging.phrase_index(framework, embed.encode)),
        np.full(len(framework.ids), tagging.DEFAULT_THRESHOLD),
    )
    old_stored, _ = tagging.fit_linear_tagger(train_vectors, train_gold, framework.ids, zero)
    probabilities = old_stored.probabilities(test_vectors)
    predicted = (probabilities >= old_stored.thresholds[None, :]) & old_stored.use[None, :]
    report("stored tagger on main (LinearTagger)", predicted, time.perf_counter() - started)

    started = time.perf_counter()
    learnt = tag_learner.fit(
        framework, framework.ids, train_texts, train_vectors, train_gold, encode=embed.encode
    )
    seconds = time.perf_counter() - started
    report("learnt tagger, packaged MiniLM", learnt.predict(test_texts, test_vectors)[0], seconds)
    stored = tag_learner.LearntTagger.from_bytes(learnt.to_bytes())
    report(
        f"the same, stored ({len(learnt.to_bytes()) / 1e6:.1f} MB) and reloaded",
        stored.predict(test_texts, test_vectors)[0],
        seconds,
    )
    if tagging_vectors is None:
        print("  (tagging encoder not shown: it was adapted on these texts' labels)")
        return results
    started = time.perf_counter()
    adapted = tag_learner.fit(framework, framework.ids, train_texts, tagging_vectors[0], train_gold)
    seconds = time.perf_counter() - started
    decided = adapted.predict(test_texts, tagging_vectors[1])[0]
    report("learnt tagger, tagging encoder, texts whole", decided, seconds)
    if tagging_passages is None:
        return results
    started = time.perf_counter()
    weighed = tag_learner.fit(
        framework,
        framework.ids,
        train_texts,
        tagging_vectors[0],
        train_gold,
        passages=tagging_passages[0],
    )
    seconds = time.perf_counter() - started
    decided = weighed.predict(test_texts, tagging_vectors[1], tagging_passages[1])[0]
    report(f"the same + sentences (weight {weighed.passage_weight:g}; the app's)", decided, seconds)
    return results


def cached_passages(
    texts: list[str], name: str, encode=None, model: str | None = None
) -> tag_learner.Passages:
    """The texts' sentences (`Passages`) with their tagging vectors (or those of `encode`,
    which `model` names), cached by name."""
    split = tag_learner.Passages.split(texts)
    pieces = [piece for parts in split for piece in parts]
    encode = encode or tag_encoder.encode
    vectors = cached_embeddings(pieces, name, encode, model) if pieces else None
    return tag_learner.Passages.from_vectors(texts, split, vectors)


def supervised_figures(rows: list[dict], vectors: np.ndarray, framework: Framework) -> None:
    subcategories = subcategory_framework(rows, framework)
    texts = [row["feedback"] for row in rows]
    gold = np.zeros((len(rows), len(subcategories.ids)), dtype=np.int8)
    gold[np.arange(len(rows)), [subcategories.ids.index(row["code"]) for row in rows]] = 1
    trusts = np.array([row["organization"] for row in rows])
    tagged = cached_embeddings(texts, "fft-all-tagging", tag_encoder.encode)
    passages = cached_passages(texts, "fft-all-passages-tagging")
    print("\n# Tagging to 44 subcategories (one per comment), split by trust")
    print("Developed on Trust A -> Trust B and Trust B -> Trust A; measured on Trust C, which no")
    print("setting was chosen on. The issue's figures (0.681/0.384) are a random split of another")
    print("framework: a held-out trust is harder (other services, other questions).")
    for train_trusts, test_trust in (
        (("Trust A",), "Trust B"),
        (("Trust B",), "Trust A"),
        (("Trust A", "Trust B"), "Trust C"),
    ):
        train = np.flatnonzero(np.isin(trusts, train_trusts))
        test = np.flatnonzero(trusts == test_trust)
        role = "MEASURE" if test_trust == "Trust C" else "development"
        compare(
            f"FFT {' + '.join(train_trusts)} -> {test_trust} ({role})",
            subcategories,
            *split(texts, vectors, gold, train, test),
            # The shipped tagging encoder was adapted on Trust A + B's labels: only Trust C
            # (and Care Opinion) can measure it.
            (tagged[train], tagged[test]) if test_trust == "Trust C" else None,
            (passages.subset(train), passages.subset(test)),
        )
    # The issue's own protocol (a random 80/20 split inside one organisation's labelled
    # comments), on the one trust whose labels neither the settings nor the tagging encoder saw:
    # the app's case, where an organisation's analysts label its own stories.
    inside_c = np.flatnonzero(trusts == "Trust C")
    train, test = train_test_split(inside_c, test_size=0.2, random_state=SEED)
    compare(
        "FFT Trust C alone, random 80/20 (the issue's protocol; MEASURE)",
        subcategories,
        *split(texts, vectors, gold, train, test),
        (tagged[train], tagged[test]),
        (passages.subset(train), passages.subset(test)),
    )
    train, test = train_test_split(np.arange(len(rows)), test_size=0.2, random_state=SEED)
    compare(
        "FFT random 80/20 split, all trusts (as the issue's figures)",
        subcategories,
        *split(texts, vectors, gold, train, test),
    )
    if CARE_OPINION.exists():
        majors_of = {row["code"]: row["label"].strip() for row in rows}
        story_texts, story_gold = care_opinion(subcategories, majors_of)
        story_vectors = cached_embeddings(story_texts, "care_opinion")
        story_tagged = cached_embeddings(story_texts, "care_opinion-tagging", tag_encoder.encode)
        story_passages = cached_passages(story_texts, "care_opinion-passages-tagging")
        print("\n# Care Opinion stories, multi-label subcategories (median 69 words)")
        train, test = train_test_split(
            np.arange(len(story_texts)), test_size=0.3, random_state=SEED
        )
        compare(
            "Care Opinion 70/30 split (not tuned on)",
            subcategories,
            *split(story_texts, story_vectors, story_gold, train, test),
            (story_tagged[train], story_tagged[test]),
            (story_passages.subset(train), story_passages.subset(test)),
        )
    print(
        "\nanchors (pxtextmining, published, own random split): TF-IDF+SVC micro 0.71 / macro"
        " 0.64 on 9 labels; DistilBERT 0.75 micro"
    )


def criticality_figures(vectors: np.ndarray, rows: list[dict], write: bool) -> None:
    print("\n## Criticality (ridge on embeddings, 5-fold cross-validation)")
    usable = [
        i
        for i, row in enumerate(rows)
        if row["criticality"].lstrip("-").isdigit() and -5 <= int(row["criticality"]) <= 5
    ]
    x, y = vectors[usable], np.array([int(rows[i]["criticality"]) for i in usable], dtype=float)
    predicted = np.zeros_like(y)
    for train, test in KFold(5, shuffle=True, random_state=SEED).split(x):
        coef, intercept = criticality.fit_criticality(x[train], y[train])
        predicted[test] = np.clip(x[test] @ coef + intercept, -5, 5)
    mae = float(np.abs(predicted - y).mean())
    baseline = float(np.abs(y - np.median(y)).mean())
    sign = float(np.mean(np.sign(predicted.round()) == np.sign(y)))
    spearman = float(np.corrcoef(_ranks(predicted), _ranks(y))[0, 1])
    print(f"{len(usable)} comments with a criticality in −5..+5")
    print(f"baseline, median for all   MAE {baseline:.2f}")
    print(
        f"ridge on embeddings        MAE {mae:.2f}  Spearman {spearman:.2f}  "
        f"sign agreement {sign:.0%}"
    )
    if write:
        coef, intercept = criticality.fit_criticality(x, y)
        version = f"ridge/{embed.MODEL_ID}/fft-phase1/{time.strftime('%Y%m%d', time.gmtime())}"
        criticality.save_criticality_model(
            criticality.MODEL_PATH,
            coef,
            intercept,
            version,
            cv_mae=mae,
            cv_spearman=spearman,
            n_train=len(usable),
        )
        print(f"wrote {criticality.MODEL_PATH} ({version})")


def _ranks(values: np.ndarray) -> np.ndarray:
    """Ranks with ties given their average rank, as Spearman's coefficient is defined. The
    gold criticality has 9 values over 10,298 comments: breaking its ties in whatever order
    np.argsort leaves them moved the figure from 0.67 (file order, older NumPy) to 0.62
    (NumPy 2's sort); the defined figure is 0.65."""
    from scipy.stats import rankdata

    return rankdata(values, method="average")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--framework", type=Path, default=DEFAULT_FRAMEWORK)
    parser.add_argument("--write-criticality-model", action="store_true")
    args = parser.parse_args()

    full = load_framework(args.framework)
    framework = full.top_level()
    every_row = read_rows(args.data)
    titles = {p.title.strip(): n for n, p in enumerate(framework.priorities)}
    rows = [row for row in every_row if row["label"].strip() in titles]
    texts = [row["feedback"] for row in rows]
    gold = np.zeros((len(rows), len(titles)), dtype=int)
    gold[np.arange(len(rows)), [titles[row["label"].strip()] for row in rows]] = 1
    print(f"{len(rows)} comments, {len(titles)} top-level priorities of {framework.id}")
    vectors = cached_embeddings(texts)
    zero_shot_figures(vectors, gold, framework)
    supervised_figures(
        every_row, cached_embeddings([r["feedback"] for r in every_row], "fft-all"), full
    )
    criticality_figures(vectors, rows, args.write_criticality_model)


if __name__ == "__main__":
    main()
