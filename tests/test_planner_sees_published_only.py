"""Planners see approved, published material only: no draft theme label on the action form or
list, no working pipeline or jobs on their dashboard (issue 18, item 10)."""

from __future__ import annotations

from conftest import post_form
from consent_support import new_theme, open_activity, staff_user

from workbench.feedback import actions
from workbench.feedback.actions import ActionFields

DRAFT = "Draft label nobody approved"
APPROVED = "Phone access"


def _themes(db):
    analyst = staff_user(db, "analyst")
    activity = open_activity(db, analyst)
    return (
        analyst,
        new_theme(db, activity, APPROVED, "approved"),
        new_theme(db, activity, DRAFT, "draft"),
    )


def _fields() -> ActionFields:
    return ActionFields(you_said="Phones were hard", we_did="A new line", owner="Operations")


def test_the_action_form_offers_planners_approved_themes_only(client, db, login_as):
    _, approved, draft = _themes(db)
    login_as("planner")
    page = client.get("/actions/new").get_data(as_text=True)
    assert APPROVED in page and DRAFT not in page
    forged = post_form(
        client,
        "/actions/new",
        {
            "theme": str(draft),
            "priority": "",
            "you_said": "x",
            "we_did": "y",
            "owner": "z",
            "status": "planned",
        },
    )
    assert forged.status_code == 400 and db["actions"].count == 0
    login_as("analyst")
    assert DRAFT in client.get("/actions/new").get_data(as_text=True)


def test_planners_do_not_see_actions_on_draft_themes(client, db, login_as):
    analyst, approved, draft = _themes(db)
    on_draft = actions.record_action(db, _fields(), by=analyst, theme_id=draft)
    actions.record_action(db, _fields(), by=analyst, theme_id=approved)
    login_as("planner")
    listing = client.get("/actions").get_data(as_text=True)
    assert APPROVED in listing and DRAFT not in listing
    assert client.get(f"/actions/{on_draft}").status_code == 404


def test_the_planners_dashboard_shows_no_pipeline_or_jobs(app, client, db, login_as):
    login_as("analyst")
    staff = client.get("/dashboard").get_data(as_text=True)
    assert "Stories on the data path" in staff and "Background jobs" in staff
    login_as("planner")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Stories on the data path" not in page and "Background jobs" not in page
    assert app.config["PUBLISHED_SITE_URL"] in page
