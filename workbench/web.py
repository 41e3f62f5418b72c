"""Per-request plumbing shared by the blueprints: the database handle and the job queue."""

from __future__ import annotations

import sqlite_utils
from flask import current_app, g

from workbench import db as wdb
from workbench import jobs


def get_db() -> sqlite_utils.Database:
    """One connection per request, closed at teardown."""
    if "db" not in g:
        g.db = wdb.connect(current_app.config["WORKBENCH_DB"])
    return g.db


def close_db(_error: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def enqueue(name: str, **params) -> int:
    """Queue a background job for the workers; the request never runs NLP itself."""
    return jobs.enqueue(current_app.extensions["huey"], get_db(), name, **params)
