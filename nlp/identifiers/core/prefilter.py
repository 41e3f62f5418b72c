"""A cheap, exact gate in front of a slow regex: skip it on a text it cannot match.

Most rule patterns need a word or a sign that most stories never contain ("ref", "interpreter",
"(", "@"), yet Python's `re` has no literal to look for first and tries the whole pattern at
every position of every story. `gated(pattern)` reads the compiled pattern once and works out
a few sets of strings such that every match holds a string of each set (RE2's "prefilter"
idea). A text without any string of one set (looked for as written where the pattern heeds
case, in any case where it does not) cannot match, so `finditer` and `search` on it answer at
once, without running the pattern. Any other text, and every other method, goes to the
pattern itself, so what is found never changes; a pattern with no such strings (any digit or
any capital can start a match) is returned as it is.

The check is sound for case too: a pattern that ignores case can match "ſ" for "s" or "K"
(Kelvin) for "k", so the text is compared after `FOLD` maps every character that `re` takes
for an ASCII letter under IGNORECASE onto that letter.

A text that passes the gate is searched only where a match can start, when every match must
start with one of a few strings (`starts`: "aged 84" starts with "age", "a man of 79" with
"man", "woman", ...): `re` would otherwise try the whole pattern at every position (a pattern
that ignores case gets no quick scan for its first letter), where `str.find` skips to those
strings and `match` tries the pattern at each. `match` at a position is what a search tries
there (lookbehinds and `\b` still see the text before it), so the matches are the same.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from re import _compiler as sre_compiler  # its prefix scans, to see where `re` is quick already
from re import _constants as sre_constants  # the parser's opcodes
from re import _parser as sre_parse
from typing import TypeVar

from nlp.identifiers.core.compiled_patterns import remembered

LITERAL = sre_constants.LITERAL
SUBPATTERN = sre_constants.SUBPATTERN
BRANCH = sre_constants.BRANCH
REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
ATOMIC = sre_constants.ATOMIC_GROUP
ASSERT = sre_constants.ASSERT  # a lookahead or lookbehind; ASSERT_NOT is left alone
# What a match may begin with without taking a character: "\b", "^", lookarounds.
ZERO_WIDTH = (sre_constants.AT, ASSERT, sre_constants.ASSERT_NOT)
# A gate checks at most this many sets, the sharpest.
MAX_SETS = 3
# A text is searched from its starts only when it is this long and has no more than one start
# in this many characters; otherwise the pattern scans it, which is then as quick.
MIN_CHARS = 200
CHARS_PER_START = 40


# Every non-ASCII character that `re` matches against an ASCII letter when ignoring case, and
# that letter (tests/test_prefilter.py checks this against every code point).
FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}  # "İ", "ı", "ſ", "K" (Kelvin)


T = TypeVar("T")

# A needle: a string, and whether it must be found as written (a case-sensitive part of the
# pattern) or may be found in any case (compared with the text in lower case).
Needle = tuple[str, bool]


def _required(items, ignore_case: bool) -> list[frozenset[Needle]]:
    """Sets of needles such that every match of this parsed sequence holds one needle of each
    set (lookarounds included: the text as a whole must hold what they look for)."""
    required: list[frozenset[Needle]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            required.append(frozenset({("".join(run), not ignore_case)}))
            run.clear()

    for op, av in items:
        if op is LITERAL and av < 128:
            run.append(chr(av).lower() if ignore_case else chr(av))
            continue
        if op is BRANCH and run:
            # The parser takes a common start out of the alternatives ("w(?:as|ere)" for
            # "was|were"): that start and each alternative's own first letters are one string.
            start = "".join(run)
            required.append(
                frozenset(
                    (start + _leading(branch, ignore_case), not ignore_case) for branch in av[1]
                )
            )
        end_run()
        if op is SUBPATTERN:
            _, add_flags, del_flags, inner = av
            inner_case = ignore_case
            if add_flags & re.IGNORECASE:
                inner_case = True
            if del_flags & re.IGNORECASE:
                inner_case = False
            required += _required(inner, inner_case)
        elif op is ATOMIC:
            required += _required(av, ignore_case)
        elif op is ASSERT:
            required += _required(av[1], ignore_case)
        elif op in REPEATS and av[0] >= 1:
            required += _required(av[2], ignore_case)
        elif op is BRANCH:
            sharpest = [_sharpest(_required(branch, ignore_case)) for branch in av[1]]
            if all(sharpest):
                required.append(frozenset().union(*sharpest))
    end_run()
    return [_shortest(needed) for needed in required if all(map(_rare_enough, needed))]


def _leading(items, ignore_case: bool) -> str:
    """The ASCII letters a parsed sequence starts with, as `_required` writes them."""
    lead = []
    for op, av in items:
        if op is not LITERAL or av >= 128:
            break
        lead.append(chr(av).lower() if ignore_case else chr(av))
    return "".join(lead)


def _shortest(needed: frozenset[Needle]) -> frozenset[Needle]:
    """The same set without needles that hold another of its needles: a text with "chaired"
    holds "chair", so {"chair", "chaired"} asks no more than {"chair"}, in one look."""
    return frozenset(
        n for n in needed if not any(m != n and m[1] == n[1] and m[0] in n[0] for m in needed)
    )


def _sharpest(required: list[frozenset[Needle]]) -> frozenset[Needle]:
    """The set most texts will lack: fewer, longer needles (empty when there is none)."""
    return max(required, key=_sharpness, default=frozenset())


def _sharpness(needed: frozenset[Needle]) -> tuple[int, int]:
    return (min(len(n) for n, _ in needed), -len(needed))


def _rare_enough(needle: Needle) -> bool:
    """Two characters or more, or one sign ("(", "@", ":"): one letter or digit is in every text."""
    text = needle[0]
    return len(text) > 1 or not (text.isalnum() or text.isspace())


def _parse(pattern: re.Pattern) -> sre_parse.SubPattern:
    return sre_parse.parse(pattern.pattern, pattern.flags)


def needles(
    pattern: re.Pattern, parsed: sre_parse.SubPattern | None = None
) -> tuple[frozenset[Needle], ...]:
    """Sets of needles (ASCII strings) such that every match of `pattern` holds one needle of
    each set: the sharpest few (none when nothing is known). `parsed` is the pattern already
    parsed, when the caller has it (parsing is most of the cost, at import)."""
    if not isinstance(pattern.pattern, str):
        return ()
    if parsed is None:
        parsed = _parse(pattern)
    required = set(_required(parsed, bool(parsed.state.flags & re.IGNORECASE)))
    return tuple(sorted(required, key=_sharpness, reverse=True)[:MAX_SETS])


def _starts(items, ignore_case: bool) -> frozenset[Needle] | None:
    """Needles one of which every match of this parsed sequence starts with, at its first
    character (None when there are none): a run of ASCII literals after any zero-width
    assertions, or one from each alternative of a group there."""
    items = list(items)
    i = 0
    while i < len(items) and items[i][0] in ZERO_WIDTH:
        i += 1
    run = []
    while i < len(items) and items[i][0] is LITERAL and items[i][1] < 128:
        run.append(chr(items[i][1]).lower() if ignore_case else chr(items[i][1]))
        i += 1
    if run:
        needle = ("".join(run), not ignore_case)
        return frozenset({needle}) if _rare_enough(needle) else None
    if i == len(items):
        return None
    op, av = items[i]
    if op is SUBPATTERN:
        _, add_flags, del_flags, inner = av
        inner_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
            del_flags & re.IGNORECASE
        )
        return _starts(inner, inner_case)
    if op is BRANCH:
        found: set[Needle] = set()
        for branch in av[1]:
            some = _starts(branch, ignore_case)
            if not some:
                return None
            found |= some
        return frozenset(found)
    return None


def starts(pattern: re.Pattern, parsed: sre_parse.SubPattern | None = None) -> frozenset[Needle]:
    """Needles one of which every match of `pattern` starts with (empty when not known),
    without one that starts with another ("gentleman" begins where "gent" does). `parsed` as
    for `needles`."""
    if not isinstance(pattern.pattern, str):
        return frozenset()
    if parsed is None:
        parsed = _parse(pattern)
    found = _starts(parsed, bool(parsed.state.flags & re.IGNORECASE)) or frozenset()
    return frozenset(n for n in found if not any(_begins_with(n, m) for m in found))


def _begins_with(needle: Needle, other: Needle) -> bool:
    """Whether `needle` is `other` and more, found the same way ("gentleman", "gent")."""
    return needle != other and needle[1] == other[1] and needle[0].startswith(other[0])


def _finder(strings: tuple[str, ...]) -> re.Pattern | None:
    """One case-sensitive pattern for these strings: `re` scans for their first letters fast."""
    if not strings:
        return None
    return re.compile("|".join(map(re.escape, sorted(strings, key=len, reverse=True))))


class GatedPattern:
    """A compiled pattern with its needles: `finditer` and `search` skip a text without any;
    everything else is the pattern's own."""

    __slots__ = ("pattern_", "needles", "split", "sets", "registered", "start_finders", "behind")

    def __init__(
        self,
        pattern: re.Pattern,
        found: tuple[frozenset[Needle], ...],
        begins: frozenset[Needle] = frozenset(),
        behind: re.Pattern | None = None,
    ):
        self.pattern_ = pattern
        # A gate written by hand (`gated`'s `behind`), searched once the needles are found.
        self.behind = behind
        # Where a match can start: finders for the strings to find as written and in any case.
        self.start_finders = (
            (
                _finder(tuple(n for n, as_written in begins if as_written)),
                _finder(tuple(n for n, as_written in begins if not as_written)),
            )
            if begins
            else None
        )
        self.needles = tuple(tuple(sorted(needed)) for needed in found)
        # Each set as its strings to find as written and its strings to find in any case, so
        # the check below reads plain strings.
        self.split = tuple(
            (
                tuple(needle for needle, as_written in needed if as_written),
                tuple(needle for needle, as_written in needed if not as_written),
            )
            for needed in self.needles
        )
        # The same sets to compare with the needles a text holds (`_NeedleIndex`), and how far
        # the registry of every gate's needles had grown once this gate's were in.
        self.sets = tuple(
            (frozenset(written), frozenset(any_case)) for written, any_case in self.split
        )
        self.registered = _register(self.split)

    def may_match(self, text: str) -> bool:
        """Whether `text` holds a needle of each set: if not, the pattern cannot match. A whole
        story is compared with the needles it holds, found once for every gate
        (`_NeedleIndex`) once it has met a few gates; a short string, or a story's first few
        gates, look for this gate's needles alone."""
        if INDEX_MIN_CHARS <= len(text) <= INDEX_MAX_CHARS:
            held = _HELD.get(id(text))
            if held is None or held[2] is None or held[0] is not text or held[1] < self.registered:
                held = _holds(text, self.registered, held)
            if held[2] is not None:
                written_held, any_case_held = held[2], held[3]
                for written, any_case in self.sets:
                    if written_held.isdisjoint(written) and any_case_held.isdisjoint(any_case):
                        return False
                return True
        last = _last  # `_folded` inline: this runs a hundred times for each text
        folded = last[1] if last[0] is text else _folded(text)
        for written, any_case in self.split:  # plain loops, for the same reason
            for needle in written:
                if needle in text:
                    break
            else:
                for needle in any_case:
                    if needle in folded:
                        break
                else:
                    return False
        return True

    def finditer(self, text: str, *args, **kwargs):
        if not self.may_match(text) or self._shut(text, args or kwargs):
            return iter(())
        at = None if args or kwargs else self._starts_in(text)
        if at is None:
            return self.pattern_.finditer(text, *args, **kwargs)
        return self._matches_at(text, at)

    def search(self, text: str, *args, **kwargs):
        if not self.may_match(text) or self._shut(text, args or kwargs):
            return None
        at = None if args or kwargs else self._starts_in(text)
        if at is None:
            return self.pattern_.search(text, *args, **kwargs)
        return next(self._matches_at(text, at), None)

    def _shut(self, text: str, narrowed) -> bool:
        """Whether the hand-written gate finds nothing in `text`, so the pattern cannot match.
        Only for a search of the whole text: a gate may look past where a narrowed search
        (`pos`, `endpos`) must stop."""
        return self.behind is not None and not narrowed and self.behind.search(text) is None

    def _starts_in(self, text: str) -> list[int] | None:
        """Every position in `text` where one of the pattern's starts is, in order; None when
        the pattern's own scan is likely quicker (a short text, or starts so common that
        trying the pattern at each costs more)."""
        if self.start_finders is None or len(text) < MIN_CHARS:
            return None
        most = len(text) // CHARS_PER_START
        written, any_case = self.start_finders
        at: set[int] = set()
        for finder, where in ((written, text), (any_case, None)):
            if finder is None:
                continue
            if where is None:
                where = _folded(text)
            search = finder.search
            found = search(where)
            while found is not None:  # overlapping starts too ("son" inside "person")
                at.add(found.start())
                if len(at) > most:
                    return None
                found = search(where, found.start() + 1)
        return sorted(at)

    def _matches_at(self, text: str, at: list[int]):
        """`finditer`'s matches, the pattern tried only at these positions. Every match takes
        at least a start's first character, so none is empty and the next one is looked for
        from where the last ended, as `finditer` does."""
        match = self.pattern_.match
        end = 0
        for position in at:
            if position >= end:
                found = match(text, position)
                if found is not None:
                    end = found.end()
                    yield found

    def __getattr__(self, name: str):
        return getattr(self.pattern_, name)


