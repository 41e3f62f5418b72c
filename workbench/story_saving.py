"""Saving a story from a form, and showing the form, as the gatherer's and the online form
both do.

The consent API stores the story, its consents and its receipt in one transaction; then its
anonymisation is queued, safeguarding looks at it (workbench/safeguarding/on_capture.py) and the
receipt page is rendered with the support to show.
"""

from __future__ import annotations

import sqlite_utils
from flask import current_app, render_template

from consent import capture, current_notice
from consent.errors import ConsentError
from consent.purposes import EQUALITY_QUESTIONS, PURPOSES
from workbench.forms_capture import StoryForm, apply_errors
from workbench.forms_feedback import evaluation_form_for
from workbench.i18n import localised, localised_notice
from workbench.receipt_card import make_card
from workbench.safeguarding.on_capture import on_story_captured
from workbench.web import base_url, enqueue


def save_story(
    db: sqlite_utils.Database,
    form: StoryForm,
    activity: dict,
    template: str,
    *,
    channel: str,
    method: str,
    recorded_by: str,
    created_by: int | None,
    method_note: str | None = None,
) -> tuple[tuple[str, int] | None, list[str]]:
    """Save a validated story form as both the gatherer's and the online form do.

    The story, its consents and its receipt are stored in one transaction by the consent API;
    then its anonymisation is queued and the receipt page rendered (201). Returns that
    response and no problems, or no response and the problems when the consent API refuses.
    """
    try:
        receipt = capture.capture_story(
            db,
            activity_id=activity["id"],
            channel=channel,
            text=form.story.data,
            consents=form.consents(),
            method=method,
            method_note=method_note,
            notice_id=form.notice_id.data,
            recorded_by=recorded_by,
            created_by=created_by,
            service=form.optional_text("service"),
            setting=form.optional_text("setting"),
            area=form.optional_text("area"),
            contact=form.contact(),
            equality=form.equality(),
            submission_key=form.submission_key.data or None,
            max_chars=current_app.config["STORY_MAX_CHARS"],
        )
    except ConsentError as error:
        return None, apply_errors(form, error.errors)
    if not receipt.duplicate:
        enqueue("anonymise", story_ids=[receipt.story_id])
    card = None
    if receipt.secret:
        card = make_card(
            base_url(), receipt.reference, receipt.secret, localised(activity, "title")
        )
    page = render_template(
        template,
        receipt=receipt,
        card=card,
        activity=activity,
        signposting=on_story_captured(receipt.story_id, form.story.data),
        evaluation_form=evaluation_form_for(receipt.reference, receipt.secret, "capture"),
    )
    return (page, 201), []


def form_page(
    db: sqlite_utils.Database, form: StoryForm, activity: dict, template: str, problems: list[str]
) -> tuple[str, int]:
    """The story form, on a first visit or again with what was wrong (400).

    The notice on the page is the one the consent will cite: a changed notice means a changed
    page, and the consent API refuses a stale one.
    """
    notice = current_notice(db, activity["id"])
    form.notice_id.data = notice["id"]
    page = render_template(
        template,
        form=form,
        activity=activity,
        notice=notice,
        sections=localised_notice(activity),
        purposes=PURPOSES,
        equality_fields=list(EQUALITY_QUESTIONS),
        problems=problems,
    )
    return page, 400 if form.is_submitted() else 200
