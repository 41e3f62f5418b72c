"""Per-request plumbing shared by the blueprints: the database handle, the job queue and the
address storytellers reach.

Each server thread keeps its connection to the working database from one request to the
next. Opening one costs more than most pages' queries (SQLite re-reads the schema and starts
with an empty page cache), and gunicorn's threads live as long as their worker. A request
ends with no transaction open: anything a failed request left uncommitted is rolled back at
teardown, so it can never be committed by the next request on the same thread.
"""

from __future__ import annotations

import logging
import os
import threading

import sqlite_utils
from flask import Flask, abort, current_app, g

import consent
from plumbing import db as wdb
from plumbing import jobs

log = logging.getLogger(__name__)


class ThreadConnections:
    """One open connection per thread (and per database path) for one app.

    After a fork the child starts afresh: SQLite forbids using a connection opened before
    the fork, so the parent's connections are left alone, neither used nor closed.
    """

    def __init__(self) -> None:
        self._pid = os.getpid()
        self._local = threading.local()

    def get(self, path: str) -> sqlite_utils.Database:
        if os.getpid() != self._pid:
            self._pid, self._local = os.getpid(), threading.local()
        held = self._local.__dict__.setdefault("by_path", {})
        if path not in held:
            held[path] = wdb.connect(path)
        return held[path]


def init_app(app: Flask) -> None:
    app.extensions["workbench_connections"] = ThreadConnections()
    app.teardown_appcontext(release_db)


def get_db() -> sqlite_utils.Database:
    """This thread's connection, reused across requests."""
    if "db" not in g:
        connections = current_app.extensions["workbench_connections"]
        g.db = connections.get(str(current_app.config["WORKBENCH_DB"]))
    return g.db


def release_db(_error: BaseException | None = None) -> None:
    """Hand the connection back with no transaction open."""
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:
        log.warning("a request ended inside a transaction; rolling it back")
        db.conn.rollback()


def base_url() -> str:
    """Where storytellers reach this service: `PUBLIC_BASE_URL`, never the request's Host
    (checked at start by `workbench.config.public_base_url`)."""
    return current_app.config["PUBLIC_BASE_URL"]


def activity_or_404(db: sqlite_utils.Database, activity_id: int) -> dict:
    """The activity a page's address names, or a 404 page when there is none."""
    activity = consent.get_activity(db, activity_id)
    if activity is None:
        abort(404)
    return activity


def enqueue(name: str, **params) -> int:
    """Queue a background job for the workers; the request never runs NLP itself."""
    return jobs.enqueue(current_app.extensions["huey"], get_db(), name, **params)


def republish() -> int:
    """Queue a rebuild of the published file: the one path by which any change planners may
    see (an approval, an action, a withdrawal) reaches it, within the worker's next minute."""
    return enqueue("publish", published_path=current_app.config["WORKBENCH_PUBLISHED_DB"])
