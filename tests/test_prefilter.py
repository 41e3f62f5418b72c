"""The regex gate (nlp/identifiers/core/prefilter.py) never hides a match."""

import re
import sys

import pytest

from nlp.identifiers.core.prefilter import FOLD, GatedPattern, gated, needles, starts


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


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?i)\b(?:aged|age)\s+\d+", {("age", False)}),
        (
            r"(?i)\b(?:man|woman|gentleman|gent)\s+of",
            {("man", False), ("woman", False), ("gent", False)},
        ),
        (r"(?<!\w)(?:Mr|Mrs|Dr)\.?\s+[A-Z]", {("Mr", True), ("Dr", True)}),
        (r"\((?i:aged)\)", {("(", True)}),
        (r"(?i)\b(?:son|person)\b", {("son", False), ("person", False)}),
        (r"(?i)(?:ab|c)\d", set()),  # one letter is no start
        (r"[A-Z]\w+ Road", set()),  # a class first: any capital can start a match
        (r"(?i)(?:ward)?\s*\d+", set()),  # an optional start
    ],
)
def test_starts(pattern, expected):
    assert starts(re.compile(pattern)) == expected


START_TEXTS = [
    "A person of 80 and a son of 50; my SON, aged 9, and a gentleman of 77.",
    "Persons (aged 4) and (AGED 5), mr smith and Mr Jones, and ſon of 3 " * 8,
    "the woman of 90 met a man of 91 " * 10,
    "nothing at all here " * 20,
]


@pytest.mark.parametrize("text", START_TEXTS)
@pytest.mark.parametrize(
    "source",
    [
        r"(?i)\b(?:son|person)\b\W*(?:of\s+)?\d*",
        r"(?i)\b(?:man|woman|gentleman|gent)\s+of\s+\d+",
        r"(?i)(?<=\w )(?:son|person)s?",
        r"\((?i:aged)\s+\d\)",
        r"(?i)(?:mr|dr)\s+\w+",
        r"(?i)son|on of",  # a start inside another match's span
    ],
)
def test_searching_from_starts_finds_what_the_pattern_finds(text, source, monkeypatch):
    """Searched from its starts (forced on every text here), a gated pattern finds the very
    matches, groups included, that its own scan finds."""
    monkeypatch.setattr("nlp.identifiers.core.prefilter.MIN_CHARS", 0)
    monkeypatch.setattr("nlp.identifiers.core.prefilter.CHARS_PER_START", 0.01)
    pattern = re.compile(source)
    gate = gated(pattern)
    assert gate.start_finders is not None
    assert [(m.span(), m.groups()) for m in gate.finditer(text)] == [
        (m.span(), m.groups()) for m in pattern.finditer(text)
    ]
    found, expected = gate.search(text), pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_common_starts_leave_the_scan_to_the_pattern():
    """Starts as common as "on" are not worth finding first: the pattern scans the text."""
    gate = gated(re.compile(r"(?i)\b(?:on|to)\s+ward\s+\d+"))
    assert gate._starts_in("went on to the ward and on to " * 20) is None
    assert gate._starts_in("x" * 300 + " on to ward 4") == [301, 304]


# A first-character lookahead (`quick`) changes no match, group or order.
QUICK_TEXTS = [
    "My mum, aged 84, was at Ward 7. She's eighty-four; age of 12? Mr O'Neill rang 0161 496 0000.",
    "THE ROYAL FREE HOSPITAL, Ward C4 - Kelvin \u212a and \u017ftreet; İstanbul ı",
    "dad (76) went to the care home on Oak Road; ref: AB-1234/5 - seen by Dr. A. Khan",
    "",
]