# ---------------------------------------------------------------------------------------------
# Every gate's needles, found in a story at once.
#
# A story meets some 180 gates in a row, and each gate looks for its needles with `in`: a needle
# the story lacks costs a scan of the whole story, and most needles are lacking. The needles of
# every gate are put in one pattern instead, a trie of alternatives inside a lookahead, which
# reads the story once and answers at each position with the longest needle that starts there.
# Every needle that starts there is a prefix of that one, so the needles a story holds are the
# found ones and their prefixes that are needles; a gate then compares its sets with them.
# Needles of one or two characters (".", "he", "in") are in nearly every story, where `in` finds
# them at once: they are looked for with `in`, and the trie holds the longer ones.

# A text shorter than this (a line, a word) is checked by each gate's own loop: finding every
# needle in it costs more than the few `in` scans a gate makes. So is a text for its first few
# gates: some texts meet only a few (a rendered text, a line a rule reads again), and finding
# every needle costs about as much as fifty gates' own loops.
INDEX_MIN_CHARS = 200
LOOPS_BEFORE_INDEX = 20
# How many texts' needles are kept: a story is read by the rules, then by the NER's
# safeguards and the settling, with other texts between, and a batch holds 256 stories. The
# texts are kept with them, so a longer text than a piece spaCy reads (nlp.anonymise's
# CHUNK_CHARS) keeps the gates' own loops: the kept texts then hold 10 MB at most.
KEPT_TEXTS = 512
INDEX_MAX_CHARS = 20_000
TRIE_MIN_LENGTH = 3

