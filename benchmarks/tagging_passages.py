"""Long multi-label stories: the learnt tagger with and without passage scoring, in one run.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/tagging_passages.py [--measure]

`nlp.tagging.learner` scores a text of several sentences also sentence by sentence and moves
each priority's score towards its best sentence's, by a weight it chooses per fit from its
training texts' held-out scores (0 keeps the whole-text score). Development protocol (default):
Care Opinion 5-fold cross-validation inside the 70 % training part of benchmarks/tagging.py's
split (two fold seeds; the 30 % is never read), on the shipped tagging encoder, which never saw
Care Opinion; and FFT Trust A -> B and B -> A on the packaged (frozen) encoder, as
benchmarks/tagging_dev.py. `--measure` reads the Care Opinion 30 % and Trust C (A + B -> C) once,
on the tagging encoder, as benchmarks/tagging.py does. Vectors are cached in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from sklearn.model_selection import KFold, train_test_split

from benchmarks import tagging as bench
from nlp import embed
from nlp.priorities import load_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging.encoder_training import subcategory_framework


def passages_of(texts: list[str], name: str, encode) -> tag_learner.Passages:
    """The texts' passages, their vectors cached under `name`."""
    split = tag_learner.Passages.split(texts)
    pieces = [piece for parts in split for piece in parts]
    vectors = bench.cached_embeddings(pieces, name, encode) if pieces else None
    return tag_learner.Passages.from_vectors(texts, split, vectors)


def run(framework, texts, vectors, gold, passages, train, test, encode, with_passages):
    """(micro, macro, chosen passage weight, training seconds) of one fit on `train`."""
    started = time.perf_counter()
    tagger = tag_learner.fit(
        framework,
        framework.ids,
        [texts[i] for i in train],
        vectors[train],
        gold[train],
        encode=encode,
        passages=passages.subset(train) if with_passages else None,
    )
    seconds = time.perf_counter() - started
    decided, _ = tagger.predict([texts[i] for i in test], vectors[test], passages.subset(test))
    return decided, tagger.passage_weight, seconds


def compare(name, framework, texts, vectors, gold, passages, folds, rows, encode) -> None:
    for label, with_passages in (("shipped (texts whole)", False), ("with passages", True)):
        predicted = np.zeros(gold.shape, dtype=bool)
        weights, seconds = [], []
        for train, test in folds:
            decided, weight, took = run(
                framework, texts, vectors, gold, passages, train, test, encode, with_passages
            )
            predicted[test] = decided
            weights.append(weight)
            seconds.append(took)
        micro, macro = bench.f1_pair(gold[rows], predicted[rows])
        print(
            f"  {name:<34} {label:<22} micro-F1 {micro:.3f}  macro-F1 {macro:.3f}  "
            f"{predicted[rows].sum(axis=1).mean():.2f} tags/text  passage weight "
            f"{'/'.join(f'{w:g}' for w in weights)}  fit {max(seconds):.1f} s (longest)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true", help="read the test parts, once")
    args = parser.parse_args()
    rows = bench.read_rows(bench.DEFAULT_DATA)
    framework = subcategory_framework(rows, load_framework(bench.DEFAULT_FRAMEWORK))
    majors_of = {row["code"]: row["label"].strip() for row in rows}
    stories, story_gold = bench.care_opinion(framework, majors_of)
    story_vectors = bench.cached_embeddings(stories, "care_opinion-tagging", tag_encoder.encode)
    story_passages = passages_of(stories, "care_opinion-passages-tagging", tag_encoder.encode)
    train70, test30 = train_test_split(
        np.arange(len(stories)), test_size=0.3, random_state=bench.SEED
    )
    comments = [row["feedback"] for row in rows]
    gold = np.zeros((len(rows), len(framework.ids)), dtype=np.int8)
    gold[np.arange(len(rows)), [framework.ids.index(row["code"]) for row in rows]] = 1
    trusts = np.array([row["organization"] for row in rows])
    a, b, c = (np.flatnonzero(trusts == f"Trust {t}") for t in "ABC")
    if args.measure:
        print(
            "# MEASURE (read once): Care Opinion 70 -> 30 and FFT Trust A + B -> C, tagging encoder"
        )
        compare(
            "Care Opinion 70/30",
            framework,
            stories,
            story_vectors,
            story_gold,
            story_passages,
            [(train70, test30)],
            test30,
            tag_encoder.encode,
        )
        tagged = bench.cached_embeddings(comments, "fft-all-tagging", tag_encoder.encode)
        passages = passages_of(comments, "fft-all-passages-tagging", tag_encoder.encode)
        ab = np.concatenate([a, b])
        compare(
            "FFT Trust A + B -> C",
            framework,
            comments,
            tagged,
            gold,
            passages,
            [(ab, c)],
            c,
            tag_encoder.encode,
        )
        return
    print("# Development: Care Opinion 5-fold CV inside the 70 % (tagging encoder)")
    for seed in (0, 1):
        folds = [
            (train70[i], train70[j])
            for i, j in KFold(5, shuffle=True, random_state=seed).split(train70)
        ]
        compare(
            f"Care Opinion CV, fold seed {seed}",
            framework,
            stories,
            story_vectors,
            story_gold,
            story_passages,
            folds,
            train70,
            tag_encoder.encode,
        )
    print("# Development: FFT by trust (packaged encoder, as benchmarks/tagging_dev.py)")
    frozen = bench.cached_embeddings(comments, "fft-all")
    passages = passages_of(comments, "fft-all-passages", embed.encode)
    for name, train, test in (("FFT Trust A -> B", a, b), ("FFT Trust B -> A", b, a)):
        compare(
            name, framework, comments, frozen, gold, passages, [(train, test)], test, embed.encode
        )


if __name__ == "__main__":
    main()
