"""What the anonymisation check pages read: the queue, one story, and its highlighted text.

Consent says what a story is and who gathered it; nlp.checks says where its anonymisation is.
"""

from __future__ import annotations

import re
from collections import Counter

import sqlite_utils

import consent
from nlp import checks
from nlp.identifiers.core.findings import Finding

STATUSES = ("queued", "pending", "ready", "checked", "failed")


def _gathered(db: sqlite_utils.Database, gathered_by: int | None, story_ids=None) -> dict:
    """Facts of the stories (all, or those given), only those `gathered_by` recorded if set."""
    return {
        story_id: story
        for story_id, story in consent.story_facts(db, story_ids).items()
        if gathered_by is None or story["created_by"] == gathered_by
    }


def waiting(
    db: sqlite_utils.Database, gathered_by: int | None = None, limit: int = 200
) -> list[dict]:
    """Stories anonymised by the machine and waiting for a person, oldest first."""
    ready = checks.waiting_for_check(db)
    stories = list(_gathered(db, gathered_by, ready).values())[:limit]
    titles = {a["id"]: a["title"] for a in consent.list_activities(db)}
    return [
        {
            "id": story["id"],
            "reference": story["reference"],
            "channel": story["channel"],
            "created_at": story["created_at"],
            "activity": titles.get(story["activity_id"]),
            "updated_at": ready[story["id"]],
        }
        for story in stories
    ]


def counts(db: sqlite_utils.Database, gathered_by: int | None = None) -> dict[str, int]:
    """How many stories (all, or one gatherer's) are at each anonymisation status; a story
    the worker has not reached yet is queued."""
    stories = _gathered(db, gathered_by)
    found = Counter(checks.statuses(db, stories).get(sid, "queued") for sid in stories)
    return {status: found.get(status, 0) for status in STATUSES}


def story(db: sqlite_utils.Database, story_id: int) -> dict | None:
    """One story for its check page: reference, channel, who gathered it, its original text
    (None once forgotten) and its anonymisation status; None if there is no such story."""
    facts = consent.story_facts(db, [story_id]).get(story_id)
    if facts is None:
        return None
    return {
        "id": story_id,
        "reference": facts["reference"],
        "text": consent.original_text(db, story_id),
        "created_by": facts["created_by"],
        "channel": facts["channel"],
        "status": checks.statuses(db, [story_id]).get(story_id),
    }


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place `needle` appears in `text`, case-insensitively, as (start, end)."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def preview(text: str, findings: list[dict]):
    """The anonymised text these findings would give, and the findings as settled."""
    # presidio-anonymizer imports presidio-analyzer, spaCy and torch: load them only here.
    from nlp.anonymise import render

    return render(
        text,
        [
            Finding(
                f["start"], f["end"], f["label"], f.get("score", 1.0), f.get("source", "reviewer")
            )
            for f in findings
        ],
    )


def segments(text: str, findings: list[Finding], hints: list | None = None) -> list[dict]:
    """The original cut into plain, found and hinted pieces, for highlighting in a template.

    A found piece carries its finding (and "unsure" when the machine doubted it); a hinted
    piece is a token near a finding that the reviewer should decide on."""
    unsure = {(h.start, h.end) for h in hints or () if h.kind == "unsure"}
    marks = [(f.start, f.end, f, None) for f in findings]
    marks += [(h.start, h.end, None, h) for h in hints or () if h.kind == "nearby"]
    pieces, at = [], 0
    for start, end, finding, hint in sorted(marks, key=lambda m: m[0]):
        if start < at:
            continue
        if start > at:
            pieces.append({"text": text[at:start], "finding": None, "hint": None})
        pieces.append(
            {
                "text": text[start:end],
                "finding": finding,
                "hint": hint,
                "unsure": (start, end) in unsure,
            }
        )
        at = end
    if at < len(text):
        pieces.append({"text": text[at:], "finding": None, "hint": None})
    return pieces
