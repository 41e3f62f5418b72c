"""Risk signals in a story (issue 19): the detector and everything that trains it.

A subpackage per kind of module, imports pointing down this order, never up: `core` (the
records, the one text form, whose risk it is and when, the notes' sentence split), `phrasings`
(what a risk sounds like in English: the rules' patterns, hints of suicide, witness notes),
`look_alikes` (what sounds like a risk and is not, or not now: what holds a hit back),
`label_pairs` (labels that come in pairs), `sentence_model` (the English model), `welsh` (the
Welsh rules and model), `detection` (the rule engine, `rules.rule_hits`, and the detector that
joins it with the models) and, on top, `model_training` (run as
`python -m nlp.signals.model_training.training` and
`python -m nlp.signals.model_training.welsh_training`). The rest of the project imports the
detector's names from here, as it did when this was the single module `nlp/signals.py`.
"""

from nlp.signals.core.findings import (
    POSSIBLE_PREFIX,
    RISK_TO_LIFE,
    SAFEGUARDING_SIGNALS,
    SEVERITY,
    SIGNALS,
    Detection,
    Signal,
)
from nlp.signals.core.normalised_text import MAX_CHARS, normalise
from nlp.signals.detection.detector import detect, detect_many, model_signals, model_signals_many
from nlp.signals.detection.rules import rule_hits
from nlp.signals.phrasings.rule_patterns import PATTERNS, WORDS

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
