"""Publishing: when the planners' copy was last built, what it holds, and a button to rebuild."""

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from plumbing import audit, jobs
from workbench.policy import roles
from workbench.publishing import publish
from workbench.web import enqueue, get_db

bp = Blueprint("publishing", __name__, url_prefix="/publishing")
PUBLISHERS = ("analyst", "admin")


@bp.route("/")
@roles(*PUBLISHERS)
def index():
    return render_template(
        "publishing/index.html",
        status=publish.status(current_app.config["WORKBENCH_PUBLISHED_DB"]),
        jobs=jobs.recent(get_db(), name="publish"),
    )


@bp.route("/publish", methods=["POST"])
@roles(*PUBLISHERS)
def publish_now():
    db = get_db()
    job_id = enqueue("publish", published_path=current_app.config["WORKBENCH_PUBLISHED_DB"])
    audit.record(db, current_user.actor, "publish_requested", "job", job_id)
    flash("Publishing has started: planners see the new version as soon as it is checked.")
    return redirect(url_for("publishing.index"))
