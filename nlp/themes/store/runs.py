"""Fitting runs and refit proposals.

A run fits themes over the checked stories in scope. Without protected themes a refit simply
replaces the draft themes; with any, it is stored as a proposal that the analyst accepts or
rejects, so analysts' work survives refits.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
import sqlite_utils

import consent
from nlp import embed
from nlp.themes import fitting
from nlp.themes.store import pending
from nlp.themes.store.assignment import assign_new_stories, readable_label
from nlp.themes.store.scope import (
    Progress,
    ThemeError,
    checked_story_ids,
    current_run,
    current_theme_ids,
    list_runs,
    memberships,
    model_root,
    protected_theme_ids,
    quiet,
    scope_clause,
    theme_labels,
)
from plumbing import db as wdb
from plumbing.clock import now_iso


@dataclass
class RunResult:
    """What a fit did: status is 'done', 'proposed', 'too_few', 'no_themes' or 'failed' (and a
    run a killed worker left behind is marked 'interrupted' when the next one starts)."""

    run_id: int
    status: str
    message: str
    n_stories: int
    n_themes: int = 0
    proposal_id: int | None = None


INTERRUPTED = "The worker stopped during this run; the themes were fitted again after it."


def run_themes(
    db: sqlite_utils.Database, activity_id: int | None = None, progress: Progress | None = None
) -> RunResult:
    """Fit themes over the checked stories in scope and record the run.

    New stories first join existing themes through the current model. Then the refit is
    applied at once if no theme is protected, or stored as a proposal if any is.
    """
    progress = progress or quiet
    story_ids = checked_story_ids(db, activity_id)
    with wdb.write(db):
        # A run a killed worker left 'running' never finishes: its job is sent again and
        # makes this run. Were that earlier run still alive somewhere, its own end would
        # overwrite this mark.
        db.execute(
            "UPDATE theme_runs SET status = 'interrupted', message = ? "
            "WHERE status = 'running' AND activity_id IS ?",
            [INTERRUPTED, activity_id],
        )
        run_id = (
            db["theme_runs"]
            .insert(
                {
                    "activity_id": activity_id,
                    "created_at": now_iso(),
                    "status": "running",
                    "n_stories": len(story_ids),
                    "params": "{}",
                }
            )
            .last_pk
        )
    try:
        return _run(db, run_id, activity_id, story_ids, progress)
    except Exception as error:
        _finish_run(db, run_id, "failed", f"The theme run failed ({type(error).__name__}).")
        raise


def _run(
    db: sqlite_utils.Database, run_id: int, activity_id, story_ids: list[int], progress: Progress
) -> RunResult:
    if len(story_ids) < fitting.MIN_STORIES:
        message = (
            f"Themes need at least {fitting.MIN_STORIES} checked stories; "
            f"there are {len(story_ids)}."
        )
        _finish_run(db, run_id, "too_few", message)
        return RunResult(run_id, "too_few", message, len(story_ids))
    progress(0.02, "Embedding stories")
    vectors = embed.ensure_embeddings(
        db, story_ids, progress=lambda f, m: progress(0.02 + 0.5 * f, m)
    )
    texts = embed.checked_texts(db, story_ids)
    story_ids = [sid for sid in story_ids if sid in vectors and sid in texts]
    if protected_theme_ids(db, activity_id):
        progress(0.55, "Placing new stories in existing themes")
        assign_new_stories(db, activity_id)
    progress(0.6, "Finding themes")
    fit = fitting.fit_themes(
        [texts[sid] for sid in story_ids], np.vstack([vectors[sid] for sid in story_ids])
    )
    if fit.status != "done":
        _finish_run(db, run_id, fit.status, fit.message, fit.params)
        return RunResult(run_id, fit.status, fit.message, len(story_ids))
    progress(0.9, "Saving themes")
    model_dir = model_root(db) / f"run-{run_id}"
    fitting.save_model(fit.model, model_dir)
    changes = _plan(db, activity_id, run_id, story_ids, fit)
    with wdb.write(db):
        db["theme_runs"].update(
            run_id,
            {"params": json.dumps(fit.params), "model_dir": str(model_dir)},
        )
        db["theme_points"].upsert_all(
            (
                {"story_id": sid, "run_id": run_id, "x": float(x), "y": float(y)}
                for sid, (x, y) in zip(story_ids, fit.coords, strict=True)
            ),
            pk="story_id",
        )
        if not protected_theme_ids(db, activity_id):
            _apply(db, activity_id, changes)  # no protected theme: no keywords to refresh
            status, proposal_id = "done", None
        else:
            where, params = scope_clause(activity_id)
            db.execute(
                f"UPDATE theme_proposals SET status = 'superseded' "
                f"WHERE {where} AND status = 'pending'",
                params,
            )
            proposal_id = (
                db["theme_proposals"]
                .insert(
                    {
                        "run_id": run_id,
                        "activity_id": activity_id,
                        "changes": json.dumps(changes),
                        "created_at": now_iso(),
                    }
                )
                .last_pk
            )
            status = "proposed"
    message = fit.message if status == "done" else fit.message + " Awaiting an analyst's review."
    _finish_run(db, run_id, status, message, fit.params)
    prune_models(db, activity_id)
    progress(1.0, message)
    return RunResult(run_id, status, message, len(story_ids), fit.n_themes, proposal_id)


def _finish_run(
    db: sqlite_utils.Database, run_id: int, status: str, message: str, params: dict | None = None
) -> None:
    fields: dict[str, Any] = {"status": status, "message": message}
    if params:
        fields["params"] = json.dumps(params)
    with wdb.write(db):
        db["theme_runs"].update(run_id, fields)


def _plan(
    db: sqlite_utils.Database, activity_id, run_id: int, story_ids: list[int], fit: fitting.ThemeFit
) -> dict:
    """The changes a refit would make, as ids only (proposals must not hold story text).

    A new topic matches a protected theme when at least half its stories are already there;
    otherwise it takes over the id of the unprotected draft holding most of its stories, so
    pages and links stay stable across refits.
    """
    protected = protected_theme_ids(db, activity_id)
    held = memberships(db, protected)
    drafts = memberships(
        db, [t for t in current_theme_ids(db, activity_id) if t not in set(protected)]
    )
    members: dict[int, list[int]] = defaultdict(list)
    probability: dict[int, float] = {}
    for sid, topic, prob in zip(story_ids, fit.topics, fit.probabilities, strict=True):
        if topic != -1:
            members[topic].append(sid)
            probability[sid] = prob
    matched: dict[int, int] = {}
    for topic, sids in members.items():
        overlap = Counter(held[s][0] for s in sids if s in held)
        if overlap:
            theme_id, count = overlap.most_common(1)[0]
            if count * 2 >= len(sids):
                matched[topic] = theme_id
    reused: dict[int, int] = {}
    for topic, sids in sorted(members.items(), key=lambda item: -len(item[1])):
        if topic in matched:
            continue
        overlap = Counter(drafts[s][0] for s in sids if s in drafts)
        for theme_id, _count in overlap.most_common():
            if theme_id not in reused.values():
                reused[topic] = theme_id
                break
    changes: dict[str, Any] = {
        "run_id": run_id,
        "matched": {str(t): th for t, th in matched.items()},
        "new_themes": [],
        "additions": [],
        "moves": [],
    }
    for topic in sorted(members):
        keywords = fit.keywords.get(topic, [])
        targets = []
        for sid in members[topic]:
            now_in, source = held.get(sid, (None, None))
            if source == "analyst" or now_in == matched.get(topic, -1):
                continue  # pinned by an analyst, or already where the refit puts it
            if now_in is not None:
                changes["moves"].append(
                    {"story_id": sid, "from_theme_id": now_in, "to_topic": topic}
                )
            targets.append([sid, probability[sid]])
        if topic in matched:
            changes["additions"].append(
                {"theme_id": matched[topic], "topic": topic, "members": targets}
            )
        else:
            changes["new_themes"].append(
                {
                    "topic": topic,
                    "keywords": keywords,
                    "name": fit.names.get(topic),
                    "members": targets,
                    "theme_id": reused.get(topic),
                }
            )
    return changes


def _apply(db: sqlite_utils.Database, activity_id, changes: dict) -> list[int]:
    """Carry out a plan inside the caller's transaction; returns the protected themes whose
    membership changed (their keywords need refreshing).

    Approved themes do not change here: a story the plan would add to one, or take out of
    one, is held for the analyst on that theme's page (`pending.hold`).
    """
    run_id = changes["run_id"]
    protected = set(protected_theme_ids(db, activity_id))
    current = current_theme_ids(db, activity_id)
    approved = pending.approved_ids(db, current)
    existing = set(consent.story_ids(db))
    # Stories an analyst placed stay where they are, whatever the plan says.
    pinned = {sid for sid, (_t, source) in memberships(db, current).items() if source == "analyst"}
    placeable = existing - pinned
    moving_from = {move["story_id"]: move["from_theme_id"] for move in changes["moves"]}
    stamp = now_iso()
    # Unprotected drafts are replaced by the refit, keeping the ids of those it carries on.
    carried = {item["theme_id"] for item in changes["new_themes"]}
    for theme_id in current:
        if theme_id not in protected:
            db.execute("DELETE FROM theme_members WHERE theme_id = ?", [theme_id])
            if theme_id not in carried:
                db["themes"].update(theme_id, {"status": "retired", "updated_at": stamp})
    # What an earlier refit held and this one no longer proposes is withdrawn with it.
    db.execute(
        "DELETE FROM theme_pending WHERE status = 'pending' AND origin = 'refit' "
        "AND to_theme_id IN (SELECT value FROM json_each(?))",
        [json.dumps(current)],
    )
    topic_theme: dict[int, int] = {}
    placements: list[tuple[int, list]] = []
    for item in changes["new_themes"]:
        fields = {
            "run_id": run_id,
            "activity_id": activity_id,
            "topic": item["topic"],
            "label": readable_label(item.get("name"), item["keywords"]),
            "label_reviewed": 0,
            "keywords": json.dumps(item["keywords"]),
            "words_stale": 0,
            "updated_at": stamp,
        }
        theme_id = item.get("theme_id")
        if (
            theme_id is not None
            and db.execute(
                "SELECT 1 FROM themes WHERE id = ? AND status = 'draft' AND label_source = 'model'",
                [theme_id],
            ).fetchone()
        ):
            db["themes"].update(theme_id, fields)
        else:
            theme_id = db["themes"].insert({**fields, "created_at": stamp}).last_pk
        topic_theme[item["topic"]] = theme_id
        placements.append((theme_id, item["members"]))
    for item in changes["additions"]:
        theme_id = item["theme_id"]
        if theme_id not in current:
            continue  # merged away since the proposal was made
        if theme_id not in approved:
            db["themes"].update(theme_id, {"run_id": run_id, "topic": item["topic"]})
        topic_theme[item["topic"]] = theme_id
        placements.append((theme_id, item["members"]))
    held: list[dict] = []
    changed: set[int] = set()
    scope = set(current) | set(topic_theme.values())
    for theme_id, members in placements:
        placed = []
        for sid, prob in members:
            if sid not in placeable:
                continue
            source = moving_from.get(sid)
            if theme_id in approved or source in approved:
                held.append(
                    {
                        "story_id": sid,
                        "to_theme_id": theme_id,
                        "from_theme_id": source,
                        "probability": prob,
                    }
                )
            else:
                placed.append((sid, prob))
                changed.update({theme_id} | ({source} if source is not None else set()))
        _add_members(db, theme_id, placed, sorted(scope))
        # A story the accepted refit placed elsewhere no longer waits for an approved theme.
        db.execute(
            "DELETE FROM theme_pending WHERE status = 'pending' "
            "AND story_id IN (SELECT value FROM json_each(?))",
            [json.dumps([sid for sid, _prob in placed])],
        )
    pending.hold(db, held, origin="refit", run_id=run_id)
    db["theme_topics"].insert_all(
        ({"run_id": run_id, "topic": t, "theme_id": th} for t, th in topic_theme.items()),
        pk=("run_id", "topic"),
        replace=True,
    )
    db["theme_runs"].update(run_id, {"status": "done"})
    return sorted(changed & protected)


def _add_members(db: sqlite_utils.Database, theme_id: int, members: list, scope: list) -> None:
    """Model memberships, keeping each story in one theme of the scope."""
    db.execute(
        "DELETE FROM theme_members WHERE theme_id != ? "
        "AND theme_id IN (SELECT value FROM json_each(?)) "
        "AND story_id IN (SELECT value FROM json_each(?))",
        [theme_id, json.dumps(scope), json.dumps([sid for sid, _prob in members])],
    )
    db["theme_members"].insert_all(
        (
            {"theme_id": theme_id, "story_id": sid, "source": "model", "probability": prob}
            for sid, prob in members
        ),
        pk=("theme_id", "story_id"),
        replace=True,
    )


def pending_proposal(db: sqlite_utils.Database, activity_id: int | None = None) -> dict | None:
    """The refit awaiting review in scope, summarised for the page, or None.

    Only real changes are listed, each theme once: `new_themes` with proposed keywords and
    sizes; `additions`, how many stories would join each existing theme (for an approved
    theme, `held` says they would wait for review on its page); `moves`, how many would leave
    each theme. A theme no story would join or leave is not listed.
    """
    where, params = scope_clause(activity_id)
    rows = list(
        db.query(
            f"SELECT * FROM theme_proposals WHERE {where} AND status = 'pending' "
            "ORDER BY id DESC LIMIT 1",
            params,
        )
    )
    if not rows:
        return None
    row = rows[0]
    changes = json.loads(row["changes"])
    labels = theme_labels(db)
    current = current_theme_ids(db, activity_id)
    approved = pending.approved_ids(db, current)
    joining: Counter[int] = Counter()
    for item in changes["additions"]:
        if item["theme_id"] in current:
            joining[item["theme_id"]] += len(item["members"])
    leaving = Counter(
        move["from_theme_id"] for move in changes["moves"] if move["from_theme_id"] in current
    )
    return {
        "id": row["id"],
        "run_id": row["run_id"],
        "created_at": row["created_at"],
        "new_themes": [
            {"keywords": item["keywords"], "size": len(item["members"])}
            for item in changes["new_themes"]
            if item["members"]
        ],
        "additions": [
            {
                "theme_id": theme_id,
                "label": labels.get(theme_id, ""),
                "joining": count,
                "held": theme_id in approved,
            }
            for theme_id, count in sorted(joining.items())
            if count
        ],
        "moves": [
            {
                "theme_id": theme_id,
                "label": labels.get(theme_id, ""),
                "leaving": count,
                "held": theme_id in approved,
            }
            for theme_id, count in sorted(leaving.items())
        ],
    }


def accept_proposal(
    db: sqlite_utils.Database, proposal_id: int, by: int | None = None
) -> list[int]:
    """Apply a pending refit: protected themes keep their labels and status and gain the
    stories the refit places with them; unprotected drafts are replaced. Whatever would change
    an approved theme is held for review on its page instead.

    Returns the protected themes whose stories changed: the caller queues the refresh of their
    keywords (a model's work, which no request waits for)."""
    with wdb.write(db):
        row = _pending(db, proposal_id)
        changed = _apply(db, row["activity_id"], json.loads(row["changes"]))
        db["theme_proposals"].update(
            proposal_id, {"status": "accepted", "decided_by": by, "decided_at": now_iso()}
        )
    prune_models(db, row["activity_id"])
    return changed


def reject_proposal(db: sqlite_utils.Database, proposal_id: int, by: int | None = None) -> None:
    """Keep the themes as they are; the proposed run is marked rejected."""
    with wdb.write(db):
        row = _pending(db, proposal_id)
        db["theme_proposals"].update(
            proposal_id, {"status": "rejected", "decided_by": by, "decided_at": now_iso()}
        )
        db["theme_runs"].update(row["run_id"], {"status": "rejected"})
    prune_models(db, row["activity_id"])


def _pending(db: sqlite_utils.Database, proposal_id: int) -> dict:
    rows = list(db.query("SELECT * FROM theme_proposals WHERE id = ?", [proposal_id]))
    if not rows or rows[0]["status"] != "pending":
        raise ThemeError("That proposal is no longer pending.")
    return rows[0]


def prune_models(db: sqlite_utils.Database, activity_id: int | None = None) -> int:
    """Delete saved models no longer needed: all but the current run's and a pending
    proposal's. Old models hold c-TF-IDF rows of stories that may since have been withdrawn."""
    where, params = scope_clause(activity_id)
    keep = {
        row[0]
        for row in db.execute(
            f"SELECT run_id FROM theme_proposals WHERE {where} AND status = 'pending'", params
        )
    }
    run = current_run(db, activity_id)
    if run:
        keep.add(run["id"])
    removed = 0
    for old in list_runs(db, activity_id):
        if old["id"] not in keep and old["model_dir"]:
            shutil.rmtree(old["model_dir"], ignore_errors=True)
            with wdb.write(db):
                db["theme_runs"].update(old["id"], {"model_dir": None})
            removed += 1
    return removed