# The needles of every gate made so far: to find as written, and in any case.
_REGISTRY: tuple[set[str], set[str]] = (set(), set())
_REGISTERED = [0]  # how many gates have put their needles in


def _register(split: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> int:
    for written, any_case in split:
        _REGISTRY[0].update(written)
        _REGISTRY[1].update(any_case)
    _REGISTERED[0] += 1
    return _REGISTERED[0]


def _trie(words: list[str]) -> str:
    """One pattern for `words` whose match at a position is the longest word starting there."""
    root: dict = {}
    for word in words:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = [re.escape(c) + emit(node[c]) for c in sorted(k for k in node if k)]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


class _NeedleFinder:
    """The needles of one kind (as written, or in any case) that a text holds."""

    def __init__(self, words: set[str]):
        long = sorted(w for w in words if len(w) >= TRIE_MIN_LENGTH)
        self.short = tuple(sorted(w for w in words if len(w) < TRIE_MIN_LENGTH))
        self.trie = re.compile(f"(?=({_trie(long)}))") if long else None
        known = set(long)
        # Each long needle with the needles it begins with (itself among them).
        self.prefixes = {
            w: frozenset(w[:n] for n in range(TRIE_MIN_LENGTH, len(w) + 1) if w[:n] in known)
            for w in long
        }

    def held(self, text: str) -> set[str]:
        found = {w for w in self.short if w in text}
        if self.trie is not None:
            prefixes = self.prefixes
            for longest in set(self.trie.findall(text)):
                found |= prefixes[longest]
        return found


class _NeedleIndex:
    """Finders for the needles of the gates registered so far (`covers` of them)."""

    def __init__(self):
        self.covers = _REGISTERED[0]
        self.written = _NeedleFinder(set(_REGISTRY[0]))
        self.any_case = _NeedleFinder(set(_REGISTRY[1]))


_index: _NeedleIndex | None = None
# By the id of each text asked about lately (itself kept, so no other takes its id):
# (text, gates covered, needles held as written, in any case), or, for its first few gates,
# (text, gates covered, None, how many gates asked).
_HELD: dict[int, tuple] = {}


def _holds(text: str, registered: int, held: tuple | None) -> tuple:
    """The `_HELD` entry for `text` after one more gate asked: a count until it has met
    `LOOPS_BEFORE_INDEX` gates, then its needles, the index rebuilt first if a gate made since
    lacks its needles."""
    global _index
    if held is None or held[0] is not text:
        held = (text, registered, None, 1)
        if len(_HELD) >= KEPT_TEXTS:
            _HELD.pop(next(iter(_HELD), None), None)  # the oldest
    elif held[2] is None and held[3] < LOOPS_BEFORE_INDEX:
        held = (text, registered, None, held[3] + 1)
    else:
        index = _index
        if index is None or index.covers < registered:
            index = _index = _NeedleIndex()
        held = (text, index.covers, index.written.held(text), index.any_case.held(_folded(text)))
    _HELD[id(text)] = held
    return held


def gated(pattern: re.Pattern, behind: re.Pattern | None = None) -> re.Pattern | GatedPattern:
    """`pattern` behind a gate on the strings its matches need; itself when it needs none.
    Meant for a pattern run over whole texts: on single words the check costs more than the
    search it spares. The pattern is parsed once for both `needles` and `starts` (neither
    changes the parsed pattern: they only read it).

    `behind`, when given, is a second gate written by hand: a pattern for a part every match
    of `pattern` holds (its rare tail: "(88)" of "my dad (88)"), searched in a text that has
    the needles. A pattern whose needles are common words ("son", "on", "and") passes the
    first gate in nearly every story and then tries its words at every one of them; its tail
    is seldom there. A match's part matches where it stands, so a text where `behind` finds
    nothing holds no match (tests/test_hand_gates.py checks each gate on look-alikes)."""
    if not isinstance(pattern.pattern, str):
        return pattern
    found, begins = _kept("gate", pattern, _gate)
    if not found and behind is None:
        return pattern
    return GatedPattern(pattern, found, begins, behind)


def _gate(pattern: re.Pattern) -> tuple[tuple[frozenset[Needle], ...], frozenset[Needle]]:
    parsed = _parse(pattern)
    found = needles(pattern, parsed)
    return found, starts(pattern, parsed) if found else frozenset()


def _kept(kind: str, pattern: re.Pattern, work: Callable[[re.Pattern], T]) -> T:
    """`work(pattern)`, kept with the compiled patterns from one run to the next while they
    are (nlp/identifiers/core/compiled_patterns.py): parsing a pattern again for its gate and
    its quick form is a fifth of a second of every start-up. Kept under this module's source,
    so a reading made by other code is never taken."""
    version = _source_hash()
    if version is None:
        return work(pattern)
    return remembered(f"{kind}:{version}", pattern, lambda: work(pattern))


@functools.cache
def _source_hash() -> str | None:
    try:
        return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()
    except OSError:
        return None


def for_last_text(find: Callable[[str], list[re.Match]]) -> Callable[[str], list[re.Match]]:
    """`find`, keeping its answer for the last text it was asked about: two passes that read
    the same matches of one text, one right after the other, search it once. (`_folded` below
    keeps its last answer the same way, written out, since gates read it inline.)"""
    last: tuple[str | None, list[re.Match]] = (None, [])

    @functools.wraps(find)
    def kept(text: str) -> list[re.Match]:
        nonlocal last
        seen = last  # read once: another thread may replace it
        if seen[0] is text:
            return seen[1]
        found = find(text)
        last = (text, found)
        return found

    return kept


_last: tuple[str, str] = ("", "")


def folded(text: str) -> str:
    """`text` as a gate compares it with a pattern that ignores case: in lower case, with the
    letters `re` reads as ASCII ones made ASCII. For a gate written by hand (`in` and a
    pattern without IGNORECASE on this text find what the pattern's ignoring of case would)."""
    return _folded(text)


def _folded(text: str) -> str:
    """`text` in lower case with the letters `re` reads as ASCII ones made ASCII; the last
    answer is kept, since one text meets many gates in a row."""
    global _last
    last = _last  # read once: another thread may replace it
    if last[0] is text:
        return last[1]
    # `translate` looks up every character of a text that is not ASCII (a curly quote is
    # enough): tens of microseconds a text, where four `in` scans take one or two.
    folded = text.translate(FOLD).lower() if _foldable(text) else text.lower()
    _last = (text, folded)
    return folded


FOLDABLE = tuple(map(chr, FOLD))


def _foldable(text: str) -> bool:
    """Whether `text` holds a character `FOLD` changes (never an ASCII text)."""
    if text.isascii():
        return False
    for c in FOLDABLE:
        if c in text:
            return True
    return False


def gated_all(
    patterns: tuple[re.Pattern | GatedPattern, ...],
) -> tuple[re.Pattern | GatedPattern, ...]:
    """`gated` for each pattern of a tuple (one gated already, with its hand-written gate, as
    it is)."""
    return tuple(p if isinstance(p, GatedPattern) else gated(p) for p in patterns)


# ---------------------------------------------------------------------------------------------
# A first-character lookahead: `re` fails most positions of a text at once.
#
# `re` skips quickly to where a match can begin only when a pattern opens with a literal or a
# character class that heeds case. A pattern that opens with "\b" or a lookbehind, or that
# ignores case, gets no such scan, and where its first step is an alternation ("(?:aged|age
# of|...)") or an optional part, `re` enters every alternative at every position of the text.
# `quick` reads the parsed pattern for every character a match can take first and puts a
# lookahead for them after the pattern's leading assertions: "\b(?=[ACac])(?:aged?|care)...".
# At most positions that one check fails and the pattern goes no further; where it holds, the
# pattern runs as written. Where a pattern opens with a lookbehind ("(?<![\w'’-])") and its
# first characters are rare (a few letters, or capitals and figures), the lookahead goes before
# the lookbehind, even where one character test comes first: it fails nearly every position at
# once, where the lookbehind fails only those inside words. A lookahead consumes nothing and
# holds wherever a match can start, so the matches, their groups and their order are the same
# (tests/test_prefilter.py checks it against every pattern of the rules on real text).

ZERO_WIDTH_OPS = (sre_constants.AT, ASSERT, sre_constants.ASSERT_NOT)
ONE_CHECK = (LITERAL, sre_constants.IN, sre_constants.NOT_LITERAL)
# A lookahead for more characters than this fails too few positions to pay for itself.
MAX_FIRST_CHARS = 40
# After a leading "\b", which holds at a word's end as well as at its start, a lookahead for
# letters still fails every word's end at once, where the pattern would try each of its
# alternatives: nearly every letter may be first (cued_references.CUE, twice as quick).
MAX_FIRST_CHARS_AFTER_EDGE = 80
# First characters as few as this (in any case: "d", "m", "n" of "dad", "mum", "nan") are rare
# enough for the lookahead to go before a leading lookbehind (`_rare_first`); past seven, timed
# on the rules' patterns, the lookbehind first was as quick or quicker.
RARE_FIRST_CHARS = 6
# Categories a lookahead takes as they are: the code standing for each among the characters
# (below any character's), how it is written, and how many characters it counts for (its ASCII
# ones: "\\d" takes other scripts' digits too, which stories seldom hold).
CATEGORY_CODES = {sre_constants.CATEGORY_DIGIT: -1, sre_constants.CATEGORY_SPACE: -2}
CATEGORY_CLASSES = {-1: ("\\d", 10), -2: ("\\s", 6)}


class _AnyFirst(Exception):
    """A part that can start with too many characters to list (".", "\\w", a negated class)."""


def _first_chars(items, ignore_case: bool, found: set[tuple[int, int, bool]]) -> bool:
    """Add to `found` the (low, high, ignoring case) ranges of every character a match of this
    parsed sequence can take first; answer whether the sequence can match nothing at all."""
    for op, av in items:
        if op in ZERO_WIDTH_OPS:
            continue
        if op is LITERAL:
            found.add((av, av, ignore_case))
            return False
        if op is sre_constants.IN:
            for kind, value in av:
                if kind is LITERAL:
                    found.add((value, value, ignore_case))
                elif kind is sre_constants.RANGE:
                    found.add((value[0], value[1], ignore_case))
                elif kind is sre_constants.CATEGORY and value in CATEGORY_CODES:
                    code = CATEGORY_CODES[value]  # "\d", "\s": written as they are
                    found.add((code, code, False))
                else:  # a wider category ("\w") or a negated class
                    raise _AnyFirst
            return False
        if op is BRANCH:
            empty = False
            for branch in av[1]:
                empty |= _first_chars(branch, ignore_case, found)
            if not empty:
                return False
        elif op is SUBPATTERN:
            _, add_flags, del_flags, inner = av
            inner_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
                del_flags & re.IGNORECASE
            )
            if not _first_chars(inner, inner_case, found):
                return False
        elif op is ATOMIC:
            if not _first_chars(av, ignore_case, found):
                return False
        elif op in REPEATS:
            least, _, body = av
            if not _first_chars(body, ignore_case, found) and least >= 1:
                return False
        else:  # a back-reference, a conditional, "."
            raise _AnyFirst
    return True


