"""Build `free_stories.jsonl` (the second measuring set) from the hand-written stories.

    python benchmarks/data/build_free_set.py

The stories in `free_stories_*.txt` were written freely, one at a time, in many voices
(phone-typed lower case, ALL CAPS, letters, forms, Welsh and Scottish English, reported
speech), not from templates, and mark their identifiers inline: `[[LABEL|text]]`, or
`[[LABEL|text|gold]]` when only part of the text is the identifier ("Mr Banerjee" ->
"Banerjee", as the development set leaves titles out). A leading "the" is never part of a
care setting's span, as in the development set. The output has the development set's format
(../shared/anonymisation/README.md), so the same scorer reads both. Never tune rules on it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([A-Z_]+)\|([^|\]]+)(?:\|([^|\]]+))?\]\]")
LABELS = {
    "PERSON", "NHS_NUMBER", "NI_NUMBER", "PHONE", "EMAIL", "POSTCODE", "ADDRESS",
    "DATE_OF_BIRTH", "AGE", "LOCATION", "CARE_SETTING", "URL", "OTHER_ID",
}  # fmt: skip


def parse(marked: str) -> tuple[str, list[dict]]:
    """Plain text and gold spans from one story written with inline marks."""
    out, spans, cursor = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[cursor : m.start()]
        out.append(before)
        length += len(before)
        label, shown, gold = m.group(1), m.group(2), m.group(3) or m.group(2)
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        offset = shown.find(gold)
        if offset < 0:
            raise ValueError(f"{gold!r} is not part of {shown!r}")
        start = length + offset
        end = start + len(gold)
        if label == "CARE_SETTING" and gold.lower().startswith("the "):
            start += 4
        spans.append({"start": start, "end": end, "label": label})
        out.append(shown)
        length += len(shown)
        cursor = m.end()
    out.append(marked[cursor:])
    text = "".join(out)
    for span in spans:
        span["text"] = text[span["start"] : span["end"]]
    return text, spans


def stories() -> list[dict]:
    records = []
    for path in sorted(HERE.glob("free_stories_*.txt")):
        for block in path.read_text(encoding="utf-8").split("=== ")[1:]:
            story_id, _, body = block.partition("\n")
            text, spans = parse(body.strip())
            records.append({"id": story_id.strip(), "text": text, "spans": spans})
    return records


def write_set(records: list[dict], name: str) -> None:
    """Write a measuring set as JSON Lines beside this script, and say how big it is."""
    with (HERE / name).open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} stories, {sum(len(r['spans']) for r in records)} identifiers")


def main() -> None:
    write_set(stories(), "free_stories.jsonl")


if __name__ == "__main__":
    main()
