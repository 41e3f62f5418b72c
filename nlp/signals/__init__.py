"""Risk signals in a story (issue 19): the detector and everything that trains it.

Why a package: the detector (`detector.py`: the rules of `rules.py`, with their patterns in
`rule_patterns.py` and what holds a hit back in `held_back.py`, and the sentence model's verdicts
joined with them; the records in `findings.py`, the text form in `normalised_text.py`) sits with
the modules it reads (`context.py` for whose story and when, `model.py` and `welsh_model.py` for
the shipped weights, `welsh.py` for the Welsh rules, `welsh_heard.py` for the Welsh model in the
worker) and with those that only train (`corpus.py`, `written.py`, `training.py`,
`welsh_training.py`; run as `python -m nlp.signals.training` and
`python -m nlp.signals.welsh_training`). The rest of the project imports the detector's names
from here, as it did when this was the single module `nlp/signals.py`.
"""

from nlp.signals.detector import detect, detect_many, model_signals, model_signals_many
from nlp.signals.findings import (
    POSSIBLE_PREFIX,
    RISK_TO_LIFE,
    SAFEGUARDING_SIGNALS,
    SEVERITY,
    SIGNALS,
    Detection,
    Signal,
)
from nlp.signals.normalised_text import MAX_CHARS, normalise
from nlp.signals.rule_patterns import PATTERNS, WORDS
from nlp.signals.rules import rule_hits

__all__ = [
    "MAX_CHARS",
    "PATTERNS",
    "POSSIBLE_PREFIX",
    "RISK_TO_LIFE",
    "SAFEGUARDING_SIGNALS",
    "SEVERITY",
    "SIGNALS",
    "WORDS",
    "Detection",
    "Signal",
    "detect",
    "detect_many",
    "model_signals",
    "model_signals_many",
    "normalise",
    "rule_hits",
]