def _one_check_first(items) -> bool:
    """Whether the first step after the leading assertions is one character test (a literal or
    a class, perhaps repeated): `re` fails it as fast as a lookahead would."""
    for op, av in items:
        if op in ZERO_WIDTH_OPS:
            continue
        if op in ONE_CHECK:
            return True
        if op is SUBPATTERN:
            return _one_check_first(av[3])
        if op is ATOMIC:
            return _one_check_first(av)
        if op in REPEATS:
            return av[0] >= 1 and _one_check_first(av[2])
        return False
    return False


def _after_leading_assertions(source: str) -> int:
    """Where the leading "\\b", "\\B", "\\A", "^" and lookarounds of a pattern's source end
    (0 when it opens otherwise). Stopping early is safe: the lookahead then goes before some
    of them, which are zero-width checks at the same position."""
    at = 0
    while at < len(source):
        if source.startswith(("\\b", "\\B", "\\A"), at):
            at += 2
        elif source[at] == "^":
            at += 1
        elif source.startswith(("(?<!", "(?<=", "(?!", "(?="), at):
            end = _group_end(source, at)
            if end is None:
                return at
            at = end
        else:
            return at
    return at


def _group_end(source: str, at: int) -> int | None:
    """The offset after the group opening at `at`, skipping escapes and classes."""
    depth = 0
    i = at
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if source[i : i + 1] == "^":
                i += 1
            if source[i : i + 1] == "]":
                i += 1
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
LOOKBEHIND = re.compile(r"\(\?<[!=]")


