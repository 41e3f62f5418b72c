"""The third anonymisation measuring set is what its generator says it is."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


def builder():
    sys.path.insert(0, str(DATA))  # the generator reuses build_free_set's mark parser
    try:
        spec = importlib.util.spec_from_file_location(
            "build_kinds_set", DATA / "build_kinds_set.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(DATA))
    return module


def test_the_committed_set_is_regenerated_exactly():
    committed = [
        json.loads(line) for line in (DATA / "kinds_stories.jsonl").read_text().splitlines()
    ]
    assert committed == builder().stories()
    assert len(committed) == 40


def test_every_kind_appears_and_every_gold_span_is_its_text():
    module = builder()
    records = module.stories()
    labels = {span["label"] for record in records for span in record["spans"]}
    assert {"CARE_SETTING", "PERSON", "AGE", "ADDRESS", "PHONE", "NHS_NUMBER"} <= labels
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_generated_nhs_numbers_pass_the_check_digit():
    import random

    from nlp.identifiers.numbers.health_and_ni_numbers import is_valid_nhs_number

    rng = random.Random(1)
    for _ in range(50):
        digits = "".join(c for c in builder().nhs_number(rng) if c.isdigit())
        assert is_valid_nhs_number(digits)
