"""The access policy's own promises, beyond the role matrix: a route that declares nothing is
refused, a refusal leaves an audit record, static files are open to everyone, and a user who
must change their password can still log out."""

from __future__ import annotations

from conftest import csrf_token, login, make_user

from workbench import accounts
from workbench.policy import PUBLIC, public, roles


def _denials(db) -> list[tuple[str, str, str]]:
    return [
        (row["actor"], row["object_type"], row["object_id"])
        for row in db.query("SELECT * FROM audit_log WHERE action = 'denied' ORDER BY id")
    ]


def test_views_declared_here_are_enforced_as_declared(app, client, db):
    # Decorated now, not at import, so the decorators themselves are what is tested.
    app.add_url_rule("/probe/planners", "probe_planners", roles("planner", "admin")(lambda: "p"))
    app.add_url_rule("/probe/anyone", "probe_anyone", public(lambda: "a"))
    assert app.view_functions["probe_planners"].allowed_roles == frozenset({"planner", "admin"})
    assert app.view_functions["probe_anyone"].allowed_roles == PUBLIC

    anyone = client.get("/probe/anyone")
    assert (anyone.status_code, anyone.get_data(as_text=True)) == (200, "a")
    assert client.get("/probe/planners").headers["Location"].endswith("/login")

    make_user(db, "planner", "pat")
    login(client, "pat")
    planners = client.get("/probe/planners")
    assert (planners.status_code, planners.get_data(as_text=True)) == (200, "p")


def test_a_route_that_declares_nothing_is_refused_even_to_an_admin(app, client, db):
    app.add_url_rule("/probe/undeclared", "probe_undeclared", lambda: "should never be seen")
    assert client.get("/probe/undeclared").headers["Location"].endswith("/login")
    admin = make_user(db, "admin", "ada")
    login(client, "ada")
    response = client.get("/probe/undeclared")
    assert response.status_code == 403
    assert "should never be seen" not in response.get_data(as_text=True)
    assert _denials(db) == [(admin.actor, "endpoint", "probe_undeclared")]


def test_a_refused_request_is_audited_with_who_and_which_route(client, db):
    gatherer = make_user(db, "gatherer", "gil")
    login(client, "gil")
    assert client.get("/admin/users").status_code == 403
    assert client.get("/publishing/").status_code == 403
    assert _denials(db) == [
        (gatherer.actor, "endpoint", "admin.users"),
        (gatherer.actor, "endpoint", "publishing.index"),
    ]
    # An allowed request leaves no denial behind.
    assert client.get("/capture/stories/new").status_code == 200
    assert len(_denials(db)) == 2


def test_an_anonymous_visitor_is_sent_to_log_in_and_not_audited_as_denied(client, db):
    response = client.get("/admin/users")
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    assert _denials(db) == []


def test_static_files_are_served_to_anyone(client):
    # The storyteller pages need the stylesheet and scripts before anyone signs in.
    for name in ("style.css", "receipt.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200, name
        assert response.get_data(), name
        response.close()


def test_a_user_who_must_change_their_password_can_still_log_out(client, db):
    _user, one_time = accounts.create_user(db, "newcomer", "analyst")
    assert login(client, "newcomer", one_time).headers["Location"].endswith("/account/password")
    # Every other page still sends them to the password form...
    assert client.get("/dashboard").headers["Location"].endswith("/account/password")
    token = csrf_token(client, "/account/password")
    response = client.post("/logout", data={"csrf_token": token})
    # ...but logging out is honoured, not turned into another trip to that form.
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/login")
    assert client.get("/dashboard").headers["Location"].endswith("/login")
    actions = [row["action"] for row in db.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-1] == "logout"
