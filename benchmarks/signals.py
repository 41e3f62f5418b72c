"""Recall and precision of the risk signals, per signal and for risk to life, beside a
keyword baseline, on sets the model was never trained on.

Sets (JSON Lines, {"id", "text", "signals": [...]}; "labels" is read as well):
- benchmarks/signals_dev.jsonl: stories and gatherers' notes written for development in
  another voice from the training sentences (nlp/data/signal_sentences.txt), never trained on;
- benchmarks/signals_dev2.jsonl: a second development set (151 fragments: chat, call logs,
  Easy Read, carers' notes), written before the model was last changed, never trained on;
- benchmarks/signals_earlier_examples.jsonl and signals_explicit.jsonl: the examples and
  explicit statements the earlier detector was built from, by another hand;
- any further set given with --set (e.g. one written by someone who has not seen the code);
- with --real, real stories without labels (JSON Lines with "text", or the FFT CSV, of which
  only the trust the model never trained on is read; --sample texts of each): the share that
  would raise a flag, the load a safeguarding lead would carry (most real stories hold no
  risk); the flagged texts and reasons go to benchmarks/out/ for a person to read.

Methods: a keyword baseline (substrings, no negation or context), the rules alone (what the
web request acts on at once), the rules and the English model without the Welsh model (the
baseline for it) and rules + both models (what the worker runs). A set whose rows say "lang"
is also reported for its Welsh and mixed ("cy", "mixed") rows alone.

Targets (issue 19): recall >= 0.95 for risk to life with precision >= 0.70; recall >= 0.85 for
abuse, neglect and domestic abuse.

    .venv/bin/python benchmarks/signals.py [--set FILE.jsonl ...] [--only] \
        [--real ../shared/data/care_opinion_dev.jsonl --real ../shared/data/fft_phase1.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from nlp import signals
from nlp.signals.model_training import training as signal_training

HERE = Path(__file__).parent
OUT = HERE / "out"
SETS = (
    "signals_dev.jsonl",
    "signals_dev2.jsonl",
    "signals_earlier_examples.jsonl",
    "signals_explicit.jsonl",
)
KEYWORDS = {
    "suicide_self_harm": ("suicid", "self harm", "self-harm", "kill myself", "overdose", "die"),
    "child_abuse_neglect": ("child abuse", "abused as a child", "neglected", "hits the kids"),
    "adult_abuse_neglect": ("abuse", "neglect", "bruises", "carer"),
    "domestic_abuse": ("domestic", "husband hits", "partner hits", "hits me", "controls"),
    "immediate_danger": ("danger", "kill me", "knife", "not safe", "unsafe"),
    "complaint": ("complain", "ombudsman"),
}
ROWS = (*signals.SIGNALS, "risk to life", "any safeguarding")
GROUPS = {
    "risk to life": set(signals.RISK_TO_LIFE),
    "any safeguarding": set(signals.SAFEGUARDING_SIGNALS),
}


def keyword_baseline(text: str) -> set[str]:
    lower = text.lower()
    return {name for name, words in KEYWORDS.items() if any(w in lower for w in words)}


def read_set(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels = set(row.get("signals", row.get("labels")))
            rows.append({"text": row["text"], "labels": labels, "lang": row.get("lang", "en")})
    return rows


def score(rows: list[dict], predicted: list[set[str]]) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) per signal and per group."""
    counts = {name: [0, 0, 0] for name in ROWS}
    for row, got in zip(rows, predicted, strict=True):
        want = row["labels"]
        pairs = [(name, name in got, name in want) for name in signals.SIGNALS]
        pairs += [(group, bool(got & names), bool(want & names)) for group, names in GROUPS.items()]
        for name, guessed, true in pairs:
            counts[name][0] += guessed and true
            counts[name][1] += guessed and not true
            counts[name][2] += true and not guessed
    return {name: (c[0], c[1], c[2]) for name, c in counts.items()}


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report(
    title: str, rows: list[dict], methods: dict[str, Callable[[list[str]], list[set[str]]]]
) -> None:
    positives = sum(bool(r["labels"]) for r in rows)
    print(f"\n## {title} ({len(rows)} texts, {positives} with a signal)")
    results, timings = {}, {}
    for method, predict in methods.items():
        started = time.perf_counter()
        results[method] = score(rows, predict([r["text"] for r in rows]))
        timings[method] = 1000 * (time.perf_counter() - started) / max(1, len(rows))
    print("signal".ljust(20) + "".join(f"{m:>26}" for m in methods) + "   (n)")
    print(" " * 20 + "".join(f"{'recall  precision':>26}" for _ in methods))
    for name in ROWS:
        line = name.ljust(20)
        for method in methods:
            tp, fp, fn = results[method][name]
            line += f"{ratio(tp, tp + fn):>17}{ratio(tp, tp + fp):>9}"
        tp, _, fn = results[next(iter(methods))][name]
        print(f"{line}   ({tp + fn})")
    print("ms per text".ljust(20) + "".join(f"{timings[m]:>26.1f}" for m in methods))


