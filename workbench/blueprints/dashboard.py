"""The first page after login: where each story is on the data path, and recent jobs.

Planners see approved, published material only, so their dashboard shows neither the working
pipeline nor its jobs: it points them to the published site and their actions.
"""

from flask import Blueprint, current_app, render_template
from flask_login import current_user

from nlp import progress as stages
from plumbing import db as wdb
from plumbing import jobs
from workbench.policy import STAFF, public, roles
from workbench.web import get_db

bp = Blueprint("dashboard", __name__)


@bp.route("/dashboard")
@roles(*STAFF)
def index():
    if current_user.role == "planner":
        return render_template(
            "dashboard_planner.html", published_url=current_app.config["PUBLISHED_SITE_URL"]
        )
    db = get_db()
    return render_template("dashboard.html", counts=stages.counts(db), jobs=jobs.recent(db))


@bp.route("/healthz")
@public
def healthz():
    wdb.ping(get_db())
    return {"status": "ok"}
