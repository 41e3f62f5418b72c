"""Analyst review of themes: read, rename, merge, split, move, choose quotes, approve, and
decide what refits and new stories propose for approved themes.

Views only orchestrate; `nlp.themes.store` decides what an edit may do. No view waits on a
model: keywords are refreshed, and approved themes re-published, by queued jobs.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consent.activities import list_activities
from nlp.themes import store as theme_store
from nlp.themes.store import ThemeError
from plumbing import audit, jobs
from workbench.charts import themes as charts
from workbench.policy import roles
from workbench.request_ids import parse_ids, parse_int
from workbench.web import activity_or_404, enqueue, get_db, republish

bp = Blueprint("review", __name__, url_prefix="/review")
ANALYSTS = ("analyst", "admin")
# A theme's stories are listed a page at a time: each row carries a quote form and a move form.
MEMBERS_PER_PAGE = 50
RUNNING = ("queued", "running")


def _activity_arg() -> int | None:
    return parse_int(request.args.get("activity") or request.form.get("activity"))


def _back(theme_id: int | None = None, activity_id: int | None = None):
    if theme_id is not None:
        # Back to the page of stories the form was on (its address carries `page`).
        page = _page_arg()
        return redirect(url_for("review.theme", theme_id=theme_id, page=page if page > 1 else None))
    return redirect(url_for("review.themes", activity=activity_id))


@bp.route("/themes")
@roles(*ANALYSTS)
def themes():
    db = get_db()
    activities = list_activities(db)
    activity_id = _activity_arg()
    if activity_id is None and activities:
        activity_id = activities[0]["id"]
    listed = theme_store.list_themes(db, activity_id)
    runs = theme_store.list_runs(db, activity_id)
    return render_template(
        "review/themes.html",
        activities=activities,
        activity_id=activity_id,
        themes=listed,
        runs=runs,
        run=runs[0] if runs else None,
        fitting=[job for job in jobs.recent(db, 3, "themes") if job["status"] in RUNNING],
        proposal=theme_store.pending_proposal(db, activity_id),
        held=theme_store.pending_counts(db, activity_id),
        unthemed=len(theme_store.unthemed_story_ids(db, activity_id)),
        theme_map=charts.theme_map_svg(theme_store.theme_map(db, activity_id), link=_story_links()),
        trend=charts.sizes_over_time_svg(theme_store.sizes_over_time(db, activity_id)),
    )


def _story_links():
    """Where each map point leads: its story, on the page of its theme that lists it. The
    address is built once per page, not once per point (a map can hold 10,000)."""
    themes_url = url_for("review.themes")

    def link(point: dict) -> str:
        story_id = point["story_id"]
        return f"{themes_url}/{point['theme_id']}?story={story_id}#story-{story_id}"

    return link


def _stories_changed(theme_ids: list[int], publish: bool = True) -> None:
    """After stories joined or left themes: queue their keywords' refresh, and a re-publish
    if an approved theme changed (the published file holds approved membership); `_edit`
    has queued that already for the edits it applies."""
    if not theme_ids:
        return
    enqueue("refresh_keywords", theme_ids=sorted(set(theme_ids)))
    if publish and _any_approved(get_db(), theme_ids):
        republish()


@bp.route("/themes/run", methods=["POST"])
@roles(*ANALYSTS)
def run_themes():
    """Queue a fit of the themes of one activity (or, with no activity named, across them);
    an activity that is not one is a 404 and queues nothing."""
    activity_id = _activity_arg()
    if request.form.get("activity") or request.args.get("activity"):
        activity_or_404(get_db(), activity_id if activity_id is not None else 0)
    enqueue("themes", activity_id=activity_id)
    audit.record(get_db(), current_user.actor, "themes_requested", "activity", activity_id)
    flash("Theming has been queued; this page shows the result when the worker is done.", "info")
    return _back(activity_id=activity_id)


@bp.route("/proposals/<int:proposal_id>", methods=["POST"])
@roles(*ANALYSTS)
def decide_proposal(proposal_id: int):
    db = get_db()
    decision = request.form.get("decision")
    try:
        if decision == "accept":
            _stories_changed(theme_store.accept_proposal(db, proposal_id, by=current_user.id))
            held = len(theme_store.pending_counts(db, _activity_arg()))
            if held:
                flash(
                    f"Changes to {held} approved {'theme wait' if held == 1 else 'themes wait'} "
                    "for your review on their pages.",
                    "info",
                )
        elif decision == "reject":
            theme_store.reject_proposal(db, proposal_id, by=current_user.id)
        else:
            abort(400)
    except ThemeError as error:
        flash(str(error), "error")
    else:
        audit.record(db, current_user.actor, f"proposal_{decision}ed", "proposal", proposal_id)
        flash(f"Saved: the proposal is {decision}ed.", "info")
    return _back(activity_id=_activity_arg())


@bp.route("/themes/<int:theme_id>")
@roles(*ANALYSTS)
def theme(theme_id: int):
    db = get_db()
    story = request.args.get("story", "")
    opened = parse_int(story)
    try:
        detail = theme_store.theme_detail(
            db, theme_id, page=_page_arg(), per_page=MEMBERS_PER_PAGE, around=opened
        )
    except ThemeError:
        abort(404)
    others = [t for t in theme_store.list_themes(db, detail["activity_id"]) if t["id"] != theme_id]
    return render_template(
        "review/theme.html",
        theme=detail,
        others=others,
        opened=opened,
        proposed=theme_store.proposed_changes(db, theme_id),
        refreshing=jobs.pending(db, ("refresh_keywords",)) > 0,
    )


@bp.route("/themes/<int:theme_id>/proposed", methods=["POST"])
@roles(*ANALYSTS)
def decide_proposed(theme_id: int):
    """Accept or turn down what a refit or new stories propose for this theme."""
    decision = request.form.get("decision")
    stories = parse_ids(request.form.getlist("story"))
    if decision == "accept":
        changed = _edit(
            theme_id,
            "theme_changes_accepted",
            lambda db: theme_store.accept_changes(db, theme_id, stories),
            publish=False,  # _stories_changed republishes for every approved theme it touched
        )
        if isinstance(changed, list):
            _stories_changed(changed)
    elif decision == "reject":
        _edit(
            theme_id,
            "theme_changes_rejected",
            lambda db: theme_store.reject_changes(db, theme_id, stories, by=current_user.id),
            publish=False,  # turning a proposal down changes nothing published
        )
    else:
        abort(400)
    return _back(theme_id)


def _page_arg() -> int:
    page = parse_int(request.args.get("page"))
    return page if page and page < 10**9 else 1


SAVED = {
    "theme_renamed": "Saved: the theme's name and description.",
    "theme_approved": "Saved: the theme is approved; the published data is being rebuilt.",
    "theme_merged": "Saved: the themes are merged.",
    "theme_split": "Saved: the chosen stories are a new theme.",
    "story_moved": "Saved: the story is moved.",
    "quote_chosen": "Saved: the quote is chosen.",
    "quote_removed": "Saved: the quote is removed.",
    "theme_changes_accepted": "Saved: the proposed changes are accepted; published themes "
    "follow shortly.",
    "theme_changes_rejected": "Saved: the proposed changes are turned down.",
}


def _edit(
    theme_id: int, action: str, apply, also: list[int] | None = None, publish: bool = True
) -> object:
    """Apply an analyst's edit to a theme (and `also` these, e.g. merged ones): a refusal is
    shown, a change is audited and confirmed, and the published file is rebuilt when an
    approved theme was touched or one became approved, so planners see it within a minute."""
    db = get_db()
    touched = [theme_id, *(also or [])]
    was_published = _any_approved(db, touched)
    try:
        result = apply(db)
    except ThemeError as error:
        flash(str(error), "error")
        return _back(theme_id)
    audit.record(db, current_user.actor, action, "theme", theme_id)
    flash(SAVED.get(action, f"Saved: {action.replace('_', ' ')}."), "info")
    if publish and (was_published or _any_approved(db, touched)):
        republish()
    return result


def _any_approved(db, theme_ids: list[int]) -> bool:
    themes = theme_store.themes_by_id(db, theme_ids)
    return any(theme["status"] == "approved" for theme in themes.values())


@bp.route("/themes/<int:theme_id>/rename", methods=["POST"])
@roles(*ANALYSTS)
def rename(theme_id: int):
    form = request.form
    _edit(
        theme_id,
        "theme_renamed",
        lambda db: theme_store.rename_theme(
            db, theme_id, form.get("label", ""), form.get("description", "")
        ),
    )
    return _back(theme_id)


@bp.route("/themes/<int:theme_id>/status", methods=["POST"])
@roles(*ANALYSTS)
def set_status(theme_id: int):
    status = request.form.get("status", "")
    _edit(
        theme_id,
        f"theme_{status}",
        lambda db: theme_store.set_theme_status(db, theme_id, status, by=current_user.id),
    )
    return _back(theme_id)


@bp.route("/themes/<int:theme_id>/merge", methods=["POST"])
@roles(*ANALYSTS)
def merge(theme_id: int):
    sources = parse_ids(request.form.getlist("source"))
    changed = _edit(
        theme_id,
        "theme_merged",
        lambda db: theme_store.merge_themes(db, theme_id, sources),
        also=sources,
    )
    if isinstance(changed, list):
        _stories_changed(changed, publish=False)
    return _back(theme_id)


@bp.route("/themes/<int:theme_id>/split", methods=["POST"])
@roles(*ANALYSTS)
def split(theme_id: int):
    stories = parse_ids(request.form.getlist("story"))
    new_id = _edit(
        theme_id,
        "theme_split",
        lambda db: theme_store.split_theme(db, theme_id, stories, request.form.get("label", "")),
    )
    if isinstance(new_id, int):
        _stories_changed([theme_id, new_id])
        return _back(new_id)
    return _back(theme_id)


@bp.route("/themes/<int:theme_id>/move", methods=["POST"])
@roles(*ANALYSTS)
def move(theme_id: int):
    story = parse_int(request.form.get("story"))
    target = parse_int(request.form.get("to_theme"))
    if story is None or target is None:
        flash("Choose a story and a theme to move it to.", "error")
        return _back(theme_id)
    changed = _edit(
        theme_id,
        "story_moved",
        lambda db: theme_store.move_story(db, story, target),
        also=[target],
    )
    if isinstance(changed, list):
        _stories_changed(changed, publish=False)
    return _back(theme_id)


@bp.route("/themes/<int:theme_id>/quotes", methods=["POST"])
@roles(*ANALYSTS)
def add_quote(theme_id: int):
    story = parse_int(request.form.get("story"))
    if story is None:
        flash("Choose the story to quote.", "error")
        return _back(theme_id)
    _edit(
        theme_id,
        "quote_chosen",
        lambda db: theme_store.add_quote(
            db, theme_id, story, request.form.get("text", ""), chosen_by=current_user.id
        ),
    )
    return _back(theme_id)


@bp.route("/themes/<int:theme_id>/quotes/<int:quote_id>/remove", methods=["POST"])
@roles(*ANALYSTS)
def remove_quote(theme_id: int, quote_id: int):
    _edit(theme_id, "quote_removed", lambda db: theme_store.remove_quote(db, quote_id))
    return _back(theme_id)
