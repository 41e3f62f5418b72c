"""The safeguarding lead's urgent queue: flagged stories, their states and who did what when;
and the form staff use to raise a concern by hand from any page where they read a story.

Only the safeguarding lead and admins see flags. Urgent flags waiting for someone show on the
lead's dashboard and as a count beside "Safeguarding" in the menu; unacknowledged flags past
their time (`SAFEGUARDING_URGENT_OVERDUE_MINUTES`, `SAFEGUARDING_OVERDUE_HOURS`) head the
queue and the dashboard, and are escalated by email (workbench/safeguarding/alerts.py).
"""

from __future__ import annotations

import gc
import threading
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import HiddenField, IntegerField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length

from consent import story_facts
from nlp.signals import rule_hits
from plumbing import audit
from workbench import safeguarding
from workbench.form_base import WorkbenchForm
from workbench.navigation import add_badge
from workbench.policy import roles
from workbench.request_ids import parse_int
from workbench.safeguarding.flags import REASON_MAX_CHARS
from workbench.safeguarding.on_capture import queue_alert
from workbench.safeguarding.signposting import check_nation
from workbench.web import get_db

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")

LEADS = ("safeguarding", "admin")
# Everyone whose pages show a story's words: the check page, themes and priorities.
RAISERS = ("gatherer", "analyst", "admin", "safeguarding")
STEPS = {
    "acknowledge": safeguarding.acknowledge,
    "action": safeguarding.record_action,
    "close": safeguarding.close,
}


@bp.record_once
def set_up(state) -> None:
    """Refuse a configured nation the signposting does not know (at start, not in front of a
    storyteller); count urgent flags beside "Safeguarding" in the menu; and load the
    tokenizer and matcher in the background, so the first storyteller does not wait for
    spaCy's import (several seconds) after pressing Send."""
    check_nation(state.app.config.get("WORKBENCH_NATION"))
    add_badge(state.app, "safeguarding.queue", _urgent_waiting, "urgent flags waiting")
    if not state.app.testing:
        threading.Thread(target=_warm_then_freeze, name="warm-rules", daemon=True).start()


def _urgent_waiting() -> int:
    return safeguarding.waiting_urgent(get_db())


def _warm_then_freeze() -> None:
    """Once spaCy is loaded, move everything the process holds so far out of the cyclic
    garbage collector's sight: about 190,000 long-lived objects that a full collection
    would otherwise walk (about 110 ms, the whole worker paused) again and again under load.
    Objects created later are collected as usual."""
    rule_hits("")
    gc.collect()
    gc.freeze()


class FlagStepForm(WorkbenchForm):
    note = TextAreaField("Note", validators=[Length(max=4000)])


class ConcernForm(WorkbenchForm):
    """A concern raised by hand: which story, what kind, why, and the page to go back to."""

    story = IntegerField(validators=[InputRequired()])
    signal = SelectField(choices=[(s, safeguarding.LABELS[s]) for s in safeguarding.RAISABLE])
    reason = TextAreaField(validators=[InputRequired(), Length(max=REASON_MAX_CHARS)])
    next = HiddenField()


def _limits() -> dict:
    return safeguarding.overdue_limits(current_app.config)


def _is_lead() -> bool:
    return current_user.is_authenticated and current_user.role in LEADS


@bp.app_context_processor
def lead_view():
    """For templates: `safeguarding_lead()` (leads only: urgent, overdue and unsent alerts),
    `story_routed(story_id)` and what the concern form offers."""

    def safeguarding_lead() -> dict | None:
        return safeguarding.lead_summary(get_db(), _limits()) if _is_lead() else None

    def story_routed(story_id: int) -> bool:
        """For analysts' pages: only whether the story went to the safeguarding lead."""
        return safeguarding.routed(get_db(), story_id)

    return {
        "safeguarding_lead": safeguarding_lead,
        "story_routed": story_routed,
        "signal_labels": safeguarding.LABELS,
        "concern_signals": safeguarding.RAISABLE,
        "concern_max_chars": REASON_MAX_CHARS,
    }


def _int_arg(name: str) -> int | None:
    return parse_int(request.args.get(name))


@bp.route("")
@roles(*LEADS)
def queue():
    db = get_db()
    include_closed = request.args.get("closed") == "1"
    activity_id = _int_arg("activity")
    return render_template(
        "safeguarding/queue.html",
        queue=safeguarding.story_groups(
            db,
            _limits(),
            activity_id=activity_id,
            include_closed=include_closed,
            page=_int_arg("page") or 1,
        ),
        activity_id=activity_id,
        include_closed=include_closed,
        alerts_configured=safeguarding.AlertSettings.from_config(current_app.config).configured,
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
        overdue=flag_id in {f["id"] for f in safeguarding.overdue_for(db, _limits())},
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


def _back_to(target: str | None) -> str:
    """The page the form was on, if it is a page of this site; else the dashboard.

    Browsers drop tabs and line breaks from an address and read a backslash as a slash, so
    "/\t/example.org" would leave the site: a target with any space, control character or
    backslash, or one that names a host, is refused (and a line break never reaches the
    Location header, which would be an error)."""
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and target.isprintable()
        and not any(char.isspace() or char == "\\" for char in target)
        and not urlsplit(target).netloc
    ):
        return target
    return url_for("dashboard.index")


@bp.route("/concerns", methods=["POST"])
@roles(*RAISERS)
def raise_concern():
    """Raise a concern about a story by hand: it joins the lead's queue and the lead is told."""
    db = get_db()
    form = ConcernForm()
    back = _back_to(form.next.data)
    if not form.validate_on_submit():
        flash(
            "The concern was not sent: choose what kind it is and say why "
            f"(up to {REASON_MAX_CHARS} characters), then try again.",
            "error",
        )
        return redirect(back)
    story = story_facts(db, [form.story.data]).get(form.story.data)
    if story is None:
        flash("The concern was not sent: that story no longer exists.", "error")
        return redirect(back)
    if current_user.role == "gatherer" and story["created_by"] != current_user.id:
        abort(403)  # gatherers read only the stories they gathered
    try:
        _flag_id, new = safeguarding.raise_concern(
            db, story["id"], form.signal.data, form.reason.data, current_user.id
        )
    except safeguarding.FlagError as error:
        flash(f"The concern was not sent: {error}", "error")
        return redirect(back)
    if new:
        queue_alert()
    flash(
        f"Your concern about story {story['reference']} is in the safeguarding lead's queue"
        + ("." if new else ", added to the flag already open for it."),
        "info",
    )
    return redirect(back)
