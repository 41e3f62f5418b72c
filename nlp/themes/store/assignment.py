"""New stories into existing themes, and theme keywords and provisional labels.

A checked story that arrives after a fit joins the theme the current model gives it, without a
refit, unless that theme is approved: then the placement waits for an analyst
(`nlp.themes.store.pending`), so what was approved, and published, does not change unseen.
Keywords are recomputed from each theme's current members (after a withdrawal or an edit),
contrasted with the other themes of the same scope.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from nlp import embed
from nlp.themes import fitting
from nlp.themes.store import pending
from nlp.themes.store.scope import (
    Progress,
    checked_story_ids,
    current_run,
    current_theme_ids,
    placeholders,
    quiet,
    unthemed_story_ids,
)
from plumbing import db as wdb
from plumbing.clock import now_iso


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


def readable_label(name: str | None, keywords: list[str]) -> str:
    """The machine's label for a theme: the phrase name its own stories share (see
    nlp/themes/names.py, used by two stories at least), or the keyword label when the stories
    share no phrase."""
    if name and not name.startswith("Unnamed theme"):
        return name
    return auto_label(keywords)


def phrase_names(groups: dict[int, list[str]]) -> dict[int, str]:
    """Phrase names for themes given as their member texts, contrasted with each other as at
    fitting time, so a relabel after a withdrawal or an edit reads like a fitted name."""
    from nlp.themes import names

    texts = [text for texts in groups.values() for text in texts]
    topics = [tid for tid, texts in groups.items() for _ in texts]
    if len(texts) < 2:
        return {}
    return names.theme_names(names.theme_phrases(texts, topics))


def assign_new_stories(
    db: sqlite_utils.Database, activity_id: int | None = None, progress: Progress | None = None
) -> dict[int, int]:
    """Place checked stories that are in no theme into existing themes with the current
    model's transform; returns story_id -> theme_id for the stories placed or, for an
    approved theme, proposed to it. Stories already held for review are left alone."""
    progress = progress or quiet
    run = current_run(db, activity_id)
    if run is None or not run["model_dir"] or not Path(run["model_dir"]).exists():
        return {}
    held = pending.held_story_ids(db)
    new_ids = [sid for sid in unthemed_story_ids(db, activity_id) if sid not in held]
    if not new_ids:
        return {}
    vectors = embed.ensure_embeddings(db, new_ids, progress=lambda f, m: progress(0.8 * f, m))
    texts = embed.checked_texts(db, new_ids)
    new_ids = [sid for sid in new_ids if sid in vectors and sid in texts]
    if not new_ids:
        return {}
    model = fitting.load_model(run["model_dir"])
    matrix = np.vstack([vectors[sid] for sid in new_ids])
    topics, sims = fitting.assign(model, [texts[sid] for sid in new_ids], matrix)
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
        approved = pending.approved_ids(db, set(placed.values()))
        db["theme_members"].insert_all(
            (
                {"theme_id": th, "story_id": sid, "source": "model", "probability": similarity[sid]}
                for sid, th in placed.items()
                if th not in approved
            ),
            pk=("theme_id", "story_id"),
            replace=True,
        )
        pending.hold(
            db,
            [
                {"story_id": sid, "to_theme_id": th, "probability": similarity[sid]}
                for sid, th in placed.items()
                if th in approved
            ],
            origin="new_story",
            run_id=run["id"],
        )
        db["theme_points"].upsert_all(
            ({"story_id": sid, "run_id": run["id"], "x": x, "y": y} for sid, (x, y) in points),
            pk="story_id",
        )
    waiting = sum(th in approved for th in placed.values())
    progress(
        1.0,
        f"{len(placed) - waiting} new stories placed in themes, "
        f"{waiting} awaiting review for approved themes",
    )
    return placed


def _nearest_points(db: sqlite_utils.Database, activity_id, vectors: dict[int, np.ndarray]):
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


def refresh_keywords(
    db: sqlite_utils.Database, theme_ids: Iterable[int] | None = None
) -> dict[int, list[str]]:
    """Recompute keywords from each theme's current members (after a withdrawal or an edit).

    Keywords are contrasted with the other current themes of the same scope, from terms at
    least two of its stories use. A draft theme still carrying its model label gets a label
    from the new keywords, and so does any theme with a model label that a withdrawal marked
    stale (approved or not: its label may hold the withdrawn story's words); a changed label
    waits for an analyst's review before receipts show it. A label an analyst chose is never
    changed.
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
            ids = current_theme_ids(db, activity_id)
            groups = {tid: _member_texts(db, tid) for tid in ids}
            keywords = fitting.keywords_for_groups(groups)
            names: dict[int, str] | None = None
            for tid in ids:
                if wanted is not None and tid not in wanted:
                    continue
                row = db["themes"].get(tid)
                fields: dict[str, Any] = {"keywords": json.dumps(keywords[tid]), "words_stale": 0}
                relabel = row["status"] == "draft" or row["words_stale"]
                if row["label_source"] == "model" and relabel:
                    if names is None:
                        names = phrase_names(groups)
                    label = readable_label(names.get(tid), keywords[tid])
                    if label != row["label"]:
                        fields.update(label=label, label_reviewed=0)
                db["themes"].update(tid, {**fields, "updated_at": now_iso()})
                result[tid] = keywords[tid]
    return result


def refresh_stale_words(db: sqlite_utils.Database) -> dict[int, list[str]]:
    """Rebuild the keywords and machine labels a withdrawal marked stale (see
    `refresh_keywords`), then empty the write-ahead log so the old words are in no byte of
    the files; publishing calls it first, so it never publishes them."""
    stale = [
        row[0]
        for row in db.execute("SELECT id FROM themes WHERE words_stale = 1 AND status != 'retired'")
    ]
    if not stale:
        return {}
    refreshed = refresh_keywords(db, stale)
    wdb.truncate_wal(db)
    return refreshed


def _scopes_of(db: sqlite_utils.Database, theme_ids: set[int]) -> set:
    return {
        row[0]
        for row in db.execute(
            f"SELECT activity_id FROM themes WHERE id IN ({placeholders(list(theme_ids))})",
            list(theme_ids),
        ).fetchall()
    }


def _member_texts(db: sqlite_utils.Database, theme_id: int) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            "SELECT a.text FROM theme_members m JOIN anonymisations a ON a.story_id = m.story_id "
            "WHERE m.theme_id = ? AND a.status = 'checked' AND a.text IS NOT NULL",
            [theme_id],
        ).fetchall()
    ]
