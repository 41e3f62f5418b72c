"""Background jobs through a real Huey consumer: on SQLite, and on a real Redis server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from plumbing import db as wdb
from plumbing import jobs
from plumbing.clock import now_iso


@jobs.job("test_add")
def _add(db, progress, a: int, b: int) -> None:
    progress(0.5, "adding")
    with wdb.write(db):
        db["test_results"].insert({"value": a + b})


@jobs.job("test_fail")
def _fail(db, progress) -> None:
    raise ValueError("no story text here\nsecond line")


@jobs.job("test_urgent", priority=5)
def _urgent(db, progress) -> None:
    with wdb.write(db):
        db["test_results"].insert({"value": -1})


@contextmanager
def consuming(huey):
    """A real Huey consumer on a thread for the length of the block."""
    consumer = huey.create_consumer(workers=1, worker_type="thread", periodic=False)
    thread = threading.Thread(target=consumer.run, daemon=True)
    # Huey's consumer installs signal handlers, which only the main thread may do.
    consumer._set_signal_handlers = lambda: None
    thread.start()
    try:
        yield consumer
    finally:
        consumer.stop(graceful=False)
        thread.join(timeout=5)


def wait_for(db, job_id: int, timeout: float = 30) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        row = db["jobs"].get(job_id)
        if row["status"] in ("done", "failed") and (
            row["status"] == "done" or row["attempts"] >= 3
        ):
            return row
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish: {db['jobs'].get(job_id)}")


def exercise(config, db):
    huey = jobs.make_huey(config)
    with consuming(huey):
        ok = jobs.enqueue(huey, db, "test_add", a=2, b=3)
        bad = jobs.enqueue(huey, db, "test_fail")
        done = wait_for(db, ok)
        assert done["status"] == "done" and done["progress"] == 1.0
        assert [r["value"] for r in db["test_results"].rows] == [5]
        failed = wait_for(db, bad)
        # Retried, then recorded with the type and first line only.
        assert failed["status"] == "failed"
        assert failed["attempts"] == 3
        assert failed["error"] == "ValueError: no story text here"


def test_a_real_consumer_runs_jobs_on_sqlite_and_records_failures(app, db):
    exercise(app.config, db)


def test_a_job_sent_twice_runs_once(app, db):
    """A starting worker may resend a queued job whose first message is already on its way;
    the second delivery must find it taken and do nothing."""
    huey = jobs.make_huey(app.config)
    job_id = jobs.enqueue(huey, db, "test_add", a=20, b=22)
    huey.run_job(job_id, wdb.path_of(db))
    assert len(huey.pending()) == 2
    with consuming(huey):
        assert wait_for(db, job_id)["status"] == "done"
        deadline = time.time() + 10
        while huey.pending() and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # the second delivery, if any, finishes its run
    assert [r["value"] for r in db["test_results"].rows] == [42]
    assert db["jobs"].get(job_id)["attempts"] == 1


def test_a_job_of_higher_priority_runs_before_those_already_waiting(app, db):
    huey = jobs.make_huey(app.config)
    waiting = [jobs.enqueue(huey, db, "test_add", a=n, b=0) for n in (1, 2, 3)]
    urgent = jobs.enqueue(huey, db, "test_urgent")
    with consuming(huey):
        for job_id in [*waiting, urgent]:
            assert wait_for(db, job_id)["status"] == "done"
    assert [r["value"] for r in db.query("SELECT value FROM test_results ORDER BY rowid")] == [
        -1,
        1,
        2,
        3,
    ]


@pytest.fixture
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail(
            "redis-server is not installed: `make test` installs it (scripts/system-packages.sh)"
        )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_real_consumer_runs_jobs_on_redis(app, db, redis_url):
    exercise({**app.config, "WORKBENCH_QUEUE": redis_url}, db)


def test_jobs_left_running_by_a_killed_worker_are_sent_again(app, db):
    huey = jobs.make_huey(app.config)
    job_id = jobs.enqueue(huey, db, "test_add", a=1, b=1)
    huey.flush()  # the message is lost with the killed worker
    with wdb.write(db):
        db["jobs"].update(job_id, {"status": "running"})
    assert jobs.requeue_interrupted(huey, db) == 1
    with consuming(huey):
        assert wait_for(db, job_id)["status"] == "done"


def _running(db, job_id: int, worker: str | None, heartbeat_at: str | None) -> None:
    with wdb.write(db):
        db["jobs"].update(
            job_id, {"status": "running", "worker": worker, "heartbeat_at": heartbeat_at}
        )


def test_a_job_another_live_worker_is_running_is_left_alone_until_that_worker_dies(app, db):
    """Two workers (say, on Redis): the second to start must not run the first one's job
    again while the first is alive, and must once it has been killed."""
    huey = jobs.make_huey(app.config)
    job_id = jobs.enqueue(huey, db, "test_add", a=1, b=2)
    huey.flush()
    other = subprocess.Popen(["sleep", "60"])
    try:
        _running(db, job_id, f"{socket.gethostname()}:{other.pid}", now_iso())
        assert jobs.requeue_interrupted(huey, db) == 0
        assert db["jobs"].get(job_id)["status"] == "running"
    finally:
        other.kill()
    deadline = time.time() + 10
    while Path(f"/proc/{other.pid}/stat").read_text().split(") ")[1][0] != "Z":
        assert time.time() < deadline, "the killed process never became a zombie"
        time.sleep(0.02)
    assert jobs.requeue_interrupted(huey, db) == 1  # killed, not yet reaped: a zombie
    other.wait()
    assert [task.args[0] for task in huey.pending()] == [job_id]


def test_a_job_on_another_machine_is_abandoned_only_when_its_heartbeat_is_stale(app, db):
    huey = jobs.make_huey(app.config)
    job_id = jobs.enqueue(huey, db, "test_add", a=1, b=2)
    huey.flush()
    _running(db, job_id, "another-machine:4242", now_iso())
    assert jobs.requeue_interrupted(huey, db) == 0
    stale = (datetime.now(UTC) - jobs.LEASE - timedelta(seconds=5)).isoformat()
    _running(db, job_id, "another-machine:4242", stale)
    assert jobs.requeue_interrupted(huey, db) == 1


def test_a_worker_records_itself_on_its_jobs_and_its_heartbeat_keeps_them_alive(app, db):
    huey = jobs.make_huey(app.config)
    job_id = jobs.enqueue(huey, db, "test_add", a=2, b=3)
    with consuming(huey):
        assert wait_for(db, job_id)["status"] == "done"
    assert db["jobs"].get(job_id)["worker"] == jobs.worker_id()
    old = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    _running(db, job_id, jobs.worker_id(), old)
    _running(db, jobs.enqueue(huey, db, "test_add", a=0, b=0), "another-machine:1", old)
    assert jobs.heartbeat(db) == 1
    assert db["jobs"].get(job_id)["heartbeat_at"] > old