def quick(pattern: re.Pattern) -> re.Pattern:
    """`pattern` with a lookahead for its first characters (see above), or itself where `re`
    already scans quickly, where a match can start with too many characters, where a match
    can be empty, and for verbose patterns (whose comments the source scan does not read)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return pattern
    source = _kept("quick", pattern, _quick_source)
    return pattern if source is None else re.compile(source, pattern.flags)


def _quick_source(pattern: re.Pattern) -> str | None:
    """The source of `quick(pattern)`, or None where it is the pattern itself."""
    parsed = _parse(pattern)
    flags = parsed.state.flags
    prefix, _, _ = sre_compiler._get_literal_prefix(parsed, flags)
    if prefix or sre_compiler._get_charset_prefix(parsed, flags):
        return None
    first: set[tuple[int, int, bool]] = set()
    try:
        if _first_chars(parsed, bool(flags & re.IGNORECASE), first):
            return None
    except _AnyFirst:
        return None
    source = pattern.pattern
    head = GLOBAL_FLAGS.match(source)
    at = head.end() if head else 0
    lead = at + _after_leading_assertions(source[at:])
    most = MAX_FIRST_CHARS_AFTER_EDGE if "\\b" in source[at:lead] else MAX_FIRST_CHARS
    if sum(_width(low, high) for low, high, _ in first) > most:
        return None
    # Before a leading lookbehind when the first characters are rare (see above), else after
    # the leading assertions, and not at all where one character test comes first anyway.
    before = LOOKBEHIND.search(source, at, lead) is not None and _rare_first(first)
    if not before and _one_check_first(parsed):
        return None
    chars = "".join(
        CATEGORY_CLASSES[low][0]
        if low in CATEGORY_CLASSES
        else re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high)))
        for low, high, _ in sorted(first)
    )
    # A part that ignores case inside a pattern that heeds it: the lookahead ignores case too.
    if flags & re.IGNORECASE or not any(case for *_, case in first):
        lookahead = f"(?=[{chars}])"
    else:
        lookahead = f"(?=(?i:[{chars}]))"
    at = at if before else lead
    faster = source[:at] + lookahead + source[at:]
    made = re.compile(faster, pattern.flags)
    if made.groups != pattern.groups or made.groupindex != pattern.groupindex:
        return None
    return faster


def _rare_first(first: set[tuple[int, int, bool]]) -> bool:
    """Whether the first characters are few (`RARE_FIRST_CHARS`) or leave out the lower-case
    letters (capitals, figures, "@"), as written: then the lookahead fails most positions, a
    lookbehind only those inside words."""
    if sum(_width(low, high) for low, high, _ in first) <= RARE_FIRST_CHARS:
        return True
    return not any(
        ignore_case or (low <= ord("z") and high >= ord("a"))
        for low, high, ignore_case in first
        if low not in CATEGORY_CLASSES
    )


def _width(low, high) -> int:
    return CATEGORY_CLASSES[low][1] if low in CATEGORY_CLASSES else high - low + 1


# By id: the pattern (kept alive, so no other takes its id) and its quick one.
_QUICK: dict[int, tuple[re.Pattern, re.Pattern]] = {}
_MADE_QUICK: set[int] = set()  # ids of the quick ones
_QUICKENED: set[str] = set()


def quicken(prefix: str = "nlp.identifiers.") -> None:
    """Put `quick` patterns in place of the module-level patterns (and tuples of them, and
    gated patterns' own) of every loaded module under `prefix`, once per module. Called when
    the anonymiser's models load (nlp.anonymise, nlp.identifiers.ner.ner_model), after the
    modules built their patterns from one another's sources, before any thread starts."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith(prefix) or name in _QUICKENED or module is None:
            continue
        _QUICKENED.add(name)
        for key, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                setattr(module, key, _quick_once(value))
            elif isinstance(value, GatedPattern):
                value.pattern_ = _quick_once(value.pattern_)
            elif (
                isinstance(value, tuple)
                and value
                and all(isinstance(v, (re.Pattern, GatedPattern)) for v in value)
            ):
                setattr(module, key, tuple(map(_quick_member, value)))


def _quick_member(value: re.Pattern | GatedPattern) -> re.Pattern | GatedPattern:
    if isinstance(value, GatedPattern):
        value.pattern_ = _quick_once(value.pattern_)
        return value
    return _quick_once(value)


def _quick_once(pattern: re.Pattern) -> re.Pattern:
    """`quick(pattern)`, worked out once for a pattern that several modules import, and the
    same object for a pattern already made quick."""
    if id(pattern) in _MADE_QUICK:
        return pattern
    known = _QUICK.get(id(pattern))
    if known is None:
        known = (pattern, quick(pattern))
        _QUICK[id(pattern)] = known
        _MADE_QUICK.add(id(known[1]))
    return known[1]
