"""How soon the safeguarding lead's email arrives after a story with a risk is saved.

Run: .venv/bin/python benchmarks/alerts.py [--stories 5] [--baseline 3]

The real path: the app (Flask's test client) saves a story sent on the online form, the rules
raise a flag and queue the `safeguarding_alerts` job; a real `workbench worker` process (two
threads, its once-a-minute task on) sends the message to an SMTP server on loopback (aiosmtpd).
Timed from the moment the form's answer comes back (the story is saved) to the moment the
server has the message. Batching is off here (SAFEGUARDING_ALERT_MINUTES=0) so each story's
alert is its own message.

Baseline, in the same run: the same flag raised with no job queued, so only the worker's
once-a-minute run (and nothing else) can send it: what the lead would wait for without the
queued job. The target is under a minute (issue 19).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from mail_support import free_port, smtp_on  # noqa: E402

# Written for this benchmark; each says a risk to life in words the rules know.
STORIES = [
    "Since the home visits stopped I don't want to be alive any more.",
    "Honestly I wanted to die after the third cancelled appointment.",
    "I have been thinking of ending it since the clinic closed.",
    "Nobody rang back and I don't want to live like this.",
    "After the discharge I just wanted to die, I still do some days.",
]
ACTIVITY = {
    "title": "Getting help when you need it",
    "purpose": "To hear how easy or hard it is to get help.",
    "can_influence": "How services answer the phone.",
    "cannot_influence": "National funding.",
    "how_used": "Anonymised and grouped into themes.",
    "who_sees": "Our staff; approved themes are published.",
    "feedback_plan": "A summary on our website.",
    "channels": ["online"],
    "retention_days": 365,
}


def environment(folder: Path, smtp_port: int) -> dict[str, str]:
    return {
        "WORKBENCH_ENV": "testing",
        "SECRET_KEY": "benchmark",
        "WORKBENCH_DB": str(folder / "workbench.db"),
        "WORKBENCH_PUBLISHED_DB": str(folder / "published.db"),
        "WORKBENCH_QUEUE": "sqlite:///" + str(folder / "queue.db"),
        "WORKBENCH_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
        "WORKBENCH_SAFEGUARDING_EMAIL": "lead@example.org",
        "PUBLIC_BASE_URL": "https://workbench.example.org",
        "SAFEGUARDING_ALERT_MINUTES": "0",
        "RATELIMIT_ENABLED": "0",
    }


def send_online(client, activity_id: int, story: str) -> None:
    url = f"/tell/{activity_id}"
    page = client.get(url).get_data(as_text=True)
    hidden = dict(re.findall(r'name="(notice_id|submission_key)"[^>]*value="([^"]*)"', page))
    answers = {"consent_analysis": "yes"} | {
        f"consent_{p}": "no"
        for p in ("publish_quotes", "share_partners", "contact", "equality_monitoring")
    }
    response = client.post(url, data={**hidden, **answers, "story": story})
    assert response.status_code == 201, response.status_code


def arrival(sink, before: int, started: float, limit: float = 120) -> float:
    while len(sink.envelopes) <= before:
        if time.monotonic() - started > limit:
            raise SystemExit(f"no message within {limit:.0f} s")
        time.sleep(0.05)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5)
    parser.add_argument("--baseline", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="alerts-bench-"))
    port = free_port()
    os.environ.update(environment(folder, port))

    from consent import activities, capture
    from consent.purposes import PURPOSES
    from nlp.signals import rule_hits
    from workbench import create_app, safeguarding

    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    from plumbing import db as wdb

    db = wdb.connect(os.environ["WORKBENCH_DB"])
    fields = {
        **ACTIVITY,
        "opens_on": (date.today() - timedelta(days=1)).isoformat(),
        "closes_on": (date.today() + timedelta(days=30)).isoformat(),
    }
    activity_id = activities.create_activity(db, fields, created_by=None)
    worker = subprocess.Popen(
        [str(Path(sys.executable).parent / "workbench"), "worker", "--workers", "2"],
        env=os.environ.copy(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    queued, periodic = [], []
    try:
        with smtp_on(port) as sink:
            started = time.monotonic()
            send_online(client, activity_id, STORIES[0])
            warm = arrival(sink, 0, started)  # includes the worker starting up
            for n in range(args.stories):
                before = len(sink.envelopes)
                story = STORIES[(n + 1) % len(STORIES)]
                send_online(client, activity_id, story)
                queued.append(arrival(sink, before, time.monotonic()))
            for n in range(args.baseline):
                before = len(sink.envelopes)
                text = STORIES[n % len(STORIES)]
                receipt = capture.capture_story(
                    db,
                    activity_id=activity_id,
                    channel="online",
                    text=text,
                    consents={p: p == "analysis" for p in PURPOSES},
                    method="online",
                    notice_id=activities.current_notice(db, activity_id)["id"],
                    recorded_by="storyteller",
                    created_by=None,
                )
                safeguarding.record_signals(db, receipt.story_id, rule_hits(text).signals)
                started = time.monotonic()
                periodic.append(arrival(sink, before, started))
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
        db.close()
    print(f"first alert after the worker started: {warm:.1f} s")
    print("| path | alerts | median | worst |")
    print("| --- | --- | --- | --- |")
    for label, times in (
        ("queued job when the flag is raised (Story Workbench)", queued),
        ("baseline: the worker's once-a-minute run alone", periodic),
    ):
        print(f"| {label} | {len(times)} | {statistics.median(times):.1f} s | {max(times):.1f} s |")


if __name__ == "__main__":
    main()
