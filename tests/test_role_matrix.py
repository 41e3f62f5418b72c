"""Every route × every role: the one policy holds everywhere (deny by default).

The matrix is built from the app's own URL map and each view's declared roles, so a new
route is covered as soon as it exists, and a route that declares nothing fails here.
"""

from __future__ import annotations

import re

import pytest
from conftest import csrf_token, login, make_user

from workbench import accounts, create_app
from workbench.policy import PUBLIC

ANONYMOUS = "anonymous"
ROLES = (*accounts.ROLES, ANONYMOUS)
SELF_ENDING = {"auth.logout"}


@pytest.fixture(scope="module")
def matrix_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("matrix")
    app = create_app(
        {
            "TESTING": True,
            "WORKBENCH_ENV": "testing",
            "SECRET_KEY": "matrix",
            "WORKBENCH_DB": str(tmp / "w.db"),
            "WORKBENCH_PUBLISHED_DB": str(tmp / "p.db"),
            "WORKBENCH_QUEUE": "sqlite:///" + str(tmp / "q.db"),
            "RATELIMIT_ENABLED": False,
        }
    )
    return app


@pytest.fixture(scope="module")
def clients(matrix_app):
    from plumbing import db as wdb

    db = wdb.connect(matrix_app.config["WORKBENCH_DB"])
    result = {}
    for role in ROLES:
        client = matrix_app.test_client()
        if role != ANONYMOUS:
            make_user(db, role, f"matrix-{role}")
            assert login(client, f"matrix-{role}").status_code == 302
        result[role] = (client, csrf_token(client, "/login"))
    db.close()
    return result


def routes(app) -> list[tuple[str, str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        url = re.sub(r"<(?:[^:>]+:)?([^>]+)>", "1", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, url))
    return found


def _app_for_collection():
    import tempfile

    tmp = tempfile.mkdtemp()
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "WORKBENCH_DB": f"{tmp}/w.db",
            "WORKBENCH_QUEUE": f"sqlite:///{tmp}/q.db",
        }
    )


CASES = [
    (endpoint, method, url, role)
    for endpoint, method, url in routes(_app_for_collection())
    for role in ROLES
    # Logging out for real would end the shared session; test_auth covers it.
    if not (endpoint in SELF_ENDING and role != ANONYMOUS)
]


def test_every_route_declares_who_may_use_it(matrix_app):
    undeclared = [
        endpoint
        for endpoint, view in matrix_app.view_functions.items()
        if endpoint != "static" and getattr(view, "allowed_roles", None) is None
    ]
    assert undeclared == []


@pytest.mark.parametrize(("endpoint", "method", "url", "role"), CASES)
def test_route_answers_each_role_by_the_policy(matrix_app, clients, endpoint, method, url, role):
    allowed = getattr(matrix_app.view_functions[endpoint], "allowed_roles", None)
    client, token = clients[role]
    if method == "GET":
        response = client.get(url)
    else:
        response = client.open(url, method=method, data={"csrf_token": token})
    status = response.status_code
    to_login = status == 302 and "/login" in response.headers.get("Location", "")
    if allowed == PUBLIC:
        assert status != 403 and not to_login
    elif role == ANONYMOUS:
        assert to_login, f"{method} {url} gave {status} to an anonymous visitor"
    elif role in allowed:
        assert status != 403 and not to_login, f"{method} {url} refused {role}"
    else:
        assert status == 403, f"{method} {url} gave {status} to {role}"
    assert status != 500
