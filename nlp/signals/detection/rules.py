"""The rule engine: the English patterns (`rule_patterns.py`) compiled into a spaCy `Matcher`
over a blank English tokenizer, each hit checked by `held_back.py`, the Welsh rules
(`welsh.py`) beside them, and Welsh risk words no rule explained (Welsh cues).

Why apart: the rules are the half of detection that needs no statistical model, so the web
request runs them at the moment of telling (`rule_hits`); the worker runs them first and hands
the phrases they held back to the sentence models (`detector.py`). Each hit records the phrase
that fired and the rule's number.
"""

from __future__ import annotations

from functools import lru_cache

from nlp.signals.core.findings import Detection, Signal
from nlp.signals.core.normalised_text import (
    MAX_CHARS,
    lower_keeping_offsets,
    normalise,
    single_spaced,
)
from nlp.signals.look_alikes import care_accounts
from nlp.signals.look_alikes.held_back import LEFT_TO_THE_MODEL, NEGATION, why_held_back
from nlp.signals.phrasings import witness_notes
from nlp.signals.phrasings.rule_patterns import PATTERNS, WORDS, Rule
from nlp.signals.sentence_model import model as signal_model
from nlp.signals.welsh import welsh as signal_welsh

# Words the patterns use that spaCy's English tokenizer would split ("gonna" into "gon" "na",
# "i'd" into "i" "'d"), so a pattern naming them could never match: kept as one token.
# tests/test_signals_whitespace.py checks that every word of every pattern is one token.
KEPT_WHOLE = ("gonna", "i'd", "ima", "imma")


def _alternatives(spec: str) -> list[str]:
    """The words one token of a pattern accepts, word classes expanded."""
    words: list[str] = []
    for alternative in spec.removesuffix("?").split("|"):
        words.extend(WORDS[alternative[1:]] if alternative.startswith("@") else [alternative])
    return words


def _token(spec: str) -> dict:
    if spec.startswith("*"):
        return {"OP": "{0," + spec[1:] + "}"}
    token: dict = {"LOWER": {"IN": _alternatives(spec)}}
    if spec.endswith("?") and len(spec) > 1:
        token["OP"] = "?"
    return token


def _carries_negation(pattern: str) -> bool:
    """Whether the pattern itself says "not" ("don't want to live"): then a negation inside
    the matched phrase is part of it, not a denial of it."""
    return any(
        NEGATION & set(_alternatives(spec)) for spec in pattern.split() if not spec.startswith("*")
    )


@lru_cache(maxsize=1)
def _rule_engine():
    """A blank English tokenizer and the matcher, built once per process (no model loaded)."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARS + 1
    for word in KEPT_WHOLE:
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
    matcher = Matcher(nlp.vocab)
    rules: dict[str, Rule] = {}
    for signal, patterns in PATTERNS.items():
        for number, pattern in enumerate(patterns, start=1):
            key = f"{signal}#{number}"
            matcher.add(key, [[_token(spec) for spec in pattern.split()]])
            rules[key] = Rule(signal, number, _carries_negation(pattern))
    return nlp, matcher, rules


def rule_hits(text: str) -> Detection:
    """Run the rules only (English and Welsh): fast, no model, safe in a web request."""
    return run_rules(text)[0]


def run_rules(text: str) -> tuple[Detection, list[tuple[str, int, int]]]:
    """The rules' detection, and (signal, start, end) of each phrase they held back."""
    nlp, matcher, rules = _rule_engine()
    # Lower case first: the tokenizer's exceptions ("don't" -> "do", "n't") are case-sensitive.
    lowered = lower_keeping_offsets(normalise(text))
    # The English and Welsh rules read the text single-spaced; `origin` maps back.
    spaced, origin = single_spaced(lowered)
    doc = nlp(spaced)
    hits: list[tuple[int, int, Rule]] = [
        (start, end, rules[nlp.vocab.strings[key]]) for key, start, end in matcher(doc)
    ]
    strong = [(s, e) for s, e, r in hits if r.signal in ("child_abuse_neglect", "domestic_abuse")]
    found: list[tuple[str, str, str, int, int, str | None]] = []
    # Longest first so the reported phrase is the fullest one.
    for start, end, rule in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if rule.signal == "adult_abuse_neglect" and any(s < end and start < e for s, e in strong):
            continue  # "domestic abuse", "my son was abused": the more specific signal says it.
        span = doc[start:end]
        found.append(
            (
                rule.signal,
                f"{rule.signal}#{rule.number}",
                span.text,
                span.start_char,
                span.end_char,
                why_held_back(doc, start, end, rule)
                or care_accounts.why_held_back(doc, start, end, rule.signal),
            )
        )
    welsh = signal_welsh.hits(spaced)
    welsh_strong = [
        (h.start, h.end) for h in welsh if h.signal in ("child_abuse_neglect", "domestic_abuse")
    ]
    for hit in welsh:
        if hit.signal == "adult_abuse_neglect" and any(
            s < hit.end and hit.start < e for s, e in welsh_strong
        ):
            continue
        found.append((hit.signal, hit.label, hit.phrase, hit.start, hit.end, hit.held_back))
    detection = Detection()
    held: list[tuple[str, int, int]] = []
    # Once per phrase fired and once per phrase held back: a phrase held back in one sentence
    # ("suicide rates") still fires in another ("I think about suicide every day").
    seen: set[tuple[str, str, bool]] = set()
    for signal, label, phrase, start, end, reason in found:
        if reason and reason not in LEFT_TO_THE_MODEL:
            if origin is not None:
                start, end = origin[start], origin[end - 1] + 1
            held.append((signal, start, end))
        if (signal, phrase, bool(reason)) in seen:
            continue
        seen.add((signal, phrase, bool(reason)))
        if reason:
            why = f'matched "{phrase}" (rule {label}) but not counted: {reason}'
            detection.possible.append(Signal(signal, "rules", why))
        else:
            detection.signals.append(Signal(signal, "rules", f'matched "{phrase}" (rule {label})'))
    # Round 21: notes written by witnesses (a request to die, a child alone at night, oxygen by
    # a lit fire), heard by sentence patterns beside the token rules.
    detection.signals.extend(witness_notes.heard(text, set(detection.names)))
    detection.signals = _first_per_signal(detection.signals)
    detection.possible.extend(_welsh_cues(lowered, detection))
    return detection, held


def _welsh_cues(lowered: str, detection: Detection) -> list[Signal]:
    """Risk words in Welsh sentences that no rule explained: possible, for a Welsh reader."""
    explained = set(detection.names) | {s.name for s in detection.possible}
    cues: dict[str, str] = {}
    for start, end in signal_model.sentence_spans(lowered):
        sentence = lowered[start:end]
        if signal_welsh.is_welsh(sentence):
            for word, signal in signal_welsh.cue_words(sentence):
                if signal not in explained:
                    cues.setdefault(signal, word)
    return [
        Signal(signal, "rules", f'Welsh word "{word}": needs a Welsh speaker to read the story')
        for signal, word in cues.items()
    ]


def _first_per_signal(signals: list[Signal]) -> list[Signal]:
    """One signal per name, its reasons joined, so a flag says every phrase that fired."""
    merged: dict[str, Signal] = {}
    for signal in signals:
        if signal.name in merged:
            old = merged[signal.name]
            merged[signal.name] = Signal(
                old.name, old.source, f"{old.why}; {signal.why}", old.score
            )
        else:
            merged[signal.name] = signal
    return list(merged.values())
