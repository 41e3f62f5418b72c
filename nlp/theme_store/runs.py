"""Themes in the working database: fitting runs, analyst edits that survive refits, and the
read functions the review pages show.

Scope: `activity_id=None` means the themes fitted across all activities (rows whose
activity_id IS NULL); an id means that activity's own themes.

A theme an analyst has touched (renamed, approved, marked not for publication, or given a
story by hand) is *protected*: a refit never relabels it or takes its stories away on its own.
Instead the refit is stored as a proposal that the analyst accepts or rejects. Without
protected themes, a refit simply replaces the draft themes.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from consent import register_cleanup
from nlp import embed, themes
from plumbing import db as wdb
from plumbing.clock import now_iso

Progress = Callable[[float, str], None]
QUOTE_PURPOSE = "publish_quotes"
EXCERPT_CHARS = 240
REPRESENTATIVE_EXCERPTS = 3
STATUSES = ("draft", "approved", "not_for_publication")


class ThemeError(ValueError):
    """An edit that cannot be made; the message is safe to show and holds no story text."""


@dataclass
class RunResult:
    """What a fit did: status is 'done', 'proposed', 'too_few', 'no_themes' or 'failed'."""

    run_id: int
    status: str
    message: str
    n_stories: int
    n_themes: int = 0
    proposal_id: int | None = None


@register_cleanup("theme_members")
def _forget_memberships(db, story_id: int) -> list[int]:
    """A withdrawn story leaves its themes; returns them, for their keywords to be refreshed."""
    themes = [
        row[0]
        for row in db.execute("SELECT theme_id FROM theme_members WHERE story_id = ?", [story_id])
    ]
    db.execute("DELETE FROM theme_members WHERE story_id = ?", [story_id])
    return themes


@register_cleanup("theme_points")
def _forget_map_point(db, story_id: int) -> None:
    """And its dot on the theme map."""
    db.execute("DELETE FROM theme_points WHERE story_id = ?", [story_id])


@register_cleanup("quotes", purpose=QUOTE_PURPOSE)
@register_cleanup("quotes")
def _forget_quotes(db, story_id: int) -> list[int]:
    """Its quotes go when the story or the consent to quote it is withdrawn; returns the
    themes they illustrated."""
    themes = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT theme_id FROM quotes WHERE story_id = ? ORDER BY 1", [story_id]
        )
    ]
    db.execute("DELETE FROM quotes WHERE story_id = ?", [story_id])
    return themes


def _quiet(fraction: float, message: str = "") -> None:
    """Progress sink for callers that do not report progress."""


def _scope(activity_id: int | None) -> tuple[str, list]:
    return "activity_id IS ?", [activity_id]


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def model_root(db) -> Path:
    """Saved theme models live beside the working database file."""
    return Path(wdb.path_of(db)).parent / "theme_models"


# ---------------------------------------------------------------------------------- stories


def checked_story_ids(db, activity_id: int | None = None) -> list[int]:
    """Stories whose anonymised text a person has checked, oldest first."""
    sql = (
        "SELECT a.story_id FROM anonymisations a JOIN stories s ON s.id = a.story_id "
        "WHERE a.status = 'checked' AND a.text IS NOT NULL"
    )
    params: list = []
    if activity_id is not None:
        sql += " AND s.activity_id = ?"
        params.append(activity_id)
    return [row[0] for row in db.execute(sql + " ORDER BY a.story_id", params).fetchall()]


def activities_with_checked_stories(db) -> list[int]:
    """Activities that have at least one checked story, in id order."""
    return [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT s.activity_id FROM anonymisations a JOIN stories s "
            "ON s.id = a.story_id WHERE a.status = 'checked' ORDER BY 1"
        ).fetchall()
    ]


def _current_theme_ids(db, activity_id: int | None) -> list[int]:
    where, params = _scope(activity_id)
    return [
        row[0]
        for row in db.execute(
            f"SELECT id FROM themes WHERE {where} AND status != 'retired' ORDER BY id", params
        ).fetchall()
    ]


def _memberships(db, theme_ids: list[int]) -> dict[int, tuple[int, str]]:
    """story_id -> (theme_id, source) within the given themes."""
    if not theme_ids:
        return {}
    rows = db.execute(
        f"SELECT story_id, theme_id, source FROM theme_members "
        f"WHERE theme_id IN ({_marks(theme_ids)})",
        theme_ids,
    ).fetchall()
    return {story: (theme, source) for story, theme, source in rows}


def _protected_theme_ids(db, activity_id: int | None) -> list[int]:
    where, params = _scope(activity_id)
    return [
        row[0]
        for row in db.execute(
            f"""SELECT id FROM themes WHERE {where} AND status != 'retired' AND (
                    status IN ('approved', 'not_for_publication') OR label_source = 'analyst'
                    OR EXISTS (SELECT 1 FROM theme_members m
                               WHERE m.theme_id = themes.id AND m.source = 'analyst'))
                ORDER BY id""",
            params,
        ).fetchall()
    ]


def unthemed_story_ids(db, activity_id: int | None = None) -> list[int]:
    """Checked stories in scope that belong to no current theme."""
    themed = _memberships(db, _current_theme_ids(db, activity_id))
    return [sid for sid in checked_story_ids(db, activity_id) if sid not in themed]


# ------------------------------------------------------------------------------------ runs


def current_run(db, activity_id: int | None = None) -> dict | None:
    """The latest applied run in scope (its model assigns new stories)."""
    where, params = _scope(activity_id)
    rows = list(
        db.query(
            f"SELECT * FROM theme_runs WHERE {where} AND status = 'done' ORDER BY id DESC LIMIT 1",
            params,
        )
    )
    return rows[0] if rows else None


def list_runs(db, activity_id: int | None = None) -> list[dict]:
    """Every run in scope, newest first, with its status and message."""
    where, params = _scope(activity_id)
    return list(db.query(f"SELECT * FROM theme_runs WHERE {where} ORDER BY id DESC", params))


def run_themes(db, activity_id: int | None = None, progress: Progress | None = None) -> RunResult:
    """Fit themes over the checked stories in scope and record the run.

    New stories first join existing themes through the current model. Then the refit is
    applied at once if no theme is protected, or stored as a proposal if any is.
    """
    progress = progress or _quiet
    story_ids = checked_story_ids(db, activity_id)
    with wdb.write(db):
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


def _run(db, run_id: int, activity_id, story_ids: list[int], progress: Progress) -> RunResult:
    if len(story_ids) < themes.MIN_STORIES:
        message = (
            f"Themes need at least {themes.MIN_STORIES} checked stories; "
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
    if _protected_theme_ids(db, activity_id):
        progress(0.55, "Placing new stories in existing themes")
        assign_new_stories(db, activity_id)
    progress(0.6, "Finding themes")
    fit = themes.fit_themes(
        [texts[sid] for sid in story_ids], np.vstack([vectors[sid] for sid in story_ids])
    )
    if fit.status != "done":
        _finish_run(db, run_id, fit.status, fit.message, fit.params)
        return RunResult(run_id, fit.status, fit.message, len(story_ids))
    progress(0.9, "Saving themes")
    model_dir = model_root(db) / f"run-{run_id}"
    themes.save_model(fit.model, model_dir)
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
        if not _protected_theme_ids(db, activity_id):
            _apply(db, activity_id, changes)
            status, proposal_id = "done", None
        else:
            where, params = _scope(activity_id)
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


def _finish_run(db, run_id: int, status: str, message: str, params: dict | None = None) -> None:
    fields: dict[str, Any] = {"status": status, "message": message}
    if params:
        fields["params"] = json.dumps(params)
    with wdb.write(db):
        db["theme_runs"].update(run_id, fields)


def _plan(db, activity_id, run_id: int, story_ids: list[int], fit: themes.ThemeFit) -> dict:
    """The changes a refit would make, as ids only (proposals must not hold story text).

    A new topic matches a protected theme when at least half its stories are already there;
    otherwise it takes over the id of the unprotected draft holding most of its stories, so
    pages and links stay stable across refits.
    """
    protected = _protected_theme_ids(db, activity_id)
    held = _memberships(db, protected)
    drafts = _memberships(
        db, [t for t in _current_theme_ids(db, activity_id) if t not in set(protected)]
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
                    "members": targets,
                    "theme_id": reused.get(topic),
                }
            )
    return changes


def _apply(db, activity_id, changes: dict) -> None:
    """Carry out a plan inside the caller's transaction."""
    run_id = changes["run_id"]
    protected = set(_protected_theme_ids(db, activity_id))
    existing = {row[0] for row in db.execute("SELECT id FROM stories").fetchall()}
    current = _current_theme_ids(db, activity_id)
    # Stories an analyst placed stay where they are, whatever the plan says.
    pinned = {sid for sid, (_t, source) in _memberships(db, current).items() if source == "analyst"}
    placeable = existing - pinned
    stamp = now_iso()
    # Unprotected drafts are replaced by the refit, keeping the ids of those it carries on.
    carried = {item["theme_id"] for item in changes["new_themes"]}
    for theme_id in current:
        if theme_id not in protected:
            db.execute("DELETE FROM theme_members WHERE theme_id = ?", [theme_id])
            if theme_id not in carried:
                db["themes"].update(theme_id, {"status": "retired", "updated_at": stamp})
    for move in changes["moves"]:
        db.execute(
            "DELETE FROM theme_members WHERE story_id = ? AND theme_id = ? AND source = 'model'",
            [move["story_id"], move["from_theme_id"]],
        )
    topic_theme: dict[int, int] = {}
    for item in changes["new_themes"]:
        fields = {
            "run_id": run_id,
            "activity_id": activity_id,
            "topic": item["topic"],
            "label": auto_label(item["keywords"]),
            "keywords": json.dumps(item["keywords"]),
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
        _add_members(db, theme_id, item["members"], placeable, current)
    for item in changes["additions"]:
        theme_id = item["theme_id"]
        if theme_id not in current:
            continue  # merged away since the proposal was made
        db["themes"].update(theme_id, {"run_id": run_id, "topic": item["topic"]})
        topic_theme[item["topic"]] = theme_id
        _add_members(db, theme_id, item["members"], placeable, current)
    db["theme_topics"].insert_all(
        ({"run_id": run_id, "topic": t, "theme_id": th} for t, th in topic_theme.items()),
        pk=("run_id", "topic"),
        replace=True,
    )
    db["theme_runs"].update(run_id, {"status": "done"})
    refresh_keywords(db, [th for th in topic_theme.values() if th in protected])


def _add_members(db, theme_id: int, members: list, placeable: set[int], current: list) -> None:
    """Model memberships, keeping each story in one theme of the scope."""
    members = [(sid, prob) for sid, prob in members if sid in placeable]
    for sid, _prob in members:
        db.execute(
            f"DELETE FROM theme_members WHERE story_id = ? AND theme_id != ? "
            f"AND theme_id IN ({_marks(current)})",
            [sid, theme_id, *current],
        )
    db["theme_members"].insert_all(
        (
            {"theme_id": theme_id, "story_id": sid, "source": "model", "probability": prob}
            for sid, prob in members
        ),
        pk=("theme_id", "story_id"),
        replace=True,
    )


def auto_label(keywords: list[str]) -> str:
    """A provisional label from the top keywords, until an analyst names the theme.

    A phrase replaces the single word it contains ("car", "car park" gives "car park"), and
    words already shown are not repeated.
    """
    chosen: list[str] = []
    for keyword in keywords[:8]:
        words = set(keyword.split())
        overlapping = [c for c in chosen if words & set(c.split())]
        if not overlapping:
            chosen.append(keyword)
        elif len(overlapping) == 1 and words > set(overlapping[0].split()):
            chosen[chosen.index(overlapping[0])] = keyword
        if len(chosen) == 3:
            break
    return " / ".join(chosen).capitalize() if chosen else "Unnamed theme"


# ------------------------------------------------------------------------------- proposals


def pending_proposal(db, activity_id: int | None = None) -> dict | None:
    """The refit awaiting review in scope, summarised for the page, or None.

    `new_themes` list proposed keywords and sizes; `additions` say how many stories would join
    each existing theme; `moves` how many would leave each theme.
    """
    where, params = _scope(activity_id)
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
    labels = _labels(db)
    leaving = Counter(move["from_theme_id"] for move in changes["moves"])
    return {
        "id": row["id"],
        "run_id": row["run_id"],
        "created_at": row["created_at"],
        "new_themes": [
            {"keywords": item["keywords"], "size": len(item["members"])}
            for item in changes["new_themes"]
        ],
        "additions": [
            {
                "theme_id": item["theme_id"],
                "label": labels.get(item["theme_id"], ""),
                "joining": len(item["members"]),
            }
            for item in changes["additions"]
        ],
        "moves": [
            {"theme_id": theme_id, "label": labels.get(theme_id, ""), "leaving": count}
            for theme_id, count in sorted(leaving.items())
        ],
    }


def accept_proposal(db, proposal_id: int, by: int | None = None) -> None:
    """Apply a pending refit: protected themes keep their labels and status and gain the
    stories the refit places with them; unprotected drafts are replaced."""
    with wdb.write(db):
        row = _pending(db, proposal_id)
        _apply(db, row["activity_id"], json.loads(row["changes"]))
        db["theme_proposals"].update(
            proposal_id, {"status": "accepted", "decided_by": by, "decided_at": now_iso()}
        )
    prune_models(db, row["activity_id"])


def reject_proposal(db, proposal_id: int, by: int | None = None) -> None:
    """Keep the themes as they are; the proposed run is marked rejected."""
    with wdb.write(db):
        row = _pending(db, proposal_id)
        db["theme_proposals"].update(
            proposal_id, {"status": "rejected", "decided_by": by, "decided_at": now_iso()}
        )
        db["theme_runs"].update(row["run_id"], {"status": "rejected"})
    prune_models(db, row["activity_id"])


def _pending(db, proposal_id: int) -> dict:
    rows = list(db.query("SELECT * FROM theme_proposals WHERE id = ?", [proposal_id]))
    if not rows or rows[0]["status"] != "pending":
        raise ThemeError("That proposal is no longer pending.")
    return rows[0]


# --------------------------------------------------------------------- new stories, refresh


def assign_new_stories(
    db, activity_id: int | None = None, progress: Progress | None = None
) -> dict[int, int]:
    """Place checked stories that are in no theme into existing themes with the current
    model's transform; returns story_id -> theme_id for the stories placed."""
    progress = progress or _quiet
    run = current_run(db, activity_id)
    if run is None or not run["model_dir"] or not Path(run["model_dir"]).exists():
        return {}
    new_ids = unthemed_story_ids(db, activity_id)
    if not new_ids:
        return {}
    vectors = embed.ensure_embeddings(db, new_ids, progress=lambda f, m: progress(0.8 * f, m))
    texts = embed.checked_texts(db, new_ids)
    new_ids = [sid for sid in new_ids if sid in vectors and sid in texts]
    if not new_ids:
        return {}
    model = themes.load_model(run["model_dir"])
    matrix = np.vstack([vectors[sid] for sid in new_ids])
    topics, sims = themes.assign(model, [texts[sid] for sid in new_ids], matrix)
    topic_theme = dict(
        db.execute(
            "SELECT t.topic, t.theme_id FROM theme_topics t JOIN themes th ON th.id = t.theme_id "
            "WHERE t.run_id = ? AND th.status != 'retired'",
            [run["id"]],
        ).fetchall()
    )
    placed = {
        sid: topic_theme[topic]
        for sid, topic in zip(new_ids, topics, strict=True)
        if topic in topic_theme
    }
    similarity = dict(zip(new_ids, sims, strict=True))
    points = _nearest_points(db, activity_id, {sid: vectors[sid] for sid in placed})
    with wdb.write(db):
        db["theme_members"].insert_all(
            (
                {"theme_id": th, "story_id": sid, "source": "model", "probability": similarity[sid]}
                for sid, th in placed.items()
            ),
            pk=("theme_id", "story_id"),
            replace=True,
        )
        db["theme_points"].upsert_all(
            ({"story_id": sid, "run_id": run["id"], "x": x, "y": y} for sid, (x, y) in points),
            pk="story_id",
        )
    progress(1.0, f"{len(placed)} new stories placed in themes")
    return placed


def _nearest_points(db, activity_id, vectors: dict[int, np.ndarray]):
    """Map positions for stories the fit never saw: the mean position of their five most
    similar mapped stories."""
    rows = db.execute("SELECT story_id, x, y FROM theme_points").fetchall()
    scope = set(checked_story_ids(db, activity_id))
    mapped = {sid: (x, y) for sid, x, y in rows if sid in scope and sid not in vectors}
    known = embed.load_embeddings(db, mapped)
    ids = [sid for sid in mapped if sid in known]
    if not ids or not vectors:
        return []
    matrix = np.vstack([known[sid] for sid in ids])
    xy = np.array([mapped[sid] for sid in ids], dtype=np.float32)
    result = []
    for sid, vector in vectors.items():
        nearest = np.argsort(-(matrix @ vector))[:5]
        x, y = xy[nearest].mean(axis=0)
        result.append((sid, (float(x), float(y))))
    return result


def refresh_keywords(db, theme_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Recompute keywords from each theme's current members (after a withdrawal or an edit).

    Keywords are contrasted with the other current themes of the same scope. A draft theme
    still carrying its model label gets a label from the new keywords; a label an analyst
    chose is never changed.
    """
    wanted = None if theme_ids is None else {int(t) for t in theme_ids}
    if wanted is None:
        scopes = {row[0] for row in db.execute("SELECT DISTINCT activity_id FROM themes")}
    elif wanted:
        scopes = _scopes_of(db, wanted)
    else:
        return {}
    result: dict[int, list[str]] = {}
    with wdb.write(db):
        for activity_id in scopes:
            ids = _current_theme_ids(db, activity_id)
            groups = {tid: _member_texts(db, tid) for tid in ids}
            keywords = themes.keywords_for_groups(groups)
            for tid in ids:
                if wanted is not None and tid not in wanted:
                    continue
                row = db["themes"].get(tid)
                fields: dict[str, Any] = {"keywords": json.dumps(keywords[tid])}
                if row["label_source"] == "model" and row["status"] == "draft":
                    fields["label"] = auto_label(keywords[tid])
                db["themes"].update(tid, {**fields, "updated_at": now_iso()})
                result[tid] = keywords[tid]
    return result


def _scopes_of(db, theme_ids: set[int]) -> set:
    return {
        row[0]
        for row in db.execute(
            f"SELECT activity_id FROM themes WHERE id IN ({_marks(list(theme_ids))})",
            list(theme_ids),
        ).fetchall()
    }


def _member_texts(db, theme_id: int) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            "SELECT a.text FROM theme_members m JOIN anonymisations a ON a.story_id = m.story_id "
            "WHERE m.theme_id = ? AND a.status = 'checked' AND a.text IS NOT NULL",
            [theme_id],
        ).fetchall()
    ]


def prune_models(db, activity_id: int | None = None) -> int:
    """Delete saved models no longer needed: all but the current run's and a pending
    proposal's. Old models hold c-TF-IDF rows of stories that may since have been withdrawn."""
    where, params = _scope(activity_id)
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


# ---------------------------------------------------------------------------- analyst edits


def _theme(db, theme_id: int) -> dict:
    rows = list(db.query("SELECT * FROM themes WHERE id = ?", [theme_id]))
    if not rows or rows[0]["status"] == "retired":
        raise ThemeError("There is no such theme (it may have been merged or replaced).")
    return rows[0]


def rename_theme(db, theme_id: int, label: str, description: str | None = None) -> None:
    """Give a theme a human label (and description); refits never change it afterwards."""
    label = (label or "").strip()
    if not label:
        raise ThemeError("A theme needs a label.")
    with wdb.write(db):
        _theme(db, theme_id)
        fields = {"label": label[:200], "label_source": "analyst", "updated_at": now_iso()}
        if description is not None:
            fields["description"] = description.strip()
        db["themes"].update(theme_id, fields)


def set_theme_status(db, theme_id: int, status: str, by: int | None = None) -> None:
    """Approve a theme, mark it not for publication, or return it to draft."""
    if status not in STATUSES:
        raise ThemeError(f"Status must be one of: {', '.join(STATUSES)}.")
    with wdb.write(db):
        _theme(db, theme_id)
        fields: dict[str, Any] = {"status": status, "updated_at": now_iso()}
        if status == "approved":
            fields.update(approved_by=by, approved_at=now_iso())
        else:
            fields.update(approved_by=None, approved_at=None)
        db["themes"].update(theme_id, fields)


def approve_theme(db, theme_id: int, by: int | None = None) -> None:
    """Approve a theme for publication."""
    set_theme_status(db, theme_id, "approved", by)


def mark_not_for_publication(db, theme_id: int, by: int | None = None) -> None:
    """Keep a theme for internal use only."""
    set_theme_status(db, theme_id, "not_for_publication", by)


def merge_themes(db, target_id: int, source_ids: Iterable[int]) -> None:
    """Move every story of the source themes into the target and retire the sources.

    The moved stories count as placed by the analyst, so no refit moves them back.
    """
    sources = [int(s) for s in source_ids if int(s) != target_id]
    if not sources:
        raise ThemeError("Choose at least one other theme to merge.")
    with wdb.write(db):
        target = _theme(db, target_id)
        for source_id in sources:
            if _theme(db, source_id)["activity_id"] != target["activity_id"]:
                raise ThemeError("Only themes of the same activity can be merged.")
        marks = _marks(sources)
        db.execute(
            f"INSERT OR REPLACE INTO theme_members (theme_id, story_id, source, probability) "
            f"SELECT ?, story_id, 'analyst', probability FROM theme_members "
            f"WHERE theme_id IN ({marks})",
            [target_id, *sources],
        )
        db.execute(f"DELETE FROM theme_members WHERE theme_id IN ({marks})", sources)
        db.execute(
            f"UPDATE quotes SET theme_id = ? WHERE theme_id IN ({marks})", [target_id, *sources]
        )
        db.execute(
            f"UPDATE theme_topics SET theme_id = ? WHERE theme_id IN ({marks})",
            [target_id, *sources],
        )
        db.execute(
            f"UPDATE themes SET status = 'retired', updated_at = ? WHERE id IN ({marks})",
            [now_iso(), *sources],
        )
    refresh_keywords(db, [target_id])


def split_theme(db, theme_id: int, story_ids: Iterable[int], label: str) -> int:
    """Move the selected stories of a theme into a new theme with the analyst's label."""
    ids = sorted({int(s) for s in story_ids})
    label = (label or "").strip()
    if not ids:
        raise ThemeError("Select the stories to split off.")
    if not label:
        raise ThemeError("The new theme needs a label.")
    with wdb.write(db):
        theme = _theme(db, theme_id)
        members = {
            row[0]
            for row in db.execute(
                "SELECT story_id FROM theme_members WHERE theme_id = ?", [theme_id]
            )
        }
        if not set(ids) <= members:
            raise ThemeError("Only stories of this theme can be split off.")
        if len(ids) == len(members):
            raise ThemeError("Leave at least one story in the theme, or rename it instead.")
        stamp = now_iso()
        new_id = (
            db["themes"]
            .insert(
                {
                    "run_id": theme["run_id"],
                    "activity_id": theme["activity_id"],
                    "label": label[:200],
                    "label_source": "analyst",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            .last_pk
        )
        _move(db, ids, theme_id, new_id)
    refresh_keywords(db, [theme_id, new_id])
    return new_id


def move_story(db, story_id: int, to_theme_id: int) -> None:
    """Put one story in another theme of the same scope, pinned there by the analyst."""
    with wdb.write(db):
        target = _theme(db, to_theme_id)
        current = _memberships(db, _current_theme_ids(db, target["activity_id"])).get(story_id)
        if story_id not in checked_story_ids(db, target["activity_id"]):
            raise ThemeError("That story is not a checked story of this activity.")
        _move(db, [story_id], current[0] if current else None, to_theme_id)
    refresh_keywords(db, [to_theme_id] + ([current[0]] if current else []))


def _move(db, story_ids: list[int], from_id: int | None, to_id: int) -> None:
    marks = _marks(story_ids)
    if from_id is not None:
        db.execute(
            f"DELETE FROM theme_members WHERE theme_id = ? AND story_id IN ({marks})",
            [from_id, *story_ids],
        )
        db.execute(
            f"UPDATE quotes SET theme_id = ? WHERE theme_id = ? AND story_id IN ({marks})",
            [to_id, from_id, *story_ids],
        )
    db["theme_members"].insert_all(
        ({"theme_id": to_id, "story_id": sid, "source": "analyst"} for sid in story_ids),
        pk=("theme_id", "story_id"),
        replace=True,
    )


# ------------------------------------------------------------------------------------ quotes


def quote_consent(db, story_id: int) -> dict | None:
    """The granted consent that allows quoting this story (purpose, method, when, notice
    version), or None if quoting is not allowed."""
    return quote_consents(db, [story_id]).get(story_id)


def quote_consents(db, story_ids: list[int]) -> dict[int, dict]:
    """`quote_consent` for many stories in one query (a theme page lists every member):
    only stories whose storyteller agreed to be quoted are keys."""
    rows = db.execute(
        "SELECT c.story_id, c.purpose, c.method, c.recorded_at, n.version "
        "FROM consents c LEFT JOIN notices n ON n.id = c.notice_id "
        "WHERE c.story_id IN (SELECT value FROM json_each(?)) AND c.purpose = ? "
        "AND c.granted = 1",
        [json.dumps(story_ids), QUOTE_PURPOSE],
    ).fetchall()
    fields = ("purpose", "method", "recorded_at", "notice_version")
    return {row[0]: dict(zip(fields, row[1:], strict=True)) for row in rows}


def add_quote(db, theme_id: int, story_id: int, text: str, chosen_by: int | None) -> int:
    """Choose an excerpt of a member story's anonymised text as a quote for the theme.

    Allowed only when the storyteller granted the 'publish_quotes' consent and the excerpt
    is exactly part of the checked anonymised text.
    """
    excerpt = (text or "").strip()
    if not excerpt:
        raise ThemeError("Choose some text to quote.")
    with wdb.write(db):
        _theme(db, theme_id)
        if not db.execute(
            "SELECT 1 FROM theme_members WHERE theme_id = ? AND story_id = ?",
            [theme_id, story_id],
        ).fetchone():
            raise ThemeError("Quotes must come from a story in this theme.")
        if quote_consent(db, story_id) is None:
            raise ThemeError("The storyteller has not agreed to be quoted.")
        anonymised = embed.checked_texts(db, [story_id]).get(story_id)
        if anonymised is None or excerpt not in anonymised:
            raise ThemeError("A quote must be copied exactly from the checked anonymised text.")
        return (
            db["quotes"]
            .insert(
                {
                    "theme_id": theme_id,
                    "story_id": story_id,
                    "text": excerpt,
                    "chosen_by": chosen_by,
                    "chosen_at": now_iso(),
                }
            )
            .last_pk
        )


def remove_quote(db, quote_id: int) -> None:
    """Stop using a quote."""
    with wdb.write(db):
        db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])


# ------------------------------------------------------------------------------------ reading


def _labels(db) -> dict[int, str]:
    return dict(db.execute("SELECT id, label FROM themes").fetchall())


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a text, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def list_themes(db, activity_id: int | None = None, include_retired: bool = False) -> list[dict]:
    """Themes in scope, largest first: id, label, description, status, label_source,
    keywords, size, excerpts (representative anonymised excerpts) and monthly counts
    ({'YYYY-MM': n}) for a trend."""
    where, params = _scope(activity_id)
    status_filter = "" if include_retired else " AND status != 'retired'"
    rows = list(db.query(f"SELECT * FROM themes WHERE {where}{status_filter}", params))
    members = _members_by_theme(db, [row["id"] for row in rows])
    result = []
    for row in rows:
        listed = members.get(row["id"], [])
        result.append(
            {
                **_theme_fields(row),
                "size": len(listed),
                "excerpts": [
                    {"story_id": sid, "text": excerpt(text)}
                    for sid, text, _month in listed[:REPRESENTATIVE_EXCERPTS]
                ],
                "monthly": dict(sorted(Counter(month for _s, _t, month in listed).items())),
            }
        )
    return sorted(result, key=lambda t: (-t["size"], t["id"]))


def _members_by_theme(db, theme_ids: list[int]) -> dict[int, list[tuple]]:
    """Each theme's members with a checked anonymisation, most representative first, as
    (story_id, text, 'YYYY-MM'), in one query for all themes; the text only for the
    representative few, so a page listing large themes does not read every story."""
    rows = db.execute(
        "SELECT theme_id, story_id, CASE WHEN rank <= ? THEN text END, month FROM ("
        " SELECT m.theme_id, m.story_id, a.text, substr(s.created_at, 1, 7) AS month,"
        "  row_number() OVER (PARTITION BY m.theme_id ORDER BY m.probability IS NULL,"
        "   m.probability DESC, m.story_id) AS rank"
        " FROM theme_members m JOIN stories s ON s.id = m.story_id"
        " JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked'"
        " WHERE m.theme_id IN (SELECT value FROM json_each(?))"
        ") ORDER BY theme_id, rank",
        [REPRESENTATIVE_EXCERPTS, json.dumps(theme_ids)],
    ).fetchall()
    grouped: dict[int, list[tuple]] = {}
    for theme_id, story_id, text, month in rows:
        grouped.setdefault(theme_id, []).append((story_id, text, month))
    return grouped


def _theme_fields(row: dict) -> dict:
    return {
        "id": row["id"],
        "activity_id": row["activity_id"],
        "run_id": row["run_id"],
        "label": row["label"],
        "description": row["description"],
        "status": row["status"],
        "label_source": row["label_source"],
        "keywords": json.loads(row["keywords"] or "[]"),
        "approved_by": row["approved_by"],
        "approved_at": row["approved_at"],
        "updated_at": row["updated_at"],
    }


def theme_detail(db, theme_id: int, page: int = 1, per_page: int | None = None) -> dict:
    """One theme with its members (excerpt, how placed, whether quotable and under which
    consent) and its chosen quotes.

    With `per_page`, `members` holds one page of them, most representative first (a theme can
    hold hundreds of stories, and each row carries forms); `size` and `monthly` always count
    every member. `page` is clamped to the pages there are.
    """
    rows = list(db.query("SELECT * FROM themes WHERE id = ?", [theme_id]))
    if not rows:
        raise ThemeError("There is no such theme.")
    ordered = db.execute(
        "SELECT m.story_id, s.created_at FROM theme_members m "
        "JOIN stories s ON s.id = m.story_id "
        "JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked' "
        "WHERE m.theme_id = ? ORDER BY m.probability IS NULL, m.probability DESC, m.story_id",
        [theme_id],
    ).fetchall()
    pages = max(1, -(-len(ordered) // per_page)) if per_page else 1
    page = min(max(1, page), pages)
    shown = [story_id for story_id, _created in ordered]
    if per_page:
        shown = shown[(page - 1) * per_page : page * per_page]
    members = _member_rows(db, theme_id, shown)
    quotes = list(db.query("SELECT * FROM quotes WHERE theme_id = ? ORDER BY id", [theme_id]))
    consents = quote_consents(db, [row["story_id"] for row in members + quotes])
    for member in members:
        member["consent"] = consents.get(member["story_id"])
        member["quotable"] = member["consent"] is not None
        member["excerpt"] = excerpt(member["text"])
    for quote in quotes:
        quote["consent"] = consents.get(quote["story_id"])
    months = Counter(created[:7] for _story_id, created in ordered)
    return {
        **_theme_fields(rows[0]),
        "size": len(ordered),
        "members": members,
        "page": page,
        "pages": pages,
        "quotes": quotes,
        "monthly": dict(sorted(months.items())),
    }


def _member_rows(db, theme_id: int, story_ids: list[int]) -> list[dict]:
    """The listed members' rows, in the order given."""
    found = {
        row["story_id"]: row
        for row in db.query(
            "SELECT m.story_id, m.source, m.probability, s.reference, s.created_at, a.text "
            "FROM theme_members m JOIN stories s ON s.id = m.story_id "
            "JOIN anonymisations a ON a.story_id = m.story_id AND a.status = 'checked' "
            "WHERE m.theme_id = ? AND m.story_id IN (SELECT value FROM json_each(?))",
            [theme_id, json.dumps(story_ids)],
        )
    }
    return [found[story_id] for story_id in story_ids if story_id in found]


def theme_map(db, activity_id: int | None = None) -> list[dict]:
    """Map points of the themed stories in scope: story_id, x, y (0..1), theme_id, label."""
    ids = _current_theme_ids(db, activity_id)
    if not ids:
        return []
    return list(
        db.query(
            "SELECT p.story_id, p.x, p.y, m.theme_id, t.label FROM theme_points p "
            "JOIN theme_members m ON m.story_id = p.story_id "
            f"JOIN themes t ON t.id = m.theme_id WHERE m.theme_id IN ({_marks(ids)}) "
            "ORDER BY m.theme_id, p.story_id",
            ids,
        )
    )


def sizes_over_time(db, activity_id: int | None = None) -> dict:
    """Stories per theme per month: {'months': [...], 'series': [{theme_id, label,
    counts}]}, months without stories included so the trend has no gaps."""
    listed = list_themes(db, activity_id)
    found = sorted({m for t in listed for m in t["monthly"]})
    months = _month_range(found[0], found[-1]) if found else []
    return {
        "months": months,
        "series": [
            {
                "theme_id": t["id"],
                "label": t["label"],
                "counts": [t["monthly"].get(m, 0) for m in months],
            }
            for t in listed
        ],
    }


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
