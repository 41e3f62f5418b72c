"""The worker's risk-to-life figures on every development set in one table, and its false
alarms and misses with their reasons, for a person to read (issue 19).

Why beside benchmarks/signals.py: that script compares four methods set by set; a round that
changes the sentence model needs the worker alone on all sets (v3..v18, dev, dev2, earlier,
explicit) before and after, abuse recall per kind, and the errors by source (rule, model
sure, model possible), which this prints and writes to benchmarks/out/ (ignored by git).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/signals_errors.py \
        [--set FILE ...] [--real FILE ...] [--tag NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from signals import GROUPS, OUT, SETS, read_real, read_set, score  # noqa: E402

from nlp import signals  # noqa: E402

ABUSE = ("child_abuse_neglect", "adult_abuse_neglect", "domestic_abuse")
RISK = set(signals.RISK_TO_LIFE)
# Embeddings of what the worker reads, by the sha256 of each text (never the text): a retrained
# sentence model reads the same embeddings, so a second run only scores.
CACHE = OUT / "signals-errors-embeddings.npz"


def cached_embeddings() -> None:
    """Make the sentence model embed through a disk cache while this script runs."""
    import hashlib

    import numpy as np

    from nlp import embed
    from nlp.signals.sentence_model import model as signal_model

    store: dict[str, np.ndarray] = {}
    if CACHE.exists():
        with np.load(CACHE) as data:
            store = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    def embed_units(pieces: list[signal_model.Unit]) -> np.ndarray:
        texts = list(dict.fromkeys([u.text for u in pieces] + [u.context for u in pieces]))
        keys = {t: hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts}
        missing = [t for t in texts if keys[t] not in store]
        if missing:
            for text, vector in zip(missing, embed.encode(missing), strict=True):
                store[keys[text]] = vector
            OUT.mkdir(exist_ok=True)
            np.savez(CACHE, keys=np.array(list(store)), vectors=np.array(list(store.values())))
        return np.hstack(
            [
                np.array([store[keys[u.text]] for u in pieces]),
                np.array([store[keys[u.context]] for u in pieces]),
            ]
        )

    signal_model.embed_units = embed_units


def default_sets() -> list[Path]:
    """Every signals_independent_v*.jsonl (v3..v18) and the four measure sets beside this script."""
    numbered = sorted(
        (HERE / "data").glob("signals_independent_v*.jsonl"),
        key=lambda p: int(p.stem.rsplit("v", 1)[1]),
    )
    return [*numbered, *(HERE / name for name in SETS)]


def source(detection: signals.Detection) -> str:
    """Where a risk-to-life flag came from: rule, model sure or model possible."""
    kinds = {
        "rule" if s.source == "rules" else f"model {s.tier}"
        for s in detection.signals
        if s.name in RISK
    }
    return (
        "rule"
        if "rule" in kinds
        else "model certain"
        if "model certain" in kinds
        else ("model possible" if kinds else "")
    )


def measure(path: Path, tag: str) -> dict:
    """Worker counts on one set; its risk-to-life errors written to benchmarks/out/."""
    rows = read_set(path)
    found = signals.detect_many([r["text"] for r in rows])
    counts = score(rows, [set(d.names) for d in found])
    OUT.mkdir(exist_ok=True)
    with open(OUT / f"errors-{tag}-{path.stem}.jsonl", "w", encoding="utf-8") as handle:
        for i, (row, detection) in enumerate(zip(rows, found, strict=True)):
            got = bool(set(detection.names) & RISK)
            want = bool(row["labels"] & RISK)
            if got != want:
                handle.write(
                    json.dumps(
                        {
                            "i": i,
                            "error": "false alarm" if got else "miss",
                            "source": source(detection),
                            "labels": sorted(row["labels"]),
                            "got": detection.names,
                            "why": [f"{s.name}: {s.why}" for s in detection.signals],
                            "text": row["text"],
                        }
                    )
                    + "\n"
                )
    return counts


def line(name: str, counts: dict) -> str:
    def r(key: str) -> str:
        tp, _, fn = counts[key]
        return f"{tp / (tp + fn):.2f}" if tp + fn else "  - "

    def p(key: str) -> str:
        tp, fp, _ = counts[key]
        return f"{tp / (tp + fp):.2f}" if tp + fp else "  - "

    tp, fp, fn = counts["risk to life"]
    return (
        f"{name:34}{r('risk to life'):>6}{p('risk to life'):>6}  ({tp:>3} {fp:>3} {fn:>3})"
        + "".join(f"{r(k):>7}" for k in ABUSE)
        + "".join(f"{p(k):>7}" for k in ABUSE)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", default=[], type=Path)
    parser.add_argument("--real", action="append", default=[], type=Path)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--tag", default="run", help="names the error files")
    parser.add_argument("--model", type=Path, help="sentence-model weights other than shipped")
    args = parser.parse_args()
    cached_embeddings()
    if args.model:
        from nlp.signals.sentence_model import model as signal_model

        shipped = signal_model.load
        signal_model.load = lambda path=args.model: shipped(path)
    signals.detect("warm up the model")
    print(
        f"{'set':34}{'R':>6}{'P':>6}  ( tp  fp  fn)"
        + "".join(f"{'R ' + k[:5]:>7}" for k in ABUSE)
        + "".join(f"{'P ' + k[:5]:>7}" for k in ABUSE),
        flush=True,
    )
    for path in args.set or default_sets():
        print(line(path.stem, measure(path, args.tag)), flush=True)
    for path in args.real:
        texts = read_real(path, args.sample)
        found = signals.detect_many(texts)
        shares = {
            group: sum(bool(set(d.names) & names) for d in found) / len(texts)
            for group, names in GROUPS.items()
        }
        print(
            f"{path.name}: {len(texts)} texts, risk to life {shares['risk to life']:.1%},"
            f" any safeguarding {shares['any safeguarding']:.1%}",
            flush=True,
        )


if __name__ == "__main__":
    main()
