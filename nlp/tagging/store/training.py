"""The stored tagger: trained in the worker from analysts' decisions, its cross-validated
figures per priority, and marked stale when a story it learnt from is withdrawn."""

from __future__ import annotations

import json
import time

import numpy as np
from sqlite_utils import Database

import consent
from consent import delete_rows, register_cleanup
from nlp import embed
from nlp.priorities import Framework, get_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import proposals as tagging
from nlp.tagging.store import vectors as tag_vectors
from nlp.tagging.store.proposing import tag_activity
from nlp.tagging.store.vectors import Progress, story_vectors
from plumbing import db as wdb
from plumbing.clock import now_iso


def forget_in_taggers(db: Database, story_id: int) -> None:
    """A withdrawn story leaves no word in a stored tagger: mark stale every framework's
    tagger an analyst's decision about the story could have taught, and drop those
    frameworks' calibrated margins (back to the default until retrained).

    A stale tagger is never used to tag (`load_classifier`); the withdrawal flows and the
    worker (`retrain_stale_taggers`) retrain it from the stories left. Decided tags only ever
    grow until a withdrawal, so the story's decided tags now cover every tagger trained on it.
    Runs inside the withdrawal, before the story's tags are deleted (registered first below).

    The stored model itself is emptied, not only marked: the neighbours' vote keeps every
    learnt story's vector in it (`nlp.tagging.neighbours`), and a stale model is never read
    again, so nothing of the story waits in the file for the retrain (secure_delete overwrites
    the freed bytes).
    """
    decided = (
        "SELECT framework_id FROM tags WHERE story_id = ? AND state IN ('confirmed', 'rejected')"
    )
    db.execute(
        f"UPDATE classifiers SET stale = 1, model = X'' WHERE framework_id IN ({decided})",
        [story_id],
    )
    db.execute(
        f"UPDATE priorities SET threshold = NULL WHERE framework_id IN ({decided})", [story_id]
    )


# A withdrawn story stops counting towards any priority, and its criticality score goes. Its
# mark on the taggers comes first: it reads the story's tags.
register_cleanup("classifiers")(forget_in_taggers)
register_cleanup("tags")(delete_rows("tags"))
register_cleanup("criticality")(delete_rows("criticality"))


