"""Shared parts of the form fuzzing tests: a seeded app, signed-in cookies per role, the routes
and forms the app really has, and Hypothesis strategies for hostile values."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import publish_fixtures
from conftest import CSRF_RE, PASSWORD, app_config, make_user
from hypothesis import strategies as st

from consent.activities import create_activity
from consent.purposes import CHANNELS
from plumbing import db as wdb
from workbench import create_app, demo

ROLES = ("anonymous", "gatherer", "analyst", "planner", "admin", "safeguarding")
MARK = "fuzzMark()"
MARKUP = [
    f"<script>{MARK}</script>",
    f'"><script>{MARK}</script>',
    f"'><img src=x onerror={MARK}>",
    f"<svg onload={MARK}>",
]
# What must never come back unescaped in an HTML page.
UNESCAPED = re.compile(r"<script>fuzzMark|<img src=x onerror=fuzzMark|<svg onload=fuzzMark")
ODD_NUMBERS = ["", "-1", "0", "1e999", "NaN", "inf", "9" * 40, "0x10", "1.5", "١٢", "２"]
# Signing out or changing a password would end the shared signed-in session mid-run.
SESSION_ENDERS = {"auth.logout", "auth.change_password"}


def hostile_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=40),
        st.sampled_from(MARKUP),
        st.sampled_from(ODD_NUMBERS),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
        st.sampled_from(
            ["\x00", "a\x00b", "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")]
        ),
        st.builds(
            lambda s, n: s * n,
            st.sampled_from(["x", "é", "<b>", "\n"]),
            st.sampled_from([1_000, 7_000, 20_001]),
        ),
        st.sampled_from(["yes", "no", "y", "on", "true", "confirm", "approve", "reject"]),
        st.sampled_from(["2026-02-30", "9999-12-31", "0000-00-00", "2026-01-01"]),
    )


def path_value(kind: str, ids: list[int]) -> st.SearchStrategy[str]:
    if kind == "int":
        return st.one_of(
            st.sampled_from(ids).map(str),
            st.sampled_from([str(2**63 - 1), str(2**63), str(2**64), "0" * 30 + "1"]),
            st.integers(min_value=0, max_value=2**80).map(str),
        )
    return st.one_of(
        st.sampled_from(["acknowledge", "close", "escalate", "note", "x"]),
        st.text(alphabet=st.characters(blacklist_characters="/?#%", codec="utf-8"), min_size=1),
    )


@dataclass
class FoundForm:
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)


class FormParser(HTMLParser):
    """POST forms on a page: where they go and their fields with the values the page gave."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url = page_url
        self.forms: list[FoundForm] = []
        self._current: FoundForm | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._current = FoundForm((a.get("action") or self.page_url).split("#")[0])
            self.forms.append(self._current)
        elif tag in {"input", "select", "textarea", "button"} and self._current and a.get("name"):
            # Every option of a radio or checkbox is kept: the fuzzer sends them all at once.
            default = "y" if a.get("type") in {"checkbox", "radio"} else ""
            self._current.fields.setdefault(a["name"], []).append(a.get("value") or default)

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


@dataclass
class FuzzSite:
    app: object
    cookies: dict[str, dict[str, str]]
    tokens: dict[str, str]
    ids: list[int]
    forms: dict[str, list[FoundForm]]
    names: list[str]

    def client(self, role: str):
        client = self.app.test_client()
        for name, value in self.cookies[role].items():
            client.set_cookie(name, value)
        return client


def _signed_in_cookies(client) -> dict[str, str]:
    return {c.key: c.value for c in client._cookies.values()}


def build_site(tmp: Path) -> FuzzSite:
    app = create_app(
        {"TESTING": True, **app_config(tmp, RATELIMIT_ENABLED=False, STORY_MAX_CHARS=20_000)}
    )
    db = wdb.connect(app.config["WORKBENCH_DB"])
    seeded = publish_fixtures.seed(db, n_stories=12)
    open_activity = create_activity(
        db,
        {
            **demo.ACTIVITIES[0],
            "opens_on": (date.today() - timedelta(days=1)).isoformat(),
            "closes_on": (date.today() + timedelta(days=30)).isoformat(),
            "feedback_date": (date.today() + timedelta(days=60)).isoformat(),
            "channels": list(CHANNELS),
            "retention_days": 365,
        },
        created_by=None,
    )
    cookies: dict[str, dict[str, str]] = {}
    tokens: dict[str, str] = {}
    for role in ROLES:
        client = app.test_client()
        if role == "anonymous":
            page = client.get("/login").get_data(as_text=True)
        else:
            user = make_user(db, role, f"fuzz-{role}")
            token = CSRF_RE.search(client.get("/login").get_data(as_text=True)).group(1)
            response = client.post(
                "/login",
                data={"username": user.username, "password": PASSWORD, "csrf_token": token},
            )
            assert response.status_code == 302, role
            page = client.get("/account/password").get_data(as_text=True)
        tokens[role] = CSRF_RE.search(page).group(1)
        cookies[role] = _signed_in_cookies(client)
    # One row of each kind a URL can name, plus rows that are not there.
    theme = db.execute("SELECT min(id) FROM themes").fetchone()[0]
    quote = db.execute("SELECT min(id) FROM quotes").fetchone()[0]
    ids = [open_activity, theme, quote, next(iter(seeded["stories"].values())), 0]
    db.close()
    site = FuzzSite(app, cookies, tokens, ids, {}, [])
    site.forms, site.names = _discover_forms(site)
    return site


def concrete_get_urls(app, ids: list[int]) -> list[str]:
    """Every GET page, with the ids in its URL filled by rows that exist (a few of each)."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        if not rule.arguments:
            urls.append(rule.rule)
        elif all(f"<int:{name}>" in rule.rule for name in rule.arguments):
            urls += [re.sub(r"<int:[a-z_]+>", str(i), rule.rule) for i in ids]
    return urls


def _discover_forms(site: FuzzSite) -> tuple[dict[str, list[FoundForm]], list[str]]:
    """The POST forms each role is shown, and every field name any of them has."""
    forms: dict[str, list[FoundForm]] = {}
    names: set[str] = set()
    for role in ROLES:
        client = site.client(role)
        found: list[FoundForm] = []
        for url in concrete_get_urls(site.app, site.ids):
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.content_type:
                continue
            parser = FormParser(url)
            parser.feed(response.get_data(as_text=True))
            found += [f for f in parser.forms if f.action.startswith("/")]
        forms[role] = found
        for form in found:
            names.update(form.fields)
    names.discard("csrf_token")
    return forms, sorted(names)


def upload(data: bytes):
    return (io.BytesIO(data), "stories.csv")
