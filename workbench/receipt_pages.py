"""What every storyteller page that opens a receipt shares: one guard and the status page.

`receipt_required` is the guard: it counts wrong receipts against two rate limits (per
reference and client address pair, and per client address), verifies the posted reference and
secret, audits every attempt (never the secret), answers an unknown reference and a wrong
secret alike, and hands the view the `StoryKey` it opened. Pages in any blueprint (the
storyteller's own, "how was it for you?") take it from here, so none imports another's
internals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from flask import Response, current_app, render_template, request
from flask_limiter.util import get_remote_address

from consent import activities, receipts, references
from consent.purposes import EQUALITY_QUESTIONS
from plumbing import audit
from workbench.extensions import limiter
from workbench.feedback.actions import actions_for_story
from workbench.forms_capture import NEEDS_DETAILS, ConsentChangeForm, ReceiptForm, WithdrawForm
from workbench.forms_feedback import evaluation_form_for
from workbench.i18n import localised_notice
from workbench.receipt_view import receipt_view
from workbench.web import get_db

STORYTELLER = "storyteller"
NOT_MATCHED = (
    "We could not open a receipt with that reference and secret. Check both and try again. "
    "After a few wrong tries you will need to wait a while before trying again."
)


def _receipt_limit() -> str:
    # Back-off: five wrong tries from one client lock that client out of that reference for a
    # quarter of an hour, ten for the day.
    return current_app.config.get("RECEIPT_RATE_LIMIT", "5 per 15 minutes; 10 per day")


def _receipt_ip_limit() -> str:
    return current_app.config.get("RECEIPT_IP_RATE_LIMIT", "20 per 15 minutes")


def typed_reference() -> str | None:
    """The posted reference in its canonical form, or None when it cannot be one."""
    return references.normalise_reference(request.form.get("reference", ""))


def _reference_key() -> str:
    """The reference and the client guessing at it. Why the pair: counted per reference alone,
    five wrong guesses by anyone would lock the reference's owner out; the owner, from their
    own address with the right secret, still gets in. Variants of one reference (case, spaces,
    dashes) count together."""
    return f"receipt:{typed_reference() or 'not-a-reference'}@{get_remote_address()}"


def _failed(response: Response) -> bool:
    """Only wrong receipts count towards the limits: using a receipt takes several posts."""
    return response.status_code == 401


def _audit_breach(_limit) -> None:
    audit.record(get_db(), STORYTELLER, "receipt_rate_limited", "reference", typed_reference())


def _opened() -> receipts.StoryKey | None:
    """The receipt the posted reference and secret open; every attempt is audited."""
    db = get_db()
    key = None
    form = ReceiptForm()
    if form.validate_on_submit():
        key = receipts.verify(db, form.reference.data, form.secret.data)
    if key is None:
        audit.record(db, STORYTELLER, "receipt_failed", "reference", typed_reference())
    else:
        audit.record(db, STORYTELLER, "receipt_opened", "story", key.story_id, key.reference)
    return key


def not_matched() -> tuple[str, int]:
    """The receipt form again, with the one answer for an unknown reference or wrong secret."""
    form = ReceiptForm(formdata=None)
    form.reference.data = request.form.get("reference", "")[:40]
    return render_template("storyteller/receipt_form.html", form=form, problem=NOT_MATCHED), 401


def receipt_required(view: Callable | None = None, *, kept: bool = False) -> Callable:
    """Guard a POST view with the posted receipt: `view(key, ...)` runs only when it opens.

    With `kept`, the view acts on a story that is still kept: a withdrawn story's receipt gets
    its status page instead (which says it was withdrawn).
    """
    if view is None:
        return functools.partial(receipt_required, kept=kept)

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        key = _opened()
        if key is None:
            return not_matched()
        if kept and key.withdrawn:
            return status_page(key)
        return view(key, *args, **kwargs)

    guarded = limiter.shared_limit(
        _receipt_limit,
        scope="receipt-reference",
        key_func=_reference_key,
        deduct_when=_failed,
        on_breach=_audit_breach,
    )(guarded)
    return limiter.shared_limit(
        _receipt_ip_limit,
        scope="receipt-address",
        key_func=get_remote_address,
        deduct_when=_failed,
        on_breach=_audit_breach,
    )(guarded)


def status_page(
    key: receipts.StoryKey,
    change: ConsentChangeForm | None = None,
    withdraw: WithdrawForm | None = None,
    message: str | None = None,
    status: int = 200,
) -> tuple[str, int]:
    """The receipt page: the story's progress, what its teller agreed to (with forms to change
    it or withdraw), the actions that answer it and "how was it for you?"."""
    db = get_db()
    view = receipt_view(db, key)
    secret = request.form.get("secret", "")
    notice = activity = None
    if not view["withdrawn"]:
        current = {p["name"]: p["granted"] for p in view["purposes"]}
        hidden = {"reference": key.reference, "secret": secret}
        recorded = {f"want_{name}": "yes" if granted else "no" for name, granted in current.items()}
        change = change or ConsentChangeForm(
            formdata=None, data={**hidden, **recorded}, current=current
        )
        withdraw = withdraw or WithdrawForm(formdata=None, data=hidden)
        # A "yes" given here is given against the notice as it reads now: it is on the page.
        activity = activities.get_activity(db, key.activity_id)
        notice = activities.current_notice(db, key.activity_id)
        change.notice_id.data = notice["id"]
    return render_template(
        "storyteller/receipt.html",
        view=view,
        change=change,
        withdraw=withdraw,
        message=message,
        needs_details=NEEDS_DETAILS,
        activity=activity,
        notice_sections=localised_notice(activity) if activity else [],
        equality_fields=list(EQUALITY_QUESTIONS),
        **_loop_closing(key, secret, "receipt"),
    ), status


def _loop_closing(key: receipts.StoryKey, secret: str, asked_at: str) -> dict:
    """The actions that answer this story (only this one), and "how was it for you?"."""
    if key.withdrawn or key.story_id is None:
        return {"actions": [], "evaluation_form": None}
    return {
        "actions": actions_for_story(get_db(), key.story_id),
        "evaluation_form": evaluation_form_for(key.reference, secret, asked_at),
    }
