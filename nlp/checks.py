"""Anonymisation results in the working database, and the human check that confirms them.

A story's automatic result is stored with status 'ready'. A person (gatherer or analyst) then
confirms the final list of findings: `apply_check` re-renders the anonymised text from the
original with exactly those findings, marks it 'checked' and, unless the retention policy keeps
it, has consent forget the original text. Only checked stories go on to themes, tags and
publication (`checked_story_ids`, the one definition every stage uses).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping

import sqlite_utils

import consent
from consent import delete_rows, register_cleanup
from nlp.anonymise import ENGINE_VERSION, Finding, anonymise, render
from nlp.identifiers.core.findings import LABELS
from nlp.identifiers.review.residual_risk import combination, risk_flags
from plumbing import db as wdb
from plumbing.clock import now_iso

# Residual-risk flags compare a story with the other anonymised stories of its activity;
# the most recent this many are enough to tell a rare combination from a common one.
CORPUS_SAMPLE = 2000
# What a storyteller may read on their receipt: the machine's result, or the checked one.
READABLE = ("ready", "checked")


# A withdrawn story's anonymised text goes with it, and so do the vectors made from that text
# (nlp/embed.py keeps the cache; nlp/tagging/encoder.py the tagging vectors, and
# nlp/tagging/store/vectors.py those of the stories' sentences).
register_cleanup("anonymisations")(delete_rows("anonymisations"))
register_cleanup("embeddings")(delete_rows("embeddings"))
register_cleanup("tag_embeddings")(delete_rows("tag_embeddings"))
register_cleanup("tag_passage_embeddings")(delete_rows("tag_passage_embeddings"))


def anonymise_story(db: sqlite_utils.Database, story_id: int) -> dict:
    """Anonymise one story's text and store the result as 'ready'; returns the stored row.

    A story already checked by a person is left as it is. A story whose original text is gone
    (deleted by policy or withdrawn) is recorded as 'failed' unless it has a result already.
    """
    story = _story(db, story_id)
    existing = _row(db, story_id)
    if existing and existing["status"] == "checked":
        return existing
    if not story["text"]:
        if existing:
            return existing
        return _save(db, story_id, {"status": "failed", "text": None, "findings": "[]"})
    result = anonymise(story["text"])
    values = _result(db, story, result, "ready")
    values["doubts"] = json.dumps([f.as_dict() for f in result.doubts])
    return _save(db, story_id, values)


def apply_check(
    db: sqlite_utils.Database,
    story_id: int,
    findings: Iterable[Finding | Mapping],
    checked_by: int | None,
    keep_original: bool = False,
) -> dict:
    """Confirm a person's final list of findings for a story; returns the stored row.

    `findings` are what the reviewer kept or added, as `Finding`s or mappings with start, end
    and label (score and source optional), offsets into the original text. The anonymised
    text is rendered again from the original with exactly these findings. Unless
    `keep_original`, consent then forgets the original text.
    """
    story = _story(db, story_id)
    if story["text"] is None:
        raise ValueError("the original text is no longer held, so the check cannot be applied")
    confirmed = [_as_finding(f, len(story["text"])) for f in findings]
    result = render(story["text"], confirmed)
    values = _result(db, story, result, "checked", checked_by=checked_by, checked_at=now_iso())
    with wdb.write(db):
        row = _save(db, story_id, values)
        if not keep_original:
            consent.forget_original(db, story_id)
    return row


def findings_for(db: sqlite_utils.Database, story_id: int) -> list[Finding]:
    """The stored findings of a story (automatic, or as confirmed), for a reviewer to start from."""
    row = _row(db, story_id)
    if not row or not row["findings"]:
        return []
    return [Finding(**f) for f in json.loads(row["findings"])]


def doubts_for(db: sqlite_utils.Database, story_id: int) -> list[Finding]:
    """The machine's doubts about a story not yet checked (`nlp.anonymise.detect_with_doubts`):
    guesses it did not redact, for the person checking to decide on."""
    row = _row(db, story_id)
    if not row or row["status"] != "ready" or not row.get("doubts"):
        return []
    return [Finding(**f) for f in json.loads(row["doubts"])]


def risk_flags_for(db: sqlite_utils.Database, story_id: int) -> list[dict]:
    """The residual-risk flags stored with a story's anonymisation, for its reviewer."""
    row = _row(db, story_id)
    return json.loads(row["risk_flags"]) if row and row["risk_flags"] else []


def anonymised_text(db: sqlite_utils.Database, story_id: int) -> str | None:
    """The anonymised text of a story, or None if it has not been anonymised."""
    row = _row(db, story_id)
    return row["text"] if row else None


def readable_text(db: sqlite_utils.Database, story_id: int) -> str | None:
    """The anonymised text a storyteller may read on their receipt: once the machine has
    finished (and a person may since have checked it), never a pending draft."""
    row = _row(db, story_id)
    return row["text"] if row and row["status"] in READABLE else None


