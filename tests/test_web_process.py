"""The web process as gunicorn starts it (`workbench.wsgi`) stays small and loads no model
framework, even after the pages that use spaCy's tokenizer and presidio have run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import app_config

RSS_LIMIT_MB = 300

PROBE = textwrap.dedent(
    """
    import gc, json, sys, threading
    import workbench.wsgi
    for thread in threading.enumerate():
        if thread.name == "warm-rules":
            thread.join(60)
    frozen, tracked = gc.get_freeze_count(), len(gc.get_objects())
    from nlp.signals import rule_hits
    from workbench import review_queue

    hits = rule_hits("I have been thinking about ending my life.")
    text = "Dr Patel at the surgery on Mill Road was kind."
    preview = review_queue.preview(text, [{"start": 3, "end": 8, "label": "PERSON"}])
    rss = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024
    try:
        import torch  # noqa: F401
        torch_importable = True
    except ImportError:
        torch_importable = False
    print(json.dumps({
        "rss_mb": rss,
        "torch_importable": torch_importable,
        "signals": sorted(hits.names),
        "preview": preview.text,
        "frozen": frozen,
        "tracked": tracked,
    }))
    """
)


@pytest.fixture(scope="module")
def probe(tmp_path_factory) -> dict:
    """The probe's findings, from one fresh web process shared by this module's tests."""
    tmp_path = tmp_path_factory.mktemp("web-process")
    env = {**os.environ, **app_config(tmp_path, WORKBENCH_ENV="development")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_web_process_stays_under_300_mb_without_torch(probe):
    assert probe["torch_importable"] is False
    assert probe["signals"] == ["suicide_self_harm"], probe
    assert "Patel" not in probe["preview"] and "Mill Road" in probe["preview"]
    assert probe["rss_mb"] < RSS_LIMIT_MB, probe


def test_start_up_objects_are_frozen_out_of_the_garbage_collectors_full_passes(probe):
    """A full collection walks every tracked object with the worker paused; spaCy's start-up
    objects are frozen once loaded, so those passes stay short."""
    assert probe["frozen"] > 100_000, probe
    assert probe["tracked"] < probe["frozen"] / 4, probe
