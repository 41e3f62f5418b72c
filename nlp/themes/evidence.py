"""Evidence for each theme, as plain data the theme store can save: its most typical stories,
candidate quotes, a short description, its tone (share of critical and positive stories) and
its size by month.

Everything refers to stories by their position in the texts passed in, so the caller maps
positions to its own story ids. Quotes and descriptions are sentences of the anonymised text:
pass `quotable` (the storyteller agreed to quotes) and only those stories' sentences are used.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np

REPRESENTATIVE_STORIES = 5
CANDIDATE_QUOTES = 5
DESCRIPTION_SENTENCES = 2
QUOTE_WORDS = (5, 40)
# Criticality runs from -5 (very critical) to +5 (very positive); these count as clearly one
# or the other, the rest as mixed or neutral.
CRITICAL_AT, POSITIVE_AT = -1.0, 1.0

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c(\[A-Z0-9])|\n+")
_PLACEHOLDER = re.compile(r"[\[<{][^\]>}]{0,40}[\]>}]")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019&][A-Za-z]+)?")


@dataclass
class ThemeEvidence:
    """What backs one theme; `representative` and quote `story` are positions in the input."""

    size: int
    share: float
    representative: list[int] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    description: str = ""
    critical_share: float | None = None
    positive_share: float | None = None
    mean_criticality: float | None = None
    monthly: dict[str, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def sentences(text: str) -> list[str]:
    """The sentences of a story, trimmed."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def is_quotable_sentence(sentence: str) -> bool:
    """A sentence worth quoting: QUOTE_WORDS long in real words, at least four of them
    meaningful, and not mostly placeholders ("My email is [EMAIL]" is not)."""
    from nlp.themes.names import is_content_word

    placeholders = len(_PLACEHOLDER.findall(sentence))
    words = _WORD.findall(_PLACEHOLDER.sub(" ", sentence))
    low, high = QUOTE_WORDS
    if not low <= len(words) <= high:
        return False
    if placeholders * 4 > len(words) + placeholders:
        return False
    return sum(is_content_word(w.lower()) for w in words) >= 4


def theme_evidence(
    texts: list[str],
    embeddings: np.ndarray,
    topics: list[int],
    phrases: dict[int, list[str]] | None = None,
    criticality: np.ndarray | None = None,
    dates: list[str | date | datetime | None] | None = None,
    quotable: list[bool] | None = None,
) -> dict[int, ThemeEvidence]:
    """Evidence per theme (topic -1, the stories that fit no theme, is left out).

    Typical stories are those closest to the theme's centre; quotes are their sentences that
    use the theme's phrases most; the description is the best one or two of those quotes.
    `criticality` (one score per story, -5..+5) gives the tone; `dates` give the size per
    month, kept only when the theme spans more than one month.
    """
    topics_arr = np.asarray(topics)
    vectors = np.asarray(embeddings, dtype=np.float32)
    n = len(texts)
    months = [_month(d) for d in dates] if dates is not None else None
    evidence: dict[int, ThemeEvidence] = {}
    for theme in sorted(set(topics_arr.tolist()) - {-1}):
        members = np.flatnonzero(topics_arr == theme)
        centre = vectors[members].mean(axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-9)
        closeness = vectors[members] @ centre
        ranked = members[np.argsort(-closeness, kind="stable")]
        item = ThemeEvidence(
            size=len(members),
            share=round(len(members) / n, 4),
            representative=[int(i) for i in ranked[:REPRESENTATIVE_STORIES]],
        )
        allowed = ranked if quotable is None else [i for i in ranked if quotable[i]]
        item.quotes = candidate_quotes(texts, allowed, (phrases or {}).get(theme, []))
        item.description = " ".join(q["text"] for q in item.quotes[:DESCRIPTION_SENTENCES])
        if criticality is not None:
            scores = np.asarray(criticality, dtype=np.float32)[members]
            item.critical_share = round(float(np.mean(scores <= CRITICAL_AT)), 3)
            item.positive_share = round(float(np.mean(scores >= POSITIVE_AT)), 3)
            item.mean_criticality = round(float(scores.mean()), 2)
        if months is not None:
            counted = Counter(months[i] for i in members if months[i])
            item.monthly = dict(sorted(counted.items())) if len(counted) > 1 else None
        evidence[int(theme)] = item
    return evidence


def candidate_quotes(
    texts: list[str], ranked: list[int] | np.ndarray, phrases: list[str], limit: int = 30
) -> list[dict[str, Any]]:
    """Up to CANDIDATE_QUOTES sentences from the most typical stories, one per story, those
    that use the theme's phrases first; each is {"story": position, "text": sentence}."""
    from nlp.themes.names import phrases_of

    wanted = {p: len(phrases) - rank for rank, p in enumerate(phrases)}
    scored: list[tuple[float, int, int, str]] = []
    for rank, index in enumerate(list(ranked)[:limit]):
        best: tuple[float, str] | None = None
        for sentence in sentences(texts[index]):
            if not is_quotable_sentence(sentence):
                continue
            used = phrases_of(_PLACEHOLDER.sub(" ", sentence))
            weight = sum(wanted.get(p, 0) for p in used)
            if best is None or weight > best[0]:
                best = (weight, sentence)
        if best is not None:
            # Typical stories first among equals: the rank breaks ties.
            scored.append((-best[0], rank, int(index), best[1]))
    scored.sort()
    return [{"story": index, "text": text} for _w, _r, index, text in scored[:CANDIDATE_QUOTES]]


def _month(value: str | date | datetime | None) -> str | None:
    """'YYYY-MM' from a date, a datetime or an ISO string; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, date | datetime):
        return f"{value.year:04d}-{value.month:02d}"
    text = str(value)
    return text[:7] if re.match(r"\d{4}-\d{2}", text) else None
