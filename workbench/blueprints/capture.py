"""Staff pages: engagement activities, recording a story with consent, and acting on a story
by its receipt reference (withdraw, reissue the secret) for someone who cannot use the
receipt page themselves."""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable
from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consent import activities, capture, imports, receipts
from consent.errors import ConsentError
from consent.purposes import CHANNELS, EQUALITY_QUESTIONS, PURPOSES
from nlp.priorities import list_frameworks
from plumbing import audit
from workbench import flows, receipt_letters
from workbench.feedback import outbox
from workbench.forms_capture import (
    ActivityForm,
    FindStoryForm,
    ImportForm,
    StaffConsentForm,
    StaffStoryActionForm,
    StaffStoryForm,
    apply_errors,
)
from workbench.policy import roles
from workbench.receipt_card import make_card
from workbench.receipt_view import receipt_view
from workbench.story_saving import form_page, save_story
from workbench.web import activity_or_404, base_url, enqueue, get_db

bp = Blueprint("capture", __name__, url_prefix="/capture")

PLANNERS = ("analyst", "admin")
RECORDERS = ("gatherer", "analyst", "admin")


@bp.route("/activities", endpoint="activities")
@roles(*PLANNERS)
def activities_list():
    return render_template(
        "capture/activities.html",
        activities=activities.list_activities(get_db()),
        channels=CHANNELS,
    )


def _activity_form(db, activity: dict | None = None) -> ActivityForm:
    form = ActivityForm(data=_as_form_data(activity) if activity else None)
    form.framework_id.choices = [("", "None")] + [
        (f["id"], f["title"]) for f in list_frameworks(db)
    ]
    return form


def _framework_ids(db) -> list[str]:
    return [f["id"] for f in list_frameworks(db)]


def _as_form_data(activity: dict) -> dict:
    data = dict(activity)
    for name in ("opens_on", "closes_on", "feedback_date"):
        data[name] = date.fromisoformat(data[name]) if data.get(name) else None
    data["framework_id"] = data.get("framework_id") or ""
    data["areas"] = "\n".join(data.get("areas") or [])
    return data


@bp.route("/activities/new", methods=["GET", "POST"])
@roles(*PLANNERS)
def new_activity():
    db = get_db()

    def create(fields: dict) -> int:
        activity_id = activities.create_activity(db, fields, current_user.id, _framework_ids(db))
        flash("Activity created. Its notice is version 1.", "info")
        return activity_id

    return _activity_page(db, None, create)


@bp.route("/activities/<int:activity_id>/edit", methods=["GET", "POST"])
@roles(*PLANNERS)
def edit_activity(activity_id: int):
    db = get_db()
    activity = activity_or_404(db, activity_id)

    def update(fields: dict) -> int:
        activities.update_activity(db, activity_id, fields, current_user.id, _framework_ids(db))
        notice = activities.current_notice(db, activity_id)
        flash(f"Activity saved. Its notice is now version {notice['version']}.", "info")
        return activity_id

    return _activity_page(db, activity, update)


def _activity_page(db, activity: dict | None, save: Callable[[dict], int]):
    """The activity form: saved (through consent, which checks every field) and back to the
    list, or shown again with what was wrong."""
    form = _activity_form(db, activity if request.method == "GET" else None)
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            activity_id = save(form.fields_for_api())
        except ConsentError as error:
            problems = apply_errors(form, error.errors)
        else:
            return redirect(url_for("capture.activities", _anchor=f"a{activity_id}"))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "capture/activity_form.html", form=form, problems=problems, activity=activity
    ), status


