"""Analyst review of priority tags, and the frameworks admins maintain.

Views orchestrate; `nlp.tagging.store` and `nlp.priorities` decide.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import sqlite_utils
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consent.activities import get_activity, list_activities
from nlp import priorities
from nlp.priorities import FrameworkError
from nlp.tagging import store as tag_store
from nlp.themes import store as theme_store
from plumbing import audit, jobs
from workbench.policy import roles
from workbench.request_ids import parse_int
from workbench.web import enqueue, get_db

bp = Blueprint("tags", __name__, url_prefix="/review/priorities")
ANALYSTS = ("analyst", "admin")
T = TypeVar("T")
PAGE_SIZE = 25
DECISIONS = {
    "confirm": tag_store.confirm_tag,
    "reject": tag_store.reject_tag,
    "add": tag_store.add_tag,
}
SAVED = {
    "confirm": "Saved: the tag is confirmed.",
    "reject": "Saved: the tag is rejected.",
    "add": "Saved: the tag is added.",
}


def _int_arg(name: str) -> int | None:
    return parse_int(request.values.get(name), signed=True)


def _score_arg(name: str, default: int) -> float:
    """A criticality bound from the query: a hand-edited address that is not a number in
    -5..5 shows the unfiltered bound rather than an error page."""
    try:
        value = float(request.args.get(name, default))
    except ValueError:
        return default
    return value if -5 <= value <= 5 else default


@bp.route("/")
@roles(*ANALYSTS)
def index():
    db = get_db()
    activities = [a for a in list_activities(db) if a.get("framework_id")]
    activity_id = _int_arg("activity") or (activities[0]["id"] if activities else None)
    activity = get_activity(db, activity_id) if activity_id else None
    if activity is None or not activity.get("framework_id"):
        return render_template("review/tags.html", activities=activities, activity=None)
    framework_id = activity["framework_id"]
    lowest = _score_arg("lowest", -5)
    highest = _score_arg("highest", 5)
    if lowest > highest:
        lowest, highest = highest, lowest  # "from 3 to -3" means the same range, not none
    page = max(1, _int_arg("page") or 1)
    # Stories nobody has decided about and whose tags the tagger is least sure of come first:
    # a few minutes of review there teach it the most.
    story_ids = tag_store.review_order(
        db, theme_store.checked_story_ids(db, activity_id), framework_id
    )
    if (lowest, highest) != (-5, 5):
        wanted = set(tag_store.stories_by_criticality(db, activity_id, lowest, highest))
        story_ids = [s for s in story_ids if s in wanted]
    pages = max(1, -(-len(story_ids) // PAGE_SIZE))
    page = min(page, pages)  # a page past the last (an old link, fewer stories now) is the last
    shown = story_ids[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return render_template(
        "review/tags.html",
        activities=activities,
        activity=activity,
        framework=priorities.get_framework(db, framework_id),
        metrics=tag_store.priority_metrics(db, framework_id),
        stories=_story_rows(db, shown, framework_id),
        themes=theme_store.list_themes(db, activity_id),
        page=page,
        pages=pages,
        lowest=lowest,
        highest=highest,
    )


def _story_rows(db, story_ids: list[int], framework_id: str) -> list[dict]:
    from nlp import embed

    texts = embed.checked_texts(db, story_ids)
    tags = tag_store.tags_for_stories(db, story_ids, framework_id)
    scores = tag_store.criticality_for_stories(db, story_ids)
    return [
        {
            "id": sid,
            "excerpt": theme_store.excerpt(texts.get(sid, ""), 400),
            "tags": tags.get(sid, []),
            "criticality": scores.get(sid),
        }
        for sid in story_ids
    ]


def _priority_arg() -> tuple[str, str]:
    """The (framework id, priority id) a decision form names."""
    return request.form.get("framework", ""), request.form.get("priority", "")


def _decide(decision: Callable[[sqlite_utils.Database], T], audited: tuple) -> T | None | bool:
    """An analyst's decision: a refusal is shown to them (and returns False), a decision made
    is audited (the action, object type and id, and any detail, as `audited` names them)."""
    db = get_db()
    try:
        result = decision(db)
    except (FrameworkError, LookupError, ValueError) as error:
        flash(str(error), "error")
        return False
    audit.record(db, current_user.actor, *audited)
    return result


def _back():
    """Back to the view the analyst decided from: the same activity, page and criticality
    filter, taken from the form (the app sends no Referer, so the browser cannot tell us)."""
    view = {
        name: value
        for name, value in (
            ("activity", _int_arg("activity")),
            ("page", _int_arg("page")),
            ("lowest", _int_arg("lowest")),
            ("highest", _int_arg("highest")),
        )
        if value is not None
    }
    return redirect(url_for("tags.index", **view))


@bp.route("/decide", methods=["POST"])
@roles(*ANALYSTS)
def decide():
    decision, story_id = request.form.get("decision", ""), _int_arg("story")
    if decision not in DECISIONS or story_id is None:
        abort(400)
    framework_id, priority_id = _priority_arg()
    done = _decide(
        lambda db: DECISIONS[decision](db, story_id, framework_id, priority_id, current_user.id),
        (f"tag_{decision}", "story", story_id, priority_id),
    )
    if done is not False:
        flash(SAVED[decision], "info")
        _learn(framework_id)
    return _back()


def _learn(framework_id: str) -> None:
    """Every decision teaches the tagger: the worker retrains it (once for a burst of
    decisions: a retraining already waiting will read them all)."""
    if not jobs.queued(get_db(), "train_tagger", framework_id=framework_id):
        enqueue("train_tagger", framework_id=framework_id)


@bp.route("/theme", methods=["POST"])
@roles(*ANALYSTS)
def decide_theme():
    theme_id, action = _int_arg("theme"), request.form.get("action", "")
    if theme_id is None:
        abort(400)
    framework_id, priority_id = _priority_arg()
    changed = _decide(
        lambda db: tag_store.bulk_tag_theme(
            db, theme_id, framework_id, priority_id, action, current_user.id
        ),
        (f"theme_tags_{action}", "theme", theme_id),
    )
    if changed is not False:
        flash(f"Saved: {changed} tags changed.", "info")
        _learn(framework_id)
    return _back()


@bp.route("/run", methods=["POST"])
@roles(*ANALYSTS)
def run():
    db = get_db()
    activity_id = _int_arg("activity")
    what = request.form.get("what")
    if activity_id is None or what not in {"tag", "train"}:
        abort(400)
    activity = get_activity(db, activity_id)
    if activity is None or not activity.get("framework_id"):
        abort(404)
    if what == "tag":
        enqueue("tag", activity_id=activity_id)
    else:
        enqueue("train_tagger", framework_id=activity["framework_id"])
    audit.record(db, current_user.actor, f"{what}_requested", "activity", activity_id)
    flash("Queued: the worker will update the tags shortly.", "info")
    return _back()


@bp.route("/frameworks", methods=["GET", "POST"])
@roles("admin")
def frameworks():
    db = get_db()
    status = 200
    text = ""
    if request.method == "POST":
        upload = request.files.get("file")
        text = (
            upload.read().decode("utf-8", "replace")
            if upload and upload.filename
            else (request.form.get("yaml", ""))
        )
        try:
            framework = priorities.load_framework(text)
            version = priorities.store_framework(db, framework)
        except FrameworkError as error:
            flash(f"The framework was not saved: {error}", "error")
            status = 400
        else:
            audit.record(
                db,
                current_user.actor,
                "framework_saved",
                "framework",
                framework.id,
                f"version {version}",
            )
            flash(f"Saved {framework.title} as version {version}.", "info")
            for warning in framework.warnings:
                flash(warning, "info")
            return redirect(url_for("tags.frameworks"))
    edit = request.args.get("edit")
    if edit and not text:
        try:
            text = priorities.get_framework(db, edit).yaml_text
        except FrameworkError:
            text = ""
    return render_template(
        "review/frameworks.html", frameworks=priorities.list_frameworks(db), text=text
    ), status
