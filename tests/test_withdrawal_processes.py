"""A withdrawal leaves nothing behind whichever process runs it: a fresh interpreter that has
imported nothing but `consent`, the `workbench` command, and a real worker running a job.

Stages register their clean-ups when their module is imported, and this test process has
imported every one of them; a process that never imports, say, workbench.feedback.actions would not
have that clean-up unless withdrawal loads it. The cascades from `stories` are dropped from
the database first, so only clean-ups that really ran in that process can empty the tables.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
from consent_support import migrated_db, open_activity, staff_user
from withdrawal_support import drop_story_cascades, rows_of, story_everywhere, tables_with_story_id

import consent
from plumbing import jobs, registry
from plumbing.clock import today

# The child processes run the very code this test imported (the checkout, or a copy of it
# under test), not whatever copy is installed.
CODE_ROOT = Path(consent.__file__).resolve().parents[1]
# Every module that registers a clean-up, but consent's own: a fresh process has none of them.
STAGES = tuple(m for m in registry.CLEANUPS if not m.startswith("consent."))


def child_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(CODE_ROOT),
        "WORKBENCH_ENV": "testing",
        "SECRET_KEY": "process-test",
        "WORKBENCH_DB": str(tmp_path / "workbench.db"),
        "WORKBENCH_PUBLISHED_DB": str(tmp_path / "published.db"),
        "WORKBENCH_QUEUE": "sqlite:///" + str(tmp_path / "queue.db"),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }


def run_python(tmp_path: Path, code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=CODE_ROOT,
        env=child_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def stories(tmp_path):
    """A story due for erasure and one that is not, both in every story table; no cascades."""
    db = migrated_db(tmp_path)
    user = staff_user(db)
    short = open_activity(db, user, retention_days=30)
    long = open_activity(db, user, retention_days=3650)
    due = story_everywhere(db, short, user, "due")
    kept = story_everywhere(db, long, user, "kept")
    drop_story_cascades(db)
    yield db, due, kept
    db.close()


def assert_only_the_kept_story_is_left(db, due: int, kept: int, kept_before: dict) -> None:
    assert rows_of(db, due) == dict.fromkeys(tables_with_story_id(db), 0)
    assert rows_of(db, kept) == kept_before
    assert [row[0] for row in db.execute("SELECT id FROM stories")] == [kept]
    assert db["withdrawals"].count == 1


def test_a_process_that_imported_only_consent_withdraws_everything(tmp_path, stories):
    db, due, kept = stories
    kept_before = rows_of(db, kept)
    result = run_python(
        tmp_path,
        """
        import sys
        import consent
        from plumbing import db as wdb

        path, *stages, story_id = sys.argv[1:]
        assert not [m for m in stages if m in sys.modules], "the premise: not imported yet"
        consent.withdraw(wdb.connect(path), int(story_id), "staff", "user:1")
        """,
        str(tmp_path / "workbench.db"),
        *STAGES,
        str(due),
    )
    assert result.returncode == 0, result.stderr
    assert_only_the_kept_story_is_left(db, due, kept, kept_before)


def test_the_retention_command_erases_from_its_own_process(tmp_path, stories):
    db, due, kept = stories
    kept_before = rows_of(db, kept)
    later = (today() + timedelta(days=400)).isoformat()
    result = run_python(
        tmp_path,
        "from workbench.cli import main; main()",
        "retention",
        "--apply",
        "--today",
        later,
    )
    assert result.returncode == 0, result.stderr
    assert "erased 1 stories" in result.stdout
    assert_only_the_kept_story_is_left(db, due, kept, kept_before)


def test_a_job_run_by_the_worker_command_withdraws_everything(tmp_path, stories):
    db, due, kept = stories
    kept_before = rows_of(db, kept)
    # The real `workbench worker` command, with one more job registered: one that withdraws.
    worker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                import consent
                from plumbing import jobs
                from workbench.cli import main

                @jobs.job("withdraw_for_test")
                def withdraw_for_test(db, progress, story_id):
                    consent.withdraw(db, story_id, "staff", "user:1")

                sys.argv = ["workbench", "worker", "--workers", "1"]
                main()
                """
            ),
        ],
        cwd=CODE_ROOT,
        env=child_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        config = {"WORKBENCH_QUEUE": child_env(tmp_path)["WORKBENCH_QUEUE"]}
        job_id = jobs.enqueue(jobs.make_huey(config), db, "withdraw_for_test", story_id=due)
        deadline = time.monotonic() + 180
        while db["jobs"].get(job_id)["status"] in ("queued", "running"):
            assert worker.poll() is None, worker.stderr.read().decode()
            assert time.monotonic() < deadline, "the worker did not run the job"
            time.sleep(0.2)
        job = db["jobs"].get(job_id)
        assert job["status"] == "done", json.dumps(job)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
        worker.stderr.close()
    assert_only_the_kept_story_is_left(db, due, kept, kept_before)
