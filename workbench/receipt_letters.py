"""Receipts for imported stories as a printable sheet: one letter per storyteller, ready to
post in a window envelope (their name and postal address, when they gave one for updates,
sit where the window is), each carrying the same receipt card a storyteller gets online.

The secrets exist only in the request that imported the stories, so the sheet is drawn in
that response and printed from it; nothing is kept to print later.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils
from flask import render_template
from flask_babel import force_locale, format_date
from markupsafe import Markup

import consent
from consent.capture import Receipt
from consent.languages import DEFAULT as DEFAULT_LANGUAGE
from plumbing import clock
from workbench.receipt_card import Card, make_card
from workbench.times import DATE_FORMAT


@dataclass(frozen=True)
class Letter:
    """One page of the sheet: the card, and whom to post it to (None when no address)."""

    card: Card
    line: int | None
    name: str | None
    address_lines: list[str]
    language: str = DEFAULT_LANGUAGE  # the teller's language for updates: the letter's words


def letters(
    db: sqlite_utils.Database, receipts: list[Receipt], activity_title: str, base_url: str
) -> list[Letter]:
    """A letter for each receipt, in the file's order."""
    contacts = consent.contact_details(db, [r.story_id for r in receipts])
    sheet = []
    for receipt in receipts:
        contact = contacts.get(receipt.story_id) or {}
        address = contact.get("postal_address") or ""
        sheet.append(
            Letter(
                card=make_card(base_url, receipt.reference, receipt.secret, activity_title),
                line=receipt.line,
                name=contact.get("name"),
                address_lines=[
                    part.strip() for part in address.replace(",", "\n").splitlines() if part.strip()
                ],
                language=contact.get("language") or DEFAULT_LANGUAGE,
            )
        )
    return sheet


def letter_date() -> str:
    """Today's date for the letters, as written on a letter (in the current locale)."""
    return format_date(clock.now(), DATE_FORMAT.replace("EEE ", ""))


def render_sheet(sheet: list[Letter]) -> list[tuple[Letter, Markup]]:
    """Each letter with its words drawn in the teller's language.

    Why: a storyteller who chose Welsh for updates should get a Welsh letter, though the
    gatherer printing the sheet reads the page in English.
    """
    drawn = []
    for index, letter in enumerate(sheet, start=1):
        with force_locale(letter.language):
            body = render_template(
                "capture/_receipt_letter.html",
                letter=letter,
                index=index,
                letter_date=letter_date(),
            )
        drawn.append((letter, Markup(body)))
    return drawn
