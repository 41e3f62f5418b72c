"""Whole numbers read from a request's form or address (ids, pages, score bounds).

Why one reading for every blueprint: `str.isdecimal()` accepts any length (and any script's
digits), and SQLite's INTEGER holds at most 2**63 - 1, so an id of 25 nines passed the check
and raised OverflowError later, in a query or in a queued job. A value that is not a number
of at most 18 digits reads as None (or is left out of a list), which each page already
treats as "none chosen"."""

from __future__ import annotations

from collections.abc import Iterable

MAX_DIGITS = 18  # 10**18 - 1 < 2**63 - 1


def parse_int(value: str | None, signed: bool = False) -> int | None:
    """`value` as an int when it is ASCII digits (with a leading minus if `signed`)."""
    if not value:
        return None
    digits = value[1:] if signed and value.startswith("-") else value
    if digits.isascii() and digits.isdigit() and len(digits) <= MAX_DIGITS:
        return int(value)
    return None


def parse_ids(values: Iterable[str]) -> list[int]:
    """The values that are ids, in order; the others are dropped."""
    return [number for number in map(parse_int, values) if number is not None]