def _training_labels(
    db: Database, framework: Framework
) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Stories an analyst has decided about, their 0/1 labels and which labels are known.

    Confirming any tag of a story counts as reviewing the whole story, so its unconfirmed
    priorities are negatives; a story with only rejections tells us only about those.
    """
    column = {pid: number for number, pid in enumerate(framework.ids)}
    decisions: dict[int, dict[str, str]] = {}
    for story_id, priority_id, state in db.execute(
        "SELECT story_id, priority_id, state FROM tags WHERE framework_id = ? "
        "AND state IN ('confirmed', 'rejected') ORDER BY story_id",
        [framework.id],
    ):
        decisions.setdefault(story_id, {})[priority_id] = state
    story_ids = sorted(decisions)
    labels = np.zeros((len(story_ids), len(column)), dtype=np.int8)
    known = np.zeros_like(labels)
    for row, story_id in enumerate(story_ids):
        states = decisions[story_id]
        if "confirmed" in states.values():
            known[row, :] = 1
        for priority_id, state in states.items():
            labels[row, column[priority_id]] = state == "confirmed"
            known[row, column[priority_id]] = 1
    return story_ids, labels, known


def train_classifier(db: Database, framework_id: str) -> dict[str, dict]:
    """Recalibrate zero-shot margins and train the learnt tagger from analysts' decisions.

    Stores per-priority margins in `priorities.threshold`, and the tagger (`nlp.tagging.learner`)
    with its cross-validated precision and recall in `classifiers`; returns those figures keyed
    by priority id. It learns from the stories an analyst confirmed a tag of (their other
    priorities count as absent) and from each priority's title, description and examples.
    Stories that cannot be embedded yet are left out. Runs in the worker: it first embeds the
    stories it learns from that lack a current tagging vector (after new tagging weights, e.g.
    migration m011, none has one, and training on none would drop the tagger), and the
    sentences of those that have several (`ensure_tag_passages`). Takes seconds for thousands
    of stories once embedded.
    """
    started = time.perf_counter()
    framework = get_framework(db, framework_id)
    story_ids, labels, known = _training_labels(db, framework)
    tag_encoder.ensure_tag_embeddings(db, story_ids)
    tag_vectors.ensure_tag_passages(db, story_ids)
    vectors = story_vectors(db, story_ids)
    keep = [row for row, sid in enumerate(story_ids) if sid in vectors]
    labels, known = labels[keep], known[keep]
    margins = np.full(len(framework.ids), tagging.DEFAULT_THRESHOLD, dtype=np.float32)
    model, metrics = None, {}
    used = [story_ids[row] for row in keep]
    if keep:
        matrix = np.stack([vectors[story_ids[row]] for row in keep])
        result = tagging.zero_shot(matrix, tagging.phrase_index(framework))
        margins = tagging.calibrate_margins(result.relative(), labels, known)
        complete = known.all(axis=1)
        model, metrics = _fit_learnt(
            db,
            framework,
            [story_ids[row] for row, whole in zip(keep, complete, strict=True) if whole],
            matrix[complete],
            labels[complete],
            tagging.zero_shot_decisions(result, margins)[complete],
        )
    elapsed = time.perf_counter() - started
    with wdb.write(db):
        for priority_id, margin in zip(framework.ids, margins, strict=True):
            db.execute(
                "UPDATE priorities SET threshold = ? WHERE framework_id = ? AND id = ?",
                [round(float(margin), 4), framework_id, priority_id],
            )
        db.execute("DELETE FROM classifiers WHERE framework_id = ?", [framework_id])
        if model is not None:
            # A story withdrawn while this one trained found the old tagger to mark stale:
            # this one is stale from the start, and the worker trains it again.
            gone = len(consent.story_facts(db, used)) < len(used)
            db["classifiers"].insert(
                {
                    "stale": int(gone),
                    "framework_id": framework_id,
                    "trained_at": now_iso(),
                    "metrics": json.dumps(metrics, sort_keys=True),
                    "model": model.to_bytes(),
                    "training_seconds": round(elapsed, 2),
                    "n_stories": len(keep),
                }
            )
    return metrics


def _fit_learnt(
    db: Database,
    framework: Framework,
    story_ids: list[int],
    vectors: np.ndarray,
    labels: np.ndarray,
    zero_shot_predicted: np.ndarray,
) -> tuple[tag_learner.LearntTagger | None, dict[str, dict]]:
    """The learnt tagger and per-priority figures (zero-shot's beside the tagger's), or None
    while the decisions cannot train one (fewer than two priorities with examples)."""
    texts = embed.checked_texts(db, story_ids)
    rows = [row for row, sid in enumerate(story_ids) if texts.get(sid)]
    metrics: dict[str, dict] = {}
    for number, priority_id in enumerate(framework.ids):
        truth = labels[rows, number].astype(bool)
        precision, recall = tagging.precision_recall(truth, zero_shot_predicted[rows, number])
        metrics[priority_id] = {
            "confirmed": int(truth.sum()),
            "labelled": int(truth.size),
            "zero_shot_precision": round(precision, 3) if truth.size else None,
            "zero_shot_recall": round(recall, 3) if truth.size else None,
            "classifier_precision": None,
            "classifier_recall": None,
            "used": "zero-shot",
        }
    chosen = [story_ids[row] for row in rows]
    cached = tag_vectors.load_tag_passages(db, chosen)
    try:
        model = tag_learner.fit(
            framework,
            framework.ids,
            [texts[sid] for sid in chosen],
            vectors[rows],
            labels[rows],
            passages=tag_learner.Passages.cached(
                [texts[sid] for sid in chosen], [cached.get(sid) for sid in chosen]
            ),
        )
    except tag_learner.TrainingError:
        return None, metrics
    for priority_id, figures in model.metrics.items():
        if figures["used"] == "learnt":
            metrics[priority_id].update(
                classifier_precision=figures["precision"],
                classifier_recall=figures["recall"],
                threshold=figures["threshold"],
                used="classifier",
            )
    return model, metrics


def priority_metrics(db: Database, framework_id: str) -> list[dict]:
    """Per priority, in framework order: counts of proposed, confirmed and rejected tags, the
    zero-shot margin, and (once trained) cross-validated precision and recall of the classifier
    beside zero-shot's, and which of the two proposes tags for it (zero-shot while the stored
    tagger is stale: its figures came from a story since withdrawn)."""
    get_framework(db, framework_id)
    row = db.execute(
        "SELECT metrics, trained_at FROM classifiers WHERE framework_id = ? AND NOT stale",
        [framework_id],
    ).fetchone()
    trained = json.loads(row[0]) if row else {}
    result = []
    for priority in db.query(
        "SELECT p.id, p.title, p.threshold, "
        "sum(t.state = 'proposed') AS proposed, sum(t.state = 'confirmed') AS confirmed, "
        "sum(t.state = 'rejected') AS rejected FROM priorities p LEFT JOIN tags t "
        "ON t.framework_id = p.framework_id AND t.priority_id = p.id "
        "WHERE p.framework_id = ? GROUP BY p.id ORDER BY p.rowid",
        [framework_id],
    ):
        figures = trained.get(priority["id"], {})
        result.append(
            {
                "priority_id": priority["id"],
                "priority_title": priority["title"],
                "proposed": priority["proposed"] or 0,
                "confirmed": priority["confirmed"] or 0,
                "rejected": priority["rejected"] or 0,
                "margin": priority["threshold"]
                if priority["threshold"] is not None
                else tagging.DEFAULT_THRESHOLD,
                "needs_confirmed": max(0, tag_learner.MIN_EXAMPLES - (priority["confirmed"] or 0)),
                "zero_shot_precision": figures.get("zero_shot_precision"),
                "zero_shot_recall": figures.get("zero_shot_recall"),
                "classifier_precision": figures.get("classifier_precision"),
                "classifier_recall": figures.get("classifier_recall"),
                "used": figures.get("used", "zero-shot"),
                "trained_at": row[1] if row else None,
            }
        )
    return result


def retrain(db: Database, framework_id: str, progress: Progress | None = None) -> dict[str, dict]:
    """Train from analysts' decisions, then re-tag every activity that uses the framework."""
    if progress:
        progress(0.05, "Training from confirmed tags")
    metrics = train_classifier(db, framework_id)
    activities = sorted(
        a["id"] for a in consent.list_activities(db) if a["framework_id"] == framework_id
    )
    for number, activity_id in enumerate(activities, start=1):
        tag_activity(db, activity_id)
        if progress:
            progress(0.5 + 0.5 * number / len(activities), "Re-tagging with the new model")
    if progress:
        progress(1.0, "Trained and re-tagged")
    return metrics


def stale_frameworks(db: Database) -> list[str]:
    """Frameworks whose stored tagger learnt from a story since withdrawn (`forget_in_taggers`)
    and waits to be retrained."""
    return [
        row[0]
        for row in db.execute(
            "SELECT framework_id FROM classifiers WHERE stale ORDER BY framework_id"
        )
    ]
