"""Public pages for storytellers, no account: tell a story online, and use a receipt to see
what happened to it, change what they agreed to, or withdraw it.

The receipt pages take the reference and secret only by POST (the QR code's URL keeps the
secret in the fragment, which receipt.js moves into the form), answer an unknown reference and
a wrong secret alike, and count failed attempts per reference and per address.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_babel import format_date, format_datetime, gettext
from flask_limiter.util import get_remote_address

from consent import activities, receipts, references
from consent.purposes import EQUALITY_QUESTIONS, PURPOSES
from plumbing import audit
from workbench import flows, limiter
from workbench.blueprints.capture import base_url, save_story
from workbench.forms_capture import (
    NEEDS_DETAILS,
    ConsentChangeForm,
    OnlineStoryForm,
    ReceiptForm,
    WithdrawForm,
)
from workbench.forms_feedback import evaluation_form_for
from workbench.policy import public
from workbench.receipt_card import card_png, make_card
from workbench.receipt_view import receipt_view
from workbench.web import get_db

bp = Blueprint("storyteller", __name__)

STORYTELLER = "storyteller"
NOT_MATCHED = (
    "We could not open a receipt with that reference and secret. Check both and try again. "
    "After a few wrong tries you will need to wait a while before trying again."
)


@bp.app_template_filter("when")
def when(value: str | None) -> str:
    """An ISO 8601 date or UTC time as people write it, in the organisation's clock
    (`WORKBENCH_TIMEZONE`): 4 May 2026, 11:15, or 4 Mai 2026 in Welsh. Why local time: a
    storyteller told "10:15 (UTC)" for a story they gave at 11:15 would rightly be puzzled."""
    if not value:
        return ""
    if "T" not in value:
        return format_date(date.fromisoformat(value[:10]), "d MMMM y")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_datetime(moment, "d MMMM y, HH:mm")


def _story_limit() -> str:
    return current_app.config.get("STORY_SUBMIT_RATE_LIMIT", "10 per hour")


def _receipt_limit() -> str:
    return current_app.config.get("RECEIPT_RATE_LIMIT", "5 per 15 minutes")


def _receipt_ip_limit() -> str:
    return current_app.config.get("RECEIPT_IP_RATE_LIMIT", "20 per 15 minutes")


def _typed_reference() -> str | None:
    return references.normalise_reference(request.form.get("reference", ""))


def _reference_key() -> str:
    # Variants of one reference (case, spaces, dashes) count together.
    return "receipt:" + (_typed_reference() or "not-a-reference")


def _failed(response: Response) -> bool:
    """Only wrong receipts count towards the limits: using a receipt takes several posts."""
    return response.status_code == 401


def _audit_breach(_limit) -> None:
    audit.record(get_db(), STORYTELLER, "receipt_rate_limited", "reference", _typed_reference())


def _receipt_limits(view):
    """The same two limits, shared by every page that takes a reference and secret."""
    view = limiter.shared_limit(
        _receipt_limit,
        scope="receipt-reference",
        key_func=_reference_key,
        deduct_when=_failed,
        on_breach=_audit_breach,
    )(view)
    return limiter.shared_limit(
        _receipt_ip_limit,
        scope="receipt-address",
        key_func=get_remote_address,
        deduct_when=_failed,
        on_breach=_audit_breach,
    )(view)


@bp.route("/tell")
@public
def index():
    """Activities taking stories online today."""
    open_online = [
        a for a in activities.list_activities(get_db(), open_only=True) if "online" in a["channels"]
    ]
    return render_template("storyteller/index.html", activities=open_online)


@bp.route("/tell/<int:activity_id>", methods=["GET", "POST"])
@public
@limiter.limit(_story_limit, methods=["POST"])
def tell(activity_id: int):
    db = get_db()
    activity = activities.get_activity(db, activity_id)
    if activity is None or not activity["is_open"] or "online" not in activity["channels"]:
        abort(404)
    form = OnlineStoryForm()
    problems: list[str] = []
    if form.is_submitted() and form.website.data:
        audit.record(db, STORYTELLER, "honeypot_filled", "activity", activity_id)
    if form.validate_on_submit():
        saved, problems = save_story(
            db,
            form,
            activity,
            "storyteller/submitted.html",
            channel="online",
            method="online",
            recorded_by=STORYTELLER,
            created_by=None,
        )
        if saved:
            return saved
    notice = activities.current_notice(db, activity_id)
    form.notice_id.data = notice["id"]
    status = 400 if form.is_submitted() else 200
    return render_template(
        "storyteller/tell.html",
        form=form,
        activity=activity,
        sections=activities.notice_sections(activity),
        purposes=PURPOSES,
        equality_fields=list(EQUALITY_QUESTIONS),
        problems=problems,
    ), status


@bp.route("/receipt", methods=["GET"])
@public
def receipt_form():
    """The form; receipt.js fills it from a QR code's #REFERENCE.SECRET and sends it."""
    return render_template("storyteller/receipt_form.html", form=ReceiptForm())


