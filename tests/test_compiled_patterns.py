"""Patterns compiled from the on-disk store are the patterns `re` compiles
(nlp/identifiers/core/compiled_patterns.py): equal Pattern objects, so the same matches."""

from __future__ import annotations

import re
import sys
from re import _compiler as sre_compiler

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.identifiers.core import compiled_patterns
from nlp.identifiers.core.compiled_patterns import kept_compiled


def _rule_patterns() -> list[re.Pattern]:
    from nlp.anonymise import engine

    engine()  # imports every rule module and makes their quick forms
    found = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("nlp.") and module is not None:
            for value in vars(module).values():
                for member in value if isinstance(value, tuple) else (value,):
                    pattern = getattr(member, "pattern_", member)  # a gated pattern's own
                    if isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str):
                        found[(pattern.pattern, pattern.flags)] = pattern
    return list(found.values())


def _stored_again(pattern: str, flags: int) -> re.Pattern:
    return compiled_patterns._compiled(pattern, compiled_patterns._stored(pattern, flags))


def test_every_rule_pattern_compiles_the_same_from_its_stored_form():
    patterns = _rule_patterns()
    assert len(patterns) > 500
    for pattern in patterns:
        again = _stored_again(pattern.pattern, pattern.flags)
        assert again == pattern, pattern.pattern
        assert again.groupindex == pattern.groupindex


def test_a_pattern_stored_in_one_run_is_read_in_the_next_without_compiling(tmp_path, monkeypatch):
    store = tmp_path / "patterns.marshal"
    source = r"(?i)\bward\s+(?P<name>[a-z]+)\b"
    with kept_compiled(store):
        first = sre_compiler.compile(source, 0)
    assert store.exists()

    def no_compiling(*args):
        raise AssertionError("compiled again")

    with kept_compiled(store):
        monkeypatch.setattr(sre_compiler, "_code", no_compiling)
        second = sre_compiler.compile(source, 0)
    assert second == first
    assert second.groupindex == first.groupindex
    text = "Ward Rowan and ward 7"
    assert [m.span("name") for m in second.finditer(text)] == [(5, 10)]


def test_a_damaged_store_compiles_as_usual(tmp_path):
    store = tmp_path / "patterns.marshal"
    store.write_bytes(b"not a store")
    with kept_compiled(store):
        made = sre_compiler.compile(r"\d{3}", 0)
    assert made == re.compile(r"\d{3}")


def test_the_compiler_is_put_back_after_the_block(tmp_path):
    original = sre_compiler.compile
    with pytest.raises(ValueError), kept_compiled(tmp_path / "patterns.marshal"):
        assert sre_compiler.compile is not original
        raise ValueError
    assert sre_compiler.compile is original


def test_a_block_inside_another_shares_the_outer_store(tmp_path):
    with kept_compiled(tmp_path / "outer.marshal"):
        outer = sre_compiler.compile
        with kept_compiled(tmp_path / "inner.marshal"):
            assert sre_compiler.compile is outer
            sre_compiler.compile(r"bay \d+", 0)
    assert (tmp_path / "outer.marshal").exists()
    assert not (tmp_path / "inner.marshal").exists()


PIECES = st.sampled_from(
    [
        r"\b",
        r"\d+",
        r"[A-Z][a-z]+",
        r"(?P<n>\w+)",
        r"(?:mum|dad|nan)",
        r"\s*",
        r"(?<!\w)",
        r"(?=[A-Z])",
        r"[^\W\d_]{2,}",
        r"ward",
        r"\.",
        r"x?",
        r"(a|b)*?",
        r"(?i:ref)",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(PIECES, min_size=1, max_size=5),
    st.sampled_from([0, re.IGNORECASE, re.ASCII, re.IGNORECASE | re.MULTILINE]),
    st.text(alphabet="abWard7 .Mumref\nİK", max_size=40),
)
def test_stored_patterns_equal_and_find_what_re_finds(pieces, flags, text):
    source = "".join(dict.fromkeys(pieces))  # a named group at most once
    made = sre_compiler.compile(source, int(flags))
    again = _stored_again(source, int(flags))
    assert again == made
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in made.finditer(text)]


def test_the_gates_and_quick_forms_read_from_the_store_are_those_worked_out(tmp_path, monkeypatch):
    from nlp.identifiers.core import prefilter

    originals = [getattr(p, "pattern_", p) for p in _rule_patterns()]
    store = tmp_path / "patterns.marshal"

    def readings():
        out = []
        for pattern in originals:
            gate = prefilter.gated(pattern)
            out.append(
                (
                    prefilter.quick(pattern),
                    getattr(gate, "needles", None),
                    _alternatives(getattr(gate, "start_finders", None)),
                )
            )
        return out

    worked_out = readings()
    with kept_compiled(store):
        assert readings() == worked_out
    assert store.exists()

    def no_reading(pattern):
        raise AssertionError("worked out again")

    monkeypatch.setattr(prefilter, "_gate", no_reading)
    monkeypatch.setattr(prefilter, "_quick_source", no_reading)
    with kept_compiled(store):
        assert readings() == worked_out


def _alternatives(finders):
    """A gate's start finders as sets of strings: strings of one length, which cannot match at
    one place, stand in a set's order, and a set's order changes with the hash seed."""
    if finders is None:
        return None
    return tuple(None if f is None else frozenset(f.pattern.split("|")) for f in finders)


def test_a_reading_kept_under_other_code_is_not_taken(tmp_path):
    store = tmp_path / "patterns.marshal"
    pattern = re.compile(r"\bbed \d+")
    with kept_compiled(store):
        compiled_patterns.remembered("gate:old", pattern, lambda: "old answer")
    with kept_compiled(store):
        assert compiled_patterns.remembered("gate:new", pattern, lambda: "new") == "new"
        assert compiled_patterns.remembered("gate:old", pattern, lambda: "new") == "old answer"


def test_a_few_new_patterns_among_many_known_leave_the_store_as_it_was(tmp_path):
    store = tmp_path / "patterns.marshal"
    known = [rf"\bbed {n}\b" for n in range(30)]
    with kept_compiled(store):
        for source in known:
            sre_compiler.compile(source, 0)
    written = store.read_bytes()
    with kept_compiled(store):
        for source in known:
            sre_compiler.compile(source, 0)
        made = sre_compiler.compile(r"\bbay \d\b", 0)  # one in 31 is new: no rewrite
    assert made == re.compile(r"\bbay \d\b")
    assert store.read_bytes() == written
