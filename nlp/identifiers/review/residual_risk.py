"""Residual risk after anonymisation: a combination a reviewer should look at before confirming.

A *rare combination* is an age band, an area and a health condition in the same story: each
is harmless, together they may fit one person. (Words the machine may have missed are shown
on the check page as hints near what it found, by nlp/identifiers/review/check_hints.py; a list of
every rare word flagged each Welsh word and "don't", and taught reviewers to ignore it.)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

from nlp.identifiers.core.prefilter import gated

# A combination seen in fewer stories than this (across the corpus given) counts as rare.
RARE_DOC_FREQUENCY = 3
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
CONDITIONS = gated(CONDITIONS)


@dataclass(frozen=True)
class RiskFlag:
    kind: str  # "rare_combination"
    text: str  # the term, or the combination in words
    start: int | None = None  # offset in the anonymised text, where there is one
    end: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def risk_flags(anonymised: str, combination_counts: Counter | None = None) -> list[RiskFlag]:
    """Flags for one anonymised text. Without corpus counts every age band + area + condition
    combination is reported."""
    combo = combination(anonymised)
    if combo and (combination_counts is None or combination_counts[combo] < RARE_DOC_FREQUENCY):
        return [RiskFlag("rare_combination", " + ".join(combo))]
    return []


def combination(anonymised: str) -> tuple[str, str, str] | None:
    """(age band, area, condition) when a text names all three, else None."""
    age = AGE_BAND.search(anonymised)
    area = AREA.search(anonymised)
    condition = CONDITIONS.search(anonymised)
    if not (age and area and condition):
        return None
    area_text = area.group(1) or "a named place"
    return (f"age {age.group(1)}", area_text, condition.group().lower())
