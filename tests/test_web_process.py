"""The web process as gunicorn starts it (`workbench.wsgi`) stays small and loads no model
framework, even after the pages that use spaCy's tokenizer and presidio have run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

RSS_LIMIT_MB = 300

PROBE = textwrap.dedent(
    """
    import json, sys
    import workbench.wsgi
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
    }))
    """
)


def test_the_web_process_stays_under_300_mb_without_torch(tmp_path):
    env = {
        **os.environ,
        "WORKBENCH_ENV": "development",
        "SECRET_KEY": "web-process-test",
        "WORKBENCH_DB": str(tmp_path / "workbench.db"),
        "WORKBENCH_QUEUE": "sqlite:///" + str(tmp_path / "queue.db"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["torch_importable"] is False
    assert probe["signals"] == ["suicide_self_harm"], probe
    assert "Patel" not in probe["preview"] and "Mill Road" in probe["preview"]
    assert probe["rss_mb"] < RSS_LIMIT_MB, probe
