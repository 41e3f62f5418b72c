"""Run the three servers: the web app (gunicorn), a Huey worker and Datasette."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click

from workbench import accounts
from workbench.config import open_db, settings

APP_ADDRESS = "127.0.0.1:5000"
# Fewer malloc arenas: freed argon2 buffers otherwise stay with each of gunicorn's threads.
SERVER_ENV = {"MALLOC_ARENA_MAX": "2"}
# Two processes, not one with more threads: threads share one interpreter lock, so analysts'
# pages waited behind storytellers' submissions (benchmarks/load.py: p95 67-110 ms with one
# worker, 21-41 ms with two). Rate-limit counters and sessions live in SQLite, shared by both.
WEB_WORKERS = 2
WORKER_NICENESS = 10
WEB_THREADS = 4
DATASETTE_HOST, DATASETTE_PORT = "127.0.0.1", 8001
# Browsers send a host's cookies to all its ports: the app is opened as 127.0.0.1 and the
# published site as localhost, so the staff session cookie never goes to Datasette.
APP_URL = f"http://{APP_ADDRESS}"
DATASETTE_URL = f"http://localhost:{DATASETTE_PORT}"


def datasette_command(published: str, port: int = DATASETTE_PORT) -> list[str]:
    """The locked-down Datasette invocation: SQL and downloads off, limits pinned.

    The settings are `workbench.publishing.publish.DATASETTE_SETTINGS`, the same ones the tests
    use. The file is served mutable: the planner plugin follows each `os.replace`, so no restart.
    """
    from workbench.publishing.publish import DATASETTE_SETTINGS, metadata_path

    settings: list[str] = []
    for name, value in DATASETTE_SETTINGS.items():
        shown = ("on" if value else "off") if isinstance(value, bool) else str(value)
        settings += ["--setting", name, shown]
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        published,
        "--host",
        DATASETTE_HOST,
        "--port",
        str(port),
        "--metadata",
        str(metadata_path(published)),
        *settings,
    ]


@click.command()
@click.option("--workers", default=2, show_default=True, help="Worker threads in this process.")
def worker(workers: int) -> None:
    """Run a Huey consumer that does the NLP and publishing work.

    Example: workbench worker --workers 2
    """
    from plumbing import db as wdb
    from plumbing import jobs

    # Background work yields to people waiting on a page: at the same niceness as the web's
    # password hashing (plumbing/hashing.py), below the web's request threads. On an idle
    # host it runs at full speed all the same.
    os.nice(WORKER_NICENESS)
    config = settings()
    huey = jobs.make_huey(config)
    db = open_db()
    requeued = jobs.requeue_interrupted(huey, db)
    if requeued:
        click.echo(f"requeued {requeued} interrupted job(s)")
    # A story saved just before the web process died may never have had its job queued.
    from nlp.checks import stories_to_anonymise

    in_hand = jobs.pending(db, ("anonymise", "demo_pipeline"))
    if stories_to_anonymise(db) and not in_hand:
        jobs.enqueue(huey, db, "anonymise")
    jobs.start_heartbeat(wdb.path_of(db))
    db.close()
    from nlp.anonymise import load_before_threads

    load_before_threads()  # see nlp/identifiers/core/lean_imports.py: not while threads import
    consumer = huey.create_consumer(workers=workers, worker_type="thread", periodic=True)
    consumer.run()


@click.command("serve-published")
@click.option("--port", default=DATASETTE_PORT, show_default=True)
def serve_published(port: int) -> None:
    """Serve the published database with Datasette, locked down.

    Example: workbench serve-published --port 8001
    """
    published = _ensure_published()
    os.execvp(sys.executable, datasette_command(published, port))


def _ensure_published() -> str:
    from workbench.publishing import publish

    config = settings()
    path = config["WORKBENCH_PUBLISHED_DB"]
    if not Path(path).exists():
        db = open_db()
        publish.build(db, path)
        db.close()
    return path


def ensure_demo_admin() -> None:
    """Create the demo admin once and print its one-time password."""
    db = open_db()
    if accounts.get_by_username(db, "admin") is None:
        _user, password = accounts.create_user(db, "admin", "admin")
        click.secho("\n  Demo admin created.", bold=True)
        click.secho(f"  Log in at http://{APP_ADDRESS}/login as admin / {password}", bold=True)
        click.echo("  (a one-time password: you will choose your own at first login)\n")
    else:
        click.echo("  Demo admin exists. Forgotten its password? workbench reset-password admin")
    db.close()


def gunicorn_command(
    bind: str,
    *options: str,
    app: str = "workbench.wsgi:app",
    workers: int = WEB_WORKERS,
    threads: int = WEB_THREADS,
) -> list[str]:
    """The web server as run-all starts it; the crash test and load benchmark start the same."""
    return [
        str(Path(sys.executable).parent / "gunicorn"),
        "--bind",
        bind,
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        *options,
        app,
    ]


@click.command("run-all")
def run_all() -> None:
    """Start the web app, a worker and Datasette together; Ctrl-C stops all three.

    Example: workbench run-all
    """
    published = _ensure_published()
    exe = Path(sys.executable).parent
    commands = {
        "web": gunicorn_command(
            APP_ADDRESS,
            "--access-logfile",
            "-",
            "--access-logformat",
            '%(h)s "%(m)s %(U)s" %(s)s %(M)sms',
        ),
        "worker": [str(exe / "workbench"), "worker"],
        "datasette": datasette_command(published),
    }
    env = {**os.environ, **SERVER_ENV}
    children = {
        name: subprocess.Popen(cmd, start_new_session=True, env=env)
        for name, cmd in commands.items()
    }
    ensure_demo_admin()
    click.echo(f"  app        {APP_URL}")
    click.echo(f"  datasette  {DATASETTE_URL}  (another host name: staff cookies stay away)")
    click.echo("  Ctrl-C stops all three.")
    stopping = False

    def stop(*_args) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping:
            for name, child in children.items():
                if child.poll() is not None:
                    click.echo(f"{name} stopped (exit {child.returncode}); stopping the others")
                    stopping = True
            time.sleep(0.5)
    finally:
        for child in children.values():
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.time() + 15
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
        click.echo("stopped")
