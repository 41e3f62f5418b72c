"""Recall and precision of the risk signals, per signal, beside a keyword baseline.

Two test sets:
- a held-out fifth of nlp/data/signal_examples.jsonl (whole groups: a statement and its lower
  case and in-context variants are never split between training and test);
- benchmarks/signals_explicit.jsonl, written separately: explicit risk statements and hard
  negatives. Target: recall >= 0.95 on explicit risk statements with precision >= 0.80.

Methods: a keyword baseline (substrings, no negation or context), the rules alone (what the
web request runs), the classifier alone, and rules + classifier (what the worker runs). The
classifier is trained on the training part only.

    .venv/bin/python benchmarks/signals.py
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from nlp import signals

EXPLICIT_PATH = Path(__file__).with_name("signals_explicit.jsonl")
KEYWORDS = {
    "suicide_self_harm": ("suicid", "self harm", "self-harm", "kill myself", "overdose", "die"),
    "child_abuse_neglect": ("child abuse", "abused as a child", "neglected", "hits the kids"),
    "adult_abuse_neglect": ("abuse", "neglect", "bruises", "carer"),
    "domestic_abuse": ("domestic", "husband hits", "partner hits", "hits me", "controls"),
    "immediate_danger": ("danger", "kill me", "knife", "not safe", "unsafe"),
    "complaint": ("complain", "ombudsman"),
}


def held_out(group: str) -> bool:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % 5 == 0


def keyword_baseline(text: str) -> set[str]:
    lower = text.lower()
    return {name for name, words in KEYWORDS.items() if any(w in lower for w in words)}


def score(rows: list[dict], predict: Callable[[str], set[str]]) -> dict[str, tuple]:
    """Per signal (tp, fp, fn), plus "any risk" over the safeguarding signals together."""
    counts = {name: [0, 0, 0] for name in [*signals.SIGNALS, "any risk"]}
    for row in rows:
        got, want = predict(row["text"]), set(row["labels"])
        risky = set(signals.SAFEGUARDING_SIGNALS)
        pairs = [(name, name in got, name in want) for name in signals.SIGNALS]
        pairs.append(("any risk", bool(got & risky), bool(want & risky)))
        for name, predicted, true in pairs:
            counts[name][0] += predicted and true
            counts[name][1] += predicted and not true
            counts[name][2] += true and not predicted
    return {name: tuple(c) for name, c in counts.items()}


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report(title: str, rows: list[dict], methods: dict[str, Callable[[str], set[str]]]) -> None:
    print(f"\n## {title} ({len(rows)} texts, {sum(bool(r['labels']) for r in rows)} with signals)")
    results = {}
    for method, predict in methods.items():
        started = time.perf_counter()
        results[method] = score(rows, predict)
        results[method + " ms/text"] = 1000 * (time.perf_counter() - started) / len(rows)
    header = "signal".ljust(22) + "".join(f"{m:>24}" for m in methods)
    print(header + "\n" + " " * 22 + "".join(f"{'recall  precision':>24}" for _ in methods))
    for name in [*signals.SIGNALS, "any risk"]:
        line = name.ljust(22)
        for method in methods:
            tp, fp, fn = results[method][name]
            line += f"{ratio(tp, tp + fn):>15}{ratio(tp, tp + fp):>9}"
        print(line)
    print("ms per text".ljust(22) + "".join(f"{results[m + ' ms/text']:>24.2f}" for m in methods))


def main() -> None:
    examples = signals.load_examples()
    train = [e for e in examples if not held_out(e["group"])]
    test = [e for e in examples if held_out(e["group"])]
    explicit = [json.loads(line) for line in EXPLICIT_PATH.read_text().splitlines() if line]
    started = time.perf_counter()
    model = signals.SignalClassifier(train)
    print(f"classifier trained on {len(train)} examples in {time.perf_counter() - started:.2f} s")
    methods = {
        "keyword baseline": keyword_baseline,
        "rules": lambda text: set(signals.rule_hits(text).names),
        "classifier": lambda text: {s.name for s in model.signals(text)},
        "rules + classifier": lambda text: set(signals.detect(text, model).names),
    }
    report("Held-out examples", test, methods)
    report("Explicit statements and hard negatives", explicit, methods)
    report(
        "Held-out examples, explicit statements and hard negatives only",
        [e for e in test if e["kind"] != "implicit"],
        methods,
    )


if __name__ == "__main__":
    main()
