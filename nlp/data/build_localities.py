"""Rebuild `uk_localities.txt` from OS Open Names (run by hand, never at run time).

GeoNames' `cities500` (`uk_places.txt`) holds places of 500 people or more and few of the
neighbourhoods inside towns, yet people name where they live by its neighbourhood ("we're in
Byker", "moved to Levenshulme"), and a neighbourhood narrows who someone is more than a city
does. Ordnance Survey's Open Names lists every populated place in Great Britain with its kind.

    git clone https://github.com/briang/british-placenames /tmp/bp   # places.csv, 2019
    python nlp/data/build_localities.py /tmp/bp/places.csv

Kept: cities, towns, villages and suburban areas (hamlets and farmsteads are mostly everyday or
dialect words: "Weel", "Acha"). Left out: names made only of English words ("Cross Green",
"The Bank", "Towpath" would fire on ordinary sentences), and names GeoNames already gives.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
KINDS = {"City", "Town", "Village", "Suburban Area"}
NAME = re.compile(r"[^\W\d_][\w'\- .]+")


def _lines(name: str) -> set[str]:
    return set((HERE / name).read_text(encoding="utf-8").split("\n")) - {""}


def has_own_word(name: str, english: set[str]) -> bool:
    """A name is distinctive when at least one of its words is not an English word."""
    return any(w and w not in english for w in re.split(r"[\s\-]", name))


def localities(rows: list[dict[str, str]], english: set[str], listed: set[str]) -> set[str]:
    """The settlements of the kinds kept, distinctive, and not listed already."""
    kept = set()
    for row in rows:
        name = row["name"].strip().lower()
        if row["type"] not in KINDS or not NAME.fullmatch(name) or name.startswith("the "):
            continue
        if has_own_word(name, english) and name not in listed:
            kept.add(name)
    return kept


def main(path: str) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    english = _lines("english_words.txt")
    listed = _lines("uk_places.txt") | {a.lower() for a in _lines("uk_areas.txt")}
    kept = localities(rows, english, listed)
    (HERE / "uk_localities.txt").write_text("\n".join(sorted(kept)) + "\n", encoding="utf-8")
    print(f"uk_localities.txt: {len(kept)}")


if __name__ == "__main__":
    main(sys.argv[1])
