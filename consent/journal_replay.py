"""Re-apply the withdrawal journal to a restored database (see `consent.withdrawal_journal`).

Run by `workbench restore` after the copy is written and migrated, before anything reopens
it: each story withdrawn since the backup is withdrawn again (every registered clean-up, a new
tombstone), and each purpose whose last word in the journal is a take-back is taken back
again (its quotes, contact details or equality answers deleted). Running it twice changes
nothing the second time.
"""

from __future__ import annotations

import sqlite_utils

from consent.receipts import change_consent
from consent.withdrawal import withdraw
from consent.withdrawal_journal import REPLAYED_BY, Replayed, journal_of, last_words, read


def _live_story(db: sqlite_utils.Database, reference: str) -> int | None:
    row = db.execute("SELECT id FROM stories WHERE reference = ?", [reference]).fetchone()
    return row[0] if row else None


def _granted(db: sqlite_utils.Database, story_id: int, purpose: str) -> bool:
    row = db.execute(
        "SELECT granted FROM consents WHERE story_id = ? AND purpose = ?", [story_id, purpose]
    ).fetchone()
    return bool(row and row[0])


def replay(db: sqlite_utils.Database) -> Replayed:
    """Take back, in the database `db` has open, everything its journal says was taken back
    and the database still holds; returns what it re-applied."""
    path = journal_of(db)
    withdrawn, purposes = last_words(read(path)) if path else ({}, {})
    done = Replayed(stories=[], purposes=[])
    for reference, method in withdrawn.items():
        story_id = _live_story(db, reference)
        if story_id is not None:
            withdraw(db, story_id, method, REPLAYED_BY)
            done.stories.append(reference)
    for (reference, purpose), line in purposes.items():
        story_id = _live_story(db, reference)
        if line["granted"] or story_id is None or not _granted(db, story_id, purpose):
            continue
        change_consent(db, story_id, purpose, False, REPLAYED_BY, line["method"])
        done.purposes.append((reference, purpose))
    return done
