"""What a storyteller's receipt page shows of their story: consent's record of it (what they
agreed to, or that it was withdrawn), its stage on the data path, the themes it is part of and
its anonymised text, never the original."""

from __future__ import annotations

import sqlite_utils

import consent
from nlp import checks, progress, theme_store

THEME_STATUS_LABELS = {
    "draft": "being reviewed by an analyst",
    "approved": "published",
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
        "themes": [
            {**theme, "status_label": THEME_STATUS_LABELS.get(theme["status"], theme["status"])}
            for theme in theme_store.story_themes(db, key.story_id)
        ],
        "anonymised_text": anonymised,
        "anonymised_message": None if anonymised else PREPARING,
    }
