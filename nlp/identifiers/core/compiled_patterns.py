"""Compiled regular expressions kept on disk between runs, as Python keeps compiled bytecode.

Loading the anonymiser compiles some 1,500 patterns (the rules' own, their quick forms, spaCy's
and Presidio's): a third of a second of every process, nearly all of it in `re`'s parser and
code generator, which are written in Python. What they make of a pattern and its flags is a
list of integers that `_sre.compile` turns into the Pattern object. Inside `kept_compiled()`, `re`
compiles through `_through` below: a pattern met in an earlier run goes straight to
`_sre.compile` with what was stored for it, and the Pattern it gives is equal (`==` compares
the pattern, its flags and its code) to the one `re` would make. A pattern met for the first
time is compiled by `re` and stored only when the stored form gives that same Pattern, so
nothing found can change, whatever the Python version. The file sits in the user's cache,
beside numba's (`nlp.themes.fitting.configure_numba_cache`), named by the Python build and
`_sre.MAGIC`, and holds what the last run that wrote it met (some 4 MB), so patterns the rules
no longer have drop out of it. It holds too what `remembered` was asked to keep of a pattern:
the cheap gate's reading of it (nlp/identifiers/core/prefilter.py), which parses it again.
"""

from __future__ import annotations

import _sre
import hashlib
import marshal
import os
import re
import sys
import threading
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from re import _compiler as sre_compiler
from re import _constants as sre_constants
from re import _parser as sre_parse
from typing import TypeVar

# What `_sre.compile` takes after the pattern: flags, code (kept as the bytes of an array of
# 32-bit words, `_sre`'s own unit, a quarter of a list of ints' memory), groups, group index,
# index group.
Stored = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]
T = TypeVar("T")

# The file is written again when at least this share of what a run met was not in it. Some
# rules join a set's words into a pattern in the set's order, which changes with the hash seed
# from run to run (the same matches: words of one length cannot match at one place), so a few
# dozen patterns are new in every run; they are compiled as usual rather than rewriting the
# file each time.
REWRITE_SHARE = 10
WORD = "I"  # unsigned int: 32 bits wherever CPython builds (`_sre.CODESIZE` is 4)
_installing = threading.Lock()
_installed = False
# What the open block read and keeps of patterns' readings: (kind, pattern, flags) -> value.
_readings: tuple[dict, dict] | None = None


def cache_path() -> Path:
    """Where this Python keeps the compiled patterns: a file per interpreter build."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "story-workbench"
    build = hashlib.sha1(sys.version.encode()).hexdigest()[:12]
    return base / f"patterns.{sys.implementation.cache_tag}-{_sre.MAGIC}-{build}.marshal"


@contextmanager
def kept_compiled(path: Path | None = None) -> Iterator[None]:
    """Patterns compiled in this block come from `path` (default `cache_path()`) when stored
    there; at its end the file is written again if a pattern was new. A block inside another,
    or in another thread while one is open, shares the open one's store."""
    global _installed
    try:
        path = path or cache_path()
    except RuntimeError:  # no home directory to keep a cache in
        path = None
    with _installing:
        mine = not _installed and path is not None and _sre.CODESIZE == array(WORD).itemsize
        _installed = _installed or mine
    if not mine:
        yield
        return
    global _readings
    original = sre_compiler.compile
    try:
        known, read = _read(path)
        used: dict[Key, Stored] = {}
        kept: dict = {}
        _readings = (read, kept)
        sre_compiler.compile = _through(known, used, original)
        yield
    finally:
        sre_compiler.compile = original
        _readings = None
        with _installing:
            _installed = False
    new = len(used.keys() - known.keys()) + len(kept.keys() - read.keys())
    if new and new * REWRITE_SHARE >= len(used) + len(kept):
        _write(path, (used, kept))


def remembered(kind: str, pattern: re.Pattern, work: Callable[[], T]) -> T:
    """`work()`, what `kind` makes of `pattern`, kept with the compiled patterns while a block
    is open: taken from the store when an earlier run worked it out. `kind` must name the
    version of the code that works it out (its source's hash), and the answer be made of
    what `marshal` writes (strings, numbers, tuples, frozensets, None)."""
    readings = _readings
    if readings is None:
        return work()
    key = (kind, pattern.pattern, int(pattern.flags))
    read, kept = readings
    if key in read:
        value = read[key]
    else:
        value = work()
        try:
            marshal.dumps(value)
        except ValueError:
            return value
    kept[key] = value
    return value


def _through(known: dict[Key, Stored], used: dict[Key, Stored], original):
    """`re._compiler.compile` that takes what `known` holds and notes in `used` what it took
    or could store."""

    def compile_(p, flags=0):
        if not isinstance(p, str) or flags & sre_constants.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, int(flags))
        stored = known.get(key)
        if stored is not None:
            try:
                made = _compiled(p, stored)
            except (TypeError, ValueError, RuntimeError):  # a damaged file: compile as usual
                pass
            else:
                used[key] = stored
                return made
        made = original(p, flags)
        stored = _stored(p, int(flags))
        if _compiled(p, stored) == made:
            used[key] = stored
        return made

    return compile_


def _stored(pattern: str, flags: int) -> Stored:
    """What `re._compiler.compile` hands `_sre.compile` for this pattern (its own steps)."""
    parsed = sre_parse.parse(pattern, flags)
    code = array(WORD, sre_compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _compiled(pattern: str, stored: Stored) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = stored
    return _sre.compile(pattern, flags, array(WORD, code).tolist(), groups, groupindex, indexgroup)


def _read(path: Path) -> tuple[dict[Key, Stored], dict]:
    """The compiled patterns and the readings kept in `path` (none where it is unreadable)."""
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if isinstance(loaded, tuple) and len(loaded) == 2 and all(isinstance(d, dict) for d in loaded):
        return loaded
    return {}, {}


def _write(path: Path, stored: tuple[dict[Key, Stored], dict]) -> None:
    """Written whole to a temporary file and renamed, so a process reading it at the same time
    sees the old file or the new one; where the directory is not writable, nothing is kept."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(stored))
        os.replace(temporary, path)
    except (OSError, ValueError):
        temporary.unlink(missing_ok=True)
