"""The model's proposals: tag stories with the stored tagger (or zero-shot margins), never
touching a tag an analyst decided, and score criticality on the way."""

from __future__ import annotations

import io

import numpy as np
from sqlite_utils import Database

import consent
from nlp import embed
from nlp.priorities import Framework, FrameworkError, framework_version, get_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import proposals as tagging
from nlp.tagging.store import vectors as tag_vectors
from nlp.tagging.store.criticality_scores import score_criticality
from nlp.tagging.store.vectors import Progress, TaggingResult, id_chunks, split_embedded
from plumbing import db as wdb
from plumbing.clock import now_iso


def _thresholds(db: Database, framework: Framework) -> np.ndarray:
    stored = {
        row[0]: row[1]
        for row in db.execute(
            "SELECT id, threshold FROM priorities WHERE framework_id = ?", [framework.id]
        )
    }
    return np.array(
        [
            tagging.DEFAULT_THRESHOLD if stored.get(pid) is None else stored[pid]
            for pid in framework.ids
        ],
        dtype=np.float32,
    )


def load_classifier(
    db: Database, framework_id: str
) -> tag_learner.LearntTagger | tagging.LinearTagger | None:
    """The trained tagger for a framework, or None before enough tags are confirmed or while
    it is stale (it learnt from a story since withdrawn). A tagger stored by an earlier
    version (embeddings-only `LinearTagger`) still loads."""
    row = db.execute(
        "SELECT model FROM classifiers WHERE framework_id = ? AND NOT stale", [framework_id]
    ).fetchone()
    if not row:
        return None
    with np.load(io.BytesIO(row[0]), allow_pickle=False) as arrays:
        learnt = "coef_words" in arrays.files
    if learnt:
        return tag_learner.LearntTagger.from_bytes(row[0])
    return tagging.LinearTagger.from_bytes(row[0])


def tag_stories(db: Database, story_ids: list[int], framework_id: str) -> TaggingResult:
    """Propose tags for stories against a framework, replacing earlier model proposals.

    Stories without a cached embedding are skipped and listed in `waiting_for_embedding`, so the
    caller can queue them. Confirmed and rejected tags are left exactly as the analyst set them.
    """
    framework = get_framework(db, framework_id)
    vectors, result = split_embedded(db, story_ids)
    if not result.tagged:
        return result
    matrix = np.stack([vectors[sid] for sid in result.tagged])
    version = framework_version(db, framework_id)
    texts = embed.checked_texts(db, result.tagged)
    ordered = [texts.get(sid, "") for sid in result.tagged]
    classifier = load_classifier(db, framework_id)
    passages = None
    if getattr(classifier, "passage_weight", 0.0):
        # The tagger weighs each story's best sentence: their cached vectors (kept when the
        # tagger trains; any missing are made here, in the worker).
        tag_vectors.ensure_tag_passages(db, result.tagged)
        cached = tag_vectors.load_tag_passages(db, result.tagged)
        passages = tag_learner.Passages.cached(ordered, [cached.get(sid) for sid in result.tagged])
    proposals = tagging.propose(
        matrix,
        framework,
        thresholds=_thresholds(db, framework),
        classifier=classifier,
        version=f"{tagging.ZERO_SHOT_VERSION}/{framework_id}@v{version}",
        texts=ordered,
        passages=passages,
    )
    now = now_iso()
    with wdb.write(db):
        decided = _decided(db, result.tagged, framework_id)
        for chunk in id_chunks(result.tagged):
            placeholders = ",".join("?" * len(chunk))
            db.execute(
                f"DELETE FROM tags WHERE framework_id = ? AND state = 'proposed' "
                f"AND source = 'model' AND story_id IN ({placeholders})",
                [framework_id, *chunk],
            )
        rows = []
        for story_id, story_proposals in zip(result.tagged, proposals, strict=True):
            for proposal in story_proposals:
                if (story_id, proposal.priority_id) in decided:
                    continue
                rows.append(
                    {
                        "story_id": story_id,
                        "framework_id": framework_id,
                        "priority_id": proposal.priority_id,
                        "score": round(float(proposal.score), 4),
                        "source": "model",
                        "state": "proposed",
                        "evidence": proposal.evidence,
                        "model_version": proposal.model_version,
                        "updated_at": now,
                    }
                )
        # An analyst's own proposal (source 'analyst', state 'proposed') is kept: ignore clashes.
        db["tags"].insert_all(rows, ignore=True)
        result.proposed = len(rows)
    # Every path that tags a story (a job, the demo, a re-tag after training) scores its
    # criticality too, so no tagged story is left showing none.
    score_criticality(db, result.tagged)
    return result


def _decided(db: Database, story_ids: list[int], framework_id: str) -> set[tuple[int, str]]:
    decided: set[tuple[int, str]] = set()
    for chunk in id_chunks(story_ids):
        placeholders = ",".join("?" * len(chunk))
        decided.update(
            (row[0], row[1])
            for row in db.execute(
                f"SELECT story_id, priority_id FROM tags WHERE framework_id = ? "
                f"AND (state != 'proposed' OR source = 'analyst') "
                f"AND story_id IN ({placeholders})",
                [framework_id, *chunk],
            )
        )
    return decided


def activity_framework(db: Database, activity_id: int) -> str:
    """The framework an activity names; FrameworkError if it names none."""
    activity = consent.get_activity(db, activity_id)
    if activity is None:
        raise LookupError(f"unknown activity {activity_id}")
    if not activity["framework_id"]:
        raise FrameworkError(f"activity {activity_id} names no priority framework")
    return activity["framework_id"]


def tag_activity(db: Database, activity_id: int, progress: Progress | None = None) -> TaggingResult:
    """Embed what can be embedded, then tag and score criticality for an activity's stories.

    Stories whose anonymisation is not checked yet cannot be embedded: they are left waiting
    and picked up by the next run (each check of an anonymisation should queue one).
    """
    framework_id = activity_framework(db, activity_id)
    story_ids = consent.story_ids(db, activity_id)
    if progress:
        progress(0.05, f"Embedding up to {len(story_ids)} stories")
    embed.ensure_embeddings(db, story_ids)
    tag_encoder.ensure_tag_embeddings(db, story_ids)
    if progress:
        progress(0.6, "Tagging to priorities")
    result = tag_stories(db, story_ids, framework_id)
    if progress:
        progress(
            1.0,
            f"Tagged {len(result.tagged)} stories; "
            f"{len(result.waiting_for_embedding)} wait for a checked anonymisation",
        )
    return result
