"""Background jobs through Huey.

Packages register plain functions with `@job("name")` (the modules that do are listed in
`plumbing.registry`); `enqueue` records a row in the `jobs` table (so pages can show progress
and failure) and hands the id to one Huey task that runs the function in a worker process.
SQLite storage by default, Redis when `WORKBENCH_QUEUE` is a redis:// URL, so several machines
can share the NLP work. Huey itself is imported only where a queue is made: registering a job
loads nothing of it.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plumbing import clock, registry
from plumbing import db as wdb
from plumbing.clock import now_iso

if TYPE_CHECKING:
    from huey import Huey

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
REGISTRY: dict[str, Callable[..., Any]] = {}
# Huey hands a free worker the waiting job of highest priority first: a job people wait on
# (an alert to a safeguarding lead) need not queue behind an hour of theme fitting.
PRIORITY: dict[str, int] = {}
# Jobs the worker also runs by itself once a minute, for work that falls due with time rather
# than with an event: a message to try again, a flag that became overdue.
EVERY_MINUTE: list[str] = []

# A worker marks its running jobs alive this often; a job on another machine whose mark is
# older than the lease is taken for abandoned (on this machine the process itself is checked).
HEARTBEAT_SECONDS = 30
LEASE = timedelta(minutes=3)


def job(
    name: str, *, priority: int = 0, every_minute: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register `fn(db, progress, **params)` as the background job called `name`; a higher
    `priority` runs before waiting jobs of lower priority, and `every_minute` has the worker
    run it once a minute as well as when it is queued."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        REGISTRY[name] = fn
        if priority:
            PRIORITY[name] = priority
        if every_minute and name not in EVERY_MINUTE:
            EVERY_MINUTE.append(name)
        return fn

    return register


def queue_url(config: dict) -> str:
    """The Huey storage: a redis:// URL, or a SQLite file beside the working database."""
    url = config.get("WORKBENCH_QUEUE") or ""
    if url:
        return url
    db = Path(config["WORKBENCH_DB"])
    return "sqlite:///" + str(db.with_name(db.stem + "-queue.db"))


def make_huey(config: dict) -> Huey:
    """Build the queue named by the config and attach the one task that runs jobs, and the
    once-a-minute task that runs the jobs registered `every_minute` (a consumer started with
    periodic=True runs it, as `workbench worker` does)."""
    from huey import RedisHuey, SqliteHuey, crontab

    url = queue_url(config)
    if url.startswith(("redis://", "rediss://", "unix://")):
        huey: Huey = RedisHuey("workbench", url=url, results=False)
    else:
        path = url.removeprefix("sqlite:///")
        wdb.private_file(path)  # 0600, and its -wal with it: jobs name stories
        huey = SqliteHuey("workbench", filename=path, results=False)
    # Kept on the instance so producers and the consumer use the very same task.
    huey.run_job = huey.task(retries=2, retry_delay=2)(run_job)
    if config.get("WORKBENCH_DB"):
        # Only a queue that knows the working database can run the timed jobs; a process that
        # only sends jobs (the CLI, a test) may build its queue from the queue's address alone.
        db_path = str(config["WORKBENCH_DB"])

        def every_minute() -> None:
            run_every_minute(db_path)

        huey.periodic_task(crontab(), name="every_minute")(every_minute)
    return huey


