"""The Flask app factory: `create_app` is the one place configuration is read."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request, session
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter
from werkzeug.sansio.utils import host_is_trusted

from plumbing import db as wdb
from plumbing import jobs, registry
from workbench import accounts, policy, web
from workbench.config import (
    default_instance_path,
    is_production,
    load_config,
    public_base_url,
    ratelimit_storage,
)
from workbench.extensions import csrf, limiter, login_manager
from workbench.web import get_db

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the web app. `config` overrides defaults and the environment (tests use it)."""
    app = Flask(__name__, instance_path=str(default_instance_path()))
    app.url_map.converters["int"] = RowIdConverter
    settings = load_config(app.instance_path, config)
    if not settings.get("SECRET_KEY"):
        if is_production(settings):
            raise RuntimeError("SECRET_KEY must be set when WORKBENCH_ENV is production")
        settings["SECRET_KEY"] = _development_secret(Path(app.instance_path))
    _require_deployment_settings(settings)
    settings["PUBLIC_BASE_URL"] = public_base_url(settings)
    app.config.update(settings)
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=is_production(settings),
        # In production the `__Host-` prefix makes browsers refuse the cookie unless it is
        # Secure, has no Domain and covers the whole path: it can never be widened to a parent
        # domain that the published site (on its own host) shares.
        SESSION_COOKIE_NAME=(
            "__Host-workbench_session" if is_production(settings) else "workbench_session"
        ),
        SESSION_COOKIE_DOMAIN=False,
        SESSION_COOKIE_PATH="/",
        # Flask-WTF's HTTPS check wants a Referer naming this site, but every page asks
        # browsers to send none (Referrer-Policy: no-referrer), so behind the TLS proxy every
        # form would be refused. The token and the SameSite cookie stand against CSRF.
        WTF_CSRF_SSL_STRICT=False,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings["SESSION_ABSOLUTE_HOURS"]),
        MAX_CONTENT_LENGTH=settings.get("MAX_CONTENT_LENGTH", 16 * 1024 * 1024),
        RATELIMIT_STORAGE_URI=ratelimit_storage(settings),
        RATELIMIT_HEADERS_ENABLED=True,
    )
    _quiet_request_logs()
    _trust_proxies(app, settings.get("WORKBENCH_TRUSTED_PROXIES") or 0)

    db = wdb.connect(app.config["WORKBENCH_DB"])
    wdb.migrate(db)
    db.close()
    # Every job, command and withdrawal clean-up is registered before the first request.
    registry.load()
    app.extensions["huey"] = jobs.make_huey(app.config)

    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    web.init_app(app)
    hosts = _trusted_hosts(settings)
    if hosts:
        app.before_request(lambda: _refuse_other_hosts(hosts))
    app.before_request(policy.enforce)
    app.after_request(_security_headers)

    from workbench import i18n, organisation, times
    from workbench.blueprints import register_blueprints
    from workbench.errors import register_error_handlers
    from workbench.navigation import register_navigation

    register_blueprints(app)
    register_error_handlers(app)
    register_navigation(app)
    i18n.init_app(app)
    organisation.init_app(app)
    times.init_app(app)
    return app


def _require_deployment_settings(settings: dict) -> None:
    """Production must say how many proxies stand in front of it: guessed wrong, every client
    shares the proxy's address (one client's wrong receipts would block all storytellers) or a
    client could forge its own address."""
    if not is_production(settings):
        return
    if settings.get("WORKBENCH_TRUSTED_PROXIES") is None:
        raise RuntimeError(
            "WORKBENCH_TRUSTED_PROXIES must be set when WORKBENCH_ENV is production "
            "(the number of reverse proxies in front of the app, 0 for none)"
        )


def _trusted_hosts(settings: dict) -> list[str] | None:
    if not is_production(settings):
        return None
    configured = settings.get("WORKBENCH_TRUSTED_HOSTS") or ""
    hosts = [h.strip() for h in configured.split(",") if h.strip()]
    return [urlsplit(settings["PUBLIC_BASE_URL"]).hostname, *hosts]


def _refuse_other_hosts(hosts: list[str]) -> None:
    """In production a request naming a host not configured is refused (400). Flask's own
    TRUSTED_HOSTS fails before the error page can be drawn, hence this hook."""
    if not host_is_trusted(request.host, hosts):
        abort(400)


def _trust_proxies(app: Flask, hops: int) -> None:
    """Read the client's address and scheme from the last `hops` proxies' forwarding headers.

    Why: rate limits count per client address, and behind a reverse proxy every request comes
    from the proxy. The host is never taken from a header: links use `PUBLIC_BASE_URL`.
    """
    if hops < 0:
        raise RuntimeError("WORKBENCH_TRUSTED_PROXIES cannot be negative")
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0, x_port=0)


class RowIdConverter(IntegerConverter):
    """`<int:...>` names a SQLite row: a number past SQLite's 64-bit range is simply not found
    (404), instead of an OverflowError from the database driver (500)."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=2**63 - 1, signed=False):
        super().__init__(url_map, fixed_digits, min, max, signed)


@login_manager.user_loader
def _load_user(_user_id: str):
    idle = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    absolute = timedelta(hours=current_app.config["SESSION_ABSOLUTE_HOURS"])
    return accounts.session_user(get_db(), session.get("sid"), idle, absolute)


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    # Pages may carry story data: nothing but static files is cached anywhere.
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response


def _development_secret(instance: Path) -> str:
    """A random key kept in the instance folder, so workers and restarts share sessions.

    Two web workers may start at once: the key is written whole to a private temporary file
    and linked into place, which fails for the second, so both read the same key.
    """
    instance.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = instance / "secret_key"
    if not path.exists():
        handle, partial = tempfile.mkstemp(dir=instance, prefix=".secret_key.")  # mode 0600
        with os.fdopen(handle, "w") as out:
            out.write(secrets.token_hex(32))
        try:
            with contextlib.suppress(FileExistsError):  # another worker's key won: read that
                os.link(partial, path)
        finally:
            os.unlink(partial)
    return path.read_text().strip()


def _quiet_request_logs() -> None:
    # Werkzeug's access log prints URLs; ours never carry secrets, but keep it at warnings.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
