"""Priority tags and criticality scores in the working database.

The model proposes; analysts decide. A tag an analyst has confirmed or rejected is ground truth:
re-tagging never changes it, and only an analyst can. Everything here takes and returns plain
data, so review pages can stay thin.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlite_utils import Database

import consent
from consent import delete_rows, register_cleanup
from nlp import criticality, embed
from nlp.priorities import Framework, FrameworkError, framework_version, get_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import learner as tag_learner
from nlp.tagging import proposals as tagging
from plumbing import db as wdb
from plumbing.clock import now_iso

EMBEDDING_DIM = 384
BULK_ACTIONS = ("accept", "reject", "add")
# Tags that count a story towards a priority wherever stories are counted (actions, exports,
# publication): an analyst's confirmation, or the model's proposal not yet rejected.
COUNTED_TAG_STATES = ("confirmed", "proposed")
Progress = Callable[[float, str], None]
# A theme is linked to a priority only when at least this share of its stories carry the
# priority. A story carries about 1.2 priority tags, so with the demo's eight priorities a
# priority reaches about 15 % of any group of stories by chance; a quarter is well above that,
# yet low enough for a theme that is about two priorities to be linked to both. Linking on a
# single tagged story (as before) gave themes six or seven of eight priorities each.
THEME_PRIORITY_SHARE = 0.25


@dataclass
class TaggingResult:
    """What a tagging pass did: stories tagged, and stories left until they are embedded."""

    tagged: list[int] = field(default_factory=list)
    waiting_for_embedding: list[int] = field(default_factory=list)
    proposed: int = 0


def forget_in_taggers(db: Database, story_id: int) -> None:
    """A withdrawn story leaves no word in a stored tagger: mark stale every framework's
    tagger an analyst's decision about the story could have taught, and drop those
    frameworks' calibrated margins (back to the default until retrained).

    A stale tagger is never used to tag (`load_classifier`); the withdrawal flows and the
    worker (`retrain_stale_taggers`) retrain it from the stories left. Decided tags only ever
    grow until a withdrawal, so the story's decided tags now cover every tagger trained on it.
    Runs inside the withdrawal, before the story's tags are deleted (registered first below).
    """
    decided = (
        "SELECT framework_id FROM tags WHERE story_id = ? AND state IN ('confirmed', 'rejected')"
    )
    db.execute(f"UPDATE classifiers SET stale = 1 WHERE framework_id IN ({decided})", [story_id])
    db.execute(
        f"UPDATE priorities SET threshold = NULL WHERE framework_id IN ({decided})", [story_id]
    )


# A withdrawn story stops counting towards any priority, and its criticality score goes. Its
# mark on the taggers comes first: it reads the story's tags.
register_cleanup("classifiers")(forget_in_taggers)
register_cleanup("tags")(delete_rows("tags"))
register_cleanup("criticality")(delete_rows("criticality"))


def story_vectors(db: Database, story_ids: list[int]) -> dict[int, np.ndarray]:
    """Cached tagging vectors (`nlp.tagging.encoder`, float32, 384-d) of the stories that have one
    from the current tagging encoder; `tag_encoder.ensure_tag_embeddings` fills the cache."""
    return {
        sid: vector
        for sid, vector in tag_encoder.load_tag_embeddings(db, story_ids).items()
        if vector.shape == (EMBEDDING_DIM,)
    }


def _embedded(
    db: Database, story_ids: list[int], vectors_of=story_vectors
) -> tuple[dict[int, np.ndarray], TaggingResult]:
    """The stories' vectors (tagging vectors unless `vectors_of` reads others), and a result
    that lists which have one and which wait for it."""
    vectors = vectors_of(db, story_ids)
    result = TaggingResult(
        tagged=[sid for sid in story_ids if sid in vectors],
        waiting_for_embedding=[sid for sid in story_ids if sid not in vectors],
    )
    return vectors, result


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    ids = list(ids)
    return [ids[i : i + size] for i in range(0, len(ids), size)]


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
    vectors, result = _embedded(db, story_ids)
    if not result.tagged:
        return result
    matrix = np.stack([vectors[sid] for sid in result.tagged])
    version = framework_version(db, framework_id)
    texts = embed.checked_texts(db, result.tagged)
    proposals = tagging.propose(
        matrix,
        framework,
        thresholds=_thresholds(db, framework),
        classifier=load_classifier(db, framework_id),
        version=f"{tagging.ZERO_SHOT_VERSION}/{framework_id}@v{version}",
        texts=[texts.get(sid, "") for sid in result.tagged],
    )
    now = now_iso()
    with wdb.write(db):
        decided = _decided(db, result.tagged, framework_id)
        for chunk in _chunks(result.tagged):
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
    for chunk in _chunks(story_ids):
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


def _check_priority(db: Database, framework_id: str, priority_id: str) -> None:
    if not db.execute(
        "SELECT 1 FROM priorities WHERE framework_id = ? AND id = ?", [framework_id, priority_id]
    ).fetchone():
        get_framework(db, framework_id)  # raises UnknownFrameworkError first if need be
        raise KeyError(f"framework {framework_id!r} has no priority {priority_id!r}")


def _decide(
    db: Database, story_id: int, framework_id: str, priority_id: str, state: str, user_id: int
) -> None:
    _check_priority(db, framework_id, priority_id)
    if not consent.story_facts(db, [story_id]):
        raise LookupError("That story no longer exists (it may have been withdrawn).")
    now = now_iso()
    with wdb.write(db):
        updated = db.execute(
            "UPDATE tags SET state = ?, reviewed_by = ?, updated_at = ? "
            "WHERE story_id = ? AND framework_id = ? AND priority_id = ?",
            [state, user_id, now, story_id, framework_id, priority_id],
        ).rowcount
        if not updated:
            db["tags"].insert(
                {
                    "story_id": story_id,
                    "framework_id": framework_id,
                    "priority_id": priority_id,
                    "score": None,
                    "source": "analyst",
                    "state": state,
                    "evidence": None,
                    "model_version": None,
                    "updated_at": now,
                    "reviewed_by": user_id,
                }
            )


def confirm_tag(
    db: Database, story_id: int, framework_id: str, priority_id: str, user_id: int
) -> None:
    """The analyst agrees the story is about this priority (creates the tag if none exists)."""
    _decide(db, story_id, framework_id, priority_id, "confirmed", user_id)


def reject_tag(
    db: Database, story_id: int, framework_id: str, priority_id: str, user_id: int
) -> None:
    """The analyst says the story is not about this priority; the model will not propose it
    again for this story."""
    _decide(db, story_id, framework_id, priority_id, "rejected", user_id)


def add_tag(db: Database, story_id: int, framework_id: str, priority_id: str, user_id: int) -> None:
    """The analyst tags a priority the model did not propose; recorded as confirmed."""
    _decide(db, story_id, framework_id, priority_id, "confirmed", user_id)


def bulk_tag_theme(
    db: Database, theme_id: int, framework_id: str, priority_id: str, action: str, user_id: int
) -> int:
    """Apply one decision to every story in a theme; returns how many tags changed.

    `accept` confirms the model's proposals, `reject` rejects them, and `add` confirms the
    priority for every member. None of them overturns a decision an analyst already made about
    a single story, so a bulk action never undoes careful one-by-one review.
    """
    if action not in BULK_ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {', '.join(BULK_ACTIONS)}")
    _check_priority(db, framework_id, priority_id)
    now = now_iso()
    state = "rejected" if action == "reject" else "confirmed"
    with wdb.write(db):
        changed = db.execute(
            "UPDATE tags SET state = ?, reviewed_by = ?, updated_at = ? "
            "WHERE framework_id = ? AND priority_id = ? AND state = 'proposed' "
            "AND story_id IN (SELECT story_id FROM theme_members WHERE theme_id = ?)",
            [state, user_id, now, framework_id, priority_id, theme_id],
        ).rowcount
        if action == "add":
            changed += db.execute(
                "INSERT INTO tags (story_id, framework_id, priority_id, source, state, "
                "updated_at, reviewed_by) "
                "SELECT m.story_id, ?, ?, 'analyst', 'confirmed', ?, ? FROM theme_members m "
                "WHERE m.theme_id = ? AND NOT EXISTS (SELECT 1 FROM tags t "
                "WHERE t.story_id = m.story_id AND t.framework_id = ? AND t.priority_id = ?)",
                [framework_id, priority_id, now, user_id, theme_id, framework_id, priority_id],
            ).rowcount
    return changed


_TAG_COLUMNS = (
    "t.story_id, t.framework_id, t.priority_id, p.title, t.score, t.source, t.state, "
    "t.evidence, t.model_version, t.updated_at, t.reviewed_by"
)


def tags_for_story(db: Database, story_id: int, framework_id: str | None = None) -> list[dict]:
    """A story's tags, confirmed first then by score: priority title, score, source, state,
    evidence (the nearest example phrase), model version and reviewer."""
    sql = (
        f"SELECT {_TAG_COLUMNS} FROM tags t JOIN priorities p "
        "ON p.framework_id = t.framework_id AND p.id = t.priority_id WHERE t.story_id = ?"
    )
    params: list = [story_id]
    if framework_id is not None:
        sql += " AND t.framework_id = ?"
        params.append(framework_id)
    sql += (
        " ORDER BY CASE t.state WHEN 'confirmed' THEN 0 WHEN 'proposed' THEN 1 ELSE 2 END, "
        "t.score DESC"
    )
    return [_with_title_key(row) for row in db.query(sql, params)]


def _with_title_key(row: dict) -> dict:
    row["priority_title"] = row.pop("title")
    return row


def tags_for_stories(db: Database, story_ids: list[int], framework_id: str) -> dict[int, list]:
    """Tags of many stories at once, keyed by story id (for list pages)."""
    result: dict[int, list] = {sid: [] for sid in story_ids}
    for chunk in _chunks(story_ids):
        placeholders = ",".join("?" * len(chunk))
        for row in db.query(
            f"SELECT {_TAG_COLUMNS} FROM tags t JOIN priorities p "
            "ON p.framework_id = t.framework_id AND p.id = t.priority_id "
            f"WHERE t.framework_id = ? AND t.story_id IN ({placeholders}) "
            "ORDER BY t.score DESC",
            [framework_id, *chunk],
        ):
            result[row["story_id"]].append(_with_title_key(row))
    return result


def shared_priorities(
    story_ids: list[int], story_tags: dict[int, dict], minimum: float = THEME_PRIORITY_SHARE
) -> dict:
    """{priority: share of the stories that carry it} for the priorities at least `minimum`
    of the stories carry; `story_tags` maps each story to its priorities (any mapping)."""
    if not story_ids:
        return {}
    counts: dict = {}
    for story_id in story_ids:
        for priority in story_tags.get(story_id, {}):
            counts[priority] = counts.get(priority, 0) + 1
    shares = {priority: count / len(story_ids) for priority, count in counts.items()}
    return {priority: share for priority, share in shares.items() if share >= minimum}


def review_order(db: Database, story_ids: list[int], framework_id: str) -> list[int]:
    """The stories in the order an analyst's review teaches the tagger most: stories with no
    decision yet first, least certain first, then the decided ones.

    Certainty of a story is how far its least certain proposal's calibrated probability is from
    0.5; a story with only zero-shot proposals (no learnt model covers them) or none at all
    counts as least certain. Ties keep the given order.
    """
    certainty: dict[int, float] = {}
    decided: set[int] = set()
    for chunk in _chunks(story_ids):
        placeholders = ",".join("?" * len(chunk))
        for story_id, state, source, score, version in db.execute(
            f"SELECT story_id, state, source, score, model_version FROM tags "
            f"WHERE framework_id = ? AND story_id IN ({placeholders})",
            [framework_id, *chunk],
        ):
            if state != "proposed" or source != "model":
                decided.add(story_id)
            elif score is not None and (version or "").startswith(tag_learner.VERSION_PREFIX):
                sureness = abs(float(score) - 0.5)
                certainty[story_id] = min(certainty.get(story_id, 1.0), sureness)
    position = {sid: n for n, sid in enumerate(story_ids)}
    return sorted(
        story_ids,
        key=lambda sid: (sid in decided, certainty.get(sid, 0.0), position[sid]),
    )


def tags_for_theme(db: Database, theme_id: int, framework_id: str) -> list[dict]:
    """Per priority of the framework, how many of the theme's stories have it proposed,
    confirmed or rejected; priorities in framework order, including those with no tags."""
    return list(
        db.query(
            "SELECT p.id AS priority_id, p.title AS priority_title, "
            "coalesce(sum(t.state = 'proposed'), 0) AS proposed, "
            "coalesce(sum(t.state = 'confirmed'), 0) AS confirmed, "
            "coalesce(sum(t.state = 'rejected'), 0) AS rejected, "
            "(SELECT count(*) FROM theme_members WHERE theme_id = :theme) AS members "
            "FROM priorities p LEFT JOIN tags t ON t.framework_id = p.framework_id "
            "AND t.priority_id = p.id "
            "AND t.story_id IN (SELECT story_id FROM theme_members WHERE theme_id = :theme) "
            "WHERE p.framework_id = :framework GROUP BY p.id ORDER BY p.rowid",
            {"theme": theme_id, "framework": framework_id},
        )
    )


def stories_with_priority(
    db: Database, framework_id: str, priority_id: str, states: tuple[str, ...] = ("confirmed",)
) -> list[int]:
    """Ids of stories tagged with a priority in the given states (confirmed by default)."""
    placeholders = ",".join("?" * len(states))
    return [
        row[0]
        for row in db.execute(
            f"SELECT story_id FROM tags WHERE framework_id = ? AND priority_id = ? "
            f"AND state IN ({placeholders}) ORDER BY story_id",
            [framework_id, priority_id, *states],
        )
    ]


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
    migration m011, none has one, and training on none would drop the tagger). Takes seconds
    for thousands of stories.
    """
    started = time.perf_counter()
    framework = get_framework(db, framework_id)
    story_ids, labels, known = _training_labels(db, framework)
    tag_encoder.ensure_tag_embeddings(db, story_ids)
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
    try:
        model = tag_learner.fit(
            framework,
            framework.ids,
            [texts[story_ids[row]] for row in rows],
            vectors[rows],
            labels[rows],
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


def score_criticality(db: Database, story_ids: list[int]) -> TaggingResult:
    """Score and store criticality (−5..+5) for the stories that are embedded. Criticality's
    ridge was fitted on the packaged model's vectors (`embeddings`), not the tagging ones."""
    vectors, result = _embedded(db, story_ids, embed.load_embeddings)
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
    for chunk in _chunks(story_ids):
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


def counted_tags(db: Database) -> list[dict]:
    """Every tag that counts a story towards a priority (`COUNTED_TAG_STATES`): story_id,
    framework_id, priority_id and state."""
    return list(
        db.query(
            "SELECT story_id, framework_id, priority_id, state FROM tags "
            "WHERE state IN (SELECT value FROM json_each(?)) ORDER BY story_id",
            [json.dumps(COUNTED_TAG_STATES)],
        )
    )


def all_priorities(db: Database) -> list[dict]:
    """Every stored priority with its framework's title: framework_id, framework, id, title
    and description, by framework title, then priority title."""
    return list(
        db.query(
            "SELECT p.framework_id, f.title AS framework, p.id, p.title, p.description "
            "FROM priorities p JOIN frameworks f ON f.id = p.framework_id "
            "ORDER BY f.title, p.title, p.id"
        )
    )
