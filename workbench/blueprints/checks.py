"""The human check of anonymisation: findings highlighted on the original, beside the preview.

A reviewer removes findings that are not identifiers, adds ones the machine missed, and
confirms. Only the story's gatherer and analysts see the original; after confirmation the
original is deleted unless the configured policy keeps it.
"""

from __future__ import annotations

import hashlib

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from nlp.identifiers.core.findings import LABELS
from nlp.identifiers.review.check_hints import review_hints, surest_first
from plumbing import audit
from workbench import review_queue, safeguarding
from workbench.policy import roles
from workbench.request_ids import parse_int
from workbench.web import enqueue, get_db

bp = Blueprint("checks", __name__, url_prefix="/checks")
CHECKERS = ("gatherer", "analyst", "admin")


def _may_see_original(story: dict) -> bool:
    """Gatherers check the stories they gathered; analysts and admins check any."""
    return current_user.role in ("analyst", "admin") or story["created_by"] == current_user.id


@bp.route("/")
@roles(*CHECKERS)
def queue():
    db = get_db()
    mine = None if current_user.role in ("analyst", "admin") else current_user.id
    return render_template(
        "checks/queue.html",
        waiting=review_queue.waiting(db, gathered_by=mine),
        counts=review_queue.counts(db, gathered_by=mine),
    )


def _story_or_404(story_id: int) -> dict:
    story = review_queue.story(get_db(), story_id)
    if story is None:
        abort(404)
    if not _may_see_original(story):
        abort(403)
    return story


def _fingerprint(story: dict) -> str:
    """What the page was opened for: the story's reference and a digest of its text. A check
    is applied only to the story and text it was made on (ids were once reused after a
    withdrawal, and a check opened for one teller's story was confirmed onto the next's)."""
    digest = hashlib.sha256(f"{story['reference']}\n{story['text']}".encode()).hexdigest()
    return digest[:32]


def _submitted_findings(text: str) -> list[dict]:
    """Kept findings arrive as 'start:end:LABEL'; additions as exact text plus a label."""
    findings = []
    for value in request.form.getlist("finding"):
        parts = value.split(":")
        if len(parts) != 3 or parts[2] not in LABELS:
            continue
        start, end = parse_int(parts[0]), parse_int(parts[1])
        if start is None or end is None or not start < end <= len(text):
            raise ValueError("A finding no longer fits the story: reload the page and check again.")
        findings.append({"start": start, "end": end, "label": parts[2]})
    added, label = request.form.get("add_text", "").strip(), request.form.get("add_label", "")
    if added:
        if label not in LABELS:
            raise ValueError("Choose a type for the text you added.")
        spans = review_queue.occurrences(text, added)
        if not spans:
            raise ValueError("The text you added does not appear in the story exactly as typed.")
        findings += [{"start": s, "end": e, "label": label} for s, e in spans]
    return findings


@bp.route("/<int:story_id>", methods=["GET", "POST"])
@roles(*CHECKERS)
def check(story_id: int):
    # Imported here, not at the top: nlp.checks pulls presidio, spaCy and torch (~400 MB),
    # which only this page needs; every other page keeps the web worker small.
    from nlp import checks

    db = get_db()
    story = _story_or_404(story_id)
    if story["status"] != "ready" or story["text"] is None:
        flash("That story is not waiting for a check.", "info")
        return redirect(url_for("checks.queue"))
    findings = [f.as_dict() for f in checks.findings_for(db, story_id)]
    status = 200
    shown = _fingerprint(story)
    if request.method == "POST":
        if request.form.get("shown") != shown:
            # The page was opened for another story, or another text: never apply it here.
            flash("This story is not the one the page was opened for: check it again.", "error")
            return redirect(url_for("checks.check", story_id=story_id))
        try:
            findings = _submitted_findings(story["text"])
        except ValueError as error:
            flash(str(error), "error")
            status = 400
        else:
            if request.form.get("action") == "confirm":
                keep = current_app.config["WORKBENCH_KEEP_ORIGINAL"] != "none"
                if not keep:
                    text = story["text"]
                    safeguarding.forget_identifiers(
                        db, story_id, [(text[f["start"] : f["end"]], f["label"]) for f in findings]
                    )
                checks.apply_check(db, story_id, findings, current_user.id, keep_original=keep)
                audit.record(
                    db,
                    current_user.actor,
                    "anonymisation_checked",
                    "story",
                    story_id,
                    f"{len(findings)} findings",
                )
                enqueue("after_check", story_id=story_id)
                flash("Checked. The story goes on to themes and tags.", "info")
                return redirect(url_for("checks.queue"))
    preview = review_queue.preview(story["text"], findings)
    hints = review_hints(story["text"], preview.findings, checks.doubts_for(db, story_id))
    unsure = {(h.start, h.end) for h in hints if h.kind == "unsure"}
    return render_template(
        "checks/check.html",
        story=story,
        segments=review_queue.segments(story["text"], preview.findings, hints),
        findings=preview.findings,
        unsure=unsure,
        nearby=surest_first(h for h in hints if h.kind == "nearby"),
        preview=preview.text,
        shown=shown,
        flags=checks.risk_flags_for(db, story_id),
        labels=LABELS,
    ), status
