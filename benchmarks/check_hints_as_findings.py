"""What each kind of check-page hint would buy if it were redacted by default, and what it would
cost, on the development sets only.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/check_hints_as_findings.py [--detections PATH]

Every hint the check page offers (`review_hints`, grouped by `Hint.source`; the trained NER's
doubts also by label) is scored on the development sets pooled
(`check_hints_pooled.development_sets`, never the blind sets) and, apart, on the rounds the
trained NER never learnt from (v41 and later): how many there are and the share that lie on a
missed identifier (at least half their letters on a gold span). Then the kinds are added to the
findings one at a time, surest first, printing recall, stories fully caught, character
precision and F2 after each, as `benchmarks/anonymisation.py` scores them. Last, how many of
each kind real text without gold would get (Care Opinion stories, the first 3,000 FFT
comments): on real text every one of them that is no identifier is a word taken from a story.

Hints are offers, so none of this changes what is redacted; the measurement says what a change
of default would do (docs/measured/anonymisation.md, "Check-page hints redacted by default:
tried, not kept").
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from anonymisation import DEFAULT_GOLD, load, score  # noqa: E402
from check_hints_pooled import (  # noqa: E402
    detections,
    development_sets,
    hints_for,
    on_gold,
    real_texts,
)

from nlp.identifiers.review.check_hints import Hint  # noqa: E402

NER_NEVER_READ_FROM = 41  # the trained NER's corpus drew on rounds up to v40 (ner-3)


def kind_of(hint: Hint) -> str:
    return f"doubt {hint.label}" if hint.source == "doubt" else hint.source


def f2(precision: float, recall: float) -> float:
    return 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0


def held_out(path: Path) -> bool:
    number = path.stem.rsplit("_v", 1)[-1]
    return number.isdigit() and int(number) >= NER_NEVER_READ_FROM


def yields(records: list[dict], hints: list[list[Hint]]) -> tuple[Counter, Counter]:
    count, right = Counter(), Counter()
    for rec, hs in zip(records, hints, strict=True):
        for h in hs:
            if h.kind == "nearby":
                count[kind_of(h)] += 1
                right[kind_of(h)] += on_gold(rec, h)
    return count, right


def curve(records, found, hints, order: list[str]) -> list[tuple[str, dict]]:
    """Scores with no hint redacted, then with each kind in `order` added to the last."""
    base = [[(f.start, f.end, f.label) for f in fs] for fs, _ in found]
    rows = [("(findings only)", score(records, base))]
    chosen: set[str] = set()
    for kind in order:
        chosen.add(kind)
        predicted = [
            b
            + [(h.start, h.end, h.label) for h in hs if h.kind == "nearby" and kind_of(h) in chosen]
            for b, hs in zip(base, hints, strict=True)
        ]
        rows.append((f"+ {kind}", score(records, predicted)))
    return rows


def _redacted(hint: Hint, kinds: set[str]) -> bool:
    return hint.kind == "nearby" and kind_of(hint) in kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detections", type=Path, help="pickle of findings and doubts to reuse")
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_GOLD.parents[1], help="the shared data folder"
    )
    args = parser.parse_args(argv)

    sets = development_sets(args.shared)
    records, held = [], []
    for path in sets:
        for rec in load(path):
            records.append(rec)
            held.append(held_out(path))
    found = detections([r["text"] for r in records], args.detections, "development")
    hints = hints_for([r["text"] for r in records], found)
    count, right = yields(records, hints)
    pick = [i for i, h in enumerate(held) if h]
    h_count, h_right = yields([records[i] for i in pick], [hints[i] for i in pick])
    order = sorted(count, key=lambda k: (-right[k] / count[k], k))
    print(f"Development sets pooled: {len(sets)} sets, {len(records):,} texts; held out: v41 on")
    print("| hint kind | hints | on an identifier | held out: hints | on an identifier |")
    print("| --- | --- | --- | --- | --- |")
    for kind in order:
        share = f"{h_right[kind] / h_count[kind]:.3f}" if h_count[kind] else "–"
        print(
            f"| {kind} | {count[kind]} | {right[kind] / count[kind]:.3f} | {h_count[kind]} "
            f"| {share} |"
        )
    for name, subset in (("all development sets", range(len(records))), ("held out", pick)):
        rows = curve(
            [records[i] for i in subset],
            [found[i] for i in subset],
            [hints[i] for i in subset],
            order,
        )
        print(f"\nRedacted by default, surest kind first ({name}):")
        print("| kinds redacted | recall | stories fully caught | char precision | F2 |")
        print("| --- | --- | --- | --- | --- |")
        for label, s in rows:
            print(
                f"| {label} | {s['recall']:.4f} | {s['stories_caught']:.4f} "
                f"| {s['precision']:.4f} | {f2(s['precision'], s['recall']):.4f} |"
            )
    for name, texts in real_texts(args.shared).items():
        real = hints_for(texts, detections(texts, args.detections, name))
        kinds = Counter(kind_of(h) for hs in real for h in hs if h.kind == "nearby")
        listed = ", ".join(f"{k} {c}" for k, c in kinds.most_common())
        print(f"\nReal text, {name} ({len(texts):,}): {listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
