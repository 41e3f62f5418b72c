"""Everything the NLP layer loads ships in the package: a wheel built from this checkout must
hold every shipped model and list, not only the top of `nlp/data/` (the trained NER, the
frameworks and the written training stories live in folders below it)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_every_file_under_nlp_data_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["nlp"]
    shipped = {p for pattern in patterns for p in (ROOT / "nlp").glob(pattern) if p.is_file()}
    left_out = sorted(str(p.relative_to(ROOT)) for p in _files(ROOT / "nlp" / "data") - shipped)
    assert not left_out, f"not in the wheel: {left_out[:5]}"
    assert (ROOT / "nlp" / "data" / "ner_model").is_dir()  # the folder the check is about