def read_real(path: Path, sample: int) -> list[str]:
    """Texts of unlabelled real stories: JSON Lines ("text") or the FFT CSV ("feedback"),
    a seeded sample of `sample` when the file holds more."""
    if path.suffix == ".csv":
        # Only the trust the model never trained on (its background negatives are the others).
        with open(path, encoding="utf-8", newline="") as handle:
            texts = [
                row["feedback"]
                for row in csv.DictReader(handle)
                if row["feedback"].strip()
                and row["organization"] not in signal_training.BACKGROUND_TRUSTS
            ]
    else:
        texts = [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    if 0 < sample < len(texts):
        texts = random.Random(19).sample(texts, sample)
    return texts


def flag_rate(path: Path, sample: int, methods: dict[str, Callable[[list[str]], list]]) -> None:
    """The share of real stories each method would flag, per signal: the lead's load. The
    flagged texts and why go to benchmarks/out/ (ignored by git) to be read by a person."""
    texts = read_real(path, sample)
    print(f"\n## {path.name}: {len(texts)} real texts without labels, share flagged")
    print("method".ljust(24) + "".join(f"{name[:12]:>13}" for name in ROWS))
    OUT.mkdir(exist_ok=True)
    for method, detect in methods.items():
        found = detect(texts)
        line = method.ljust(24)
        for name in ROWS:
            names = GROUPS.get(name, {name})
            line += f"{sum(bool(set(f.names) & names) for f in found) / len(texts):>13.1%}"
        print(line)
        out = OUT / f"real-{path.stem}-{'model' if 'model' in method else 'rules'}.jsonl"
        with open(out, "w", encoding="utf-8") as handle:
            for text, detection in zip(texts, found, strict=True):
                if set(detection.names) & set(signals.SAFEGUARDING_SIGNALS):
                    why = [f"{s.name}: {s.why}" for s in detection.signals]
                    handle.write(json.dumps({"text": text, "why": why}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", default=[], type=Path, help="another set")
    parser.add_argument(
        "--real",
        action="append",
        default=[],
        type=Path,
        help="unlabelled real stories (JSON Lines with text, or a CSV with feedback)",
    )
    parser.add_argument("--sample", type=int, default=1000, help="texts drawn from each --real")
    parser.add_argument("--only", action="store_true", help="only the sets given with --set")
    args = parser.parse_args()
    methods = {
        "keyword baseline": lambda texts: [keyword_baseline(t) for t in texts],
        "rules (web)": lambda texts: [set(signals.rule_hits(t).names) for t in texts],
        "rules + model, no Welsh": lambda texts: [
            set(d.names) for d in signals.detect_many(texts, welsh=False)
        ],
        "rules + models (worker)": lambda texts: [set(d.names) for d in signals.detect_many(texts)],
    }
    signals.detect("warm up the model")
    paths = ([] if args.only else [HERE / name for name in SETS]) + args.set
    for path in paths:
        rows = read_set(path)
        report(path.name, rows, methods)
        # Welsh and code-switched stories apart: the Welsh model's part (issue 19).
        welsh = [r for r in rows if r["lang"] != "en"]
        if welsh:
            report(f"{path.name}, Welsh and mixed only", welsh, methods)
    for path in args.real:
        flag_rate(
            path,
            args.sample,
            {
                "rules (web)": lambda texts: [signals.rule_hits(t) for t in texts],
                "rules + model (worker)": signals.detect_many,
            },
        )


if __name__ == "__main__":
    main()
