"""The worker loads the anonymiser before its threads start.

Loading spaCy and Presidio for anonymisation keeps torch and transformers out of the process
for a moment (`nlp/identifiers/core/lean_imports.py`), and `sys.modules` is shared by every thread:
a signals job that imported sentence-transformers in that moment failed ("'transformers' is
not a package"). These tests run the real libraries in a fresh interpreter, where nothing was
imported before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]

TWO_THREADS = """
import threading, time
from nlp import anonymise
if {load_first}:
    anonymise.load_before_threads()
errors = []

def embedder():
    time.sleep(0.3)  # the anonymiser is loading by now, unless it was loaded before
    try:
        from sentence_transformers import SentenceTransformer  # noqa: F401
    except Exception as error:  # what a job would have failed with
        errors.append(repr(error))

threads = [threading.Thread(target=anonymise.engine), threading.Thread(target=embedder)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("ERRORS", errors)
"""


def test_a_thread_importing_sentence_transformers_never_meets_the_anonymisers_window() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", TWO_THREADS.format(load_first=True)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ERRORS []" in done.stdout, done.stdout + done.stderr[-3000:]


def test_the_worker_command_loads_the_anonymiser_before_it_starts_threads(
    monkeypatch, tmp_path
) -> None:
    from nlp import anonymise
    from plumbing import jobs
    from workbench.cli import cli

    order: list[str] = []

    class Started(Exception):
        pass

    class Queue:
        def create_consumer(self, **options):
            order.append("threads")
            raise Started

    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "workbench.db"))
    monkeypatch.setattr(os, "nice", lambda _n: 0)
    monkeypatch.setattr(jobs, "make_huey", lambda _config: Queue())
    monkeypatch.setattr(jobs, "requeue_interrupted", lambda _huey, _db: 0)
    monkeypatch.setattr(jobs, "start_heartbeat", lambda _path: None)
    monkeypatch.setattr(jobs, "enqueue", lambda *_a, **_k: 0)
    monkeypatch.setattr(anonymise, "load_before_threads", lambda: order.append("anonymiser"))
    result = CliRunner().invoke(cli, ["worker"])
    assert isinstance(result.exception, Started), result.output
    assert order == ["anonymiser", "threads"]


def test_the_engine_is_loaded_once_however_it_is_asked_for():
    """The worker loads the engine before its threads start (`load_before_threads`), and the
    detector asks for it by the model's name: both must get the same engine, not two."""
    from nlp import anonymise

    assert anonymise.engine() is anonymise.engine(anonymise.DEFAULT_MODEL)
    assert anonymise.engine() is anonymise.engine(model=anonymise.DEFAULT_MODEL)
