"""The safeguarding lead's urgent queue: flagged stories, their states and who did what when.

Only the safeguarding lead and admins see flags. Unacknowledged flags older than
`SAFEGUARDING_OVERDUE_HOURS` (default 4) head the queue and the dashboard in an alert.
"""

from __future__ import annotations

import gc
import threading
from datetime import timedelta

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length

from nlp.signals import SIGNALS, rule_hits
from plumbing import audit
from workbench import safeguarding
from workbench.policy import roles
from workbench.web import get_db

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")

LEADS = ("safeguarding", "admin")
STEPS = {
    "acknowledge": safeguarding.acknowledge,
    "action": safeguarding.record_action,
    "close": safeguarding.close,
}


@bp.record_once
def warm_rules(state) -> None:
    """Load the tokenizer and matcher in the background when the app starts, so the first
    storyteller does not wait for spaCy's import (several seconds) after pressing Send."""
    if not state.app.testing:
        threading.Thread(target=_warm_then_freeze, name="warm-rules", daemon=True).start()


def _warm_then_freeze() -> None:
    """Once spaCy is loaded, move everything the process holds so far out of the cyclic
    garbage collector's sight: about 190,000 long-lived objects that a full collection
    would otherwise walk (about 110 ms, the whole worker paused) again and again under load.
    Objects created later are collected as usual."""
    rule_hits("")
    gc.collect()
    gc.freeze()


class FlagStepForm(FlaskForm):
    note = TextAreaField("Note", validators=[Length(max=4000)])


def overdue_after() -> timedelta:
    return timedelta(hours=float(current_app.config.get("SAFEGUARDING_OVERDUE_HOURS", 4)))


@bp.app_context_processor
def overdue_flags():
    """For templates: `safeguarding_overdue()` (leads only) and `story_routed(story_id)`."""

    def safeguarding_overdue() -> list[dict]:
        if not current_user.is_authenticated or current_user.role not in LEADS:
            return []
        return safeguarding.overdue(get_db(), overdue_after())

    def story_routed(story_id: int) -> bool:
        """For analysts' pages: only whether the story went to the safeguarding lead."""
        return safeguarding.routed(get_db(), story_id)

    return {
        "safeguarding_overdue": safeguarding_overdue,
        "story_routed": story_routed,
        "signal_labels": SIGNALS,
    }


@bp.route("")
@roles(*LEADS)
def queue():
    db = get_db()
    include_closed = request.args.get("closed") == "1"
    return render_template(
        "safeguarding/queue.html",
        flags=safeguarding.queue(db, include_closed=include_closed),
        overdue_ids={f["id"] for f in safeguarding.overdue(db, overdue_after())},
        overdue_hours=current_app.config.get("SAFEGUARDING_OVERDUE_HOURS", 4),
        include_closed=include_closed,
        complaints=safeguarding.complaint_count(db),
        states=safeguarding.STATES,
    )


@bp.route("/flags/<int:flag_id>")
@roles(*LEADS)
def flag(flag_id: int):
    db = get_db()
    found = safeguarding.get_flag(db, flag_id) or abort(404)
    audit.record(db, current_user.actor, "safeguarding_viewed", "safeguarding_flag", flag_id)
    return render_template(
        "safeguarding/flag.html",
        flag=found,
        story=safeguarding.story_for_lead(db, found["story_id"]),
        form=FlagStepForm(),
        states=safeguarding.STATES,
    )


@bp.route("/flags/<int:flag_id>/<step>", methods=["POST"])
@roles(*LEADS)
def step(flag_id: int, step: str):
    db = get_db()
    if step not in STEPS or safeguarding.get_flag(db, flag_id) is None:
        abort(404)
    form = FlagStepForm()
    if not form.validate_on_submit():
        flash("The form had expired or the note was too long; please try again.", "error")
        return redirect(url_for("safeguarding.flag", flag_id=flag_id))
    try:
        STEPS[step](db, flag_id, current_user.id, form.note.data)
    except safeguarding.FlagError as error:
        flash(str(error), "error")
    else:
        flash(f"Flag {flag_id}: {step} recorded.", "info")
    return redirect(url_for("safeguarding.flag", flag_id=flag_id))
