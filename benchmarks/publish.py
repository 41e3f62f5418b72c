"""Publishing benchmarks: build time at 10,000 stories, withdrawal to quote gone, swap outage.

Run: .venv/bin/python benchmarks/publish.py [--stories 10000]

1. Build: `workbench.publish.build` over a synthetic working database of approved stories
   (target < 10 s at 10,000), beside a baseline in the same run: copying that working database
   with SQLite's backup API, the least any build must do.
2. Withdrawal: `consent.withdrawal.withdraw`, then the publish job, then poll a real Datasette
   (started as `workbench serve-published` starts it) until the quote is gone from its JSON
   (target < 60 s).
3. Swap: another process requests Datasette continuously while the file is rebuilt; compare
   serving the file mutable with the planner plugin following `os.replace`, serving it
   immutable (stock Datasette: no restart, no following) and restarting Datasette after each
   build. Counts failed requests, stale answers and the longest gap between answers.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from plumbing import db as wdb  # noqa: E402
from workbench.commands.services import datasette_command  # noqa: E402
from workbench.publishing import publish  # noqa: E402

NOW = "2026-03-01T09:00:00+00:00"
CHANNELS = ["online", "paper", "event", "phone"]
AREAS = [f"Area {n}" for n in range(1, 11)]
SUBJECTS = ["the surgery", "the ward", "the pharmacy", "the crisis team", "the clinic"]
FEELINGS = ["waited weeks", "felt listened to", "was not told why", "was treated kindly"]


def seed(db, n_stories: int, n_themes: int = 20, rng: random.Random | None = None) -> None:
    """A working database of checked stories, most consenting, in approved themes."""
    rng = rng or random.Random(1)
    db.execute("PRAGMA synchronous = OFF")
    with wdb.write(db):
        db["frameworks"].insert(
            {"id": "plan", "title": "Joint plan", "version": 1, "yaml": "", "updated_at": NOW}
        )
        db["priorities"].insert_all(
            {"framework_id": "plan", "id": f"p{n}", "title": f"Priority {n}", "description": ""}
            for n in range(8)
        )
        activity = (
            db["activities"]
            .insert(
                {
                    "title": "Listening",
                    "purpose": "Hear people",
                    "can_influence": "Plans",
                    "cannot_influence": "Law",
                    "how_used": "Themes",
                    "who_sees": "Analysts",
                    "feedback_plan": "Report",
                    "opens_on": "2025-01-01",
                    "closes_on": "2025-12-31",
                    "channels": json.dumps(CHANNELS),
                    "areas": json.dumps(AREAS),
                    "retention_days": 365,
                    "created_at": NOW,
                    "framework_id": "plan",
                }
            )
            .last_pk
        )
        notice = (
            db["notices"]
            .insert(
                {
                    "activity_id": activity,
                    "version": 1,
                    "text": "n",
                    "sha256": "s",
                    "created_at": NOW,
                }
            )
            .last_pk
        )
        themes = [
            db["themes"]
            .insert(
                {
                    "activity_id": activity,
                    "label": f"Theme {n}",
                    "description": f"What people said about theme {n}",
                    "keywords": json.dumps(["care", "wait"]),
                    "status": "approved",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
            )
            .last_pk
            for n in range(n_themes)
        ]
        for n in range(n_stories):
            text = f"At {rng.choice(SUBJECTS)} I {rng.choice(FEELINGS)} (story {n})."
            story = (
                db["stories"]
                .insert(
                    {
                        "activity_id": activity,
                        "reference": f"SW-{n:04d}-BNCH",
                        "secret_hash": "h",
                        "channel": rng.choice(CHANNELS),
                        "text": None,
                        "area": rng.choice(AREAS),
                        "created_at": f"2025-{1 + n % 12:02d}-15T10:00:00",
                    }
                )
                .last_pk
            )
            db["consents"].insert_all(
                {
                    "story_id": story,
                    "purpose": purpose,
                    "granted": int(rng.random() < 0.9),
                    "method": "online",
                    "notice_id": notice,
                    "notice_sha256": "s",
                    "recorded_at": NOW,
                    "recorded_by": "storyteller",
                }
                for purpose in ("analysis", "publish_quotes", "equality_monitoring")
            )
            db["equality_answers"].insert(
                {"story_id": story, "age_band": rng.choice(["18-24", "25-44", "45-64", "65+"])}
            )
            db["anonymisations"].insert(
                {"story_id": story, "status": "checked", "text": text, "updated_at": NOW}
            )
            theme = themes[min(int(rng.expovariate(0.25)), n_themes - 1)]
            db["theme_members"].insert({"theme_id": theme, "story_id": story, "source": "model"})
            db["tags"].insert(
                {
                    "story_id": story,
                    "framework_id": "plan",
                    "priority_id": f"p{rng.randrange(8)}",
                    "source": "model",
                    "updated_at": NOW,
                }
            )
            if n % 10 == 0:
                db["quotes"].insert(
                    {"theme_id": theme, "story_id": story, "text": text, "chosen_at": NOW}
                )
    db.execute("PRAGMA synchronous = FULL")


def working_db(tmp: Path, n_stories: int):
    db = wdb.connect(tmp / "workbench.db")
    wdb.migrate(db)
    seed(db, n_stories)
    return db


def measure_build(tmp: Path, n_stories: int) -> None:
    db = working_db(tmp, n_stories)
    start = time.perf_counter()
    copy = sqlite3.connect(tmp / "copy.db")
    db.conn.backup(copy)
    copy.close()
    baseline = time.perf_counter() - start
    times = []
    for _ in range(3):
        start = time.perf_counter()
        counts = publish.build(db, tmp / "published.db")
        times.append(time.perf_counter() - start)
    print(
        f"build, {n_stories} stories: best {min(times):.2f} s, worst {max(times):.2f} s "
        f"(target < 10 s); baseline, backup copy of the working db: {baseline:.2f} s"
    )
    print(f"  published rows: {counts}")
    db.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_datasette(published: Path, port: int, immutable: bool = False) -> subprocess.Popen:
    command = datasette_command(str(published), port)
    if immutable:  # stock Datasette behaviour: the plugin follows mutable files only
        command[command.index(str(published))] = "--immutable=" + str(published)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(port)
    return process


def wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            get(port, "/published/about.json")
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.05)
    raise RuntimeError("datasette did not start")


def get(port: int, path: str):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
        return json.loads(response.read())


def measure_withdrawal(tmp: Path) -> None:
    from consent.withdrawal import withdraw

    db = working_db(tmp, 2000)
    published = tmp / "published.db"
    publish.build(db, published)
    port = free_port()
    process = start_datasette(published, port)
    try:
        quote = get(port, "/published/quotes.json?_shape=array&_size=1")[0]["text"]
        story = next(db.query("SELECT story_id FROM quotes WHERE text = ?", [quote]))["story_id"]
        start = time.perf_counter()
        withdraw(db, story, "receipt", "storyteller")
        publish.publish_job(db, lambda *_: None, published_path=str(published))
        while any(
            q["text"] == quote for q in get(port, "/published/quotes.json?_shape=array&_size=max")
        ):
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        print(f"withdraw -> quote gone from Datasette JSON: {elapsed:.2f} s (target < 60 s)")
    finally:
        process.terminate()
        process.wait()
        db.close()


def hammer(port: int, seconds: float, results) -> None:
    """Request the themes count continuously; report (started, finished, count or None)."""
    log = []
    deadline = time.time() + seconds
    while time.time() < deadline:
        started = time.time()
        try:
            count = len(get(port, "/published/themes.json?_shape=array&_size=max"))
        except (urllib.error.URLError, ConnectionError, OSError, json.JSONDecodeError):
            count = None
            time.sleep(0.01)  # a refused connection returns at once; do not spin
        log.append((started, time.time(), count))
    results.put(log)


def measure_swap(tmp: Path, strategy: str, rounds: int) -> None:
    """Rebuild `rounds` times while another process keeps asking; judge every answer."""
    db = working_db(tmp, 1000)
    published = tmp / "published.db"
    publish.build(db, published)
    port = free_port()
    process = start_datasette(published, port, immutable=strategy == "immutable")
    # (build started, swap done, themes): answers between one swap and the next build must
    # show that swap's themes; answers while a build runs may show either.
    swaps = [(0.0, 0.0, len(get(port, "/published/themes.json?_shape=array&_size=max")))]
    results = multiprocessing.Queue()
    duration = rounds * (12 if strategy == "restart" else 1.5) + 2
    client = multiprocessing.Process(target=hammer, args=(port, duration, results))
    client.start()
    try:
        for n in range(rounds):
            time.sleep(0.5)
            status = "not_for_publication" if n % 2 == 0 else "approved"
            with wdb.write(db):
                db.execute("UPDATE themes SET status = ? WHERE label = 'Theme 0'", [status])
            build_started = time.time()
            themes = publish.build(db, published)["themes"]
            if strategy == "restart":
                process.terminate()
                process.wait()
                process = subprocess.Popen(
                    datasette_command(str(published), port),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            if strategy == "restart":
                wait_until_up(port)
            swaps.append((build_started, time.time(), themes))
        log = results.get()
        client.join()
    finally:
        if client.is_alive():
            client.terminate()
        process.terminate()
        process.wait()
        db.close()
    answered = [entry for entry in log if entry[2] is not None]
    failed = len(log) - len(answered)
    stale = 0
    for started, _finished, count in answered:
        for (_, done, themes), following in zip(swaps, swaps[1:] + [(float("inf"),)], strict=True):
            if done <= started < following[0] and count != themes:
                stale += 1
    longest_gap = max(
        (b[1] - a[1] for a, b in zip(answered, answered[1:], strict=False)), default=0.0
    )
    print(
        f"swap by {strategy:<8} {rounds} rebuilds: {len(answered)} answered, {failed} refused "
        f"or failed, {stale} stale (old data after the swap), longest gap between answers "
        f"{longest_gap * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        measure_build(Path(tmp), args.stories)
    with tempfile.TemporaryDirectory() as tmp:
        measure_withdrawal(Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        measure_swap(Path(tmp), "mutable", rounds=10)  # the plugin follows os.replace
    with tempfile.TemporaryDirectory() as tmp:
        measure_swap(Path(tmp), "immutable", rounds=4)  # no restart, no following
    with tempfile.TemporaryDirectory() as tmp:
        measure_swap(Path(tmp), "restart", rounds=3)


if __name__ == "__main__":
    main()
