"""Closing the loop: actions ("you said, we did"), updates to storytellers, reach, how taking
part felt, and exports for qualitative-analysis tools."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    url_for,
)
from flask_login import current_user

from consent import StoryKey
from consent import activities as consent_activities
from nlp.tagging import store as tag_store
from plumbing import audit
from workbench.charts.reach import reach_chart
from workbench.feedback import actions, evaluation, outbox, qdpx, reach
from workbench.forms_feedback import ActionForm, EvaluationForm, PopulationForm
from workbench.policy import public, roles
from workbench.receipt_pages import receipt_required, status_page
from workbench.web import activity_or_404, get_db, republish

bp = Blueprint("feedback", __name__)
ACTION_WRITERS = ("analyst", "planner", "admin")
ANALYSTS = ("analyst", "admin")
EXPORTS = {
    "qdpx": ("application/zip", qdpx.build_qdpx),
    "csv": ("text/csv; charset=utf-8", qdpx.analyst_view_csv),
    "json": ("application/json", qdpx.analyst_view_json),
}


def _choices(form: ActionForm) -> None:
    db = get_db()
    form.theme.choices = [("", "None")] + [
        (str(theme["id"]), f"{theme['label']} ({theme['activity']})")
        for theme in actions.answerable_themes(db, approved_only=current_user.role == "planner")
    ]
    form.priority.choices = [("", "None")] + [
        (f"{p['framework_id']}::{p['id']}", f"{p['title']} ({p['framework']})")
        for p in tag_store.all_priorities(db)
    ]


def _show_errors(form: ActionForm, errors: dict[str, str]) -> None:
    for name, message in errors.items():
        field = getattr(form, name, None)
        if field is not None:
            field.errors = [*field.errors, message]
        else:
            flash(message, "error")


@bp.route("/actions")
@roles(*ACTION_WRITERS)
def action_list():
    return render_template(
        "feedback/actions.html", actions=_visible(actions.list_actions(get_db()))
    )


def _visible(rows: list[dict]) -> list[dict]:
    """Planners see actions on approved themes (or priorities) only; others see every one."""
    if current_user.role == "planner":
        return actions.on_approved_themes(get_db(), rows)
    return rows


@bp.route("/actions/new", methods=["GET", "POST"])
@roles(*ACTION_WRITERS)
def new_action():
    db = get_db()
    form = ActionForm()
    _choices(form)
    if form.validate_on_submit():
        try:
            action_id = actions.record_action(
                db,
                form.fields(),
                by=current_user.id,
                theme_id=form.chosen_theme(),
                priority=form.chosen_priority(),
            )
        except actions.ActionError as error:
            _show_errors(form, error.errors)
        else:
            queued = outbox.queue_updates(db, action_id)
            republish()
            flash(f"Action recorded; {queued} update(s) queued for people who asked to hear back.")
            return redirect(url_for("feedback.edit_action", action_id=action_id))
    status = 400 if form.is_submitted() else 200
    return render_template("feedback/action_form.html", form=form, action=None), status


@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@roles(*ACTION_WRITERS)
def edit_action(action_id: int):
    db = get_db()
    action = actions.get_action(db, action_id)
    if action is None or not _visible([action]):
        abort(404)
    form = ActionForm(data=action)
    del form.theme, form.priority
    if form.validate_on_submit():
        try:
            changed = actions.update_action(db, action_id, form.fields(), by=current_user.id)
        except actions.ActionError as error:
            _show_errors(form, error.errors)
        else:
            if changed:
                queued = outbox.queue_updates(db, action_id)
                flash(f"Action saved; {queued} update(s) queued.")
            republish()
            return redirect(url_for("feedback.edit_action", action_id=action_id))
    status = 400 if form.is_submitted() else 200
    return render_template("feedback/action_form.html", form=form, action=action), status


@bp.route("/outbox")
@roles(*ANALYSTS)
def outbox_page():
    return render_template(
        "feedback/outbox.html",
        summary=outbox.summary(get_db()),
        smtp_configured=bool(current_app.config.get("WORKBENCH_SMTP_URL")),
    )


@bp.route("/outbox/send", methods=["POST"])
@roles(*ANALYSTS)
def send_outbox():
    url = current_app.config.get("WORKBENCH_SMTP_URL")
    if not url:
        flash("Email is not set up: set WORKBENCH_SMTP_URL (e.g. smtp://mail.example:25).", "error")
        return redirect(url_for("feedback.outbox_page"))
    sender = current_app.config.get("WORKBENCH_MAIL_FROM") or "no-reply@localhost"
    try:
        result = outbox.send_emails(get_db(), url, sender)
    except (OSError, ValueError) as error:
        flash(f"Could not reach the mail server ({type(error).__name__}).", "error")
    else:
        flash(f"Sent {result['sent']} email(s); {result['failed']} failed.")
    return redirect(url_for("feedback.outbox_page"))


@bp.route("/outbox/letters-and-texts.csv", methods=["POST"])
@roles(*ANALYSTS)
def export_outbox():
    text = outbox.export_letters_and_texts(get_db(), current_user.actor)
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="letters-and-texts.csv"'},
    )


@bp.route("/reach", methods=["GET", "POST"])
@roles(*ACTION_WRITERS)
def reach_index():
    db = get_db()
    can_load = current_user.role in ANALYSTS
    form = PopulationForm()
    report = None
    if form.validate_on_submit():
        if not can_load:
            abort(403)
        text = form.csv_file.data.read().decode("utf-8", errors="replace")
        report = reach.load_profile(db, text)
        audit.record(
            db,
            current_user.actor,
            "population_loaded" if report.ok else "population_refused",
            "population_profile",
            None,
            f"rows={len(report.rows)} problems={len(report.problems)}",
        )
        if report.ok:
            flash(f"Population profile loaded: {len(report.rows)} groups.")
            return redirect(url_for("feedback.reach_index"))
    return render_template(
        "feedback/reach_index.html",
        activities=consent_activities.list_activities(db),
        profile=reach.profile(db),
        form=form,
        report=report,
        can_load=can_load,
    ), (400 if report else 200)


@bp.route("/reach/<int:activity_id>")
@roles(*ACTION_WRITERS)
def activity_reach(activity_id: int):
    db = get_db()
    activity = activity_or_404(db, activity_id)
    found = reach.activity_reach(db, activity_id)
    charts = []
    for label in reach.CHARACTERISTICS.values():
        rows = [r for r in found["rows"] if r["characteristic"] == label]
        if any(r["population_share"] is not None for r in rows):
            charts.append((label, reach_chart(f"{label}: answers against population", rows)))
    return render_template("feedback/reach.html", activity=activity, reach=found, charts=charts)


@bp.route("/evaluation/<int:activity_id>")
@roles(*ANALYSTS)
def activity_evaluation(activity_id: int):
    db = get_db()
    activity = activity_or_404(db, activity_id)
    return render_template(
        "feedback/evaluation.html",
        activity=activity,
        results=evaluation.results(db, activity_id),
        answers=evaluation.ANSWERS,
    )


@bp.route("/export/<int:activity_id>.<fmt>")
@roles(*ANALYSTS)
def export(activity_id: int, fmt: str):
    db = get_db()
    if fmt not in EXPORTS or consent_activities.get_activity(db, activity_id) is None:
        abort(404)
    mimetype, build = EXPORTS[fmt]
    body = build(db, activity_id)
    audit.record(db, current_user.actor, "analysis_exported", "activity", activity_id, fmt)
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="activity-{activity_id}.{fmt}"'},
    )


@bp.route("/receipt/evaluation", methods=["POST"])
@public
@receipt_required(kept=True)
def evaluate(key: StoryKey):
    """'How was it for you?' from the end of telling a story or from the receipt page."""
    form = EvaluationForm()
    saved = form.validate() and evaluation.record_answers(
        get_db(), key.story_id, form.asked_at.data, form.answers()
    )
    message = "Thank you for telling us how it was." if saved else "Nothing was answered."
    if form.asked_at.data == "capture":
        return render_template("feedback/evaluation_thanks.html", message=message)
    return status_page(key, message=message)
