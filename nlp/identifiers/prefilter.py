"""A cheap, exact gate in front of a slow regex: skip it on a text it cannot match.

Most rule patterns need a word or a sign that most stories never contain ("ref", "interpreter",
"(", "@"), yet Python's `re` has no literal to look for first and tries the whole pattern at
every position of every story. `gated(pattern)` reads the compiled pattern once and works out
a few strings of which every match must contain one (RE2's "prefilter" idea); a text holding
none of them (compared without case) cannot match, so `finditer` and `search` on it answer at
once, without running the pattern. Any other text, and every other method, goes to the
pattern itself, so what is found never changes; a pattern with no such strings (any digit or
any capital can start a match) is returned as it is.

The check is sound for case too: a pattern that ignores case can match "ſ" for "s" or "K"
(Kelvin) for "k", so the text is compared after `FOLD` maps every character that `re` takes
for an ASCII letter under IGNORECASE onto that letter.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # the parser's opcodes
from re import _parser as sre_parse

LITERAL = sre_constants.LITERAL
SUBPATTERN = sre_constants.SUBPATTERN
BRANCH = sre_constants.BRANCH
REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
ATOMIC = sre_constants.ATOMIC_GROUP

ASSERT = sre_constants.ASSERT  # a lookahead or lookbehind; ASSERT_NOT is left alone
# A gate checks at most this many sets, the sharpest.
MAX_SETS = 3


# Every non-ASCII character that `re` matches against an ASCII letter when ignoring case, and
# that letter (tests/test_prefilter.py checks this against every code point).
FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}  # "İ", "ı", "ſ", "K" (Kelvin)


def _required(items) -> list[frozenset[str]]:
    """Sets of strings such that every match of this parsed sequence holds one string of each
    set (lookarounds included: the text as a whole must hold what they look for)."""
    required: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            required.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        end_run()
        if op is SUBPATTERN:
            required += _required(av[3])
        elif op is ATOMIC:
            required += _required(av)
        elif op is ASSERT:
            required += _required(av[1])
        elif op in REPEATS and av[0] >= 1:
            required += _required(av[2])
        elif op is BRANCH:
            sharpest = [_sharpest(_required(branch)) for branch in av[1]]
            if all(sharpest):
                required.append(frozenset().union(*sharpest))
    end_run()
    return [needed for needed in required if all(map(_rare_enough, needed))]


def _sharpest(required: list[frozenset[str]]) -> frozenset[str]:
    """The set most texts will lack: fewer, longer strings (empty when there is none)."""
    return max(required, key=_sharpness, default=frozenset())


def _sharpness(needed: frozenset[str]) -> tuple[int, int]:
    return (min(map(len, needed)), -len(needed))


def _rare_enough(needle: str) -> bool:
    """Two characters or more, or one sign ("(", "@", ":"): one letter or digit is in every text."""
    return len(needle) > 1 or not (needle.isalnum() or needle.isspace())


def needles(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """Sets of lower-case ASCII strings such that every match of `pattern` holds one string of
    each set: the sharpest few (none when nothing is known)."""
    if not isinstance(pattern.pattern, str):
        return ()
    required = set(_required(sre_parse.parse(pattern.pattern, pattern.flags)))
    return tuple(sorted(required, key=_sharpness, reverse=True)[:MAX_SETS])


class GatedPattern:
    """A compiled pattern with its needles: `finditer` and `search` skip a text without any;
    everything else is the pattern's own."""

    __slots__ = ("pattern_", "needles")

    def __init__(self, pattern: re.Pattern, found: tuple[frozenset[str], ...]):
        self.pattern_ = pattern
        self.needles = tuple(tuple(sorted(needed)) for needed in found)

    def may_match(self, text: str) -> bool:
        """Whether `text` holds a string of each set (in lower case): if not, no match."""
        folded = _folded(text)
        return all(any(n in folded for n in needed) for needed in self.needles)

    def finditer(self, text: str, *args, **kwargs):
        if not self.may_match(text):
            return iter(())
        return self.pattern_.finditer(text, *args, **kwargs)

    def search(self, text: str, *args, **kwargs):
        if not self.may_match(text):
            return None
        return self.pattern_.search(text, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.pattern_, name)


def gated(pattern: re.Pattern) -> re.Pattern | GatedPattern:
    """`pattern` behind a gate on the strings its matches need; itself when it needs none."""
    found = needles(pattern)
    return GatedPattern(pattern, found) if found else pattern


_last: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    """`text` in lower case with the letters `re` reads as ASCII ones made ASCII; the last
    answer is kept, since one text meets many gates in a row."""
    global _last
    if _last[0] is text:
        return _last[1]
    folded = text.lower() if text.isascii() else text.translate(FOLD).lower()
    _last = (text, folded)
    return folded


def gated_all(patterns: tuple[re.Pattern, ...]) -> tuple[re.Pattern | GatedPattern, ...]:
    """`gated` for each pattern of a tuple."""
    return tuple(map(gated, patterns))