def enqueue(huey: Huey, db, name: str, **params: Any) -> int:
    """Record a queued job and send it to the workers; returns the job id."""
    with wdb.write(db):
        job_id = (
            db["jobs"]
            .insert(
                {
                    "name": name,
                    "params": json.dumps(params, sort_keys=True),
                    "status": "queued",
                    "progress": 0.0,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )
    huey.run_job(job_id, wdb.path_of(db), priority=PRIORITY.get(name, 0))
    return job_id


def run_job(job_id: int, db_path: str) -> None:
    """The Huey task: run a registered job, recording progress, success or failure."""
    registry.load()
    db = wdb.connect(db_path)
    try:
        row = db["jobs"].get(job_id)
        fn = REGISTRY.get(row["name"])
        if fn is None:
            _finish(db, job_id, "failed", f"unknown job {row['name']!r}")
            return
        if not _claim(db, job_id):
            # Sent twice (a starting worker resent it while its first message was in flight):
            # the first delivery has it, and a job runs once.
            log.info(
                "job %s is already %s; not run again", job_id, db["jobs"].get(job_id)["status"]
            )
            return

        def progress(fraction: float, message: str = "") -> None:
            with wdb.write(db):
                db["jobs"].update(job_id, {"progress": round(fraction, 3), "message": message})

        try:
            fn(db, progress, **json.loads(row["params"]))
        except Exception as error:
            # Only the exception's type and first line: messages must never carry story text.
            summary = (
                f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
            )
            log.error("job %s (%s) failed: %s", job_id, row["name"], type(error).__name__)
            log.debug("%s", traceback.format_exc())
            _finish(db, job_id, "failed", summary)
            raise
        _finish(db, job_id, "done", "")
    finally:
        db.close()


def run_every_minute(db_path: str) -> None:
    """Run each job registered `every_minute`, here and now, without a row in `jobs`: a row a
    minute would bury the ones people look at. Each job decides for itself whether anything
    is due, and a failure is logged (its type only) and tried again a minute later."""
    registry.load()
    db = wdb.connect(db_path)
    try:
        for name in EVERY_MINUTE:
            try:
                REGISTRY[name](db, lambda *_: None)
            except Exception as error:
                log.error("%s (every minute) failed: %s", name, type(error).__name__)
    finally:
        db.close()


def _claim(db, job_id: int) -> bool:
    """Mark the job running, unless another delivery already has: only a job waiting its
    turn ('queued') or its retry ('failed') may start."""
    at = now_iso()
    with wdb.write(db):
        claimed = db.execute(
            "UPDATE jobs SET status = 'running', started_at = ?, attempts = "
            "coalesce(attempts, 0) + 1, worker = ?, heartbeat_at = ? "
            "WHERE id = ? AND status IN ('queued', 'failed')",
            [at, worker_id(), at, job_id],
        ).rowcount
    return claimed == 1


def _finish(db, job_id: int, status: str, error: str) -> None:
    with wdb.write(db):
        db["jobs"].update(
            job_id,
            {
                "status": status,
                "error": error,
                "finished_at": now_iso(),
                **({"progress": 1.0} if status == "done" else {}),
            },
        )


def pending(db, names: tuple[str, ...] | None = None) -> int:
    """How many jobs (of these names, or of any) are queued or running."""
    sql = "SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')"
    if names is None:
        return db.execute(sql).fetchone()[0]
    return db.execute(
        sql + " AND name IN (SELECT value FROM json_each(?))", [json.dumps(list(names))]
    ).fetchone()[0]


def queued(db, name: str, **params: Any) -> bool:
    """Whether a job of this name with exactly these parameters waits, not yet started (so a
    burst of requests for the same work queues it once)."""
    return (
        db.execute(
            "SELECT 1 FROM jobs WHERE status = 'queued' AND name = ? AND params = ? LIMIT 1",
            [name, json.dumps(params, sort_keys=True)],
        ).fetchone()
        is not None
    )


def recent(db, limit: int = 10, name: str | None = None) -> list[dict]:
    """The latest jobs (all, or those called `name`), newest first, for status pages."""
    where, params = ("WHERE name = ?", [name]) if name else ("", [])
    return list(
        db.query(
            "SELECT id, name, status, progress, message, error, created_at, finished_at "
            f"FROM jobs {where} ORDER BY id DESC LIMIT ?",
            [*params, limit],
        )
    )


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def heartbeat(db) -> int:
    """Mark the jobs this worker process is running as alive; returns how many."""
    with wdb.write(db):
        return db.execute(
            "UPDATE jobs SET heartbeat_at = ? WHERE status = 'running' AND worker = ?",
            [now_iso(), worker_id()],
        ).rowcount


def start_heartbeat(db_path: str) -> threading.Thread:
    """A daemon thread that calls `heartbeat` every HEARTBEAT_SECONDS for this process."""

    def beat() -> None:
        db = wdb.connect(db_path)
        while True:
            try:
                heartbeat(db)
            except Exception as error:  # a busy database must not end the heartbeat
                log.warning("job heartbeat failed (%s)", type(error).__name__)
            time.sleep(HEARTBEAT_SECONDS)

    thread = threading.Thread(target=beat, name="job-heartbeat", daemon=True)
    thread.start()
    return thread


def _process_gone(pid: int) -> bool:
    """No such process, or only its zombie (killed, not yet reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    return state == "Z"


def _abandoned(row: dict, lease: timedelta) -> bool:
    """Whether a 'running' job's worker is gone. On this machine its process is looked for
    (this very process is starting up, so runs nothing yet); elsewhere, and for a process id
    the system may have given to another program since, its heartbeat must be recent."""
    host, _, pid = (row["worker"] or "").rpartition(":")
    mark = row["heartbeat_at"] or row["started_at"]
    stale = mark is None or clock.now() - datetime.fromisoformat(mark) > lease
    if host == socket.gethostname() and pid.isdecimal():
        return int(pid) == os.getpid() or _process_gone(int(pid)) or stale
    return stale


def requeue_interrupted(huey: Huey, db, lease: timedelta = LEASE) -> int:
    """Jobs a killed process left behind are sent again (called when a worker starts): those
    left 'running' by a worker that is gone (not those another live worker is running), and
    those recorded 'queued' whose message never reached the queue because the web process was
    killed between the two steps of `enqueue`. A message merely in flight may so be sent
    twice; `run_job` claims a job before running it, so the second delivery does nothing."""
    waiting = {task.args[0] for task in huey.pending() if task.args}
    rows = [
        row
        for row in db.query(
            "SELECT id, name, status, worker, heartbeat_at, started_at FROM jobs "
            "WHERE status IN ('running', 'queued')"
        )
        if (_abandoned(row, lease) if row["status"] == "running" else row["id"] not in waiting)
    ]
    with wdb.write(db):
        for row in rows:
            db["jobs"].update(row["id"], {"status": "queued"})
    for row in rows:
        huey.run_job(row["id"], wdb.path_of(db), priority=PRIORITY.get(row["name"], 0))
    return len(rows)