@bp.route("/import", methods=["GET", "POST"])
@roles(*PLANNERS)
def import_stories():
    """Upload transcribed stories as CSV; every row is checked like a captured story. A file
    that is not UTF-8 is read only after a person confirms the encoding detected for it."""
    db = get_db()
    form = ImportForm()
    form.activity_id.choices = [
        (a["id"], a["title"]) for a in activities.list_activities(db, open_only=True)
    ]
    chosen = request.form.get("encoding")
    if chosen and imports.codec_name(chosen):
        form.allow_encoding(chosen, imports.encoding_label(chosen))
    problems: list[str] = []
    report = detected = None
    if form.validate_on_submit():
        data = form.file_bytes()
        # A different file chosen on the confirmation step is detected afresh: the encoding
        # on show was confirmed for the file before it, not for this one.
        replaced = bool(form.file.data and form.pending.data)
        try:
            encoding = "" if replaced else form.encoding.data
            if not encoding:
                detected = imports.detect_encoding(data)
                encoding = detected.encoding if detected.certain else None
            if encoding:
                report = _import(db, form, data, encoding)
        except ConsentError as error:
            problems = apply_errors(form, error.errors)
        if detected and not detected.certain and not problems:
            _ask_to_confirm(form, data, detected)
            problems = []
    status = 400 if form.is_submitted() and report is None and detected is None else 200
    letters = None
    if report and report.committed and report.receipts:
        activity = activities.get_activity(db, form.activity_id.data)
        letters = receipt_letters.render_sheet(
            receipt_letters.letters(db, report.receipts, activity["title"], base_url())
        )
    return render_template(
        "capture/import.html",
        form=form,
        report=report,
        detected=detected,
        letters=letters,
        problems=problems,
        fields=imports.FIELDS,
        required=imports.REQUIRED_FIELDS,
    ), status


def _import(db, form: ImportForm, data: bytes, encoding: str) -> imports.ImportReport:
    report = imports.import_csv(
        db,
        data,
        form.activity_id.data,
        form.channel.data,
        form.parsed_mapping() or None,
        form.mode.data,
        recorded_by=current_user.actor,
        created_by=current_user.id,
        max_chars=current_app.config["STORY_MAX_CHARS"],
        encoding=encoding,
    )
    if report.committed and report.receipts:
        enqueue("anonymise", story_ids=[r.story_id for r in report.receipts])
        enqueue("signals", story_ids=[r.story_id for r in report.receipts])
    return report


def _ask_to_confirm(form: ImportForm, data: bytes, detected: imports.DetectedEncoding) -> None:
    """Show the form again, carrying the file, with the detected encoding chosen."""
    form.pending.data = base64.b64encode(data).decode("ascii")
    form.pending_name.data = form.file_name()
    form.allow_encoding(detected.encoding, detected.label)
    form.encoding.data = detected.encoding


@bp.route("/stories/new")
@roles(*RECORDERS)
def new_story():
    """Choose which open activity the story belongs to."""
    open_now = [
        a
        for a in activities.list_activities(get_db(), open_only=True)
        if any(c != "online" for c in a["channels"])
    ]
    return render_template("capture/choose_activity.html", activities=open_now)


@bp.route("/activities/<int:activity_id>/stories/new", methods=["GET", "POST"])
@roles(*RECORDERS)
def record_story(activity_id: int):
    db = get_db()
    activity = activities.get_activity(db, activity_id)
    if activity is None or not activity["is_open"]:
        abort(404)
    form = StaffStoryForm()
    form.offer_areas(activity)
    form.channel.choices = [("", "Choose one")] + [
        (c, CHANNELS[c]) for c in activity["channels"] if c != "online"
    ]
    problems: list[str] = []
    if form.validate_on_submit():
        saved, problems = save_story(
            db,
            form,
            activity,
            "capture/receipt.html",
            channel=form.channel.data,
            method=form.method.data,
            method_note=form.optional_text("method_note"),
            recorded_by=current_user.actor,
            created_by=current_user.id,
        )
        if saved:
            return saved
    return form_page(db, form, activity, "capture/story_form.html", problems)


@bp.route("/stories/find", methods=["GET", "POST"])
@roles(*RECORDERS)
def find_story():
    """Look a story up by its reference, to act for someone who cannot use their receipt."""
    db = get_db()
    form = FindStoryForm()
    view = None
    may_reissue = False
    if form.validate_on_submit():
        key = receipts.key_for_reference(db, form.reference.data)
        audit.record(
            db, current_user.actor, "story_looked_up", "story", key.story_id if key else None
        )
        if key is None:
            form.reference.errors = ["No story, and no withdrawn story, has that reference."]
        else:
            view = receipt_view(db, key)
            may_reissue = _responsible_for(key)
    action = StaffStoryActionForm(formdata=None, data={"reference": view and view["reference"]})
    consent_form = notice = None
    if view and not view["withdrawn"]:
        notice = activities.current_notice(db, key.activity_id)
        consent_form = StaffConsentForm(
            formdata=None, data={"reference": view["reference"], "notice_id": notice["id"]}
        )
    status = 404 if form.is_submitted() and view is None else 200
    return render_template(
        "capture/find_story.html",
        form=form,
        view=view,
        action=action,
        consent_form=consent_form,
        notice=notice,
        may_reissue=may_reissue,
        equality_fields=list(EQUALITY_QUESTIONS),
    ), status


