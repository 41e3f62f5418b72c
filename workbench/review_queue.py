"""What the anonymisation check pages read: the queue, one story, and its highlighted text."""

from __future__ import annotations

import re

import sqlite_utils

from nlp.findings import Finding


def _mine(gathered_by: int | None) -> tuple[str, list]:
    return ("AND s.created_by = ?", [gathered_by]) if gathered_by is not None else ("", [])


def waiting(db: sqlite_utils.Database, gathered_by: int | None = None, limit: int = 200):
    """Stories anonymised by the machine and waiting for a person, oldest first."""
    where, params = _mine(gathered_by)
    return list(
        db.query(
            "SELECT s.id, s.reference, s.channel, s.created_at, act.title AS activity, "
            "a.updated_at FROM anonymisations a JOIN stories s ON s.id = a.story_id "
            f"JOIN activities act ON act.id = s.activity_id WHERE a.status = 'ready' {where} "
            "ORDER BY s.id LIMIT ?",
            [*params, limit],
        )
    )


def counts(db: sqlite_utils.Database, gathered_by: int | None = None) -> dict[str, int]:
    where, params = _mine(gathered_by)
    rows = db.execute(
        "SELECT coalesce(a.status, 'queued'), count(*) FROM stories s "
        f"LEFT JOIN anonymisations a ON a.story_id = s.id WHERE 1 {where} GROUP BY 1",
        params,
    ).fetchall()
    found = dict(rows)
    return {k: found.get(k, 0) for k in ("queued", "pending", "ready", "checked", "failed")}


def story(db: sqlite_utils.Database, story_id: int) -> dict | None:
    rows = list(
        db.query(
            "SELECT s.id, s.reference, s.text, s.created_by, s.channel, a.status "
            "FROM stories s LEFT JOIN anonymisations a ON a.story_id = s.id WHERE s.id = ?",
            [story_id],
        )
    )
    return rows[0] if rows else None


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


def segments(text: str, findings: list[Finding]) -> list[dict]:
    """The original cut into plain and found pieces, for highlighting in a template."""
    pieces, at = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < at:
            continue
        if f.start > at:
            pieces.append({"text": text[at : f.start], "finding": None})
        pieces.append({"text": text[f.start : f.end], "finding": f})
        at = f.end
    if at < len(text):
        pieces.append({"text": text[at:], "finding": None})
    return pieces
