"""Load benchmark: 20 concurrent users against a real gunicorn, loopback only, bounded in time.

Run: .venv/bin/python benchmarks/load.py [--seconds 60] [--users 20] [--stories 300]

Starts gunicorn as `workbench run-all` does (two gthread workers, 4 threads each) on a free
loopback port over a temporary database holding the demo stories plus reviewed themes, tags and
anonymisations, then runs locust headless (`benchmarks/load_users.py`) for `--seconds`:
half the users are analysts reading the dashboard, themes, a theme and the priorities page;
half are storytellers sending the online form and opening receipts with right and wrong
secrets. Prints p50/p95/p99 and requests/s per endpoint, with `/healthz` as the baseline in
the same run, and the web worker's resident memory (sampled every second; peak and last).

Targets: p95 < 50 ms for pages that do no password hashing; web worker RSS < 300 MB.
Logging in, sending a story (which hashes its new receipt secret) and opening a receipt
(which verifies a secret) each run argon2 on purpose, so they are reported apart.

Rate limits stay switched on (their bookkeeping is part of each request's cost) but are raised
far above what the run sends, since every locust user shares the address 127.0.0.1.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from publish_fixtures import seed as seed_reviewed  # noqa: E402

from plumbing import db as wdb  # noqa: E402
from workbench import accounts, demo  # noqa: E402
from workbench.commands.services import (  # noqa: E402
    SERVER_ENV,
    WEB_THREADS,
    WEB_WORKERS,
    gunicorn_command,
)

PASSWORD = "load test password, long enough"
RAISED_LIMITS = {
    "LOGIN_RATE_LIMIT": "1000000 per minute",
    "STORY_SUBMIT_RATE_LIMIT": "1000000 per hour",
    "RECEIPT_RATE_LIMIT": "1000000 per 15 minutes",
    "RECEIPT_IP_RATE_LIMIT": "1000000 per 15 minutes",
}
PAGE_TARGET_MS = 50
ACCESS_LOG = "access.log"
RSS_TARGET_MB = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(folder: Path, stories: int, analysts: int) -> dict:
    """A working database with demo stories and a reviewed activity; the locust config."""
    db = wdb.connect(folder / "workbench.db")
    wdb.migrate(db)
    db.execute("PRAGMA synchronous = OFF")
    receipts = demo.load(db, stories=stories)
    reviewed = seed_reviewed(db, n_stories=120)
    users = []
    for n in range(analysts):
        user, _otp = accounts.create_user(db, f"analyst{n}", "analyst")
        with wdb.write(db):
            db["users"].update(
                user.id,
                {"password_hash": accounts.hasher.hash(PASSWORD), "must_change_password": 0},
            )
        users.append(user.username)
    tell_activity = next(
        r["id"] for r in db.query("SELECT id FROM activities WHERE channels LIKE '%online%'")
    )
    config = {
        "password": PASSWORD,
        "analyst_users": users,
        "theme_activity": reviewed["activity"],
        "theme_ids": list(reviewed["themes"].values()),
        "tell_activity": tell_activity,
        "receipts": [[r.reference, r.secret] for r in receipts],
    }
    db.close()
    return config


def start_gunicorn(folder: Path, port: int, workers: int, threads: int) -> subprocess.Popen:
    env = {
        **os.environ,
        **SERVER_ENV,
        "WORKBENCH_ENV": "development",
        "SECRET_KEY": "load-benchmark-" + os.urandom(8).hex(),
        "WORKBENCH_DB": str(folder / "workbench.db"),
        "WORKBENCH_PUBLISHED_DB": str(folder / "published.db"),
        "WORKBENCH_QUEUE": "sqlite:///" + str(folder / "queue.db"),
    }
    # As workbench/wsgi.py builds the app, with the raised limits.
    (folder / "load_wsgi.py").write_text(
        "from workbench.web_process import keep_models_out\n"
        "keep_models_out()\n"
        "from workbench import create_app\n"
        f"app = create_app({RAISED_LIMITS!r})\n"
    )
    env["PYTHONPATH"] = os.pathsep.join([str(folder), str(ROOT)])
    command = gunicorn_command(
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        # Method, path (no query: an address may carry an id, never a secret), status and
        # microseconds: the server's own time per request, apart from the load generator's.
        "--access-logfile",
        str(folder / ACCESS_LOG),
        "--access-logformat",
        "%(m)s %(U)s %(s)s %(D)s",
        app="load_wsgi:app",
        workers=workers,
        threads=threads,
    )
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU the processes have used so far (from /proc, in clock ticks)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


class RssSampler(threading.Thread):
    """Samples the gunicorn worker's RSS every second while the load runs."""

    def __init__(self, master: int) -> None:
        super().__init__(daemon=True)
        self.master = master
        self.samples: list[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(1.0):
            pids = worker_pids(self.master)
            if pids:
                self.samples.append(max(rss_mb(p) for p in pids))


SCENARIOS = {
    # name: share of the users who are analysts (the rest are storytellers)
    "analyst pages only": 1.0,
    "analysts and storytellers, half each": 0.5,
}


def run_locust(config: dict, port: int, seconds: int, users: int, out: Path) -> Path:
    env = {**os.environ, "LOAD_CONFIG": json.dumps(config)}
    command = [
        str(Path(sys.executable).parent / "locust"),
        "-f",
        str(ROOT / "benchmarks" / "load_users.py"),
        "--headless",
        "--host",
        f"http://127.0.0.1:{port}",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "5",
        "--csv",
        str(out / "load"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    # Locust prints its own summary on stderr; ours is the one below. Exit 1 means some
    # requests failed, which the table shows; anything else is locust itself failing.
    done = subprocess.run(command, env=env, check=False, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"locust failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return out / "load_stats.csv"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def server_times(lines: list[str]) -> dict[str, list[float]]:
    """Milliseconds per endpoint as gunicorn timed them, ids in paths folded to <id>."""
    times: dict[str, list[float]] = {}
    for line in lines:
        method, path, status, micros = line.split()
        name = f"{method} {re.sub(r'/[0-9]+', '/<id>', path)} ({status})"
        times.setdefault(name, []).append(int(micros) / 1000)
    return times


def report_server(times: dict[str, list[float]]) -> None:
    print("as the server timed them (gunicorn access log, from accept to last byte):")
    for name, values in sorted(times.items()):
        if name.endswith("/login"):
            continue
        p50, p95, p99 = (percentile(values, q) for q in (0.5, 0.95, 0.99))
        print(f"  {name[:38]:38} {len(values):6d} {'':5} {p50:5.0f} {p95:5.0f} {p99:5.0f}")


def report(stats_file: Path, logins: list[float], samples: list[float], cpu: float) -> None:
    rows = list(csv.DictReader(stats_file.open()))
    print(f"{'endpoint':40} {'n':>6} {'fail':>5} {'p50':>5} {'p95':>5} {'p99':>5} {'req/s':>7}")
    missed = []
    for row in rows:
        name = row["Name"]
        if name == "POST /login" or row["50%"] == "N/A":
            continue
        p50, p95, p99 = (float(row[q]) for q in ("50%", "95%", "99%"))
        print(
            f"{name[:40]:40} {int(row['Request Count']):6d} {int(row['Failure Count']):5d} "
            f"{p50:5.0f} {p95:5.0f} {p99:5.0f} {float(row['Requests/s']):7.1f}"
        )
        hashing = "argon2" in name or "(capture)" in name
        if name.startswith("GET") and not hashing and p95 >= PAGE_TARGET_MS:
            missed.append(name)
    if logins:
        print(
            f"{'POST /login (argon2, before measuring)':40} {len(logins):6d} {'':5} "
            f"{percentile(logins, 0.5):5.0f} {percentile(logins, 0.95):5.0f} "
            f"{percentile(logins, 0.99):5.0f}"
        )
    print("(milliseconds; capture POST hashes the new receipt secret with argon2)")
    served = sum(int(row["Request Count"]) for row in rows if row["Name"] == "Aggregated")
    if served:
        print(
            f"web workers' CPU: {cpu:.1f} s for {served} requests, "
            f"{cpu / served * 1000:.1f} ms per request (logins included)"
        )
    peak = max(samples) if samples else 0.0
    last = samples[-1] if samples else 0.0
    print(
        f"largest web worker RSS: peak {peak:.0f} MB, last {last:.0f} MB "
        f"(target < {RSS_TARGET_MB} MB)"
    )
    verdict = "met" if not missed else "missed by " + ", ".join(missed)
    print(f"p95 < {PAGE_TARGET_MS} ms for pages without password hashing: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="per scenario")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument(
        "--web-workers", type=int, default=WEB_WORKERS, help="gunicorn processes (run-all's)"
    )
    parser.add_argument(
        "--web-threads", type=int, default=WEB_THREADS, help="threads per gunicorn process"
    )
    args = parser.parse_args()
    random.seed(1)
    with tempfile.TemporaryDirectory(prefix="workbench-load-") as tmp:
        folder = Path(tmp)
        print(f"seeding {args.stories} demo stories and a reviewed activity...", flush=True)
        config = prepare(folder, args.stories, analysts=args.users)
        port = free_port()
        server = start_gunicorn(folder, port, args.web_workers, args.web_threads)
        try:
            start_rss = max(map(rss_mb, worker_pids(server.pid)), default=0.0)
            load1, load5, _ = os.getloadavg()
            print(f"machine load average before the run: {load1:.1f} (1 min), {load5:.1f} (5 min)")
            print(f"on {os.cpu_count()} CPUs; locust shares them with the server")
            print(f"gunicorn: {args.web_workers} worker(s) x {args.web_threads} threads")
            print(f"gunicorn worker RSS after start-up: {start_rss:.0f} MB")
            seen = len((folder / ACCESS_LOG).read_text().splitlines())
            for name, share in SCENARIOS.items():
                analysts = round(args.users * share)
                logins_file = folder / "logins.json"
                scenario = {
                    **config,
                    "analysts": analysts,
                    "storytellers": args.users - analysts,
                    "logins_file": str(logins_file),
                }
                print(f"\n== {name}: {args.users} users, {args.seconds} s, 127.0.0.1:{port}")
                sampler = RssSampler(server.pid)
                sampler.start()
                cpu_before = cpu_seconds(worker_pids(server.pid))
                stats = run_locust(scenario, port, args.seconds, args.users, folder)
                cpu = cpu_seconds(worker_pids(server.pid)) - cpu_before
                sampler.stop.set()
                sampler.join()
                logins = json.loads(logins_file.read_text()) if logins_file.exists() else []
                report(stats, logins, sampler.samples, cpu)
                logged = (folder / ACCESS_LOG).read_text().splitlines()
                report_server(server_times(logged[seen:]))
                seen = len(logged)
                print(f"load average after: {os.getloadavg()[0]:.1f}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
