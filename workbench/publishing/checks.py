"""The last gate before a built file is served: integrity, schema and a search for leaks.

The checks are written independently of the code that builds the tables, so a mistake there
(a copied column, a quote from the wrong story) is caught here and the old file stays served.
What must never appear comes from the packages that keep it (consent: references, contact
details, original text; nlp: quotes and anonymised text). Messages name the table and the kind
of leak, never the leaked value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import sqlite_utils

import consent
from nlp.checks import anonymised_texts, checked_story_ids
from nlp.themes import store as theme_store
from workbench.feedback import reach
from workbench.publishing import published_file
from workbench.publishing.schema import ALL_AREAS, expected_columns
from workbench.suppression import DEFAULT_K

SHINGLE = 12  # words: long texts are looked for by their opening words, then confirmed
MIN_SHARED_WORDS = 8
WORD = re.compile(r"[a-z0-9]+")
PHONE = re.compile(r"\+?\d[\d\s()\-]{6,}\d")


class LeakError(RuntimeError):
    """The built file contains something that must never be published."""


def check(db: sqlite_utils.Database, out: sqlite_utils.Database) -> None:
    """Raise LeakError unless the built file `out` is sound and holds nothing it must not."""
    if out.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise LeakError("integrity check failed")
    _check_schema(out)
    _check_quotes(db, out)
    _check_areas(db, out)
    _check_values(db, out)


def _check_schema(out: sqlite_utils.Database) -> None:
    expected = expected_columns()
    found = {table: [c.name for c in out[table].columns] for table in out.table_names()}
    for table, columns in found.items():
        if table not in expected:
            raise LeakError(f"unexpected table {table!r} in the published file")
        if columns != expected[table]:
            raise LeakError(f"unexpected columns in published table {table!r}")
    if views := out.view_names():
        raise LeakError(f"unexpected views in the published file: {len(views)}")


def _check_quotes(db: sqlite_utils.Database, out: sqlite_utils.Database) -> None:
    """Every published quote is a chosen excerpt of a story with both consents, checked."""
    themes = theme_store.themes_by_id(db)
    chosen = [q for q in theme_store.quotes(db) if themes[q["theme_id"]]["status"] == "approved"]
    story_ids = {q["story_id"] for q in chosen}
    cleared = (
        set(checked_story_ids(db))
        & consent.granted_story_ids(db, "analysis", story_ids)
        & consent.granted_story_ids(db, "publish_quotes", story_ids)
    )
    allowed = {q["text"] for q in chosen if q["story_id"] in cleared}
    for text in published_file.quote_texts(out):
        if text not in allowed:
            raise LeakError("a published quote is not an approved excerpt with consent")


def _check_areas(db: sqlite_utils.Database, out: sqlite_utils.Database) -> None:
    """Every published area is one an activity lists and at least k published stories share
    (or, in reach, a group of the population profile): typed text never gets through."""
    k = int(published_file.about(out).get("suppression_threshold") or DEFAULT_K)
    listed = {area for activity in consent.list_activities(db) for area in activity["areas"]}
    counted = consent.granted_story_ids(db, "analysis", checked_story_ids(db))
    shared = Counter(
        story["area"] for story in consent.story_facts(db, counted).values() if story["area"]
    )
    allowed = {area for area in listed if shared[area] >= k}
    profile = set(reach.profile(db).get("area", {}))
    for table, area in published_file.areas(out, frozenset({ALL_AREAS, "All answers"})):
        if area not in allowed and not (table == "reach_counts" and area in profile):
            raise LeakError(f"an area that is not listed or shared by {k} stories in {table!r}")


def _check_values(db: sqlite_utils.Database, out: sqlite_utils.Database) -> None:
    published = _PublishedText(out)
    for kind, values in _forbidden(db):
        for value in values:
            if published.contains(value):
                raise LeakError(f"{kind} found in the published file")
    phones = {_digits(row["phone"]) for row in consent.contact_details(db).values()} - {""}
    if phones & published.phone_numbers():
        raise LeakError("a contact phone number found in the published file")


def _forbidden(db: sqlite_utils.Database) -> Iterable[tuple[str, Iterable[str]]]:
    yield "a story reference", (s["reference"] for s in consent.story_facts(db).values())
    yield "a withdrawn story's reference", consent.withdrawn_references(db)
    yield (
        "a contact detail",
        (
            value
            for r in consent.contact_details(db).values()
            for value in (r["name"], r["email"], r["postal_address"])
            # A one-word name is checked against its own story's quotes while building: on its
            # own it matches ordinary words ("Will", "Hope") anywhere.
            if value and len(_words(value)) > 1
        ),
    )
    # Original text is looked for only where anonymisation changed it: an unchanged story
    # legitimately shares every word with its checked, anonymised excerpts.
    anonymised = anonymised_texts(db)
    yield (
        "original story text",
        (
            text
            for story_id, text in consent.original_texts(db).items()
            if anonymised.get(story_id) != text
        ),
    )
    # Short anonymised texts ("Great service.") are shared by many people and identify no one.
    analysed = consent.granted_story_ids(db, "analysis", anonymised)
    yield (
        "text of a story without consent to analysis",
        (
            text
            for story_id, text in anonymised.items()
            if story_id not in analysed and len(_words(text)) >= MIN_SHARED_WORDS
        ),
    )


class _PublishedText:
    """Every text value of the published file, as words, searchable for word sequences."""

    def __init__(self, out: sqlite_utils.Database) -> None:
        self.values = published_file.text_values(out)
        self.words = [_words(value) for value in self.values]
        self.joined = " \x00 ".join(" ".join(words) for words in self.words)
        self._ngrams: dict[int, set[tuple[str, ...]]] = {}

    def contains(self, value: str) -> bool:
        words = _words(value)
        if not words:
            return False
        n = min(len(words), SHINGLE)
        if tuple(words[:n]) not in self._grams(n):
            return False
        return len(words) <= SHINGLE or " ".join(words) in self.joined

    def phone_numbers(self) -> set[str]:
        return {_digits(m.group()) for v in self.values for m in PHONE.finditer(v)}

    def _grams(self, n: int) -> set[tuple[str, ...]]:
        if n not in self._ngrams:
            self._ngrams[n] = {
                tuple(words[i : i + n]) for words in self.words for i in range(len(words) - n + 1)
            }
        return self._ngrams[n]


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _digits(phone: str | None) -> str:
    digits = re.sub(r"\D", "", phone or "")
    # +44 7700 ... and 07700 ... are the same number.
    return "0" + digits[2:] if digits.startswith("44") else digits
