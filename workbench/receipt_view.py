"""What a storyteller's receipt page shows of their story: consent's record of it (what they
agreed to, or that it was withdrawn), its stage on the data path, the themes it is part of (a
label only once an analyst has reviewed it) and its anonymised text, never the original."""

from __future__ import annotations

import sqlite_utils

import consent
from nlp import checks, progress
from nlp.themes import store as theme_store

THEME_STATUS_LABELS = {
    "draft": "being reviewed by an analyst",
    "approved": "approved, and published at the next update",
    "published": "published",
    "not_for_publication": "used internally, not published",
    "retired": "no longer used",
}
PREPARING = (
    "Your story is being anonymised and checked by a person. The anonymised version will "
    "appear here when it is ready."
)


def receipt_view(db: sqlite_utils.Database, key: consent.StoryKey) -> dict:
    """Everything the receipt page shows: never the original text, only the anonymised one."""
    view = consent.receipt_record(db, key)
    if key.withdrawn:
        return view
    anonymised = checks.readable_text(db, key.story_id)
    return {
        **view,
        "stage": progress.story_stage(db, key.story_id),
        "stages": list(progress.STAGES),
        "themes": [_shown(theme) for theme in theme_store.story_themes(db, key.story_id)],
        "anonymised_text": anonymised,
        "anonymised_message": None if anonymised else PREPARING,
    }


def _shown(theme: dict) -> dict:
    """A theme as a receipt shows it: its label only once an analyst has reviewed it (a
    machine label is made of other people's words, and may hold those of a story withdrawn
    since), and "published" only once the published file served counts this story."""
    status = theme["status"]
    if status == "approved" and theme["published"]:
        status = "published"
    return {
        "id": theme["id"],
        "label": theme["label"] if theme["label_reviewed"] else None,
        "status": status,
        "status_label": THEME_STATUS_LABELS.get(status, status),
    }
