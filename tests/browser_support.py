"""What the real-browser tests share: the app on a real HTTP server, and Debian's Chromium."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from conftest import app_config
from werkzeug.serving import make_server

from workbench import create_app

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
def serve_app(tmp_path, **overrides) -> Iterator[tuple]:
    """The app over its own database files, served on a free loopback port in a thread."""
    app = create_app(app_config(tmp_path, **overrides))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    # Links and QR codes name the configured address only; the free port is known only now.
    app.config["PUBLIC_BASE_URL"] = base
    try:
        yield app, base
    finally:
        server.shutdown()
        thread.join(timeout=5)
