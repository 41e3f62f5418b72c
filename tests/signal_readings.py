"""What the signal detector and its rules make of one text, for the round-by-round kind tests.

Why apart: every round's test file asks the same two questions of a sentence (what the whole
detector raises, what the rules alone raise, as the online form acts on them) and compares the
answer with the signals of risk to life.
"""

from __future__ import annotations

from nlp import signals
from nlp.signals.detection.rules import run_rules

RISK = set(signals.RISK_TO_LIFE)


def found(text: str) -> set[str]:
    """The signals the worker's whole detector raises on `text` (rules and models)."""
    return set(signals.detect(text).names)


def ruled(text: str) -> set[str]:
    """The signals the rules alone raise on `text`, as the online form acts on them."""
    return set(run_rules(text)[0].names)
