"""Admins manage accounts in the app: deactivate, reactivate, reset a password, change a role.
Each change is audited with who made it, and an admin cannot lock everyone out."""

from __future__ import annotations

import re
import threading

import pytest
from conftest import PASSWORD, login, make_user, post_form

from plumbing import db as wdb
from workbench import accounts

ONE_TIME = re.compile(r"data-one-time-password>([^<]+)<")


@pytest.fixture
def admin(client, db):
    user = make_user(db, "admin", "ada")
    login(client, "ada")
    return user


def signed_in_elsewhere(app, db, role: str):
    """bob, a `role` user, and the browser he is signed in with."""
    bob = make_user(db, role, "bob")
    bobs_browser = app.test_client()
    login(bobs_browser, "bob")
    return bob, bobs_browser


def on_account(client, user, action: str, form: dict, **kwargs):
    """An admin's form about `user` (active, password or role), sent from the accounts page."""
    return post_form(
        client, f"/admin/users/{user.id}/{action}", form, form_page="/admin/users", **kwargs
    )


def actions_on(db, user_id: int) -> list[tuple[str, str, str | None]]:
    return [
        (row["actor"], row["action"], row["detail"])
        for row in db.query(
            "SELECT * FROM audit_log WHERE object_type = 'user' AND object_id = ?"
            " AND action NOT IN ('login', 'logout') ORDER BY id",
            [str(user_id)],
        )
    ]


def test_a_deactivated_account_is_signed_out_and_cannot_log_in_until_reactivated(
    app, client, db, admin
):
    bob, bobs_browser = signed_in_elsewhere(app, db, "analyst")
    assert bobs_browser.get("/dashboard").status_code == 200

    response = on_account(
        client, bob, "active", {"action": "deactivate", "confirmed": "yes"}, follow_redirects=True
    )
    page = response.get_data(as_text=True)
    assert 'role="status">Saved: bob is deactivated' in page
    assert "/login" in bobs_browser.get("/dashboard").headers["Location"]
    assert login(bobs_browser, "bob").status_code == 401

    on_account(client, bob, "active", {"action": "reactivate"})
    assert login(bobs_browser, "bob").status_code == 302
    assert actions_on(db, bob.id) == [
        (admin.actor, "user_deactivated", None),
        ("anonymous", "login_failed", "address=127.0.0.1"),  # the account tried, and from where
        (admin.actor, "user_reactivated", None),
    ]


def test_a_reset_shows_a_one_time_password_once_and_ends_the_old_password_and_sessions(
    app, client, db, admin
):
    bob, bobs_browser = signed_in_elsewhere(app, db, "gatherer")
    response = on_account(client, bob, "password", {"action": "reset", "confirmed": "yes"})
    assert response.status_code == 200
    one_time = ONE_TIME.search(response.get_data(as_text=True)).group(1)
    assert one_time not in client.get("/admin/users").get_data(as_text=True)
    assert "/login" in bobs_browser.get("/dashboard").headers["Location"]
    assert accounts.authenticate(db, "bob", PASSWORD) is None
    assert login(bobs_browser, "bob", one_time).headers["Location"].endswith("/account/password")
    assert actions_on(db, bob.id) == [(admin.actor, "password_reset", None)]
    assert one_time not in str(list(db.query("SELECT * FROM audit_log")))


def test_a_role_change_applies_from_the_next_page_and_is_audited(app, client, db, admin):
    bob, bobs_browser = signed_in_elsewhere(app, db, "planner")
    assert bobs_browser.get("/capture/import").status_code == 403
    response = on_account(client, bob, "role", {"role": "analyst"}, follow_redirects=True)
    assert 'role="status">Saved: bob is now analyst.' in response.get_data(as_text=True)
    assert bobs_browser.get("/capture/import").status_code == 200
    assert actions_on(db, bob.id) == [(admin.actor, "role_changed", "planner->analyst")]


def test_an_unknown_role_changes_nothing(client, db, admin):
    bob = make_user(db, "planner", "bob")
    on_account(client, bob, "role", {"role": "owner"})
    assert accounts.get(db, bob.id).role == "planner"
    assert actions_on(db, bob.id) == []


