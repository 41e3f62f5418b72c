"""The withdrawal journal: every take-back, written outside the database so a restore keeps it.

A backup is a copy of the database as it was. Restoring one brings back every story withdrawn
since, and every quote, contact detail or equality answer a teller took back since, with the
database's own record of those withdrawals: the promise "a withdrawn story leaves no word
behind" would then rest on someone re-applying them by hand from an audit log the restore has
just rolled back. So each take-back is also appended, after its transaction commits, to a
small JSON-lines file beside the database (`workbench.db` → `workbench.db-withdrawals.jsonl`),
and `replay` re-applies what the restored database does not yet know.

A line holds the receipt reference (already printed on the teller's card and kept in the
tombstone), what was taken back, how and when: never the story, a name or a contact detail.
A purpose given again later is journalled too (without its details), so the last word about a
purpose wins; a restore never invents consent, it only takes back.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import sqlite_utils

from plumbing import db as wdb
from plumbing.clock import now_iso

SUFFIX = "-withdrawals.jsonl"
STORY = "story"  # the `purpose` of a line that withdrew the whole story
REPLAYED_BY = "system:restore"
# What replay needs from a line; "at" (when) is written for people reading the file.
FIELDS = ("reference", "purpose", "granted", "method")


def journal_path(database: str | Path) -> Path:
    """The journal of the database file at `database` (it lives and moves beside it)."""
    return Path(f"{database}{SUFFIX}")


def journal_of(db: sqlite_utils.Database) -> Path | None:
    """The journal beside the database `db` has open (None for an in-memory one)."""
    path = wdb.path_of(db)
    return journal_path(path) if path else None


def append(db: sqlite_utils.Database, reference: str, purpose: str, granted: bool, method: str):
    """Record one committed change: the whole story withdrawn (`purpose` STORY) or one purpose
    taken back or given again. Flushed to disk before returning, as the withdrawal is."""
    path = journal_of(db)
    if path is None:
        return
    line = {
        "at": now_iso(),
        "reference": reference,
        "purpose": purpose,
        "granted": granted,
        "method": method,
    }
    # json.dumps escapes every non-ASCII character: the line is ASCII, the same in any codec.
    entry = json.dumps(line).encode() + b"\n"
    wdb.private_file(path)  # created 0600 before the first line is in it
    with open(path, "a+b") as journal:
        # A crash mid-write leaves a line without its end: start on a fresh line, so this
        # one is not glued to it and skipped with it.
        journal.write(b"\n" + entry if _torn(journal) else entry)
        journal.flush()
        os.fsync(journal.fileno())
    path.chmod(0o600)


def _torn(journal: BinaryIO) -> bool:
    """Whether the open file ends part-way through a line."""
    end = journal.seek(0, os.SEEK_END)
    if not end:
        return False
    journal.seek(end - 1)
    return journal.read() != b"\n"  # the last byte: read() stops at the end


def read(path: Path) -> list[dict]:
    """What each line of the journal says (its FIELDS), in order. A line that is not one
    (cut short, or bytes left by a crash mid-write) is skipped, never the lines after it."""
    if not path.exists():
        return []
    lines = []
    for raw in path.read_bytes().splitlines():
        try:
            line = json.loads(raw)
            lines.append({field: line[field] for field in FIELDS})
        except (ValueError, TypeError, KeyError):  # not UTF-8 JSON, not an object, a field missing
            continue
    return lines


@dataclass
class Replayed:
    """What a replay re-applied: references of stories withdrawn, (reference, purpose) pairs."""

    stories: list[str]
    purposes: list[tuple[str, str]]


def last_words(lines: list[dict]) -> tuple[dict[str, str], dict[tuple[str, str], dict]]:
    """Stories withdrawn (reference → method), and the last line about each (reference,
    purpose) pair. A pair whose story is withdrawn too needs no test here: replay withdraws
    stories first, so it finds no story left to take the purpose back from."""
    withdrawn = {line["reference"]: line["method"] for line in lines if line["purpose"] == STORY}
    purposes = {
        (line["reference"], line["purpose"]): line for line in lines if line["purpose"] != STORY
    }
    return withdrawn, purposes
