"""Quotes: excerpts of a member story's checked anonymised text, chosen for a theme, only
from storytellers who agreed to be quoted (consent decides who agreed)."""

from __future__ import annotations

import sqlite_utils

import consent
from consent import register_cleanup
from nlp import embed
from nlp.themes.store.scope import ThemeError, live_theme
from plumbing import db as wdb
from plumbing.clock import now_iso

QUOTE_PURPOSE = "publish_quotes"


@register_cleanup("quotes", purpose=QUOTE_PURPOSE)
@register_cleanup("quotes")
def _forget_quotes(db: sqlite_utils.Database, story_id: int) -> list[int]:
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


def quote_consent(db: sqlite_utils.Database, story_id: int) -> dict | None:
    """The granted consent that allows quoting this story (purpose, method, when, notice
    version), or None if quoting is not allowed."""
    return quote_consents(db, [story_id]).get(story_id)


def quote_consents(db: sqlite_utils.Database, story_ids: list[int]) -> dict[int, dict]:
    """`quote_consent` for many stories at once (a theme page lists every member): only
    stories whose storyteller agreed to be quoted are keys."""
    return consent.consent_records(db, story_ids, QUOTE_PURPOSE)


def add_quote(
    db: sqlite_utils.Database, theme_id: int, story_id: int, text: str, chosen_by: int | None
) -> int:
    """Choose an excerpt of a member story's anonymised text as a quote for the theme.

    Allowed only when the storyteller granted the 'publish_quotes' consent and the excerpt
    is exactly part of the checked anonymised text.
    """
    excerpt = (text or "").strip()
    if not excerpt:
        raise ThemeError("Choose some text to quote.")
    with wdb.write(db):
        live_theme(db, theme_id)
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


def remove_quote(db: sqlite_utils.Database, quote_id: int) -> None:
    """Stop using a quote."""
    with wdb.write(db):
        db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])


def quotes(db: sqlite_utils.Database) -> list[dict]:
    """Every chosen quote: id, theme_id, story_id and text, in the order they were chosen."""
    return list(db.query("SELECT id, theme_id, story_id, text FROM quotes ORDER BY id"))