def _opened() -> receipts.StoryKey | None:
    """The receipt the posted reference and secret open; every attempt is audited."""
    db = get_db()
    key = None
    form = ReceiptForm()
    if form.validate_on_submit():
        key = receipts.verify(db, form.reference.data, form.secret.data)
    reference = _typed_reference()
    if key is None:
        audit.record(db, STORYTELLER, "receipt_failed", "reference", reference)
    else:
        audit.record(db, STORYTELLER, "receipt_opened", "story", key.story_id, key.reference)
    return key


def _not_matched():
    form = ReceiptForm(formdata=None)
    form.reference.data = request.form.get("reference", "")[:40]
    return render_template("storyteller/receipt_form.html", form=form, problem=NOT_MATCHED), 401


def _status_page(key: receipts.StoryKey, change=None, withdraw=None, message=None, status=200):
    db = get_db()
    view = receipt_view(db, key)
    secret = request.form.get("secret", "")
    if not view["withdrawn"]:
        current = {p["name"]: p["granted"] for p in view["purposes"]}
        hidden = {"reference": key.reference, "secret": secret}
        recorded = {f"want_{name}": "yes" if granted else "no" for name, granted in current.items()}
        change = change or ConsentChangeForm(
            formdata=None, data={**hidden, **recorded}, current=current
        )
        withdraw = withdraw or WithdrawForm(formdata=None, data=hidden)
    return render_template(
        "storyteller/receipt.html",
        view=view,
        change=change,
        withdraw=withdraw,
        message=message,
        needs_details=NEEDS_DETAILS,
        **_loop_closing(key, secret, "receipt"),
    ), status


def _loop_closing(key: receipts.StoryKey, secret: str, asked_at: str) -> dict:
    """The actions that answer this story (only this one), and "how was it for you?"."""
    from workbench.feedback.actions import actions_for_story

    if key.withdrawn or key.story_id is None:
        return {"actions": [], "evaluation_form": None}
    return {
        "actions": actions_for_story(get_db(), key.story_id),
        "evaluation_form": evaluation_form_for(key.reference, secret, asked_at),
    }


@bp.route("/receipt", methods=["POST"])
@public
@_receipt_limits
def receipt():
    key = _opened()
    if key is None:
        return _not_matched()
    return _status_page(key)


@bp.route("/receipt/consent", methods=["POST"])
@public
@_receipt_limits
def change_consent():
    """Change any purpose but analysis, confirmed with a tick on the same form."""
    db = get_db()
    key = _opened()
    if key is None:
        return _not_matched()
    if key.withdrawn:
        return _status_page(key)
    view = receipt_view(db, key)
    current = {p["name"]: p["granted"] for p in view["purposes"]}
    form = ConsentChangeForm(current=current)
    if not form.validate():
        return _status_page(key, change=form, status=400)
    changes = form.changes()
    for purpose, granted in changes.items():
        flows.change_story_consent(
            db,
            current_app.extensions["huey"],
            current_app.config,
            key.story_id,
            purpose,
            granted,
            by=STORYTELLER,
            method="online",
        )
    # Translated here, in the storyteller's language: the sentence is put together from parts.
    said = "; ".join(
        f"{gettext(PURPOSES[p].label)}: {gettext('Yes') if granted else gettext('No')}"
        for p, granted in changes.items()
    )
    return _status_page(key, message=gettext("Your choices are saved. %(changes)s.", changes=said))


@bp.route("/receipt/withdraw", methods=["POST"])
@public
@_receipt_limits
def withdraw():
    """Withdraw the whole story, confirmed with a tick on the same form."""
    db = get_db()
    key = _opened()
    if key is None:
        return _not_matched()
    if key.withdrawn:
        return _status_page(key)
    form = WithdrawForm()
    if not form.validate():
        return _status_page(key, withdraw=form, status=400)
    flows.withdraw_story(
        db,
        current_app.extensions["huey"],
        current_app.config,
        key.story_id,
        method="receipt",
        by=STORYTELLER,
    )
    return render_template("storyteller/withdrawn.html", reference=key.reference)


@bp.route("/receipt/card.png", methods=["POST"], endpoint="card_png")
@public
@_receipt_limits
def card_png_download():
    """The receipt card as a PNG; POST so the secret never sits in a URL."""
    key = _opened()
    if key is None or key.withdrawn:
        return _not_matched()
    view = receipt_view(get_db(), key)
    title = view["activity"]["title"] if view["activity"] else ""
    card = make_card(base_url(), key.reference, request.form["secret"], title)
    return Response(
        card_png(card),
        mimetype="image/png",
        headers={"Content-Disposition": f'attachment; filename="receipt-{key.reference}.png"'},
    )
