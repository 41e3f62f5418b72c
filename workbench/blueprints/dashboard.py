"""The first page after login: where each story is on the data path, and recent jobs."""

from flask import Blueprint, render_template

from nlp import progress as stages
from plumbing import db as wdb
from plumbing import jobs
from workbench.policy import STAFF, public, roles
from workbench.web import get_db

bp = Blueprint("dashboard", __name__)


@bp.route("/dashboard")
@roles(*STAFF)
def index():
    db = get_db()
    return render_template("dashboard.html", counts=stages.counts(db), jobs=jobs.recent(db))


@bp.route("/healthz")
@public
def healthz():
    wdb.ping(get_db())
    return {"status": "ok"}
