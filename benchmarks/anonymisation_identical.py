"""Check that a change to the anonymiser changed no finding: dump, then compare two dumps.

Speed work must leave every finding as it was. Dump what the detector gives for a set of texts
with the code before the change and with the code after it (PYTHONPATH picks which), then
compare the two dumps line by line:

    PYTHONPATH=/path/to/main python benchmarks/anonymisation_identical.py dump /tmp/before \\
        benchmarks/data/*.jsonl shared/data/care_opinion_dev.jsonl shared/data/fft_phase1.csv
    PYTHONPATH=$PWD python benchmarks/anonymisation_identical.py dump /tmp/after (same files)
    python benchmarks/anonymisation_identical.py compare /tmp/before /tmp/after

A JSONL input gives each line's "text"; a CSV input its "feedback" column (or --column). A dump
holds, per text, every finding (offsets, label, score, source), the event dates generalised,
the rendered text and the residual-risk flags, so a change to any of them shows. Texts go
through `anonymise_many` in batches of 256, as `workbench anonymise` sends them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

BATCH = 256


def texts_of(path: Path, column: str) -> list[str]:
    """The texts in a JSONL file ("text") or a CSV file (`column`)."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return [row[column] or "" for row in csv.DictReader(fh)]
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def dump(out_dir: Path, inputs: list[Path], column: str) -> int:
    from nlp.anonymise import anonymise_many

    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for path in inputs:
        texts = texts_of(path, column)
        with (out_dir / f"{path.stem}.jsonl").open("w", encoding="utf-8") as out:
            for start in range(0, len(texts), BATCH):
                batch = texts[start : start + BATCH]
                for n, result in enumerate(anonymise_many(batch), start):
                    record = {
                        "n": n,
                        "findings": [
                            [f.start, f.end, f.label, f.score, f.source] for f in result.findings
                        ],
                        "generalised": [[f.start, f.end, f.label] for f in result.generalised],
                        "text": result.text,
                        "risk": [repr(flag) for flag in result.risk_flags],
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        total += len(texts)
    print(f"{total} texts from {len(inputs)} files dumped to {out_dir}")
    return 0


def compare(before: Path, after: Path) -> int:
    texts = differing = 0
    for old in sorted(before.glob("*.jsonl")):
        new = after / old.name
        old_lines = old.read_text(encoding="utf-8").splitlines()
        new_lines = new.read_text(encoding="utf-8").splitlines() if new.exists() else []
        texts += len(old_lines)
        changed = sum(a != b for a, b in zip(old_lines, new_lines, strict=False))
        changed += abs(len(old_lines) - len(new_lines))
        if changed:
            print(f"{old.name}: {changed} texts differ")
        differing += changed
    print(f"compared {texts} texts; differing: {differing}")
    return 1 if differing or not texts else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="dump the findings for these inputs")
    d.add_argument("out_dir", type=Path)
    d.add_argument("inputs", type=Path, nargs="+")
    d.add_argument("--column", default="feedback", help="a CSV input's text column")
    c = sub.add_parser("compare", help="compare two dumps; exit 1 if any text differs")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out_dir, args.inputs, args.column)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
