"""Anonymisation on two measuring sets: this project beside plain Presidio, in one run.

    .venv/bin/python benchmarks/anonymisation.py [--gold PATH ...] [--misses 20] [--fps 20]
        [--pred-out PRED.jsonl] [--process-words 130000] [--compare-ner]

By default both sets are scored: the development set (../shared/anonymisation/dev.jsonl,
templated) and benchmarks/data/free_stories.jsonl (written freely, never tuned on). Besides
recall and precision, "stories fully caught" is the share of stories with every identifier
caught: one leak is enough to identify someone. The whole-process figures run each system
in a fresh process over a large input (the development texts repeated), from start-up to the
last result, and report words per second and peak resident memory of that process.

Plain Presidio is AnalyzerEngine with its default recognisers on the same spaCy model,
score threshold 0.35. Scores follow ../shared/anonymisation/score.py: a gold span is caught when
predicted spans (any label) cover at least 80 % of its non-space characters; leak is the share
of gold identifier characters left uncovered; character precision is the share of flagged
non-space characters inside a gold span; F2 = 5PR / (4P + R). Speed is words per second of
detection after the models are loaded, on this machine's cores. `--compare-ner` adds a column
(and a whole-process run) for the other setting of the trained NER (nlp/ner_model.py), and
`--gold /tmp/ner/heldout.jsonl` scores the generated set of names, places, hospitals and
sentence shapes the NER never saw in training (python -m nlp.ner_corpus --out /tmp/ner).
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

from nlp.anonymise import DEFAULT_MODEL, USE_NER, detect_many, engine  # noqa: E402

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "anonymisation" / "dev.jsonl"
FREE_GOLD = Path(__file__).resolve().parent / "data" / "free_stories.jsonl"
COVER = 0.8
OTHER_NER_NAME = "rules only" if USE_NER else "rules + trained NER"
STRICT_LABELS = ("NHS_NUMBER", "NI_NUMBER", "PHONE", "EMAIL", "POSTCODE")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(records: list[dict], predictions: list[list[tuple[int, int, str]]], misses: int = 0):
    n_ent, caught, gold_chars, leak_chars = Counter(), Counter(), Counter(), Counter()
    pred_chars = pred_in_gold = 0
    stories = stories_clean = 0
    missed, false_pos = [], Counter()
    for rec, pred in zip(records, predictions, strict=True):
        text = rec["text"]
        nonspace = [not c.isspace() for c in text]
        covered = bytearray(len(text))
        for s, e, _ in pred:
            covered[s:e] = b"\x01" * (e - s)
        in_gold = bytearray(len(text))
        clean = True
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
                continue
            clean = False
            if len(missed) < misses:
                context = text[max(0, s - 40) : e + 40].replace("\n", " ")
                missed.append(f"{rec['id']} {label:<13} {text[s:e]!r} | ...{context}...")
        if rec["spans"]:
            stories += 1
            stories_clean += clean
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
        "stories_caught": stories_clean / stories if stories else 1.0,
        "per_label": per_label,
        "n": n_ent,
        "missed": missed,
        "false_positives": false_pos,
    }


def run_project(
    texts: list[str], use_ner: bool | None = None
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


# A child process that runs one script as __main__ and reports its own peak memory at exit.
PEAK_WRAPPER = """
import atexit, resource, runpy, sys
atexit.register(lambda: print("PEAK_KIB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                              file=sys.stderr))
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""

PLAIN_PRESIDIO_SCRIPT = f"""
import json, sys
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
provider = NlpEngineProvider(nlp_configuration={{"nlp_engine_name": "spacy",
    "models": [{{"lang_code": "en", "model_name": "{DEFAULT_MODEL}"}}]}})
analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
    for line in src:
        text = json.loads(line)["text"]
        found = analyzer.analyze(text=text, language="en", score_threshold=0.35)
        out.write(json.dumps([[r.start, r.end, r.entity_type] for r in found]) + "\\n")
"""


def whole_process(
    texts: list[str], target_words: int, compare_ner: bool = False
) -> dict[str, tuple[float, float]]:
    """Words/s and peak MiB of a fresh process per system, start-up included: the
    `workbench anonymise` command (what the worker runs) and plain Presidio."""
    import subprocess
    import tempfile

    root = Path(__file__).resolve().parents[1]
    words_each = sum(len(t.split()) for t in texts)
    repeat = max(1, -(-target_words // words_each))
    env = {**os.environ, "PYTHONPATH": str(root), "HF_HUB_OFFLINE": "1"}
    out: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for r in range(repeat):
                for n, text in enumerate(texts):
                    fh.write(json.dumps({"id": f"{r}-{n}", "text": text}) + "\n")
        script = Path(tmp) / "plain_presidio.py"
        script.write_text(PLAIN_PRESIDIO_SCRIPT, encoding="utf-8")
        # The installed `workbench` console script, with this checkout first on the path.
        console = str(Path(sys.executable).parent / "workbench")
        ours = ["anonymise", "--in", str(src), "--out", str(Path(tmp) / "ours.jsonl")]
        commands = {"this project": [console, *ours]}
        if compare_ner:
            other = ["--no-ner" if USE_NER else "--ner", "--out", str(Path(tmp) / "other.jsonl")]
            commands[OTHER_NER_NAME] = [console, *ours[:-2], *other]
        commands["plain Presidio"] = [str(script), str(src), str(Path(tmp) / "plain.jsonl")]
        for name, args in commands.items():
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", PEAK_WRAPPER, *args],
                env=env,
                cwd=root,
                capture_output=True,
                text=True,
            )
            elapsed = time.perf_counter() - start
            if done.returncode != 0 or not Path(args[-1]).stat().st_size:
                raise RuntimeError(f"{name} failed: {done.stderr[-2000:]}")
            peak = int(done.stderr.rsplit("PEAK_KIB", 1)[1].split()[0]) / 1024
            out[name] = (words_each * repeat / elapsed, peak)
    return out, words_each * repeat


def report(title: str, records: list[dict], args) -> None:
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    ours, ours_s = run_project(texts)
    systems = {"this project": (score(records, ours, args.misses), words / ours_s)}
    if args.compare_ner:
        other, other_s = run_project(texts, use_ner=not USE_NER)
        systems[OTHER_NER_NAME] = (score(records, other), words / other_s)
    if not args.skip_presidio:
        plain, plain_s = run_plain_presidio(texts)
        systems["plain Presidio"] = (score(records, plain), words / plain_s)
    if args.pred_out:
        with args.pred_out.open("a", encoding="utf-8") as fh:
            for rec, pred in zip(records, ours, strict=True):
                findings = [{"start": s, "end": e, "label": lab} for s, e, lab in pred]
                fh.write(json.dumps({"id": rec["id"], "findings": findings}) + "\n")

    names = list(systems)
    print(f"\n## {title}: {len(records)} stories, {words} words, {os.cpu_count()} cores\n")
    print("| metric | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    labels = sorted(systems[names[0]][0]["n"], key=lambda lab: -systems[names[0]][0]["n"][lab])
    for label in labels:
        n = systems[names[0]][0]["n"][label]
        cells = [f"{s['per_label'].get(label, 0.0):.3f}" for s, _ in systems.values()]
        print(f"| recall {label} (n={n}) | " + " | ".join(cells) + " |")
    for key in ("recall", "stories_caught", "leak", "precision", "f2"):
        title_ = {
            "recall": "**entity recall**",
            "stories_caught": "**stories fully caught**",
            "precision": "**char precision**",
        }.get(key, key)
        print(f"| {title_} | " + " | ".join(f"{s[key]:.3f}" for s, _ in systems.values()) + " |")
    print("| words/s (detection only) | " + " | ".join(f"{w:,.0f}" for _, w in systems.values()))
    ours_score = systems["this project"][0]
    strict = min(ours_score["per_label"].get(label, 1.0) for label in STRICT_LABELS)
    print(
        f"\nTargets: recall {ours_score['recall']:.3f} (>= 0.98), stories fully caught "
        f"{ours_score['stories_caught']:.3f} (>= 0.90), char precision "
        f"{ours_score['precision']:.3f} (>= 0.93), strict labels min {strict:.3f} (>= 0.99)"
    )
    for line in ours_score["missed"]:
        print("MISS", line)
    for (label, text), count in ours_score["false_positives"].most_common(args.fps):
        print(f"FP {count:>4} {label:<13} {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append", help="default: both sets")
    parser.add_argument("--misses", type=int, default=0, help="print N missed gold spans")
    parser.add_argument("--fps", type=int, default=0, help="print N commonest false positives")
    parser.add_argument("--pred-out", type=Path, help="write this project's predictions (JSONL)")
    parser.add_argument("--skip-presidio", action="store_true", help="only this project")
    parser.add_argument(
        "--compare-ner",
        action="store_true",
        help="also score (and time) the other setting of the trained NER",
    )
    parser.add_argument(
        "--process-words", type=int, default=130_000, help="whole-process input size (0: skip)"
    )
    args = parser.parse_args(argv)
    if args.pred_out:
        args.pred_out.write_text("", encoding="utf-8")
    golds = args.gold or [DEFAULT_GOLD, FREE_GOLD]
    for path in golds:
        report(path.name, load(path), args)
    if args.process_words and not args.skip_presidio:
        texts = [r["text"] for r in load(golds[0])]
        figures, words = whole_process(texts, args.process_words, args.compare_ner)
        print(
            f"\n## Whole process, fresh interpreter, {words:,} words ({golds[0].name} repeated)\n"
        )
        print("| | words/s | peak MiB |\n|---|---|---|")
        for name, (wps, peak) in figures.items():
            print(f"| {name} | {wps:,.0f} | {peak:,.0f} |")
        ratio = figures["this project"][0] / figures["plain Presidio"][0]
        print(
            f"\nWhole-process speed-up over plain Presidio: {ratio:.1f}x (target >= 3x); "
            f"peak {figures['this project'][1]:.0f} MiB (target < 400)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
