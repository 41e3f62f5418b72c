"""Anonymisation on the development set: this project beside plain Presidio, in one run.

    .venv/bin/python benchmarks/anonymisation.py [--gold ../shared/anonymisation/dev.jsonl]
        [--misses 20] [--fps 20] [--pred-out PRED.jsonl]

Plain Presidio is AnalyzerEngine with its default recognisers on the same spaCy model,
score threshold 0.35. Scores follow ../shared/anonymisation/score.py: a gold span is caught when
predicted spans (any label) cover at least 80 % of its non-space characters; leak is the share
of gold identifier characters left uncovered; character precision is the share of flagged
non-space characters inside a gold span; F2 = 5PR / (4P + R). Speed is words per second of
detection after the models are loaded, on this machine's cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.anonymise import DEFAULT_MODEL, detect_many, engine  # noqa: E402

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "anonymisation" / "dev.jsonl"
COVER = 0.8
STRICT_LABELS = ("NHS_NUMBER", "NI_NUMBER", "PHONE", "EMAIL", "POSTCODE")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(records: list[dict], predictions: list[list[tuple[int, int, str]]], misses: int = 0):
    n_ent, caught, gold_chars, leak_chars = Counter(), Counter(), Counter(), Counter()
    pred_chars = pred_in_gold = 0
    missed, false_pos = [], Counter()
    for rec, pred in zip(records, predictions, strict=True):
        text = rec["text"]
        nonspace = [not c.isspace() for c in text]
        covered = bytearray(len(text))
        for s, e, _ in pred:
            covered[s:e] = b"\x01" * (e - s)
        in_gold = bytearray(len(text))
        for sp in rec["spans"]:
            s, e, label = sp["start"], sp["end"], sp["label"]
            in_gold[s:e] = b"\x01" * (e - s)
            idx = [i for i in range(s, e) if nonspace[i]]
            if not idx:
                continue
            cov = sum(covered[i] for i in idx)
            n_ent[label] += 1
            gold_chars[label] += len(idx)
            leak_chars[label] += len(idx) - cov
            if cov >= COVER * len(idx):
                caught[label] += 1
            elif len(missed) < misses:
                context = text[max(0, s - 40) : e + 40].replace("\n", " ")
                missed.append(f"{rec['id']} {label:<13} {text[s:e]!r} | ...{context}...")
        for i, flag in enumerate(covered):
            if flag and nonspace[i]:
                pred_chars += 1
                pred_in_gold += in_gold[i]
        for s, e, label in pred:
            idx = [i for i in range(s, e) if nonspace[i]]
            if idx and sum(in_gold[i] for i in idx) < 0.5 * len(idx):
                false_pos[(label, text[s:e].lower())] += 1
    total = sum(n_ent.values())
    recall = sum(caught.values()) / total if total else 1.0
    precision = pred_in_gold / pred_chars if pred_chars else 1.0
    f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
    leak = sum(leak_chars.values()) / sum(gold_chars.values()) if gold_chars else 0.0
    per_label = {label: caught[label] / n_ent[label] for label in n_ent}
    return {
        "recall": recall,
        "precision": precision,
        "f2": f2,
        "leak": leak,
        "per_label": per_label,
        "n": n_ent,
        "missed": missed,
        "false_positives": false_pos,
    }


def run_project(
    texts: list[str], use_ner: bool = False
) -> tuple[list[list[tuple[int, int, str]]], float]:
    engine(DEFAULT_MODEL)
    detect_many(texts[:5], use_ner=use_ner)  # warm up caches outside the timing
    start = time.perf_counter()
    found = detect_many(texts, use_ner=use_ner)
    elapsed = time.perf_counter() - start
    return [[(f.start, f.end, f.label) for f in fs] for fs in found], elapsed


def run_plain_presidio(texts: list[str]) -> tuple[list[list[tuple[int, int, str]]], float]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": DEFAULT_MODEL}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    for text in texts[:5]:
        analyzer.analyze(text=text, language="en", score_threshold=0.35)
    start = time.perf_counter()
    out = [
        [
            (r.start, r.end, r.entity_type)
            for r in analyzer.analyze(text=text, language="en", score_threshold=0.35)
        ]
        for text in texts
    ]
    return out, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", type=int, default=0, help="print N missed gold spans")
    parser.add_argument("--fps", type=int, default=0, help="print N commonest false positives")
    parser.add_argument("--pred-out", type=Path, help="write this project's predictions (JSONL)")
    parser.add_argument("--skip-presidio", action="store_true", help="only this project")
    parser.add_argument("--with-ner", action="store_true", help="also time use_ner=True")
    args = parser.parse_args(argv)

    records = load(args.gold)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)

    ours, ours_s = run_project(texts)
    systems = {"this project": (score(records, ours, args.misses), words / ours_s)}
    if args.with_ner:
        with_ner, with_ner_s = run_project(texts, use_ner=True)
        systems["this project + spaCy NER"] = (score(records, with_ner), words / with_ner_s)
    if not args.skip_presidio:
        plain, plain_s = run_plain_presidio(texts)
        systems["plain Presidio"] = (score(records, plain), words / plain_s)
    if args.pred_out:
        with args.pred_out.open("w", encoding="utf-8") as fh:
            for rec, pred in zip(records, ours, strict=True):
                findings = [{"start": s, "end": e, "label": lab} for s, e, lab in pred]
                fh.write(json.dumps({"id": rec["id"], "findings": findings}) + "\n")

    names = list(systems)
    print(f"Dev set: {len(records)} stories, {words} words, {os.cpu_count()} cores\n")
    print("| metric | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    labels = sorted(systems[names[0]][0]["n"], key=lambda lab: -systems[names[0]][0]["n"][lab])
    for label in labels:
        n = systems[names[0]][0]["n"][label]
        cells = [f"{s['per_label'].get(label, 0.0):.3f}" for s, _ in systems.values()]
        print(f"| recall {label} (n={n}) | " + " | ".join(cells) + " |")
    for key in ("recall", "leak", "precision", "f2"):
        title = {"recall": "**recall, all**", "precision": "char precision"}.get(key, key)
        print(f"| {title} | " + " | ".join(f"{s[key]:.3f}" for s, _ in systems.values()) + " |")
    print("| words/s | " + " | ".join(f"{wps:,.0f}" for _, wps in systems.values()) + " |")
    if "plain Presidio" in systems:
        ratio = systems["this project"][1] / systems["plain Presidio"][1]
        print(f"\nSpeed-up over plain Presidio: {ratio:.1f}x")
    ours_score = systems["this project"][0]
    strict = min(ours_score["per_label"].get(label, 1.0) for label in STRICT_LABELS)
    print(
        f"Targets: recall {ours_score['recall']:.3f} (>= 0.98), strict labels min {strict:.3f} "
        f"(>= 0.99), char precision {ours_score['precision']:.3f} (>= 0.90)"
    )
    for line in ours_score["missed"]:
        print("MISS", line)
    for (label, text), count in ours_score["false_positives"].most_common(args.fps):
        print(f"FP {count:>4} {label:<13} {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
