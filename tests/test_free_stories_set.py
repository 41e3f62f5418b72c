"""The second anonymisation measuring set is what its marked source says it is."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


def builder():
    spec = importlib.util.spec_from_file_location("build_free_set", DATA / "build_free_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_set_is_rebuilt_exactly_from_the_marked_stories():
    committed = [
        json.loads(line) for line in (DATA / "free_stories.jsonl").read_text().splitlines()
    ]
    assert committed == builder().stories()
    assert len(committed) >= 70


def test_every_gold_span_is_its_text_and_never_starts_with_the():
    for record in builder().stories():
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]
            assert not span["text"].lower().startswith("the ") or span["label"] != "CARE_SETTING"


def test_a_part_marked_as_gold_keeps_the_title_outside_the_span():
    text, spans = builder().parse("Seen by [[PERSON|Dr Okafor|Okafor]] at [[CARE_SETTING|the QE]].")
    assert text == "Seen by Dr Okafor at the QE."
    assert [(s["text"], s["label"]) for s in spans] == [
        ("Okafor", "PERSON"),
        ("QE", "CARE_SETTING"),
    ]
