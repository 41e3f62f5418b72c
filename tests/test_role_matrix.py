"""Every route × every role: the one policy holds everywhere (deny by default).

The routes come from the app's own URL map, so a new route is tested as soon as it exists.
Who may use each one comes from the table below, written and reviewed by hand, never from the
views' own declarations: a wrong declaration (or a wrong STAFF list) fails here, and a new
route fails until someone decides who may use it and adds its row.
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

# Reviewed against "Who it is for" in the README: gatherers record stories and check their
# anonymisation; analysts also run activities, themes, tags, publishing and the outbox;
# planners read and record actions and reach; the safeguarding lead sees only safeguarding;
# admins can do everything, and alone manage accounts, the audit log and tag frameworks.
REVIEWED = """
                              gatherer  analyst  planner  admin  safeguarding
admin.audit_csv                  -         -        -      yes        -
admin.audit_log                  -         -        -      yes        -
admin.reset_password             -         -        -      yes        -
admin.set_active                 -         -        -      yes        -
admin.set_role                   -         -        -      yes        -
admin.users                      -         -        -      yes        -
auth.change_password            yes       yes      yes     yes       yes
auth.login                    public
auth.logout                     yes       yes      yes     yes       yes
capture.activities               -        yes       -      yes        -
capture.edit_activity            -        yes       -      yes        -
capture.find_story              yes       yes       -      yes        -
capture.import_stories           -        yes       -      yes        -
capture.new_activity             -        yes       -      yes        -
capture.new_story               yes       yes       -      yes        -
capture.record_story            yes       yes       -      yes        -
capture.record_consent          yes       yes       -      yes        -
capture.reissue_secret          yes       yes       -      yes        -
capture.withdraw_story          yes       yes       -      yes        -
checks.check                    yes       yes       -      yes        -
checks.queue                    yes       yes       -      yes        -
dashboard.healthz             public
dashboard.index                 yes       yes      yes     yes       yes
feedback.action_list             -        yes      yes     yes        -
feedback.activity_evaluation     -        yes       -      yes        -
feedback.activity_reach          -        yes      yes     yes        -
feedback.edit_action             -        yes      yes     yes        -
feedback.evaluate             public
feedback.export                  -        yes       -      yes        -
feedback.export_outbox           -        yes       -      yes        -
feedback.new_action              -        yes      yes     yes        -
feedback.outbox_page             -        yes       -      yes        -
feedback.reach_index             -        yes      yes     yes        -
feedback.send_outbox             -        yes       -      yes        -
publishing.index                 -        yes       -      yes        -
publishing.publish_now           -        yes       -      yes        -
review.add_quote                 -        yes       -      yes        -
review.decide_proposal           -        yes       -      yes        -
review.decide_proposed           -        yes       -      yes        -
review.merge                     -        yes       -      yes        -
review.move                      -        yes       -      yes        -
review.remove_quote              -        yes       -      yes        -
review.rename                    -        yes       -      yes        -
review.run_themes                -        yes       -      yes        -
review.set_status                -        yes       -      yes        -
review.split                     -        yes       -      yes        -
review.theme                     -        yes       -      yes        -
review.themes                    -        yes       -      yes        -
safeguarding.flag                -         -        -      yes       yes
safeguarding.queue               -         -        -      yes       yes
safeguarding.raise_concern      yes       yes       -      yes       yes
safeguarding.step                -         -        -      yes       yes
storyteller.about             public
storyteller.card_page         public
storyteller.card_png          public
storyteller.change_consent    public
storyteller.home              public
storyteller.index             public
storyteller.logo              public
storyteller.receipt           public
storyteller.receipt_form      public
storyteller.tell              public
storyteller.withdraw          public
tags.decide                      -        yes       -      yes        -
tags.decide_theme                -        yes       -      yes        -
tags.frameworks                  -         -        -      yes        -
tags.index                       -        yes       -      yes        -
tags.run                         -        yes       -      yes        -
"""


def reviewed_matrix(text: str) -> dict[str, frozenset[str] | str]:
    """endpoint -> the roles allowed (or PUBLIC), from the table above."""
    header, *rows = text.strip().splitlines()
    columns = header.split()
    matrix: dict[str, frozenset[str] | str] = {}
    for row in rows:
        endpoint, *cells = row.split()
        if cells == ["public"]:
            matrix[endpoint] = PUBLIC
        else:
            assert set(cells) <= {"yes", "-"}, row
            yes = (role for role, cell in zip(columns, cells, strict=True) if cell == "yes")
            matrix[endpoint] = frozenset(yes)
    return matrix


EXPECTED = reviewed_matrix(REVIEWED)


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


def test_the_reviewed_table_names_every_role_and_every_route(matrix_app):
    columns = REVIEWED.strip().splitlines()[0].split()
    assert sorted(columns) == sorted(accounts.ROLES)
    routes_now = {endpoint for endpoint in matrix_app.view_functions if endpoint != "static"}
    assert sorted(routes_now - set(EXPECTED)) == [], "add these routes to the reviewed table"
    assert sorted(set(EXPECTED) - routes_now) == [], "these routes are gone: drop their rows"


def test_each_view_declares_the_reviewed_roles(matrix_app):
    declared = {
        endpoint: getattr(view, "allowed_roles", None)
        for endpoint, view in matrix_app.view_functions.items()
        if endpoint in EXPECTED
    }
    wrong = {e: d for e, d in declared.items() if d != EXPECTED[e]}
    assert wrong == {}


@pytest.mark.parametrize(("endpoint", "method", "url", "role"), CASES)
def test_route_answers_each_role_by_the_policy(matrix_app, clients, endpoint, method, url, role):
    allowed = EXPECTED.get(endpoint, frozenset())  # an unreviewed route: refuse everyone
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
