"""How long the analysts' theme actions take, from a web process that has just started.

Run: .venv/bin/python benchmarks/review_actions.py [--stories 3000]

Each action is one POST through Flask's test client (CSRF on, a signed-in analyst) over a
synthetic working database of approved themes (`benchmarks/publish.py` writes it). The first
move once took 15.2 s and the second 39 ms: the request refreshed the themes' keywords, which
loads BERTopic. Every action now queues that refresh, so the baseline beside the figures is
that refresh itself (`nlp.themes.store.refresh_keywords` for the two themes of a move), timed cold
in a fresh process of its own, as the first move used to pay it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

PASSWORD = "benchmark horse battery staple"
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def build(folder: Path, n_stories: int) -> None:
    """A migrated working database with approved themes, an analyst and held proposals."""
    from nlp.themes.store import pending
    from plumbing import db as wdb
    from workbench import accounts

    spec = importlib.util.spec_from_file_location(
        "publish_benchmark", ROOT / "benchmarks/publish.py"
    )
    publish_benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(publish_benchmark)
    db = wdb.connect(folder / "workbench.db")
    wdb.migrate(db)
    publish_benchmark.seed(db, n_stories)
    user, _otp = accounts.create_user(db, "bench-analyst", "analyst")
    with wdb.write(db):
        db["users"].update(
            user.id,
            {"password_hash": accounts.hasher.hash(PASSWORD), "must_change_password": 0},
        )
        themes = [row[0] for row in db.execute("SELECT id FROM themes ORDER BY id")]
        # Ten stories of the second theme proposed for the first, as a refit would.
        stories = [
            row[0]
            for row in db.execute(
                "SELECT story_id FROM theme_members WHERE theme_id = ? LIMIT 10", [themes[1]]
            )
        ]
        pending.hold(
            db,
            [
                {"story_id": s, "to_theme_id": themes[0], "from_theme_id": themes[1]}
                for s in stories
            ],
            origin="refit",
            run_id=None,
        )
    db.close()


def config(folder: Path) -> dict:
    return {
        "WORKBENCH_ENV": "testing",
        "TESTING": True,
        "SECRET_KEY": "benchmark",
        "WORKBENCH_DB": str(folder / "workbench.db"),
        "WORKBENCH_PUBLISHED_DB": str(folder / "published.db"),
        "WORKBENCH_QUEUE": "sqlite:///" + str(folder / "queue.db"),
        "RATELIMIT_ENABLED": False,
    }


def actions(folder: Path) -> dict[str, float]:
    """In this (fresh) process: sign in, then time each action's POST, in milliseconds."""
    from plumbing import db as wdb
    from workbench import create_app

    app = create_app(config(folder))
    client = app.test_client()
    db = wdb.connect(folder / "workbench.db")
    themes = [row[0] for row in db.execute("SELECT id FROM themes ORDER BY id")]
    members = [
        row[0]
        for row in db.execute(
            "SELECT story_id FROM theme_members WHERE theme_id = ? ORDER BY story_id", [themes[0]]
        )
    ]

    def post(url: str, data: dict, page: str) -> float:
        token = TOKEN.search(client.get(page).get_data(as_text=True)).group(1)
        start = time.perf_counter()
        response = client.post(url, data={**data, "csrf_token": token})
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 302, (url, response.status_code)
        return elapsed

    post("/login", {"username": "bench-analyst", "password": PASSWORD}, "/login")
    page = f"/review/themes/{themes[0]}"
    return {
        "first move": post(f"{page}/move", {"story": members[0], "to_theme": themes[2]}, page),
        "second move": post(f"{page}/move", {"story": members[1], "to_theme": themes[2]}, page),
        "accept 10 proposed": post(
            f"{page}/proposed", {"decision": "accept", "story": _held(db, themes[0])}, page
        ),
        "merge": post(f"{page}/merge", {"source": themes[3]}, page),
        "split 2": post(f"{page}/split", {"story": members[2:4], "label": "Split"}, page),
        "approve": post(f"{page}/status", {"status": "approved"}, page),
    }


def _held(db, theme_id: int) -> list[int]:
    return [
        row[0]
        for row in db.execute(
            "SELECT story_id FROM theme_pending WHERE to_theme_id = ? AND status = 'pending'",
            [theme_id],
        )
    ]


def baseline(folder: Path) -> dict[str, float]:
    """In this (fresh) process: what the first move used to do in the request."""
    from nlp.themes import store as theme_store
    from plumbing import db as wdb

    db = wdb.connect(folder / "workbench.db")
    themes = [row[0] for row in db.execute("SELECT id FROM themes ORDER BY id LIMIT 2")]
    start = time.perf_counter()
    theme_store.refresh_keywords(db, themes)
    return {"keyword refresh, cold (the old in-request step)": (time.perf_counter() - start) * 1000}


def in_fresh_process(step: str, folder: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--step", step, "--folder", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=3000)
    parser.add_argument("--step", choices=["actions", "baseline"])
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    if args.step:
        result = actions(args.folder) if args.step == "actions" else baseline(args.folder)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder, args.stories)
        figures = {**in_fresh_process("actions", folder), **in_fresh_process("baseline", folder)}
    print(f"{args.stories} stories, {os.cpu_count()} cores; each POST in a new web process")
    for name, ms in figures.items():
        print(f"  {name:<52} {ms:9.1f} ms")


if __name__ == "__main__":
    main()
