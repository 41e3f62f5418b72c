"""The locust users that `benchmarks/load.py` runs; not meant to be started by hand.

Two kinds of visitor, in equal numbers: analysts reading the review pages (signed in once, in
`on_start`, so the argon2 cost of logging in is its own line and not in the page figures) and
storytellers sending the online form and opening receipts. `/healthz` is the baseline: the
cheapest request the app answers, measured in the same run.

The run's details (ids, receipts, password) arrive as JSON in LOAD_CONFIG.
"""

from __future__ import annotations

import json
import os
import random
import re
import time

from locust import FastHttpUser, between, events, task

CONFIG = json.loads(os.environ.get("LOAD_CONFIG", "{}"))
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
HIDDEN_RE = re.compile(r'name="(notice_id|submission_key)"[^>]*value="([^"]*)"')
BASELINE = "GET /healthz (baseline)"
STORY = (
    "I rang the surgery at eight every morning for a week before I got an appointment. "
    "The receptionist was kind but there was nothing she could do."
)


LOGIN_MS: list[float] = []


@events.test_stop.add_listener
def _save_logins(**_kwargs) -> None:
    """Login times go to a file of their own: the page figures start after the last login."""
    if CONFIG.get("logins_file"):
        with open(CONFIG["logins_file"], "w") as out:
            json.dump(LOGIN_MS, out)


def _token(page: str) -> str:
    match = CSRF_RE.search(page)
    return match.group(1) if match else ""


class Analyst(FastHttpUser):
    """An analyst moving between the dashboard, themes and priorities."""

    fixed_count = CONFIG.get("analysts", 10)
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        username = CONFIG["analyst_users"].pop()
        page = self.client.get("/login", name="GET /login").text
        started = time.perf_counter()
        response = self.client.post(
            "/login",
            data={"username": username, "password": CONFIG["password"], "csrf_token": _token(page)},
            name="POST /login",
            allow_redirects=False,
        )
        LOGIN_MS.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302:
            # Measuring a signed-out analyst would time the redirect to /login, not the pages.
            raise RuntimeError(f"analyst login failed with status {response.status_code}")
        if len(LOGIN_MS) == self.fixed_count:
            # Everyone is signed in: measure from here, without the argon2 burst of logging in.
            self.environment.runner.stats.reset_all()

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name=BASELINE)

    def page(self, url: str, name: str) -> None:
        """A page that must be served as it is: a redirect (say, to /login) is a failure."""
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as got:
            if got.status_code != 200:
                got.failure(f"status {got.status_code}")

    @task(2)
    def dashboard(self) -> None:
        self.page("/dashboard", "GET /dashboard")

    @task(2)
    def themes(self) -> None:
        self.page(f"/review/themes?activity={CONFIG['theme_activity']}", "GET /review/themes")

    @task(2)
    def theme(self) -> None:
        theme_id = random.choice(CONFIG["theme_ids"])
        self.page(f"/review/themes/{theme_id}", "GET /review/themes/<id>")

    @task(2)
    def priorities(self) -> None:
        self.page(
            f"/review/priorities/?activity={CONFIG['theme_activity']}", "GET /review/priorities/"
        )


class Storyteller(FastHttpUser):
    """Someone telling a story online, or opening their receipt (rightly or wrongly)."""

    fixed_count = CONFIG.get("storytellers", 10)
    wait_time = between(0.5, 1.5)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name=BASELINE)

    @task(3)
    def tell(self) -> None:
        url = f"/tell/{CONFIG['tell_activity']}"
        page = self.client.get(url, name="GET /tell/<id>").text
        form = {
            **dict(HIDDEN_RE.findall(page)),
            "csrf_token": _token(page),
            "story": STORY,
            "consent_analysis": "yes",
            "consent_publish_quotes": random.choice(["yes", "no"]),
            "consent_share_partners": "no",
            "consent_contact": "no",
            "consent_equality_monitoring": "no",
        }
        with self.client.post(
            url, data=form, name="POST /tell/<id> (capture)", catch_response=True
        ) as response:
            if response.status_code != 201:
                response.failure(f"status {response.status_code}")

    @task(2)
    def receipt(self) -> None:
        page = self.client.get("/receipt", name="GET /receipt").text
        reference, secret = random.choice(CONFIG["receipts"])
        right = random.random() < 0.5
        typed = secret if right else "ABCD-EFGH-JKMN-PQRS"
        name = "POST /receipt (right secret, argon2)" if right else "POST /receipt (wrong, argon2)"
        expected = 200 if right else 401
        with self.client.post(
            "/receipt",
            data={"reference": reference, "secret": typed, "csrf_token": _token(page)},
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code == expected:
                response.success()
            else:
                response.failure(f"status {response.status_code}, expected {expected}")