@pytest.mark.parametrize(
    "source, flags, changed",
    [
        (r"\b(?:mum|dad|aged?)\s+(?P<n>\d+)", re.IGNORECASE, True),
        (r"\b(?:aged?|age\s+of)\s+\d+", re.IGNORECASE, False),  # "age" taken out: one check
        (r"(?<![\w'])(?:mum|dad|nan)\s*\((\d+)\)", 0, True),
        (r"(?:the\s+)?(?:Royal|City)\s+(?i:free|hospital)", 0, True),  # an optional start
        (r"(?i)(?:ward|bay)\s+[a-z]?\d+", 0, True),  # global flags stay first
        (r"(?<!\w)(?:\d{1,3}|one|two)\s+years?", re.IGNORECASE, True),  # digits as "\d"
        (r"\b(?:\s*(?:flat|\d))+\b", 0, True),  # spaces as "\s"
        (r"Ward \d+", 0, False),  # a literal prefix: `re` scans quickly already
        (r"\b[A-Z][a-z]+", 0, False),  # one check first
        (r"(?<![\w'])[A-Z]\d{4}", 0, True),  # one check first, but a lookbehind before it
        (r"(?<![\w'])[a-z]+\d", 0, False),  # the same with lower-case letters first
        (r"(?:\w+\s+)?Road", 0, False),  # any word character can start it
        (r"\b(?:[A-Z]{2}|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o)\s+no", 0, True),  # many, after "\b"
        (r"(?:[A-Z]{2}|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o)\s+no", 0, False),  # too many otherwise
        (r"(?:ab)?", 0, False),  # can match nothing
        (r"\b(?:one|two)  # a number\n", re.VERBOSE, False),
    ],
)
def test_quick_finds_what_the_pattern_finds(source, flags, changed):
    from nlp.identifiers.core.prefilter import quick

    pattern = re.compile(source, flags)
    faster = quick(pattern)
    assert (faster is not pattern) == changed
    for text in QUICK_TEXTS:
        assert [(m.span(), m.groups(), m.groupdict()) for m in faster.finditer(text)] == [
            (m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)
        ]


def test_quick_finds_what_every_rule_pattern_finds():
    """Every module-level pattern of the rules, made quick, on texts of many shapes."""
    import importlib
    import pkgutil

    import nlp.identifiers as rules
    from nlp.identifiers.core.prefilter import quick

    texts = QUICK_TEXTS + [
        line
        for path in ("benchmarks/data/free_stories.jsonl", "benchmarks/data/kinds_stories.jsonl")
        for line in open(path, encoding="utf-8").read().splitlines()[:150]
    ]
    changed = 0
    for info in pkgutil.walk_packages(rules.__path__, "nlp.identifiers."):
        module = importlib.import_module(info.name)
        for value in list(vars(module).values()):
            for pattern in value if isinstance(value, tuple) else (value,):
                pattern = getattr(pattern, "pattern_", pattern)
                if not isinstance(pattern, re.Pattern):
                    continue
                faster = quick(pattern)
                if faster is pattern:
                    continue  # left as it was: nothing to compare
                changed += 1
                for text in texts:
                    assert [(m.span(), m.groups()) for m in faster.finditer(text)] == [
                        (m.span(), m.groups()) for m in pattern.finditer(text)
                    ], pattern.pattern
    assert changed > 100  # most of the slow ones


def _rule_gates() -> list[GatedPattern]:
    """Every gate the anonymiser's rules made at import."""
    import nlp.anonymise  # noqa: F401  (imports the rules)
    import nlp.identifiers.ner.ner_model  # noqa: F401
    import nlp.identifiers.recogniser.presidio_bridge  # noqa: F401

    found: dict[int, GatedPattern] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("nlp.identifiers.") or module is None:
            continue
        for value in vars(module).values():
            members = value if isinstance(value, tuple) else (value,)
            for member in members:
                if isinstance(member, GatedPattern):
                    found[id(member)] = member
    return list(found.values())


def test_the_needles_found_at_once_answer_as_each_gates_own_loop(monkeypatch):
    """`_NeedleIndex` (every gate's needles found in a story at once) gives every gate of the
    rules the answer its own loop gives, on stories and on texts that fold ("ſ", Kelvin)."""
    import json
    from pathlib import Path

    from nlp.identifiers.core import prefilter

    data = Path(__file__).parents[1] / "benchmarks" / "data" / "anon_independent_v10.jsonl"
    texts = [json.loads(line)["text"] for line in data.read_text().splitlines()[:40]]
    texts += [
        "Mr ſmith, aged 84, of Flat 2 Rowan Court, ref AB12: ward \u212aestrel. " * 4,
        "MRS JONES (AGED 90) ON THE STROKE UNIT, NHS NO 943 476 5919 " * 5,
    ]
    texts = [t for t in texts if len(t) >= prefilter.INDEX_MIN_CHARS]
    gates = _rule_gates()
    assert len(gates) > 80
    monkeypatch.setattr(prefilter, "INDEX_MIN_CHARS", 10**9)
    own = [[gate.may_match(text) for gate in gates] for text in texts]
    monkeypatch.setattr(prefilter, "INDEX_MIN_CHARS", 200)
    monkeypatch.setattr(prefilter, "LOOPS_BEFORE_INDEX", 0)
    prefilter._HELD.clear()
    at_once = [[gate.may_match(text) for gate in gates] for text in texts]
    assert at_once == own
    assert any(map(any, own)) and not all(map(all, own))
