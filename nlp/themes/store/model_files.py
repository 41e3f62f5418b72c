"""The saved theme models on disk, as a withdrawal leaves them.

A saved model holds no word (`nlp.themes.fitting.save_model`), but each theme's centre, which places
new stories, is the mean of its stories' embeddings, the withdrawn story's among them. The
clean-up registered here recomputes the centres of the current models of the story's scopes
(its activity's, and the one across activities) from the stories that stay, and writes them
to a new file renamed over the old one, so the folder keeps nothing computed from the story.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import sqlite_utils

import consent
from consent import register_cleanup
from nlp import embed
from nlp.themes.store.scope import current_run

CENTRES_FILE = "topic_embeddings.safetensors"
CENTRES_KEY = "topic_embeddings"


@register_cleanup("theme_models")
def _recompute_centres(db: sqlite_utils.Database, story_id: int) -> None:
    """Rewrite the centres of the saved models that counted the story, without it."""
    facts = consent.story_facts(db, [story_id]).get(story_id)
    for activity_id in {None, facts["activity_id"] if facts else None}:
        run = current_run(db, activity_id)
        if run and run["model_dir"] and (Path(run["model_dir"]) / CENTRES_FILE).exists():
            write_centres(db, run["id"], Path(run["model_dir"]), leaving=story_id)


def write_centres(
    db: sqlite_utils.Database, run_id: int, folder: Path, leaving: int | None = None
) -> np.ndarray:
    """Each topic's centre as the mean embedding of its theme's current members (but
    `leaving`); a topic with none left, and the outliers' row, become zeros and place no
    story. Returns the centres written."""
    from safetensors.numpy import load_file, save_file

    outliers = int(json.loads((folder / "topics.json").read_text())["_outliers"])
    old = load_file(folder / CENTRES_FILE)[CENTRES_KEY]
    rows = db.execute(
        "SELECT t.topic, m.story_id FROM theme_topics t JOIN theme_members m "
        "ON m.theme_id = t.theme_id WHERE t.run_id = ? AND m.story_id IS NOT ?",
        [run_id, leaving],
    ).fetchall()
    vectors = embed.load_embeddings(db, {story for _topic, story in rows} - {leaving})
    centres = np.zeros_like(old)
    for topic in {topic for topic, _story in rows}:
        kept = [vectors[story] for t, story in rows if t == topic and story in vectors]
        if kept and 0 <= topic + outliers < len(centres):
            centres[topic + outliers] = np.mean(kept, axis=0)
    fresh = folder / f".{CENTRES_FILE}.new"
    save_file({CENTRES_KEY: centres}, str(fresh))
    fresh.chmod(0o600)
    os.replace(fresh, folder / CENTRES_FILE)
    return centres
