"""What the check page shows the person checking, pooled over every development set, and what
it costs on real text.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/check_hints_pooled.py [--detections PATH]

Pooled over benchmarks/data/anon_independent_v*.jsonl, the free and kinds stories and
../shared/anonymisation/dev.jsonl (never the blind sets): identifiers missed, the share of them
the check page highlights (findings and hints together covering it as a finding must), stories
whose every identifier is caught or highlighted, hints per text, and their precision (the share
of hints with at least half their letters on a gold identifier). Then the cost where there is no
gold: hints per Care Opinion story (../shared/data/care_opinion_dev.jsonl) and per comment on the
first 3,000 FFT comments (../shared/data/fft_phase1.csv). Scoring is
benchmarks/anonymisation.py's `score`; hints are `review_hints` over `detect_with_doubts`.

`--shared DIR` names the shared folder when it is not beside the clone (a git worktree).
Hints change without detection changing, so `--detections PATH` keeps the findings and doubts
in a pickle and reads them from it on the next run, to try a hint rule in seconds (delete the
pickle when detection changes: it is keyed by set, not by engine version).
"""

from __future__ import annotations

import argparse
import csv
import pickle
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from anonymisation import DEFAULT_GOLD, load, score  # noqa: E402

from nlp.identifiers.review.check_hints import Hint, review_hints  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
FFT_COMMENTS = 3000


def development_sets(shared: Path) -> list[Path]:
    """Every development set with gold spans; the blind sets live elsewhere and are never read."""
    independent = sorted(
        DATA.glob("anon_independent_v*.jsonl"), key=lambda p: int(p.stem.rsplit("v", 1)[1])
    )
    return [
        *independent,
        DATA / "free_stories.jsonl",
        DATA / "kinds_stories.jsonl",
        shared / "anonymisation" / "dev.jsonl",
    ]


def real_texts(shared: Path) -> dict[str, list[str]]:
    """Real stories and comments without gold, where every hint is a cost to the reviewer."""
    care = [r["text"] for r in load(shared / "data" / "care_opinion_dev.jsonl")]
    with (shared / "data" / "fft_phase1.csv").open(encoding="utf-8", newline="") as fh:
        fft = [row["feedback"] or "" for row in islice(csv.DictReader(fh), FFT_COMMENTS)]
    return {"Care Opinion stories": care, f"first {FFT_COMMENTS:,} FFT comments": fft}


def detections(texts: list[str], cache: Path | None, key: str) -> list[tuple[list, list]]:
    """Findings and doubts per text, from `cache` when it holds them for `key`."""
    stored = {}
    if cache and cache.exists():
        with cache.open("rb") as fh:
            stored = pickle.load(fh)
    if key not in stored or len(stored[key]) != len(texts):
        from nlp.anonymise import detect_with_doubts

        stored[key] = detect_with_doubts(texts)
        if cache:
            with cache.open("wb") as fh:
                pickle.dump(stored, fh)
    return stored[key]


def hints_for(texts: list[str], found: list[tuple[list, list]]) -> list[list[Hint]]:
    return [
        review_hints(text, findings, doubts)
        for text, (findings, doubts) in zip(texts, found, strict=True)
    ]


def on_gold(record: dict, hint: Hint) -> bool:
    """At least half of the hint's letters lie inside a gold identifier."""
    text = record["text"]
    gold = bytearray(len(text))
    for sp in record["spans"]:
        gold[sp["start"] : sp["end"]] = b"\x01" * (sp["end"] - sp["start"])
    idx = [i for i in range(hint.start, hint.end) if not text[i].isspace()]
    return bool(idx) and sum(gold[i] for i in idx) >= 0.5 * len(idx)


def pooled_figures(records: list[dict], found: list[tuple[list, list]]) -> dict:
    texts = [r["text"] for r in records]
    hints = hints_for(texts, found)
    predictions = [[(f.start, f.end, f.label) for f in fs] for fs, _ in found]
    spans = [[(h.start, h.end) for h in hs] for hs in hints]
    scored = score(records, predictions, hints=spans)
    missed = sum(n - round(scored["per_label"][label] * n) for label, n in scored["n"].items())
    kinds, right = Counter(), Counter()
    for rec, hs in zip(records, hints, strict=True):
        for h in hs:
            kinds[h.kind] += 1
            right[h.kind] += on_gold(rec, h)
    return {"score": scored, "missed": missed, "kinds": kinds, "right": right, "texts": len(texts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detections", type=Path, help="pickle of findings and doubts to reuse")
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_GOLD.parents[1],
        help="the shared data folder beside the clone (default ../shared)",
    )
    args = parser.parse_args(argv)

    sets = development_sets(args.shared)
    records = [rec for path in sets for rec in load(path)]
    found = detections([r["text"] for r in records], args.detections, "development")
    fig = pooled_figures(records, found)
    s, n = fig["score"], fig["texts"]
    total_hints = sum(fig["kinds"].values())
    print(f"Pooled development sets: {len(sets)} sets, {n:,} texts, {fig['missed']} missed")
    print(f"  stories fully caught              {s['stories_caught']:.3f}")
    print(
        f"  misses highlighted                {s['missed_hinted']:.3f} "
        f"({round(s['missed_hinted'] * fig['missed'])} of {fig['missed']})"
    )
    print(f"  stories caught or highlighted     {s['stories_seen']:.3f}")
    print(
        f"  hints per text                    {total_hints / n:.2f} "
        f"(on an identifier {sum(fig['right'].values()) / max(total_hints, 1):.3f})"
    )
    for kind, count in sorted(fig["kinds"].items()):
        print(
            f"    {kind:<8} {count / n:.2f} a text, on an identifier "
            f"{fig['right'][kind] / count:.3f}"
        )
    for name, texts in real_texts(args.shared).items():
        hints = hints_for(texts, detections(texts, args.detections, name))
        kinds = Counter(h.kind for hs in hints for h in hs)
        total = sum(kinds.values())
        per_kind = ", ".join(f"{k} {c}" for k, c in sorted(kinds.items()))
        print(
            f"Real text, {name}: {total} hints in {sum(bool(h) for h in hints)} of "
            f"{len(texts):,} ({total / len(texts):.3f} a text; {per_kind})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
