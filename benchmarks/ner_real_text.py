"""What the trained NER adds to the rules on real text that has no gold spans.

    .venv/bin/python benchmarks/ner_real_text.py [--show 60]

Runs the detector with and without the NER over the real comments and stories in ../shared/data
(NHS Friends and Family Test comments and Care Opinion stories: few identifiers, so nearly every
addition there is either a real name the rules missed or over-redaction) and prints how many
spans the NER adds and which, for reading by eye. Nothing is written anywhere: the texts are real.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.anonymise import detect_many  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def texts() -> dict[str, list[str]]:
    with (SHARED / "fft_phase1.csv").open(encoding="utf-8") as fh:
        fft = [row["feedback"] for row in csv.DictReader(fh) if row["feedback"]]
    with (SHARED / "care_opinion_dev.jsonl").open(encoding="utf-8") as fh:
        stories = [json.loads(line)["text"] for line in fh if line.strip()]
    return {"FFT comments": fft, "Care Opinion stories": stories}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=40, help="list N commonest additions")
    args = parser.parse_args(argv)
    for name, batch in texts().items():
        rules = detect_many(batch, use_ner=False)
        both = detect_many(batch, use_ner=True)
        added: Counter = Counter()
        for text, before, after in zip(batch, rules, both, strict=True):
            old = {(f.start, f.end) for f in before}
            for f in after:
                if (f.start, f.end) not in old:
                    added[(f.label, text[f.start : f.end])] += 1
        print(f"\n## {name}: {len(batch)} texts")
        print(
            f"spans: rules {sum(map(len, rules))}, rules + NER {sum(map(len, both))}, "
            f"new or changed {sum(added.values())}"
        )
        for (label, value), count in added.most_common(args.show):
            print(f"{count:>4} {label:<13} {value!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