def test_admins_cannot_deactivate_themselves_or_leave_no_active_admin(client, db, admin):
    response = on_account(
        client, admin, "active", {"action": "deactivate", "confirmed": "yes"}, follow_redirects=True
    )
    assert "You cannot deactivate your own account." in response.get_data(as_text=True)
    response = on_account(client, admin, "role", {"role": "analyst"}, follow_redirects=True)
    assert "Another admin must change your role." in response.get_data(as_text=True)
    assert accounts.get(db, admin.id).active and accounts.get(db, admin.id).role == "admin"

    # With a second active admin, one may deactivate the other.
    other = make_user(db, "admin", "odo")
    accounts.set_active(db, other, False, by=admin)
    assert not accounts.get(db, other.id).active


def test_the_last_active_admin_keeps_their_role_and_account(db):
    only = make_user(db, "admin", "only")
    other = make_user(db, "analyst", "other")
    with pytest.raises(accounts.AccountError, match="only active admin"):
        accounts.set_active(db, only, False, by=other)
    with pytest.raises(accounts.AccountError, match="only active admin"):
        accounts.set_role(db, only, "analyst", by=other)
    assert accounts.get(db, only.id).role == "admin" and accounts.get(db, only.id).active


@pytest.mark.parametrize("change", ["role", "active"])
def test_two_admins_removing_each_other_at_once_leave_one(db, monkeypatch, change):
    """Probing had two admins demote each other at the same moment: both saw the other still
    an admin and none was left. Each thread here counts, then waits (up to a second) for the
    other to have counted too, so before the fix both counts came before either write."""
    one, two = make_user(db, "admin", "one"), make_user(db, "admin", "two")
    path = wdb.path_of(db)
    counted = threading.Barrier(2)
    count = accounts._active_admins

    def slow_count(conn):
        n = count(conn)
        try:
            counted.wait(timeout=1)
        except threading.BrokenBarrierError:
            pass  # the other thread is waiting for the write lock: counted in turn
        return n

    monkeypatch.setattr(accounts, "_active_admins", slow_count)
    refused = []

    def remove(target, by):
        conn = wdb.connect(path)
        try:
            if change == "role":
                accounts.set_role(conn, target, "analyst", by=by)
            else:
                accounts.set_active(conn, target, False, by=by)
        except accounts.AccountError:
            refused.append(target.username)
        finally:
            conn.close()

    threads = [
        threading.Thread(target=remove, args=(two, one)),
        threading.Thread(target=remove, args=(one, two)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(refused) == 1
    assert count(db) == 1


@pytest.mark.parametrize("path", ["active", "password", "role"])
def test_account_actions_need_the_csrf_token(client, db, admin, path):
    bob = make_user(db, "planner", "bob")
    response = client.post(f"/admin/users/{bob.id}/{path}", data={"action": "deactivate"})
    assert response.status_code == 400
    assert accounts.get(db, bob.id).active and accounts.get(db, bob.id).role == "planner"


def test_a_reset_from_the_command_line_is_audited_too(app, db, monkeypatch):
    from click.testing import CliRunner

    from workbench.cli import cli

    bob = make_user(db, "analyst", "bob")
    monkeypatch.setenv("WORKBENCH_DB", app.config["WORKBENCH_DB"])
    result = CliRunner().invoke(cli, ["reset-password", "bob"])
    assert result.exit_code == 0, result.output
    assert actions_on(db, bob.id) == [("cli", "password_reset", None)]
    assert result.output.split(": ")[-1].strip() not in str(
        list(db.query("SELECT * FROM audit_log"))
    )


@pytest.mark.parametrize(
    ("path", "action", "question"),
    [("active", "deactivate", "Deactivate bob?"), ("password", "reset", "Reset the password")],
)
def test_deactivating_or_resetting_asks_first_and_changes_nothing_until_confirmed(
    app, client, db, admin, path, action, question
):
    bob, bobs_browser = signed_in_elsewhere(app, db, "analyst")
    response = on_account(client, bob, path, {"action": action})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and question in page
    assert 'name="confirmed" value="yes"' in page and ONE_TIME.search(page) is None
    assert accounts.get(db, bob.id).active
    assert accounts.authenticate(db, "bob", PASSWORD) is not None
    assert bobs_browser.get("/dashboard").status_code == 200
    assert actions_on(db, bob.id) == []
