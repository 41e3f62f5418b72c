"""How quickly the admin's audit log page answers over a large log (target: a page in under
0.5 s at a million events), with the indexes of migration m008 and, as the baseline measured
in the same run on the same file, without them.

Each figure is the time of `plumbing.audit.search` for one page (201 rows) of: the newest
events, one person's, one action's (a rare one), one story's by reference, and one week; the
whole CSV export of the rare action is timed too.

Run: .venv/bin/python benchmarks/audit_search.py [--events 1000000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plumbing import audit  # noqa: E402
from plumbing import db as wdb  # noqa: E402

INDEXES = ("audit_log_actor", "audit_log_action", "audit_log_object", "audit_log_at")
COMMON = ["receipt_opened", "login", "story_captured", "tag_confirm", "theme_renamed"]


def fill(db, events: int) -> None:
    # Filling is set-up, not what is measured: no fsync per batch.
    db.execute("PRAGMA synchronous = OFF")
    rng = random.Random(7)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    step = timedelta(days=700) / events
    rows = []
    for i in range(events):
        rare = i % 5000 == 0
        rows.append(
            {
                "at": (start + step * i).isoformat(timespec="seconds"),
                "actor": f"user:{rng.randint(1, 60)}",
                "action": "password_reset"
                if rare
                else "story_withdrawn"
                if i % 997 == 0
                else rng.choice(COMMON),
                "object_type": "story",
                "object_id": str(rng.randint(1, events // 10)),
                "detail": f"reference=SW-{i:04d}-TEST" if i % 997 == 0 else None,
            }
        )
        if len(rows) == 50_000:
            db["audit_log"].insert_all(rows, batch_size=5000)
            rows = []
    db["audit_log"].insert_all(rows, batch_size=5000)
    db.conn.commit()


def timed(call) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - began)
    return best


def measure(db) -> dict[str, float]:
    searches = {
        "newest page": audit.Search(),
        "one person": audit.Search(actor="user:7"),
        "a rare action": audit.Search(action="password_reset"),
        "one story": audit.Search(
            story_ids=(42,), reference="SW-0997-TEST", reference_actions=("story_withdrawn",)
        ),
        "one week": audit.Search(
            since="2025-06-02T00:00:00+00:00", until="2025-06-09T00:00:00+00:00"
        ),
    }
    figures = {
        name: timed(lambda s=search: audit.search(db, s, limit=201))
        for name, search in searches.items()
    }
    figures["CSV of a rare action"] = timed(
        lambda: list(audit.every_match(db, audit.Search(action="password_reset")))
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = wdb.connect(str(Path(folder) / "audit.db"))
        wdb.migrate(db)
        began = time.perf_counter()
        fill(db, args.events)
        print(f"{args.events:,} events written in {time.perf_counter() - began:.1f} s")
        indexed = measure(db)
        for name in INDEXES:
            db.execute(f"DROP INDEX {name}")
        baseline = measure(db)
        db.close()
    print(f"{'search':<24}{'with indexes':>14}{'without (baseline)':>20}")
    for name, seconds in indexed.items():
        print(f"{name:<24}{seconds * 1000:>11.1f} ms{baseline[name] * 1000:>17.1f} ms")


if __name__ == "__main__":
    main()
