"""What the real-browser tests share: the app on a real HTTP server, Datasette on the published
file, Debian's Chromium, and signing in. The fixtures built on these live in conftest.py.

Playwright's one-shot reads (`is_visible()`, `inner_text()`, `count()`, `page.url`) answer for
the page as it is at that instant, and a click or key press only *starts* what it causes: a
navigation, a form post, a queued `toggle` event. Tests therefore assert with `expect(...)`,
which retries until the page agrees or times out, or wait for the navigation they caused
(`wait_for_url`, `wait_for_load_state`) before reading. `sign_in` below is one such wait."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import PASSWORD, app_config
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from workbench import create_app
from workbench.commands.services import datasette_command

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps dialling out, which this sandbox refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright, closed however the block ends."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def serve_app(tmp_path, **overrides) -> Iterator[tuple]:
    """The app over its own database files, served on a free loopback port in a thread."""
    app = create_app(app_config(tmp_path, **overrides))
    with serve_wsgi(app) as base:
        # Links and QR codes name the configured address only; the free port is known only now.
        app.config["PUBLIC_BASE_URL"] = base
        yield app, base


@contextmanager
def serve_wsgi(app) -> Iterator[str]:
    """Any WSGI app on a free loopback port, in a daemon thread; yields its base address."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@contextmanager
def serve_datasette(published: Path | str, probe: str = "/") -> Iterator[str]:
    """The published file served as `workbench serve-published` serves it, once `probe`
    answers (any HTTP status counts: it means the server is up)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        datasette_command(published, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(base + probe, timeout=1)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            if time.time() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("Datasette did not start")
            time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    """Sign in through the login form and wait until the post has landed: a `goto` issued
    before then aborts it, and the session cookie never arrives."""
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/login"))
