"""Readable theme names: short phrases taken from a theme's own stories.

c-TF-IDF keywords are single words and stop-word-free bigrams ("Hours / took / long",
"waited hours ae"), which read as a bag of words. Here every candidate is a run of one to
three words as written in a sentence ("waiting times", "lack of communication", "a&e"),
whose first and last words carry meaning and whose inner words may only be short connectors.
A candidate is scored by how much more often the theme's stories use it than the corpus
does, and the name is the best phrase, with a second one when the first is a single word.

Privacy: a phrase is only a candidate when at least two stories use it, so no name or phrase
list carries a term that only one story used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np

PHRASES_PER_THEME = 6
MAX_PHRASE_WORDS = 3
# A phrase must be used by this share of the theme's stories (and by at least two stories).
MIN_THEME_SHARE = 0.04
# A longer phrase replaces the single word it contains when it scores at least this share of it.
LONGER_PHRASE_WEIGHT = 0.3
# Inner words allowed inside a phrase ("lack of communication", "care and support").
CONNECTORS = frozenset({"of", "and", "for", "to", "in", "with", "on", "at", "from", "after"})
# Abbreviations written with an ampersand (A&E) are words here, so they survive as phrases.
_TOKEN = re.compile(r"[a-z]+&[a-z]+|[a-z]+(?:'[a-z]+)?")
# Phrases never run across sentence or clause punctuation.
# "xxxx", "zzz": marks left where a word was redacted by hand.
_REDACTION = re.compile(r"^(.)\1{2,}$")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_BREAK = re.compile(r"[.!?;:,()\[\]{}<>\"/\n\u2013\u2014]+|\s-\s")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from nlp.themes.text import stop_words

    return frozenset(stop_words())


def is_content_word(word: str) -> bool:
    """A word that may start or end a phrase: not a stop word, placeholder, contraction or
    fragment."""
    return (len(word) >= 3 or "&" in word) and "'" not in word and word not in _stop_words()


def phrases_of(text: str) -> list[str]:
    """Every candidate phrase in one text, once each (placeholders must already be removed)."""
    found: set[str] = set()
    text = _URL.sub(" ", text.lower().replace("\u2019", "'"))
    for clause in _BREAK.split(text):
        words = _TOKEN.findall(clause)
        for start, first in enumerate(words):
            if not is_content_word(first):
                continue
            found.add(first)
            for end in range(start + 1, min(start + MAX_PHRASE_WORDS, len(words))):
                last = words[end]
                inner = words[start + 1 : end]
                if any(w not in CONNECTORS and not is_content_word(w) for w in inner):
                    break
                if is_content_word(last) and last != first:
                    found.add(" ".join(words[start : end + 1]))
                elif last not in CONNECTORS:
                    break
    return sorted(found)


def theme_phrases(
    texts: list[str], topics: Iterable[int], top_n: int = PHRASES_PER_THEME
) -> dict[int, list[str]]:
    """The most distinctive phrases of each theme (topic -1 is left out), best first.
    Placeholders ("[CARE SETTING 1]") are stripped here as well as by callers, so their words
    never become a phrase or a name whoever calls."""
    from sklearn.feature_extraction.text import CountVectorizer

    from nlp.themes.text import strip_placeholders

    texts = [strip_placeholders(t) for t in texts]
    topics = np.asarray(list(topics))
    themes = sorted(set(topics.tolist()) - {-1})
    result: dict[int, list[str]] = {t: [] for t in themes}
    if not themes or len(texts) < 2:
        return result
    try:
        # binary counts: how many stories use a phrase; min_df=2 keeps one story's words out.
        counts = CountVectorizer(analyzer=phrases_of, binary=True, min_df=2).fit(texts)
    except ValueError:  # no phrase is shared by two stories
        return result
    matrix = counts.transform(texts).tocsc().astype(np.float32)
    vocabulary = counts.get_feature_names_out()
    n_words = np.array([v.count(" ") + 1 for v in vocabulary])
    overall = np.asarray(matrix.sum(axis=0)).ravel() / len(texts)
    for theme in themes:
        members = np.flatnonzero(topics == theme)
        used = np.asarray(matrix[members].sum(axis=0)).ravel()
        share = used / len(members)
        # How much a phrase says about this theme: common in it, and rarer elsewhere (with a
        # single theme there is no elsewhere, so only how common it is).
        if len(themes) == 1:
            score = share.copy()
        else:
            score = share * np.log(np.maximum(share, 1e-9) / np.maximum(overall, 1e-9))
        score[(used < max(2, MIN_THEME_SHARE * len(members))) | (score <= 0)] = 0
        # A phrase of several words reads better than a single word of similar weight.
        score *= np.where(n_words > 1, 1.5, 1.0)
        order = [i for i in np.argsort(-score, kind="stable") if score[i] > 0]
        chosen: list[str] = []
        for rank, index in enumerate(order):
            if len(chosen) == top_n:
                break
            phrase = str(vocabulary[index])
            if any(_overlaps(phrase, other) for other in chosen):
                continue
            if " " not in phrase:
                # "ward" reads better as "ward round" when the theme uses that phrase too.
                longer = _longer_phrase(phrase, score[index], order[rank + 1 :], vocabulary, score)
                if longer and not any(_overlaps(longer, other) for other in chosen):
                    phrase = longer
            chosen.append(phrase)
        result[theme] = chosen
    return result


def _longer_phrase(word: str, own_score: float, candidates, vocabulary, score) -> str | None:
    """The best phrase of several words containing `word`, if one scores at least
    LONGER_PHRASE_WEIGHT of the word alone."""
    for index in candidates:
        if score[index] < LONGER_PHRASE_WEIGHT * own_score:
            return None
        phrase = str(vocabulary[index])
        if " " in phrase and word in phrase.split():
            return phrase
    return None


def _overlaps(a: str, b: str) -> bool:
    """Two phrases say the same thing when they share a content word ("car park", "park")."""
    return bool({w for w in a.split() if is_content_word(w)} & set(b.split()))


def name_from_phrases(phrases: list[str]) -> str:
    """A short name: the best phrase; when that is a single word, followed by the theme's
    next phrase of several words, if it has one among its top three ("Dementia: care home")."""
    if not phrases:
        return ""
    first = phrases[0]
    second = next((p for p in phrases[1:3] if " " in p), None)
    if " " not in first and second:
        return _capitalise(f"{first}: {second}")
    return _capitalise(first)


def _capitalise(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def theme_names(phrases: dict[int, list[str]], brief: set[int] | None = None) -> dict[int, str]:
    """One name per theme; when two themes would share a name, the smaller (later) theme
    takes the next phrase of its own so the list never shows the same name twice. A theme
    with no shared phrase is "Brief replies" when its stories are in `brief` (a few words
    each, such as "Nothing." or "N/A"), otherwise "Unnamed theme"; repeats are numbered."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for theme in sorted(phrases):
        own = phrases[theme]
        name = name_from_phrases(own)
        skip = 1
        while name.lower() in taken and skip < len(own):
            name = name_from_phrases(own[skip:])
            skip += 1
        if not name:
            name = "Brief replies" if brief and theme in brief else "Unnamed theme"
        base, number = name, 2
        while name.lower() in taken:
            name = f"{base} {number}"
            number += 1
        names[theme] = name
        taken.add(name.lower())
    return names


def name_similarity(a: str, b: str) -> float:
    """Share of content words two names have in common (Jaccard), 0..1."""
    wa = {w for w in _TOKEN.findall(a.lower()) if is_content_word(w)}
    wb = {w for w in _TOKEN.findall(b.lower()) if is_content_word(w)}
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def names_for_groups(groups: dict[Any, list[str]]) -> dict[Any, tuple[str, list[str]]]:
    """(name, phrases) for each group of anonymised texts, e.g. each theme's current members
    after withdrawals or an analyst's moves; empty groups get ("", [])."""
    from nlp.themes.text import strip_placeholders

    keys = [key for key, texts in groups.items() if texts]
    texts = [strip_placeholders(t) for key in keys for t in groups[key]]
    topics = [row for row, key in enumerate(keys) for _ in groups[key]]
    phrases = theme_phrases(texts, topics)
    lengths = np.array([len(t.split()) for t in texts])
    labels = np.asarray(topics)
    brief = {row for row in phrases if np.median(lengths[labels == row]) <= 5}
    names = theme_names(phrases, brief)
    result: dict[Any, tuple[str, list[str]]] = {key: ("", []) for key in groups}
    for row, key in enumerate(keys):
        result[key] = (names[row], phrases[row])
    return result