def _checked_story() -> receipts.StoryKey | None:
    """The live story named by a valid staff action form, else None (with a message)."""
    form = StaffStoryActionForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
        return None
    key = receipts.key_for_reference(get_db(), form.reference.data)
    if key is None or key.withdrawn:
        flash("That story has already been withdrawn.", "error")
        return None
    audit.record(
        get_db(),
        current_user.actor,
        "identity_checked",
        "story",
        key.story_id,
        form.identity_check.data,
    )
    return key


def _on_behalf(view: Callable[[receipts.StoryKey], object]) -> Callable:
    """Staff acting for a storyteller: `view(key)` runs for the live story a valid action form
    names (the identity check audited), else the find page again with the reason."""

    @functools.wraps(view)
    def checked():
        key = _checked_story()
        if key is None:
            return redirect(url_for("capture.find_story"))
        return view(key)

    return checked


@bp.route("/stories/withdraw", methods=["POST"])
@roles(*RECORDERS)
@_on_behalf
def withdraw_story(key: receipts.StoryKey):
    flows.withdraw_story(
        get_db(),
        current_app.extensions["huey"],
        current_app.config,
        key.story_id,
        method="staff",
        by=current_user.actor,
    )
    flash(f"Story {key.reference} is withdrawn. Only a tombstone remains as evidence.", "info")
    return redirect(url_for("capture.find_story"))


@bp.route("/stories/consent", methods=["POST"])
@roles(*RECORDERS)
@_on_behalf
def record_consent(key: receipts.StoryKey):
    """A teller's change of mind, recorded for them (their identity checked and audited)."""
    form = StaffConsentForm()
    if not form.validate():
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
        return redirect(url_for("capture.find_story"))
    granted = form.answer.data == "yes"
    try:
        change = flows.change_story_consent(
            get_db(),
            current_app.extensions["huey"],
            current_app.config,
            key.story_id,
            form.purpose.data,
            granted,
            by=current_user.actor,
            method=form.method.data,
            notice_id=form.notice_id.data if granted else None,
            method_note=form.method_note.data,
            contact=form.contact(),
            equality=form.equality(),
        )
    except ConsentError as error:
        for message in error.errors.values():
            flash(message, "error")
        return redirect(url_for("capture.find_story"))
    answer = "Yes" if granted else "No"
    label = PURPOSES[form.purpose.data].label
    done = "is recorded" if change.changed else "was already recorded"
    flash(f"{key.reference}: “{label}: {answer}” {done}.", "info")
    return redirect(url_for("capture.find_story"))


def _responsible_for(key: receipts.StoryKey) -> bool:
    """Admins, and staff who set up or gathered for the story's activity."""
    if current_user.role == "admin":
        return True
    return activities.is_responsible(get_db(), key.activity_id, current_user.id)


@bp.route("/stories/reissue", methods=["POST"])
@roles(*RECORDERS)
@_on_behalf
def reissue_secret(key: receipts.StoryKey):
    """A new secret cuts the old one off and opens the receipt page: only staff responsible
    for the story's activity may issue one, and a teller who agreed to contact is told."""
    db = get_db()
    if not _responsible_for(key):
        audit.record(db, current_user.actor, "reissue_refused", "story", key.story_id)
        abort(403)
    secret = receipts.reissue_secret(db, key.story_id, by=current_user.actor)
    if outbox.queue_secret_notice(db, key.story_id):
        flash("The storyteller will be told a new secret was issued (see Updates).", "info")
    activity = activities.get_activity(db, key.activity_id)
    card = make_card(base_url(), key.reference, secret, activity["title"] if activity else "")
    receipt = capture.Receipt(key.story_id, key.reference, secret)
    return render_template(
        "capture/receipt.html", receipt=receipt, card=card, activity=None, reissued=True
    ), 201
