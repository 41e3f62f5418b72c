"""What the anonymisation tests ask of `detect`: is a value wholly covered, or touched at all."""

from __future__ import annotations

from nlp.anonymise import detect


def covered(text: str, value: str) -> bool:
    """Some finding covers the first occurrence of `value` from end to end."""
    start = text.index(value)
    return any(f.start <= start and f.end >= start + len(value) for f in detect(text))


def flagged(text: str, value: str) -> bool:
    """Some finding overlaps the first occurrence of `value` (it would be redacted in part)."""
    start = text.index(value)
    return any(f.start < start + len(value) and f.end > start for f in detect(text))


def labelled(text: str, value: str) -> set[str]:
    """The labels of the findings that cover the first occurrence of `value` from end to end."""
    start = text.index(value)
    return {f.label for f in detect(text) if f.start <= start and f.end >= start + len(value)}


def covering_label(text: str, value: str, nth: int = 0) -> str | None:
    """The label of a finding covering the `nth` occurrence of `value` from end to end, or None."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    end = start + len(value)
    for f in detect(text):
        if f.start <= start and end <= f.end:
            return f.label
    return None


def found_values(detector, text: str) -> list[str]:
    """The text of each finding one detector gives, in its order."""
    return [text[f.start : f.end] for f in detector(text)]
