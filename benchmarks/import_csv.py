"""How long `workbench import` takes for 10,000 transcribed stories (target: under 30 s).

Baseline, measured in the same run on the same file: plain `csv` parsing plus one
sqlite-utils `insert_all` of the raw rows, i.e. the cost of just moving the bytes into
SQLite, with no validation, consent records, receipts or audit.

Run: .venv/bin/python benchmarks/import_csv.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consent import activities, imports  # noqa: E402
from plumbing import db as wdb  # noqa: E402
from plumbing.clock import now_iso, today  # noqa: E402

SERVICES = ["GP surgery", "A&E", "Pharmacy", "Dentist", "Community mental health team"]
OPENINGS = [
    "I waited three weeks for an appointment",
    "The nurse explained everything clearly",
    "Nobody told us the clinic had moved",
    "Getting my prescription renewed took four phone calls",
    "The home care visits were often late",
]
ENDINGS = [
    "and I would like the booking system to change.",
    "and my mum felt listened to for the first time.",
    "so we missed the appointment.",
    "which meant I ran out of my tablets.",
    "\nPS: the staff themselves were lovely.",  # a quoted newline inside the field
]


def synthetic_csv(rows: int, seed: int = 7) -> bytes:
    """Generated forms (no real feedback): UTF-8 with BOM, CRLF, quoted newlines."""
    rng = random.Random(seed)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "text",
            "service",
            "consent_analysis",
            "consent_publish_quotes",
            "consent_share_partners",
            "consent_contact",
            "consent_equality_monitoring",
            "consent_method",
            "consent_note",
            "contact_email",
            "age_band",
            "carer",
        ]
    )
    for n in range(rows):
        contact = rng.random() < 0.3
        writer.writerow(
            [
                f"{rng.choice(OPENINGS)} (form {n}) {rng.choice(ENDINGS)}",
                rng.choice(SERVICES),
                "yes",
                rng.choice(["yes", "no"]),
                "no",
                "yes" if contact else "no",
                "yes",
                "written",
                "",
                f"person{n}@example.org" if contact else "",
                rng.choice(["25-34", "65-74", "Prefer not to say"]),
                rng.choice(["Yes", "No"]),
            ]
        )
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def baseline(data: bytes, path: Path) -> float:
    start = time.perf_counter()
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    sqlite_utils.Database(path)["raw"].insert_all(reader, batch_size=1000)
    return time.perf_counter() - start


def workbench_import(data: bytes, path: Path) -> tuple[float, imports.ImportReport]:
    db = wdb.connect(path)
    wdb.migrate(db)
    with wdb.write(db):
        user_id = (
            db["users"]
            .insert(
                {
                    "username": "bench",
                    "password_hash": "-",
                    "role": "analyst",
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )
    activity_id = activities.create_activity(
        db,
        {
            "title": "Benchmark",
            "purpose": "p",
            "can_influence": "c",
            "cannot_influence": "n",
            "how_used": "h",
            "who_sees": "w",
            "feedback_plan": "f",
            "channels": ["paper"],
            "opens_on": (today() - timedelta(days=1)).isoformat(),
            "closes_on": (today() + timedelta(days=1)).isoformat(),
            "retention_days": 365,
        },
        created_by=user_id,
    )
    start = time.perf_counter()
    report = imports.import_csv(
        db, data, activity_id, "paper", None, "all_or_nothing", f"user:{user_id}", user_id
    )
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    data = synthetic_csv(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline(data, Path(tmp) / "baseline.db")
        took, report = workbench_import(data, Path(tmp) / "workbench.db")
    assert report.committed and report.imported == args.rows, report.rejected[:5]
    print(f"rows: {args.rows:,} ({len(data) / 1e6:.1f} MB, UTF-8 BOM, CRLF, quoted newlines)")
    print(f"baseline csv + sqlite-utils insert_all: {base:6.2f} s")
    print(
        f"workbench import (validated, consent, argon2id receipts, one transaction): "
        f"{took:6.2f} s ({args.rows / took:,.0f} rows/s; target < 30 s)"
    )


if __name__ == "__main__":
    main()
