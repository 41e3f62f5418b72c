"""Residual risk after anonymisation: what a reviewer should look at before confirming.

Two kinds of flag. A *rare term* is a word that is neither general English nor common in the
corpus of stories (a rare condition, an unusual job, a nickname): it can single a person out
even with every name removed. A *rare combination* is an age band, an area and a health
condition in the same story: each is harmless, together they may fit one person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from nlp.name_gazetteer import gazetteer

# A word seen in fewer stories than this (across the corpus given) counts as rare.
RARE_DOC_FREQUENCY = 3
WORD = re.compile(r"(?<![\w\[])[A-Za-z][a-z'’-]{3,}(?![\w\]])")
AGE_BAND = re.compile(r"\[AGE ([^\]]+)\]")
AREA = re.compile(r"\[POSTCODE ([A-Z0-9]+)\]|\[PLACE \d+\]")
CONDITIONS = re.compile(
    r"\b(?:motor neurone disease|mnd|huntington'?s|cystic fibrosis|sickle cell|muscular dystrophy"
    r"|multiple sclerosis|ms\b|parkinson'?s|dementia|alzheimer'?s|cancer|leukaemia|lymphoma"
    r"|hiv|aids|hepatitis|schizophrenia|bipolar|psychosis|anorexia|bulimia|autism|autistic"
    r"|down'?s syndrome|cerebral palsy|spina bifida|epilepsy|stroke|dialysis|transplant"
    r"|amputation|amputee|blind|deaf|wheelchair|paraplegic|tetraplegic|rare disease"
    r"|learning disabilit(?:y|ies)|pregnan(?:t|cy)|miscarriage|stillbirth|termination"
    r"|gender identity|transgender|sex worker|asylum|refugee|prison|probation)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RiskFlag:
    kind: str  # "rare_term" or "rare_combination"
    text: str  # the term, or the combination in words
    start: int | None = None  # offset in the anonymised text, where there is one
    end: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def document_frequencies(texts: Iterable[str]) -> Counter:
    """In how many of these (anonymised) texts each lower-cased word appears."""
    counts: Counter = Counter()
    for text in texts:
        counts.update({m.group().lower() for m in WORD.finditer(text or "")})
    return counts


def risk_flags(
    anonymised: str,
    corpus_frequencies: Counter | None = None,
    combination_counts: Counter | None = None,
) -> list[RiskFlag]:
    """Flags for one anonymised text. Without corpus figures every non-English word is rare and
    every age band + area + condition combination is reported."""
    flags = rare_terms(anonymised, corpus_frequencies)
    combo = combination(anonymised)
    if combo and (combination_counts is None or combination_counts[combo] < RARE_DOC_FREQUENCY):
        flags.append(RiskFlag("rare_combination", " + ".join(combo)))
    return flags


def rare_terms(anonymised: str, corpus_frequencies: Counter | None = None) -> list[RiskFlag]:
    english = gazetteer().english_words
    flags = []
    seen = set()
    for m in WORD.finditer(anonymised):
        low = m.group().lower().replace("’", "'")
        base = low[:-2] if low.endswith("'s") else low
        if base in english or low in english or base in seen:
            continue
        if base.endswith("s") and base[:-1] in english:
            continue
        if corpus_frequencies is not None and corpus_frequencies[low] >= RARE_DOC_FREQUENCY:
            continue
        seen.add(base)
        flags.append(RiskFlag("rare_term", m.group(), m.start(), m.end()))
    return flags


def combination(anonymised: str) -> tuple[str, str, str] | None:
    """(age band, area, condition) when a text names all three, else None."""
    age = AGE_BAND.search(anonymised)
    area = AREA.search(anonymised)
    condition = CONDITIONS.search(anonymised)
    if not (age and area and condition):
        return None
    area_text = area.group(1) or "a named place"
    return (f"age {age.group(1)}", area_text, condition.group().lower())
