"""The regex gate (nlp/identifiers/prefilter.py) never hides a match."""

import re
import sys

import pytest

from nlp.identifiers.prefilter import FOLD, GatedPattern, gated, needles


def test_fold_lists_every_character_re_takes_for_an_ascii_letter():
    letters = re.compile("[a-z]", re.IGNORECASE)
    found = {c for c in range(128, sys.maxunicode + 1) if letters.fullmatch(chr(c))}
    assert found == set(FOLD)
    for code, letter in FOLD.items():
        assert re.fullmatch(letter, chr(code), re.IGNORECASE)


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?i)\b(?:aged|age)\s+\d+", [{("age", False)}]),  # the parser takes out "age"
        (r"[A-Z][a-z]+\s*\(\d\)", [{("(", True)}, {(")", True)}]),
        (r"(?i)known as (?P<n>\w+)", [{("known as ", False)}]),
        (r"(?:Road|Rd|(?i:lane))\b", [{("Road", True), ("Rd", True), ("lane", False)}]),
        (
            r"(?i)(?:chair|chaired|led)\s+(?-i:By)",
            [{("chair", False), ("led", False)}, {("By", True)}],
        ),
        (r"(?:ab|cd|e)\d+", []),  # one letter is no gate: every text has one
        (r"(?:ab|c)?\d+", []),  # optional words: nothing a match must hold
        (r"\d{3}", []),
    ],
)
def test_needles(pattern, expected):
    found = needles(re.compile(pattern))
    assert set(found) == {frozenset(needed) for needed in expected}


def test_needles_of_each_part_are_all_required():
    found = needles(re.compile(r"(?i)\b(?:mr|mrs)\s+\w+\s*\(aged\s+\d+\)(?=\s*from)"))
    assert set(found) == {
        frozenset({("(aged", False)}),
        frozenset({("from", False)}),
        frozenset({("mr", False)}),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Aged 84",
        "AGED 84",
        "aGed 84",
        "Known As Bob",
        "ſtreet",
        "KNOWN AS Bob",
        "known as Bob",
        "nothing here",
    ],
)
def test_gated_finds_what_the_pattern_finds(text):
    for source in (
        r"(?i)\b(?:aged|age)\s+\d+",
        r"(?i)known as (?P<n>\w+)",
        r"(?i)street",
        r"Known(?i: as) (?P<n>\w+)",
    ):
        pattern = re.compile(source)
        gate = gated(pattern)
        assert isinstance(gate, GatedPattern)
        assert [m.span() for m in gate.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert bool(gate.search(text)) == bool(pattern.search(text))
        assert gate.pattern == source


def test_a_start_taken_out_of_alternatives_is_put_back():
    """The parser writes "was|were" as "w(?:as|ere)": the gate still looks for whole words."""
    found = needles(re.compile(r"(?i)\bshe\s+(?:was|were)\s+\d+"))
    assert frozenset({("was", False), ("were", False)}) in found
