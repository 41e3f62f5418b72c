"""Towns and cities abroad, by a list written for them (issue 20, round 37).

People write where they or their family came from, went back to or still live: "came from
Kumasi", "my brother is in Kaunas", "went to sylhet for the funeral". The UK lists hold
none of these and the NER knows few, so `nlp/data/abroad_towns.txt` lists the towns of the
countries the UK's larger communities come from (public knowledge, written by hand).

A town is a place when it is written with a capital, or in lower case or capitals after a word
of place ("from", "to", "in", "near", "via", "back to"). A town that is also an everyday word,
a given name, a surname or a UK place ("Delhi belly", "Florence", "Kingston", "Sofia") is a
place only after such a word. After a title ("Mr Multan") the word is a surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import DATA, gazetteer

# Towns that are also English words or names the lists miss.
_AMBIGUOUS = frozenset(
    """mandeville kingston hebron constantine patna alexandria blantyre bray cork galle kandy
    surat jos fez keren adama goma aden medina mecca swords ruse nis tamale anand""".split()
)
_PLACE_CUE = re.compile(
    r"(?:\b(?:from|to|in|near|via|at|outside|visit|visiting|around|of)|\bback\s+to)[ \t]+$",
    re.IGNORECASE,
)
# A town that is also a name only after a word that cannot take a person: "spoke to Sofia".
_STRONG_CUE = re.compile(r"(?:\b(?:from|in|near|via|outside)|\bback\s+to)[ \t]+$", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ \t]+$")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _gate() -> frozenset[str]:
    """The telling run of letters of every entry (not an everyday word if it has one, else
    its longest: "harcourt" of "Port Harcourt"): a text with none of them has no town."""
    by_first, _ = _towns()
    common = gazetteer().common_words
    keys = set()
    for entries in by_first.values():
        for e in entries:
            runs = _LETTERS.findall(e)
            rare = [r for r in runs if r not in common]
            keys.add(max(rare or runs, key=len))
    return frozenset(keys)


@lru_cache(maxsize=1)
def _towns() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Entries by their first word (longest first), and the entries needing a cue."""
    lines = (DATA / "abroad_towns.txt").read_text(encoding="utf-8").splitlines()
    entries = {ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#")}
    gaz = gazetteer()
    by_first: dict[str, list[str]] = {}
    for e in entries:
        by_first.setdefault(re.split(r"[ -]", e)[0], []).append(e)
    ambiguous = frozenset(
        e
        for e in entries
        if e in _AMBIGUOUS
        or e in gaz.common_words
        or e in gaz.first_names
        or e in gaz.surnames
        or e in gaz.places
    )
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}, ambiguous


def letter_runs(text: str) -> frozenset[str]:
    """The runs of letters of `text` in lower case, for the word-set gates of round 37."""
    return frozenset(_LETTERS.findall(text.lower()))


def abroad_towns(text: str, words: frozenset[str] | None = None) -> Iterator[Finding]:
    """Towns abroad written as places (see the module's docstring)."""
    if _gate().isdisjoint(letter_runs(text) if words is None else words):
        return
    low = text.lower()
    by_first, ambiguous = _towns()
    for m in _WORD.finditer(text):
        word = m.group().lower()
        first = word if word in by_first else re.split(r"[-]", word)[0]
        entries = by_first.get(first)
        if entries is None:
            continue
        start = m.start()
        for entry in entries:
            end = start + len(entry)
            if low.startswith(entry, start) and not (end < len(text) and text[end].isalnum()):
                break
        else:
            continue
        before = text[max(0, start - 12) : start]
        if _TITLE.search(before):
            continue
        written = text[start:end]
        capital = written[0].isupper() and not written.isupper()
        if entry in ambiguous:
            if _STRONG_CUE.search(before) and not text.startswith(("'s", "’s"), end):
                yield Finding(start, end, "LOCATION", 0.8, "abroad_town")
        elif capital or _PLACE_CUE.search(before):
            yield Finding(start, end, "LOCATION", 0.8, "abroad_town")
