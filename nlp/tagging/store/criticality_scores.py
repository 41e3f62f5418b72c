"""Criticality scores (−5..+5) of stories, stored so list pages can filter and sort on them
without the model; scored whenever a story is tagged."""

from __future__ import annotations

import json

import numpy as np
from sqlite_utils import Database

import consent
from nlp import criticality, embed
from nlp.tagging.store.vectors import TaggingResult, id_chunks, split_embedded
from plumbing import db as wdb


def score_criticality(db: Database, story_ids: list[int]) -> TaggingResult:
    """Score and store criticality (−5..+5) for the stories that are embedded. Criticality's
    ridge was fitted on the packaged model's vectors (`embeddings`), not the tagging ones."""
    vectors, result = split_embedded(db, story_ids, embed.load_embeddings)
    if not result.tagged:
        return result
    scores = criticality.score_criticality(np.stack([vectors[sid] for sid in result.tagged]))
    version = criticality.model_version()
    with wdb.write(db):
        db["criticality"].upsert_all(
            [
                {"story_id": sid, "score": round(float(score), 2), "model_version": version}
                for sid, score in zip(result.tagged, scores, strict=True)
            ],
            pk="story_id",
        )
    return result


def criticality_for_stories(db: Database, story_ids: list[int]) -> dict[int, float]:
    """Stored criticality by story id (stories not yet scored are absent)."""
    scores: dict[int, float] = {}
    for chunk in id_chunks(story_ids):
        placeholders = ",".join("?" * len(chunk))
        scores.update(
            db.execute(
                f"SELECT story_id, score FROM criticality WHERE story_id IN ({placeholders})",
                chunk,
            ).fetchall()
        )
    return scores


def stories_by_criticality(
    db: Database, activity_id: int, lowest: float = -5.0, highest: float = 5.0
) -> list[int]:
    """Ids of an activity's stories whose criticality lies in [lowest, highest], most critical
    first (for the analyst's filter)."""
    return [
        row[0]
        for row in db.execute(
            "SELECT story_id FROM criticality WHERE story_id IN (SELECT value FROM json_each(?)) "
            "AND score BETWEEN ? AND ? ORDER BY score, story_id",
            [json.dumps(consent.story_ids(db, activity_id)), lowest, highest],
        )
    ]
