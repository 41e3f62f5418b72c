"""Crash safety against the real servers: gunicorn and a Huey consumer, SIGKILLed at random
points while storytellers submit over HTTP.

Afterwards every story that got its 201 is stored exactly once, SQLite's integrity check
passes, and every job, including the ones a killed consumer left half done, has run to
completion. The fast variant (60 stories) runs in `make test`; the full one (1,000 stories,
more kills) with `pytest -m slow tests/test_crash_safety.py`.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from conftest import app_config
from fuzzing import FormParser

from consent.activities import create_activity
from plumbing import db as wdb
from plumbing import jobs
from plumbing.clock import now_iso
from workbench import demo
from workbench.commands.services import SERVER_ENV, gunicorn_command

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except FileNotFoundError:
        return []
    return [int(p) for p in text.split()]


class Servers:
    """gunicorn (gthread workers, as `workbench run-all` starts them) and one consumer."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.port = free_port()
        self.env = {
            **os.environ,
            **SERVER_ENV,
            **app_config(tmp, RATELIMIT_ENABLED="0"),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }
        self.web: subprocess.Popen | None = None
        self.consumer: subprocess.Popen | None = None
        self.consumer_starts = 0

    def _spawn(self, args: list[str], log: str) -> subprocess.Popen:
        out = open(self.tmp / log, "ab")  # noqa: SIM115 - the child owns it for its lifetime
        return subprocess.Popen(
            args,
            env=self.env,
            cwd=self.tmp,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_web(self) -> None:
        self.web = self._spawn(
            gunicorn_command(f"127.0.0.1:{self.port}", "--timeout", "120"),
            "gunicorn.log",
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise AssertionError("gunicorn did not start: " + (self.tmp / "gunicorn.log").read_text())

    def start_consumer(self) -> None:
        self.consumer = self._spawn(
            [str(BIN / "workbench"), "worker", "--workers", "2"], "worker.log"
        )
        self.consumer_starts += 1

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill_web_worker(self) -> bool:
        """SIGKILL gunicorn's workers (never the master, which starts new ones)."""
        workers = children_of(self.web.pid)
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        return bool(workers)

    def kill_and_restart_consumer(self) -> None:
        os.killpg(self.consumer.pid, signal.SIGKILL)
        self.consumer.wait()
        self.start_consumer()

    def stop(self) -> None:
        for child in (self.web, self.consumer):
            if child is not None and child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        for child in (self.web, self.consumer):
            if child is not None:
                try:
                    child.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(child.pid, signal.SIGKILL)
                    child.wait()


def open_online_activity(db_path: Path) -> int:
    db = wdb.connect(db_path)
    wdb.migrate(db)
    activity_id = create_activity(
        db,
        {
            **demo.ACTIVITIES[0],
            "opens_on": (date.today() - timedelta(days=1)).isoformat(),
            "closes_on": (date.today() + timedelta(days=30)).isoformat(),
            "feedback_date": (date.today() + timedelta(days=60)).isoformat(),
            "channels": ["online"],
            "retention_days": 365,
        },
        created_by=None,
    )
    db.close()
    return activity_id


def submit(base: str, activity_id: int, marker: str) -> int | None:
    """One storyteller: open the form (token, cookies), send the story. None: no answer."""
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            page = client.get(f"/tell/{activity_id}")
            if page.status_code != 200:
                return page.status_code
            parser = FormParser(f"/tell/{activity_id}")
            parser.feed(page.text)
            hidden = {
                k: v[0]
                for k, v in parser.forms[-1].fields.items()
                if k in {"csrf_token", "notice_id", "submission_key"}
            }
            response = client.post(
                f"/tell/{activity_id}",
                data={
                    **hidden,
                    "story": f"The clinic moved my appointment three times. Ref {marker}.",
                    "consent_analysis": "yes",
                    "consent_publish_quotes": "no",
                    "consent_share_partners": "no",
                    "consent_contact": "no",
                    "consent_equality_monitoring": "no",
                },
            )
            return response.status_code
    except httpx.HTTPError:
        return None


def wait_for_jobs(db_path: Path, servers: Servers, timeout: float) -> list[tuple]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        conn = sqlite3.connect(db_path, timeout=30)
        rows = conn.execute("SELECT id, status, attempts FROM jobs").fetchall()
        conn.close()
        # A failed job is final only after Huey's retries (`plumbing.jobs`: retries=2).
        if rows and all(
            status == "done" or (status == "failed" and attempts >= 3)
            for _id, status, attempts in rows
        ):
            return rows
        if servers.consumer.poll() is not None:
            raise AssertionError("the consumer died: " + (servers.tmp / "worker.log").read_text())
        time.sleep(0.5)
    return rows


def running_jobs(db_path: Path) -> list[int]:
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        return [row[0] for row in conn.execute("SELECT id FROM jobs WHERE status = 'running'")]
    finally:
        conn.close()


def run_crash_scenario(tmp: Path, stories: int, web_kills: int, consumer_kills: int, seed: int):
    rng = random.Random(seed)
    activity_id = open_online_activity(tmp / "workbench.db")
    servers = Servers(tmp)
    servers.start_web()
    servers.start_consumer()
    markers = [f"crashmark{n:05d}x" for n in range(stories)]
    statuses: dict[str, int | None] = {}
    web_kills_done = 0
    interrupted: list[int] = []
    try:
        submitting = threading.Event()
        submitting.set()

        def kill_web_at_random_points() -> None:
            nonlocal web_kills_done
            for _ in range(web_kills):
                time.sleep(rng.uniform(0.3, 2.0))
                if not submitting.is_set():
                    return
                web_kills_done += servers.kill_web_worker()

        db_path = tmp / "workbench.db"

        def kill_consumer_mid_job() -> None:
            # Each kill waits for a job to be half done (the first one is usually still
            # loading the models), so the restarted consumer must pick it up.
            # A job may finish during the wait: then wait for the next one, so the kill
            # lands while one is running.
            for _ in range(consumer_kills):
                deadline = time.monotonic() + 120
                running: list[int] = []
                while time.monotonic() < deadline and not running:
                    while time.monotonic() < deadline and not running_jobs(db_path):
                        time.sleep(0.05)
                    time.sleep(rng.uniform(0, 1.0))
                    running = running_jobs(db_path)
                interrupted.extend(running)
                servers.kill_and_restart_consumer()

        killers = [
            threading.Thread(target=kill_web_at_random_points),
            threading.Thread(target=kill_consumer_mid_job),
        ]
        for killer in killers:
            killer.start()
        with ThreadPoolExecutor(max_workers=8) as pool:
            futures = {m: pool.submit(submit, servers.url, activity_id, m) for m in markers}
            for marker, future in futures.items():
                statuses[marker] = future.result()
        submitting.clear()
        for killer in killers:
            killer.join()
        jobs = wait_for_jobs(db_path, servers, timeout=300)
    finally:
        servers.stop()

    accepted = [m for m, status in statuses.items() if status == 201]
    conn = sqlite3.connect(tmp / "workbench.db")
    texts = [row[0] or "" for row in conn.execute("SELECT text FROM stories")]
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    stored = {m: sum(m in t for t in texts) for m in markers}
    return {
        "statuses": statuses,
        "accepted": accepted,
        "stored": stored,
        "stories": len(texts),
        "integrity": integrity,
        "jobs": jobs,
        "interrupted": interrupted,
        "web_kills": web_kills_done,
        "consumer_starts": servers.consumer_starts,
        "worker_log": (tmp / "worker.log").read_text(errors="replace"),
    }


def assert_crash_safe(result: dict, stories: int) -> None:
    assert result["integrity"] == "ok"
    # Most storytellers got through; those whose request died with the worker got no 201.
    assert len(result["accepted"]) >= stories * 0.8, sorted(set(result["statuses"].values()))
    assert all(s in (201, None, 502) for s in result["statuses"].values()), {
        s for s in result["statuses"].values()
    }
    for marker in result["accepted"]:
        assert result["stored"][marker] == 1, f"{marker} got a 201 but is not stored once"
    # No story stored twice, and no row that is not one of the submitted stories.
    assert all(n <= 1 for n in result["stored"].values())
    assert result["stories"] == sum(result["stored"].values())
    assert result["web_kills"] >= 1
    assert result["consumer_starts"] >= 2
    assert result["jobs"], "no jobs recorded"
    unfinished = [job for job in result["jobs"] if job[1] != "done"]
    assert not unfinished, (unfinished, result["worker_log"][-2000:])
    # The jobs a killed consumer left running were run again, to completion.
    assert result["interrupted"], "no consumer was killed mid-job"
    attempts = {job[0]: job[2] for job in result["jobs"]}
    assert all(attempts[i] >= 2 for i in result["interrupted"])


def test_killed_servers_lose_no_accepted_story_and_finish_every_job(tmp_path):
    result = run_crash_scenario(tmp_path, stories=60, web_kills=1, consumer_kills=1, seed=1)
    assert_crash_safe(result, 60)


@pytest.mark.slow
def test_at_scale_killed_servers_lose_no_accepted_story(tmp_path):
    result = run_crash_scenario(tmp_path, stories=1_000, web_kills=8, consumer_kills=4, seed=2)
    assert_crash_safe(result, 1_000)


def test_a_job_recorded_but_never_sent_is_sent_when_a_worker_starts(tmp_path):
    """A web process killed between recording a job and sending it leaves a 'queued' row with
    no message; the next worker to start sends it (and not the ones already waiting)."""
    config = {
        "WORKBENCH_DB": str(tmp_path / "workbench.db"),
        "WORKBENCH_QUEUE": "sqlite:///" + str(tmp_path / "queue.db"),
    }
    db = wdb.connect(config["WORKBENCH_DB"])
    wdb.migrate(db)
    huey = jobs.make_huey(config)
    sent = jobs.enqueue(huey, db, "embed")
    with wdb.write(db):
        lost = (
            db["jobs"]
            .insert(
                {
                    "name": "embed",
                    "params": "{}",
                    "status": "queued",
                    "progress": 0.0,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )
    assert jobs.requeue_interrupted(huey, db) == 1
    assert sorted(task.args[0] for task in huey.pending()) == sorted([sent, lost])
    db.close()
