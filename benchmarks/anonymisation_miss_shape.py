"""Where the misses lie, in aggregate only: per label, how many gold identifiers are caught, found
in part (some finding covers part of it, but less than the four fifths that count) or not
touched at all.

A miss found in part asks for a finding's edges to reach further (a setting's name found
without its kind, a first name without its surname); a miss not touched asks for a new kind of
rule. The script prints counts only, never a story's words, so it can be run on the blind sets.

    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/anonymisation_miss_shape.py FILE [FILE ...]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.anonymisation import COVER, load
from nlp.anonymise import detect_many


def shape(paths: list[Path]) -> dict[str, Counter]:
    """Per label: n, caught, partial (and of those, covered at least half), untouched."""
    by_label: dict[str, Counter] = defaultdict(Counter)
    for path in paths:
        records = load(path)
        found = detect_many([r["text"] for r in records])
        for record, findings in zip(records, found, strict=True):
            text = record["text"]
            covered = bytearray(len(text))
            for f in findings:
                covered[f.start : f.end] = b"\x01" * (f.end - f.start)
            for span in record["spans"]:
                letters = [i for i in range(span["start"], span["end"]) if not text[i].isspace()]
                if not letters:
                    continue
                counts = by_label[span["label"]]
                counts["n"] += 1
                share = sum(covered[i] for i in letters) / len(letters)
                if share >= COVER:
                    counts["caught"] += 1
                elif share > 0:
                    counts["partial"] += 1
                    counts["partial_half"] += share >= 0.5
                else:
                    counts["untouched"] += 1
    return by_label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    by_label = shape(parser.parse_args().files)
    total: Counter = Counter()
    print("| label | identifiers | caught | found in part (half or more) | not touched |")
    print("| --- | --- | --- | --- | --- |")
    for label, c in [*sorted(by_label.items()), ("all", total)]:
        if label != "all":
            total.update(c)
        print(
            f"| {label} | {c['n']} | {c['caught']} | {c['partial']} ({c['partial_half']}) "
            f"| {c['untouched']} |"
        )


if __name__ == "__main__":
    main()
