"""Numbers read from requests: what fits SQLite's INTEGER and is written in ASCII digits, or
nothing (a 25-digit id once reached a queued job and failed there)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.request_ids import parse_ids, parse_int


@pytest.mark.parametrize(
    ("value", "signed", "expected"),
    [
        ("42", False, 42),
        ("007", False, 7),
        ("9" * 18, False, 10**18 - 1),
        ("9" * 19, False, None),
        ("-3", True, -3),
        ("-3", False, None),
        ("--3", True, None),
        ("-", True, None),
        ("", False, None),
        (None, False, None),
        ("\u0663", False, None),  # an Arabic-Indic digit
        ("²", False, None),  # a superscript: isdigit() says yes, int() says no
        (" 4", False, None),
        ("4.0", False, None),
    ],
)
def test_parse_int(value, signed, expected) -> None:
    assert parse_int(value, signed=signed) == expected


def test_parse_ids_keeps_the_ids_in_order_and_drops_the_rest() -> None:
    assert parse_ids(["3", "x", "9" * 30, "1", ""]) == [3, 1]


@given(st.text(max_size=30))
def test_whatever_is_sent_is_none_or_an_int_sqlite_stores(value: str) -> None:
    number = parse_int(value, signed=True)
    if number is not None:
        assert sqlite3.connect(":memory:").execute("SELECT ?", [number]).fetchone() == (number,)
