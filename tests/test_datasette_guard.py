"""The published site keeps staff credentials out and browser protections on (issue 18, item
13), checked through Datasette's own client with the planner plugin loaded."""

from __future__ import annotations

import re

import pytest
from datasette import hookimpl
from datasette.plugins import pm
from publish_fixtures import build_published, fetch_published
from test_datasette import TABLES

from plumbing import db as wdb

CANARY = "staff-session-canary-7f3a"
STAFF = {"cookie": f"workbench_session={CANARY}", "authorization": f"Bearer {CANARY}"}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_published(tmp_path_factory.mktemp("guard"))


fetch = fetch_published


def test_every_published_page_carries_the_browser_protections(built):
    (home,) = fetch(built, "/")
    theme = re.search(r'href="(/-/planner/theme/\d+)"', home.text).group(1)
    urls = ["/", "/published", theme, "/-/planner/accessibility", "/published/no-such-table"]
    urls += [f"/published/{table}" for table in TABLES] + ["/published/themes.json"]
    urls += ["/-/versions", "/published?sql=select+1", "/-/planner/static/planner.css"]
    responses = fetch(built, *urls)
    assert [r.status_code for r in responses[-3:]] == [403, 403, 200]
    for url, response in zip(urls, responses, strict=True):
        csp = response.headers.get("content-security-policy", "")
        assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp, url
        assert response.headers["x-frame-options"] == "DENY", url
        assert response.headers["x-content-type-options"] == "nosniff", url
        assert response.headers["referrer-policy"] == "no-referrer", url
        if response.headers["content-type"].startswith("text/html"):
            assert INLINE_SCRIPT.findall(response.text) == [], url


def test_the_scripts_the_pages_need_are_served_as_files(built):
    table = fetch(built, f"/published/{TABLES[0]}")[0].text
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', table)
    assert "/-/planner/static/facets-true.js" in scripts
    assert "/-/planner/static/close-menus.js" in scripts
    served = dict(zip(scripts, fetch(built, *scripts), strict=True))
    assert all(r.status_code == 200 for r in served.values())
    assert "DATASETTE_ALLOW_FACET = true" in served["/-/planner/static/facets-true.js"].text


class Witness:
    """A plugin that notes the cookies and headers each request brings into Datasette."""

    __name__ = "test_witness"  # Datasette lists plugins by module name

    def __init__(self):
        self.seen: list[str] = []

    @hookimpl
    def actor_from_request(self, datasette, request):
        self.seen.append(repr(request.cookies) + repr(request.headers))


def test_staff_cookies_never_reach_datasette(built):
    witness = Witness()
    pm.register(witness, name="test-witness")
    try:
        responses = fetch(built, "/", "/published", "/published/no-such-table", headers=STAFF)
    finally:
        pm.unregister(name="test-witness")
    assert [r.status_code for r in responses] == [200, 200, 404]
    assert witness.seen and not any(CANARY in seen for seen in witness.seen)
    assert all("set-cookie" not in r.headers for r in responses)


def test_a_missing_page_logs_no_request_header(built, capfd, caplog):
    caplog.set_level("DEBUG")
    responses = fetch(
        built,
        "/published/no-such-table",
        "/no-such-database",
        "/-/planner/theme/999999",
        headers={**STAFF, "x-canary": CANARY},
    )
    assert [r.status_code for r in responses] == [404, 404, 404]
    assert all(CANARY not in r.text for r in responses)
    out, err = capfd.readouterr()
    assert CANARY not in out + err + caplog.text
    assert "Traceback" not in out + err


def test_the_staff_cookie_is_host_only_and_never_shared_with_the_published_host(tmp_path):
    from conftest import CSRF_RE, PASSWORD, app_config, make_user

    from workbench import create_app
    from workbench.commands.services import APP_URL, DATASETTE_URL

    app = create_app(
        {
            **app_config(tmp_path),
            "WORKBENCH_ENV": "production",
            "WORKBENCH_TRUSTED_PROXIES": 0,
            "PUBLIC_BASE_URL": "https://stories.example.org",
        }
    )
    db = wdb.connect(app.config["WORKBENCH_DB"])
    make_user(db, "analyst", "alice")
    client, site = app.test_client(), "https://stories.example.org"
    token = CSRF_RE.search(client.get("/login", base_url=site).get_data(as_text=True)).group(1)
    form = {"username": "alice", "password": PASSWORD, "csrf_token": token}
    response = client.post("/login", data=form, base_url=site)
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-workbench_session=")
    assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie
    # Under `make run` the two sites are opened on different host names.
    assert APP_URL.split("//")[1].split(":")[0] != DATASETTE_URL.split("//")[1].split(":")[0]
    db.close()