def anonymised_texts(db: sqlite_utils.Database) -> dict[int, str]:
    """Every stored anonymised text, whatever its status, by story id (for the leak check)."""
    return dict(
        db.execute("SELECT story_id, text FROM anonymisations WHERE text IS NOT NULL").fetchall()
    )


def checked_story_ids(db: sqlite_utils.Database, activity_id: int | None = None) -> list[int]:
    """Stories whose anonymised text a person has checked (all, or one activity's), oldest
    first: the only ones analysis, themes, tags and publication may use."""
    sql = "SELECT story_id FROM anonymisations WHERE status = 'checked' AND text IS NOT NULL"
    params: list = []
    if activity_id is not None:
        sql += " AND story_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(consent.story_ids(db, activity_id)))
    return [row[0] for row in db.execute(sql + " ORDER BY story_id", params)]


def statuses(db: sqlite_utils.Database, story_ids: Iterable[int]) -> dict[int, str]:
    """Each given story's anonymisation status; stories not yet anonymised are left out."""
    return dict(
        db.execute(
            "SELECT story_id, status FROM anonymisations "
            "WHERE story_id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(story_ids)))],
        ).fetchall()
    )


def waiting_for_check(db: sqlite_utils.Database) -> dict[int, str]:
    """Stories anonymised by the machine and waiting for a person, oldest first, with when
    their result was stored."""
    return dict(
        db.execute(
            "SELECT story_id, updated_at FROM anonymisations WHERE status = 'ready' "
            "ORDER BY story_id"
        ).fetchall()
    )


def stories_to_anonymise(db: sqlite_utils.Database, activity_id: int | None = None) -> list[int]:
    """Stories with text and no anonymisation yet (or a failed one)."""
    with_text = consent.stories_with_original(db, activity_id)
    done = statuses(db, with_text)
    return [sid for sid in with_text if done.get(sid, "pending") in ("pending", "failed")]


def _as_finding(f: Finding | Mapping, length: int) -> Finding:
    if isinstance(f, Finding):
        finding = f
    else:
        finding = Finding(
            int(f["start"]),
            int(f["end"]),
            str(f["label"]),
            float(f.get("score", 1.0)),
            str(f.get("source", "reviewer")),
        )
    if finding.label not in LABELS:
        raise ValueError(f"unknown finding label {finding.label!r}")
    if not 0 <= finding.start < finding.end <= length:
        raise ValueError(f"finding {finding.start}-{finding.end} is outside the text")
    return finding


def _story(db: sqlite_utils.Database, story_id: int) -> dict:
    """The story's activity and its original text (None once forgotten); LookupError if none."""
    text = consent.original_text(db, story_id)
    return {
        "id": story_id,
        "activity_id": consent.story_facts(db, [story_id])[story_id]["activity_id"],
        "text": text,
    }


def _result(db: sqlite_utils.Database, story: dict, result, status: str, **checked) -> dict:
    """What to store of an anonymisation: its text, findings and residual-risk flags (the text
    compared with the activity's other stories), and who checked it, if anyone."""
    combos = _corpus(db, story["activity_id"], story["id"])
    flags = risk_flags(result.text, combos)
    return {
        "status": status,
        "text": result.text,
        "findings": json.dumps([f.as_dict() for f in result.findings]),
        "risk_flags": json.dumps([f.as_dict() for f in flags]),
        "checked_by": checked.get("checked_by"),
        "checked_at": checked.get("checked_at"),
    }


def _row(db: sqlite_utils.Database, story_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM anonymisations WHERE story_id = ?", [story_id]))
    return rows[0] if rows else None


def _save(db: sqlite_utils.Database, story_id: int, values: dict) -> dict:
    record = {
        "story_id": story_id,
        "engine_version": ENGINE_VERSION,
        "updated_at": now_iso(),
        "risk_flags": "[]",
        "doubts": "[]",  # a check, or a story with no text, leaves no doubt behind
        "checked_by": None,
        "checked_at": None,
        **values,
    }
    with wdb.write(db):
        db["anonymisations"].upsert(record, pk="story_id")
    return _row(db, story_id)


def _corpus(db: sqlite_utils.Database, activity_id: int, story_id: int):
    """Combination counts over the activity's other anonymised stories."""
    others = [sid for sid in consent.story_ids(db, activity_id) if sid != story_id]
    texts = [
        row[0]
        for row in db.execute(
            "SELECT text FROM anonymisations WHERE story_id IN (SELECT value FROM json_each(?)) "
            "AND text IS NOT NULL ORDER BY updated_at DESC LIMIT ?",
            [json.dumps(others), CORPUS_SAMPLE],
        )
    ]
    return Counter(c for c in map(combination, texts) if c)
