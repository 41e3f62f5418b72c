"""Public pages for storytellers, no account: tell a story online, and use a receipt to see
what happened to it, change what they agreed to, or withdraw it.

The receipt pages take the reference and secret only by POST (the QR code's URL keeps the
secret in the fragment, which receipt.js moves into the form); `receipt_required`
(workbench/receipt_pages.py) answers an unknown reference and a wrong secret alike and counts
failed attempts per reference and per address.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_date, format_datetime, get_locale, gettext
from flask_login import current_user

import consent
from consent import activities, receipts
from consent.errors import ConsentError
from consent.purposes import PURPOSES
from plumbing import audit
from workbench import flows, organisation
from workbench.extensions import limiter
from workbench.forms_capture import (
    ConsentChangeForm,
    OnlineStoryForm,
    ReceiptForm,
    WithdrawForm,
    apply_errors,
)
from workbench.forms_feedback import evaluation_form_for
from workbench.i18n import localised
from workbench.policy import public
from workbench.receipt_card import card_png, make_card
from workbench.receipt_pages import STORYTELLER, not_matched, receipt_required, status_page
from workbench.receipt_view import receipt_view
from workbench.safeguarding import signposting
from workbench.story_saving import form_page, save_story
from workbench.web import base_url, get_db

bp = Blueprint("storyteller", __name__)


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


def _open_online() -> list[dict]:
    return [
        a for a in activities.list_activities(get_db(), open_only=True) if "online" in a["channels"]
    ]


@bp.route("/")
@public
def home():
    """The front door: who runs this, the activities open now, and how to reach them.
    Signed-in staff go on to their dashboard."""
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    return render_template("storyteller/home.html", activities=_open_online())


@bp.route("/about")
@public
def about():
    """Who runs this, how to contact them, their privacy notice and how to complain."""
    return render_template("storyteller/about.html")


@bp.route("/organisation/logo")
@public
def logo():
    """The organisation's logo, as configured (404 when there is none)."""
    configured = current_app.extensions["organisation"]
    if configured.logo is None:
        abort(404)
    return Response(configured.logo, mimetype=configured.logo_type)


@bp.route("/tell")
@public
def index():
    """Activities taking stories online today."""
    return render_template("storyteller/index.html", activities=_open_online())


@bp.route("/tell/<int:activity_id>", methods=["GET", "POST"])
@public
@limiter.limit(_story_limit, methods=["POST"])
def tell(activity_id: int):
    db = get_db()
    activity = activities.get_activity(db, activity_id)
    if activity is None or not activity["is_open"] or "online" not in activity["channels"]:
        abort(404)
    form = OnlineStoryForm()
    form.offer_areas(activity)
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
    return form_page(db, form, activity, "storyteller/tell.html", problems)


@bp.route("/receipt", methods=["GET"])
@public
def receipt_form():
    """The form; receipt.js fills it from a QR code's #REFERENCE.SECRET and sends it."""
    return render_template("storyteller/receipt_form.html", form=ReceiptForm())


@bp.route("/receipt", methods=["POST"])
@public
@receipt_required
def receipt(key: receipts.StoryKey):
    return status_page(key)


@bp.route("/receipt/card", methods=["POST"], endpoint="card_page")
@public
@receipt_required(kept=True)
def card_page(key: receipts.StoryKey):
    """The thank-you page again, receipt card and all: what its language switch posts to, so
    the teller's secret stays on screen (never in an address) in the language they chose."""
    db = get_db()
    activity = activities.get_activity(db, key.activity_id)
    secret = request.form["secret"]
    text = consent.original_text(db, key.story_id)
    locale = str(get_locale())
    return render_template(
        "storyteller/submitted.html",
        receipt=key,
        card=make_card(base_url(), key.reference, secret, localised(activity, "title")),
        activity=activity,
        signposting=signposting.signposting_for(text, locale=locale)
        if text
        else signposting.for_signals([], locale=locale),
        evaluation_form=evaluation_form_for(key.reference, secret, "capture"),
    )


@bp.route("/receipt/consent", methods=["POST"])
@public
@receipt_required(kept=True)
def change_consent(key: receipts.StoryKey):
    """Change any purpose but analysis, confirmed with a tick on the same form."""
    db = get_db()
    view = receipt_view(db, key)
    current = {p["name"]: p["granted"] for p in view["purposes"]}
    form = ConsentChangeForm(current=current)
    if not form.validate():
        return status_page(key, change=form, status=400)
    changes = form.changes()
    try:
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
                notice_id=form.notice_id.data if granted else None,
                contact=form.contact() if purpose == "contact" else None,
                equality=form.equality() if purpose == "equality_monitoring" else None,
            )
    except ConsentError as error:
        # Each change is its own transaction: what was saved before the refusal is shown.
        general = apply_errors(form, error.errors)
        form.confirm.errors = [*form.confirm.errors, *general]
        return status_page(key, change=form, status=400)
    # Translated here, in the storyteller's language: the sentence is put together from parts.
    said = "; ".join(
        f"{gettext(PURPOSES[p].label)}: {gettext('Yes') if granted else gettext('No')}"
        for p, granted in changes.items()
    )
    return status_page(key, message=gettext("Your choices are saved. %(changes)s.", changes=said))


@bp.route("/receipt/withdraw", methods=["POST"])
@public
@receipt_required(kept=True)
def withdraw(key: receipts.StoryKey):
    """Withdraw the whole story, confirmed with a tick on the same form."""
    form = WithdrawForm()
    if not form.validate():
        return status_page(key, withdraw=form, status=400)
    flows.withdraw_story(
        get_db(),
        current_app.extensions["huey"],
        current_app.config,
        key.story_id,
        method="receipt",
        by=STORYTELLER,
    )
    return render_template("storyteller/withdrawn.html", reference=key.reference)


@bp.route("/receipt/card.png", methods=["POST"], endpoint="card_png")
@public
@receipt_required
def card_png_download(key: receipts.StoryKey):
    """The receipt card as a PNG; POST so the secret never sits in a URL."""
    if key.withdrawn:
        return not_matched()
    view = receipt_view(get_db(), key)
    title = localised(view["activity"], "title") if view["activity"] else ""
    card = make_card(base_url(), key.reference, request.form["secret"], title)
    return Response(
        card_png(card, organisation.current()),
        mimetype="image/png",
        headers={"Content-Disposition": f'attachment; filename="receipt-{key.reference}.png"'},
    )
