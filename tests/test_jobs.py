"""Background jobs through a real Huey consumer: on SQLite, and on a real Redis server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time

import pytest

from workbench import db as wdb
from workbench import jobs


@jobs.job("test_add")
def _add(db, progress, a: int, b: int) -> None:
    progress(0.5, "adding")
    with wdb.write(db):
        db["test_results"].insert({"value": a + b})


@jobs.job("test_fail")
def _fail(db, progress) -> None:
    raise ValueError("no story text here\nsecond line")


def run_consumer(huey):
    consumer = huey.create_consumer(workers=1, worker_type="thread", periodic=False)
    thread = threading.Thread(target=consumer.run, daemon=True)
    # Huey's consumer installs signal handlers, which only the main thread may do.
    consumer._set_signal_handlers = lambda: None
    thread.start()
    return consumer, thread


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
    consumer, thread = run_consumer(huey)
    try:
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
    finally:
        consumer.stop(graceful=False)
        thread.join(timeout=5)


def test_a_real_consumer_runs_jobs_on_sqlite_and_records_failures(app, db):
    exercise(app.config, db)


@pytest.fixture
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail(
            "redis-server is not installed: .ci/run installs it (apt-get install redis-server)"
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
    consumer, thread = run_consumer(huey)
    try:
        assert wait_for(db, job_id)["status"] == "done"
    finally:
        consumer.stop(graceful=False)
        thread.join(timeout=5)
