"""Shared fixtures: a real SQLite file per test, the app with CSRF on, and signed-in users."""

from __future__ import annotations

import os
import re
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import pytest  # noqa: E402

from plumbing import db as wdb  # noqa: E402
from workbench import accounts, create_app  # noqa: E402

PASSWORD = "correct horse battery staple"
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def app_config(folder: Path, **overrides) -> dict:
    """What every test app runs with: testing mode and its own working database, published file
    and job queue in `folder`. The defaults are strings, so it serves as a child process's
    environment too."""
    return {
        "WORKBENCH_ENV": "testing",
        "SECRET_KEY": "test-secret-key",
        "WORKBENCH_DB": str(folder / "workbench.db"),
        "WORKBENCH_PUBLISHED_DB": str(folder / "published.db"),
        "WORKBENCH_QUEUE": "sqlite:///" + str(folder / "queue.db"),
        **overrides,
    }


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, **app_config(tmp_path)})
    yield app


@pytest.fixture
def db(app):
    database = wdb.connect(app.config["WORKBENCH_DB"])
    yield database
    database.close()


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_token(client, url: str) -> str:
    """The CSRF token from a real form page, as a browser would send it."""
    page = client.get(url)
    match = CSRF_RE.search(page.get_data(as_text=True))
    assert match, f"no CSRF token on {url} (status {page.status_code})"
    return match.group(1)


def check_page_post(client, story_id: int, data: dict, **kwargs):
    """POST the check page as a browser would: with the CSRF token and the page's record of
    which story and text it was opened for (`shown`)."""
    page = client.get(f"/checks/{story_id}").get_data(as_text=True)
    shown = re.search(r'name="shown" value="([^"]*)"', page)
    assert shown, f"no check form on /checks/{story_id}"
    token = CSRF_RE.search(page).group(1)
    form = {**data, "csrf_token": token, "shown": shown.group(1)}
    return client.post(f"/checks/{story_id}", data=form, **kwargs)


def post_form(client, url: str, data: dict, form_page: str | None = None, **kwargs):
    """POST like a browser: fetch the form page for its token first."""
    token = csrf_token(client, form_page or url)
    return client.post(url, data={**data, "csrf_token": token}, **kwargs)


def make_user(db, role: str, username: str | None = None, password: str = PASSWORD):
    """A user whose password is already chosen (no one-time password step)."""
    user, _otp = accounts.create_user(db, username or f"{role}-user", role)
    with wdb.write(db):
        db["users"].update(
            user.id,
            {"password_hash": accounts.hasher.hash(password), "must_change_password": 0},
        )
    return accounts.get(db, user.id)


def login(client, username: str, password: str = PASSWORD):
    return post_form(
        client, "/login", {"username": username, "password": password}, follow_redirects=False
    )


@pytest.fixture
def login_as(client, db):
    """login_as('analyst') signs the test client in as a fresh user with that role."""

    def sign_in(role: str):
        user = make_user(db, role, f"{role}-{os.urandom(3).hex()}")
        response = login(client, user.username)
        assert response.status_code == 302, response.status_code
        return user

    return sign_in


# The real-browser tests' shared fixtures. Playwright is imported inside them, not at the top:
# browser_support imports this file, and tests that never open a browser need not load it.


@pytest.fixture(scope="module")
def chromium():
    """One Chromium per test file: launching one per test cost a second each."""
    from browser_support import launch_chromium

    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def browser(chromium):
    """The file's Chromium, with whatever contexts (cookies, sessions) a test opened closed
    when it ends, so no test sees another's."""
    yield chromium
    for context in chromium.contexts:
        context.close()


@pytest.fixture(autouse=True)
def cheap_staff_hashing(request, monkeypatch):
    """Staff passwords hashed with argon2id at its cheapest settings, through the same pool,
    unless a test is marked `production_hashing`: at the production cost (19 MiB, two passes)
    every account made and every login waited about half a second, a minute and a half of the
    suite, in tests about sessions, forms and pages rather than the hash. The production
    parameters are checked by the tests marked so; a live server in its own process hashes
    as in production."""
    if request.node.get_closest_marker("production_hashing"):
        return
    from argon2 import PasswordHasher

    from plumbing.hashing import PooledHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "hasher", PooledHasher(cheap))


@pytest.fixture
def live_app_config() -> dict:
    """Settings a test file's live app runs with beyond the defaults; files override this."""
    return {}


@pytest.fixture
def live_app(tmp_path, live_app_config):
    """(app, base address): the app on a real HTTP server in a thread, over its own files
    (staff passwords hashed cheaply, as `cheap_staff_hashing` sets for every test)."""
    from browser_support import serve_app

    with serve_app(tmp_path, **live_app_config) as served:
        yield served
